"""Two families of vendor items that are not news of a decision (issue 12, prec12f):

- hearsay: a decision told in the conditional of reported speech ("estaria
  preparando", "habría resuelto", "starebbe per", "aurait choisi") or credited to
  unnamed sources ("people briefed on", "Insidern zufolge") is a rumour, not a change;
- holding on: a vendor sticking with, standing by or holding firm on a stop it already
  took tells that stop as going on: against a standing ban it is no change, against a
  standing pause it is an extension (bot.extract.history reads the timeline).

Invented companies and wording throughout."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.extract import extract
from bot.extract.history import apply_history
from bot.models import Event
from tests.extract_helpers import entry, found


def _no_change(title: str, summary: str) -> bool:
    result = extract(entry(title, summary))
    return result is None or not result.relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Vestalia Sistemas estaria preparando sua saída do reconhecimento facial",
         "A notícia corre entre parceiros comerciais; a empresa preferiu não falar."),
        ("Marisma Biometría habría resuelto cerrar su buscador de caras",
         "Lo cuentan empleados que pidieron no ser citados; la firma guarda silencio."),
        ("Cormorano AI interromperebbe la vendita di riconoscimento facciale ai comuni",
         "La notizia arriva da fonti vicine al consiglio di amministrazione."),
        ("Pérignac aurait choisi de geler pour un an la reconnaissance faciale des polices municipales",
         "L'éditeur bordelais n'a pas répondu à nos questions."),
        ("Sturmvogel stellt angeblich den Verkauf seiner Gesichtssuche ein",
         "Aus Unternehmenskreisen heißt es, der Vorstand berate noch."),
        ("Brackwater Labs is understood to be pulling its face matcher from casinos",
         "People briefed on the plan say the decision could come within weeks."),
        ("Fuentes del sector: Escarcha ID estaría dejando de vender reconocimiento facial a bancos",
         "Ni la empresa ni sus clientes han confirmado nada."),
        ("Il futuro del riconoscimento facciale di Tarabuso",
         "Tarabuso avrebbe già deciso lo stop alle forniture per le banche, secondo due fonti."),
    ],
)  # fmt: skip
def test_a_decision_told_as_hearsay_is_no_change(title: str, summary: str) -> None:
    assert _no_change(title, summary)


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        ("Orvanne a annoncé qu'elle gèlerait pendant douze mois les licences municipales de sa reconnaissance faciale",
         "Le fournisseur nantais l'a écrit jeudi à ses clients : plus aucune licence municipale avant 2026.",
         "moratorium"),
        ("Lattarino ha comunicato che avrebbe chiuso il suo servizio di ricerca per volti",
         "La società milanese lo ha scritto ai clienti in una lettera firmata dal fondatore.",
         "shutdown"),
        ("Quebrada Visión anunció que dejaría de vender reconocimiento facial a los casinos",
         "La empresa lo confirmó el martes en una nota a sus distribuidores.", "ban"),
        ("A Paineira Tech informou que deixaria de vender reconhecimento facial a bancos",
         "O comunicado foi enviado aos clientes na segunda-feira.", "ban"),
    ],
)  # fmt: skip
def test_the_vendors_own_announcement_in_indirect_speech_is_its_decision(
    title: str, summary: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.action) == (True, action), f


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        ("Vestalia Sistemas deixa o mercado de reconhecimento facial",
         "A empresa confirmou que encerrará a linha e venderá a carteira de clientes.", "exit"),
        ("Marisma Biometría cierra su buscador de caras",
         "La firma apagó el servicio el lunes y borrará todas las plantillas faciales.", "shutdown"),
        ("Brackwater Labs stops selling its face matcher to casinos",
         "The company says gaming venues will get no new licences.", "ban"),
    ],
)  # fmt: skip
def test_the_same_decisions_told_plainly_are_changes(title: str, summary: str, action: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.action) == (True, action), f


WHEN = datetime(2024, 9, 2, tzinfo=UTC)


def _stop(vendor: str, action: str, applies_to: str, days_before: float) -> Event:
    first = WHEN - timedelta(days=days_before)
    return Event(
        id=1, key="k", relevant=True, actor_type="vendor", vendor=vendor, product=None,
        action=action, applies_to=applies_to, region="global", effective=first.date(),
        duration=None, title="t", evidence="e", link=None, confidence=0.8, first_reported=first,
    )  # fmt: skip


HOLDING_TO_A_BAN = [
    ("Caldwick Vision sticks by its refusal to sell face matching to landlords",
     "The supplier told investors it still turns property managers away.",
     "Caldwick Vision", "private_companies"),
    ("Ferrand Biométrie campe sur son refus de vendre aux casinos",
     "L'entreprise confirme sa position : aucun contrat avec les salles de jeu.",
     "Ferrand Biométrie", "private_companies"),
    ("Sorbello Dati tiene ferma la sua scelta: niente riconoscimento facciale alla polizia",
     "L'azienda non fornisce il software alle forze di polizia.",
     "Sorbello Dati", "police"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "vendor", "group"), HOLDING_TO_A_BAN)
def test_holding_to_a_standing_ban_is_no_change(
    title: str, summary: str, vendor: str, group: str
) -> None:
    f = found(title, summary, published=WHEN)
    assert f.signal in ("continuation", "restatement") or not f.relevant, f
    later = apply_history(f, [_stop(vendor, "ban", group, 200)], WHEN)
    assert not later.relevant, later


HOLDING_TO_A_PAUSE = [
    ("Windle Analytics holds firm on its pause of face-matching sales to school districts",
     "The company says districts will wait at least until next summer.",
     "Windle Analytics", "government"),
    ("Grauwald hält an der Pause für Behördenverkäufe fest",
     "Behörden bekommen die Gesichtserkennung weiter nicht, teilt der Anbieter mit.",
     "Grauwald", "government"),
    ("Almadraba se aferra a su pausa de ventas de reconocimiento facial a los ayuntamientos",
     "Los consistorios seguirán sin contratos nuevos hasta otoño.",
     "Almadraba", "government"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "vendor", "group"), HOLDING_TO_A_PAUSE)
def test_holding_to_a_standing_pause_is_an_extension(
    title: str, summary: str, vendor: str, group: str
) -> None:
    f = found(title, summary, published=WHEN)
    later = apply_history(f, [_stop(vendor, "moratorium", group, 300)], WHEN)
    assert (later.relevant, later.action) == (True, "extension"), (f, later)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Pellucid ID keeps its police stance: nothing new was decided",
         "At a trade show the face-search firm said no new limits are planned for officers."),
        ("Nuvolari Vision: la politica sulle banche resta com'era",
         "Nessuna nuova decisione sul riconoscimento faciale, ha detto il gruppo."),
    ],
)  # fmt: skip
def test_a_stance_restated_with_nothing_new_needs_no_timeline(title: str, summary: str) -> None:
    assert _no_change(title, summary)
