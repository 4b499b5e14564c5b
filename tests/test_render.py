"""Neutral rendering: alerts, updates and the list replies of the command core."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from bot.commands import replies
from bot.delivery import render
from bot.models import (
    Destination,
    Event,
    EventUpdate,
    FeedState,
    Filters,
    Mention,
    SearchHit,
    Subscription,
)

WHEN = datetime(2026, 6, 10, 15, 30, tzinfo=UTC)


def mention(n: int, source: str, *, link: str | None = None, primary: bool = False) -> Mention:
    return Mention(entry_id=n, source=source, title=f"Headline {n}", primary=primary,
                   link=link if link is not None else f"https://news{n}.example.org/a", published=WHEN)  # fmt: skip


EVENT = Event(
    id=7, key="amazon-1", relevant=True, actor_type="vendor", vendor="Amazon",
    product="Rekognition", action="moratorium", applies_to="police", region="United States",
    effective=date(2026, 6, 11), duration="one year",
    title="Amazon pauses police use of Rekognition",
    evidence="Amazon is implementing a one-year moratorium on police use of Rekognition.",
    link="https://news1.example.org/a", confidence=0.9, first_reported=WHEN,
    mention_count=3, source_count=2,
    mentions=(mention(1, "Outlet One"), mention(2, "Amazon newsroom", primary=True),
              mention(3, "Outlet One", link="https://news3.example.org/b")),
)  # fmt: skip


def test_alert_says_who_what_for_whom_with_fields_quote_and_sources() -> None:
    message = render.alert(EVENT)
    [section] = message.sections
    assert section.title == "Amazon pauses Rekognition for police"
    fields = {f.name: f.value for f in section.fields}
    assert fields == {
        "Vendor": "Amazon", "Product": "Rekognition", "Action": "Moratorium",
        "Applies to": "police", "Effective": "2026-06-11", "Duration": "one year",
        "Region": "United States", "Primary source": "Amazon newsroom",
    }  # fmt: skip
    assert section.quote == EVENT.evidence
    assert section.url == "https://news2.example.org/a"  # the vendor's own newsroom first
    assert [link.label for link in section.links][0] == "Amazon newsroom"
    assert message.footer == "2 outlets · 3 reports · first reported 2026-06-10"
    assert message.accent == "moratorium" and not message.ephemeral
    for part in ("Amazon pauses Rekognition for police", EVENT.title, EVENT.evidence, "2 outlets"):
        assert part in message.text


def test_alert_limits_links_and_drops_unsafe_urls() -> None:
    many = tuple(mention(n, f"Outlet {n}") for n in range(1, 9))
    bad = (
        mention(20, "Evil", link="javascript:alert(1)"),
        mention(21, "Data", link="data:text/html,x"),
    )
    message = render.alert(replace(EVENT, mentions=bad + many, link="javascript:alert(1)"))
    [section] = message.sections
    assert len(section.links) == render.MAX_SOURCE_LINKS
    assert all(link.url.startswith("https://") for link in section.links)
    assert section.url is None or section.url.startswith("https://")
    assert "javascript:" not in message.text


def test_alert_for_a_government_action_and_sparse_event() -> None:
    event = replace(EVENT, actor_type="government", relevant=False, vendor=None, product=None,
                    action="ban", applies_to=None, region=None, effective=None, duration=None,
                    mentions=(), source_count=1, mention_count=1)  # fmt: skip
    message = render.alert(event)
    assert message.sections[0].title == "Government bans facial recognition"
    names = [f.name for f in message.sections[0].fields]
    assert names == ["Actor", "Vendor", "Action", "Applies to"]
    assert message.footer == "1 outlet · first reported 2026-06-10"


def test_update_for_a_new_outlet_and_for_a_changed_field() -> None:
    new = mention(4, "Late Outlet", link="https://late.example.org/x")
    up = EventUpdate(id=1, event_id=7, seq=1, kind="mention", entry_id=4, detail={})
    message = render.update(EVENT, up, new)
    assert message.sections[0].title == "Also reported by Late Outlet"
    assert message.sections[0].url == "https://late.example.org/x"
    assert "Headline 4" in message.text and "2 outlets" in message.text
    changed = EventUpdate(id=2, event_id=7, seq=2, kind="field", entry_id=4,
                          detail={"changes": [{"field": "duration", "old": "one year", "new": "indefinitely"}]})  # fmt: skip
    text = render.update(EVENT, changed, new).text
    assert text.startswith("Update: duration: one year → indefinitely")
    assert "Reported by Late Outlet: Headline 4" in text
    # without the mention row, the update's own detail still names the outlet
    bare = EventUpdate(id=3, event_id=7, seq=3, kind="mention", entry_id=9,
                       detail={"source": "Wire", "title": "Story", "link": "https://wire.example.org/s"})  # fmt: skip
    message = render.update(EVENT, bare, None)
    assert message.sections[0].title == "Also reported by Wire"
    assert message.sections[0].url == "https://wire.example.org/s"


def test_lists() -> None:
    assert "No policy events" in render.latest([]).text
    latest = render.latest([EVENT, replace(EVENT, id=8, vendor="IBM", product=None, action="exit")])
    assert len(latest.sections) == 2 and "IBM exits facial recognition" in latest.text
    timeline = render.timeline("Amazon", [EVENT], ["Rekognition: police use paused since 2026-06"])
    assert "paused since 2026-06" in timeline.text and "Amazon pauses" in timeline.text
    hit = SearchHit(kind="event", id=7, title="Amazon pauses", snippet="…moratorium…",
                    link="https://x.example.org", published=WHEN, score=1.0, source="Outlet")  # fmt: skip
    found = render.search_results("moratorium", [hit])
    assert found.sections[0].url == "https://x.example.org" and "1 result" in found.text
    assert "Nothing found" in render.search_results("zzz", []).text


def test_subscriptions_hide_webhook_secrets_and_show_failures() -> None:
    hook = Subscription(id=1, destination=Destination("slack-webhook", webhook_url="https://hooks.slack.com/services/T/B/SECRET"),
                        filters=Filters(vendors=("Amazon",)), status="failing", last_error="invalid_token")  # fmt: skip
    message = replies.subscriptions([hook])
    assert "SECRET" not in message.text
    assert "slack-webhook:https://hooks.slack.com/…" in message.text
    assert "FAILING: invalid_token" in message.text and "vendors: Amazon" in message.text


def test_status_and_feeds() -> None:
    feeds = [
        FeedState(id="a", name="Good feed", url="https://a.example.org/rss", config_url="", kind="news",
                  interval=900, enabled=True, status="ok", last_success_at=WHEN),
        FeedState(id="b", name="Broken feed", url="https://b.example.org/rss", config_url="", kind="news",
                  interval=900, enabled=True, status="failing",
                  last_error="https://b.example.org/rss answered 500; it retries with backoff"),
    ]  # fmt: skip
    status = replies.status(
        feeds, {"pending": 3, "due": 1, "failed": 2, "sent": 9}, [], "2026-06-10T15:00:00+00:00"
    )
    assert "2 feeds: 1 failing, 1 ok" in status.text
    assert "Broken feed: https://b.example.org/rss answered 500" in status.text
    assert "3 pending (1 due now), 2 failed" in status.text and "2026-06-10T15:00" in status.text
    listing = replies.feeds(feeds)
    assert "Good feed" in listing.text and "answered 500" in listing.text


def test_help_lists_every_command_with_examples() -> None:
    text = replies.help_message(note="Unknown command “x”.").text
    assert text.startswith("Unknown command")
    for command in ("latest", "vendor", "search", "subscribe", "unsubscribe", "subscriptions",
                    "feeds", "page", "status", "help"):  # fmt: skip
        assert f"/frpolicy {command}" in text
    assert "vendor:Amazon" in text
