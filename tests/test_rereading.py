"""The writer's readings with the FR vendors known at an item's write (``bot.rereading``,
``bot.cpu.reading_may_differ``): a worker's reading stands where the vendors learnt since
cannot change it, and the items that may read differently are read again, a feed's
later ones in the same request."""

from __future__ import annotations

import pytest

from bot.cpu import KnownNames, ParseOutput, ReadJob, ReadOutput, read_again, reading_may_differ
from bot.models import Entry, Finding
from bot.rereading import Readings

NONE: KnownNames = ((), ())
TALVEN: KnownNames = (("Talven Optics",), ())


def _entry(key: str, title: str, summary: str = "") -> Entry:
    return Entry(feed_id="f1", key=key, title=title, summary=summary)


@pytest.mark.parametrize(
    ("text", "before", "now", "may_differ"),
    [
        ("Talven Optics halts its face search for police", TALVEN, TALVEN, False),
        ("Talven Optics halts its face search for police", None, TALVEN, True),
        # a vendor learnt since, not named in the text: nothing it names changes
        ("Harbour council buys new buses", NONE, TALVEN, False),
        ("Talven's quiet week, explained", NONE, TALVEN, True),
        # a second long form of a first word the text names changes what "Talven" reports
        ("Talven drops casino clients", TALVEN, (("Talven Home", "Talven Optics"), ()), True),
        ("Orsk Labs wins a contract", TALVEN, (("Talven Home", "Talven Optics"), ()), False),
        # from the others (full names only) to the vendors with a change (short forms too)
        ("Talven drops casino clients", ((), ("Talven Optics",)), TALVEN, True),
        # typographic quotes read as plain ones: the name is looked for up to its quote
        ("Kea\u2019lo halts sales", NONE, (("Kea'lo Vision",), ()), True),
        (
            "The same names in another order",
            (("B Two", "A One"), ()),
            (("A One", "B Two"), ()),
            False,
        ),
    ],
)
def test_a_reading_may_differ_only_where_the_text_names_what_changed(
    text: str, before: KnownNames | None, now: KnownNames, may_differ: bool
) -> None:
    assert reading_may_differ(text, before, now) is may_differ


STORIES = [
    _entry(
        "a",
        "Talven Optics halts sales of its face search to police",
        "The company said the pause runs for a year.",
    ),  # fmt: skip
    _entry("b", "Talven's week: what the halt means for stores", "Shops must switch suppliers."),
    _entry("c", "Brisk Harbour council votes on parking", "No faces were involved."),
    _entry("d", "Talven Home drops its doorbell camera line", "The unit closes in May."),
    _entry(
        "e",
        "Merrow Vision ends its contract with the transit police",
        "Merrow Vision said the deal ran out.",
    ),  # fmt: skip
]
NAME_SETS: list[KnownNames] = [
    NONE,
    TALVEN,
    ((), ("Talven Optics",)),
    (("Talven Optics", "Talven Home"), ()),
    (("Merrow Vision",), ("Talven Optics",)),
]


def _read(entry: Entry, names: KnownNames) -> Finding | None:
    return read_again(ReadJob((entry,), (None,), (True,), names, "Example")).findings[0]


@pytest.mark.parametrize("entry", STORIES, ids=[e.key for e in STORIES])
def test_where_no_difference_is_possible_both_readings_are_the_same(entry: Entry) -> None:
    """The cheap check never keeps a reading that the vendors known now would change."""
    kept = 0
    for before in NAME_SETS:
        for now in NAME_SETS:
            if not reading_may_differ(entry.text, before, now):
                kept += 1
                assert _read(entry, before) == _read(entry, now), (before, now)
    assert kept >= len(NAME_SETS)  # at least the identical pairs


def _readings(asked: list[ReadJob]) -> Readings:
    """A feed of four items a worker read knowing no vendor; ``asked`` records requests."""
    entries = (
        _entry("k1", "Brisk Harbour council votes on parking"),
        _entry("k2", "Talven's week, explained"),
        _entry("k3", "Fog closes the ferry route"),
        _entry("k4", "Talven and Merrow Vision trade places"),
    )
    worker = tuple(Finding(relevant=False, actor_type="none", evidence=e.key) for e in entries)
    work = ParseOutput(entries, worker, known_names=NONE, known_findings=worker)

    def ask(job: ReadJob) -> ReadOutput:
        asked.append(job)
        names = "+".join(job.names[0])
        return ReadOutput(tuple(Finding(relevant=True, actor_type="vendor",
                                        evidence=f"{e.key} with {names}")
                                for e in job.entries))  # fmt: skip

    return Readings(work, entries, "Example", ask)


def test_a_feed_asks_once_for_every_later_item_the_new_vendors_may_change() -> None:
    asked: list[ReadJob] = []
    readings = _readings(asked)
    entries = readings.order
    found = [readings.finding(entries[0], TALVEN), readings.finding(entries[1], TALVEN)]
    found += [readings.finding(entries[2], TALVEN), readings.finding(entries[3], TALVEN)]
    assert [f.evidence if f else None for f in found] == [
        "k1", "k2 with Talven Optics", "k3", "k4 with Talven Optics"
    ]  # fmt: skip
    assert [[e.key for e in job.entries] for job in asked] == [["k2", "k4"]]
    assert asked[0].unread == (False, False)
    assert asked[0].plain == (found[0].__class__(False, "none", evidence="k2"),
                              found[0].__class__(False, "none", evidence="k4"))  # fmt: skip


def test_an_answer_stands_until_the_vendors_known_change_what_the_item_names() -> None:
    asked: list[ReadJob] = []
    readings = _readings(asked)
    entries = readings.order
    readings.finding(entries[1], TALVEN)  # asks for k2 and k4
    merrow: KnownNames = (("Merrow Vision", "Talven Optics"), ())
    again = readings.finding(entries[3], merrow)  # Merrow Vision, named in k4, is new
    assert again is not None and again.evidence == "k4 with Merrow Vision+Talven Optics"
    assert [[e.key for e in job.entries] for job in asked] == [["k2", "k4"], ["k4"]]
    # the first item, which names neither, keeps the worker's reading throughout
    first = readings.finding(entries[0], merrow)
    assert first is not None and first.evidence == "k1"
    assert len(asked) == 2
