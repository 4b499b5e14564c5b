#!/usr/bin/env python3
"""CI step: install every declared dependency at its FLOOR and run the core tests.

pyproject.toml says e.g. ``sqlite-utils>=4.0``; a floor that is too low (an API
the code uses is missing in that release) only shows when exactly that release
is installed. This pins each ``>=`` floor with ``==`` in a constraints file,
installs the project into a fresh virtual environment (.venv-min) with pip's
ordinary resolver (only the package index is needed), and runs the tests that
exercise each dependency. Exit status: pip's or pytest's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-min"
# one test module per dependency's code path (store, fetch+parse, pages, chat SDKs, CLI)
TESTS = [
    "tests/test_store.py", "tests/test_outbox.py", "tests/test_feeds_fetch.py",
    "tests/test_feeds_parse.py", "tests/test_netpolicy.py", "tests/test_pipeline_e2e.py",
    "tests/test_slack_poster.py", "tests/test_discord_poster.py", "tests/test_config.py",
    "tests/test_daemon.py", "tests/test_ops_http.py", "tests/test_env.py",
]  # fmt: skip
_FLOOR = re.compile(r"^\s*([A-Za-z0-9_.\-\[\]]+?)\s*(?:\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)")


def floors(requirements: list[str]) -> list[str]:
    pins = []
    for requirement in requirements:
        match = _FLOOR.match(requirement)
        if match:
            pins.append(f"{match.group(1)}=={match.group(2)}")
    return pins


def main() -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = floors(project["dependencies"])  # runtime floors; test tools stay current
    constraints = VENV.with_name(".min-constraints.txt")
    constraints.write_text("\n".join(pins) + "\n", encoding="utf-8")
    print("installing the declared minimum versions:", ", ".join(pins), flush=True)
    shutil.rmtree(VENV, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    pip = [str(VENV / "bin" / "python"), "-m", "pip", "install"]
    done = subprocess.run([*pip, "-c", str(constraints), f"{ROOT}[test]"], cwd=ROOT,
                          capture_output=True, text=True)  # fmt: skip
    noise = ("WARNING: Location", "Collecting", "Downloading", "Processing", "Using cached",
             "  Downloading", "  Using", "Requirement already", "Obtaining", "Building",
             "Created", "Stored", "Looking in", "INFO:")  # fmt: skip
    print("".join(line for line in (done.stdout + done.stderr).splitlines(keepends=True)
                  if not line.startswith(noise) and "━" not in line), end="")  # fmt: skip
    code = done.returncode
    if code:
        print("the declared minimum versions cannot be installed together; raise a floor",
              file=sys.stderr)  # fmt: skip
        return code
    return subprocess.run([str(VENV / "bin" / "python"), "-m", "pytest", "-q", "-x",
                           "-p", "no:cacheprovider", *TESTS], cwd=ROOT).returncode  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
