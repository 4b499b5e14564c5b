"""Test helpers for the chat core: real events recorded through the real store code,
a fake chat backend (records posts, can be told to fail) and a fake clock."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot import clustering
from bot.delivery.poster import DeliveryError
from bot.delivery.routes import route
from bot.models import Destination, Entry, EventChange, Filters, Finding, Message, Posted
from store import Store
from store import entries as entries_store
from store import subscriptions as subscriptions_store

_KEYS = itertools.count(1)
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

# Distinct vendors so that every story is its own event.
STORIES = {
    "Amazon": ("Rekognition", "moratorium", "police",
               "Amazon pauses police use of Rekognition for a year",
               "Amazon said it will pause police use of Rekognition for one year."),
    "Microsoft": ("Azure Face", "ban", "police",
                  "Microsoft bans police from using Azure Face",
                  "Microsoft will not sell Azure Face to police departments."),
    "IBM": (None, "exit", "everyone",
            "IBM exits the facial recognition business",
            "IBM no longer offers general purpose facial recognition software."),
    "Clearview AI": (None, "settlement", "private_companies",
                     "Clearview AI settles and stops sales to private companies",
                     "Clearview AI agreed to stop selling access to most private companies."),
}  # fmt: skip


def open_store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "policybot.db")


@dataclass
class Newsroom:
    """Records entries + findings through store.entries and store.events."""

    store: Store
    counter: int = 0

    def report(
        self,
        vendor: str = "Amazon",
        *,
        source: str = "Example News",
        actor_type: str = "vendor",
        relevant: bool = True,
        confidence: float = 0.9,
        hours: float = 0.0,
        title: str | None = None,
        link: str | None = None,
        summary_suffix: str = "",
    ) -> EventChange:
        product, action, applies, headline, evidence = STORIES[vendor]
        self.counter = next(_KEYS)
        key = f"item-{self.counter}"
        slug = source.lower().replace(" ", "-")
        entry = Entry(
            feed_id=slug,
            key=key,
            title=title or headline,
            summary=evidence + summary_suffix,
            link=link if link is not None else f"https://{slug}.example.org/{key}",
            published=T0 + timedelta(hours=hours),
            source=source,
        )
        finding = Finding(
            relevant=relevant, actor_type=actor_type, vendor=vendor, product=product,
            action=action, applies_to=applies, confidence=confidence, evidence=evidence,
        )  # fmt: skip
        return record(self.store, entry, finding)


def record(
    store: Store, entry: Entry, finding: Finding, *, alertable: bool | None = None
) -> EventChange:
    """Record one entry and its finding as the pipeline does (one transaction);
    with ``alertable`` set, route the change to the outbox too."""
    with store.transaction():
        [(entry_id, _)] = entries_store.record_entries(store, [entry])
        change = clustering.record_finding(store, entry_id=entry_id, entry=entry, finding=finding)
        if alertable is not None:
            route(store, change, alertable=alertable)
    return change


def subscribe(store: Store, channel: str = "C1", **filters: object) -> int:
    dest = Destination("slack", channel=channel, workspace="T1")
    sub = subscriptions_store.add(store, dest, Filters(**filters), origin="cli")  # type: ignore[arg-type]
    return sub.id


@dataclass
class FakeTime:
    """A clock the dispatcher sleeps on: sleeping advances it instantly."""

    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


@dataclass
class Post:
    dest: Destination
    message: Message
    thread: Posted | None
    at: float
    ref: str


class FakeChat:
    """A fake chat backend implementing Poster: records what it accepted.

    ``failures`` is a queue of exceptions raised by the next ``post`` calls
    (None = succeed); ``on_post`` runs after a post is accepted (to simulate a
    crash right after the platform took the message).
    """

    def __init__(
        self, platforms: tuple[str, ...] = ("slack",), clock: Callable[[], float] = lambda: 0.0
    ) -> None:
        self.platforms = frozenset(platforms)
        self.clock = clock
        self.posts: list[Post] = []
        self.edits: list[tuple[Destination, Posted, Message]] = []
        self.failures: list[DeliveryError | None] = []
        self.edit_failure: DeliveryError | None = None
        self.attempts = 0
        self.on_post: Callable[[Post], object] | None = None

    async def post(
        self, dest: Destination, message: Message, *, thread: Posted | None = None
    ) -> Posted:
        self.attempts += 1
        if self.failures:
            failure = self.failures.pop(0)
            if failure is not None:
                raise failure
        ref = f"{dest.channel}-{len(self.posts) + 1}"
        post = Post(dest, message, thread, self.clock(), ref)
        self.posts.append(post)
        if self.on_post is not None:
            result = self.on_post(post)
            if asyncio.iscoroutine(result):
                await result
        return Posted(ref=ref, thread_ref=ref, channel=dest.channel)

    async def edit(self, dest: Destination, posted: Posted, message: Message) -> None:
        if self.edit_failure is not None:
            raise self.edit_failure
        self.edits.append((dest, posted, message))

    async def close(self) -> None:
        return None

    def texts(self, channel: str | None = None) -> list[str]:
        return [p.message.text for p in self.posts if channel is None or p.dest.channel == channel]
