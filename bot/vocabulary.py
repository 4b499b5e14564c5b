"""The closed vocabularies of a finding: actions, actor types and who a policy applies to.

Each is a ``StrEnum`` (members are the strings stored and exchanged, so comparisons with
plain strings keep working) with one info table holding everything the rest of the
code says about a member: wording, colour, emoji, whether it stops or resumes sales.
Adding a member means adding it here and to its table (``tests/test_vocabulary.py``
fails otherwise), plus its status template in ``bot/data/events.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

T = TypeVar("T")


class Action(StrEnum):
    MORATORIUM = "moratorium"
    EXTENSION = "extension"
    BAN = "ban"
    EXIT = "exit"
    RESTRICTION = "restriction"
    REVERSAL = "reversal"
    SHUTDOWN = "shutdown"
    SETTLEMENT = "settlement"


class ActorType(StrEnum):
    VENDOR = "vendor"
    GOVERNMENT = "government"
    REGULATOR = "regulator"
    COURT = "court"
    NONE = "none"  # commentary, research, a call for action


class AppliesTo(StrEnum):
    POLICE = "police"
    LAW_ENFORCEMENT = "law_enforcement"
    GOVERNMENT = "government"
    PRIVATE_COMPANIES = "private_companies"
    EVERYONE = "everyone"


@dataclass(frozen=True)
class ActionInfo:
    verb: str  # in a headline: "Amazon <verb> Rekognition"
    colour: int  # RGB, for platforms that colour a message (Discord embeds)
    emoji: str  # one glyph, for text surfaces that mark the action
    stops_sales: bool  # the action stops or limits sales or use
    resumes_sales: bool  # the action lifts an earlier stop
    dated_by_report: bool  # a status line dates it by its first report, not its effective date


ACTION_INFO: Mapping[Action, ActionInfo] = {
    Action.MORATORIUM: ActionInfo("pauses", 0xE67E22, "⏸", True, False, False),  # orange
    Action.EXTENSION: ActionInfo("extends its pause on", 0xF1C40F, "⏩", True, False, True),
    Action.BAN: ActionInfo("bans", 0xC0392B, "⛔", True, False, False),  # red
    Action.EXIT: ActionInfo("exits", 0x8E44AD, "🚪", True, False, False),  # purple
    Action.RESTRICTION: ActionInfo("restricts", 0x2980B9, "🚧", True, False, False),  # blue
    Action.REVERSAL: ActionInfo("lifts its limits on", 0x27AE60, "▶", False, True, True),
    Action.SHUTDOWN: ActionInfo("shuts down", 0x7F8C8D, "⏹", True, False, False),  # grey
    Action.SETTLEMENT: ActionInfo("settles over", 0x16A085, "⚖", True, False, True),  # teal
}


@dataclass(frozen=True)
class ActorInfo:
    label: str  # for people: "Regulator"
    acts: bool  # takes actions of its own (False: commentary); such actors can be subscribed to
    authority: bool  # acts on vendors: leads the headline, shown on the vendor's timeline


ACTOR_INFO: Mapping[ActorType, ActorInfo] = {
    ActorType.VENDOR: ActorInfo("Vendor", acts=True, authority=False),
    ActorType.GOVERNMENT: ActorInfo("Government", acts=True, authority=True),
    ActorType.REGULATOR: ActorInfo("Regulator", acts=True, authority=True),
    ActorType.COURT: ActorInfo("Court", acts=True, authority=True),
    ActorType.NONE: ActorInfo("Commentary", acts=False, authority=False),
}


@dataclass(frozen=True)
class AppliesInfo:
    label: str  # "law enforcement"


APPLIES_INFO: Mapping[AppliesTo, AppliesInfo] = {
    AppliesTo.POLICE: AppliesInfo("police"),
    AppliesTo.LAW_ENFORCEMENT: AppliesInfo("law enforcement"),
    AppliesTo.GOVERNMENT: AppliesInfo("government agencies"),
    AppliesTo.PRIVATE_COMPANIES: AppliesInfo("private companies"),
    AppliesTo.EVERYONE: AppliesInfo("everyone"),
}

# derived sets, as plain strings (click, JSON and SQL parameters want str, not members)
STOPPING: frozenset[str] = frozenset(a.value for a, i in ACTION_INFO.items() if i.stops_sales)
ACTING: tuple[str, ...] = tuple(a.value for a, i in ACTOR_INFO.items() if i.acts)
AUTHORITIES: tuple[str, ...] = tuple(a.value for a, i in ACTOR_INFO.items() if i.authority)


def action_info(value: str | None) -> ActionInfo | None:
    """The info of an action given as a plain string (None when it is not one)."""
    return _lookup(ACTION_INFO, value)


def actor_info(value: str | None) -> ActorInfo | None:
    return _lookup(ACTOR_INFO, value)


def applies_info(value: str | None) -> AppliesInfo | None:
    return _lookup(APPLIES_INFO, value)


def _lookup(table: Mapping[Any, T], value: str | None) -> T | None:
    return table.get(value) if value else None  # a StrEnum member equals its string
