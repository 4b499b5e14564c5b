"""The console platform: alerts as readable text on a stream (stdout by default).

Feed text is untrusted: ANSI escape sequences, other control characters and
bidirectional overrides are stripped so a feed item cannot recolour, move the
cursor, retitle the terminal or visually reorder what follows it.
"""

from __future__ import annotations

import re
import sys
import unicodedata
import uuid
from collections.abc import Mapping
from typing import Any, TextIO

from bot.delivery.platform import DestinationForm, Platform, PosterContext
from bot.delivery.poster import Poster
from bot.errors import ConfigError
from bot.models import Destination, Message, Posted, Section

_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]"  # other two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), None)


def clean(text: str | None, *, multiline: bool = False) -> str:
    """``text`` without escape sequences or control characters (newlines kept
    only when ``multiline``; other whitespace controls become spaces)."""
    if not text:
        return ""
    text = _ANSI.sub("", text).translate(_BIDI)
    out = []
    for ch in text:
        if ch == "\n" and multiline:
            out.append(ch)
        elif ch in "\t\r\n\x0b\x0c":
            out.append(" ")
        elif unicodedata.category(ch) != "Cc":
            out.append(ch)
    result = "".join(out)
    if not multiline:
        return " ".join(result.split())
    return "\n".join(" ".join(line.split()) for line in result.split("\n"))


class ConsolePoster:
    """Poster for the ``console`` platform: writes each message as a block of lines."""

    platforms: frozenset[str] = frozenset({"console"})

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._footers: dict[str, str] = {}  # what each alert printed last, by its ref

    async def post(
        self, dest: Destination, message: Message, *, thread: Posted | None = None
    ) -> Posted:
        ref = uuid.uuid4().hex[:12]
        indent = "    ↳ " if thread else ""
        lines = render_lines(message)
        rule = "─" * 72
        out = [] if thread else [rule]
        out += [f"{indent if i == 0 else ' ' * len(indent)}{line}" for i, line in enumerate(lines)]
        self._write(out)
        if not thread and message.footer:
            self._footers[ref] = message.footer
        thread_ref = (thread.thread_ref or thread.ref) if thread else ref
        return Posted(ref=ref, thread_ref=thread_ref, channel="console")

    async def edit(self, dest: Destination, posted: Posted, message: Message) -> None:
        """A terminal cannot rewrite history: print the new footer as a note instead."""
        if message.footer and self._footers.get(posted.ref) != message.footer:
            self._footers[posted.ref] = message.footer
            self._write([f"    (alert {posted.ref} now: {clean(message.footer)})"])

    async def close(self) -> None:
        self.stream.flush()

    def _write(self, lines: list[str]) -> None:
        self.stream.write("\n".join(lines) + "\n")
        self.stream.flush()


def render_lines(message: Message) -> list[str]:
    """Plain lines for a terminal: title, fields, headline, link, evidence, sources."""
    if not message.sections:
        return clean(message.text, multiline=True).split("\n")
    lines: list[str] = []
    for section in message.sections:
        lines += _section_lines(section)
    if message.footer:
        lines.append(clean(message.footer))
    return lines


def _section_lines(section: Section) -> list[str]:
    lines = [clean(section.title)]
    if section.fields:
        lines.append(" | ".join(f"{clean(f.name)}: {clean(f.value)}" for f in section.fields))
    if section.body:
        lines += clean(section.body, multiline=True).split("\n")
    if section.url:
        lines.append(f"link: {clean(section.url)}")
    if section.quote:
        lines.append(f"evidence: “{clean(section.quote)}”")
    others = [link for link in section.links if link.url != section.url]
    if others:
        lines.append("sources: " + ", ".join(f"{clean(x.label)} <{clean(x.url)}>" for x in others))
    return lines


# --------------------------------------------------------------------------- registry entry


def _load_settings(raw: Any, env: Mapping[str, str], where: str) -> bool:
    """``console: true|false`` (default true): alerts on standard output."""
    if raw is None:
        return True
    if not isinstance(raw, bool):
        raise ConfigError(f"{where}: 'console' must be true or false.")
    return raw


def _parse(text: str, rest: str, allow_local: bool) -> Destination:
    return Destination("console")


def _posters(settings: bool, context: PosterContext) -> list[Poster]:
    return [ConsolePoster(context.stream or sys.stdout)] if settings else []


PLATFORM = Platform(
    name="console",
    label="console",
    section="console",
    destinations=(
        DestinationForm(
            "console",
            "console:",
            "console:",
            _parse,
            "set 'console: true' in feeds.yaml",
            paced=False,
        ),
    ),  # fmt: skip
    load_settings=_load_settings,
    posters=_posters,
    enabled=bool,
)
