"""What a chat platform tells the rest of policybot: the ``Platform`` registry entry.

One ``Platform`` per chat platform (``bot.chat.registry`` lists them): its name, the
destinations it serves and their syntax, its ``feeds.yaml`` section, what to set to
enable it, the posters that deliver to it and the interactive runtime, if any.
Nothing outside the platform's own module knows these things.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TextIO
from urllib.parse import urlsplit

from bot.delivery.poster import Poster
from bot.models import Destination

if TYPE_CHECKING:
    from store import Store


class DestinationError(ValueError):
    """A destination string that cannot be used; the message shows the accepted forms."""


class Runtime(Protocol):
    """An interactive chat connection (Slack Socket Mode/HTTP, Discord gateway)."""

    async def start(self) -> None: ...
    async def stop(self) -> None: ...


@dataclass(frozen=True)
class DestinationForm:
    """One kind of destination a platform serves: ``prefix:REST``."""

    prefix: str  # before the colon; also ``Destination.platform``
    usage: str  # e.g. "slack:CHANNEL_ID", shown when a destination cannot be read
    example: str  # a valid destination, e.g. "slack:C0123ABCD" (docs and tests)
    parse: Callable[[str, str, bool], Destination]  # (whole text, REST, allow local hooks)
    enable_hint: str  # what to set so that posters for it exist
    paced: bool = True  # False: no rate limit to respect (a terminal)


@dataclass(frozen=True)
class PosterContext:
    """What a platform's poster factory may use besides its settings."""

    store: Store | None = None  # e.g. where OAuth installations are kept
    stream: TextIO | None = None  # the console's output
    runtime: Runtime | None = None  # this platform's running runtime (shares its client)


@dataclass(frozen=True)
class Platform:
    name: str  # "slack"
    label: str  # "Slack", for people
    section: str  # its feeds.yaml key
    destinations: tuple[DestinationForm, ...]
    load_settings: Callable[[Any, Mapping[str, str], str], Any]  # (section, env, file)
    posters: Callable[[Any, PosterContext], list[Poster]]  # (settings, context)
    enabled: Callable[[Any], bool]  # whether its settings turn it on
    runtime: Callable[[Any, Store], Runtime | None] | None = None  # (settings, store)


def check_webhook_url(
    prefix: str, url: str, hosts: tuple[str, ...], *, allow_local: bool = False
) -> None:
    """An incoming-webhook URL must be https on one of the platform's ``hosts``
    (127.0.0.1/localhost too when ``allow_local``: tests against a local fake)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    local = host in ("127.0.0.1", "localhost", "::1")
    if local and allow_local:
        return
    if parts.scheme != "https" or host not in hosts:
        raise DestinationError(f"{prefix} URL must be https://{' or '.join(hosts)}/…, got {url!r}.")
