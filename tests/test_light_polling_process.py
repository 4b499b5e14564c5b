"""What the polling process maps for aiohttp's client, and what it leaves behind.

frozenlist's compiled module is C++ and maps libstdc++; ``bot.sources.fetch`` loads
aiohttp with frozenlist's documented switch to its pure-Python list set, and only
for that import. Run in a fresh interpreter: a process that imported aiohttp before
would keep the module it has."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = """
import json, os, sys
import bot.sources.fetch
import frozenlist
maps = open("/proc/self/maps").read() if os.path.exists("/proc/self/maps") else ""
print(json.dumps({
    "module": frozenlist.FrozenList.__module__,
    "switch": os.environ.get("FROZENLIST_NO_EXTENSIONS"),
    "libstdcxx": "libstdc++" in maps,
    "has_maps": bool(maps),
}))
"""


def run(env_extra: dict[str, str]) -> dict[str, object]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env_extra}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True)  # fmt: skip
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_the_fetcher_loads_the_pure_python_frozenlist_and_unsets_the_switch() -> None:
    found = run({})
    assert found["module"] == "frozenlist"  # the compiled one is frozenlist._frozenlist
    assert found["switch"] is None  # the environment is as it was before the import
    if not found["has_maps"]:
        pytest.skip("no /proc/self/maps here: what is mapped cannot be read")
    assert found["libstdcxx"] is False


def test_a_switch_the_user_set_is_kept() -> None:
    found = run({"FROZENLIST_NO_EXTENSIONS": "yes"})
    assert found["switch"] == "yes"
    assert found["module"] == "frozenlist"
