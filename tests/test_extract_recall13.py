"""Recall families of the recall13 helper (invented vendors and sentences):

- an item with no FR term that tells a company's freeze of sales to a public buyer, even
  for a privacy, bias or legal reason, is no FR news (licence-plate readers, drones,
  location data …); neither are other goods stopped for other reasons;
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

# A public buyer and a privacy, bias or legal reason are how every police-technology sales
# stop is told, not only an FR vendor's: with no FR term (and no vendor the store knows
# for FR) such an item is no FR news. (A no-FR-term reading of that shape was tried and
# withdrawn, review11 R7: it alerted on every one of these.)
NOT_FR_SALES_STOPS = [
    ("en", "Caddon Systems pauses licence-plate reader sales to county police pending a privacy review",
     "Existing customers keep their cameras; the audit should end in spring."),
    ("en", "Wexcombe halts sales of its crime-forecasting software to city police over bias worries",
     "An outside panel will look at the tool's error rates first."),
    ("fr", "Brasquet suspend la vente de ses drones de patrouille aux gendarmeries, le temps d'une loi",
     "L'industriel veut un cadre légal sur la surveillance aérienne avant de reprendre."),
    ("de", "Gollwitz liefert keine Handyortungsdaten mehr an Behörden",
     "Der Datenhändler verweist auf Datenschutz und wartet auf ein Gesetz."),
    ("es", "Torrequebrada deja de vender programas de escuchas a gobiernos hasta que haya ley",
     "La empresa alega motivos de privacidad y libertades civiles."),
    ("it", "Valdarno sospende per un anno la vendita di bodycam con analisi video alle polizie locali",
     "L'azienda attende una revisione sull'accuratezza del software."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "title", "summary"), NOT_FR_SALES_STOPS)
def test_a_public_buyer_sales_stop_with_no_fr_term_is_no_fr_news(
    lang: str, title: str, summary: str
) -> None:
    f = extract(replace(entry(title, summary, "2024-05-06"), language=lang))
    assert f is None or not f.relevant, f


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
def test_other_goods_stopped_for_other_reasons_are_no_fr_news(title: str, summary: str) -> None:
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
