"""A stop told as going on, read against the vendor's timeline (bot.extract.history):
an extension of the vendor's own standing pause, a restatement of its standing ban,
and never an extension without such a pause (invented vendors and sentences)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import clustering
from bot.extract.history import apply_history
from bot.models import Event, Finding
from store import Store
from tests import feedserver
from tests.extract_helpers import found
from tests.feedserver import FeedServer
from tests.outlet_poll import poll_outlet
from tests.test_pipeline_e2e import item, rss

feed_server = feedserver.feed_server

WHEN = datetime(2025, 2, 3, tzinfo=UTC)
VENDOR = "Quorlan Imaging"


def event(action: str, days_before: float, *, applies_to: str = "police",
          product: str | None = None, vendor: str = VENDOR) -> Event:  # fmt: skip
    first = WHEN - timedelta(days=days_before)
    return Event(
        id=1, key="k", relevant=True, actor_type="vendor", vendor=vendor, product=product,
        action=action, applies_to=applies_to, region="US", effective=first.date(),
        duration=None, title="t", evidence="e", link=None, confidence=0.8, first_reported=first,
    )  # fmt: skip


GOES_ON = Finding(relevant=True, actor_type="vendor", vendor=VENDOR, action="moratorium",
                  applies_to="everyone", confidence=0.5, signal="continuation")  # fmt: skip


@pytest.mark.parametrize("told_as", ["moratorium", "ban", "extension"])
def test_a_continuation_of_a_standing_pause_is_an_extension(told_as: str) -> None:
    f = apply_history(replace(GOES_ON, action=told_as), [event("moratorium", 240)], WHEN)
    # the pause's customers fill in an item that names none
    assert (f.relevant, f.action, f.applies_to) == (True, "extension", "police")


def test_a_follow_up_of_an_extension_stays_an_extension() -> None:
    history = [event("moratorium", 400), event("extension", 3)]
    assert apply_history(GOES_ON, history, WHEN).action == "extension"


def test_inside_the_pause_s_own_news_cycle_it_is_a_follow_up_of_the_pause() -> None:
    assert apply_history(GOES_ON, [event("moratorium", 4)], WHEN) == GOES_ON


@pytest.mark.parametrize(
    "history",
    [
        [],  # a first pause: nothing to extend
        [event("moratorium", 300, vendor="Tessaract Labs")],  # someone else's pause
        [event("moratorium", 300, applies_to="private_companies")],  # other customers
        [event("moratorium", 500), event("reversal", 200)],  # the pause was lifted
        [event("moratorium", 500), event("exit", 100)],  # the business was left
    ],
)
def test_no_standing_pause_of_the_same_scope_leaves_the_finding_as_read(
    history: list[Event],
) -> None:
    police = replace(GOES_ON, applies_to="police")
    assert apply_history(police, history, WHEN) == police


def test_a_pause_of_another_product_is_not_extended() -> None:
    other = [event("moratorium", 300, product="Quorlan Gate")]
    f = replace(GOES_ON, product="Quorlan Lens")
    assert apply_history(f, other, WHEN).action == "moratorium"


def test_police_and_law_enforcement_are_one_scope() -> None:
    f = replace(GOES_ON, applies_to="law_enforcement")
    assert apply_history(f, [event("moratorium", 300)], WHEN).action == "extension"


def test_a_ban_told_as_going_on_months_later_is_no_news() -> None:
    f = apply_history(replace(GOES_ON, action="ban"), [event("ban", 380)], WHEN)
    assert (f.relevant, f.actor_type, f.action) == (False, "vendor", None)
    fresh = apply_history(replace(GOES_ON, action="ban"), [event("ban", 2)], WHEN)
    assert (fresh.relevant, fresh.action) == (True, "ban")


def test_a_first_pause_told_with_a_continuation_is_a_moratorium_not_an_extension() -> None:
    anew = replace(GOES_ON, action="extension", signal="continuation_fresh")
    assert apply_history(anew, [], WHEN).action == "moratorium"
    # the same item after a standing pause does prolong it
    assert apply_history(anew, [event("moratorium", 300)], WHEN).action == "extension"
    # without a fresh pause verb, an extension read from the item stays one
    told = replace(GOES_ON, action="extension")
    assert apply_history(told, [], WHEN).action == "extension"


# ----------------------------------------------------------------- reading the items


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Quorlan Imaging's sheriff freeze on face matching rolls on into spring",
         "County buyers are told they must still wait while the audit drags."),
        ("Deputies kept waiting: Quorlan Imaging leaves its face-search halt in force",
         "No county contract is to be signed before the reviewers report."),
        ("Quorlan Imaging won't lift its police face-matching pause when the year ends",
         "The supplier said the halt now lasts well into next year."),
        ("Officers remain locked out of Quorlan Imaging's face search after the deadline",
         "The company's stop on police orders goes on with no end date."),
        ("Le gel de Quorlan Imaging sur la reconnaissance faciale pour les polices se poursuit",
         "Le fabricant garde sa pause au-delà du délai annoncé l'an dernier."),
        ("Quorlan Imaging: Polizei bleibt weiter ohne Gesichtserkennung",
         "Der Hersteller verlängert den Verkaufsstopp an Polizeibehörden noch einmal."),
        ("Quorlan Imaging mantiene congelados sus contratos de reconocimiento facial con la policía",
         "La pausa de ventas a las comisarías seguirá vigente más allá del verano."),
        ("Quorlan Imaging, resta in vigore lo stop al riconoscimento facciale per la polizia",
         "Lo stop alle vendite alle questure continua oltre l'estate."),
        ("Quorlan Imaging mantém parada a venda de reconhecimento facial às polícias",
         "A suspensão das vendas continua além do prazo do verão."),
    ],
)  # fmt: skip
def test_a_stop_told_as_going_on_is_flagged_for_the_timeline(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.relevant and f.vendor == VENDOR, f
    assert f.action in ("moratorium", "ban", "extension"), f
    assert f.signal == "continuation", f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Quorlan Imaging pauses face-matching sales to police for a year",
         "The supplier wants clearer rules before it signs with any county."),
        ("Quorlan Imaging gèle pour six mois la vente de son outil de reconnaissance faciale à la police",
         "Le fabricant attend un cadre légal."),
        ("Quorlan Imaging setzt den Verkauf von Gesichtserkennung an die Polizei für ein Jahr aus",
         "Der Hersteller wartet auf klare Regeln."),
    ],
)  # fmt: skip
def test_a_first_pause_is_no_continuation(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.action, f.signal) == (True, "moratorium", None), f


def test_a_pause_verb_with_a_continuation_is_flagged_as_a_fresh_pause() -> None:
    f = found("Quorlan Imaging halts face-search sales to police; the halt stays in force "
              "until a state law passes", "Sheriffs will have to wait.")  # fmt: skip
    assert f.signal == "continuation_fresh", f
    assert apply_history(f, [], WHEN).action in ("moratorium", "ban")


# ----------------------------------------------------------------- through the store

PAUSE = item("pause-1", "Quorlan Imaging pauses face-matching sales to police for a year",
             "The supplier wants clearer rules first.", days_ago=330)  # fmt: skip
GOES_ON_ITEM = item(
    "goes-on-1",
    "Quorlan Imaging's police freeze on face matching carries on past its deadline",
    "County buyers must still wait.",
    days_ago=0.1,
)
OTHERS = item(
    "goes-on-2",
    "Tessaract Labs halts face-search sales to police; the halt stays in force "
    "until a state law passes",
    "Sheriffs will have to wait.",
    days_ago=0.1,
)


def _poll(tmp_path: Path, server: FeedServer, store: Store) -> None:
    poll_outlet(tmp_path, server, store)


def test_the_pipeline_extends_the_pause_the_store_holds(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    store = Store.open(tmp_path / "bot.db")
    try:
        feed_server.set("/a.xml", rss(PAUSE), etag='"1"')
        _poll(tmp_path, feed_server, store)
        feed_server.set("/a.xml", rss(PAUSE, GOES_ON_ITEM, OTHERS), etag='"2"')
        _poll(tmp_path, feed_server, store)
        actions = [e.action for e in clustering.timeline(store, VENDOR).events]
        assert actions == ["moratorium", "extension"]
        # a vendor with no pause on its timeline (Quorlan's pause is not its own) only
        # starts one
        other = [e.action for e in clustering.timeline(store, "Tessaract Labs").events]
        assert other in (["moratorium"], ["ban"])
    finally:
        store.close()


# ----------------------------------------------------------------- no act read at all


def test_a_headline_told_as_going_on_with_no_act_extends_only_a_standing_pause() -> None:
    f = found("Quorlan Imaging: Polizeireviere warten weiter auf die Gesichtssuche",
              "Der Hersteller nennt keinen Termin.")  # fmt: skip
    assert (f.relevant, f.signal, f.applies_to) == (False, "continuation", "police"), f
    extended = apply_history(f, [event("moratorium", 200)], WHEN)
    assert (extended.relevant, extended.actor_type, extended.action) == (
        True, "vendor", "extension",
    )  # fmt: skip
    assert apply_history(f, [], WHEN) == f  # nothing on the timeline: nothing to extend
    assert apply_history(f, [event("moratorium", 5)], WHEN) == f  # the pause's own cycle
    assert apply_history(f, [event("ban", 300)], WHEN) == f  # a ban is not prolonged


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("A senator asks Quorlan Imaging which police forces still use its face search", ""),
        ("Quorlan Imaging's face search still misidentifies darker faces, study finds", ""),
    ],
)  # fmt: skip
def test_someone_else_s_question_or_study_is_no_continuation(title: str, summary: str) -> None:
    f = found(title, summary)
    assert not f.relevant and f.signal is None, f


# ----------------------------------------------------------------- deferred returns, more time

PAUSED = [event("moratorium", 300)]


@pytest.mark.parametrize(
    "title",
    [
        "Quorlan Imaging delays lifting its sheriff face-search halt",
        "Quorlan Imaging holds off on resuming face-matching sales to police",
        "Quorlan Imaging postpones the return of police face search to next year",
        "Quorlan Imaging sets a new end date for its police face-search freeze",
        "Quorlan Imaging adds another quarter to its police face-matching pause",
        "Quorlan Imaging repousse la reprise de son offre de reconnaissance faciale pour la police",
        "Quorlan Imaging verschiebt die Wiederaufnahme der Gesichtserkennung für die Polizei",
        "Quorlan Imaging aplaza la reanudación de las ventas de reconocimiento facial a la policía",
        "Quorlan Imaging rinvia la ripresa delle vendite di riconoscimento facciale alla polizia",
        "Quorlan Imaging adia a retomada das vendas de reconhecimento facial à polícia",
    ],
)
def test_a_deferred_return_or_more_time_for_a_pause_extends_it(title: str) -> None:
    f = found(title)
    assert f.action != "reversal" and f.signal == "continuation", f
    extended = apply_history(f, PAUSED, WHEN)
    assert (extended.relevant, extended.action) == (True, "extension"), extended


@pytest.mark.parametrize(
    "title",
    [
        "Quorlan Imaging resumes police face-search sales after its pause",
        "Quorlan Imaging reprend la vente de reconnaissance faciale aux polices",
    ],
)
def test_a_return_itself_is_no_continuation(title: str) -> None:
    f = apply_history(found(title), PAUSED, WHEN)
    assert (f.relevant, f.action) == (True, "reversal"), f


@pytest.mark.parametrize(
    "title",
    [
        "Quorlan Imaging reaffirms its police face-search pause: nothing has changed, it stands",
        "Quorlan Imaging reitera que su pausa facial para las comisarías no ha cambiado",
        "Quorlan Imaging bekräftigt: Gesichtserkennung bleibt für die Polizei gesperrt",
    ],
)
def test_a_restatement_of_the_standing_pause_is_no_change_not_an_extension(title: str) -> None:
    f = found(title)
    assert f.signal == "restatement", f
    later = apply_history(f, PAUSED, WHEN)
    assert (later.relevant, later.action) == (False, None), later
