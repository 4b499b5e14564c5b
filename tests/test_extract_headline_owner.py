"""Unknown vendors that a headline places by structure, not by a description
(bot/extract/headline_owner.py): the owner in a policy noun's genitive, the subject
after a headline's colon, a German genitive -s before a noun or a name heading a
hyphenated compound (invented vendors, places and sentences)."""

from __future__ import annotations

import pytest

from bot.extract import extract, headline_owner
from bot.extract.lexicon import common_words
from tests.extract_helpers import entry, found


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        # the owner in the genitive of a policy noun, named again in the summary
        ("Les salles de sport sans solution après le retrait d'Esterval",
         "Esterval cessera de fournir sa vérification faciale aux clubs de fitness cet été, dit la société.",
         "Esterval"),
        ("Las agencias de viajes, sin alternativa tras la suspensión de Cardosa",
         "La compañía Cardosa no venderá su comparación facial a operadores turísticos en seis meses.",
         "Cardosa"),
        ("Le autorimesse restano a piedi dopo la sospensione di Vallarno",
         "L'azienda Vallarno ha sospeso per un anno le vendite del suo riconoscimento facciale ai garage.",
         "Vallarno"),
        ("Condomínios procuram alternativa após a suspensão da Tapuiá",
         "A empresa Tapuiá suspendeu por oito meses as vendas de identificação facial a síndicos.",
         "Tapuiá"),
        # the subject after a headline's colon, past a fronted phrase
        ("Nach dem Gerichtsstreit: Olmbrand verkauft keine Gesichtssuche mehr an Detekteien",
         "Der Anbieter kündigt allen Auskunfteien und Detekteien zum Jahresende.",
         "Olmbrand"),
        ("A year after the breach: Quillmoor stops selling face matching to casinos",
         "The vendor told gaming operators their accounts close next month.",
         "Quillmoor"),
        # German writes a name's genitive with a joined -s before a noun
        ("Farnecks Stopp für Polizeiaufträge: Gesichtsabgleich bleibt gesperrt",
         "Der Hersteller liefert seine Software vorerst an keine Polizeibehörde.",
         "Farneck"),
    ],
)  # fmt: skip
def test_a_headline_places_an_unknown_vendor_by_structure(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.vendor) == (True, "vendor", vendor), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a town owns the pause, and the summary speaks of its council
        ("La pausa de Almorrox: sin reconocimiento facial en la estación",
         "El ayuntamiento apaga las cámaras hasta recibir un informe jurídico."),
        # a person owns the refusal
        ("Le refus de Claire Dumontel : pas de caméras faciales dans sa pharmacie",
         "La pharmacienne raconte avoir dit non au démarcheur venu lui vendre ces caméras."),
        # a town after the headline's colon
        ("Nach Bürgerprotesten: Wittmersdorf stoppt Gesichtserkennung am Marktplatz",
         "Die Gemeinde baut die Kameras ab, bis der Rat neue Regeln beschließt."),
    ],
)  # fmt: skip
def test_a_place_or_a_person_in_those_places_is_no_vendor(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not (f.relevant and f.actor_type == "vendor"), f


def test_the_genitive_split_needs_a_common_noun_after_an_uncommon_name() -> None:
    common = common_words("de")
    assert headline_owner.genitive_split("Farnecks Stopp", common) == "Farneck"
    assert headline_owner.genitive_split("Farneck Stopp", common) is None  # no -s
    assert headline_owner.genitive_split("Farnecks Qworbel", common) is None  # no noun


def test_owner_starts_and_colon_subjects_read_the_headline_only() -> None:
    title = "Le retrait d'Ambreval du secteur : Norvik hésite"
    text = title + "\nLa pause de Norvik et d'Ambreval dure."
    cue = text.index("retrait")
    pause = text.index("pause")
    starts = headline_owner.owner_starts(text, len(title), [(cue, cue + 7), (pause, pause + 5)])
    assert starts == (text.index("Ambreval"),)
    assert headline_owner.colon_subjects(text, len(title)) == (text.index("Norvik"),)


def test_a_german_compound_of_a_name_and_a_noun_is_headed_by_the_company() -> None:
    common = common_words("de")
    assert headline_owner.compound_head("Farneck-Sperre", common) == "Farneck"
    assert headline_owner.compound_head("Farneck-Qworbel", common) is None  # no noun
    assert headline_owner.compound_head("Farneck-Qworbel", common, cue=True) == "Farneck"
    assert headline_owner.compound_head("Farneck", common) is None


def test_a_common_word_after_a_headline_colon_is_no_company() -> None:
    title = "Kein Verbot in Sicht: Grüne fordern Regeln für Gesichtserkennung"
    summary = "Die Fraktion will, dass auch private Unternehmen erfasst werden."
    f = extract(entry(title, summary))
    assert f is None or f.vendor is None, f


def test_a_launch_after_a_headline_colon_does_not_make_its_subject_a_pausing_vendor() -> None:
    title = "Vier Jahre ohne Aufträge, dann die Wende: Kessbachs Gesichtsabgleich läuft im Hafen"
    summary = "Die Firma aus Kiel stattet drei Fährterminals mit Kameras an den Schleusen aus."
    f = extract(entry(title, summary))
    assert f is None or not f.relevant, f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # the summary's company never names the owner: a contractor, or the owner is a town
        # or a person
        ("Le gel de Montargis : plus de caméras faciales au marché couvert",
         "L'entreprise prestataire démontera les appareils d'ici lundi, selon la mairie."),
        ("La sospensione di Lecco: niente telecamere facciali sui battelli",
         "L'azienda appaltatrice spegnerà i terminali entro fine mese."),
        ("La suspensión de Tarragona: adiós a las cámaras faciales del puerto",
         "La empresa contratista desmontará los equipos esta semana."),
        ("A pausa de Londrina: nada de câmeras faciais na rodoviária",
         "A empresa terceirizada vai desligar os aparelhos amanhã."),
        # a person's role in the headline: the owner is the person, not a company
        ("Le retrait de Castagnol : la fondatrice quitte la jeune pousse de reconnaissance faciale Ombry",
         "La société cherche une nouvelle directrice."),
        ("La retirada de Ortuño: el fundador abandona la firma de reconocimiento facial Vireo",
         "La empresa busca un nuevo consejero delegado."),
        # the summary's company is another firm, named only by what it does
        ("La suspensión de Alcantarilla: sin cámaras faciales en el mercado",
         "La empresa instaladora desconectará los equipos el lunes."),
        ("The pause of Dunmere: no face scanning at the leisure centre",
         "The supplier will switch the gates off on Friday."),
    ],
)  # fmt: skip
def test_a_genitive_owner_the_summary_does_not_name_again_is_no_vendor(
    title: str, summary: str
) -> None:
    f = extract(entry(title, summary))
    assert f is None or not (f.relevant and f.actor_type == "vendor"), f
