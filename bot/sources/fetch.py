"""Fetching feeds over HTTP: the only module that makes requests for feeds (aiohttp's client).

``Fetcher`` turns a FeedState into a FetchResult: a conditional GET with a
connect timeout and a total deadline, a streamed size cap on decoded bytes,
manual redirects (so a 301/308 chain can be told from a 302/307 one), and
limits on concurrent requests overall and per host. Connections are kept alive
for the next feed on the same host. It never raises for a feed's problem; the
result says what happened, naming the feed and the fix. Nothing aiohttp-shaped
leaves this module; ``bot.sources.parse`` reads the body.

Every connection is checked against the network policy (bot/sources/netpolicy.py)
before it is opened: a host name through ``_GuardedResolver`` (every resolved
address checked, then the connection made to a checked address, so a second DNS
answer cannot differ), an address written in the URL in ``_follow`` (no DNS), on
every redirect hop. aiohttp's client was chosen over httpx for its per-request
cost: about a tenth of the CPU for a conditional GET (measured: 1,000 304s).
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import ssl
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit

from bot.models import FeedState, FetchResult, FetchSettings
from bot.sources.backoff import parse_retry_after
from bot.sources.ca_roots import roots_on_first_use
from bot.sources.netpolicy import NetworkPolicy, literal_address

_FROZENLIST_SWITCH = "FROZENLIST_NO_EXTENSIONS"


@contextmanager
def _pure_python_frozenlist() -> Iterator[None]:
    """frozenlist's compiled module is C++: importing it maps libstdc++, some 0.9 MB
    resident in the polling process, for the few handler lists aiohttp's client keeps.
    Inside the block its documented switch picks the pure-Python FrozenList (the same
    class and behaviour); after it the environment is as it was."""
    before = os.environ.get(_FROZENLIST_SWITCH)
    os.environ[_FROZENLIST_SWITCH] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ[_FROZENLIST_SWITCH]
        else:
            os.environ[_FROZENLIST_SWITCH] = before


# aiohttp's default TLS contexts read the CA roots when first used
with roots_on_first_use(), _pure_python_frozenlist():
    import aiohttp
    from aiohttp.abc import AbstractResolver, ResolveResult

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"  # kind "page"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_NO_BODY_WANTED = _REDIRECTS | {304}
_DRAIN_LIMIT = 64 * 1024  # a longer unwanted body closes the connection instead
_HEADER_LIMIT = 16 * 1024  # longest header line accepted (aiohttp's default is 8 KB)

# (host, port) -> the host's addresses; the system resolver unless a test gives one
Resolve = Callable[[str, int], Awaitable[list[str]]]


class _Problem(Exception):
    """A feed problem: what went wrong and what the user can do about it."""

    def __init__(self, problem: str, fix: str, status: int | None = None) -> None:
        super().__init__(problem)
        self.problem, self.fix, self.status = problem, fix, status


class _Refused(_Problem):
    """A connection the network policy refuses (bot/sources/netpolicy.py)."""


def _describe(feed: FeedState, url: str, problem: str, fix: str) -> str:
    return f"feed {feed.name!r} ({url}): {problem}. {fix}"


# --------------------------------------------------------------------------- fetching


class Fetcher:
    """Owns one aiohttp.ClientSession; use as ``async with Fetcher(settings) as f``.

    ``resolve``: how host names are resolved (default: the system's resolver)."""

    def __init__(self, settings: FetchSettings, *, resolve: Resolve | None = None) -> None:
        self.settings = settings
        self._resolve = resolve or system_resolve
        self._session: aiohttp.ClientSession | None = None
        self._overall = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._policy = NetworkPolicy(settings.allow_hosts)

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        # every connection may be kept alive for the next feed on the same host;
        # the per-host limits are the semaphores in fetch(), not the connector's
        connector = aiohttp.TCPConnector(
            resolver=_GuardedResolver(self._policy, self._resolve),
            limit=max(s.concurrency, 1),
            limit_per_host=0,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers={"User-Agent": s.user_agent, "Accept": ACCEPT},
            timeout=aiohttp.ClientTimeout(total=None, connect=s.connect_timeout),
            trust_env=False,  # a proxy would connect on our behalf, out of the policy's sight
            max_line_size=_HEADER_LIMIT,
            max_field_size=_HEADER_LIMIT,
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def fetch_many(self, feeds: Sequence[FeedState]) -> list[FetchResult]:
        """Fetch all ``feeds`` concurrently (within the limits); results in input order."""
        outcomes = await asyncio.gather(*(self.fetch(f) for f in feeds), return_exceptions=True)
        results: list[FetchResult] = []
        for feed, outcome in zip(feeds, outcomes, strict=True):
            if isinstance(outcome, FetchResult):
                results.append(outcome)
            elif isinstance(outcome, Exception):
                results.append(_unexpected(feed, feed.url, outcome))
            else:  # CancelledError and friends: let them through
                raise outcome
        return results

    async def fetch(self, feed: FeedState, *, before_body: BeforeBody | None = None) -> FetchResult:
        """One conditional GET of ``feed.url``; never raises for a feed problem.

        ``before_body`` is awaited once the status says a body follows and before
        it is read (the caller bounds how many bodies wait for processing); the
        time it takes does not count against the feed's deadline."""
        if self._session is None:
            raise RuntimeError("Fetcher is not open: use 'async with Fetcher(settings) as f'")
        started = time.monotonic()
        host = (urlsplit(feed.url).hostname or "").lower()
        per_host = self._hosts.get(host)
        if per_host is None:
            # politeness per host is for other people's servers, not for those named in
            # allow_hosts (one server of your own may well carry hundreds of feeds)
            listed = self._policy.listed(host)
            limit = self.settings.concurrency if listed else self.settings.per_host
            per_host = self._hosts[host] = asyncio.Semaphore(limit)
        async with per_host, self._overall:
            result = await self._fetch_guarded(feed, before_body)
        return replace(result, elapsed=round(time.monotonic() - started, 3))

    async def _fetch_guarded(self, feed: FeedState, before_body: BeforeBody | None) -> FetchResult:
        s = self.settings
        progress = _Progress(url=feed.url)
        try:
            async with asyncio.timeout(s.total_timeout) as deadline:
                progress.before_body = _paused(deadline, before_body)
                return await self._follow(feed, progress)
        except _Problem as p:
            return _error(feed, progress.url, p.problem, p.fix, p.status)
        except aiohttp.ServerTimeoutError:  # no read timeout is set: this is the connect one
            return _error(feed, progress.url, f"no connection within {s.connect_timeout:g} s",
                          "Check the URL and your network, or raise defaults.connect_timeout in feeds.yaml")  # fmt: skip
        except TimeoutError:
            return _error(feed, progress.url, f"no complete response within {s.total_timeout:g} s",
                          "The server is slow or stalled; it will be retried with backoff, or raise defaults.total_timeout in feeds.yaml")  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - one feed must never stop the others
            return _unexpected(feed, progress.url, exc)

    async def _follow(self, feed: FeedState, progress: _Progress) -> FetchResult:
        assert self._session is not None
        headers = {"Accept": PAGE_ACCEPT} if feed.kind == "page" else {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        while True:
            self._check_literal(progress.url)
            async with self._session.get(progress.url, headers=headers,
                                         allow_redirects=False) as response:  # fmt: skip
                code = response.status
                if code in _NO_BODY_WANTED:
                    # read the (empty or tiny) body so the connection is kept alive
                    await _drain(response)
                location = response.headers.get("location")
                if code in _REDIRECTS and location:
                    progress.redirect(code, urljoin(progress.url, location),
                                      self.settings.max_redirects)  # fmt: skip
                    continue
                return await self._result(feed, response, progress)

    def _check_literal(self, url: str) -> None:
        """An address written in the URL is connected to without DNS: check it here
        (host names are checked as they are resolved, by ``_GuardedResolver``)."""
        host = urlsplit(url).hostname or ""
        address = literal_address(host)
        if address is not None and self._policy.refusal(host, address):
            raise _Refused(*self._policy.problem(host, str(address)))

    async def _result(
        self, feed: FeedState, response: aiohttp.ClientResponse, progress: _Progress
    ) -> FetchResult:
        code = response.status
        found = response.headers
        base: dict[str, Any] = {
            "feed_id": feed.id,
            "status_code": code,
            "headers": tuple((k.lower(), v) for k, v in found.items()),
            "final_url": progress.url,
            "permanent_redirect": progress.permanent(),
            "etag": found.get("etag"),
            "last_modified": found.get("last-modified"),
        }
        if code == 304:
            return FetchResult(outcome="not_modified", **base)
        retry_after = parse_retry_after(found.get("retry-after"), now=datetime.now(UTC))
        if code == 410:
            return FetchResult(outcome="gone", error=_describe(
                feed, progress.url, "the server answered 410 Gone (the feed was removed)",
                "Remove it from feeds.yaml or update its url there"), **base)  # fmt: skip
        if code == 429 or (code == 503 and retry_after is not None):
            wait = (
                f"retry after {round(retry_after)} s"
                if retry_after is not None
                else "no Retry-After"
            )
            return FetchResult(outcome="rate_limited", retry_after=retry_after, error=_describe(
                feed, progress.url, f"rate limited (HTTP {code}, {wait})",
                "Nothing to do: it is polled again when the server allows"), **base)  # fmt: skip
        if not 200 <= code < 300:
            problem, fix = _status_problem(code, response.reason or "")
            raise _Problem(problem, fix, code)
        if progress.before_body is not None:
            await progress.before_body()
        body = await self._read_capped(response)
        return FetchResult(outcome="ok", body=body, **base)

    async def _read_capped(self, response: aiohttp.ClientResponse) -> bytes:
        cap = self.settings.max_bytes
        fix = ("Raise defaults.max_bytes in feeds.yaml if this feed really is that large, "
               "or fix the url so it points at the feed and not at a large file")  # fmt: skip
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise _Problem(f"the response is {int(declared):,} bytes (Content-Length), over the "
                           f"size cap of {cap:,} bytes; refused without downloading it", fix)  # fmt: skip
        body = bytearray()
        try:
            async for chunk in response.content.iter_any():  # decoded (decompressed) bytes
                body += chunk
                if len(body) > cap:
                    raise _Problem(f"the response is larger than the size cap of {cap:,} bytes "
                                   "(stopped reading after exceeding it)", fix)  # fmt: skip
        except aiohttp.ClientPayloadError as exc:
            if "compress" not in str(exc).lower() and "encod" not in str(exc).lower():
                raise
            raise _Problem(f"the response could not be decompressed ({exc})",
                           "The server sends a broken compressed body; report it to the site or remove the feed") from exc  # fmt: skip
        return bytes(body)


async def _drain(response: aiohttp.ClientResponse) -> None:
    """Read an unwanted body to its end (small ones only), so that the connection
    goes back to the pool instead of being closed."""
    read = 0
    content = response.content
    while not content.at_eof() and read <= _DRAIN_LIMIT:
        chunk = await content.readany()
        if not chunk:
            break
        read += len(chunk)


# --------------------------------------------------------------------------- network policy


class _GuardedResolver(AbstractResolver):
    """Resolves each host name, checks EVERY resolved address against the policy and
    hands aiohttp only checked addresses, which it then connects to (no second DNS
    answer: no rebinding gap). aiohttp asks it for every new connection, each
    redirect hop included (its cache holds checked answers only)."""

    def __init__(self, policy: NetworkPolicy, resolve: Resolve) -> None:
        self.policy, self._resolve = policy, resolve

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        addresses = await self._resolve(host, port)
        if not addresses:
            raise OSError(f"no address for {host}")
        for address in addresses:
            if self.policy.refusal(host, address):
                raise _Refused(*self.policy.problem(host, address))
        return [_numeric(host, address, port) for address in addresses]

    async def close(self) -> None:
        pass


def _numeric(host: str, address: str, port: int) -> ResolveResult:
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    flags = socket.AI_NUMERICHOST | socket.AI_NUMERICSERV
    return ResolveResult(hostname=host, host=address, port=port, family=family, proto=0,
                         flags=flags)  # fmt: skip


async def system_resolve(host: str, port: int) -> list[str]:
    """The addresses the system's resolver gives for ``host``, each once, in order."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


BeforeBody = Callable[[], Awaitable[None]]


def _paused(deadline: asyncio.Timeout, wait: BeforeBody | None) -> BeforeBody | None:
    """``wait`` with ``deadline`` moved on by however long it takes."""
    if wait is None:
        return None

    async def waited() -> None:
        started = time.monotonic()
        await wait()
        when = deadline.when()
        if when is not None:
            deadline.reschedule(when + time.monotonic() - started)

    return waited


@dataclass
class _Progress:
    """Where one fetch has got to along its redirect chain."""

    url: str
    chain: list[int] | None = None
    before_body: BeforeBody | None = None

    def redirect(self, status: int, target: str, limit: int) -> None:
        chain = self.chain = self.chain or []
        if len(chain) >= limit:
            raise _Problem(f"more than {limit} redirects (last to {target})",
                           "Put the final feed URL in feeds.yaml, or raise defaults.max_redirects")  # fmt: skip
        if urlsplit(target).scheme not in ("http", "https"):
            raise _Problem(f"redirected to a non-http(s) URL {target!r}",
                           "Put a working http(s) feed URL in feeds.yaml")  # fmt: skip
        chain.append(status)
        self.url = target

    def permanent(self) -> str | None:
        if self.chain and all(code in _PERMANENT for code in self.chain):
            return self.url
        return None


def _status_problem(code: int, reason: str) -> tuple[str, str]:
    answered = f"the server answered HTTP {code} {reason}".rstrip()
    if code in (401, 403):
        return (
            answered,
            "The feed refuses access; find a public feed URL or remove it from feeds.yaml",
        )
    if code == 404:
        return answered, "Check the url in feeds.yaml; the feed may have moved"
    if code >= 500:
        return answered, "A server-side problem; it is retried with backoff"
    return answered, "Check the url in feeds.yaml"


def _error(
    feed: FeedState, url: str, problem: str, fix: str, status: int | None = None
) -> FetchResult:
    return FetchResult(feed_id=feed.id, outcome="error", status_code=status, final_url=url,
                       error=_describe(feed, url, problem, fix))  # fmt: skip


def _unexpected(feed: FeedState, url: str, exc: BaseException) -> FetchResult:
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, aiohttp.ClientConnectorError) and not isinstance(
        exc, aiohttp.ClientSSLError
    ):
        detail = str(exc.os_error) or detail  # without aiohttp's "host:port ssl:default"
    if isinstance(exc, ssl.SSLError | aiohttp.ClientSSLError) or re.search(
        r"ssl|certificate|tls", detail, re.I
    ):
        return _error(feed, url, f"TLS/certificate problem ({detail})",
                      "Check the url's scheme and host; the site's certificate may be invalid or expired")  # fmt: skip
    if isinstance(exc, aiohttp.ClientConnectorError | ConnectionRefusedError | socket.gaierror):
        return _error(feed, url, f"cannot connect ({detail})",
                      "Check the host name in the url in feeds.yaml and your network; it is retried with backoff")  # fmt: skip
    if isinstance(exc, aiohttp.InvalidURL | aiohttp.NonHttpUrlClientError | ValueError):
        return _error(feed, url, f"invalid URL ({detail})", "Fix the url in feeds.yaml")
    if isinstance(exc, aiohttp.ClientError | OSError):
        return _error(feed, url, f"the connection failed ({type(exc).__name__}: {detail})",
                      "Usually transient; it is retried with backoff")  # fmt: skip
    return _error(feed, url, f"unexpected error ({type(exc).__name__}: {detail})",
                  "It is retried with backoff; report it if it persists")  # fmt: skip
