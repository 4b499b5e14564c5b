"""An authority's earlier act looked back on ("What became of …", "… three years on",
"After March's approval, …") is no new decision: the report opens no alerted event of
its own when it joins none (it is recorded, and a report inside the act's window is a
follow-up of it). Invented places, bodies and vendors, replayed through the real feed
parsing, store, extraction, clustering and routing (bot.alert_replay)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bot.alert_replay import replay
from bot.alert_scores import ReplayItem
from tests.extract_helpers import found

VOTE = {"relevant": False, "actor_type": "government", "event_id": "tannbruck-vote"}
OTHER = {"relevant": False, "actor_type": "government", "event_id": "tannbruck-second-vote"}


def item(id_: str, title: str, summary: str, when: datetime, source: str,
         **gold: Any) -> ReplayItem:  # fmt: skip
    return ReplayItem(id=id_, source=source, title=title, summary=summary, link=None,
                      published=when, language="en", gold=gold)  # fmt: skip


def authority_alerts(items: list[ReplayItem]) -> int:
    return len(replay(items).channels["authority"].alerts)


ACT = item("v1", "Tannbruck council bans face recognition on city cameras",
           "The council voted seven to two to bar every city department from the technology.",
           datetime(2021, 3, 1, tzinfo=UTC), "Tannbruck Post", **VOTE)  # fmt: skip


def test_a_look_back_years_later_opens_no_alerted_event() -> None:
    later = item("v2", "What became of Tannbruck's ban on face recognition?",
                 "Three years after the council vote, departments still buy camera systems "
                 "that promise face analytics.", datetime(2024, 4, 2, tzinfo=UTC),
                 "Civic Review", **VOTE)  # fmt: skip
    assert authority_alerts([ACT, later]) == 1


def test_a_new_act_years_later_is_alerted() -> None:
    later = item("v3", "Tannbruck council bans face recognition on police drones",
                 "The council voted unanimously to extend its 2021 rule to drones.",
                 datetime(2024, 4, 2, tzinfo=UTC), "Civic Review", **OTHER)  # fmt: skip
    assert authority_alerts([ACT, later]) == 2


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("What became of Harwick's freeze on police face matching?",
         "The city council halted police face searches in 2020; officers now use a state system."),
        ("Il divieto del Garante sulle telecamere facciali di Pradella a cinque anni di distanza",
         "Il provvedimento aveva vietato il riconoscimento dei volti in piazza."),
        ("After March's court approval, Orvane class members get their first payments",
         "The judge approved the settlement of the biometric privacy case in the spring."),
    ],
)  # fmt: skip
def test_an_authority_act_looked_back_on_carries_the_signal(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.actor_type in ("government", "regulator", "court") and f.signal == "retrospective", f


def test_a_vendor_item_looking_back_keeps_no_signal() -> None:
    f = found("Two years on, Orvane still sells no face search to police",
              "The company's 2021 pause has no end date.")  # fmt: skip
    assert f.signal != "retrospective"
