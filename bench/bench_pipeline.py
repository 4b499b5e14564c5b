"""Benchmark: a whole polling cycle over local feeds (fetch → parse → extract → store).

Serves FEEDS feeds of ITEMS items each from a real HTTP server on 127.0.0.1,
runs the real pipeline twice (first sight, then a cycle where every feed has
new items), and prints wall time, entries per second and peak memory.

    python bench/bench_pipeline.py [FEEDS] [ITEMS]
"""

from __future__ import annotations

import asyncio
import io
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import poll_and_deliver  # noqa: E402
from bot.config import load_config  # noqa: E402
from store import Store  # noqa: E402
from tests.feedserver import FeedServer  # noqa: E402
from tests.test_pipeline_e2e import item, rss  # noqa: E402

VENDORS = ["Amazon", "Microsoft", "IBM", "Clearview AI", "Meta", "Axon", "NEC", "Idemia"]


def feed_body(feed: int, items: int, round_: int) -> str:
    rows = []
    for n in range(items):
        vendor = VENDORS[(feed + n) % len(VENDORS)]
        if n % 10 == 0:
            title = f"{vendor} halts facial recognition sales to police, round {round_} story {feed}-{n}"
            summary = f"{vendor} said it will stop selling face recognition to police departments."
        else:
            title = f"Market update {feed}-{n}-{round_}: shares of {vendor} move"
            summary = "Analysts discussed quarterly results and cloud growth."
        rows.append(item(f"f{feed}-r{round_}-{n}", title, summary))
    return rss(*rows, title=f"Feed {feed}")


def main() -> None:
    feeds = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    items = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    server = FeedServer().start()
    tmp = Path(tempfile.mkdtemp())
    try:
        lines = [
            "defaults:\n  interval: 15m\n  concurrency: 16\n  per_host: 16\n  allow_hosts: [127.0.0.1]\n"
            "console: true\nfeeds:\n"
        ]
        for f in range(feeds):
            server.set(f"/f{f}.xml", feed_body(f, items, 0))
            lines.append(f"  - name: Feed {f}\n    url: {server.url(f'/f{f}.xml')}\n")
        (tmp / "feeds.yaml").write_text("".join(lines), encoding="utf-8")
        config = load_config(tmp / "feeds.yaml", env={})
        store = Store.open(tmp / "bench.db")
        for round_ in (0, 1):
            if round_:
                for f in range(feeds):
                    server.set(f"/f{f}.xml", feed_body(f, items, round_))
            out = io.StringIO()
            start = time.perf_counter()
            summary, delivered = asyncio.run(
                poll_and_deliver(store, config, include_all=True, stream=out)
            )
            elapsed = time.perf_counter() - start
            label = "first sight" if round_ == 0 else "new items  "
            print(
                f"{label}: {feeds} feeds x {items} items: {elapsed:.2f} s, "
                f"{summary.new_entries / elapsed:,.0f} entries/s, {summary.alerts} alert rows, "
                f"{delivered.sent} delivered"
            )
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS: {peak_mib:.0f} MiB")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
