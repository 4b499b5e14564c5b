"""Small frozen values that the pipeline stages exchange.

Nothing SDK-shaped (feedparser, aiohttp, slack_sdk, discord, sqlite_utils) crosses
a stage boundary: every stage takes and returns these values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from bot.vocabulary import Action, ActorType, AppliesTo

# the vocabularies as plain strings (members and tables: bot/vocabulary.py)
ACTOR_TYPES: tuple[str, ...] = tuple(a.value for a in ActorType)
ACTIONS: tuple[str, ...] = tuple(a.value for a in Action)
APPLIES_TO: tuple[str, ...] = tuple(a.value for a in AppliesTo)
FEED_KINDS: tuple[str, ...] = ("news", "vendor", "advocacy", "regulator", "page")
PRIMARY_KINDS: frozenset[str] = frozenset({"vendor", "page"})  # the vendor's own words


def utc_iso(moment: datetime | None = None) -> str:
    """A timestamp as stored and exchanged: UTC ISO text, ``2021-05-18T12:00:00+00:00``."""
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


# --------------------------------------------------------------------------- feeds


@dataclass(frozen=True)
class FeedConfig:
    """One source as declared in feeds.yaml (validated by bot.config)."""

    id: str  # stable slug, unique; defaults to a slug of the name
    name: str
    url: str
    kind: str  # one of FEED_KINDS
    interval: int  # seconds between polls when healthy
    tags: tuple[str, ...] = ()
    enabled: bool = True
    verified: bool = True  # False: the address rests on the site's URL pattern only
    origin: str = ""  # where a generated source came from ("" = written in feeds.yaml)
    selector: str = ""  # kind "page": CSS selector of the policy text ("" = main text)
    vendor: str = ""  # kind "page": whose page it is ("" = from its address or name)


@dataclass(frozen=True)
class FetchSettings:
    """Defaults from feeds.yaml that govern fetching and alerting."""

    interval: int = 900  # seconds
    connect_timeout: float = 5.0
    total_timeout: float = 20.0
    max_bytes: int = 15 * 1024 * 1024
    max_redirects: int = 5
    concurrency: int = 16  # requests in flight at once, over all hosts
    per_host: int = 2
    max_backoff: int = 24 * 3600
    max_alert_age_days: int | None = 14  # None disables the age check
    allow_hosts: tuple[str, ...] = ()  # non-public hosts/addresses/CIDRs feeds may use
    user_agent: str = (
        "policybot/0.1 (+https://github.com/policybot/policybot; facial-recognition policy alerts)"
    )


@dataclass(frozen=True)
class FeedState:
    """A feed as the store knows it: its configuration plus fetch state."""

    id: str
    name: str
    url: str  # the URL polled now (may differ from config after 3 permanent redirects)
    config_url: str
    kind: str
    interval: int
    enabled: bool
    status: str  # "new" | "ok" | "failing" | "gone" | "disabled"
    etag: str | None = None
    last_modified: str | None = None
    last_fetch_at: datetime | None = None
    last_success_at: datetime | None = None
    consecutive_failures: int = 0
    last_error: str | None = None
    next_due_at: datetime | None = None
    redirect_target: str | None = None  # last permanent-redirect target seen
    redirect_count: int = 0  # times in a row that target was seen
    baseline_done: bool = False  # first successful fetch recorded
    verified: bool = True  # False: an unconfirmed address (``verified: false`` in feeds.yaml)


@dataclass(frozen=True)
class FetchResult:
    """What one HTTP fetch of one feed produced (no aiohttp objects)."""

    feed_id: str
    outcome: str  # "ok" | "not_modified" | "gone" | "rate_limited" | "error"
    status_code: int | None = None
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()  # lower-cased names
    final_url: str | None = None
    permanent_redirect: str | None = None  # target of a 301/308 chain, if any
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None  # seconds
    error: str | None = None  # human message: names the feed, the problem and the fix
    elapsed: float = 0.0


@dataclass(frozen=True)
class Entry:
    """One feed item, parsed and normalised."""

    feed_id: str
    key: str  # stable identity within the feed ("guid:…", "link:…", "hash:…")
    title: str
    summary: str  # plain text
    link: str | None = None
    published: datetime | None = None  # timezone-aware UTC
    language: str | None = None
    guid: str | None = None
    source: str = ""  # the feed it came through (shown as "via")
    outlet: str = ""  # the publisher (an aggregator's item names it); "" = the feed itself
    outlet_url: str | None = None  # the publisher's article (or, when opaque, its site)
    article_id: str | None = None  # the aggregator's id of the article, across its feeds
    article_url: str | None = None  # the publisher's canonical article URL, when known
    related: tuple[str, ...] = ()  # outlets of related coverage the item lists (story cluster)
    headline_key: str | None = None  # the publisher + headline, folded (same article, other feed)

    @property
    def via(self) -> str:
        return self.source

    @property
    def publisher(self) -> str:
        """The outlet to show: the publisher when the item names one, else the feed."""
        return self.outlet or self.source

    @property
    def text(self) -> str:
        """Title and summary as one text (evidence offsets refer to this)."""
        return f"{self.title}\n{self.summary}" if self.summary else self.title


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True)
class Finding:
    """What extraction found in one Entry.

    ``relevant`` is True only for a vendor's own FR policy change. Government,
    regulator and court actions come back with relevant=False and their actor_type.
    Evidence offsets index into ``Entry.text``.
    """

    relevant: bool
    actor_type: str  # one of ACTOR_TYPES
    vendor: str | None = None
    product: str | None = None
    action: str | None = None  # one of ACTIONS (relevant findings)
    applies_to: str | None = None
    region: str | None = None
    effective: date | None = None
    duration: str | None = None
    confidence: float = 0.0
    evidence: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    # What the item says beyond one change, for the vendor's history (bot.events.history):
    # "deployment" (supplies, trials, launches, expands or runs FR, no reversal wording),
    # "restatement" (reaffirms, clarifies or questions an existing policy),
    # "retrospective" (an authority's earlier act looked back on: no new decision), or None.
    signal: str | None = None


SIGNALS: tuple[str, ...] = ("deployment", "restatement", "retrospective")


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class Mention:
    entry_id: int
    source: str  # the outlet (publisher) of the report
    title: str
    link: str | None
    published: datetime | None
    primary: bool = False  # from the vendor's own newsroom (feed kind "vendor")
    via: str = ""  # the feed it came through, when not the outlet's own


@dataclass(frozen=True)
class Event:
    """One real-world policy change, possibly reported by many outlets."""

    id: int
    key: str
    relevant: bool
    actor_type: str
    vendor: str | None
    product: str | None
    action: str | None
    applies_to: str | None
    region: str | None
    effective: date | None
    duration: str | None
    title: str  # headline of the first (or primary) mention
    evidence: str
    link: str | None
    confidence: float
    first_reported: datetime  # earliest report = the event date
    mention_count: int = 1  # distinct reports (one article through several feeds is one)
    source_count: int = 1  # distinct outlets (publishers), related coverage included
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class EventChange:
    """What recording one Finding did to the events table."""

    event_id: int
    created: bool  # a new event was opened
    mention_added: bool  # the entry became a new mention of an existing event
    fields_changed: tuple[str, ...] = ()  # canonical fields whose voted value changed
    update_id: int | None = None  # row in event_updates, None when capped or nothing new


@dataclass(frozen=True)
class EventUpdate:
    """One follow-up of an event (``store.event_reads.get_update``): a new mention, or a
    canonical field that changed (``detail["changes"]``: [{field, old, new}])."""

    id: int
    event_id: int
    seq: int
    kind: str  # "mention" | "field"
    entry_id: int | None
    detail: Mapping[str, Any]
    created_at: datetime | None = None


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "event" | "entry"
    id: int
    title: str
    snippet: str
    link: str | None
    published: datetime | None
    score: float  # higher is better
    event_id: int | None = None
    vendor: str | None = None
    source: str = ""


# --------------------------------------------------------------------------- delivery


@dataclass(frozen=True)
class Destination:
    """Where a message goes: ``console:``, ``slack:[TEAM/]CHANNEL``, ``discord:CHANNEL``,
    ``slack-webhook:URL``, ``discord-webhook:URL``."""

    platform: str
    channel: str | None = None
    workspace: str | None = None  # Slack team id / Discord guild id, when known
    webhook_url: str | None = None

    def __str__(self) -> str:
        if self.webhook_url:
            return f"{self.platform}:{self.webhook_url}"
        if self.platform == "console":
            return "console:"
        if self.workspace and self.platform == "slack":
            return f"slack:{self.workspace}/{self.channel}"
        return f"{self.platform}:{self.channel}"


@dataclass(frozen=True)
class Filters:
    """Subscription filters; an empty tuple means "any"."""

    vendors: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    actor_types: tuple[str, ...] = ("vendor",)
    min_confidence: float = 0.0


@dataclass(frozen=True)
class DeclaredSubscription:
    """A subscription written in the configuration file (``subscriptions:``)."""

    destination: Destination
    filters: Filters


@dataclass(frozen=True)
class Subscription:
    id: int
    destination: Destination
    filters: Filters
    status: str = "active"  # "active" | "failing"
    last_error: str | None = None
    origin: str = "cli"  # "cli" | "chat" | "config" | "builtin"
    digest: DigestPlan | None = None  # a daily/weekly digest besides or instead of alerts
    alerts: bool = True  # immediate alerts (False: digest only)
    ops: bool = False  # receives operational messages (bot.ops) instead of alerts


@dataclass(frozen=True)
class DigestPlan:
    """When a subscription's digest is sent: ``daily`` or ``weekly`` (Mondays) at
    ``at`` (HH:MM) in ``tz``, for periods ending after ``since``."""

    every: str  # "daily" | "weekly"
    at: str = "08:00"
    tz: str = "UTC"
    since: datetime | None = None


@dataclass(frozen=True)
class Posted:
    """A platform's reference to a posted message (Slack ts, Discord message id)."""

    ref: str
    thread_ref: str | None = None  # where follow-ups go (Slack: same ts; Discord: thread id)
    channel: str | None = None  # channel the platform actually used


@dataclass(frozen=True)
class Delivery:
    """One outbox row: one event (or update) for one destination."""

    id: int
    event_id: int
    subscription_id: int
    kind: str  # "alert" | "update"
    destination: Destination
    attempts: int = 0
    update_id: int | None = None
    parent: Posted | None = None  # the alert's reference, for updates and edits


# --------------------------------------------------------------------------- messages


@dataclass(frozen=True)
class Field:
    name: str
    value: str
    inline: bool = True


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Section:
    """One block of a message: an alert, or one row of a list reply."""

    title: str
    url: str | None = None
    fields: tuple[Field, ...] = ()
    quote: str | None = None  # evidence sentence
    body: str | None = None
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Attachment:
    """A file sent with a message (a chart): Slack uploads it, Discord attaches it."""

    filename: str
    data: bytes
    title: str
    content_type: str = "image/png"


@dataclass(frozen=True)
class Message:
    """A platform-neutral message. Every string is untrusted plain text: each
    platform translator escapes it; URLs are http(s) only."""

    text: str  # complete plain-text fallback
    sections: tuple[Section, ...] = ()
    footer: str | None = None
    accent: str | None = None  # an action name; each platform picks a colour
    ephemeral: bool = True
    attachment: Attachment | None = None  # a file to send with it (a chart)


# --------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class SentenceChange:
    """One difference between two versions of a policy page."""

    kind: str  # "added" | "removed" | "changed"
    old: str | None = None
    new: str | None = None

    @property
    def wording(self) -> str:
        """The sentence as it stands after the change (the old one when removed)."""
        return self.new if self.new is not None else self.old or ""


@dataclass(frozen=True)
class PageVersion:
    """One version of a watched page: its text (by hash) and what changed from the last."""

    feed_id: str
    seq: int  # 1, 2, … per page
    digest: str  # sha256 of the text (page_texts.hash)
    url: str
    seen_at: datetime  # first fetch that showed it (confirmed on the next)
    baseline: bool = False  # a starting point (first fetch, new selector): nothing alerted
    changes: tuple[SentenceChange, ...] = ()
    event_ids: tuple[int, ...] = ()  # events its alerted changes were recorded under
    note: str = ""  # why a baseline was taken


@dataclass(frozen=True)
class PageSummary:
    """A watched page as ``policybot pages`` and ``/frpolicy page`` show it."""

    feed_id: str
    name: str
    url: str
    status: str  # the feed's fetch status
    selector: str
    versions: int
    last_checked_at: datetime | None = None
    last_change_at: datetime | None = None  # the newest non-baseline version
    latest: PageVersion | None = None
    unstable_note: str | None = None
    last_error: str | None = None
