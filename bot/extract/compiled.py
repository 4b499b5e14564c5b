"""Regexes compiled once per machine, not once per process.

Extraction builds a few thousand regexes from its data files (cue fragments, their
gates, the FR prefilter, the public-body and authority tables), most of them when a
text first needs them. Compiling is Python code (the standard library's regex parser
and code generator): in a short process, such as a ``poll`` that finds a few new
items, it was a large part of the work. ``compile`` keeps what the code generator
made of each pattern in one file in a ``__pycache__`` folder beside the data files
(as Python keeps compiled modules; an index of keys read at start, each value read
when asked for; the index is two flat arrays, the sorted keys and their places, not a
dict of some 10,000 entries: that dict held 2 MB in every process that compiles a
pattern, the polling process's writer included), per Python version and regex engine,
and builds the pattern from it with the engine's own constructor (which checks the
code it is given); a pattern not yet there is compiled as ``re.compile`` would and
written out when the process ends. The same file keeps other values worked out from
a pattern's text alone (``derived``: the word gates' reading of a pattern).

The result is the pattern ``re.compile`` gives (same text, flags, groups and code),
so matching is the same. Where the folder cannot be written, the engine's internals
are not there or the file is unreadable, patterns are simply compiled each time.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import marshal
import os
import re
import sys
import threading
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # BLAKE2 without hashlib, which loads OpenSSL (a parsing worker does without it)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

try:  # the regex engine's private parts (without them every pattern is compiled anew)
    _sre: Any = importlib.import_module("_sre")
    _parser: Any = importlib.import_module("re._parser")
    _compiler: Any = importlib.import_module("re._compiler")
except ImportError:  # pragma: no cover - another Python implementation
    _sre = _parser = _compiler = None

_FORMAT = 2  # bump when what is stored changes
# the array type whose items are the engine's code words (none: nothing is stored)
_CODE = next((t for t in "IL" if array(t).itemsize == getattr(_sre, "CODESIZE", 0)), "")
FOLDER = Path(__file__).resolve().parent.parent / "data" / "__pycache__"
_MISSING = object()
_MAX_ENTRIES = 20_000  # past this (or _MAX_BYTES) the file starts again from one process's
_MAX_BYTES = 16_000_000  # patterns (all of extraction's, compiled, and the cue
# fragments take some 8 MB: a limit at that size started the file anew every few runs)


def _version() -> str:
    magic = getattr(_sre, "MAGIC", 0)
    size = getattr(_sre, "CODESIZE", 0)
    return f"{_FORMAT}-{sys.implementation.cache_tag}-{sys.hexversion}-{magic}-{size}"


class Compiled:
    """The file of compiled patterns and derived values (one per process, see ``CACHE``)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._pid = -1  # the process that read the index (a forked child reads it again)
        self._fd = -1
        self._index = _Index()  # key → (offset, length) of its value
        self._data = 0  # where the values start in the file
        self._broken = path is None or _sre is None or not _CODE
        self._new: dict[bytes, bytes] = {}  # key → marshalled value, written at exit
        self._registered = False

    # ------------------------------------------------------------------ patterns

    def compile(self, source: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(source, flags)``, from the stored code when there is some."""
        flags = int(flags)
        if self._broken:
            return re.compile(source, flags)
        key = _key("p", source, flags)
        row = self._stored(key)
        if row is not _MISSING:
            try:
                total, code, groups, groupindex, indexgroup = row
                return _sre.compile(  # type: ignore[no-any-return]
                    source, total, array(_CODE, code).tolist(), groups, groupindex, indexgroup
                )
            except (RuntimeError, TypeError, ValueError, OverflowError):
                pass  # a damaged entry: compiled anew below (and not stored again)
        return self._compile(key, source, flags, store=row is _MISSING)

    def _compile(self, key: bytes, source: str, flags: int, store: bool) -> re.Pattern[str]:
        """What ``re._compiler.compile`` does, keeping the code it makes."""
        try:
            parsed = _parser.parse(source, flags)
            code = _compiler._code(parsed, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            total = int(flags | parsed.state.flags)
            pattern = _sre.compile(source, total, code, parsed.state.groups - 1, groupindex,
                                   tuple(indexgroup))  # fmt: skip
        except re.error:
            raise
        except Exception:  # noqa: BLE001 - the internals changed: the public way
            return re.compile(source, flags)
        if store:
            try:
                packed = array(_CODE, code).tobytes()
            except (OverflowError, TypeError):
                return pattern  # type: ignore[no-any-return]
            self._keep(key, (total, packed, parsed.state.groups - 1, groupindex,
                             tuple(indexgroup)))  # fmt: skip
        return pattern  # type: ignore[no-any-return]

    # ------------------------------------------------------------------ derived values

    def derived(self, kind: str, source: str, flags: int, work: Callable[[], Any]) -> Any:
        """``work()``, a value worked out from the pattern text ``source`` alone (kept as
        ``marshal`` keeps it: numbers, strings, tuples, frozensets, dicts, None)."""
        if self._broken:
            return work()
        key = _key(kind, source, int(flags))
        stored = self._stored(key)
        if stored is not _MISSING:
            return stored
        value = work()
        self._keep(key, value)
        return value

    # ------------------------------------------------------------------ the file

    def _stored(self, key: bytes) -> Any:
        """The value stored under ``key`` (``_MISSING`` when there is none)."""
        with self._lock:
            if not self._open():
                return _MISSING
            place = self._index.get(key)
            if place is None:
                return _MISSING
            try:
                return marshal.loads(os.pread(self._fd, place[1], self._data + place[0]))
            except (OSError, ValueError, EOFError, TypeError):
                return _MISSING

    def _open(self) -> bool:
        """Read the file's index (once per process; False when there is no usable file)."""
        if self._pid == os.getpid():
            return self._fd >= 0
        self._pid, self._fd, self._index = os.getpid(), -1, _Index()
        if self.path is None:
            return False
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return False
        try:
            size = int.from_bytes(os.pread(fd, 8, 0), "little")
            version, keys, places = marshal.loads(os.pread(fd, size, 8))
            if version != _version():
                raise ValueError(version)
            index = _Index.read(keys, places)
        except (OSError, ValueError, EOFError, TypeError):
            os.close(fd)
            return False
        self._fd, self._index, self._data = fd, index, 8 + size
        return True

    def _keep(self, key: bytes, value: Any) -> None:
        try:
            packed = marshal.dumps(value)
        except ValueError:
            return  # a value marshal cannot hold: worked out each time
        with self._lock:
            self._new[key] = packed
            if not self._registered:
                self._registered = True
                atexit.register(self.save)

    def save(self) -> None:
        """Add what this process worked out to the file (at exit, atomically: the file as
        another process may have just written it, plus this process's values; a folder
        that cannot be written is left as it is). The values already there are copied
        across in chunks, never read whole: a process saving a few patterns into a file of
        many megabytes does not grow by its size."""
        with self._lock:
            new, self._new = self._new, {}
            if not new or self.path is None:
                return
            partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with contextlib.ExitStack() as files:
                    old, index, at = self._old_values(files, len(new))
                    self._write(partial, old, index, at, new)
                os.replace(partial, self.path)
            except OSError:
                with contextlib.suppress(OSError):
                    partial.unlink()

    def _old_values(self, files: contextlib.ExitStack, adding: int) -> tuple[Any, _Index, int]:
        """The file open at its first value, its index and how many bytes of values
        follow (none of them when there is no file, one of another version, or one that
        is full: it starts anew)."""
        try:
            if self.path is None:
                raise ValueError("no file")
            old = files.enter_context(self.path.open("rb"))
            total = os.fstat(old.fileno()).st_size  # of the file opened, whoever wrote it
            if total > _MAX_BYTES:
                raise ValueError("too large: started anew")
            size = int.from_bytes(old.read(8), "little")
            version, keys, places = marshal.loads(old.read(size))
            if version != _version():
                raise ValueError(version)
            index = _Index.read(keys, places)
            if len(index) + adding > _MAX_ENTRIES:
                raise ValueError("too many entries: started anew")
            return old, index, total - 8 - size
        except (OSError, ValueError, EOFError, TypeError):
            return None, _Index(), 0

    @staticmethod
    def _write(partial: Path, old: Any, index: _Index, at: int, new: dict[bytes, bytes]) -> None:
        """The new file: an index of the old values (where they were, after the new
        index) and the new ones (after the ``at`` bytes of old values), the old values
        copied in chunks, then the new ones. The index is merged as the two flat arrays
        it is, each new key put in at its sorted place: a Python row per entry (a list of
        11,000 of them) held 3 MB more in a parsing worker as it ended its cycle, the
        moment the polling process is at its largest."""
        old_bytes = at
        keys, width = memoryview(index.keys), KEY_BYTES
        places = memoryview(index.places).cast("B")  # two 8-byte numbers an entry
        merged_keys: list[memoryview | bytes] = []  # slices of the old index, no copies
        merged_places: list[memoryview | bytes] = []
        added: list[bytes] = []
        done = 0  # entries of the old index copied so far
        for key, blob in sorted(new.items()):
            place = index.position(key)
            if keys[place * width : (place + 1) * width] == key:
                continue  # stored already (by another process since this one read it)
            merged_keys += (keys[done * width : place * width], key)
            merged_places += (places[16 * done : 16 * place], array("Q", (at, len(blob))).tobytes())
            added.append(blob)
            at += len(blob)
            done = place
        merged_keys.append(keys[done * width :])
        merged_places.append(places[16 * done :])
        head = marshal.dumps((_version(), b"".join(merged_keys), b"".join(merged_places)))
        with partial.open("wb") as out:
            out.write(len(head).to_bytes(8, "little"))
            out.write(head)
            if old is not None:
                _copy_values(old, out, old_bytes)
            out.writelines(added)


def _copy_values(old: Any, out: Any, count: int) -> None:
    """The ``count`` bytes of ``old`` from where it stands, appended to ``out``: by the
    kernel where it can (``sendfile``: no buffer in this process; a 1 MiB chunk read
    through Python added a megabyte to a worker's last moment), else in 64 KiB chunks."""
    out.flush()
    offset = old.tell()
    try:
        while count > 0:
            sent = os.sendfile(out.fileno(), old.fileno(), offset, count)
            if sent <= 0:
                break
            offset, count = offset + sent, count - sent
    except (AttributeError, OSError):  # no sendfile, or not between two files (macOS)
        pass
    old.seek(offset)
    out.flush()
    while count > 0:
        chunk = old.read(min(count, 64 << 10))
        if not chunk:
            return
        out.write(chunk)
        count -= len(chunk)


KEY_BYTES = 20  # every key is a digest of this length


class _Index:
    """Sorted keys of ``KEY_BYTES`` each in one bytes object, and each one's (offset,
    length) in an array beside them: some 28 bytes an entry, looked up by bisection."""

    def __init__(self, keys: bytes = b"", places: array[int] | None = None) -> None:
        self.keys, self.places = keys, places if places is not None else array("Q")

    @classmethod
    def read(cls, keys: object, places: object) -> _Index:
        """The index as the file holds it (ValueError when it is not one)."""
        if not isinstance(keys, bytes) or not isinstance(places, bytes):
            raise ValueError("not an index")
        found = array("Q")
        found.frombytes(places)
        if len(keys) % KEY_BYTES or len(found) != 2 * (len(keys) // KEY_BYTES):
            raise ValueError("an index of mismatched lengths")
        return cls(keys, found)

    def __len__(self) -> int:
        return len(self.keys) // KEY_BYTES

    def position(self, key: bytes) -> int:
        """Where ``key`` is, or would go: the first entry whose key is not below it."""
        keys, lo, hi = self.keys, 0, len(self)
        while lo < hi:
            mid = (lo + hi) // 2
            if keys[mid * KEY_BYTES : (mid + 1) * KEY_BYTES] < key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def get(self, key: bytes) -> tuple[int, int] | None:
        lo = self.position(key)
        if self.keys[lo * KEY_BYTES : (lo + 1) * KEY_BYTES] != key:
            return None
        return self.places[2 * lo], self.places[2 * lo + 1]


def _key(kind: str, source: str, flags: int) -> bytes:
    return digest(f"{kind}\0{flags}\0{source}".encode("utf-8", "surrogatepass"))


def digest(data: bytes) -> bytes:
    """The 20-byte BLAKE2 digest this file keys its values by."""
    return blake2b(data, digest_size=KEY_BYTES).digest()


CACHE = Compiled(
    None if _sre is None else FOLDER / f"regexes.{sys.implementation.cache_tag}.marshal"
)


def compile(source: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re's name
    """``re.compile(source, flags)``, built from this machine's stored code when it can."""
    return CACHE.compile(source, flags)
