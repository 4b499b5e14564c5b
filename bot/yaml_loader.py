"""The YAML loader for data and configuration files: PyYAML's safe loader in its
libyaml (C) build, about ten times faster than the pure-Python one, which is the
fallback where PyYAML was built without libyaml.

``load_data`` reads one of the package's own data files (``bot/data``), which every
process that extracts parses again: it keeps a ``marshal`` copy of the parsed value
in a ``__pycache__`` folder beside the file, as Python keeps compiled modules, and
uses it while the file's size and modification time are those it was made from
(written whatever ``PYTHONDONTWRITEBYTECODE`` says: it holds data, not bytecode; where
the folder cannot be written, the file is parsed each time).
Parsing the extraction data's YAML cost some 20 ms of CPU and 2 MB of memory that
stayed resident in each process; the copy loads in about a millisecond.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

    SAFE_LOADER: type[yaml.SafeLoader]
    YAMLError = yaml.YAMLError

_FORMAT = 1  # bump when the copy's layout changes


def __getattr__(name: str) -> Any:
    """``SAFE_LOADER`` and ``YAMLError``, importing PyYAML on first use: a parsing
    worker reads only the marshal copies and never loads it (1 MB less in each).
    Catch its errors as ``yaml_loader.YAMLError`` in an ``except`` clause, which is
    looked up only when something is raised."""
    if name == "SAFE_LOADER":
        import yaml

        return getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if name == "YAMLError":
        import yaml

        return yaml.YAMLError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class DataFileError(Exception):
    """A data file under bot/data is missing or malformed (the message names it)."""


def load_data(path: Path) -> Any:
    """``path`` (a data file of the package) parsed as YAML, from its up-to-date copy
    when there is one. Raises what reading and parsing the file raise (``OSError``,
    ``yaml.YAMLError``); a copy that cannot be read or written is simply not used."""
    stat = path.stat()
    key = (_FORMAT, stat.st_size, stat.st_mtime_ns)
    copy = cached_copy(path)
    try:
        stored, value = marshal.loads(copy.read_bytes())
        if stored == key:
            return value
    except (OSError, ValueError, EOFError, TypeError):
        pass  # no copy yet, or one of another file version or Python
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    value = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    _write(copy, key, value)
    return value


def read_data_file(path: Path) -> Any:
    """``load_data(path)``, with a file that cannot be read or parsed reported as a
    DataFileError that names the file and the fix."""
    try:
        return load_data(path)
    except OSError as exc:
        raise DataFileError(f"{path}: cannot be read ({exc}); fix the file") from exc
    except Exception as exc:
        import yaml

        if isinstance(exc, yaml.YAMLError):
            raise DataFileError(f"{path}: cannot be read ({exc}); fix the file") from exc
        raise


def cached_copy(path: Path) -> Path:
    """Where ``load_data`` keeps the parsed copy of ``path`` (per Python version)."""
    return path.parent / "__pycache__" / f"{path.name}.{sys.implementation.cache_tag}.marshal"


def _write(copy: Path, key: tuple[int, int, int], value: Any) -> None:
    """Write the copy atomically (a value marshal cannot hold, such as a YAML date,
    or a folder that cannot be written: no copy)."""
    try:
        data = marshal.dumps((key, value))
        copy.parent.mkdir(exist_ok=True)
        partial = copy.with_name(f"{copy.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, copy)
    except (OSError, ValueError):
        return
