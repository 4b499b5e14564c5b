"""What the page commands say: the watched pages, a page's last change, its history.

Pure, like ``bot.delivery.render``: values in, a plain-text ``Message`` (or lines
for the terminal) out; each platform translator escapes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.delivery.links import safe_url
from bot.delivery.render import day, one_line, plural
from bot.models import Field, Link, Message, PageSummary, PageVersion, Section, SentenceChange

MAX_CHANGES_SHOWN = 5


def find_page(pages: Sequence[PageSummary], name: str) -> tuple[PageSummary | None, list[str]]:
    """The page called ``name`` (its id or name, any case, or a unique part of the name),
    else None and the names it could mean."""
    wanted = " ".join(name.split()).casefold()
    for page in pages:
        if wanted in (page.feed_id.casefold(), page.name.casefold()):
            return page, []
    partial = [page for page in pages if wanted and wanted in page.name.casefold()]
    if len(partial) == 1:
        return partial[0], []
    return None, [page.name for page in partial or pages]


def change_lines(change: SentenceChange) -> list[str]:
    if change.kind == "added":
        return [f"+ {change.new}"]
    if change.kind == "removed":
        return [f"- {change.old}"]
    return [f"~ was: {change.old}", f"  now: {change.new}"]


def version_line(version: PageVersion) -> str:
    when = version.seen_at.strftime("%Y-%m-%d %H:%M")
    what = f"baseline ({version.note})" if version.baseline else _counts(version.changes)
    events = (
        f" · event {', '.join(f'#{i}' for i in version.event_ids)}" if version.event_ids else ""
    )
    return f"v{version.seq}  {when}  sha256:{version.digest[:12]}  {what}{events}"


def _counts(changes: Sequence[SentenceChange]) -> str:
    if not changes:
        return "no sentence changed"
    kinds = [c.kind for c in changes]
    parts = [plural(kinds.count(k), f"sentence {k}") for k in ("added", "removed", "changed")]
    return ", ".join(p for p in parts if not p.startswith("0 "))


def status_label(page: PageSummary) -> str:
    if page.unstable_note:
        return "unstable"
    return page.status


def page_list(pages: Sequence[PageSummary]) -> Message:
    """Each watched page: status, last change, versions kept."""
    if not pages:
        return Message(text="No policy pages are watched; add `kind: page` entries to feeds.yaml.")
    sections = []
    lines = []
    for page in pages:
        changed = day(page.last_change_at) if page.last_change_at else "none since baseline"
        body = f"{status_label(page)} · last change: {changed} · {plural(page.versions, 'version')}"
        sections.append(Section(title=one_line(page.name, 150), url=safe_url(page.url), body=body))
        lines.append(f"{page.name}: {body}")
    return Message(text="\n".join(lines), sections=tuple(sections))


def page_change(page: PageSummary) -> Message:
    """A page's last change: each changed sentence with its old and new wording."""
    url = safe_url(page.url)
    latest = page.latest
    fields = (
        Field("Versions", str(page.versions)),
        Field("Status", status_label(page)),
        Field("Last checked", day(page.last_checked_at)),
    )
    if latest is None:
        body = "No change since the first fetch (the baseline)."
    else:
        shown = [line for c in latest.changes[:MAX_CHANGES_SHOWN] for line in change_lines(c)]
        more = len(latest.changes) - MAX_CHANGES_SHOWN
        if more > 0:
            shown.append(f"… and {plural(more, 'more change')} (`policybot page-history`)")
        body = f"Changed {day(latest.seen_at)} (version {latest.seq}):\n" + "\n".join(
            one_line(line, 400) for line in shown
        )
    if page.unstable_note:
        body += f"\n{one_line(page.unstable_note, 600)}"
    section = Section(title=one_line(page.name, 150), url=url, fields=fields, body=body,
                      links=(Link("page", url),) if url else ())  # fmt: skip
    text = "\n".join(x for x in (page.name, url or "", body) if x)
    return Message(text=text, sections=(section,))
