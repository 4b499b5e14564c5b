"""The cycle's places (``Window``: feeds holding a body or its parsed items) and its
write order (``Queued``: feeds whose write is queued): see ``bot.cycle``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class Window:
    """At most ``size`` feeds hold a body or its parsed items, from the download until
    their write is done; the next feed in write order may take one spare place, so
    the feeds inside never all wait on one that cannot get in."""

    def __init__(self, size: int) -> None:
        self.free = size
        self._waiters: list[asyncio.Future[None]] = []

    async def enter(self, is_next: Callable[[], bool]) -> None:
        while not (self.free > 0 or (self.free > -1 and is_next())):
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            await waiter
        self.free -= 1

    def leave(self) -> None:
        self.free += 1
        self.wake()

    def wake(self) -> None:
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)


class Queued:
    """The feeds whose write is queued, and a waiter for each feed another one waits
    on (only the feeds under way wait: an ``asyncio.Event`` for each of a thousand
    feeds held 0.9 MB for the whole cycle). A feed that writes nothing now (a 304: its
    state is saved at the end of the cycle) follows the feed before it: it counts as
    queued once that one is, without waiting (``follow``)."""

    def __init__(self) -> None:
        self._done: set[str] = set()
        self._waiters: dict[str, asyncio.Future[None]] = {}
        self._followers: dict[str, list[str]] = {}  # feed id → feeds queued with it

    def __contains__(self, feed_id: str) -> bool:
        return feed_id in self._done

    def add(self, feed_id: str) -> list[str]:
        """Mark ``feed_id`` queued, and the feeds that follow it; returns those marked."""
        marked, todo = [], [feed_id]
        while todo:  # a chain of followers: no recursion however long it is
            current = todo.pop()
            if current in self._done:
                continue
            self._done.add(current)
            marked.append(current)
            waiter = self._waiters.pop(current, None)
            if waiter is not None and not waiter.done():
                waiter.set_result(None)
            todo.extend(self._followers.pop(current, ()))
        return marked

    def follow(self, feed_id: str, before: str | None) -> list[str]:
        """``feed_id`` counts as queued once ``before`` is (at once when it is, or when
        there is none); returns the feeds marked now."""
        if before is None or before in self._done:
            return self.add(feed_id)
        self._followers.setdefault(before, []).append(feed_id)
        return []

    async def wait(self, feed_id: str) -> None:
        """Return once ``feed_id``'s write is queued."""
        if feed_id in self._done:
            return
        waiter = self._waiters.get(feed_id)
        if waiter is None:
            waiter = self._waiters[feed_id] = asyncio.get_running_loop().create_future()
        await asyncio.shield(waiter)
