"""Recall families of the recall14 helper (invented vendors and sentences):

- a conditional refusal told as a deal put off until a law ("defers", "reporte",
  "verschiebt", "aplaza", "rinvia", "adia"), as a public market stayed out of, or as a
  customer group left without access: a ban; a deferred launch or a council's deferred
  vote is no vendor refusal, and "every agreement with towns" frames no settlement;
- vetting: a capability kept for customers the vendor approved or reviewed, every use or
  request examined, a feature behind an application form; "switched on only after a
  review" is the gate's condition, not a launch;
- a class of searches refused, told in the passive with the searches as subject: the
  vendor whose product is named refuses them (a restriction).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.extract import extract
from tests.extract_helpers import entry


def read(lang: str, title: str, summary: str):  # type: ignore[no-untyped-def]
    return extract(replace(entry(title, summary, "2025-03-11"), language=lang))


# --------------------------------------------------------------------------- conditional refusals

CONDITIONAL_REFUSALS = [
    ("en", "Ottermere Vision puts off any police deals until state lawmakers act",
     "The facial recognition company says sheriffs will wait for a statute before it signs."),
    ("fr", "Grivelle repousse toutes ses ventes aux polices municipales",
     "L'éditeur de reconnaissance faciale attend l'avis d'un laboratoire agréé avant de signer."),
    ("de", "Hohenbrück verschiebt sämtliche Aufträge der Polizei auf unbestimmte Zeit",
     "Der Gesichtserkennungsanbieter wartet nach eigenen Angaben auf ein Prüfsiegel."),
    ("es", "Zampullín aplaza todos los contratos con policías locales",
     "El fabricante de reconocimiento facial quiere un fallo del Supremo antes de vender a las fuerzas."),
    ("it", "Fenicottero posticipa tutti gli ordini della polizia a dopo la sentenza",
     "Il fornitore di riconoscimento facciale attende la Corte costituzionale prima di firmare."),
    ("pt", "Jurutaí adiou todos os contratos com polícias estaduais",
     "A empresa de reconhecimento facial quer um selo de certificação antes de vender às forças."),
    ("fr", "Ravelstone Technologies restera à l'écart des marchés de la police",
     "Sans norme publique sur la reconnaissance faciale, la société ne répondra pas aux polices."),
    ("it", "Cinciallegra starà fuori dalle gare della polizia locale",
     "Il produttore di riconoscimento facciale aspetta linee guida del Garante."),
    ("de", "Polizeibehörden bekommen keinen Zugang zu Eisfalters Gesichtssuche",
     "Der Anbieter Eisfalter Systeme will erst nach einem Urteil liefern."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "title", "summary"), CONDITIONAL_REFUSALS)
def test_a_deal_put_off_or_a_market_stayed_out_of_until_a_law_is_a_ban(
    lang: str, title: str, summary: str
) -> None:
    f = read(lang, title, summary)
    assert f is not None and f.relevant and f.actor_type == "vendor", f
    assert f.action == "ban", f


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Brightling delays the launch of its face-unlock doorbell to autumn",
         "A chip shortage pushes the product back; buyers are unchanged."),
        ("en", "County board postpones its vote on a Tollmere face-matching contract",
         "Commissioners asked staff for a privacy review before they decide."),
    ],
)  # fmt: skip
def test_a_deferred_launch_or_a_bodys_deferred_vote_is_no_vendor_refusal(
    lang: str, title: str, summary: str
) -> None:
    f = read(lang, title, summary)
    assert f is None or not f.relevant, f


def test_every_agreement_with_towns_put_off_is_no_settlement() -> None:
    # "qualsiasi intesa": an agreement quantified is one the vendor puts off, never a
    # settlement's deal (an Italian settlement frame word)
    f = read(
        "it",
        "Gruccione posticipa qualsiasi intesa con le province fino a un parere tecnico",
        "La società torinese di riconoscimento facciale non chiuderà nulla con gli enti provinciali.",
    )
    assert f is not None and f.relevant and f.action == "ban", f


# --------------------------------------------------------------------------- vetting

VETTING = [
    ("en", "Face identification on Lodestar's API now goes behind a review form",
     "Liveness checks stay open to every account."),
    ("en", "Pinewick sells face search only to clients it has screened",
     "Age estimation is removed from the face toolkit."),
    ("fr", "Reconnaissance faciale : Calvène filtre désormais les clients de son API",
     "Seuls les comptes validés par l'équipe juridique garderont l'identification."),
    ("de", "Dornfeld kontrolliert künftig jede Nutzung seiner Gesichtserkennung",
     "Die Identifizierung bleibt nur für geprüfte Kunden eingeschaltet."),
    ("it", "Riconoscimento facciale di Zirlo riservato solo ai clienti verificati",
     "Ogni domanda di accesso all'identificazione verrà valutata dall'azienda."),
    ("es", "Somormujo revisará todas las cuentas de su reconocimiento facial",
     "La identificación de personas queda solo para clientes aprobados."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "title", "summary"), VETTING)
def test_a_capability_kept_for_vetted_customers_is_a_restriction(
    lang: str, title: str, summary: str
) -> None:
    f = read(lang, title, summary)
    assert f is not None and f.relevant and f.actor_type == "vendor", f
    assert f.action == "restriction", f


def test_switched_on_only_after_a_review_is_the_gates_condition_not_a_launch() -> None:
    f = read(
        "en",
        "Hazelwick's face matching needs a sign-off before it works for new accounts",
        "Matching is switched on only after staff approve the stated use.",
    )
    assert f is not None and f.relevant and f.action == "restriction", f


# --------------------------------------------------------------------------- searches refused

SEARCHES_REFUSED = [
    ("en", "Searches built on photos older than ten years are now rejected on Quaymark's face finder",
     "Subscribers see an error instead of matches."),
    ("fr", "Les requêtes visant des agents en uniforme seront refusées par le moteur facial de Pluvian",
     "Pluvian dit vouloir protéger les soignants et les contrôleurs."),
    ("es", "Las búsquedas con retratos de vecinos de Orvalle quedan bloqueadas en el buscador facial de Zarapito",
     "Zarapito explicó que filtra las imágenes antes de compararlas."),
    ("pt", "As buscas com fotos de manifestações passam a ser recusadas pelo serviço facial da Garça",
     "A Garça diz que quer proteger quem vai a protestos."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "title", "summary"), SEARCHES_REFUSED)
def test_a_class_of_searches_refused_in_the_passive_is_the_vendors_restriction(
    lang: str, title: str, summary: str
) -> None:
    f = read(lang, title, summary)
    assert f is not None and f.relevant and f.actor_type == "vendor", f
    assert f.action == "restriction", f


def test_a_court_blocking_searches_is_no_vendor_restriction() -> None:
    f = read(
        "en",
        "Judge orders searches on Marrowby's face site blocked pending trial",
        "The court granted the injunction a privacy group asked for.",
    )
    assert f is None or not f.relevant, f
