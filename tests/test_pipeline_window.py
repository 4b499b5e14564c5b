"""The cycle's window (``bot.cycle_window.Window``): feeds hold a place from their
download until their write, writes go in feed order, and however the downloads
arrive the window neither overflows nor waits on itself."""

from __future__ import annotations

import asyncio
import random

import pytest

from bot.cycle_window import Queued, Window

SIZE = 4


async def _cycle(arrival: list[int]) -> tuple[list[int], int]:
    """Feeds 0..n-1 downloaded in ``arrival`` order; the write order and the most
    feeds inside the window at once."""
    window = Window(SIZE)
    n = len(arrival)
    queued = [asyncio.Event() for _ in range(n)]
    written: list[int] = []
    inside = peak = 0

    async def feed(i: int, delay: float) -> None:
        nonlocal inside, peak
        await asyncio.sleep(delay)  # the download
        await window.enter(lambda: i == 0 or queued[i - 1].is_set())
        inside += 1
        peak = max(peak, inside)
        try:
            if i:
                await queued[i - 1].wait()  # its turn to queue the write
            written.append(i)
            queued[i].set()
            window.wake()
            await asyncio.sleep(0.001)  # the write itself
        finally:
            inside -= 1
            window.leave()

    rank = {feed: position for position, feed in enumerate(arrival)}
    tasks = (feed(i, rank[i] * 0.002) for i in range(n))
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=10)
    return written, peak


@pytest.mark.parametrize("order", ["reversed", "shuffled", "in order"])
def test_window_keeps_write_order_and_its_bound(order: str) -> None:
    n = 30
    arrival = list(range(n))
    if order == "reversed":  # the first feed in write order arrives last
        arrival.reverse()
    elif order == "shuffled":
        random.Random(3).shuffle(arrival)
    written, peak = asyncio.run(_cycle(arrival))
    assert written == list(range(n))
    assert peak <= SIZE + 1  # the window, and one spare place for the next in order


async def test_a_feed_waiting_for_the_one_before_it_wakes_when_that_one_queues() -> None:
    queued = Queued()
    queued.add("early")
    await asyncio.wait_for(queued.wait("early"), 1)  # queued before anyone waited
    woken: list[str] = []

    async def waiter(name: str) -> None:
        await queued.wait("late")
        woken.append(name)

    tasks = [asyncio.create_task(waiter(n)) for n in ("a", "b")]
    impatient = asyncio.create_task(queued.wait("late"))
    await asyncio.sleep(0.01)
    impatient.cancel()  # one waiter giving up does not cancel the others' wait
    await asyncio.sleep(0.01)
    assert woken == [] and "late" not in queued
    queued.add("late")
    await asyncio.wait_for(asyncio.gather(*tasks), 1)
    assert sorted(woken) == ["a", "b"] and "late" in queued


async def test_a_feed_with_nothing_to_write_is_queued_with_the_one_before_it() -> None:
    """A 304 does not wait for its turn: it follows the feed before it, and a chain of
    them is queued, in one step, when the feed they all follow is (and a feed waiting
    for the last of them wakes then)."""
    queued = Queued()
    assert queued.follow("first", None) == ["first"]  # nothing before it: queued at once
    assert queued.follow("after-first", "first") == ["after-first"]
    assert queued.follow("b", "a") == []  # "a" (a changed feed) is still being read
    chain = [f"c{n}" for n in range(3000)]  # longer than any recursion limit
    previous = "b"
    for name in chain:
        assert queued.follow(name, previous) == []
        previous = name
    woken = asyncio.create_task(queued.wait(chain[-1]))
    await asyncio.sleep(0.01)
    assert not woken.done() and "b" not in queued
    marked = queued.add("a")
    assert sorted(marked) == sorted(["a", "b", *chain])
    await asyncio.wait_for(woken, 1)
    assert queued.add("a") == []  # marked once
