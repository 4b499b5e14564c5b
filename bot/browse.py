"""``policybot browse``: the archive in Datasette (the optional extra ``policybot[browse]``),
with table and column descriptions and canned queries from ``bot/data/datasette.yaml``."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.yaml_loader import SAFE_LOADER

DATA = Path(__file__).parent / "data" / "datasette.yaml"
INSTALL_HINT = "browsing needs Datasette: pip install 'policybot[browse]'"


@cache
def _data() -> dict[str, Any]:
    loaded = yaml.load(DATA.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    assert isinstance(loaded, dict)
    return loaded


def metadata(database: Path) -> dict[str, Any]:
    """Datasette metadata for ``database`` (its name is the file's stem)."""
    data = _data()
    return {
        "title": data["title"],
        "description": data["description"],
        "databases": {
            database.stem: {
                "tables": data["tables"],
                "queries": {
                    name: {"sql": q["sql"], "title": q["title"], "description": q["description"]}
                    for name, q in data["queries"].items()
                },
            }
        },
    }


def query_names() -> list[str]:
    return list(_data()["queries"])


def available() -> bool:
    return importlib.util.find_spec("datasette") is not None


def command(
    database: Path, metadata_file: Path, *, host: str, port: int, open_browser: bool
) -> list[str]:
    """The ``datasette serve`` arguments (after ``python -m datasette``)."""
    args = ["serve", str(database), "--metadata", str(metadata_file), "--host", host,
            "--port", str(port), "--setting", "sql_time_limit_ms", "3000"]  # fmt: skip
    return [*args, "--open"] if open_browser else args


def write_metadata(database: Path, folder: Path) -> Path:
    path = folder / f"{database.stem}-datasette.json"
    path.write_text(json.dumps(metadata(database), indent=2), encoding="utf-8")
    return path
