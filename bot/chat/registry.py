"""The chat platforms: one registry line each.

A new platform is one module (or package) defining a ``Platform`` (see
``bot.delivery.platform``) plus one line in ``PLATFORMS``; configuration, destination
parsing, posters, runtimes and the dispatcher's hints all read it from here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from bot.chat import console, discord, slack
from bot.delivery.platform import DestinationError, DestinationForm, Platform
from bot.models import Destination

PLATFORMS: list[Platform] = [
    console.PLATFORM,
    slack.PLATFORM,
    discord.PLATFORM,
]


def platforms() -> tuple[Platform, ...]:
    return tuple(PLATFORMS)


def forms() -> tuple[DestinationForm, ...]:
    return tuple(form for platform in PLATFORMS for form in platform.destinations)


def form(prefix: str) -> DestinationForm | None:
    return next((f for f in forms() if f.prefix == prefix), None)


def owner(prefix: str) -> Platform | None:
    """The platform that serves destinations written ``prefix:…``."""
    return next((p for p in PLATFORMS if any(f.prefix == prefix for f in p.destinations)), None)


@contextlib.contextmanager
def registered(platform: Platform) -> Iterator[Platform]:
    """Add ``platform`` for the duration of a ``with`` block (tests, plugins)."""
    taken = {f.prefix for f in forms()} & {f.prefix for f in platform.destinations}
    if taken or any(p.name == platform.name for p in PLATFORMS):
        raise ValueError(f"platform {platform.name!r} or prefix {sorted(taken)} already registered")
    PLATFORMS.append(platform)
    try:
        yield platform
    finally:
        PLATFORMS.remove(platform)


def usage() -> str:
    """The accepted destination forms, for error messages."""
    written = [f.usage for f in forms() if f.paced]  # the console needs no introduction
    return "use " + ", ".join(written[:-1]) + " or " + written[-1]


def parse_destination(text: str, *, allow_local_webhooks: bool = False) -> Destination:
    """Parse and validate a destination string (from the CLI, config or chat)."""
    prefix, sep, rest = text.strip().partition(":")
    if not sep:
        raise DestinationError(f"{text!r} has no platform prefix; {usage()}.")
    found = form(prefix)
    if found is None:
        raise DestinationError(f"{text!r}: unknown platform {prefix!r}; {usage()}.")
    try:
        return found.parse(text, rest, allow_local_webhooks)
    except DestinationError as exc:
        if str(exc).endswith("."):
            raise
        raise DestinationError(f"{exc}; {usage()}.") from exc
