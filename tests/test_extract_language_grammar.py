"""Grammar of the five languages other than English (bot/data/cues_languages.yaml and
attribution.inverted_subject): verb families with their inflections, separable German
verbs, elision, reflexives, durations, a subject after its verb, and the common nouns
that open a headline without naming a company. Invented vendors and wording; each
family has several phrasings and negatives that must stay no vendor policy change."""

from __future__ import annotations

import dataclasses
import re

import pytest

from bot.extract import extract
from bot.extract.resources import DataFileError, with_language_cues
from bot.models import Finding
from tests.extract_helpers import entry


def _find(title: str, summary: str, language: str) -> Finding | None:
    return extract(dataclasses.replace(entry(title, summary), language=language))


def _change(title: str, summary: str, language: str) -> Finding:
    f = _find(title, summary, language)
    assert f is not None and f.relevant and f.actor_type == "vendor", f
    return f


# A subject after its verb: German puts the finite verb second after a fronted phrase,
# the Romance languages invert after an adverbial. (title, summary, language, action)
INVERTED = [
    ("Quillon Biometrics: Gesichtssuche nicht mehr für Kommunen", "Ab Oktober liefert der Hersteller keine Lizenzen mehr an Städte und Gemeinden.", "de", "ban"),
    ("Quillon Biometrics und die Polizei", "Seit Montag verkauft das Unternehmen keine Gesichtserkennung mehr an Polizeibehörden.", "de", "ban"),
    ("Quillon Biometrics y las policías locales", "Desde este mes ya no vende la empresa su reconocimiento facial a las policías municipales.", "es", "ban"),
    ("Quillon Biometrics e i comuni", "Da lunedì non venderà l'azienda il riconoscimento facciale ai comuni.", "it", "ban"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language", "action"), INVERTED)
def test_a_subject_after_its_verb_acts(
    title: str, summary: str, language: str, action: str
) -> None:
    f = _change(title, summary, language)
    assert (f.vendor, f.action) == ("Quillon Biometrics", action), f


def test_an_authority_after_the_verb_is_no_vendor() -> None:
    # the word after the verb is a ministry, not a company: no vendor act
    f = _find(
        "Quillon Biometrics und die Länder",
        "Seit Montag verbietet das Innenministerium den Einsatz von Gesichtserkennung durch die Polizei.",
        "de",
    )
    assert f is None or f.actor_type != "vendor" or not f.relevant, f


# Verb families told the way each language tells them. (title, summary, language, action)
FAMILIES = [
    # moratorium: put on ice, put in the fridge, park
    ("Morvek Labs legt den Verkauf seiner Gesichtserkennung an Polizeibehörden auf Eis", "Ein externes Audit soll Fehlerquoten prüfen.", "de", "moratorium"),
    ("Morvek Labs legt Polizeiaufträge für Gesichtssuche vorerst auf Eis", "Die Firma will erst Regeln abwarten.", "de", "moratorium"),
    ("Morvek Labs aparca por ahora sus contratos de reconocimiento facial con la Guardia Civil", "La empresa espera una auditoría.", "es", "moratorium"),
    ("Morvek Labs mette in pausa le vendite di riconoscimento facciale alla polizia", "L'azienda attende un audit.", "it", "moratorium"),
    ("Morvek Labs coloca em pausa a venda de reconhecimento facial à polícia", "A empresa aguarda uma auditoria.", "pt", "moratorium"),
    # durations that bound a stop make it a moratorium
    ("Morvek Labs verkauft ein halbes Jahr lang keine Gesichtserkennung an Polizeibehörden", "Dann wird neu entschieden.", "de", "moratorium"),
    ("Morvek Labs ne vendra pas de reconnaissance faciale aux polices municipales pendant un an et demi", "Un audit est prévu.", "fr", "moratorium"),
    ("Morvek Labs no venderá reconocimiento facial a la policía hasta marzo", "Una auditoría revisará los errores.", "es", "moratorium"),
    ("Morvek Labs non venderà il riconoscimento facciale alla polizia per un anno e mezzo", "Un audit esterno è in corso.", "it", "moratorium"),
    # refusal: separable German verbs, elision, refusing a customer group
    ("Morvek Labs nimmt keine neuen Polizeikunden für seine Gesichtssuche mehr an", "Bestehende Verträge laufen aus.", "de", "ban"),
    ("Morvek Labs nimmt keine Kasinos in sein Gesichtsabgleich-Netz auf", "Die Firma nennt Datenschutzgründe.", "de", "ban"),
    ("Morvek Labs n'acceptera plus de commandes de reconnaissance faciale des polices municipales", "L'entreprise invoque les libertés publiques.", "fr", "ban"),
    ("Morvek Labs cesse dès lundi de vendre sa reconnaissance faciale aux bailleurs", "Les locataires s'étaient plaints.", "fr", "ban"),
    # exit: reflexive divesting, closing a compound-named unit, curtain idioms
    ("Morvek Labs se desprende de su área de biometría facial", "La firma vende la división a un fondo.", "es", "exit"),
    # removal and restriction: taking a capability away, reserving it, gating it
    ("Morvek Labs toglie l'analisi delle emozioni dal suo riconoscimento facciale", "La verifica dell'identità resta.", "it", "restriction"),
    ("Morvek Labs ne mettra plus de noms sous les visages des clichés", "Le regroupement des visages reste possible.", "fr", "restriction"),
    ("Morvek Labs passa a exigir aprovação para o reconhecimento facial", "Os clientes atuais terão três meses.", "pt", "restriction"),
    # extension: N more months, a compound pause that goes on
    ("Morvek Labs: Die Verkaufspause für Gesichtserkennung an Polizeibehörden gilt über den Sommer hinaus", "Ein Ende ist nicht in Sicht.", "de", "extension"),
    ("Morvek Labs prolonge de six mois de plus sa pause de reconnaissance faciale pour la police", "L'audit n'est pas fini.", "fr", "extension"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language", "action"), FAMILIES)
def test_verb_families_per_language(title: str, summary: str, language: str, action: str) -> None:
    f = _change(title, summary, language)
    assert (f.vendor, f.action) == ("Morvek Labs", action), f


# Negatives: the same words where they report no vendor policy change.
NEGATIVES = [
    ("Morvek Labs legt neue Gesichtserkennung für Banken vor", "Der Dienst prüft Kunden per Selfie.", "de"),
    ("Morvek Labs lance une reconnaissance faciale pour les banques jusqu'en 2027 en test", "Le service vérifie les clients par selfie.", "fr"),
    ("Morvek Labs lanza su reconocimiento facial para bancos hasta marzo en prueba", "El servicio verifica a los clientes.", "es"),
    ("Un'associazione chiede a Morvek Labs di togliere il riconoscimento facciale", "La petizione ha 10.000 firme.", "it"),
    ("Estudo aponta erros no reconhecimento facial da Morvek Labs", "Pesquisadores testaram 5.000 fotos.", "pt"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language"), NEGATIVES)
def test_no_change_in_other_wordings(title: str, summary: str, language: str) -> None:
    f = _find(title, summary, language)
    assert f is None or not f.relevant, f


# A headline that opens with a common noun or an FR term names no company.
OPENERS = [
    ("Reconnaissance faciale dans les gares : la commission dit non", "Le régulateur juge le dispositif disproportionné.", "fr"),
    ("Ultras e giuristi si oppongono alle telecamere facciali nelle curve", "Una petizione chiede al governo di vietarle.", "it"),
    ("Arena do Clube Atlético vai cobrar cadastro facial dos torcedores no portão", "Torcedores precisam cadastrar o rosto.", "pt"),
    ("Oltre alle multe, il Garante chiede lo stop dei volti nei comuni", "L'autorità ha aperto un'istruttoria.", "it"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language"), OPENERS)
def test_common_nouns_opening_a_headline_are_no_vendor(
    title: str, summary: str, language: str
) -> None:
    f = _find(title, summary, language)
    first_word = title.split()[0]
    assert f is None or (f.vendor or "") != first_word, f
    assert f is None or not (f.relevant and f.actor_type == "vendor"), f


def test_a_reminder_of_an_old_refusal_is_a_restatement() -> None:
    # "rappelle", "recuerda", "ricorda": an old policy told again next to a new deal
    for title, summary, language in [
        ("Morvek Labs équipera l'embarquement par le visage de deux aéroports", "Le contrat porte sur vingt portes ; l'entreprise précise qu'elle a cessé toute vente aux polices municipales.", "fr"),
        ("Morvek Labs firma un contrato de reconocimiento facial con dos aeropuertos", "La empresa recuerda que no vende su sistema a la policía.", "es"),
        ("Morvek Labs fornirà il riconoscimento facciale a due aeroporti", "L'azienda ricorda che non venderà più il sistema alla polizia.", "it"),
    ]:  # fmt: skip
        f = _find(title, summary, language)
        assert f is None or not f.relevant or f.signal == "restatement", (title, f)


def test_a_person_with_a_parliamentary_title_is_no_vendor() -> None:
    f = _find(
        "Il ministro vuole il riconoscimento facciale nelle stazioni",
        "La senatrice Carla Venturi fa notare che lo stop attuale lo vieta.",
        "it",
    )
    assert f is None or f.vendor != "Carla Venturi", f


def test_language_cues_merge_into_their_sections() -> None:
    cues = {
        "negation": {"en": ["not"]},
        "families": {"ban": {"en": ["bars"]}},
        "company_names": {"stop": ["The"]},
    }
    overlay = {
        "it": {
            "negation": ["non"],
            "families": {"ban": ["vieta"], "exit": ["abbandona"]},
            "company_names": {"stop": ["Nel"], "glue": ["di"]},
        }
    }
    merged = with_language_cues(cues, overlay)
    assert merged["negation"] == {"en": ["not"], "it": ["non"]}
    assert merged["families"] == {
        "ban": {"en": ["bars"], "it": ["vieta"]},
        "exit": {"it": ["abbandona"]},
    }
    assert merged["company_names"] == {"stop": ["The", "Nel"], "glue": ["di"]}
    assert cues["negation"] == {"en": ["not"]}  # the loaded cues stay as they were


def test_a_pattern_already_in_the_section_is_not_added_twice() -> None:
    cues = {
        "negation": {"it": ["non"]},
        "families": {"ban": {"it": ["vieta"]}},
        "company_names": {"stop": ["Nel"]},
    }
    overlay = {
        "it": {
            "negation": ["non", "mai"],
            "families": {"ban": ["vieta", "esclude"]},
            "company_names": {"stop": ["Nel", "Dal"]},
        }
    }
    merged = with_language_cues(cues, overlay)
    assert merged["negation"] == {"it": ["non", "mai"]}
    assert merged["families"] == {"ban": {"it": ["vieta", "esclude"]}}
    assert merged["company_names"] == {"stop": ["Nel", "Dal"]}


@pytest.mark.parametrize(
    ("overlay", "names"),
    [
        ({"xx": {"negation": ["no"]}}, "'xx'"),
        ({"it": {"nowhere": ["no"]}}, "it.nowhere"),
        ({"it": {"families": {"ban": "vieta"}}}, "it.families.ban"),
    ],
)
def test_a_malformed_language_cue_file_is_named(overlay: dict, names: str) -> None:
    with pytest.raises(DataFileError, match=rf"cues_languages\.yaml: .*{re.escape(names)}"):
        with_language_cues({"negation": {}, "families": {}}, overlay)


# The supply verbs by stem: every tense and person, elision, verb-final German.
# (title, summary, language, action)
STEMS = [
    ("Tessaro AI ne licenciera pas sa reconnaissance faciale aux polices municipales", "La start-up invoque les libertés.", "fr", "ban"),
    ("Tessaro AI n'équipera jamais les mairies en reconnaissance faciale", "L'entreprise refuse ce marché.", "fr", "ban"),
    ("Tessaro AI ne commercialisait déjà plus sa reconnaissance faciale aux bailleurs", "Elle le confirme.", "fr", "ban"),
    ("Tessaro AI no licenciará su reconocimiento facial a los Mossos", "La empresa pide una ley.", "es", "ban"),
    ("Tessaro AI ya no suministra reconocimiento facial a los ayuntamientos", "La empresa cita la privacidad.", "es", "ban"),
    ("Tessaro AI dejó de comercializar su reconocimiento facial a las aseguradoras", "La decisión es definitiva.", "es", "ban"),
    ("Tessaro AI non concederà licenze di riconoscimento facciale alla polizia", "L'azienda chiede una legge.", "it", "ban"),
    ("Tessaro AI non fornisce più il riconoscimento facciale ai comuni", "L'azienda cita la privacy.", "it", "ban"),
    ("Tessaro AI não licenciará reconhecimento facial à polícia", "A empresa pede uma lei.", "pt", "ban"),
    ("Tessaro AI já não fornece reconhecimento facial às prefeituras", "A empresa cita a privacidade.", "pt", "ban"),
    ("Tessaro AI parou de vender reconhecimento facial a seguradoras", "A decisão é definitiva.", "pt", "ban"),
    ("Tessaro AI vertreibt seine Gesichtserkennung nicht an Polizeibehörden", "Das Unternehmen fordert ein Gesetz.", "de", "ban"),
    ("Tessaro AI beliefert Kommunen nicht mehr mit Gesichtserkennung", "Das Unternehmen nennt den Datenschutz.", "de", "ban"),
    ("Tessaro AI stellt den Vertrieb seiner Gesichtserkennung an Versicherer ein", "Bestehende Verträge laufen aus.", "de", "ban"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language", "action"), STEMS)
def test_supply_verbs_in_every_tense(title: str, summary: str, language: str, action: str) -> None:
    f = _change(title, summary, language)
    assert (f.vendor, f.action) == ("Tessaro AI", action), f


# A comment or detail withheld, told with the same verbs, is no refusal.
WITHHELD = [
    ("Tessaro AI lance la reconnaissance faciale pour les banques", "L'entreprise ne fournit pas de détails sur ses clients.", "fr"),
    ("Tessaro AI lanza reconocimiento facial para bancos", "La empresa no ofreció detalles sobre sus clientes.", "es"),
    ("Tessaro AI lancia il riconoscimento facciale per le banche", "L'azienda non fornisce dettagli sui clienti.", "it"),
    ("Tessaro AI lança reconhecimento facial para bancos", "A empresa não forneceu detalhes sobre os clientes.", "pt"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language"), WITHHELD)
def test_a_detail_withheld_is_no_refusal(title: str, summary: str, language: str) -> None:
    f = _find(title, summary, language)
    assert f is None or not f.relevant, f


# Back again, a stop carried on, terms agreed: more verbs of the same families.
# (title, summary, language, action)
AGAIN_AND_ON = [
    ("Tessaro AI recommence à vendre sa reconnaissance faciale à la police", "La pause avait duré deux ans.", "fr", "reversal"),
    ("Tessaro AI réactive la reconnaissance faciale de ses sonnettes", "La fonction avait été coupée en 2022.", "fr", "reversal"),
    ("Tessaro AI volvió a ofrecer reconocimiento facial a los ayuntamientos", "La pausa duró un año.", "es", "reversal"),
    ("Tessaro AI ricomincia a vendere il riconoscimento facciale alla polizia", "Lo stop era durato due anni.", "it", "reversal"),
    ("Tessaro AI recomeça a vender reconhecimento facial à polícia", "A pausa durou dois anos.", "pt", "reversal"),
    ("Tessaro AI verkauft seine Gesichtserkennung wieder an die Polizei", "Die Pause dauerte zwei Jahre.", "de", "reversal"),
    ("Tessaro AI prolunga la sospensione del riconoscimento facciale per la polizia", "L'audit non è finito.", "it", "extension"),
    ("Tessaro AI prolonga a suspensão do reconhecimento facial para a polícia", "A auditoria não terminou.", "pt", "extension"),
    ("Tessaro AI reconduit son gel de la reconnaissance faciale pour la police", "L'audit n'est pas terminé.", "fr", "extension"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language", "action"), AGAIN_AND_ON)
def test_back_again_and_carried_on(title: str, summary: str, language: str, action: str) -> None:
    f = _change(title, summary, language)
    assert (f.vendor, f.action) == ("Tessaro AI", action), f


# The same verbs where nobody's FR policy changes.
NOT_AGAIN = [
    ("Un estudio vuelve a encontrar sesgos en el reconocimiento facial de Tessaro AI", "Los investigadores probaron 5.000 fotos.", "es"),
    ("L'affaire Tessaro AI relance le débat sur la reconnaissance faciale", "Des associations demandent une loi.", "fr"),
    ("Tessaro AI torna a crescere grazie al riconoscimento facciale per le banche", "I ricavi salgono del 20%.", "it"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language"), NOT_AGAIN)
def test_back_again_verbs_where_no_policy_changes(title: str, summary: str, language: str) -> None:
    f = _find(title, summary, language)
    assert f is None or not f.relevant, f


# Terms that close a case or an authority's probe, with the vendor's obligations told
# in the passive. (title, summary, language)
CLOSING_TERMS = [
    ("Acordo encerra ação contra as câmeras faciais da Tessaro AI", "Pelas condições aceitas pela empresa, novas vendas a condomínios ficam vetadas por cinco anos.", "pt"),
    ("Tessaro AI renonce aux bailleurs pour clore l'enquête du procureur", "L'entreprise accepte de ne plus fournir sa reconnaissance faciale aux propriétaires.", "fr"),
    ("Tessaro AI chiude l'indagine dell'antitrust: niente riconoscimento facciale per le banche", "Secondo l'intesa, le vendite agli istituti di credito restano vietate per tre anni.", "it"),
    ("Tessaro AI beendet die Ermittlungen mit einer Einigung", "Die Firma verkauft ihre Gesichtserkennung keine fünf Jahre lang an Vermieter.", "de"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language"), CLOSING_TERMS)
def test_terms_that_close_a_case_are_a_settlement(title: str, summary: str, language: str) -> None:
    f = _change(title, summary, language)
    assert (f.vendor, f.action) == ("Tessaro AI", "settlement"), f


def test_what_a_vendor_should_have_done_is_no_change() -> None:
    # "sollte … löschen": an order not yet carried out, reported by its deadline
    f = _find(
        "Frist verstrichen: Tessaro AI sollte die Gesichtsdaten eines Klägers löschen",
        "Die Datenschutzbehörde hatte die Löschung bis Ende Mai angeordnet.",
        "de",
    )
    assert f is None or not f.relevant, f


@pytest.mark.parametrize(
    ("title", "summary", "language", "person"),
    [
        ("Il ministro vuole il riconoscimento facciale negli stadi", "Il deputato pd Marco Ferrante ricorda che la moratoria non lo permette.", "it", "Marco Ferrante"),
        ("Le ministre veut la reconnaissance faciale dans les gares", "La députée LFI Claire Morand rappelle que la loi l'interdit.", "fr", "Claire Morand"),
    ],
)  # fmt: skip
def test_a_person_after_a_title_and_a_party_is_no_vendor(
    title: str, summary: str, language: str, person: str
) -> None:
    f = _find(title, summary, language)
    assert f is None or (f.vendor != person and not f.relevant), f
