"""Clustering that survives extraction noise (failure-classes §A3), on a real SQLite file.

Every report here is about invented vendors (Norvik Labs, Talvera, Orvane) and
written for these tests. Each test records findings the way the pipeline does
and checks the events, votes and alerts that result.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.events import matching
from bot.models import Destination, Entry, EventChange, Filters, Finding
from store import Store, event_reads
from store import subscriptions as subscriptions_store
from tests.authority_events import record_and_route

START = datetime(2022, 9, 5, 8, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "noise.db")
    subscriptions_store.add(opened, Destination("console", channel="vendors"), Filters())
    yield opened
    opened.close()


def report(
    title: str,
    summary: str = "",
    *,
    day: float = 0,
    vendor: str | None = "Norvik Labs",
    action: str | None = "ban",
    relevant: bool = True,
    actor: str = "vendor",
    product: str | None = "Facet Search",
    region: str | None = "US",
    source: str = "Daily Ledger",
) -> tuple[Entry, Finding]:
    entry = Entry(feed_id=source.lower().replace(" ", "-"), key=f"guid:{title}", title=title,
                  summary=summary, link=f"https://ledger.example/{abs(hash(title))}",
                  published=START + timedelta(days=day), source=source)  # fmt: skip
    finding = Finding(relevant=relevant, actor_type=actor, vendor=vendor, product=product,
                      action=action, applies_to="police",
                      region=region, confidence=0.8, evidence=title)  # fmt: skip
    return entry, finding


def record(store: Store, pair: tuple[Entry, Finding]) -> tuple[EventChange, int]:
    """Record like the pipeline does; returns the change and the outbox rows written."""
    return record_and_route(store, *pair)


def alerts(store: Store) -> int:
    return int(store.query("SELECT COUNT(*) AS n FROM deliveries WHERE kind = 'alert'")[0]["n"])


# --------------------------------------------------------------------------- votes


def test_reports_that_are_not_a_policy_change_do_not_vote_on_the_action(store: Store) -> None:
    first, _ = record(store, report("Norvik Labs stops selling Facet Search to sheriffs",
                                    "The company will no longer take sheriff orders.",
                                    action="ban"))  # fmt: skip
    # two later items the extractor judged not to be a change, but with an action read
    for n, title in enumerate(("Norvik Labs exit talk dismissed by its board",
                               "Why Norvik Labs will not leave the face search market")):  # fmt: skip
        change, _ = record(store, report(title, day=1 + n, action="exit", relevant=False))
        assert change.event_id == first.event_id
    event = event_reads.get_event(store, first.event_id)
    assert event is not None and event.action == "ban"  # (relevance is voted apart)


def test_comments_without_an_actor_do_not_outvote_the_one_relevant_report(store: Store) -> None:
    comments = ("Norvik Labs under pressure over Facet Search sheriff deals",
                "Columnists weigh Norvik Labs' role in sheriff face search")  # fmt: skip
    first, written = record(store, report(comments[0], actor="none", relevant=False,
                                          action=None))  # fmt: skip
    assert written == 0
    record(store, report(comments[1], day=1, actor="none", relevant=False, action=None))
    change, written = record(store, report(
        "Norvik Labs stops selling Facet Search to sheriffs", day=2))  # fmt: skip
    assert change.event_id == first.event_id
    event = event_reads.get_event(store, first.event_id)
    assert event is not None and event.relevant and event.actor_type == "vendor"
    assert written == 1 and alerts(store) == 1  # the change alerts: no silent loss


def test_vendor_reports_that_are_not_a_change_still_outvote_a_lone_relevant_one(
    store: Store,
) -> None:
    """The abstention is only for reports with no actor: two launch reports by the
    vendor itself keep a single mis-read report from alerting."""
    first, _ = record(store, report("Norvik Labs unveils Facet Search for hotels",
                                    action=None, relevant=False))  # fmt: skip
    record(store, report("Hotels get Norvik Labs' Facet Search this autumn", day=1,
                         action=None, relevant=False))  # fmt: skip
    change, written = record(store, report("Norvik Labs Facet Search pulled from sheriffs",
                                           day=2))  # fmt: skip
    assert change.event_id == first.event_id and written == 0


# --------------------------------------------------------------------------- action conflicts


def test_one_action_conflict_is_forgiven_for_the_same_vendor_place_and_day(store: Store) -> None:
    first, _ = record(store, report("Talvera switches off its kiosk face check", vendor="Talvera",
                                    action="shutdown", product=None))  # fmt: skip
    change, written = record(store, report(
        "Kiosk identity matching back on at Talvera stores", day=3, vendor="Talvera",
        action="reversal", product=None))  # fmt: skip
    assert change.event_id == first.event_id
    assert written == 1 and alerts(store) == 1  # a follow-up in the alert's thread, no alert


@pytest.mark.parametrize(
    ("day", "region"),
    [(12, "US"), (3, "EU")],
    ids=["past-the-same-story-window", "another-region"],
)
def test_the_conflict_is_not_forgiven_when_date_or_region_differ(
    store: Store, day: float, region: str
) -> None:
    first, _ = record(store, report("Talvera switches off its kiosk face check", vendor="Talvera",
                                    action="shutdown", product=None))  # fmt: skip
    change, _ = record(store, report(
        "Kiosk identity matching back on at Talvera stores", day=day, vendor="Talvera",
        action="reversal", product=None, region=region))  # fmt: skip
    assert change.event_id != first.event_id


def test_two_conflicts_are_never_forgiven() -> None:
    old = matching.Profile("talvera", "vendor", True, "shutdown", frozenset({"kiosk"}), "US",
                        START, START)  # fmt: skip
    new = matching.Profile("talvera", "vendor", True, "reversal", frozenset({"lens"}), "US",
                        START + timedelta(days=1), START + timedelta(days=1))  # fmt: skip
    assert matching.decide(new, old) is None


# --------------------------------------------------------------------------- follow-ups


EXPLAINER = ("Three weeks on, what Norvik Labs' Facet Search limits mean for sheriffs",
             "Norvik Labs Facet Search sheriff orders refused; county deputies weigh "
             "alternatives after the vendor's decision on sheriff orders.")  # fmt: skip
ORIGINAL = ("Norvik Labs refuses Facet Search orders from sheriffs",
            "County deputies lose access to Facet Search sheriff orders after Norvik Labs' "
            "decision, the vendor said.")  # fmt: skip


def test_a_late_follow_up_with_a_compatible_action_votes_instead_of_splitting(
    store: Store,
) -> None:
    first, _ = record(store, report(*ORIGINAL, action="ban"))
    change, written = record(store, report(*EXPLAINER, day=22, action="restriction"))
    assert change.event_id == first.event_id
    assert written == 1 and alerts(store) == 1  # a follow-up in the alert's thread, no alert


def test_a_late_report_with_other_wording_and_a_compatible_action_is_a_new_event(
    store: Store,
) -> None:
    first, _ = record(store, report(*ORIGINAL, action="ban"))
    change, _ = record(store, report("Norvik Labs retires emotion scoring in its camera kit",
                                     "Mood estimates disappear from the product next quarter.",
                                     day=40, action="restriction", product=None))  # fmt: skip
    assert change.event_id != first.event_id


def test_a_late_extension_of_a_pause_stays_its_own_event(store: Store) -> None:
    first, _ = record(store, report(*ORIGINAL, action="moratorium"))
    change, _ = record(store, report(*EXPLAINER, day=60, action="extension"))
    assert change.event_id != first.event_id


# --------------------------------------------------------------------------- rival vendors


def test_a_rival_named_in_the_headline_does_not_pull_the_item_into_its_event(
    store: Store,
) -> None:
    rival, _ = record(store, report("Orvane halts sheriff sales of its face matcher",
                                    "Orvane says sheriffs can no longer buy the matcher.",
                                    vendor="Orvane", action="moratorium", product=None))  # fmt: skip
    change, written = record(store, report(
        "Days after Orvane's halt, Talvera also says no to sheriffs",
        "Talvera says sheriffs can no longer buy its face matcher either.",
        day=2, vendor="Talvera", action="ban", product=None))  # fmt: skip
    assert change.event_id != rival.event_id and change.created
    event = event_reads.get_event(store, change.event_id)
    assert event is not None and event.vendor == "Talvera"
    assert written == 1 and alerts(store) == 2


def test_the_events_vendor_named_in_a_vendorless_report_is_no_evidence() -> None:
    """Similarity for a report whose finding has no vendor leaves the event's vendor
    name out: the name alone is no shared wording, and a vendor-less report with a move
    of its own (a rival's, whose name the extraction missed) never joins on it. A comment
    with no move that names the vendor in its news cycle is the event's report
    (``bot.events.identity.vendor_named``: it neither votes nor alerts)."""
    event = matching.Profile("orvane", "vendor", True, "moratorium", frozenset(), None, START,
                          START, terms=frozenset({"orvan", "matcher", "sheriff"}),
                          names=frozenset({"orvan"}))  # fmt: skip
    move = matching.Profile("", "vendor", True, "ban", frozenset(), None, START, START,
                         terms=frozenset({"orvan", "pric", "quarter", "revenu"}),
                         names=frozenset({"orvan"}))  # fmt: skip
    sim, shared, shared_names = matching.similarity(move, event)
    assert (sim, shared, shared_names) == (0.0, 0, 0)
    assert matching.decide(move, event) is None
    comment = replace(move, actor_type="none", relevant=False, action=None)
    assert matching.similarity(comment, event)[:2] == (0.0, 0)
    assert matching.decide(comment, event) is not None
    same_vendor = matching.Profile(
        "orvane", "vendor", False, None, frozenset(), None, START, START,
        terms=frozenset({"matcher", "sheriff", "pric"}), names=frozenset())  # fmt: skip
    assert matching.similarity(same_vendor, event)[1] == 2


def test_a_worldwide_region_agrees_with_any_country_for_the_forgiven_conflict(
    store: Store,
) -> None:
    """Extraction says "global" when a report names no place: that is no disagreement."""
    first, _ = record(store, report("Talvera switches off its kiosk face check", vendor="Talvera",
                                    action="shutdown", product=None, region="global"))  # fmt: skip
    change, _ = record(store, report(
        "Kiosk identity matching back on at Talvera stores", day=3, vendor="Talvera",
        action="reversal", product=None, region="CA"))  # fmt: skip
    assert change.event_id == first.event_id


# --------------------------------------------------------------------------- authorities


def test_a_court_and_a_regulator_read_from_one_ruling_in_one_news_cycle_are_one_event(
    store: Store,
) -> None:
    first, written = record(store, report(
        "Appeal panel voids the data office's penalty on Orvane",
        "The panel said the data office had no power over Orvane's matcher.",
        vendor="Orvane", actor="court", relevant=False, action=None, product=None))  # fmt: skip
    assert written == 0  # the vendor channel only: authorities go to their own channel
    change, _ = record(store, report(
        "Data office weighs its next step after losing the Orvane appeal",
        "It may ask a higher court to look at the case again.",
        day=9, vendor="Orvane", actor="regulator", relevant=False, action=None,
        product=None))  # fmt: skip
    assert change.event_id == first.event_id


def test_a_regulator_acting_weeks_after_a_court_on_one_vendor_is_a_new_event(
    store: Store,
) -> None:
    first, _ = record(store, report(
        "Appeal panel voids the data office's penalty on Orvane",
        "The panel said the data office had no power over Orvane's matcher.",
        vendor="Orvane", actor="court", relevant=False, action=None, product=None))  # fmt: skip
    change, _ = record(store, report(
        "Data office opens a new inquiry into Orvane's matcher",
        "The data office says Orvane's matcher still processes residents' faces.",
        day=30, vendor="Orvane", actor="regulator", relevant=False, action=None,
        product=None))  # fmt: skip
    assert change.event_id != first.event_id


# --------------------------------------------------------------------------- commentary


def test_a_comment_on_another_story_of_a_big_vendor_does_not_absorb_its_change(
    store: Store,
) -> None:
    comment, _ = record(store, report(
        "Reader mailbag: why my doorbell from Norvik Labs skips faces in one state",
        "A columnist explains the state consent statute behind the doorbell setting.",
        actor="none", relevant=False, action=None, product=None))  # fmt: skip
    change, written = record(store, report(
        "Norvik Labs drops mood labels from its photo tagging API",
        "Tags now describe clothing and objects only.", day=3, action="restriction",
        product=None))  # fmt: skip
    assert change.event_id != comment.event_id and written == 1


def test_a_comment_sharing_words_with_the_vendor_change_still_joins_it(store: Store) -> None:
    first, _ = record(store, report(
        "Norvik Labs drops mood labels from its photo tagging API",
        "Tags now describe clothing and objects only.", action="restriction", product=None))  # fmt: skip
    change, _ = record(store, report(
        "Opinion: Norvik Labs was right to drop mood labels",
        "Mood labels from a photo never told anyone how a person felt.", day=2,
        actor="none", relevant=False, action=None, product=None))  # fmt: skip
    assert change.event_id == first.event_id


def test_stages_of_one_law_weeks_apart_are_one_event(store: Store) -> None:
    """Bill passed, then signed six weeks later: other words, the same named place."""
    bill, _ = record(store, report(
        "Lawmakers in Calloway pass a bill curbing police face matching",
        "The measure passed by a wide margin.", vendor=None, actor="government",
        relevant=False, action=None, product=None))  # fmt: skip
    signed, _ = record(store, report(
        "Governor's signature makes the limits law",
        "Troopers in Calloway have until spring to comply.", day=42, vendor=None,
        actor="government", relevant=False, action=None, product=None))  # fmt: skip
    assert signed.event_id == bill.event_id


@pytest.mark.parametrize(
    ("place", "actor"),
    [("Dunmere", "government"), ("Calloway", "court")],
    ids=["another-place", "another-kind-of-authority"],
)
def test_a_later_authority_act_elsewhere_or_by_another_authority_is_new(
    store: Store, place: str, actor: str
) -> None:
    bill, _ = record(store, report(
        "Lawmakers in Calloway pass a bill curbing police face matching",
        "The measure passed by a wide margin.", vendor=None, actor="government",
        relevant=False, action=None, product=None))  # fmt: skip
    later, _ = record(store, report(
        "Governor's signature makes the limits law",
        f"Troopers in {place} have until spring to comply.", day=42, vendor=None,
        actor=actor, relevant=False, action=None, product=None))  # fmt: skip
    assert later.event_id != bill.event_id


def test_a_regulators_later_step_on_the_same_vendor_and_body_joins_its_act(store: Store) -> None:
    """A month on, the watchdog asks to appeal: same vendor, same named body."""
    first, _ = record(store, report(
        "Orvane beats the Harbour Privacy Board at the tribunal",
        "The tribunal found the Harbour Privacy Board lacked power over Orvane.",
        vendor="Orvane", actor="regulator", relevant=False, action=None, product=None))  # fmt: skip
    later, _ = record(store, report(
        "Watchdog asks leave to appeal its Orvane defeat",
        "The Harbour Privacy Board says the ruling misreads its remit.", day=30,
        vendor="Orvane", actor="regulator", relevant=False, action=None, product=None))  # fmt: skip
    assert later.event_id == first.event_id


def test_a_regulator_elsewhere_acting_on_the_same_vendor_later_is_a_new_event(
    store: Store,
) -> None:
    first, _ = record(store, report(
        "Orvane beats the Harbour Privacy Board at the tribunal",
        "The tribunal found the Harbour Privacy Board lacked power over Orvane.",
        vendor="Orvane", actor="regulator", relevant=False, action=None, product=None))  # fmt: skip
    later, _ = record(store, report(
        "Watchdog fines Orvane over its face index",
        "The Velmont Data Office says the index breaks consent rules.", day=30,
        vendor="Orvane", actor="regulator", relevant=False, action=None, product=None))  # fmt: skip
    assert later.event_id != first.event_id


def test_a_vendorless_report_naming_the_same_body_joins_the_authority_act(store: Store) -> None:
    first, _ = record(store, report(
        "Photo app maker Orvane settles Harbour Privacy Board claims",
        "Orvane must delete models trained on customer photos, the Harbour Privacy Board says.",
        vendor="Orvane", actor="regulator", relevant=False, action=None, product=None))  # fmt: skip
    later, _ = record(store, report(
        "Board proposes order against a photo app maker",
        "The Harbour Privacy Board wants the models deleted within a year.", day=1,
        vendor=None, actor="regulator", relevant=False, action=None, product=None))  # fmt: skip
    assert later.event_id == first.event_id


def test_a_relevant_report_weeks_later_in_other_words_joins_within_a_quiet_month(
    store: Store,
) -> None:
    first, _ = record(store, report(*ORIGINAL, action="ban"))
    change, written = record(store, report(
        "Norvik Labs writes its own ethics code for the camera kit",
        "Sales staff must now vet every buyer of the kit.", day=25, action="restriction",
        product=None))  # fmt: skip
    assert change.event_id == first.event_id and alerts(store) == 1


@pytest.mark.parametrize(
    ("day", "first_action", "action", "relevant"),
    [(40, "ban", "restriction", True), (25, "moratorium", "extension", True),
     (25, "ban", "reversal", True), (25, "ban", "restriction", False)],
    ids=["past-the-quiet-month", "an-extension", "a-reversal", "not-relevant"],
)  # fmt: skip
def test_other_words_outside_the_quiet_month_rule_make_a_new_event(
    store: Store, day: float, first_action: str, action: str, relevant: bool
) -> None:
    first, _ = record(store, report(*ORIGINAL, action=first_action))
    change, _ = record(store, report(
        "Norvik Labs writes its own ethics code for the camera kit",
        "Sales staff must now vet every buyer of the kit.", day=day, action=action,
        relevant=relevant, product=None))  # fmt: skip
    assert change.event_id != first.event_id


# --------------------------------------------------------------------------- vendor names


def test_a_vendor_named_in_full_in_one_report_and_short_in_another_is_one_vendor(
    store: Store,
) -> None:
    first, _ = record(store, report(
        "Ondine Analytics quits the face-matching business", vendor="Ondine Analytics",
        action="exit", product=None))  # fmt: skip
    short, _ = record(store, report(
        "Ondine drops its whole face line", day=1, vendor="Ondine", action="exit",
        product=None))  # fmt: skip
    product, _ = record(store, report(
        "Ondine Analytics Scan is switched off", day=2, vendor="Ondine Analytics Scan",
        action="exit", product=None))  # fmt: skip
    assert short.event_id == first.event_id == product.event_id
    assert alerts(store) == 1


def test_a_vendor_whose_name_only_starts_alike_is_another_vendor(store: Store) -> None:
    first, _ = record(store, report(
        "Ondine Analytics quits the face-matching business", vendor="Ondine Analytics",
        action="exit", product=None))  # fmt: skip
    other, _ = record(store, report(
        "Ondinex drops its whole face line", day=1, vendor="Ondinex", action="exit",
        product=None))  # fmt: skip
    assert other.event_id != first.event_id


def test_same_vendor_compares_whole_leading_words() -> None:
    assert matching.same_vendor("ondine", "ondine analytics")
    assert matching.same_vendor("ondine analytics", "ondine")
    assert matching.same_vendor("kor ban", "kor ban")
    assert not matching.same_vendor("ondine", "ondinex")
    assert not matching.same_vendor("ondine analytics", "ondinex scan")
    assert not matching.same_vendor("", "ondine")


# --------------------------------------------------------------------------- who acts


@pytest.mark.parametrize(
    "summary",
    ["Halden Scan stays off the table for every county, the firm told the council.",
     "The vendor's letter to the county board says Halden Scan is withdrawn from deputies.",
     "A judge was told in a filing that Halden Scan no longer goes to county deputies."],
    ids=["told-the-council", "letter-to-the-board", "court-filing"],
)  # fmt: skip
def test_a_vendor_change_first_read_as_an_authoritys_act_takes_the_vendors_report(
    store: Store, summary: str
) -> None:
    """The first report names an authority the vendor spoke to and is read as its act
    (no action); the vendor's own report days later joins it and the event alerts once,
    as the vendor's change."""
    misread, _ = record(store, report("County deputies lose Halden Scan", summary,
                                      vendor="Brisk Optics", actor="government", relevant=False,
                                      action=None, product=None, region=None))  # fmt: skip
    change, written = record(store, report(
        "Brisk Optics refuses county deputies its face matcher",
        "Brisk Optics says no sheriff or deputy will get the matcher.", day=2,
        vendor="Brisk Optics", action="ban", product=None))  # fmt: skip
    assert change.event_id == misread.event_id
    event = event_reads.get_event(store, misread.event_id)
    assert event is not None and event.actor_type == "vendor" and event.relevant
    assert written == 1 and alerts(store) == 1


def test_an_authority_reading_after_the_vendors_change_keeps_the_event_the_vendors(
    store: Store,
) -> None:
    """One report each way: the event stays the vendor's relevant change (an even split
    on relevance alerts, and a relevant event's actor is the vendor)."""
    first, _ = record(store, report("Brisk Optics refuses county deputies its face matcher",
                                    vendor="Brisk Optics", product=None))  # fmt: skip
    change, _ = record(store, report("Brisk Optics tells county board its matcher is off limits",
                                     day=1, vendor="Brisk Optics", actor="government",
                                     relevant=False, action=None, product=None, region=None))  # fmt: skip
    assert change.event_id == first.event_id
    event = event_reads.get_event(store, first.event_id)
    assert event is not None and event.relevant and event.actor_type == "vendor"
    assert alerts(store) == 1


@pytest.mark.parametrize(
    ("day", "region"), [(9, "US"), (2, "EU")], ids=["a-week-later", "another-region"]
)
def test_an_authority_acting_on_the_vendor_outside_the_same_story_is_its_own_event(
    store: Store, day: float, region: str
) -> None:
    first, _ = record(store, report("Brisk Optics refuses county deputies its face matcher",
                                    vendor="Brisk Optics", product=None, region="US"))  # fmt: skip
    change, _ = record(store, report(
        "Privacy office opens inquiry into Brisk Optics", "Inspectors will audit its matcher.",
        day=day, vendor="Brisk Optics", actor="regulator", relevant=False, action=None,
        product=None, region=region))  # fmt: skip
    assert change.event_id != first.event_id


# --------------------------------------------------------------------------- new markets


ROLLOUT = ("Pellamy brings back face albums with an opt-in switch",
           "Face albums return to the Pellamy photo app for users who opt in.")  # fmt: skip


@pytest.mark.parametrize(
    ("region", "joins"),
    [("CA", False), ("UK", False), ("US", True), (None, True), ("global", True)],
    ids=["another-country", "another-bloc", "same-country", "no-region", "worldwide"],
)
def test_a_later_rollout_to_another_market_is_a_new_event(
    store: Store, region: str | None, joins: bool
) -> None:
    """Two months on, the same feature in the same words: a new country is the vendor's
    next decision (it alerts again); the same market is a follow-up."""
    first, _ = record(store, report(*ROLLOUT, vendor="Pellamy", action="reversal",
                                    product="Face Albums", region="US"))  # fmt: skip
    change, _ = record(store, report(
        "Pellamy face albums with an opt-in switch come to more users",
        "Face albums return in the Pellamy photo app for users who opt in.", day=60,
        vendor="Pellamy", action="reversal", product="Face Albums", region=region))  # fmt: skip
    assert (change.event_id == first.event_id) is joins
    assert alerts(store) == (1 if joins else 2)


def test_a_market_named_in_the_news_cycle_is_still_the_same_event(store: Store) -> None:
    first, _ = record(store, report(*ROLLOUT, vendor="Pellamy", action="reversal",
                                    product="Face Albums", region="US"))  # fmt: skip
    change, _ = record(store, report(
        "Pellamy face albums are back, Canadians included", ROLLOUT[1], day=3,
        vendor="Pellamy", action="reversal", product="Face Albums", region="CA"))  # fmt: skip
    assert change.event_id == first.event_id


# --------------------------------------------------------------------------- turnarounds


def test_a_return_a_week_after_the_removal_is_a_new_event_however_alike_the_words(
    store: Store,
) -> None:
    removal, _ = record(store, report(
        "Gallivant photo lenses stop reading faces for users in one state",
        "Gallivant says its photo lenses no longer read faces there.", vendor="Gallivant",
        action="restriction", product=None))  # fmt: skip
    change, written = record(store, report(
        "Gallivant photo lenses read faces again for users in one state",
        "Gallivant says its photo lenses now read faces there again.", day=7,
        vendor="Gallivant", action="reversal", product=None))  # fmt: skip
    assert change.event_id != removal.event_id and written == 1 and alerts(store) == 2


def test_matching_sees_a_turnaround_only_between_a_stop_and_a_reversal() -> None:
    assert matching._turnaround("reversal", "shutdown")
    assert matching._turnaround("ban", "reversal")
    assert not matching._turnaround("ban", "moratorium")
    assert not matching._turnaround("reversal", "reversal")
    assert not matching._turnaround("reversal", None)


@pytest.mark.parametrize(("day", "joins"), [(20, True), (75, False)],
                         ids=["while-its-news-is-fresh", "months-later"])  # fmt: skip
def test_a_courts_later_decision_on_the_same_system_is_a_new_ruling(
    store: Store, day: float, joins: bool
) -> None:
    """An injunction, then months later a final judgment on the same city system: two
    rulings; a report on the injunction weeks later (the appeal it triggers) joins it."""
    first, _ = record(store, report(
        "Judge halts the Calloway transit face cameras",
        "The Calloway court ordered the cameras switched off pending a full hearing.",
        vendor=None, actor="court", relevant=False, action=None, product=None))  # fmt: skip
    later, _ = record(store, report(
        "Calloway camera system ruled unlawful",
        "The Calloway court found the transit face cameras had no legal basis.", day=day,
        vendor=None, actor="court", relevant=False, action=None, product=None))  # fmt: skip
    assert (later.event_id == first.event_id) is joins


def test_a_legislatures_act_months_later_still_joins_its_earlier_stage(store: Store) -> None:
    bill, _ = record(store, report(
        "Lawmakers in Calloway pass a bill curbing police face matching",
        "The measure passed by a wide margin.", vendor=None, actor="government",
        relevant=False, action=None, product=None))  # fmt: skip
    law, _ = record(store, report(
        "Calloway police face-matching limits take effect",
        "Troopers in Calloway now need a warrant for every search.", day=75, vendor=None,
        actor="government", relevant=False, action=None, product=None))  # fmt: skip
    assert law.event_id == bill.event_id


def test_an_alerted_change_later_outvoted_still_takes_its_next_relevant_report(
    store: Store,
) -> None:
    """The change alerted, then reports the extractor read as no change outvoted it; a
    relevant report of the same change weeks later finds the event (it has an action
    voted from a relevant report) instead of alerting a second time."""
    first, written = record(store, report("Norvik Labs adopts rules for who may buy Facet Search",
                                          action="restriction"))  # fmt: skip
    assert written == 1
    for n, title in enumerate(("Norvik Labs talks about its Facet Search principles",
                               "Explainer: the Facet Search rules Norvik Labs wrote")):  # fmt: skip
        change, _ = record(store, report(title, day=1 + n, action=None, relevant=False))
        assert change.event_id == first.event_id
    event = event_reads.get_event(store, first.event_id)
    assert event is not None and not event.relevant
    change, written = record(store, report(
        "Norvik Labs starts vetting every Facet Search customer", day=28, action="ban"))  # fmt: skip
    assert change.event_id == first.event_id and alerts(store) == 1


def test_another_act_on_the_vendor_that_week_in_other_words_stays_apart(store: Store) -> None:
    first, _ = record(store, report(
        "Data office fines Harbour transit for its Brisk Optics matcher",
        "The office says the transit police had no legal basis for the searches.",
        vendor="Brisk Optics", actor="regulator", relevant=False, action=None,
        product=None, region=None))  # fmt: skip
    change, _ = record(store, report(
        "Deadline passed: archive of a resident still not erased",
        "A demand to delete it went unanswered for months.", day=3,
        vendor="Brisk Optics", action="shutdown", product=None, region=None))  # fmt: skip
    assert change.event_id != first.event_id
