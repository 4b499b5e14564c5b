"""Neutral ``Message`` → Discord embed JSON: the one pure Discord translator.

No discord.py import here (``bot/chat/discord/`` owns the SDK); the result is
plain embed dicts in the shape of Discord's API, which the adapter wraps with
``discord.Embed.from_dict``. Every string in a ``Message`` is untrusted feed
text, so it is made inert before it reaches Discord:

* mentions cannot fire: ``@everyone``/``@here`` and ``<@…>``, ``<@&…>``, ``<#…>``,
  ``</…>`` get a zero-width space (the adapter also sends ``allowed_mentions``
  with ``parse: []`` on every request; this is defence in depth);
* markdown is escaped, so ``[text](url)`` cannot forge a masked link;
* URLs are used only when they are plain http(s) URLs.

Discord's limits are respected with safe truncation: title 256, description
4096, field name 256, field value 1024, 25 fields, footer 2048, 10 embeds and
6000 characters in all the embeds of one message.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from bot.delivery import links
from bot.models import Field, Message, Section
from bot.vocabulary import action_info

TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FIELDS_MAX = 25
FOOTER_MAX = 2048
EMBEDS_MAX = 10
TOTAL_MAX = 6000
URL_MAX = 2048

ELLIPSIS = "…"
ZWSP = "\u200b"
EMPTY = "—"  # Discord rejects empty field names and values

DEFAULT_COLOUR = 0x95A5A6  # anything but an action (Message.accent) gets the neutral grey

_MASS_MENTION = re.compile(r"@(everyone|here)", re.IGNORECASE)
_ENTITY_MENTION = re.compile(r"<(?=[@#/]|a?:\w)")
_INLINE_MARKDOWN = re.compile(r"([\\*_~`|\[\]()])")
_LINE_START = re.compile(r"^(\s*)([#>\-])", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def colour_for(accent: str | None) -> int:
    info = action_info(accent)  # one colour per action, in bot/vocabulary.py
    return info.colour if info else DEFAULT_COLOUR


def neutralise_mentions(text: str) -> str:
    """Break every mention form so it renders as text and can never ping."""
    text = _MASS_MENTION.sub(lambda m: f"@{ZWSP}{m.group(1)}", text)
    return _ENTITY_MENTION.sub(f"<{ZWSP}", text)


def escape_markdown(text: str) -> str:
    text = _INLINE_MARKDOWN.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", text)


def inert(text: str | None) -> str:
    """Untrusted text made safe for any Discord text slot."""
    if not text:
        return ""
    return neutralise_mentions(escape_markdown(_CONTROL.sub("", text)))


def safe_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) URL Discord accepts, else None."""
    return links.safe_url(url, max_length=URL_MAX)


def truncate(text: str, limit: int) -> str:
    """At most ``limit`` characters, ending in an ellipsis when shortened; never
    leaves a dangling escape backslash."""
    if len(text) <= limit:
        return text
    if limit <= 0:
        return ""
    cut = text[: limit - 1]
    trailing = len(cut) - len(cut.rstrip("\\"))
    if trailing % 2:
        cut = cut[:-1]
    return cut + ELLIPSIS


def to_embeds(message: Message) -> list[dict[str, Any]]:
    """Translate a neutral message into at most 10 embeds within all Discord limits."""
    sections = list(message.sections)
    if not sections:
        sections = [Section(title="", body=message.text)]
    overflow = len(sections) - EMBEDS_MAX
    if overflow > 0:
        sections = sections[: EMBEDS_MAX - 1] + [_overflow_section(sections[EMBEDS_MAX - 1 :])]
    colour = colour_for(message.accent)
    embeds = [_section_embed(section, colour) for section in sections]
    if message.footer:
        embeds[-1]["footer"] = {"text": truncate(inert(message.footer), FOOTER_MAX)}
    _fit_total(embeds)
    return embeds


def embeds_length(embeds: list[dict[str, Any]]) -> int:
    """Characters Discord counts towards the 6000 limit of one message."""
    return sum(len(text) for embed in embeds for text, _ in _slots(embed))


def _section_embed(section: Section, colour: int) -> dict[str, Any]:
    embed: dict[str, Any] = {"type": "rich", "color": colour}
    title = truncate(inert(section.title), TITLE_MAX)
    if title:
        embed["title"] = title
        url = safe_url(section.url)
        if url:
            embed["url"] = url
    description = truncate(_description(section), DESCRIPTION_MAX)
    if description:
        embed["description"] = description
    fields = [_field(f) for f in section.fields[:FIELDS_MAX]]
    if len(section.fields) > FIELDS_MAX:
        fields[-1] = {"name": "More", "value": f"{len(section.fields) - FIELDS_MAX + 1} more fields not shown", "inline": False}  # fmt: skip
    if fields:
        embed["fields"] = fields
    if not title and not description and not fields:
        embed["description"] = EMPTY
    return embed


def _description(section: Section) -> str:
    parts: list[str] = []
    if section.quote:
        quoted = inert(section.quote.strip())
        parts.append("\n".join(f"> {line}" for line in quoted.splitlines() or [""]))
    if section.body:
        parts.append(inert(section.body.strip()))
    links = [text for link in section.links if (text := _masked_link(link.label, link.url))]
    if links:
        parts.append(" · ".join(links))
    return "\n".join(part for part in parts if part)


def _masked_link(label: str, url: str) -> str | None:
    """``[label](url)`` built by us: the label escaped, the URL validated and encoded
    so it cannot close the link early."""
    target = safe_url(url)
    if target is None:
        return inert(label) or None
    target = quote(target, safe=":/?#@!$&'*+,;=%~-._")  # encodes ( ) < > [ ] and quotes
    text = truncate(inert(label) or EMPTY, 200)
    return f"[{text}]({target})"


def _field(field: Field) -> dict[str, Any]:
    return {
        "name": truncate(inert(field.name), FIELD_NAME_MAX) or EMPTY,
        "value": truncate(inert(field.value), FIELD_VALUE_MAX) or EMPTY,
        "inline": bool(field.inline),
    }


def _overflow_section(rest: list[Section]) -> Section:
    """The sections beyond the 10th embed, listed by title in one last embed."""
    lines = [f"{number}. {section.title}" for number, section in enumerate(rest, start=EMBEDS_MAX)]
    return Section(title=f"… and {len(rest)} more", body="\n".join(lines))


# ------------------------------------------------------------------ 6000 in total


def _slots(embed: dict[str, Any]) -> list[tuple[str, tuple[Any, ...]]]:
    """Every counted text of an embed with a path to write it back."""
    slots: list[tuple[str, tuple[Any, ...]]] = []
    for key in ("title", "description"):
        if key in embed:
            slots.append((embed[key], (key,)))
    for index, field in enumerate(embed.get("fields", [])):
        slots.append((field["name"], ("fields", index, "name")))
        slots.append((field["value"], ("fields", index, "value")))
    if "footer" in embed:
        slots.append((embed["footer"]["text"], ("footer", "text")))
    return slots


def _fit_total(embeds: list[dict[str, Any]]) -> None:
    """Shorten the longest texts first (one common cap) until the total fits."""
    slots = [(embed, text, path) for embed in embeds for text, path in _slots(embed)]
    total = sum(len(text) for _, text, _ in slots)
    if total <= TOTAL_MAX:
        return
    low, high = 1, max(len(text) for _, text, _ in slots)
    while low < high:  # the largest cap that fits
        mid = (low + high + 1) // 2
        if sum(min(len(text), mid) for _, text, _ in slots) <= TOTAL_MAX:
            low = mid
        else:
            high = mid - 1
    for embed, text, path in slots:
        _write(embed, path, truncate(text, low) or EMPTY[:low])


def _write(embed: dict[str, Any], path: tuple[Any, ...], value: str) -> None:
    target: Any = embed
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
