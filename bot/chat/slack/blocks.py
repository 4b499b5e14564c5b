"""The pure Slack translator: a neutral ``Message`` → Block Kit JSON + fallback text.

Every string in a ``Message`` is untrusted feed text. Here it is made inert:
``&``, ``<`` and ``>`` are escaped so it can never form ``<!channel>``,
``<@U…>``, ``<#C…>`` or ``<url|label>``; the words ``@channel``, ``@here`` and
``@everyone`` get a word joiner after the ``@``; mrkdwn objects are sent
``verbatim`` so Slack does not auto-parse mentions either. Links are built here
only from validated http(s) URLs. Text is clipped to Slack's limits without
cutting an escape sequence in half.

No slack_sdk import here (``bot.chat.slack.poster`` owns the SDK): the blocks are
plain dicts in Block Kit's shape, which ``bot.chat.slack.poster.to_blocks`` parses into
slack_sdk's Block Kit models, so the SDK validates every limit again.
"""

from __future__ import annotations

import re
from typing import Any

from bot.delivery import links
from bot.models import Field, Link, Message, Section

HEADER_MAX = 150
SECTION_MAX = 3000
FIELD_MAX = 2000
FIELDS_MAX = 10
CONTEXT_MAX = 3000  # per context element (Slack's text object limit)
BLOCKS_MAX = 50
FALLBACK_MAX = 3000
ELLIPSIS = "…"
WORD_JOINER = "\u2060"

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BAD_URL_CHARS = re.compile(r"[\s<>|\"'`\\\x00-\x1f\x7f]")


def neutralise(text: str) -> str:
    """Break ``@channel``/``@here``/``@everyone`` and drop control characters."""
    text = _CONTROL.sub("", text)
    return _BROADCAST.sub(lambda m: "@" + WORD_JOINER + m.group(1), text)


def escape(text: str, limit: int | None = None) -> str:
    """Neutralise and escape ``text``; with ``limit``, clip to that many characters
    (ellipsis included) at a character boundary, never inside ``&amp;``."""
    pieces = [_ESCAPES.get(ch, ch) for ch in neutralise(text)]
    if limit is None or sum(map(len, pieces)) <= limit:
        return "".join(pieces)
    out: list[str] = []
    used = 0
    for piece in pieces:
        if used + len(piece) + len(ELLIPSIS) > limit:
            break
        out.append(piece)
        used += len(piece)
    return "".join(out).rstrip() + ELLIPSIS


def safe_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) URL that cannot break out of ``<url|label>``."""
    checked = links.safe_url(url)
    return checked.replace("&", "&amp;") if checked else None


def link(label: str, url: str | None, limit: int = 500) -> str:
    """``<url|label>`` for a valid URL, else the escaped label alone."""
    target = safe_url(url)
    text = escape(label.replace("|", "¦"), limit) or "link"
    return f"<{target}|{text}>" if target else text


Block = dict[str, Any]


def _mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text or "—", "verbatim": True}


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text)}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [_mrkdwn(text)]}


def _clip_built(text: str, limit: int) -> str:
    """Clip already-escaped mrkdwn at a line boundary (never inside a token)."""
    if len(text) <= limit:
        return text
    kept: list[str] = []
    used = 0
    for line in text.split("\n"):
        if used + len(line) + 1 + len(ELLIPSIS) > limit:
            break
        kept.append(line)
        used += len(line) + 1
    return "\n".join(kept) + "\n" + ELLIPSIS if kept else ELLIPSIS


def _field(field: Field) -> dict[str, Any]:
    name = escape(field.name, 200)
    return _mrkdwn(f"*{name}*\n" + escape(field.value or "—", FIELD_MAX - len(name) - 3))


def _links_text(section: Section) -> str:
    links: list[Link] = list(section.links)
    if section.url and safe_url(section.url) and all(lk.url != section.url for lk in links):
        links.insert(0, Link(label="Read the report", url=section.url))
    parts: list[str] = []
    used = 0
    for item in links:
        piece = link(item.label, item.url, 200)
        if used + len(piece) + 3 > CONTEXT_MAX - len(ELLIPSIS):
            parts.append(ELLIPSIS)
            break
        parts.append(piece)
        used += len(piece) + 3
    return " · ".join(parts)


def _quote(text: str) -> str:
    body = escape(text, SECTION_MAX - 100)
    quoted = "\n".join(f">{line}" if line else ">" for line in body.split("\n"))
    return _clip_built(quoted, SECTION_MAX)


def section_blocks(section: Section, *, header: bool) -> list[Block]:
    """The blocks of one section: a header (or bold title), fields, quote, body, links."""
    blocks: list[Block] = []
    if header:
        blocks.append(
            {
                "type": "header",
                "text": {"type": "plain_text", "text": escape(section.title, HEADER_MAX) or "—"},
            }
        )
    else:
        title = (
            link(section.title, section.url, 500)
            if section.url
            else escape(section.title, SECTION_MAX - 10)
        )
        blocks.append(_section(f"*{title}*"))
    if section.fields:
        blocks.append(
            {"type": "section", "fields": [_field(f) for f in section.fields[:FIELDS_MAX]]}
        )
    if section.quote:
        blocks.append(_section(_quote(section.quote)))
    if section.body:
        blocks.append(_section(escape(section.body, SECTION_MAX)))
    if section.links or (header and section.url):
        text = _links_text(section)
        if text:
            blocks.append(_context(text))
    return blocks


def build_blocks(message: Message) -> tuple[str, list[dict[str, Any]]]:
    """Translate ``message`` into (fallback text, Block Kit blocks as dicts)."""
    fallback = escape(
        message.text or (message.sections[0].title if message.sections else ""), FALLBACK_MAX
    )
    blocks: list[Block] = []
    single = len(message.sections) == 1
    if not message.sections and message.text:
        blocks.append(_section(escape(message.text, SECTION_MAX)))
    reserve = 2 if message.footer else 1  # room for the footer and a "more" note
    shown = 0
    for index, section in enumerate(message.sections):
        part: list[Block] = [] if single or index == 0 else [{"type": "divider"}]
        part += section_blocks(section, header=single)
        if len(blocks) + len(part) > BLOCKS_MAX - reserve:
            break
        blocks += part
        shown += 1
    hidden = len(message.sections) - shown
    if hidden:
        blocks.append(_context(f"…and {hidden} more not shown."))
    if message.footer:
        blocks.append(_context(escape(message.footer, CONTEXT_MAX)))
    return fallback or "policybot", blocks
