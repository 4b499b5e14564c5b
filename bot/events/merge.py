"""Joining a mention to an event: its ballot, the voted values after the join, and
which of them changed. Pure: ``bot.clustering`` reads and writes through the store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.events import votes
from bot.events.matching import Profile
from bot.events.records import NewEvent, NewMention, StoredBallot, StoredEvent
from bot.events.rules import event_key, joined_terms, mention_weight, pack_terms
from bot.events.signatures import vendor_key
from bot.models import Entry, Finding, utc_iso


def new_mention(
    entry_id: int, entry: Entry, finding: Finding, primary: bool, when: datetime,
    now: datetime | None,
) -> NewMention:  # fmt: skip
    f = finding
    fields = {
        "relevant": f.relevant, "actor_type": f.actor_type, "vendor": f.vendor,
        "product": f.product, "action": f.action, "applies_to": f.applies_to,
        "region": f.region, "effective": f.effective.isoformat() if f.effective else None,
        "duration": f.duration, "confidence": f.confidence, "evidence": f.evidence,
    }  # fmt: skip
    return NewMention(
        entry_id=entry_id, source=entry.publisher, title=entry.title, link=entry.link,
        published=utc_iso(when), primary=primary, stamp=utc_iso(now), fields=fields,
        weight=mention_weight(f.confidence, primary), published_at=entry.published,
        via=entry.source, related=entry.related,
    )  # fmt: skip


def vote_into(tally: votes.Tally, mention: NewMention | StoredBallot) -> None:
    votes.add_ballot(tally, mention.fields, mention.weight, published=mention.published,
                     entry_id=mention.entry_id, primary=mention.primary, title=mention.title,
                     link=mention.link, source=mention.source,
                     related=mention.related if isinstance(mention, NewMention) else ())  # fmt: skip


def new_event(
    mention: NewMention, entry: Entry, finding: Finding, profile: Profile, when: datetime
) -> NewEvent:
    """The event a finding opens: its own values, and a tally holding its one ballot."""
    tally = votes.new_tally()
    vote_into(tally, mention)
    return NewEvent(
        key=event_key(finding, when, mention.entry_id),
        finding=finding,
        title=entry.title,
        link=entry.link,
        vendor_key=profile.vendor_key,
        terms=pack_terms(profile.terms, profile.names),
        votes=votes.dumps(tally),
        source_count=len(tally["src"]),
    )


def rebuilt_tally(ballots: list[StoredBallot]) -> votes.Tally:
    """The tally of an event that predates stored tallies, from all its mentions."""
    tally = votes.new_tally()
    for ballot in ballots:
        vote_into(tally, ballot)
    return tally


def joined(
    old: StoredEvent, tally: votes.Tally, count: int, mention: NewMention, new: Profile,
    event: Profile,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:  # fmt: skip
    """The event's values after the join (``tally`` already holds the mention's ballot,
    ``count`` mentions in all) and the voted fields that changed: [{field, old, new}]."""
    values = votes.outcome(tally)
    values["relevant"] = int(bool(values["relevant"]))
    values["actor_type"] = values["actor_type"] or old["actor_type"]
    changes = [
        {"field": name, "old": old[name], "new": values[name]}
        for name in votes.CANONICAL
        if old[name] != values[name]
    ]
    values.update(
        evidence=values["evidence"] or old["evidence"],
        first_reported=min(old["first_reported"], mention.published),
        last_reported=max(old["last_reported"], mention.published),
        mention_count=count,
        vendor_key=vendor_key(values["vendor"]),
        terms=joined_terms(str(old["terms"] or ""), new, event),
        votes=votes.dumps(tally),
        updated_at=mention.stamp,
    )  # fmt: skip
    return values, changes


def update_detail(
    mention: NewMention, changes: list[dict[str, Any]], *, new_outlet: bool = True
) -> dict[str, Any]:
    """What an ``event_updates`` row tells about the mention that joined."""
    published = mention.published_at
    return {
        "new_outlet": new_outlet,
        "entry_id": mention.entry_id, "source": mention.source, "via": mention.via,
        "title": mention.title,
        "link": mention.link, "published": utc_iso(published) if published else None,
        "changes": changes,
    }  # fmt: skip


def brings_news(old: StoredEvent, mention: NewMention) -> bool:
    """Whether the mention states a canonical fact the event does not hold (another
    action, scope, date, duration …), voted in or not."""
    for name in votes.CANONICAL:
        value = mention.fields.get(name)
        if value is None or value == "":
            continue
        stored = old[name]
        if name == "relevant":
            value, stored = int(bool(value)), int(bool(stored))
        if value != stored:
            return True
    return False


def changed_columns(old: StoredEvent, values: dict[str, Any]) -> dict[str, Any]:
    """Only the values that differ: indexes and the FTS trigger then do no needless work."""
    return {k: v for k, v in values.items() if old[k] != v}
