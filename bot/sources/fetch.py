"""Fetching feeds over HTTP: the only module importing httpx.

``Fetcher`` turns a FeedState into a FetchResult: a conditional GET with a
connect timeout and a total deadline, a streamed size cap on decoded bytes,
manual redirects (so a 301/308 chain can be told from a 302/307 one), and
limits on concurrent requests overall and per host. It never raises for a
feed's problem; the result says what happened, naming the feed and the fix.
Nothing httpx-shaped leaves this module; ``bot.sources.parse`` reads the body.
"""

from __future__ import annotations

import asyncio
import re
import select
import socket
import ssl
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from bot.models import FeedState, FetchResult, FetchSettings
from bot.sources.backoff import parse_retry_after
from bot.sources.netpolicy import NetworkPolicy

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"  # kind "page"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_NO_BODY_WANTED = _REDIRECTS | {304}
_DRAIN_LIMIT = 64 * 1024  # a longer unwanted body closes the connection instead


class _Problem(Exception):
    """A feed problem: what went wrong and what the user can do about it."""

    def __init__(self, problem: str, fix: str, status: int | None = None) -> None:
        super().__init__(problem)
        self.problem, self.fix, self.status = problem, fix, status


def _describe(feed: FeedState, url: str, problem: str, fix: str) -> str:
    return f"feed {feed.name!r} ({url}): {problem}. {fix}"


# --------------------------------------------------------------------------- fetching


class Fetcher:
    """Owns one httpx.AsyncClient; use as ``async with Fetcher(settings) as f``."""

    def __init__(
        self, settings: FetchSettings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.settings = settings
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._overall = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._policy = NetworkPolicy(settings.allow_hosts)

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        # every connection may be kept alive for the next feed on the same host
        size = max(s.concurrency, 1)
        limits = httpx.Limits(max_connections=size, max_keepalive_connections=size)
        self._client = httpx.AsyncClient(
            transport=self._transport or guarded_transport(self._policy, limits),
            follow_redirects=False,
            timeout=httpx.Timeout(s.total_timeout, connect=s.connect_timeout, pool=s.total_timeout),
            headers={"User-Agent": s.user_agent, "Accept": ACCEPT},
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

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
        if self._client is None:
            raise RuntimeError("Fetcher is not open: use 'async with Fetcher(settings) as f'")
        started = time.monotonic()
        host = (urlsplit(feed.url).hostname or "").lower()
        # politeness per host is for other people's servers, not for those named in
        # allow_hosts (one server of your own may well carry hundreds of feeds)
        limit = self.settings.concurrency if self._policy.listed(host) else self.settings.per_host
        per_host = self._hosts.setdefault(host, asyncio.Semaphore(limit))
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
        except httpx.ConnectTimeout:
            return _error(feed, progress.url, f"no connection within {s.connect_timeout:g} s",
                          "Check the URL and your network, or raise defaults.connect_timeout in feeds.yaml")  # fmt: skip
        except (TimeoutError, httpx.TimeoutException):
            return _error(feed, progress.url, f"no complete response within {s.total_timeout:g} s",
                          "The server is slow or stalled; it will be retried with backoff, or raise defaults.total_timeout in feeds.yaml")  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - one feed must never stop the others
            return _unexpected(feed, progress.url, exc)

    async def _follow(self, feed: FeedState, progress: _Progress) -> FetchResult:
        assert self._client is not None
        headers = {"Accept": PAGE_ACCEPT} if feed.kind == "page" else {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        while True:
            request = self._client.build_request("GET", progress.url, headers=headers)
            response = await self._client.send(request, stream=True)
            try:
                location = response.headers.get("location")
                if response.status_code in _NO_BODY_WANTED:
                    # read the (empty or tiny) body so the connection is kept alive
                    await _drain(response)
                if response.status_code in _REDIRECTS and location:
                    progress.redirect(response.status_code, str(response.url.join(location)),
                                      self.settings.max_redirects)  # fmt: skip
                    continue
                return await self._result(feed, response, progress)
            finally:
                await response.aclose()

    async def _result(
        self, feed: FeedState, response: httpx.Response, progress: _Progress
    ) -> FetchResult:
        code = response.status_code
        headers = tuple((k.lower(), v) for k, v in response.headers.items())
        base: dict[str, Any] = {
            "feed_id": feed.id,
            "status_code": code,
            "headers": headers,
            "final_url": progress.url,
            "permanent_redirect": progress.permanent(),
            "etag": response.headers.get("etag"),
            "last_modified": response.headers.get("last-modified"),
        }
        retry_after = parse_retry_after(response.headers.get("retry-after"), now=datetime.now(UTC))
        if code == 304:
            return FetchResult(outcome="not_modified", **base)
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
            problem, fix = _status_problem(code, response.reason_phrase)
            raise _Problem(problem, fix, code)
        if progress.before_body is not None:
            await progress.before_body()
        body = await self._read_capped(response)
        return FetchResult(outcome="ok", body=body, **base)

    async def _read_capped(self, response: httpx.Response) -> bytes:
        cap = self.settings.max_bytes
        fix = ("Raise defaults.max_bytes in feeds.yaml if this feed really is that large, "
               "or fix the url so it points at the feed and not at a large file")  # fmt: skip
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise _Problem(f"the response is {int(declared):,} bytes (Content-Length), over the "
                           f"size cap of {cap:,} bytes; refused without downloading it", fix)  # fmt: skip
        body = bytearray()
        try:
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > cap:
                    raise _Problem(f"the response is larger than the size cap of {cap:,} bytes "
                                   "(stopped reading after exceeding it)", fix)  # fmt: skip
        except httpx.DecodingError as exc:
            raise _Problem(f"the response could not be decompressed ({exc})",
                           "The server sends a broken compressed body; report it to the site or remove the feed") from exc  # fmt: skip
        return bytes(body)


async def _drain(response: httpx.Response) -> None:
    """Read an unwanted body to its end (small ones only), so that httpcore puts
    the connection back in the pool instead of closing it."""
    read = 0
    async for chunk in response.aiter_raw():
        read += len(chunk)
        if read > _DRAIN_LIMIT:
            break


# --------------------------------------------------------------------------- network policy


class _Refused(_Problem):
    """A connection the network policy refuses (bot/sources/netpolicy.py)."""


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves each host itself, checks EVERY resolved address against the policy,
    then connects to a checked address (so a second DNS answer cannot differ: no
    rebinding gap). Every connection goes through here, each redirect hop included."""

    def __init__(self, policy: NetworkPolicy) -> None:
        self.policy = policy
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await _resolve(host, port, timeout)
        for address in addresses:
            if self.policy.refusal(host, address):
                raise _Refused(*self.policy.problem(host, address))
        error: Exception | None = None
        for address in addresses:
            try:
                stream = await self._inner.connect_tcp(address, port, timeout=timeout,
                    local_address=local_address, socket_options=socket_options)  # fmt: skip
                return _KeptStream(stream, stream.get_extra_info("socket"))
            except httpcore.ConnectError as exc:
                error = exc
        raise error or httpcore.ConnectError(f"no address for {host}")

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Any = None) -> httpcore.AsyncNetworkStream:  # fmt: skip
        raise _Refused(f"refused to use the unix socket {path}", "Use an http(s) URL")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _KeptStream(httpcore.AsyncNetworkStream):
    """anyio's stream with a cheap "is_readable": httpcore's pool asks it of every
    pooled connection each time a request comes or goes, and anyio answers by
    building a dict of socket attributes (a getpeername call included) each time;
    here it is one poll of the socket, kept from the connection's start."""

    def __init__(self, inner: httpcore.AsyncNetworkStream, sock: socket.socket | None) -> None:
        self._inner, self._sock = inner, sock

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:  # fmt: skip
        return _KeptStream(await self._inner.start_tls(ssl_context, server_hostname, timeout),
                           self._sock)  # fmt: skip

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable" and self._sock is not None:
            return _readable(self._sock)
        return self._inner.get_extra_info(info)


def _readable(sock: socket.socket) -> bool:
    """What httpcore's ``is_socket_readable`` says (readable: data or EOF waiting,
    so an idle keep-alive connection is dead), without its per-call detours."""
    fd = sock.fileno()
    if fd == -1:
        return True
    if not hasattr(select, "poll"):
        return bool(select.select([fd], [], [], 0)[0])
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(0))


async def _resolve(host: str, port: int, timeout: float | None) -> list[str]:
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(timeout):
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except TimeoutError:
        raise httpcore.ConnectTimeout(f"resolving {host} took longer than {timeout} s") from None
    except OSError as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def guarded_transport(policy: NetworkPolicy, limits: httpx.Limits) -> httpx.AsyncHTTPTransport:
    """httpx's own transport with its connection pool opening sockets only through
    ``_GuardedBackend``. Proxies from the environment are not used: a proxy would
    make the connection on our behalf, out of the policy's sight."""
    transport = httpx.AsyncHTTPTransport(limits=limits, trust_env=False)
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=_GuardedBackend(policy),
    )
    return transport


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
    if isinstance(exc, ssl.SSLError) or re.search(r"ssl|certificate|tls", detail, re.I):
        return _error(feed, url, f"TLS/certificate problem ({detail})",
                      "Check the url's scheme and host; the site's certificate may be invalid or expired")  # fmt: skip
    if isinstance(exc, httpx.ConnectError):
        return _error(feed, url, f"cannot connect ({detail})",
                      "Check the host name in the url in feeds.yaml and your network; it is retried with backoff")  # fmt: skip
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return _error(feed, url, f"invalid URL ({detail})", "Fix the url in feeds.yaml")
    if isinstance(exc, httpx.TransportError):
        return _error(feed, url, f"the connection failed ({type(exc).__name__}: {detail})",
                      "Usually transient; it is retried with backoff")  # fmt: skip
    return _error(feed, url, f"unexpected error ({type(exc).__name__}: {detail})",
                  "It is retried with backoff; report it if it persists")  # fmt: skip
