"""The command core's replies that are not events: subscriptions, feeds, status, help
and one-line notices, as neutral ``Message`` values (each platform renders them)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.commands.spec import COMMAND_SET
from bot.delivery.links import safe_url
from bot.delivery.render import day, destination_label, filters_label, notice, one_line, plural
from bot.models import FeedState, Message, Section, Subscription


def subscriptions(subs: Sequence[Subscription]) -> Message:
    if not subs:
        return notice(
            "No subscriptions. Use `subscribe` in a channel (or `policybot subscriptions add`)."
        )
    sections = []
    for sub in subs:
        body = filters_label(sub)
        if sub.status != "active":
            body += f"\nFAILING: {one_line(sub.last_error or 'unknown error', 300)} (re-subscribe to resume)"
        sections.append(Section(title=f"{destination_label(sub)} ({sub.origin})", body=body))
    text = "\n".join(f"- {s.title}: {s.body}" for s in sections)
    return Message(text=f"{plural(len(subs), 'subscription')}:\n{text}", sections=tuple(sections))


def feeds(states: Sequence[FeedState]) -> Message:
    if not states:
        return notice("No feeds configured. Add sources to feeds.yaml and run `policybot poll`.")
    counts = _status_counts(states)
    sections = []
    for feed in states:
        body = f"status: {feed.status} · last success: {day(feed.last_success_at)}"
        if not feed.verified:
            body += " · unconfirmed address"
        if feed.last_error and feed.status in ("failing", "gone", "dead"):
            body += f"\n{one_line(feed.last_error, 300)}"
        sections.append(Section(title=one_line(feed.name, 100), url=safe_url(feed.url), body=body))
    summary = ", ".join(f"{n} {status}" for status, n in counts.items())
    text = "\n".join(f"- {s.title}: {s.body}" for s in sections)
    return Message(text=f"{plural(len(states), 'feed')} ({summary}):\n{text}",
                   sections=tuple(sections), footer=summary)  # fmt: skip


def _status_counts(states: Sequence[FeedState]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for feed in states:
        counts[feed.status] = counts.get(feed.status, 0) + 1
    return dict(sorted(counts.items()))


def status(
    states: Sequence[FeedState],
    queue: Mapping[str, int],
    failing: Sequence[Subscription],
    last_poll: str | None,
) -> Message:
    """Feed health, failing feeds, outbox depth, failing subscriptions, last poll."""
    counts = _status_counts(states)
    health = ", ".join(f"{n} {s}" for s, n in counts.items()) or "none configured"
    bad = [f for f in states if f.status in ("failing", "gone", "dead")]
    queue_line = (f"{queue.get('pending', 0)} pending ({queue.get('due', 0)} due now), "
                  f"{queue.get('failed', 0)} failed, {queue.get('sent', 0)} sent")  # fmt: skip
    sections = [
        Section(title="Feeds", body=f"{plural(len(states), 'feed')}: {health}"),
        Section(title="Delivery queue", body=queue_line),
        Section(title="Last poll", body=last_poll or "never"),
    ]
    if bad:
        sections.insert(1, Section(title="Failing feeds", body="\n".join(
            f"{one_line(f.name, 80)}: {one_line(f.last_error or f.status, 200)}" for f in bad)))  # fmt: skip
    if failing:
        sections.append(Section(title="Failing subscriptions", body="\n".join(
            f"{destination_label(s)}: {one_line(s.last_error or 'unknown error', 200)}"
            for s in failing)))  # fmt: skip
    text = "\n".join(f"{s.title}: {s.body}" for s in sections)
    return Message(text=text, sections=tuple(sections))


def help_message(prefix: str = "/frpolicy", note: str | None = None) -> Message:
    lines = [f"{prefix} {spec.usage} — {spec.summary}" for spec in COMMAND_SET]
    body = "\n".join(lines)
    text = f"{note}\n\n{body}" if note else body
    sections: tuple[Section, ...] = (Section(title="Commands", body=body),)
    if note:
        sections = (Section(title="Not understood", body=note), *sections)
    return Message(text=text, sections=sections)
