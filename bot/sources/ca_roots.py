"""TLS contexts that read the system's CA roots on their first handshake, not when made.

aiohttp builds two default TLS contexts when ``aiohttp.connector`` is imported, and
each reads the system's whole CA bundle then: about 35 ms of CPU and 1.5 MB in every
process that imports it, also when every feed is plain HTTP (a poll over feeds on
127.0.0.1 never shakes hands). ``roots_on_first_use()`` around that import lets the
contexts made in it skip the read and do it on their first ``wrap_bio`` or
``wrap_socket`` (what asyncio and ``ssl`` call for every TLS connection) or when
their CA store is asked for. The contexts keep every other setting (verification
on, host names checked), so a context whose roots are not read yet can only fail
a handshake, never accept a certificate it should not.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_lock = threading.Lock()
_read_roots = ssl.SSLContext.set_default_verify_paths  # the real one (C), kept before any block


class _RootsOnFirstUse(ssl.SSLContext):
    """A context whose ``set_default_verify_paths()`` is still to run: it runs before
    the first use that needs the roots, and the context is a plain one again (so the
    methods below call ``ssl.SSLContext``'s by name: ``super()`` no longer applies)."""

    def _load_roots(self) -> None:
        with _lock:
            if type(self) is _RootsOnFirstUse:
                _read_roots(self)
                self.__class__ = ssl.SSLContext  # type: ignore[assignment]

    def wrap_bio(self, *args: Any, **kwargs: Any) -> ssl.SSLObject:
        self._load_roots()
        return ssl.SSLContext.wrap_bio(self, *args, **kwargs)

    def wrap_socket(self, *args: Any, **kwargs: Any) -> ssl.SSLSocket:
        self._load_roots()
        return ssl.SSLContext.wrap_socket(self, *args, **kwargs)

    def get_ca_certs(self, binary_form: bool = False) -> Any:
        self._load_roots()
        return ssl.SSLContext.get_ca_certs(self, binary_form)

    def cert_store_stats(self) -> dict[str, int]:
        self._load_roots()
        return ssl.SSLContext.cert_store_stats(self)


@contextmanager
def roots_on_first_use() -> Iterator[None]:
    """Contexts that ask for the system's CA roots inside the block read them on their
    first handshake instead (see the module docstring). Only ``set_default_verify_paths``
    is deferred (``ssl.create_default_context`` and ``load_default_certs`` call it on
    Linux and macOS); everything else a context is told inside the block happens at once."""
    deferred: list[ssl.SSLContext] = []

    def later(context: ssl.SSLContext) -> None:
        deferred.append(context)

    own = ssl.SSLContext.__dict__.get("set_default_verify_paths")
    ssl.SSLContext.set_default_verify_paths = later  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        if own is None:
            del ssl.SSLContext.set_default_verify_paths
        else:
            ssl.SSLContext.set_default_verify_paths = own  # type: ignore[method-assign]
        for context in deferred:
            if type(context) is ssl.SSLContext:
                context.__class__ = _RootsOnFirstUse
            else:  # a subclass of someone else's: read its roots now, as it asked
                _read_roots(context)
