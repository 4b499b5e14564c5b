"""``/frpolicy feeds add URL`` in Slack (real bolt app, fake Slack API): admins
only, the same checks and trial fetch as the CLI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.models import FetchSettings
from bot.sources.manage import FeedAdmin
from store import Store, feed_catalog
from tests import feedserver
from tests.archive import serve_stories
from tests.fake_slack import FakeSlack, fake_slack_server
from tests.feedserver import FeedServer
from tests.test_slack_app import all_text, command, runtime, socket_dispatch

feed_server = feedserver.feed_server
fake = fake_slack_server
ADMIN = FeedAdmin(FetchSettings(allow_hosts=("127.0.0.1",)))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store.open(tmp_path / "policybot.db")
    yield db
    db.close()


async def test_slack_admin_adds_a_feed_others_cannot(
    fake: FakeSlack, store: Store, feed_server: FeedServer
) -> None:
    serve_stories(feed_server)
    app = runtime(fake, store, ack_budget=10.0)
    app.feed_admin = ADMIN
    url = feed_server.url("/daily.xml")
    _, reply = await socket_dispatch(app, command(fake, f"feeds add {url}", "UREADER"))
    assert "Only a workspace admin" in all_text(reply) and "feeds add URL" in all_text(reply)
    assert feed_server.requests_for("/daily.xml") == [] and feed_catalog.added_feeds(store) == []

    fake.admins.add("UADMIN")
    _, reply = await socket_dispatch(app, command(fake, f"feeds add <{url}>", "UADMIN"))
    assert "Added feed 'Tech Daily'" in all_text(reply) and "2 items" in all_text(reply)
    [added] = feed_catalog.added_feeds(store)
    assert added.url == url and added.origin == "added via chat"

    _, reply = await socket_dispatch(app, command(fake, f"feeds add {url}", "UADMIN"))
    assert "already polled as feed 'Tech Daily'" in all_text(reply)
    _, reply = await socket_dispatch(app, command(fake, "feeds add http://10.0.0.7/rss", "UADMIN"))
    assert "10.0.0.7, a private address" in all_text(reply) and "allow_hosts" in all_text(reply)
    _, reply = await socket_dispatch(app, command(fake, "feeds", "UREADER"))
    assert "Tech Daily" in all_text(reply)  # listing stays open to everyone
