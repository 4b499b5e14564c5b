"""``policybot browse``: Datasette's own client on a real archive (local feeds → pipeline →
SQLite, one alert delivered) runs every canned query, and shows the descriptions."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from datasette.app import Datasette

from bot import browse
from bot.app import poll_and_deliver
from store import Store
from tests import feedserver
from tests.archive import build_archive, rss
from tests.feedserver import FeedServer

feed_server = feedserver.feed_server

PARAMETERS = {"vendor_timeline": "vendor=amazon", "event_mentions": "event_id={event}"}


def archive_with_a_delivery(tmp_path: Path, server: FeedServer) -> Path:
    store, config = build_archive(tmp_path, server)
    later = ("2021-06-01", "Clearview AI settles and will no longer license its face database to businesses",
             "Clearview AI settled and agreed to a permanent ban on selling access to its "
             "facial recognition database to private companies.")  # fmt: skip
    server.set("/daily.xml", rss("Tech Daily", [later]))
    asyncio.run(poll_and_deliver(store, config, include_all=True, stream=io.StringIO()))
    store.close()
    return tmp_path / "archive.db"


def test_every_canned_query_runs_and_returns_rows(tmp_path: Path, feed_server: FeedServer) -> None:
    database = archive_with_a_delivery(tmp_path, feed_server)
    store = Store.open(database)
    [event] = [r["id"] for r in store.query("SELECT id FROM events WHERE mention_count = 2")]
    store.close()

    async def check() -> dict[str, list[dict[str, object]]]:
        datasette = Datasette([str(database)], metadata=browse.metadata(database))
        results = {}
        for name in browse.query_names():
            query = PARAMETERS.get(name, "").format(event=event)
            response = await datasette.client.get(f"/archive/{name}.json?_shape=array&{query}")
            assert response.status_code == 200, (name, response.text)
            results[name] = response.json()
        page = await datasette.client.get("/archive/events")
        assert "One real-world policy change" in page.text
        assert "Earliest report of the event" in page.text  # a column description
        index = await datasette.client.get("/archive")
        assert "A vendor&#39;s timeline" in index.text or "A vendor's timeline" in index.text
        return results

    results = asyncio.run(check())
    assert all(results[name] for name in browse.query_names()), {
        k: len(v) for k, v in results.items()
    }
    assert [r["action"] for r in results["vendor_timeline"]] == ["moratorium", "extension"]
    assert {r["source"] for r in results["event_mentions"]} == {"Policy Wire", "Tech Daily"}
    assert results["deliveries"][0]["platform"] == "console"
    assert results["deliveries"][0]["vendor"] == "Clearview AI"
    assert {r["name"] for r in results["feed_health"]} == {"Policy Wire", "Tech Daily"}
    assert "webhook_url" not in results["subscriptions"][0]


def test_browse_command_line(tmp_path: Path) -> None:
    database = tmp_path / "policybot.db"
    meta = browse.write_metadata(database, tmp_path)
    args = browse.command(database, meta, host="127.0.0.1", port=8123, open_browser=False)
    assert args[:2] == ["serve", str(database)] and "--open" not in args
    assert args[args.index("--host") + 1] == "127.0.0.1"
    assert "policybot" in meta.read_text() and browse.available()
