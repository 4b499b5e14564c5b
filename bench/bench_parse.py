"""Benchmark: reading feeds, the fast lxml reader against feedparser and fastfeedparser.

Parses the bench's RSS feeds (50 items of about 2 KB, bench/cycle_feeds.py) and
prints items/s for: feedparser alone, fastfeedparser alone (when installed:
``pip install fastfeedparser``), policybot's ``read_rss`` alone, and policybot's
whole ``parse_feed`` (reader, HTML to text, identity keys) on its fast path and
on its feedparser path, and ``parse_feed`` of a bumped body (45 of its 50 items
stored: they are set aside by their guids before the rest of them is read). Then it
feeds feedparser's own test corpus (../shared/corpus/feedparser-tests) through both
paths of ``parse_feed`` and says how many documents the fast reader accepted, whether
every accepted one gave identical entries, and whether anything raised; and through
``parse_feed`` with every other entry's key stored, whether each document gave its
full reading's entries less the stored ones.

    python bench/bench_parse.py [--feeds 40] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from cycle_feeds import ITEMS, feed_xml  # noqa: E402

from bot.models import FetchResult  # noqa: E402
from bot.sources.fastfeed import read_rss  # noqa: E402
from bot.sources.parse import parse_feed  # noqa: E402

HEADERS = {"content-type": "application/rss+xml; charset=utf-8"}
CORPUS = HERE.parent.parent / "shared" / "corpus" / "feedparser-tests"


def rate(name: str, bodies: list[bytes], parse: Callable[[bytes], object], runs: int = 3) -> None:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        for body in bodies:
            parse(body)
        best = min(best, time.perf_counter() - started)
    items = len(bodies) * ITEMS
    print(f"| {name} | {items / best:,.0f} | {best * 1000 / len(bodies):.2f} |")


def result(body: bytes, headers: dict[str, str] = HEADERS) -> FetchResult:
    return FetchResult(feed_id="f", outcome="ok", status_code=200, body=body,
                       headers=tuple(headers.items()), final_url="https://feeds.example/")  # fmt: skip


def corpus(path: Path) -> None:
    if not path.is_dir():
        print(f"feedparser's corpus: not found at {path}")
        return
    docs = sorted(path.rglob("*.xml"))
    headers = {"content-type": "application/xml"}
    accepted = same = raised = 0
    for doc in docs:
        body = doc.read_bytes()
        try:
            fast = parse_feed(result(body, headers), feed_id="f", source="S")
            slow = parse_feed(result(body, headers), feed_id="f", source="S", fast=False)
        except Exception as exc:  # noqa: BLE001 - counted and named
            raised += 1
            print(f"  raised on {doc.name}: {type(exc).__name__}: {exc}")
            continue
        if read_rss(body, headers) is not None:
            accepted += 1
            same += fast.entries == slow.entries and fast.title == slow.title
    print(f"feedparser's corpus: {len(docs)} documents, {raised} raised; the fast reader "
          f"accepted {accepted}, identical entries on {same} of them")  # fmt: skip
    stored_first(docs, headers)


def stored_first(docs: list[Path], headers: dict[str, str]) -> None:
    """Each document read with every other entry's key stored: the entries must be its
    full reading's less the stored ones."""
    checked = same = 0
    for doc in docs:
        body = doc.read_bytes()
        try:
            full = parse_feed(result(body, headers), feed_id="f", source="S").entries
        except Exception:  # noqa: BLE001 - counted above
            continue
        stored = {entry.key for entry in full[::2]}
        found = parse_feed(result(body, headers), feed_id="f", source="S",
                           known=stored.intersection).entries  # fmt: skip
        checked += 1
        same += found == tuple(entry for entry in full if entry.key not in stored)
    print(
        f"with every other entry's key stored: {same} of {checked} documents gave their "
        "full reading's entries less the stored ones"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=40)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    bodies = [feed_xml(feed, 0, 5) for feed in range(args.feeds)]
    import feedparser

    print(f"{args.feeds} feeds of {ITEMS} items (~{len(bodies[0]) // 1024} KB each); best of 3")
    print("| reader | items/s | ms per feed |\n|---|---|---|")
    rate("feedparser.parse", bodies, lambda b: feedparser.parse(io.BytesIO(b)))
    if importlib.util.find_spec("fastfeedparser") is not None:
        import fastfeedparser

        rate("fastfeedparser.parse", bodies, fastfeedparser.parse)
    else:
        print("| fastfeedparser.parse | not installed | |")
    rate("policybot read_rss (lxml)", bodies, lambda b: read_rss(b, HEADERS))
    rate("policybot parse_feed, fast path", bodies,
         lambda b: parse_feed(result(b), feed_id="f", source="S"))  # fmt: skip
    rate("policybot parse_feed, feedparser path", bodies,
         lambda b: parse_feed(result(b), feed_id="f", source="S", fast=False), runs=1)  # fmt: skip
    # a bumped body: 5 new items, the 45 others stored by the feed's first fetch
    stored = {feed_xml(f, 1, 5): {e.key for e in parse_feed(result(first), feed_id="f",
                                                            source="S").entries}
              for f, first in enumerate(bodies)}  # fmt: skip
    rate("policybot parse_feed, 45 of 50 items stored", list(stored),
         lambda b: parse_feed(result(b), feed_id="f", source="S",
                              known=stored[b].intersection))  # fmt: skip
    corpus(args.corpus)


if __name__ == "__main__":
    main()
