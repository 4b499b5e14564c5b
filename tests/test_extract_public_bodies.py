"""A public body as the subject of its clause acts; a headline told in the passive is the
act of the authority the item names.

All sentences are invented (made-up places, bodies and vendors), several phrasings per
family and language, plus items that must not become an authority's act; see
bot/extract/public_bodies.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.extract.body_patterns import patterns, read_bodies
from bot.extract.resources import DataFileError
from tests.extract_helpers import found

GOVERNMENT = [
    # police forces changing their own use of face recognition
    ("Harwick police department stops using face recognition",
     "The force said it would end its contract with the supplier next month."),
    ("Port Aldane police halt their face-matching trial",
     "Officers will no longer run searches against the mugshot archive."),
    ("Sheriff's office in Tamsin County shelves facial recognition searches",
     "Deputies were told the pilot is over."),
    # other public agencies dropping a face check
    ("Tax agency backs away from face scans for online accounts",
     "Filers can confirm who they are through a video call instead."),
    ("The federal benefits agency scraps its selfie face check",
     "Claimants will verify identity at post offices."),
    # prosecutors opening a case
    ("Prosecutors in Brennfeld open an inquiry into Gazely's face search",
     "The office wants records of every search run for landlords."),
    # the same families in other languages
    ("La policía de Ardena suspende el reconocimiento facial en el metro",
     "El cuerpo revisará el sistema durante el verano."),
    ("A polícia de Vale Serrano suspende o reconhecimento facial nos estádios",
     "A corporação vai rever os contratos."),
    ("La police de Montclair renonce à la reconnaissance faciale",
     "Les agents n'utiliseront plus le logiciel."),
    ("Die Polizei Lindau stoppt den Einsatz der Gesichtserkennung",
     "Die Behörde prüft das System erneut."),
    ("Staatsanwaltschaft ermittelt gegen Veltrona wegen Gesichtserkennung",
     "Die Ermittler prüfen, ob die Firma Fotos von Tausenden Menschen gespeichert hat."),
    ("La fiscalía investiga el reconocimiento facial de la empresa Veltrona",
     "Las pesquisas se centran en los datos de clientes."),
    ("La procura di Arvenna apre un'indagine sul riconoscimento facciale allo stadio",
     "Gli inquirenti hanno acquisito i contratti."),
    ("Il comune di Arvenna sospende il riconoscimento facciale nelle piazze",
     "Il sindaco attende il parere del garante."),
    # a place's schools (a school system, not one school: that is an FR user, actor
    # none); a place name read as a company before the body
    ("Brenmoor schools suspend face-scanning tills after complaints",
     "Pupils will pay with cards again from Monday."),
]  # fmt: skip

PASSIVE = [
    # the headline's subject undergoes the decision; the summary names the authority
    ("Reconocimiento facial queda suspendido en el estadio de Ardena",
     "La jueza aceptó la petición de una asociación de aficionados.", "court"),
    ("Reconhecimento facial fica suspenso no aeroporto de Vale Serrano",
     "A juíza acolheu o pedido da defensoria.", "court"),
    ("Operadora de trens é condenada por usar reconhecimento facial",
     "O tribunal fixou indenização de R$ 80 mil.", "court"),
    ("Riconoscimento facciale sospeso allo stadio di Arvenna",
     "Il giudice ha accolto il ricorso dei tifosi.", "court"),
    ("Gesichtserkennung am Bahnhof Lindau wird gestoppt",
     "Das Verwaltungsgericht gab den Klägern recht.", "court"),
    ("Parcel depot told to stop face checks on drivers at its gates",
     "Enforcement notices require it to delete the templates within 90 days.", "regulator"),
]  # fmt: skip

DECISIONS = [
    ("The injunction halts facial recognition at Brenmoor stadium",
     "Fans had challenged the club's entry cameras.", "court"),
    ("Die Anordnung verpflichtet Veltrona, die Gesichtsdaten zu löschen",
     "Die Datenschutzbehörde setzte eine Frist von vier Wochen.", "regulator"),
]  # fmt: skip

IMPOSED = [
    # an obligation on the company, with a decision or an authority named in the item
    ("Frist abgelaufen: Veltrona sollte Gesichtsdaten eines Kunden löschen",
     "Die Anordnung vom Januar verpflichtet das Unternehmen, die Daten bis Februar zu entfernen.",
     "regulator"),
    ("Veltrona must delete face templates of Ruritanian users",
     "The data protection office gave the company a month.", "regulator"),
    ("Veltrona will have to quit offering face search to landlords",
     "The injunction follows a complaint by a tenants' association.", "court"),
]  # fmt: skip

OBJECT_OF_ITS_OWN_VERB = [
    # "they" and "the firm" are both the vendor: the vendor cannot bar itself
    ("Two provinces issue binding orders against Veltrona",
     "Both are enforceable at once; they bar the firm from marketing face search locally."),
    ("Regional orders hit Gazely",
     "Once in force, they prohibit the company from offering face matching in the region."),
]  # fmt: skip

NOT_AN_AUTHORITY = [
    # a vendor's own change with police as its customer group or object
    ("Lumio stops selling face search to police",
     "The company says it will wait for federal rules."),
    ("Police departments lose access to Lumio's face search",
     "The vendor cut them off on Friday."),
    # a public body deploying a named vendor's product is the vendor's news
    ("Harwick police to trial Veltrona body cameras with face matching",
     "Thirty officers will wear them for a month."),
    # a public body deploying or trialling FR makes no policy
    ("Two primary schools begin face checks for pupils at the canteen queue",
     "Some families doubt a quicker meal line is worth it."),
    ("Dunmore officers will compare Kessel festival visitors with a wanted list",
     "Officers will use live face matching for the first time."),
    ("Un lycée de Pradelle essaie un portique de reconnaissance faciale au réfectoire",
     "Les internes qui l'acceptent sont reconnus par une caméra à l'entrée."),
    # a vendor's possessive before a customer-group word
    ("Lumio's sheriff freeze on face search will outlive its July deadline",
     "The company says the pause stays until lawmakers act."),
    # a state-run lab's study, a call on the police
    ("State testing lab publishes rankings of face-matching engines",
     "The government-funded laboratory tested 30 algorithms."),
    ("Police chiefs urge Lumio to keep selling face search",
     "They say investigations will slow down."),
    # a private FR user changing its own use is no authority
    ("Brenmoor Stores stops using facial recognition at checkouts",
     "The grocer says shoppers complained."),
    # the vendor's product is the object, sold "to" a customer group; a legislature named
    # later is no actor
    ("Lumio halts sales of the Lumio Match face search to sheriffs for a year",
     "The company said the pause gives the legislature time to act."),
    # a vendor's own rule for its customers
    ("Lumio says police customers must sign a code of conduct before using its face search",
     "The company will audit searches every quarter."),
    # a call for a decision, told in the passive
    ("Campaigners want face scanning banned at stadiums",
     "The city council will debate it next month."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), GOVERNMENT)
def test_public_body_as_subject_is_the_government(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "government")


@pytest.mark.parametrize(("title", "summary", "kind"), PASSIVE)
def test_passive_headline_is_the_named_authoritys_act(title: str, summary: str, kind: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, kind)


@pytest.mark.parametrize(("title", "summary", "kind"), DECISIONS)
def test_a_decision_as_subject_is_its_authoritys_act(title: str, summary: str, kind: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, kind)


@pytest.mark.parametrize(("title", "summary", "kind"), IMPOSED)
def test_an_obligation_imposed_by_a_decision(title: str, summary: str, kind: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, kind)


@pytest.mark.parametrize(("title", "summary"), OBJECT_OF_ITS_OWN_VERB)
def test_a_vendor_that_is_its_verbs_object_does_not_act(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.relevant is False


@pytest.mark.parametrize(("title", "summary"), NOT_AN_AUTHORITY)
def test_no_public_body_acting(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.actor_type not in ("government", "regulator", "court")


@pytest.mark.parametrize(
    "summary",
    [
        "The option sat in its face-matching product; Gazely pulled it from its site.",
        "The option sat inside a face-matching product until Gazely took it off its pages.",
    ],
)
def test_a_pronoun_after_the_verb_is_the_thing_not_the_company(summary: str) -> None:
    # "pulled it from its site": "it" is the feature, the vendor still acts
    f = found("Gazely removes its ethnicity label from face analysis", summary)
    assert (f.relevant, f.actor_type, f.vendor) == (True, "vendor", "Gazely")


UNNAMED_COMPANY = [
    ("How a two-person imaging startup keeps saying no to its keenest buyers",
     "Sheriffs wanted the company's face API more than anyone, the boss explains, "
     "yet it will not sell to them until a federal law exists."),
    ("A face-matching supplier halts new retail contracts for a year",
     "The firm says existing shops keep the service."),
    ("The startup that scans faces at stadium gates pauses sales to clubs",
     "The company gave no reason."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), UNNAMED_COMPANY)
def test_a_company_described_but_not_named_is_a_vendor(title: str, summary: str) -> None:
    assert found(title, summary).actor_type == "vendor"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Civil liberties union hails the face camera ban in Harwick, seeks a pause statewide",
         "The civil liberties group says it will push the legislature to pause use statewide."),
        ("Researchers say the face matching software misidentifies older people",
         "The team tested it on 4,000 portraits."),
    ],
)  # fmt: skip
def test_a_group_or_a_study_is_no_unnamed_company(title: str, summary: str) -> None:
    assert found(title, summary).actor_type != "vendor"


def test_place_after_a_public_body_is_no_vendor() -> None:
    f = found("La policía de Ardena suspende el reconocimiento facial", "")
    assert f.vendor is None
    assert f.actor_type == "government"


def test_an_fr_term_opening_a_headline_is_no_vendor() -> None:
    f = found("Reconocimiento facial queda suspendido en el estadio",
              "La jueza aceptó la petición de una asociación.")  # fmt: skip
    assert f.vendor is None


def test_patterns_are_per_language() -> None:
    german = patterns("de").subjects[2][1]
    assert german.match("Die Polizei Lindau ")
    assert not patterns("en").subjects[2][1].match("Die Polizei Lindau ")
    assert patterns("fr").subjects[2][1].match("La police de Montclair ")  # French + English


def test_broken_bodies_file_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "public_bodies.yaml"
    broken.write_text("bodies: [\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="public_bodies.yaml"):
        read_bodies(broken)
    broken.write_text("verbs: {}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="bodies"):
        read_bodies(broken)


CONTESTED = [
    # a company contesting a fine: the fining authority's news
    ("Veltrona will appeal the privacy fine over its face search",
     "The data protection office said the company scraped photos.", "regulator"),
    ("Gazely recurrirá la sanción de cinco millones por sus cámaras biométricas",
     "Para la autoridad de datos, escanear las caras de los viajeros era desproporcionado.",
     "regulator"),
    ("Brenmoor Stores fights $2m penalty over facial recognition at checkouts",
     "The state attorney general's office says shoppers were never told.", "government"),
    # contesting a ruling: the court's
    ("Lumio challenges ruling on face matching at stadiums",
     "The judge found the club's cameras unlawful.", "court"),
]  # fmt: skip

COUNTRY_AND_COURT_DECISIONS = [
    ("Hungría veta el reconocimiento facial en los estadios",
     "El Parlamento aprobó la ley con 130 votos.", "government"),
    ("Brignac : le tribunal désavoue la commune sur ses caméras de reconnaissance faciale",
     "Le juge fait couper sans délai le dispositif biométrique ; la ville compte faire appel.",
     "court"),
    ("Derrota na justiça para a prefeitura e o seu reconhecimento facial",
     "A liminar suspende o sistema até nova decisão.", "court"),
    ("Dutch privacy office lets Brenmoor club bring its face checks to away fixtures",
     "Fans caught breaking stadium rules may be enrolled, provided they are told.", "regulator"),
    ("La resolución reprocha a Gazely guardar plantillas faciales en una base central",
     "Los pasajeros no fueron informados.", "regulator"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "kind"), CONTESTED)
def test_a_contested_decision_is_its_authoritys_news(title: str, summary: str, kind: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, kind)


@pytest.mark.parametrize(("title", "summary", "kind"), COUNTRY_AND_COURT_DECISIONS)
def test_countries_court_orders_and_permissions(title: str, summary: str, kind: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, kind)
    assert f.vendor != title.split()[0]  # a country is no company


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # "fights back", "challenges rivals": no decision contested
        ("Lumio fights back with a new face-matching app for shops",
         "The company says its rivals copied its design."),
        ("Gazely challenges rivals with cheaper face search for hotels",
         "The startup cut its prices by half."),
    ],
)  # fmt: skip
def test_no_contested_decision(title: str, summary: str) -> None:
    assert found(title, summary).actor_type not in ("government", "regulator", "court")


def test_a_vendor_act_in_the_headline_keeps_its_vendor_whoever_the_summary_opens_with() -> None:
    f = found("Kestrel Vision stops selling face search to police",
              "The mayor says the city will find another supplier.")  # fmt: skip
    assert (f.relevant, f.actor_type) == (True, "vendor")


@pytest.mark.parametrize(
    "title",
    [
        "Washington puts Veltrona on a list that stops US pension funds from holding its stock",
        "Regulators put Gazely on a registry which bars it from public tenders",
    ],
)
def test_a_restrictive_relative_on_a_list_is_not_the_vendors_act(title: str) -> None:
    f = found(title, "The company's face software tracks minorities, officials said.")
    assert f.relevant is False
    assert f.actor_type != "vendor" or f.action is None


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a bill or a law as the subject
        ("Projeto de lei libera câmaras com reconhecimento facial em Vale Serrano",
         "O diploma autoriza a polícia a recolher imagens biométricas."),
        ("The bill bars police in Carrow from using face recognition",
         "It passed the assembly on Tuesday."),
        # a law-making body's plan outside English
        ("El Gobierno quiere reconocimiento facial en las estaciones de Ardena",
         "El ministro presentará el plan en marzo."),
        ("Il governo propone il riconoscimento facciale negli stadi di Arvenna",
         "Il testo arriverà in aula a maggio."),
        # one lawmaker's bill is a bill (README: bills are the government's), in English too
        ("Senator Ostrowski proposes a bill that would ban police face recognition",
         "The draft could come to a vote next year."),
    ],
)  # fmt: skip
def test_bills_and_law_makers_plans(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "government")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a police force's plan is a deployment
        ("Test zur Gesichtserkennung am Bahnhof Lindau kann beginnen",
         "Rund 300 Menschen haben sich gemeldet; die Bundespolizei will die Kameras ab August "
         "erproben."),
    ],
)  # fmt: skip
def test_user_plans_are_no_act(title: str, summary: str) -> None:
    assert found(title, summary).actor_type not in ("government", "regulator", "court")


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        # a court or a regulator as the headline's label speaks for its decision
        ("Oberverwaltungsgericht: Datenschutzbehörde muss Verbot der Gesichtserkennung prüfen",
         "Das Gericht gab der Beschwerde einer Bürgerrechtsgruppe statt.", "court"),
        ("Commissioner Okafor: all of the grocer's customers had their faces scanned",
         "Following her decision on the grocer, she said no sign warned anyone.",
         "regulator"),
        # a decision owned by the headline's first body
        ("'Not a green light': Ruritania regulator's verdict on supermarket facial recognition",
         "The office found the trial cut harm but wants a higher match threshold.", "regulator"),
        ("Judges clear Orvalle of the watchdog's order on face search sales",
         "The ruling lets the company sell again.", "court"),
        # consumer-protection bodies are regulators; a report released by one
        ("Departamento de defesa do consumidor multa varejista por captar rostos sem aviso",
         "A loja de Vale Serrano usava reconhecimento facial sem placa.", "regulator"),
        ("Inquiry findings published on a supermarket face recognition trial",
         "The Privacy Commissioner has released her findings about the grocer's pilot.", "regulator"),
        # a decision told in the passive that lets FR go ahead
        ("Câmeras com reconhecimento facial em Vale Serrano são liberadas",
         "O voto do relator na 7ª Câmara de Direito Privado não achou indício de viés.", "court"),
    ],
)  # fmt: skip
def test_labels_owned_decisions_and_consumer_bodies(title: str, summary: str, kind: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, kind)


@pytest.mark.parametrize(
    "title",
    [
        # a place or a topic as a label is no speaker; a vendor's "verdict" is its own
        "Lycées : la reconnaissance faciale à l'entrée divise les parents",
        "Lumio's verdict on the face search market: police sales stay paused",
    ],
)
def test_topic_labels_and_vendor_verdicts(title: str) -> None:
    assert found(title, "").actor_type not in ("government", "regulator", "court")
