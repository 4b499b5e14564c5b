"""Each action told in the six languages the bot reads, with the item's declared
language, plus negatives that must stay no policy change (invented vendors and
sentences; a regression net for the verb families in bot/data/cues.yaml)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.extract import extract
from bot.models import Finding
from tests.extract_helpers import entry

# (title, summary, language, action)
SIX_LANGUAGES = [
    # moratorium
    ("Veltra Vision pauses sales of its face recognition to police for two years", "The company wants federal rules.", "en", "moratorium"),
    ("Veltra Vision gèle pendant un an ses contrats de reconnaissance faciale avec les polices municipales", "L'entreprise attend un cadre légal.", "fr", "moratorium"),
    ("Veltra Vision setzt den Verkauf seiner Gesichtserkennung an die Polizei für ein Jahr aus", "Das Unternehmen wartet auf Regeln.", "de", "moratorium"),
    ("Veltra Vision suspende por seis meses la venta de su reconocimiento facial a la policía", "La empresa revisará la decisión.", "es", "moratorium"),
    ("Veltra Vision congela per sei mesi le vendite di riconoscimento facciale alla polizia", "L'azienda attende regole.", "it", "moratorium"),
    ("Veltra Vision suspende por um ano a venda de reconhecimento facial à polícia", "A empresa aguarda regras.", "pt", "moratorium"),
    # ban
    ("Veltra Vision will no longer sell facial recognition to police departments", "The company says its matcher is too error-prone for officers.", "en", "ban"),
    ("Veltra Vision ne vendra plus de reconnaissance faciale aux forces de l'ordre", "L'entreprise invoque les droits humains.", "fr", "ban"),
    ("Veltra Vision verkauft keine Gesichtserkennung mehr an Behörden", "Das Unternehmen nennt ethische Gründe.", "de", "ban"),
    ("Veltra Vision dejará de vender reconocimiento facial a la policía", "La empresa cita los derechos humanos.", "es", "ban"),
    ("Veltra Vision non venderà più il riconoscimento facciale alla polizia", "L'azienda cita i diritti umani.", "it", "ban"),
    ("Veltra Vision deixará de vender reconhecimento facial para a polícia", "A empresa cita direitos humanos.", "pt", "ban"),
    # exit
    ("Veltra Vision exits the facial recognition business", "It will focus on document checks.", "en", "exit"),
    ("Veltra Vision abandonne la reconnaissance faciale", "L'entreprise se recentre sur les documents.", "fr", "exit"),
    ("Veltra Vision steigt aus der Gesichtserkennung aus", "Das Unternehmen konzentriert sich auf Dokumente.", "de", "exit"),
    ("Veltra Vision abandona el negocio del reconocimiento facial", "La empresa se centrará en documentos.", "es", "exit"),
    ("Veltra Vision abbandona il riconoscimento facciale", "L'azienda si concentra sui documenti.", "it", "exit"),
    ("Veltra Vision abandona o reconhecimento facial", "A empresa vai focar em documentos.", "pt", "exit"),
    ("Veltra Vision sells its facial recognition unit to a private equity firm", "The buyer keeps the staff.", "en", "exit"),
    ("Veltra Vision is winding down its face recognition products", "Customers have six months to migrate.", "en", "exit"),
    # shutdown
    ("Veltra Vision shuts down its face recognition system and deletes all templates", "Users were notified.", "en", "shutdown"),
    ("Veltra Vision désactive sa reconnaissance faciale et supprime les gabarits", "Les utilisateurs ont été prévenus.", "fr", "shutdown"),
    ("Veltra Vision schaltet seine Gesichtserkennung ab und löscht die Vorlagen", "Die Nutzer wurden informiert.", "de", "shutdown"),
    ("Veltra Vision apaga su reconocimiento facial y borra las plantillas", "Los usuarios fueron avisados.", "es", "shutdown"),
    ("Veltra Vision spegne il riconoscimento facciale e cancella i modelli", "Gli utenti sono stati avvisati.", "it", "shutdown"),
    ("Veltra Vision desliga o reconhecimento facial e apaga os modelos", "Os usuários foram avisados.", "pt", "shutdown"),
    ("Veltra Vision deletes its face dataset after consent complaints", "The images were scraped from the web.", "en", "shutdown"),
    # restriction
    ("Veltra Vision limits its face recognition to vetted customers", "New applicants must pass a review.", "en", "restriction"),
    ("Veltra Vision restreint l'accès à sa reconnaissance faciale", "Les clients doivent être vérifiés.", "fr", "restriction"),
    ("Veltra Vision schränkt den Zugang zu seiner Gesichtserkennung ein", "Kunden müssen geprüft werden.", "de", "restriction"),
    ("Veltra Vision restringe el acceso a su reconocimiento facial", "Los clientes deberán ser verificados.", "es", "restriction"),
    ("Veltra Vision limita l'accesso al suo riconoscimento facciale", "I clienti dovranno essere verificati.", "it", "restriction"),
    ("Veltra Vision restringe o acesso ao seu reconhecimento facial", "Os clientes precisam ser verificados.", "pt", "restriction"),
    ("Veltra Vision's face search will no longer return results for children", "Adults can still be searched.", "en", "restriction"),
    ("Veltra Vision makes face recognition in its photo app opt-in", "The feature is now off by default.", "en", "restriction"),
    # extension
    ("Veltra Vision extends its moratorium on police face recognition sales", "The pause now runs to 2027.", "en", "extension"),
    ("Veltra Vision prolonge son moratoire sur la reconnaissance faciale", "La pause court jusqu'en 2027.", "fr", "extension"),
    ("Veltra Vision verlängert sein Moratorium für Gesichtserkennung", "Die Pause gilt bis 2027.", "de", "extension"),
    ("Veltra Vision prorroga su moratoria de reconocimiento facial", "La pausa dura hasta 2027.", "es", "extension"),
    ("Veltra Vision proroga la moratoria sul riconoscimento facciale", "La pausa dura fino al 2027.", "it", "extension"),
    ("Veltra Vision prorroga a moratória de reconhecimento facial", "A pausa vai até 2027.", "pt", "extension"),
    # reversal
    ("Veltra Vision resumes sales of face recognition to police", "The pause had lasted two years.", "en", "reversal"),
    ("Veltra Vision reprend la vente de reconnaissance faciale à la police", "La pause avait duré deux ans.", "fr", "reversal"),
    ("Veltra Vision nimmt den Verkauf von Gesichtserkennung an die Polizei wieder auf", "Die Pause dauerte zwei Jahre.", "de", "reversal"),
    ("Veltra Vision vuelve a ofrecer su sistema facial a los agentes policiales", "La pausa duró dos años.", "es", "reversal"),
    ("Veltra Vision riprende la vendita di riconoscimento facciale alla polizia", "La pausa è durata due anni.", "it", "reversal"),
    ("Veltra Vision retoma a venda de reconhecimento facial à polícia", "A pausa durou dois anos.", "pt", "reversal"),
    ("Veltra Vision lifts its moratorium on police face recognition", "Sales restart in June.", "en", "reversal"),
    # settlement
    ("Veltra Vision settles lawsuit, agrees not to sell face recognition to private companies", "The deal covers five years.", "en", "settlement"),
    ("Veltra Vision conclut un accord transactionnel et renonce à vendre sa reconnaissance faciale aux entreprises", "L'accord met fin au procès.", "fr", "settlement"),
    ("Veltra Vision schließt Vergleich und verkauft keine Gesichtserkennung mehr an Unternehmen", "Der Vergleich beendet die Klage.", "de", "settlement"),
    ("Veltra Vision llega a un acuerdo y dejará de ofrecer su sistema facial a compañías privadas", "El acuerdo pone fin a la demanda.", "es", "settlement"),
    ("Veltra Vision chiude la causa e non venderà il riconoscimento facciale alle aziende private", "L'accordo vale cinque anni.", "it", "settlement"),
    ("Veltra Vision fecha acordo e não venderá reconhecimento facial a empresas privadas", "O acordo encerra o processo.", "pt", "settlement"),
]  # fmt: skip

# (title, summary, language, action, or False: no vendor policy change)
HARDER = [
    ("Brenna AI won't take police orders for its face matching until Congress acts", "The startup says rules must come first.", "en", "ban"),
    ("Brenna AI puts its face-search deals with sheriffs on hold", "No timetable was given.", "en", "moratorium"),
    ("Brenna AI is holding off on selling face recognition to cities for 18 months", "It wants an audit first.", "en", "moratorium"),
    ("Brenna AI's face search now hides matches for anyone under 18", "Adult searches still work.", "en", "restriction"),
    ("Brenna AI no longer lets customers search faces without a warrant", "Law-enforcement accounts must upload one.", "en", "restriction"),
    ("Brenna AI retires emotion detection from its facial analysis API", "Identity verification stays.", "en", "restriction"),
    ("Brenna AI pulls the plug on its face search website", "The index is being deleted.", "en", "shutdown"),
    ("Brenna AI's face index goes offline for good", "All templates were erased.", "en", "shutdown"),
    ("Brenna AI hands its face recognition division to a rival", "Staff move with the unit.", "en", "exit"),
    ("Brenna AI gets out of face recognition entirely", "It will sell voice analytics instead.", "en", "exit"),
    ("Brenna AI's freeze on police face matching will last another year", "The pause was due to end in May.", "en", "extension"),
    ("Brenna AI is selling face recognition to police again", "The company had paused sales in 2021.", "en", "reversal"),
    ("Brenna AI brings back face tagging for European users", "The feature was switched off in 2021.", "en", "reversal"),
    ("Under its settlement with tenants, Brenna AI may not sell face screening to landlords", "The deal runs five years.", "en", "settlement"),
    ("Brenna AI ne proposera plus la reconnaissance faciale aux bailleurs", "L'entreprise invoque la vie privée.", "fr", "ban"),
    ("Brenna AI met sur pause ses ventes aux polices municipales de son logiciel de reconnaissance faciale", "La pause durera un an.", "fr", "moratorium"),
    ("Brenna AI beschränkt seine Gesichtserkennung auf geprüfte Kunden", "Neue Kunden müssen einen Antrag stellen.", "de", "restriction"),
    ("Brenna AI stellt seine Gesichtserkennung ein", "Die gespeicherten Vorlagen werden gelöscht.", "de", "shutdown"),
    ("Brenna AI retira su reconocimiento facial de las tiendas", "Los comercios dejarán de recibir alertas.", "es", "ban"),
    ("Brenna AI cierra su buscador de caras y elimina todo el índice", "La empresa cita la privacidad.", "es", "shutdown"),
    ("Brenna AI sospende per un anno il riconoscimento facciale per i comuni", "L'azienda attende una legge.", "it", "moratorium"),
    ("Brenna AI volta a vender reconhecimento facial à polícia", "A empresa tinha suspendido as vendas em 2021.", "pt", "reversal"),
    # negatives
    ("Brenna AI launches a face recognition API for banks", "The service verifies customers with a selfie.", "en", False),
    ("Study finds Brenna AI's face matching less accurate on women", "Researchers tested 10,000 photos.", "en", False),
    ("Privacy group sues Brenna AI over scraped faces", "The lawsuit seeks damages.", "en", False),
    ("Brenna AI plans to expand face recognition to airports next year", "The company is in talks with operators.", "en", False),
    ("Cloud host Skymoor suspends Brenna AI's servers after complaints", "The face-search site is offline.", "en", False),
    ("Supermarket chain Grocero agrees to stop using face recognition after regulator probe", "The watchdog found no legal basis.", "en", False),
    ("Brenna AI pays $3 million to settle face-scan lawsuit", "The company admits no wrongdoing.", "en", False),
    ("Brenna AI lance une API de reconnaissance faciale pour les banques", "Le service vérifie les clients.", "fr", False),
    ("Brenna AI startet Gesichtserkennung für Banken", "Der Dienst prüft Kunden per Selfie.", "de", False),
    ("Brenna AI lanza su reconocimiento facial para bancos", "El servicio verifica a los clientes.", "es", False),
]  # fmt: skip


def _find(title: str, summary: str, language: str) -> Finding | None:
    return extract(dataclasses.replace(entry(title, summary), language=language))


@pytest.mark.parametrize(("title", "summary", "language", "action"), SIX_LANGUAGES)
def test_each_action_in_each_language(title: str, summary: str, language: str, action: str) -> None:
    f = _find(title, summary, language)
    assert f is not None and (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


@pytest.mark.parametrize(("title", "summary", "language", "expected"), HARDER)
def test_harder_wordings_and_negatives(
    title: str, summary: str, language: str, expected: str | bool
) -> None:
    f = _find(title, summary, language)
    if expected is False:
        assert f is None or f.relevant is False, f
    else:
        assert f is not None and (f.relevant, f.action) == (True, expected), f


# (title, summary, language, action, or "deployment": a launch for history to read)
MORE_IDIOMS = [
    ("Halden Vision pumps the brakes on face-matching sales to sheriffs", "The pause lasts a year.", "en", "moratorium"),
    ("Halden Vision's police face-matching freeze will now run through next June", "Agencies keep waiting.", "en", "extension"),
    ("Halden Vision's city-contract halt on face search gets a second term", "The review is unfinished.", "en", "extension"),
    ("Halden Vision won't resume face-search sales to border agencies when the year is up", "The audit is late.", "en", "extension"),
    ("Halden Vision: Behörden-Stopp für Gesichtserkennung gilt bis Ende 2026", "Die Prüfung dauert an.", "de", "extension"),
    ("Halden Vision da la espalda al reconocimiento facial", "La empresa se centrará en documentos.", "es", "exit"),
    ("Halden Vision esce dal riconoscimento facciale", "L'azienda punta sui documenti.", "it", "exit"),
    ("Casinos shown the door by face-search firm Halden Vision", "Gaming floors lose the service in May.", "en", "ban"),
    ("Los municipios tendrán que buscar otro proveedor: Halden Vision dice no", "La empresa no venderá reconocimiento facial a ayuntamientos.", "es", "ban"),
    ("Les mairies devront se passer de la reconnaissance faciale de Halden Vision", "L'entreprise refuse les contrats municipaux.", "fr", "ban"),
    ("Halden Vision pone un filtro al reconocimiento facial de su plataforma", "Solo las cuentas verificadas podrán identificar personas.", "es", "restriction"),
    ("Clientes perdem acesso ao reconhecimento facial da Halden Vision", "A empresa exige verificação.", "pt", "restriction"),
    ("Halden Vision schaltet Namensvorschläge für Gesichter ab", "Die Gesichtserkennung bleibt für Alben aktiv.", "de", "restriction"),
    ("Airlines hire a face-matching startup that shut itself down in 2020, and it is scanning faces again", "Halden Vision says the new service is opt-in.", "en", "reversal"),
    ("Halden Vision bringt die Gesichtserkennung für Türklingeln zurück", "Diesmal bleiben die Daten auf dem Gerät.", "de", "reversal"),
    ("Halden Vision torna a riconoscere i volti nei suoi videocitofoni", "I dati restano sul dispositivo.", "it", "reversal"),
    ("What Halden Vision gave up to make the privacy suit go away", "Landlords cannot buy its face matching for five years, and a $2 million fund is set up.", "en", "settlement"),
    ("Les suggestions de visages de Halden Vision débarquent en Belgique", "La fonction est facultative.", "fr", "deployment"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language", "expected"), MORE_IDIOMS)
def test_more_idioms(title: str, summary: str, language: str, expected: str) -> None:
    f = _find(title, summary, language)
    assert f is not None
    if expected == "deployment":
        assert (f.relevant, f.signal) == (False, "deployment"), f
    else:
        assert (f.relevant, f.action) == (True, expected), f
