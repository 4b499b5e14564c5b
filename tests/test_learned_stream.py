"""Training reads the labelled items as the pipeline hands them to the learned second
opinion (a feed stream through the store: a follow-up naming a vendor the store knows is
FR news without a face word), and an authority's halt never becomes a vendor's deal.

Every story here is invented for these tests (made-up vendors, towns and outlets)."""

from __future__ import annotations

import pytest

from bot.extract import extract, learned, rules
from bot.extract.features import framing_features
from bot.extract.fitting import samples, streamed_samples
from bot.extract.scan import Scan
from bot.labelled_files import LabelledItem, parse_item
from bot.models import ACTIONS, Entry, Finding

VENDOR = "Orvalle Metrics"


def _item(n: int, title: str, summary: str, day: str) -> LabelledItem:
    raw = {
        "id": f"stream{n}",
        "source": "Feedwire",
        "title": title,
        "summary": summary,
        "published": day,
        "language": "en",
        "gold": {
            "relevant": True,
            "actor_type": "vendor",
            "vendor": VENDOR,
            "action": "moratorium",
            "event_id": "orvalle-pause",
        },
    }
    return parse_item(raw, f"stream test {n}")


STREAM = [
    _item(1, "Orvalle Metrics halts face recognition sales to police",
          "The company cites error rates.", "2025-02-03"),
    _item(2, "Orvalle Metrics pause: what officers lose",
          "Departments must find other tools by spring.", "2025-02-05"),
]  # fmt: skip


def test_a_follow_up_is_learned_from_as_the_pipeline_reads_it() -> None:
    alone = samples(STREAM)
    streamed = streamed_samples(STREAM)
    # read alone, the follow-up has no face word: no FR content, nothing to learn from
    assert alone[1].found is None and not alone[1].feats
    # in the stream the store knows the vendor by then: the reading the model is handed
    follow_up = streamed[1]
    assert follow_up.found is not None and follow_up.found.vendor == VENDOR
    assert follow_up.feats and follow_up.scan is not None
    assert streamed[0].found == alone[0].found  # the first item reads the same either way


def test_recording_sees_each_reading_and_stops_after_the_block() -> None:
    seen: list[tuple[str, Finding]] = []

    def keep(entry: Entry, sc: Scan, found: Finding) -> None:
        seen.append((entry.title, found))

    entry = STREAM[0].entry
    with learned.using(None), learned.recording(keep):
        inside = extract(entry)
    assert seen == [(entry.title, inside)]
    with learned.using(None):
        extract(entry)
    assert len(seen) == 1  # the block is over: nothing more is handed on


def _vendor_sure_model() -> learned.Model:
    """Sure that every item is the vendor's (the bias alone decides)."""
    return learned.from_json({
        "relevance": {"classes": ["no", "yes"], "bias": [-9.0], "weights": {}},
        "action": {"classes": sorted(ACTIONS), "bias": [0.0] * len(ACTIONS), "weights": {}},
        "actor": {"classes": ["government", "none", "vendor"], "bias": [0.0, 0.0, 9.0], "weights": {}},
        "thresholds": {"relevant": 0.9, "actor": 1.01, "vendor_deal": 0.6, "weak_confidence": 0.0, "action": 1.01},
    })  # fmt: skip


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Alderley council suspends its Orvalle Metrics face recognition contract",
         "Officers go back to manual checks."),
        ("Orvalle Metrics ordered by the Brenmoor regulator to stop selling face search to shops",
         "The watchdog gave the firm sixty days."),
        ("Dunmere County sheriff halts Orvalle Metrics face matching contract",
         "Deputies will stop using the tool in May."),
        ("Brenmoor city council freezes its Orvalle Metrics facial recognition deal",
         "Police will stop using the face search."),
    ],
)  # fmt: skip
def test_an_authoritys_halt_or_order_is_never_the_vendors_deal(title: str, summary: str) -> None:
    entry = _item(3, title, summary, "2025-03-10").entry
    sc, alone = rules(entry)
    assert sc is not None and alone is not None and alone.actor_type in learned.AUTHORITIES
    assert sc.actions  # the rules saw the act: a halt or a stop, not a purchase
    with learned.using(_vendor_sure_model()):
        assert extract(entry) == alone


def test_control_an_authoritys_purchase_naming_the_vendor_is_its_deal() -> None:
    entry = _item(
        4, "Dunmere County approves $3m for Orvalle Metrics face recognition cameras",
        "Supervisors voted 4-1 on Monday.", "2025-03-11",
    ).entry  # fmt: skip
    sc, alone = rules(entry)
    assert sc is not None and alone is not None and alone.actor_type in learned.AUTHORITIES
    with learned.using(_vendor_sure_model()):
        found = extract(entry)
    assert found is not None and (found.actor_type, found.signal) == ("vendor", "deployment")


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Brenmoor city council votes a moratorium on police face recognition", "government"),
        ("Orvalle Metrics halts face recognition sales to police", "vendor"),
    ],
)
def test_the_subject_of_the_act_is_a_feature(title: str, subject: str) -> None:
    entry = _item(5, title, "", "2025-04-01").entry
    sc, alone = rules(entry)
    assert sc is not None and sc.actions
    feats = framing_features(sc)
    assert f"r:tsubj={subject}" in feats
    assert {f for f in feats if f.startswith("r:tsubj=")} == {f"r:tsubj={subject}"}
