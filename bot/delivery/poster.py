"""The seam between the outbox dispatcher and each chat platform.

Every platform adapter (console, Slack, Discord, webhooks) implements ``Poster``
and translates a neutral ``Message`` in one pure function. Adapters raise only
the errors below, so the dispatcher treats every platform alike.
"""

from __future__ import annotations

from typing import Protocol

from bot.models import Destination, Message, Posted


class DeliveryError(Exception):
    """Base class: posting failed. ``str(exc)`` names the destination and the fix."""


class RetryLater(DeliveryError):
    """Rate limited or temporarily unavailable: try again after ``seconds``."""

    def __init__(self, message: str, seconds: float) -> None:
        super().__init__(message)
        self.seconds = seconds


class TransientFailure(DeliveryError):
    """A failure worth retrying with backoff (5xx, timeout, connection reset)."""


class PermanentFailure(DeliveryError):
    """Retrying cannot help (channel archived or deleted, bot removed, missing
    permission, webhook revoked): the subscription is marked failing."""


class Poster(Protocol):
    """Posts neutral messages to one platform."""

    platforms: frozenset[str]  # Destination.platform values this poster serves

    async def post(
        self, dest: Destination, message: Message, *, thread: Posted | None = None
    ) -> Posted:
        """Post ``message``; with ``thread``, as a follow-up in that alert's thread
        (or as a reply where threads are unavailable). Returns the platform's reference."""
        ...

    async def edit(self, dest: Destination, posted: Posted, message: Message) -> None:
        """Replace the content of an earlier post (e.g. to show the new mention count)."""
        ...

    async def close(self) -> None: ...
