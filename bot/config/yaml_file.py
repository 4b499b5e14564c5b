"""Reading feeds.yaml: size cap, encoding and YAML errors, each with its fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.errors import ConfigError
from bot.yaml_loader import SAFE_LOADER

MAX_CONFIG_BYTES = 2 * 1024 * 1024  # feeds.yaml larger than this is refused unread


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
        if size > MAX_CONFIG_BYTES:
            raise ConfigError(
                f"{path}: the file is {size:,} bytes, over the cap of {MAX_CONFIG_BYTES:,} bytes "
                "for feeds.yaml; it is refused unread. Keep it to the feeds you poll."
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: file not found. Run from the folder holding feeds.yaml, "
            "or pass --feeds PATH (or set POLICYBOT_FEEDS)."
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it ({exc}); save it as UTF-8 text.") from exc
    try:
        raw = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or exc
        raise ConfigError(
            f"{path}{at}: invalid YAML ({problem}). Fix the indentation or quoting there."
        ) from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping with a 'feeds:' list at the top level.")
    return raw
