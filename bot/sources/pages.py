"""Watching a policy page: what one fetch of a page means (pure; no I/O).

A page (``kind: page`` in feeds.yaml) is fetched like a feed; its policy text
(``bot.sources.page_text``) is compared with the page's current version:

- the first text is the **baseline** (recorded, never alerted), as for feeds;
- a text that differs is **pending** until the next fetch shows the same text
  again (the pipeline re-fetches a page with a pending text after
  ``CONFIRM_AFTER`` seconds); only then is it a **change**, diffed sentence by
  sentence against the current version;
- a page whose text differs on ``CHURN_LIMIT`` fetches in a row (a selector that
  takes in a rotating banner, a counter or a per-visit token) never confirms: it
  is reported **once** as unstable, with what keeps changing and the fix, and
  nothing it shows is alerted until ``CHURN_LIMIT`` fetches in a row agree again
  (its text then is a new baseline; what changed is kept in the history).

``evidence_probe`` and ``change_entry`` turn a sentence change into what the
extractor reads and what the store records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit, urlunsplit

from bot.models import Entry, Finding, SentenceChange
from bot.sources.sentence_diff import diff

if TYPE_CHECKING:
    from bot.sources.page_text import PageText

CHURN_LIMIT = 3  # fetches in a row with a different text: the page is unstable
CONFIRM_AFTER = 120  # seconds before a pending text is fetched again
# a removed sentence that stated one of these is a commitment withdrawn: a reversal
COMMITMENTS = frozenset({"moratorium", "extension", "ban", "restriction", "exit"})
_KEY_FIELDS = ("vendor", "action", "applies_to", "effective", "duration", "region")


@dataclass(frozen=True)
class PageWatch:
    """What the store knows about one watched page before this fetch."""

    feed_id: str
    name: str
    url: str
    selector: str = ""  # the selector its versions were taken with ("" = main text)
    current_seq: int = 0  # 0: no version yet
    current_text: str | None = None  # sentences, one per line
    current_hash: str | None = None
    last_hash: str | None = None  # the text of the last fetch (maybe unconfirmed)
    last_text: str | None = None
    churn: int = 0  # fetches in a row that differed (> 0) or, while unstable, agreed (< 0)
    unstable_note: str | None = None  # set while the page is reported unstable


@dataclass(frozen=True)
class PageStep:
    kind: str  # "baseline" | "same" | "pending" | "changed" | "unstable"
    churn: int = 0
    changes: tuple[SentenceChange, ...] = ()
    note: str | None = None  # the unstable report, once; kept while unstable
    reason: str = ""  # why a baseline was taken


def step(watch: PageWatch, text: PageText, *, selector: str) -> PageStep:
    """What this fetch's ``text`` means for the page."""
    digest = text.digest
    if watch.current_hash is None:
        return PageStep("baseline", reason="first fetch")
    if watch.selector != selector:
        return PageStep("baseline", reason="the selector changed")
    if digest == watch.last_hash:  # two fetches in a row agree
        if watch.unstable_note:
            return _settling(watch, text)
        if digest == watch.current_hash:
            return PageStep("same")
        return PageStep("changed", changes=_diff(watch, text))
    churn = max(watch.churn, 0) + 1
    if churn >= CHURN_LIMIT:
        if watch.unstable_note:
            return PageStep("pending", churn=churn, note=watch.unstable_note)
        return PageStep("unstable", churn=churn, note=unstable_note(watch, text, churn, selector))
    kind = "same" if digest == watch.current_hash else "pending"
    return PageStep(kind, churn=churn, note=watch.unstable_note)


def _settling(watch: PageWatch, text: PageText) -> PageStep:
    """An unstable page whose fetches agree again: after ``CHURN_LIMIT`` agreeing
    fetches in a row (counted as a negative ``churn``) it is stable; a text that
    differs from the last version then becomes a baseline whose changes are kept
    for the history but not alerted (they may be the churn's last state)."""
    streak = min(watch.churn, 0) - 1
    if -streak < CHURN_LIMIT:
        return PageStep("pending", churn=streak, note=watch.unstable_note)
    if text.digest == watch.current_hash:
        return PageStep("same")
    return PageStep("baseline", changes=_diff(watch, text),
                    reason="settled after changing on every fetch; changes not alerted")  # fmt: skip


def _diff(watch: PageWatch, text: PageText) -> tuple[SentenceChange, ...]:
    return tuple(diff((watch.current_text or "").split("\n"), list(text.sentences)))


def unstable_note(watch: PageWatch, text: PageText, churn: int, selector: str) -> str:
    """The one report of a page that changes on every fetch: what changes, and the fix."""
    before = (watch.last_text or watch.current_text or "").split("\n")
    moving = [c.wording for c in diff(before, list(text.sentences))][:2]
    sample = " / ".join(f"“{_clip(s, 120)}”" for s in moving) or "(whitespace only)"
    fix = (
        f"the selector {selector!r} takes in changing content: narrow it in feeds.yaml to the "
        "element that holds only the policy text"
        if selector
        else "set `selector:` for this page in feeds.yaml to the element that holds only the "
        "policy text (e.g. main, article or #policy)"
    )
    return (
        f"page {watch.name!r} ({watch.url}): its text differed on each of the last {churn} "
        f"fetches, so its changes are not alerted (a change must be seen on two fetches in a "
        f"row). What keeps changing: {sample}. Fix: {fix}."
    )


# --------------------------------------------------------------------------- evidence

_FIRST_PERSON = re.compile(r"\b(we|us|ourselves|our|ours)\b", re.I)


def evidence_probe(sentence: str, *, feed_id: str, vendor: str | None, when: datetime) -> Entry:
    """What the extractor reads for one sentence of a vendor's page: the sentence
    alone, with the page's first person ("we", "our") read as the vendor."""
    if vendor:
        sentence = _FIRST_PERSON.sub(
            lambda m: f"{vendor}'s" if m.group(1).lower().startswith("our") else vendor, sentence
        )
    return Entry(feed_id=feed_id, key="probe", title=sentence, summary="", published=when)


def policy_finding(
    change: SentenceChange, old: Finding | None, new: Finding | None
) -> Finding | None:
    """The vendor FR policy change a sentence change makes, if any.

    An added or reworded sentence counts with what it now says (a pause reworded
    to another term is an extension); a removed sentence
    (or one reworded into no commitment) that stated a commitment withdraws it: a
    reversal of the same vendor's policy for the same group. A rewording that
    states the same thing is no change."""
    if new is not None and _vendor_policy(new):
        if old is not None and _vendor_policy(old):
            if _same(old, new):
                return None
            if old.action == new.action == "moratorium" and old.duration != new.duration:
                return replace(new, action="extension")  # the pause's term was reworded
        return new
    if old is not None and _vendor_policy(old) and old.action in COMMITMENTS:
        return Finding(relevant=True, actor_type="vendor", vendor=old.vendor,
                       product=old.product, action="reversal", applies_to=old.applies_to,
                       region=old.region, confidence=old.confidence)  # fmt: skip
    return None


def _vendor_policy(finding: Finding) -> bool:
    return finding.relevant and finding.actor_type == "vendor" and bool(finding.action)


def _same(a: Finding, b: Finding) -> bool:
    return all(getattr(a, name) == getattr(b, name) for name in _KEY_FIELDS)


_LABELS = {"added": "sentence added", "removed": "sentence removed", "changed": "sentence reworded"}


def evidence_text(change: SentenceChange) -> str:
    """The evidence of a page change: the sentence with its old and new wording."""
    if change.kind == "added":
        return f"Added: {change.new}"
    if change.kind == "removed":
        return f"Removed: {change.old}"
    return f"Was: {change.old} → Now: {change.new}"


def change_entry(
    watch: PageWatch, change: SentenceChange, *, seq: int, index: int, when: datetime
) -> Entry:
    """The entry recorded for one alerted sentence change of version ``seq``."""
    return Entry(
        feed_id=watch.feed_id,
        key=f"page:{seq}:{index}",
        title=f"Policy page {_LABELS[change.kind]}: {_clip(change.wording, 90)}",
        summary=evidence_text(change),
        link=sentence_link(watch.url, change.new if change.kind != "removed" else None),
        published=when,
        source=watch.name,
    )


def rebased(finding: Finding, entry: Entry) -> Finding:
    """``finding`` with the entry's evidence (its summary) as evidence, offsets into
    ``entry.text``."""
    start = len(entry.title) + 1
    return Finding(**{**finding.__dict__, "evidence": entry.summary,
                      "evidence_start": start, "evidence_end": start + len(entry.summary)})  # fmt: skip


def sentence_link(url: str, sentence: str | None) -> str:
    """The page's address, pointing at ``sentence`` with a text fragment
    (``#:~:text=start,end``) that browsers scroll to and highlight."""
    parts = urlsplit(url)
    if not sentence:
        return urlunsplit(parts._replace(fragment=""))
    words = sentence.split()
    if len(words) <= 8:
        spec = _fragment(" ".join(words))
    else:
        spec = f"{_fragment(' '.join(words[:4]))},{_fragment(' '.join(words[-4:]))}"
    return urlunsplit(parts._replace(fragment=f":~:text={spec}"))


def _fragment(text: str) -> str:
    return quote(text, safe="")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
