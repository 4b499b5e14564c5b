"""The platform-neutral command core behind ``/frpolicy`` (Slack, Discord) and the CLI.

Adapters parse the platform's payload into a ``Request`` (or pass the raw Slack
text to ``handle_text``), decide ``Caller.can_manage`` with the platform's own
rules, call ``execute`` off the event loop, and render the returned ``Message``.

``execute`` never raises for user mistakes: unknown words, out-of-range numbers
and missing permissions come back as a Message that says what to type instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot import clustering
from bot.commands import replies
from bot.commands.spec import (
    LATEST_DEFAULT,
    LATEST_MAX,
    OPERATOR,
    QUERY_MAX,
    SEARCH_LIMIT,
    SUBSCRIBABLE_ACTORS,
    Caller,
    FeedAdder,
    Request,
    UsageError,
    needs_manage,
)
from bot.commands.text import parse_text
from bot.delivery import page_render, render
from bot.delivery.chart import ChartsUnavailable, timeline_png
from bot.models import ACTIONS, Attachment, Destination, Filters, Message, Subscription
from bot.vendor_lookup import canonical_vendor, close_vendors, known_vendors
from store import Store, event_reads, event_search, outbox
from store import feeds as feeds_store
from store import pages as pages_store
from store import state as state_store
from store import subscriptions as subscriptions_store

# --------------------------------------------------------------------------- execution


def execute(
    store: Store, caller: Caller, request: Request, *, feed_admin: FeedAdder | None = None
) -> Message:
    """Run one command; never raises for user mistakes (returns a Message that says the fix).
    ``feed_admin`` (fetch settings and feeds.yaml's feeds) lets admins add feeds."""
    handler = _HANDLERS.get(request.command)
    if handler is None:
        return replies.help_message(note=f"Unknown command “{request.command[:50]}”.")
    if needs_manage(request) and not caller.can_manage:
        return render.notice(_not_allowed(caller, request.command))
    if request.command == "feeds" and request.url:
        return _add_feed(store, caller, request.url, feed_admin)
    return handler(store, caller, request)


def handle_text(
    store: Store, caller: Caller, text: str, *, feed_admin: FeedAdder | None = None
) -> Message:
    """``parse_text`` then ``execute``; a UsageError becomes a help Message."""
    try:
        request = parse_text(text)
    except UsageError as exc:
        return replies.help_message(note=str(exc))
    return execute(store, caller, request, feed_admin=feed_admin)


def _add_feed(store: Store, caller: Caller, url: str, admin: FeedAdder | None) -> Message:
    """``feeds add URL``: the same checks and trial fetch as `policybot feeds add`."""
    if admin is None:
        return render.notice(
            "Feeds cannot be added here; the operator can run `policybot feeds add URL`."
        )
    text = admin.add_from_chat(store, url[:2000], added_by=f"{caller.platform}:{caller.user_id}")
    return render.notice(text)


def vendor_names(store: Store, prefix: str = "", limit: int = 25) -> list[str]:
    """Known vendor names (gazetteer + store) starting with ``prefix``, for autocomplete."""
    return known_vendors(event_reads.vendor_names(store), prefix=prefix, limit=limit)


def _not_allowed(caller: Caller, command: str) -> str:
    who = caller.manage_hint
    if command == "feeds":
        return f"Only {who} can add feeds. Ask one of them to run `/frpolicy feeds add URL`."
    return f"Only {who} can {command} this channel. Ask one of them to run `/frpolicy {command}`."


def _latest(store: Store, caller: Caller, request: Request) -> Message:
    wanted = request.limit if request.limit is not None else LATEST_DEFAULT
    count = min(max(wanted, 1), LATEST_MAX)
    # vendor events that are not policy changes are skipped, so read a few more
    events = event_reads.recent_events(store, limit=count * 3, actor_types=SUBSCRIBABLE_ACTORS,
                                       with_mentions=True)  # fmt: skip
    events = [e for e in events if e.relevant or e.actor_type != "vendor"][:count]
    message = render.latest(events)
    if count != wanted:
        return replace(message, footer=f"Showing {count} (between 1 and {LATEST_MAX}).")
    return message


def _vendor(store: Store, caller: Caller, request: Request) -> Message:
    known = event_reads.vendor_names(store)
    name = canonical_vendor(request.vendor or "", known) or (request.vendor or "").strip()
    timeline = clustering.timeline(store, name)
    if not timeline.events:
        suggestions = close_vendors(name, known)
        hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
        return render.notice(
            f"No events recorded for “{name[:80]}”.{hint} Try `search {name[:80]}`."
        )
    return render.timeline(timeline.vendor, timeline.events, [s.text for s in timeline.status])


def _timeline(store: Store, caller: Caller, request: Request) -> Message:
    """``timeline VENDOR``: the vendor's timeline with its chart attached (a PNG)."""
    message = _vendor(store, caller, request)
    known = event_reads.vendor_names(store)
    name = canonical_vendor(request.vendor or "", known) or (request.vendor or "").strip()
    timeline = clustering.timeline(store, name)
    if not timeline.events:
        return message
    try:
        chart = timeline_png(timeline)
    except ChartsUnavailable as exc:
        return replace(message, footer=f"No chart: {exc}.")
    attachment = Attachment(chart.filename, chart.png, chart.title)
    return replace(message, attachment=attachment, ephemeral=False)


def _search(store: Store, caller: Caller, request: Request) -> Message:
    query = " ".join((request.query or "").split())[:QUERY_MAX]
    if not query:
        return replies.help_message(note="Usage: search QUERY, e.g. `search moratorium police`.")
    return render.search_results(query, event_search.search(store, query, limit=SEARCH_LIMIT))


def _destination(caller: Caller) -> Destination | None:
    if caller.platform == OPERATOR or not caller.channel:
        return None
    return Destination(caller.platform, channel=caller.channel, workspace=caller.workspace)


def _here_only(caller: Caller) -> Message:
    return render.notice(
        "Run this in the chat channel that should get alerts; from a terminal use "
        "`policybot subscriptions add DEST` / `policybot subscriptions remove DEST`."
    )


def _config_managed(dest: Destination) -> Message:
    return render.notice(
        f"The subscription of {dest} is managed in feeds.yaml (subscriptions:); ask the "
        "operator to change it there, or it would come back on the next restart."
    )


def check_filters(store: Store, filters: Filters) -> tuple[Filters, list[str]]:
    """Validate and normalise subscription filters; returns (filters, problems)."""
    problems: list[str] = []
    actions = tuple(dict.fromkeys(a.lower() for a in filters.actions))
    bad = [a for a in actions if a not in ACTIONS]
    if bad:
        problems.append(f"Unknown action(s) {', '.join(bad)}. Valid actions: {', '.join(ACTIONS)}.")
    actors: list[str] = []
    for actor in (a.lower() for a in filters.actor_types):
        actors.extend(SUBSCRIBABLE_ACTORS if actor in ("any", "all") else [actor])
    bad = [a for a in actors if a not in SUBSCRIBABLE_ACTORS]
    if bad:
        problems.append(
            f"Unknown actor type(s) {', '.join(bad)}. Valid: {', '.join(SUBSCRIBABLE_ACTORS)} (or any)."
        )
    known = event_reads.vendor_names(store)
    vendors: list[str] = []
    for vendor in filters.vendors:
        name = canonical_vendor(vendor, known)
        if name is None:
            close = close_vendors(vendor, known)
            hint = (
                f" Did you mean {', '.join(close)}?" if close else " Check `/frpolicy vendor NAME`."
            )
            problems.append(f"Unknown vendor “{vendor[:80]}”.{hint}")
        elif name not in vendors:
            vendors.append(name)
    checked = Filters(
        vendors=tuple(vendors),
        actions=actions,
        actor_types=tuple(dict.fromkeys(actors)) or ("vendor",),
        min_confidence=min(max(float(filters.min_confidence), 0.0), 1.0),
    )
    return checked, problems


def _subscribe(store: Store, caller: Caller, request: Request) -> Message:
    dest = _destination(caller)
    if dest is None:
        return _here_only(caller)
    if request.ops:
        return _subscribe_ops(store, dest)
    filters, problems = check_filters(store, request.filters)
    if problems:
        return render.notice("Not subscribed. " + " ".join(problems))
    existing = subscriptions_store.find(store, dest)
    if existing is not None and existing.origin == "config":
        return _config_managed(dest)
    sub = subscriptions_store.add(store, dest, filters, origin="chat")
    verb = "Updated" if existing else "Subscribed"
    resumed = (
        " Delivery resumes (it was failing)." if existing and existing.status != "active" else ""
    )
    return render.notice(
        f"{verb}: this channel gets alerts for {render.filters_label(sub)}.{resumed}"
    )


def _subscribe_ops(store: Store, dest: Destination) -> Message:
    existing = subscriptions_store.find(store, dest)
    if existing is not None and existing.origin == "config":
        return _config_managed(dest)
    subscriptions_store.add(store, dest, Filters(), origin="chat", ops=True)
    return render.notice(
        f"{'Updated' if existing else 'Subscribed'}: this channel is the ops channel. It gets "
        "feed health changes, delivery problems and a weekly health summary, and no alerts."
    )


def _unsubscribe(store: Store, caller: Caller, request: Request) -> Message:
    dest = _destination(caller)
    if dest is None:
        return _here_only(caller)
    existing = subscriptions_store.find(store, dest)
    if existing is None:
        return render.notice("This channel has no subscription; nothing to stop.")
    if existing.origin == "config":
        return _config_managed(dest)
    subscriptions_store.remove(store, dest)
    return render.notice("Unsubscribed: this channel gets no more alerts.")


def visible_subscriptions(store: Store, caller: Caller) -> list[Subscription]:
    """What a caller may see: the CLI sees all; a chat caller its own workspace's channels."""
    subs = subscriptions_store.list_subscriptions(store)
    if caller.platform == OPERATOR:
        return subs
    return [
        s for s in subs
        if s.destination.platform == caller.platform
        and s.destination.workspace in (None, caller.workspace)
    ]  # fmt: skip


def _subscriptions(store: Store, caller: Caller, request: Request) -> Message:
    return replies.subscriptions(visible_subscriptions(store, caller))


def _feeds(store: Store, caller: Caller, request: Request) -> Message:
    return replies.feeds(feeds_store.list_feeds(store))


def _page(store: Store, caller: Caller, request: Request) -> Message:
    pages = pages_store.summaries(store)
    name = " ".join((request.query or "").split())[:QUERY_MAX]
    if not name:
        return page_render.page_list(pages)
    page, candidates = page_render.find_page(pages, name)
    if page is None:
        known = f" Watched pages: {', '.join(candidates[:10])}." if candidates else ""
        return render.notice(f"No watched page called “{name[:80]}”.{known}")
    return page_render.page_change(page)


def _status(store: Store, caller: Caller, request: Request) -> Message:
    failing = [s for s in visible_subscriptions(store, caller) if s.status != "active"]
    return replies.status(
        feeds_store.list_feeds(store),
        outbox.queue_depth(store),
        failing,
        state_store.get_value(store, "last_poll_at"),
    )


def _help(store: Store, caller: Caller, request: Request) -> Message:
    return replies.help_message()


_HANDLERS: dict[str, Callable[[Store, Caller, Request], Message]] = {
    "latest": _latest,
    "vendor": _vendor,
    "timeline": _timeline,
    "search": _search,
    "subscribe": _subscribe,
    "unsubscribe": _unsubscribe,
    "subscriptions": _subscriptions,
    "feeds": _feeds,
    "page": _page,
    "status": _status,
    "help": _help,
}
