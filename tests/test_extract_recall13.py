"""Recall families of the recall13 helper (invented vendors and sentences):

- an item with no FR term that tells a company's own freeze, refusal or extended freeze
  of sales to a public buyer, for a reason FR vendors give (rules awaited, a bias or
  accuracy review, privacy): the shape of an FR vendor's policy change
  (reading.policy_shape); the same shape for road salt, drones or uniforms, with no such
  reason, is no FR news;
- a stated span "without" sales or customers ("nine months without council orders") is
  a stop with a term: a moratorium, and a settlement when a settlement frames it;
- a vendor described as a "face" vendor, firm, startup, maker or supplier names FR;
  "face" as a verb before such a noun does not.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.extract import extract
from tests.extract_helpers import entry, found

# --------------------------------------------------------------------------- no FR term

PUBLIC_BUYER_POLICIES = [
    ("en", "Pennock Data stops licensing Quarry to county sheriffs for ten months",
     "The Tulsa developer wants an independent check of the tool's accuracy first; "
     "signed contracts run on.", "moratorium", "police"),
    ("fr", "Ruisseau gèle ses contrats avec les mairies pendant huit mois",
     "L'éditeur nantais suspend la vente de son logiciel Phare aux villes, le temps "
     "qu'un laboratoire mesure les biais de son algorithme.", "moratorium", "government"),
    ("de", "Birkenhain nimmt keine Aufträge von Strafverfolgungsbehörden mehr an",
     "Bis ein Gesetz den Einsatz regelt, liefert der Leipziger Anbieter sein Programm "
     "Luchs weder an Staatsanwaltschaften noch an Zollfahnder.", "ban", "law_enforcement"),
    ("es", "Alcornoque alarga sin plazo la congelación de ventas a los ayuntamientos",
     "El freno a las licencias de Garza para consistorios, que acababa en junio, seguirá "
     "hasta que exista una ley autonómica, informa la empresa.", "extension", "government"),
    ("it", "Tordela blocca le forniture ai municipi per dodici mesi",
     "L'azienda veronese non firmerà contratti per Radar con le amministrazioni comunali "
     "in attesa di una legge nazionale.", "moratorium", "government"),
    ("pt", "Cajuína Tecnologia recusa contratos com polícias estaduais",
     "Sem uma lei de privacidade aprovada em Brasília, a empresa cearense diz que o Farol "
     "fica fora do alcance das polícias.", "ban", "police"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "title", "summary", "action", "group"), PUBLIC_BUYER_POLICIES)
def test_a_sales_policy_towards_a_public_buyer_is_fr_news_without_an_fr_term(
    lang: str, title: str, summary: str, action: str, group: str
) -> None:
    f = extract(replace(entry(title, summary, "2024-05-06"), language=lang))
    assert f is not None, title
    assert (f.relevant, f.actor_type, f.action, f.applies_to) == (True, "vendor", action, group), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # the same shape for other goods, and no reason an FR vendor gives
        (
            "Saltash Minerals halts grit deliveries to municipalities after a pit collapse",
            "Towns must order from other quarries until March, the supplier said.",
        ),
        (
            "Hornbeck stops selling patrol drones to police for six months",
            "The maker has to replace a faulty motor in every unit.",
        ),
        (
            "Kettleby suspends boot sales to sheriffs' offices until autumn",
            "A leather shortage has emptied its warehouse.",
        ),
        # a public buyer's own freeze is no vendor's change
        (
            "Hadleigh town hall freezes its purchases of parking software pending new rules",
            "Councillors want a tender next year.",
        ),
    ],
)
def test_the_shape_without_an_fr_vendor_reason_is_no_fr_news(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant, f


# --------------------------------------------------------------------------- a span without sales

SPANS_WITHOUT = [
    ("Nine months without council orders for Heddon's face matching",
     "Heddon Analytics takes no new municipal contracts until the spring.", "moratorium"),
    ("Un año sin contratos con casinos para el reconocimiento facial de la firma Tarajal",
     "Tarajal Visión no venderá a salas de juego hasta el próximo verano.", "moratorium"),
    ("Sei mesi senza ordini dai supermercati: Pruneto sospende il riconoscimento facciale",
     "Fino a luglio Pruneto Sistemi non darà licenze a catene di supermercati.",
     "moratorium"),
    ("Um ano sem vendas para prefeituras: Ingazeira pausa a biometria facial",
     "A Ingazeira Dados não assinará novos contratos municipais até março.", "moratorium"),
    # a settlement framing the span makes it the settlement's term
    ("Five years without insurer clients: what Lathom's face-data settlement requires",
     "The class deal also orders the deletion of photos copied from social networks.",
     "settlement"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), SPANS_WITHOUT)
def test_a_span_without_sales_is_a_stop_with_a_term(title: str, summary: str, action: str) -> None:
    f = found(title, summary, "2024-09-02")
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


# --------------------------------------------------------------------------- "face" vendors

FACE_VENDORS = [
    ("Face startup Lyddington closes its people-search site",
     "The site goes offline this week and its index is being deleted.", "shutdown"),
    ("Face supplier Ridsdale pauses police sales for a year",
     "Departments cannot buy new licences before next summer.", "moratorium"),
    ("Face firm Oxenhope turns away landlords",
     "Property managers will not be offered the screening product any more.", "ban"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), FACE_VENDORS)
def test_a_face_vendor_descriptor_names_fr(title: str, summary: str, action: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.action) == (True, action), f


@pytest.mark.parametrize(
    "title",
    [
        "Wholesalers face supplier shortages before the holidays",
        "Towns face vendor fees for parking meters, auditors say",
    ],
)
def test_face_as_a_verb_before_a_vendor_noun_is_no_fr_news(title: str) -> None:
    f = extract(entry(title, "Prices and contracts are under review."))
    assert f is None or not f.relevant, f
