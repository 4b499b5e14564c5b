"""A local fake of the Slack Web API (and incoming webhooks / response_urls) on 127.0.0.1.

It runs an aiohttp server on its own thread and event loop, so both async tests
(the real ``AsyncWebClient``, bolt) and sync code (``asyncio.run`` inside the
CLI) can talk to it. Point clients at ``fake.api_url`` (``…/api/``).

Recorded calls carry their parsed form/JSON body. File uploads (files_upload_v2) work
as Slack's do: ``files.getUploadURLExternal`` hands out an upload URL on this server,
the bytes POSTed there land in ``uploads[file_id]``, and ``files.completeUploadExternal``
shares the file into a channel (``shared[file_id]``). Faults can be queued:
``hang_next(1, seconds=1)`` (record, answer late),
``fail_next(n, status=429, retry_after=1)``, ``fail_next(n, status=503)``,
``fail_next(n, error="channel_not_found")``; a channel can be broken for good
with ``channel_errors["C1"] = "is_archived"``.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import pytest
from aiohttp import web

BOT_TOKEN = "xoxb-test-token"


@dataclass
class Call:
    method: str  # "chat.postMessage", "hooks/<name>", "response/<id>", …
    body: dict[str, Any]
    token: str | None = None


@dataclass
class Fault:
    status: int = 200
    error: str | None = None
    retry_after: float | None = None
    method: str | None = None  # None: any recorded method
    delay: float = 0.0  # > 0: a slow *success*: recorded at once, answered after delay
    until: threading.Event | None = None  # answered once this is set (delay: safety net)


@dataclass
class FakeSlack:
    tokens: set[str] = field(default_factory=lambda: {BOT_TOKEN})
    admins: set[str] = field(default_factory=set)  # users.info answers is_admin for these
    team_id: str = "T0TEST"
    channel_errors: dict[str, str] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    port: int = 0
    uploads: dict[str, bytes] = field(default_factory=dict)  # file id → bytes received
    announced: dict[str, int] = field(default_factory=dict)  # file id → length announced
    shared: dict[str, dict[str, Any]] = field(default_factory=dict)  # file id → completion
    _faults: list[Fault] = field(default_factory=list)
    _attempts: dict[str, int] = field(default_factory=dict)
    _ts: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _loop: asyncio.AbstractEventLoop | None = None
    _runner: web.AppRunner | None = None
    _thread: threading.Thread | None = None

    # ------------------------------------------------------------------ control

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def webhook_url(self, name: str = "T0/B0/secret") -> str:
        return f"{self.base}/hooks/{name}"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.base}/response/{name}"

    def fail_next(
        self,
        times: int = 1,
        *,
        status: int = 200,
        error: str | None = None,
        retry_after: float | None = None,
        method: str | None = None,
    ) -> None:
        with self._lock:
            self._faults += [Fault(status, error, retry_after, method) for _ in range(times)]

    def hang_next(self, times: int = 1, *, seconds: float, method: str | None = None) -> None:
        """Accept and record the next call(s) but answer only after ``seconds``
        (to crash a client between "Slack took the message" and "we recorded it")."""
        with self._lock:
            self._faults += [Fault(method=method, delay=seconds) for _ in range(times)]

    def hold_next(self, *, method: str | None = None, limit: float = 60.0) -> threading.Event:
        """Accept and record the next call but answer it only once the returned event
        is set (or after ``limit`` seconds, a safety net): a call kept in flight."""
        release = threading.Event()
        with self._lock:
            self._faults.append(Fault(method=method, delay=limit, until=release))
        return release

    def recorded(self, method: str) -> list[Call]:
        with self._lock:
            return [
                c for c in self.calls if c.method == method or c.method.startswith(method + "/")
            ]

    def attempts(self, method: str) -> int:
        """Requests that reached ``method``, including the failed ones."""
        with self._lock:
            return self._attempts.get(method, 0)

    # ------------------------------------------------------------------ server

    def _take_fault(self, method: str) -> Fault | None:
        with self._lock:
            for index, fault in enumerate(self._faults):
                if fault.method in (None, method) or method.startswith(f"{fault.method}/"):
                    return self._faults.pop(index)
        return None

    async def _body(self, request: web.Request) -> dict[str, Any]:
        raw = await request.text()
        body: dict[str, Any] = dict(parse_qsl(request.query_string))
        if request.content_type == "application/json" and raw:
            body.update(json.loads(raw))
        elif raw:
            body.update(dict(parse_qsl(raw)))
        for key in ("blocks", "attachments", "files"):
            if isinstance(body.get(key), str):
                body[key] = json.loads(body[key])
        return body

    def _fault_response(self, fault: Fault, hook: bool) -> web.Response:
        headers = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else {}
        if fault.status != 200:
            if hook:
                return web.Response(
                    status=fault.status, text=fault.error or "error", headers=headers
                )
            if fault.status == 429:
                payload = {"ok": False, "error": "ratelimited"}
                return web.json_response(payload, status=429, headers=headers)
            return web.Response(
                status=fault.status, text="<html>oops</html>", content_type="text/html"
            )
        if hook:
            return web.Response(status=400, text=fault.error or "invalid_payload")
        return web.json_response({"ok": False, "error": fault.error})

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        body = await self._body(request)
        with self._lock:
            self._attempts[method] = self._attempts.get(method, 0) + 1
        fault = self._take_fault(method)
        if fault is not None and not fault.delay:
            return self._fault_response(fault, hook=False)
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") or body.get("token")
        if method != "oauth.v2.access" and token not in self.tokens:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        answer = self._answer(method, body)
        if answer.get("ok"):
            with self._lock:
                self.calls.append(Call(method, body, token))
        if fault is not None and fault.until is not None:
            deadline = asyncio.get_running_loop().time() + fault.delay
            while not fault.until.is_set() and asyncio.get_running_loop().time() < deadline:
                await asyncio.sleep(0.02)
        elif fault is not None:
            await asyncio.sleep(fault.delay)
        return web.json_response(answer)

    def _answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": self.team_id,
                    "team": "Test", "url": "https://test.slack.com/"}  # fmt: skip
        if method == "users.info":
            user = str(body.get("user"))
            admin = user in self.admins
            return {"ok": True, "user": {"id": user, "is_admin": admin, "is_owner": False}}
        if method in ("chat.postMessage", "chat.update"):
            channel = str(body.get("channel"))
            if channel in self.channel_errors:
                return {"ok": False, "error": self.channel_errors[channel]}
            problem = validate_blocks(body.get("blocks") or [])
            if problem:
                return {"ok": False, "error": "invalid_blocks", "detail": problem}
            if method == "chat.update":
                return {
                    "ok": True,
                    "channel": channel,
                    "ts": body.get("ts"),
                    "text": body.get("text"),
                }
            with self._lock:
                self._ts += 1
                ts = f"1700000000.{self._ts:06d}"
            return {"ok": True, "channel": channel, "ts": ts, "message": {"text": body.get("text")}}
        if method.startswith("files."):
            return self._files(method, body)
        return {"ok": False, "error": "unknown_method"}

    def _files(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        if method == "files.getUploadURLExternal":
            if not body.get("filename") or not str(body.get("length", "")).isdigit():
                return {"ok": False, "error": "invalid_arguments"}
            with self._lock:
                self._ts += 1
                file_id = f"F{self._ts:08d}"
                self.announced[file_id] = int(body["length"])
            return {"ok": True, "upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            channel = str(body.get("channel_id") or "")
            if channel in self.channel_errors:
                return {"ok": False, "error": self.channel_errors[channel]}
            files = body.get("files") or []
            for item in files:
                data = self.uploads.get(str(item.get("id")))
                if data is None or len(data) != self.announced.get(str(item["id"])):
                    return {"ok": False, "error": "file_upload_incomplete"}
                self.shared[str(item["id"])] = {**item, "channel_id": channel,
                                                "initial_comment": body.get("initial_comment")}  # fmt: skip
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]}
        return {"ok": False, "error": "unknown_method"}

    async def _upload(self, request: web.Request) -> web.Response:
        file_id = request.match_info["file_id"]
        if file_id not in self.announced:
            return web.Response(status=404, text="unknown upload")
        data = await request.read()
        with self._lock:
            self.uploads[file_id] = data
        return web.Response(text=f"OK - {len(data)}")

    async def _hook(self, request: web.Request) -> web.Response:
        kind = request.path.split("/")[1]  # "hooks" | "response"
        name = f"{kind}/{request.match_info['name']}"
        body = await self._body(request)
        with self._lock:
            self._attempts[kind] = self._attempts.get(kind, 0) + 1
        fault = self._take_fault(name)
        if fault is not None:
            return self._fault_response(fault, hook=True)
        problem = validate_blocks(body.get("blocks") or [])
        if problem:
            return web.Response(status=400, text="invalid_blocks")
        with self._lock:
            self.calls.append(Call(name, body))
        return web.Response(text="ok", content_type="text/html")

    def start(self) -> FakeSlack:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            app = web.Application()
            app.router.add_route("*", "/api/{method}", self._api)
            app.router.add_post("/hooks/{name:.+}", self._hook)
            app.router.add_post("/response/{name:.+}", self._hook)
            app.router.add_post("/upload/{file_id}", self._upload)
            self._runner = web.AppRunner(app)
            loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            loop.run_until_complete(site.start())
            self.port = int(self._runner.addresses[0][1])
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._runner.cleanup())
            loop.close()

        self._thread = threading.Thread(target=run, name="fake-slack", daemon=True)
        self._thread.start()
        ready.wait(5)
        return self

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)


def validate_blocks(blocks: list[dict[str, Any]]) -> str | None:
    """Slack's main Block Kit limits; a message breaking one is refused like Slack does."""
    if len(blocks) > 50:
        return "more than 50 blocks"
    for block in blocks:
        text = (block.get("text") or {}).get("text", "")
        if block.get("type") == "header" and not 0 < len(text) <= 150:
            return "header text must be 1-150 characters"
        if block.get("type") == "section":
            fields = block.get("fields") or []
            if len(text) > 3000 or len(fields) > 10:
                return "section text over 3000 or more than 10 fields"
            if any(len(f.get("text", "")) > 2000 for f in fields):
                return "field text over 2000"
            if not text and not fields:
                return "section needs text or fields"
    return None


@contextmanager
def running_fake() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def fake_slack_server() -> Iterator[FakeSlack]:
    """A started FakeSlack, stopped after the test (bind it as ``fake = fake_slack_server``)."""
    server = FakeSlack().start()
    yield server
    server.stop()
