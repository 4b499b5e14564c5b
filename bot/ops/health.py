"""``/healthz``: is the daemon alive and can it reach its database?

Healthy means the scheduler ticked within ``max_silence`` seconds, the daemon is
not pausing for a database it cannot write, and the database file answers a fresh
read-only query. Otherwise 503, with each reason on its own line.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from store import Store
from store.db import ping


@dataclass
class Heartbeat:
    """What the daemon tells /healthz: when its scheduler last ticked, and why it is
    paused (a database it cannot write), if it is."""

    max_silence: float
    clock: Callable[[], float] = time.monotonic
    ticked_at: float | None = None
    paused: str | None = None
    started_at: float = field(default=0.0)

    def __post_init__(self) -> None:
        self.started_at = self.clock()

    def tick(self) -> None:
        self.ticked_at = self.clock()

    def problems(self) -> list[str]:
        now = self.clock()
        last = self.ticked_at if self.ticked_at is not None else self.started_at
        found = []
        if now - last > self.max_silence:
            what = (
                "never ticked" if self.ticked_at is None else f"last ticked {now - last:.0f} s ago"
            )
            found.append(f"the scheduler {what} (expected every {self.max_silence:.0f} s at most)")
        if self.paused:
            found.append(self.paused)
        return found


def check(store: Store, heartbeat: Heartbeat) -> tuple[bool, str]:
    """(healthy, the text of the answer)."""
    problems = heartbeat.problems()
    unreachable = ping(store.path)
    if unreachable:
        problems.append(unreachable)
    if problems:
        return False, "unhealthy\n" + "".join(f"- {p}\n" for p in problems)
    return True, "ok\n"
