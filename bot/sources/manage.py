"""Feed management without editing feeds.yaml: add (after one trial fetch), remove,
enable, disable. Shared by the CLI and the chat command core.

Added feeds live in the store (``feeds`` rows with origin ``cli`` or ``chat``) and
are polled with the feeds of feeds.yaml; feeds.yaml wins on a conflict: a new
entry there with the same id takes the row over, and ``feeds add`` refuses a name
or an address that feeds.yaml (or an added feed) already has.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.config import ConfigError, feed_from_mapping, slugify
from bot.models import FeedConfig, FetchSettings
from bot.sources.fetch import Fetcher
from bot.sources.identity import canonical_link
from store import Store, feed_catalog
from store import feeds as feeds_store

if TYPE_CHECKING:  # probing (parsing, extraction) is loaded when a feed is added
    from bot.sources.probe import Probe


@dataclass(frozen=True)
class AddRequest:
    url: str
    name: str | None = None
    kind: str = "news"
    interval: str | int | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class AddOutcome:
    """``feed`` is set when the feed was added; ``problem`` says why not otherwise."""

    request: AddRequest
    feed: FeedConfig | None = None
    probe: Probe | None = None
    problem: str | None = None
    notes: tuple[str, ...] = field(default=())

    def text(self) -> str:
        if self.feed is None:
            return f"Not added: {self.problem}"
        assert self.probe is not None
        from bot.sources.probe import describe

        lines = [f"Added feed {self.feed.name!r} (id {self.feed.id}, {self.feed.kind}): "
                 f"{describe(self.probe)}", *self.notes]  # fmt: skip
        return "\n".join(lines)


@dataclass(frozen=True)
class FeedAdmin:
    """What feed management needs from the configuration: fetch settings (network
    policy, timeouts) and the feeds feeds.yaml declares (they win on conflicts)."""

    settings: FetchSettings
    configured: tuple[FeedConfig, ...] = ()

    def add(
        self, store: Store, request: AddRequest, *, origin: str, added_by: str = ""
    ) -> AddOutcome:
        """Check, fetch once, and save; refusals come back as ``AddOutcome.problem``."""
        return self.add_many(store, [request], origin=origin, added_by=added_by)[0]

    def add_from_chat(self, store: Store, url: str, *, added_by: str) -> str:
        """``/frpolicy feeds add URL``: the same checks and trial fetch as the CLI."""
        return self.add(store, AddRequest(url=url), origin="chat", added_by=added_by).text()

    def add_many(
        self, store: Store, requests: Sequence[AddRequest], *, origin: str, added_by: str = ""
    ) -> list[AddOutcome]:
        """Several feeds (OPML import): fetched concurrently within the fetch limits."""
        checked = [self._check(store, r) for r in requests]
        to_fetch = [c for c in checked if isinstance(c, FeedConfig)]
        found = asyncio.run(self._probe_all(to_fetch)) if to_fetch else {}
        outcomes: list[AddOutcome] = []
        taken: set[str] = set()
        for request, item in zip(requests, checked, strict=True):
            if isinstance(item, str):
                outcomes.append(AddOutcome(request, problem=item))
                continue
            outcome = self._save(store, request, item, found[item.url], origin, added_by, taken)
            outcomes.append(outcome)
        return outcomes

    async def _probe_all(self, feeds: list[FeedConfig]) -> dict[str, Probe]:
        from bot.sources.probe import probe

        async with Fetcher(self.settings) as fetcher:
            results = await asyncio.gather(
                *(probe(f.url, self.settings, fetcher=fetcher) for f in feeds)
            )
        return {feed.url: result for feed, result in zip(feeds, results, strict=True)}

    def _check(self, store: Store, request: AddRequest) -> FeedConfig | str:
        """The feed as feeds.yaml would validate it, or why it cannot be added."""
        name = request.name or "new feed"
        item: dict[str, Any] = {"name": name, "url": request.url.strip(), "kind": request.kind,
                                "tags": list(request.tags)}  # fmt: skip
        if request.interval is not None:
            item["interval"] = request.interval
        try:
            feed = feed_from_mapping(item, self.settings, "feeds add")
        except ConfigError as exc:
            return str(exc).removeprefix(f"feeds add ({name!r}): ")
        same = self._same_address(store, feed.url)
        if same:
            return f"{feed.url} is already polled as feed {same!r}; nothing to add."
        return feed

    def _same_address(self, store: Store, url: str) -> str | None:
        key = canonical_link(url)
        for feed in self.configured:
            if canonical_link(feed.url) == key:
                return feed.name
        for state in feeds_store.list_feeds(store):
            if key in (canonical_link(state.url), canonical_link(state.config_url)):
                return state.name
        return None

    def _save(
        self,
        store: Store,
        request: AddRequest,
        feed: FeedConfig,
        found: Probe,
        origin: str,
        added_by: str,
        taken: set[str],
    ) -> AddOutcome:
        if found.alternates:
            offer = ", ".join(found.alternates)
            return AddOutcome(request, probe=found, problem=(
                f"{feed.url} is a web page, not a feed. It advertises: {offer}. "
                f"Add one of those instead (e.g. `feeds add {found.alternates[0]}`)."
            ))  # fmt: skip
        if found.error:
            return AddOutcome(request, probe=found, problem=found.error.rstrip(".") + ".")
        name = (request.name or found.title or feed.url).strip()[:120]
        feed = FeedConfig(id=slugify(name), name=name, url=feed.url, kind=feed.kind,
                          interval=feed.interval, tags=feed.tags)  # fmt: skip
        owner = self._owner_of_id(store, feed.id) or (feed.name if feed.id in taken else None)
        if owner:
            return AddOutcome(request, probe=found, problem=(
                f"the name {feed.name!r} (id {feed.id}) is already used by feed {owner!r}; "
                "give this one another name with --name (chat: name:…)."
            ))  # fmt: skip
        feed_catalog.add_feed(store, feed, origin=origin, added_by=added_by)
        taken.add(feed.id)
        notes = () if found.policy_items else (
            "Note: nothing in it looks like facial-recognition policy news yet; it is polled "
            "anyway. Remove it with `feeds remove " + feed.id + "` if it was a mistake.",
        )  # fmt: skip
        return AddOutcome(request, feed=feed, probe=found, notes=notes)

    def _owner_of_id(self, store: Store, feed_id: str) -> str | None:
        for feed in self.configured:
            if feed.id == feed_id:
                return f"{feed.name} (in feeds.yaml)"
        state = feeds_store.get_feed(store, feed_id)
        return state.name if state else None


# --------------------------------------------------------------------------- the rest


def find_feed(store: Store, configured: Sequence[FeedConfig], typed: str) -> tuple[str, str] | None:
    """(id, origin) of the feed a user named by id or name (any case)."""
    wanted = typed.strip().casefold()
    origins = feed_catalog.feed_origins(store)
    for state in feeds_store.list_feeds(store):
        if wanted in (state.id.casefold(), state.name.casefold()):
            return state.id, str(origins.get(state.id, {}).get("origin") or "config")
    for feed in configured:
        if wanted in (feed.id.casefold(), feed.name.casefold()):
            return feed.id, "config"
    return None


def settle_conflicts(store: Store, configured: Sequence[FeedConfig]) -> list[str]:
    """feeds.yaml wins over added feeds: an added feed whose id feeds.yaml now declares
    is taken over by that entry (on the next sync); one whose address feeds.yaml now
    polls under another id is switched off. Returns a sentence per conflict."""
    notes: list[str] = []
    added_feeds = feed_catalog.added_feeds(store)
    if not added_feeds:
        return notes
    by_id = {feed.id: feed for feed in configured}
    by_url = {canonical_link(feed.url): feed for feed in configured}
    for added in added_feeds:
        if added.id in by_id:
            notes.append(
                f"feed {added.name!r} was added with `feeds add` and feeds.yaml now declares "
                f"the id {added.id!r} too: the feeds.yaml entry wins and replaces it."
            )
            continue
        twin = by_url.get(canonical_link(added.url))
        if twin is not None and added.enabled:
            feed_catalog.set_enabled(store, added.id, False)
            notes.append(
                f"feed {added.name!r} (added) has the same address as {twin.name!r} in "
                f"feeds.yaml: the feeds.yaml entry wins; the added one is disabled "
                f"(`policybot feeds remove {added.id}` deletes it)."
            )
    return notes
