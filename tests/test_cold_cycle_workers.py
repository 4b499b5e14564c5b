"""A cold cycle (more new feeds than ``bot.pipeline.POOL_AFTER``) leaves all parsing and
extraction to its worker process: ``policybot poll`` itself only fetches, hands bodies
over and writes, so it never loads the parsing code (nor lxml) and never builds the
extraction data, also when an item has to be read again with a vendor the store came
to know during the cycle. What it writes is what reading everything here would give.
(The real feed server, CLI, worker process and store.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot import clustering
from bot.pipeline import POOL_AFTER
from store import Store
from tests import feedserver
from tests.feedserver import ALLOW_LOCAL, FeedServer
from tests.test_pipeline_e2e import item, rss

feed_server = feedserver.feed_server

FEEDS = POOL_AFTER + 6
SCRIPT = """
import json, sys
from bot.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
resources = sys.modules.get("bot.extract.resources")
print(json.dumps({
    "modules": sorted(m for m in ("bot.sources.parse", "bot.sources.fastfeed", "lxml.etree",
                                  "feedparser") if m in sys.modules),
    "extraction data built": bool(resources and resources.resources.cache_info().currsize),
}))
"""
LAUNCH = item("launch", "Quillby Vision launches face matching at stadium gates",
              "Clubs can flag banned fans as they arrive.", days_ago=0.5)  # fmt: skip
# no face word: FR news only once the store knows Quillby Vision as an FR vendor, which
# it does only once the launch is written: the writer has the worker read it again
DROPS = item("drops", "Quillby Vision drops stadium operators as customers",
             "Their accounts close within a month, the company said.", days_ago=0.2)  # fmt: skip


def _filler(feed: int) -> list[str]:
    return [item(f"f{feed}-{n}", f"Harbour ferry timetable {feed}-{n} changes",
                 "Boats leave ten minutes later on weekdays.", days_ago=1) for n in range(3)]  # fmt: skip


def test_a_cold_cycle_parses_and_extracts_only_in_its_worker(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    lines = ["defaults:\n  interval: 15m\n" + ALLOW_LOCAL + "console: false\nfeeds:\n"]
    for feed in range(FEEDS):
        extra = [LAUNCH, DROPS] if feed == 0 else []  # read together, before either is known
        feed_server.set(f"/f{feed}.xml", rss(*extra, *_filler(feed)), etag='"1"')
        lines.append(f"  - name: Feed {feed:02}\n    url: {feed_server.url(f'/f{feed}.xml')}\n")
    (tmp_path / "feeds.yaml").write_text("".join(lines), encoding="utf-8")
    db = tmp_path / "bot.db"
    args = ["--db", str(db), "--feeds", str(tmp_path / "feeds.yaml"), "poll", "--all"]
    done = subprocess.run([sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True,
                          check=True, timeout=300, cwd=Path(__file__).resolve().parent.parent,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})  # fmt: skip
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == {"modules": [], "extraction data built": False}
    store = Store.open(db)
    try:
        assert store.db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == FEEDS * 3 + 2
        events = clustering.timeline(store, "Quillby Vision").events
        assert (True, "ban") in [(e.relevant, e.action) for e in events]
    finally:
        store.close()
