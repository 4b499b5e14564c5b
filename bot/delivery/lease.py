"""Who is delivering: this process's lease owner name and the liveness test.

The owner name is ``host:pid:token``. A lease whose owner ran on this host and
whose process no longer exists is stale at once (no need to wait for it to
expire after a kill -9); a lease held on another host is trusted until it
expires. See store/leases.py.
"""

from __future__ import annotations

import os
import socket
import uuid

LEASE_SECONDS = 120.0  # longer than any single post (the SDKs time out well before)


def new_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def owner_is_dead(owner: str) -> bool:
    """True when ``owner`` was a process on this host that is gone."""
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def describe_owner(owner: str) -> str:
    host, _, rest = owner.partition(":")
    return f"process {rest.partition(':')[0]} on {host}"
