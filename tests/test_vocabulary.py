"""Actions, actor types and applies-to values: one enum and one info table each, and
every table (in code and in the data files) covers every member."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import pytest

from bot import vocabulary
from bot.events.signatures import word_lists
from bot.models import ACTIONS, ACTOR_TYPES, APPLIES_TO
from bot.vocabulary import (
    ACTION_INFO,
    ACTOR_INFO,
    APPLIES_INFO,
    Action,
    ActorType,
    AppliesTo,
)

TABLES: list[tuple[type[StrEnum], Any]] = [
    (Action, ACTION_INFO),
    (ActorType, ACTOR_INFO),
    (AppliesTo, APPLIES_INFO),
]


@pytest.mark.parametrize(("enum", "table"), TABLES, ids=lambda x: getattr(x, "__name__", ""))
def test_each_info_table_covers_every_member(enum: type[StrEnum], table: Any) -> None:
    assert set(table) == set(enum)


def test_every_table_in_the_module_is_checked() -> None:
    tables = {name for name in dir(vocabulary) if name.endswith("_INFO")}
    assert tables == {"ACTION_INFO", "ACTOR_INFO", "APPLIES_INFO"}


def test_the_data_files_word_every_member() -> None:
    words = word_lists()
    assert set(words["status"]) == set(Action)
    assert set(words["status_who"]) == set(AppliesTo)


def test_members_are_the_strings_stored_and_compared() -> None:
    assert tuple(Action) == ACTIONS and tuple(ActorType) == ACTOR_TYPES
    assert tuple(AppliesTo) == APPLIES_TO
    assert Action.BAN == "ban" and "ban" in {Action.BAN} and f"{Action.BAN}" == "ban"
    assert vocabulary.action_info("ban") is ACTION_INFO[Action.BAN]
    assert vocabulary.action_info("bake") is None and vocabulary.actor_info(None) is None


def test_an_action_stops_or_resumes_sales_never_both() -> None:
    for action, info in ACTION_INFO.items():
        assert info.stops_sales != info.resumes_sales, action
    colours = [info.colour for info in ACTION_INFO.values()]
    assert len(set(colours)) == len(colours)  # each action is told apart by colour
    assert all(0 <= c <= 0xFFFFFF for c in colours)
    assert all(info.emoji and info.verb for info in ACTION_INFO.values())


def test_only_actors_that_act_can_be_subscribed_to() -> None:
    from bot.commands.spec import SUBSCRIBABLE_ACTORS

    assert ActorType.NONE not in SUBSCRIBABLE_ACTORS
    assert set(SUBSCRIBABLE_ACTORS) == {a for a, i in ACTOR_INFO.items() if i.acts}
