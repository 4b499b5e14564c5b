"""Collecting the configuration errors of every section, so that one run reports them all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from bot.errors import ConfigError


class Problems:
    """Collects every section's errors so that one run reports them all at once."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    @contextmanager
    def check(self) -> Iterator[None]:
        try:
            yield
        except ConfigError as exc:
            self.messages.append(str(exc))

    def raise_all(self) -> None:
        if len(self.messages) == 1:
            raise ConfigError(self.messages[0])
        if self.messages:
            listed = "\n".join(f"  - {m}" for m in self.messages)
            raise ConfigError(f"{len(self.messages)} problems, fix them all:\n{listed}")
