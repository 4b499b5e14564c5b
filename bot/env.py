"""The environment: ``.env`` files (python-dotenv, the only module importing it) and the
POLICYBOT_* variables that can stand in for any production setting.

Precedence, highest first: the process environment; ``.env`` next to feeds.yaml;
``.env`` in the current folder. (Where feeds.yaml is, is itself decided by
``--feeds``, else POLICYBOT_FEEDS from the environment or the current folder's
``.env``, else ``./feeds.yaml``.) The files are read, never put into the
process environment: the CLI passes the merged mapping on.

A ``defaults:`` or ``ops:`` setting of feeds.yaml can come from POLICYBOT_<KEY> or
POLICYBOT_OPS_<KEY> (the value is read as YAML: ``15m``, ``null``, ``[a, b]``); the
variable wins over the file and its errors name the variable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from dotenv import dotenv_values

# variables read directly (the rest follow from the feeds.yaml keys below)
DIRECT = {
    "POLICYBOT_DB": "the SQLite file (--db)",
    "POLICYBOT_FEEDS": "feeds.yaml (--feeds)",
    "POLICYBOT_HTTP": "serve /healthz and /metrics on [HOST:]PORT (run --http)",
    "POLICYBOT_TICK": "seconds between checks for due feeds (run --tick)",
}


def setting_variables(defaults: Iterable[str], ops: Iterable[str]) -> dict[str, str]:
    """Every POLICYBOT_* variable and what it sets."""
    names = dict(DIRECT)
    names.update({f"POLICYBOT_{key.upper()}": f"defaults.{key}" for key in defaults})
    names.update({f"POLICYBOT_OPS_{key.upper()}": f"ops.{key}" for key in ops})
    return names


def dotenv_files(feeds_path: Path, cwd: Path) -> list[Path]:
    """The .env files that apply, highest precedence first (each once)."""
    files: list[Path] = []
    for candidate in (feeds_path.parent / ".env", cwd / ".env"):
        resolved = candidate.resolve()
        if candidate.is_file() and resolved not in files:
            files.append(resolved)
    return files


def load_environment(
    feeds_option: Path | None, environ: Mapping[str, str], cwd: Path
) -> tuple[dict[str, str], Path]:
    """The merged environment and the feeds.yaml path it points at."""
    local = _read(cwd / ".env")
    feeds = feeds_option or Path(
        environ.get("POLICYBOT_FEEDS") or local.get("POLICYBOT_FEEDS") or "feeds.yaml"
    )
    merged: dict[str, str] = {}
    for path in reversed(dotenv_files(feeds, cwd)):  # lowest first: later ones win
        merged.update(_read(path))
    merged.update(environ)
    return merged, feeds


def _read(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    return {k: v for k, v in dotenv_values(path).items() if v is not None}


def apply_overrides(
    section: Mapping[str, Any], prefix: str, keys: Iterable[str], env: Mapping[str, str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """``section`` with POLICYBOT_* values in place of its keys, and which variable set
    which key (so an error can name the variable)."""
    result = dict(section)
    origin: dict[str, str] = {}
    for key in keys:
        name = f"{prefix}{key.upper()}"
        text = env.get(name)
        if text is None or text.strip() == "":
            continue
        try:
            result[key] = yaml.safe_load(text)
        except yaml.YAMLError:
            result[key] = text
        origin[key] = name
    return result, origin
