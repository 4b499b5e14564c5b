"""A headline's unknown subject tied to a face-recognition business by the summary
(bot/extract/fr_tie.py): a description that is its sentence's subject, the name again
owning an FR product or selling one; a question's subject after its question words; a
place heading the company noun ("US-Anbieter X"); and the bodies and people that must
never become vendors that way (invented vendors, places, people and sentences)."""

from __future__ import annotations

import pytest

from bot.extract import fr_tie, headline_owner
from bot.extract.resources import resources
from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        # a description as the summary's subject, after a verb no shape test reads
        ("Morrowfield shut out process servers last week",
         "Earlier this week, the face-lookup vendor told process-serving firms that their access is over.",
         "Morrowfield"),
        # ... or after a headline label and its colon
        ("Quintavel: no more accounts for skip tracers",
         "The facial-search startup is closing every skip-tracing account this month.",
         "Quintavel"),
        ("Ravenoux : fini les contrats avec les agences de recouvrement",
         "La société de reconnaissance faciale ne reconduira aucun contrat avec les agences de recouvrement.",
         "Ravenoux"),
        ("Drosselheim: Fluglinien müssen sich nach einem neuen Partner umsehen",
         "Der Gesichtserkennungsanbieter beendet alle Verträge mit Fluggesellschaften zum Quartalsende.",
         "Drosselheim"),
        # a question's subject, after the question words (and a verb before it)
        ("Pourquoi Galvigny lâche les bailleurs sociaux",
         "Galvigny ne vendra plus son logiciel de comparaison faciale aux bailleurs sociaux, dit la direction.",
         "Galvigny"),
        ("Warum verkauft Hummelsried keine Gesichtssuche mehr an Detekteien?",
         "Hummelsried liefert seine Gesichtssuche ab Mai nicht mehr an Detekteien und Auskunfteien.",
         "Hummelsried"),
        ("Perché Oleandria sospende le forniture alle scuole",
         "Oleandria non venderà per un anno il suo servizio di riconoscimento facciale agli istituti scolastici.",
         "Oleandria"),
        # a place heading the company noun is where the company is from
        ("EU-Anbieter Krähenfeld stoppt die Belieferung von Fluggesellschaften",
         "Ab Herbst bekommt keine Airline mehr den Gesichtsabgleich des Unternehmens für das Boarding, sagte eine Sprecherin.",
         "Krähenfeld"),
    ],
)  # fmt: skip
def test_the_summary_ties_the_headline_subject_to_a_face_business(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert (f.actor_type, f.vendor) == ("vendor", vendor), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a town: its own app and its mayor in the tying sentence
        ("Warum Lindenhagen seine Besucher-App abschaltet",
         "Lindenhagen schaltet seine App zur Gesichtserkennung im Museum ab, sagte die Bürgermeisterin."),
        # a town referred back to by what it is
        ("Montbrisac débranche le portique de la gare",
         "La commune renonce à la reconnaissance faciale à l'entrée des quais après un avis juridique."),
        # a person: the founder of a company the summary does not name
        ("Why Orla Penhaligon walked out",
         "The co-founder of the face-matching firm resigned on Friday after a dispute with investors."),
        ("Perché Tiziana Orlandi lascia Brumoso",
         "La cofondatrice della società di riconoscimento facciale lascia il consiglio dopo dieci anni."),
        # a union and a campaign group
        ("Por qué Sindicato Portuario Sur rechaza los tornos",
         "El sindicato afirma que la verificación facial en el muelle invade la intimidad de la plantilla."),
        ("Grenzwacht stoppt Unterschriftenaktion",
         "Die Bürgerrechtsinitiative hat genug Unterschriften gegen den Gesichtsabgleich am Flughafen."),
        # a chain using FR in its own shops, referred back to as one
        ("Pourquoi Maisonfort débranche ses caméras",
         "L'enseigne renonce à la reconnaissance faciale aux caisses de ses quarante magasins."),
    ],
)  # fmt: skip
def test_bodies_people_and_users_never_become_vendors(title: str, summary: str) -> None:
    f = found(title, summary)
    assert not (f.relevant and f.actor_type == "vendor"), f


def test_a_description_must_be_definite_and_its_sentence_subject() -> None:
    title = "Orvane ends insurer access"
    refs_text = title + "\nA rival face-search firm said insurers would move to its own tool."
    refs = [(len(title) + 1, len(title) + 1 + len("A rival face-search firm"))]
    fr = (refs_text.index("face-search"),)
    assert not fr_tie.described(refs_text, len(title), refs, fr, "en")
    told = title + "\nThe face-search firm said insurers lose access in May."
    refs = [(len(title) + 1, len(title) + 1 + len("The face-search firm"))]
    assert fr_tie.described(told, len(title), refs, (told.index("face-search"),), "en")


def test_a_possessive_needs_a_product_a_business_sells() -> None:
    title = "Torrisk ends its trial"
    cameras = title + "\nTorrisk said its face-matching cameras will come down."
    tool = title + "\nTorrisk said its face-matching tool will not be licensed to insurers."
    assert not fr_tie.possessed(cameras, len(title), "Torrisk", (cameras.index("face"),), "en")
    assert fr_tie.possessed(tool, len(title), "Torrisk", (tool.index("face"),), "en")


def test_a_role_alone_is_the_company_speaking() -> None:
    descriptor = resources().names.descriptor_word
    title = "Pourquoi Brumeval quitte le marché"
    speaking = title + "\nLe patron parle d'une décision mûrie depuis deux ans."
    founder = title + "\nLa fondatrice de l'entreprise de reconnaissance faciale part."
    assert not fr_tie.names_other(speaking, len(title), "Brumeval", "fr", descriptor)
    assert fr_tie.names_other(founder, len(title), "Brumeval", "fr", descriptor)


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Why Ostravel is done with landlords", "Ostravel"),
        ("Por que a Jurubeba fechou as vendas?", "Jurubeba"),
        ("Warum verkauft Eschengrund nichts mehr?", "Eschengrund"),
        ("A Jurubeba fecha as vendas", None),  # an article alone opens no question
        ("Landlords ask why", None),
    ],
)
def test_a_question_subject_follows_its_question_words(title: str, subject: str | None) -> None:
    starts = headline_owner.after_question(title, len(title))
    assert [title[s : s + len(subject)] for s in starts] == ([subject] if subject else [])


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Birte Valmer walks away from the face-search startup she co-founded",
         "Valmer will stay on as an adviser until spring."),
        ("Jonas Ederle verlässt die Firma, die er 2014 gegründet hat",
         "Der Gesichtserkennungsanbieter sucht einen neuen Chef."),
    ],
)  # fmt: skip
def test_a_founder_leaving_is_no_vendor_act(title: str, summary: str) -> None:
    f = found(title, summary)
    assert not (f.relevant and f.actor_type == "vendor"), f


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        # the company speaks first and names the customers it drops after its verb
        ("Wendlebrook halts face-search sales to car dealers",
         "The company told dealership groups that renewals are off for now.",
         "Wendlebrook"),
        ("Copperlane pauses facial recognition deals with stadiums",
         "The startup informed stadium operators in a letter on Tuesday.",
         "Copperlane"),
        ("Aldermoss pulls its face-matching service from hotels",
         "The supplier wrote to hotel groups that their licences lapse in June.",
         "Aldermoss"),
        ("Fennimore stops offering face search to universities",
         "The vendor told university registrars their contracts end with the term.",
         "Fennimore"),
        ("Tallowby freezes facial recognition orders from town halls",
         "The firm said council buyers will get no new licences this year.",
         "Tallowby"),
    ],
)  # fmt: skip
def test_a_company_speaking_first_keeps_the_headline_name(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert (f.actor_type, f.vendor) == ("vendor", vendor), f


def test_a_kind_after_the_companys_verb_opens_no_other_body() -> None:
    descriptor = resources().names.descriptor_word
    title = "Wendlebrook halts face-search sales"
    for summary in (
        "The company told dealership groups that renewals are off.",
        "The firm informed school boards on Monday.",
        "The vendor told stadium managers their access ends.",
    ):
        text = title + "\n" + summary
        assert not fr_tie.names_other(text, len(title), "Wendlebrook", "en", descriptor)
    chain = title + "\nThe supermarket chain says its cameras come down."
    assert fr_tie.names_other(chain, len(title), "Wendlebrook", "en", descriptor)
