"""Families every other language already had, now in the language that lacked them
(invented vendors and sentences): customers losing a feature and "no sales to" a group
in Italian, the judicial pact in Spanish, a consumer association as the other party of
a case, and a whole business unit closed in German, French and Italian; plus items that
must stay no vendor change (a suit filed by a consumer group, a quarter closed)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.extract import extract
from tests.extract_helpers import entry

CASES = [
    # Italian: customers lose a capability (restriction) or a group loses the product (ban)
    ("I clienti arrivati da aprile resteranno senza la stima dell'età dai volti di Quillon Vision", "Chi ha già un contratto la conserva fino a fine anno.", "it", "restriction"),
    ("Quillon Vision, gli sviluppatori perderanno l'analisi delle emozioni sui volti", "La funzione sparisce dall'interfaccia a marzo.", "it", "restriction"),
    ("Quillon Vision: niente vendite di riconoscimento facciale alla polizia", "L'azienda cita il rischio di errori.", "it", "ban"),
    ("Quillon Vision, nessun nuovo contratto di riconoscimento facciale per le forze dell'ordine", "La decisione vale per tutta l'Europa.", "it", "ban"),
    # Spanish: the judicial pact
    ("Pacto judicial: Quillon Vision dejará fuera a los caseros de su reconocimiento facial", "El acuerdo aún necesita el visto bueno del juzgado.", "es", "settlement"),
    ("Quillon Vision no licenciará su búsqueda facial a aseguradoras", "Según los términos del acuerdo con los demandantes, la prohibición dura cinco años.", "es", "settlement"),
    # a consumer association on the other side of the case
    ("Quillon Vision will not license face search to landlords under its deal with a consumer group", "The terms last four years.", "en", "settlement"),
    ("Vereinbarung mit einem Verbraucherverband: Quillon Vision liefert keine Gesichtserkennung mehr an Vermieter", "Die Einigung gilt fünf Jahre.", "de", "settlement"),
    ("Quillon Vision ne vendra désormais plus sa reconnaissance faciale aux bailleurs", "L'accord avec une association de consommateurs court sur cinq ans.", "fr", "settlement"),
    ("Quillon Vision não venderá reconhecimento facial a condomínios", "O acordo com uma associação de consumidores vale por quatro anos.", "pt", "settlement"),
    # a whole unit closed
    ("Quillon Vision schließt seine Sparte für Gesichtserkennung", "Die Mitarbeiter wechseln in die Dokumentenprüfung.", "de", "exit"),
    ("Quillon Vision ferme sa division de reconnaissance faciale", "Les salariés rejoignent l'activité de lecture de documents.", "fr", "exit"),
    ("Quillon Vision chiude la divisione di riconoscimento facciale", "I dipendenti passano alla verifica dei documenti.", "it", "exit"),
    # every customer checked before use (vetting), the family English had
    ("Quillon Vision überprüft alle neuen Kunden seiner Gesichtserkennung", "Testkonten ohne Firmenadresse werden gesperrt.", "de", "restriction"),
    ("Quillon Vision vaglierà tutti i nuovi clienti del riconoscimento facciale", "Gli account anonimi vengono chiusi.", "it", "restriction"),
    ("Quillon Vision examinará a todos los nuevos clientes de su reconocimiento facial", "Las cuentas anónimas se cierran.", "es", "restriction"),
    ("Quillon Vision contrôlera chaque nouveau client de sa reconnaissance faciale", "Les comptes anonymes sont fermés.", "fr", "restriction"),
    ("Quillon Vision vai analisar cada cliente do seu reconhecimento facial", "Contas anônimas serão fechadas.", "pt", "restriction"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language", "action"), CASES)
def test_family_in_the_language_that_lacked_it(
    title: str, summary: str, language: str, action: str
) -> None:
    found = extract(dataclasses.replace(entry(title, summary), language=language))
    assert found is not None and found.relevant, f"{title!r}: no vendor change found"
    assert (found.actor_type, found.action) == ("vendor", action), title


NEGATIVES = [
    ("Consumer group sues Quillon Vision over face scans of tenants", "The complaint seeks damages.", "en"),
    ("Verbraucherzentrale verklagt Quillon Vision wegen Gesichtserkennung", "Die Klage wurde am Montag eingereicht.", "de"),
    ("Quillon Vision chiude il trimestre con ricavi in crescita grazie al riconoscimento facciale", "Le vendite alla grande distribuzione salgono.", "it"),
    ("Quillon Vision schließt eine Partnerschaft für Gesichtserkennung in Stadien", "Der erste Einsatz ist im Herbst geplant.", "de"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language"), NEGATIVES)
def test_no_vendor_change(title: str, summary: str, language: str) -> None:
    found = extract(dataclasses.replace(entry(title, summary), language=language))
    assert found is None or not found.relevant, title
