"""Recall families of the recall13 helper (invented vendors and sentences):

- an item with no FR term that tells a company's own freeze, refusal or extended freeze
  of sales to a public buyer, for a reason FR vendors give (rules awaited, a bias or
  accuracy review, privacy): the shape of an FR vendor's policy change
  (reading.policy_shape); the same shape for road salt, drones or uniforms, with no such
  reason, is no FR news;
- a stated span "without" sales or customers ("nine months without council orders") is
  a stop with a term: a moratorium, and a settlement when a settlement frames it;
- keeping a stop in place is an extension in every tense ("mantendrá la suspensión").
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
    ("fr", "Ruisseau Logiciels suspend pour six mois ses ventes aux administrations",
     "L'éditeur grenoblois veut d'abord les conclusions d'une étude sur les biais de son "
     "moteur Marelle.", "moratorium", "government"),
    ("de", "Birkenhain beliefert das Militär nicht mehr",
     "Der Ethikbeirat des Leipziger Anbieters hat Verträge mit Streitkräften untersagt; "
     "zivile Kunden sind nicht betroffen.", "ban", "government"),
    ("es", "Alcornoque alarga sin plazo la congelación de ventas a los ayuntamientos",
     "El freno a las licencias de Garza para consistorios, que acababa en junio, seguirá "
     "hasta que exista una ley autonómica, informa la empresa.", "extension", "government"),
    ("it", "Tordela sospende per dieci mesi le licenze alle agenzie governative",
     "La società di Verona attende l'esito di una revisione sui pregiudizi del suo "
     "sistema Radar.", "moratorium", "government"),
    ("pt", "Cajuína Tecnologia deixa de atender órgãos públicos",
     "Segundo a empresa, a decisão vem de seu comitê de ética e vale sem prazo; bancos "
     "seguem como clientes.", "ban", "government"),
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
    ("Lathom settles the tenants' case: four years without landlord contracts for its face screening",
     "The accord also orders the deletion of photos copied from rental listings.",
     "settlement"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), SPANS_WITHOUT)
def test_a_span_without_sales_is_a_stop_with_a_term(title: str, summary: str, action: str) -> None:
    f = found(title, summary, "2024-09-02")
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


# --------------------------------------------------------------------------- keeping a stop

KEPT_STOPS = [
    ("es", "Cadalso Visión mantendrá la moratoria de su reconocimiento facial para ayuntamientos",
     "La empresa no fija una nueva fecha."),
    ("pt", "Jenipapo manteve a suspensão da biometria facial para condomínios",
     "A empresa não deu prazo para retomar as vendas."),
    ("it", "Biancone Visione manterrà lo stop al riconoscimento facciale per le banche",
     "Nessuna nuova scadenza è stata comunicata."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "title", "summary"), KEPT_STOPS)
def test_keeping_a_stop_is_an_extension_in_every_tense(lang: str, title: str, summary: str) -> None:
    f = extract(replace(entry(title, summary, "2024-11-04"), language=lang))
    assert f is not None, title
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", "extension"), f
