"""A local fake of the Discord REST API on 127.0.0.1 for offline tests.

Point discord.py at it with ``discord.http.Route.BASE = fake.api_base`` (the
adapter does this when ``DiscordSettings.api_base`` is set). It answers what the
bot uses: login (``/users/@me``, ``/oauth2/applications/@me``), channel messages
(create, edit), threads from a message, webhook execute/edit, command sync and
interaction callbacks/follow-ups. Every request is recorded with its JSON body.
``fail_next`` makes the next N matching calls answer 429/403/404/5xx.

Responses carry ``Content-Type: application/json`` exactly: discord.py only
parses bodies with that exact type.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

import pytest
from aiohttp import WSMsgType, web
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.chat.discord.settings import DiscordSettings

BOT_ID = "900000000000000001"
APP_ID = "900000000000000002"
OWNER_ID = "900000000000000003"
JSON_TYPE = "application/json"
# Typed request keys where aiohttp has them (3.12+); plain string keys on the declared floor.
_KEY: Any = getattr(web, "RequestKey", None)
BODY: Any = _KEY("body", object) if _KEY else "fake_discord.body"  # the parsed JSON / payload_json
FILES: Any = _KEY("files", list) if _KEY else "fake_discord.files"  # multipart files[n]


@dataclass(frozen=True)
class File:
    """A file attached to a request (multipart ``files[n]``), as Discord receives it."""

    field: str
    filename: str
    content_type: str
    data: bytes


@dataclass
class Call:
    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    json: Any  # the JSON body, or a multipart request's payload_json
    headers: dict[str, str]
    files: list[File] = field(default_factory=list)


@dataclass
class Failure:
    status: int
    times: int
    code: int = 0
    message: str = ""
    retry_after: float | None = None
    path_contains: str = ""
    method: str | None = None
    is_global: bool = False


@dataclass
class FakeDiscord:
    """Start with ``await fake.start()``; ``api_base`` is then the Route.BASE to use."""

    calls: list[Call] = field(default_factory=list)
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)  # message id → payload
    threads: dict[str, dict[str, Any]] = field(default_factory=dict)  # thread id → payload
    commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # scope → synced
    failures: list[Failure] = field(default_factory=list)
    gateway_frames: list[dict[str, Any]] = field(default_factory=list)  # what clients sent
    sockets: list[web.WebSocketResponse] = field(default_factory=list)
    port: int = 0
    _seq: int = 0
    _runner: web.AppRunner | None = None
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(910000000000000000))

    # ------------------------------------------------------------------ control

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    def webhook_url(self, webhook_id: str = "930000000000000001", token: str = "t" * 68) -> str:
        """A real-looking webhook URL: discord.py parses id and token from it and sends
        the requests to ``Route.BASE``, i.e. to this fake."""
        return f"https://discord.com/api/webhooks/{webhook_id}/{token}"

    def fail_next(
        self,
        status: int,
        times: int = 1,
        *,
        code: int = 0,
        message: str = "",
        retry_after: float | None = None,
        path_contains: str = "",
        method: str | None = None,
        is_global: bool = False,
    ) -> None:
        """The next ``times`` requests whose path contains ``path_contains`` (and whose
        method is ``method``, when given) get this error instead of an answer."""
        self.failures.append(
            Failure(
                status,
                times,
                code,
                message or f"fake error {status}",
                retry_after,
                path_contains,
                method,
                is_global,
            )  # fmt: skip
        )

    def posts(self, path_contains: str = "/messages") -> list[Call]:
        """Successful-or-not POST calls that create messages (channel or webhook)."""
        return [c for c in self.calls if c.method == "POST" and path_contains in c.path]

    def find(self, method: str, path_contains: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and path_contains in c.path]

    async def start(self) -> FakeDiscord:
        app = web.Application(middlewares=[self._middleware])
        api = "/api/v10"
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get(f"{api}/users/@me", self._me)
        app.router.add_get(f"{api}/oauth2/applications/@me", self._application)
        app.router.add_get(f"{api}/applications/@me", self._application)
        app.router.add_post(f"{api}/channels/{{channel}}/messages", self._create_message)
        app.router.add_patch(f"{api}/channels/{{channel}}/messages/{{message}}", self._edit_message)
        app.router.add_post(
            f"{api}/channels/{{channel}}/messages/{{message}}/threads", self._create_thread
        )
        app.router.add_put(f"{api}/applications/{{app}}/commands", self._sync_commands)
        app.router.add_put(
            f"{api}/applications/{{app}}/guilds/{{guild}}/commands", self._sync_commands
        )
        app.router.add_post(f"{api}/interactions/{{id}}/{{token}}/callback", self._callback)
        app.router.add_post(f"{api}/webhooks/{{hook}}/{{token}}", self._execute_webhook)
        app.router.add_patch(
            f"{api}/webhooks/{{hook}}/{{token}}/messages/{{message}}", self._edit_webhook_message
        )
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        return self

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a gateway DISPATCH (e.g. INTERACTION_CREATE) to every connected client."""
        self._seq += 1
        frame = {"op": 0, "t": event, "s": self._seq, "d": data}
        for socket in list(self.sockets):
            await socket.send_str(json.dumps(frame))

    async def stop(self) -> None:
        for socket in list(self.sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ------------------------------------------------------------------ plumbing

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        raw = await request.read()
        files: list[File] = []
        if request.content_type == "multipart/form-data":
            body, files = _multipart(request.headers["Content-Type"], raw)
        else:
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw.decode("utf-8", "replace")
        request[BODY] = body
        request[FILES] = files
        path = request.path.removeprefix("/api/v10")
        self.calls.append(
            Call(request.method, path, dict(request.query), body, dict(request.headers), files)
        )
        failure = self._take_failure(request.method, path)
        if failure is not None:
            return self._error(failure)
        response: web.StreamResponse = await handler(request)
        return response

    def _take_failure(self, method: str, path: str) -> Failure | None:
        for failure in self.failures:
            if failure.path_contains in path and failure.method in (None, method):
                failure.times -= 1
                if failure.times <= 0:
                    self.failures.remove(failure)
                return failure
        return None

    def _error(self, failure: Failure) -> web.Response:
        headers = {"Via": "1.1 google"}  # discord.py treats a 429 without Via as a Cloudflare ban
        body: dict[str, Any] = {"message": failure.message, "code": failure.code}
        if failure.status == 429:
            retry = failure.retry_after if failure.retry_after is not None else 0.05
            body.update(retry_after=retry, message="You are being rate limited.")
            body["global"] = failure.is_global
            headers.update({
                "Retry-After": str(retry),
                "X-RateLimit-Limit": "5",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset-After": str(retry),
                "X-RateLimit-Bucket": "fakebucket",
                "X-RateLimit-Scope": "global" if failure.is_global else "user",
            })  # fmt: skip
            if failure.is_global:
                headers["X-RateLimit-Global"] = "true"
        return self._json(body, status=failure.status, headers=headers)

    @staticmethod
    def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
        # web.json_response would add "; charset=utf-8", which discord.py does not parse.
        response = web.Response(body=json.dumps(data).encode(), status=status, headers=headers)
        response.headers["Content-Type"] = JSON_TYPE
        return response

    def _next_id(self) -> str:
        return str(next(self._ids))

    @staticmethod
    def user(user_id: str = BOT_ID, name: str = "policybot", bot: bool = True) -> dict[str, Any]:
        return {"id": user_id, "username": name, "discriminator": "0", "global_name": None,
                "avatar": None, "bot": bot, "flags": 0}  # fmt: skip

    def _message(self, channel: str, body: dict[str, Any], message_id: str | None = None,
                 webhook_id: str | None = None, files: list[File] | None = None) -> dict[str, Any]:  # fmt: skip
        message = {
            "id": message_id or self._next_id(),
            "channel_id": channel,
            "author": self.user(),
            "content": body.get("content") or "",
            "timestamp": datetime.now(UTC).isoformat(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [
                {
                    "id": self._next_id(),
                    "filename": f.filename,
                    "size": len(f.data),
                    "content_type": f.content_type,
                    "url": f"https://cdn.invalid/{f.filename}",
                    "proxy_url": f"https://cdn.invalid/{f.filename}",
                }
                for f in files or []
            ],  # fmt: skip
            "embeds": body.get("embeds") or [],
            "pinned": False,
            "type": 19 if body.get("message_reference") else 0,
            "flags": body.get("flags") or 0,
        }
        if body.get("message_reference"):
            message["message_reference"] = body["message_reference"]
        if webhook_id:
            message["webhook_id"] = webhook_id
        return message

    # ------------------------------------------------------------------ handlers

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        """A minimal gateway: HELLO, READY after IDENTIFY, ACK for heartbeats.
        Frames go out as text JSON (discord.py only inflates binary frames)."""
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self.sockets.append(socket)
        await socket.send_str(json.dumps({"op": 10, "s": None, "t": None,
                                          "d": {"heartbeat_interval": 41250}}))  # fmt: skip
        async for frame in socket:
            if frame.type != WSMsgType.TEXT:
                continue
            data = json.loads(frame.data)
            self.gateway_frames.append(data)
            if data.get("op") == 1:
                await socket.send_str(json.dumps({"op": 11, "s": None, "t": None, "d": None}))
            elif data.get("op") == 2:
                await self.dispatch("READY", {
                    "v": 10, "user": self.user(), "guilds": [], "session_id": "fake-session",
                    "resume_gateway_url": f"ws://127.0.0.1:{self.port}/gateway",
                    "application": {"id": APP_ID, "flags": 0}, "shard": [0, 1],
                })  # fmt: skip
        self.sockets.remove(socket)
        return socket

    async def _me(self, request: web.Request) -> web.Response:
        return self._json(self.user())

    async def _application(self, request: web.Request) -> web.Response:
        return self._json({
            "id": APP_ID, "name": "policybot", "icon": None, "description": "",
            "rpc_origins": [], "bot_public": True, "bot_require_code_grant": False,
            "owner": self.user(OWNER_ID, "owner", bot=False), "team": None,
            "verify_key": "0" * 64, "flags": 0, "summary": "",
        })  # fmt: skip

    async def _create_message(self, request: web.Request) -> web.Response:
        channel = request.match_info["channel"]
        message = self._message(channel, request[BODY], files=request[FILES])
        self.messages[message["id"]] = message
        return self._json(message)

    async def _edit_message(self, request: web.Request) -> web.Response:
        message_id = request.match_info["message"]
        if message_id not in self.messages:
            return self._json({"message": "Unknown Message", "code": 10008}, status=404)
        body = await request.json()
        message = {**self.messages[message_id], **body}
        message["edited_timestamp"] = datetime.now(UTC).isoformat()
        self.messages[message_id] = message
        return self._json(message)

    async def _create_thread(self, request: web.Request) -> web.Response:
        channel, message_id = request.match_info["channel"], request.match_info["message"]
        if message_id in self.threads:
            return self._json(
                {"message": "A thread has already been created for this message", "code": 160004},
                status=400,
            )
        body = await request.json()
        thread = {
            "id": message_id,  # Discord: a thread started from a message shares its id
            "type": 11, "guild_id": "920000000000000001", "parent_id": channel,
            "name": body.get("name", "thread"), "owner_id": BOT_ID,
            "thread_metadata": {"archived": False, "auto_archive_duration":
                                body.get("auto_archive_duration", 1440),
                                "archive_timestamp": datetime.now(UTC).isoformat(), "locked": False},
            "message_count": 0, "member_count": 1, "rate_limit_per_user": 0, "flags": 0,
        }  # fmt: skip
        self.threads[message_id] = thread
        return self._json(thread, status=201)

    async def _sync_commands(self, request: web.Request) -> web.Response:
        body = await request.json()
        scope = request.match_info.get("guild", "global")
        synced = [
            {**command, "id": self._next_id(), "application_id": APP_ID, "version": "1",
             "default_member_permissions": command.get("default_member_permissions")}
            for command in body
        ]  # fmt: skip
        self.commands[scope] = synced
        return self._json(synced)

    async def _callback(self, request: web.Request) -> web.Response:
        body = request[BODY]
        data = body.get("data") or {}
        interaction: dict[str, Any] = {"id": request.match_info["id"], "type": 2}
        resource: dict[str, Any] | None = None
        if body.get("type") == 4:
            message = self._message("0", data, files=request[FILES])
            interaction.update(response_message_id=message["id"],
                               response_message_ephemeral=bool((data.get("flags") or 0) & 64))  # fmt: skip
            resource = {"type": 4, "message": message}
        return self._json({"interaction": interaction, "resource": resource})

    async def _execute_webhook(self, request: web.Request) -> web.Response:
        body = request[BODY]
        message = self._message("940000000000000001", body, webhook_id=request.match_info["hook"],
                                files=request[FILES])  # fmt: skip
        self.messages[message["id"]] = message
        if request.query.get("wait") in ("true", "1", "True"):
            return self._json(message)
        return web.Response(status=204)

    async def _edit_webhook_message(self, request: web.Request) -> web.Response:
        return await self._edit_message(request)


def _multipart(content_type: str, raw: bytes) -> tuple[Any, list[File]]:
    """A multipart/form-data body as Discord reads it: ``payload_json`` and ``files[n]``."""
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + raw
    )
    body: Any = None
    files: list[File] = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        data = part.get_payload(decode=True) or b""
        if name == "payload_json":
            body = json.loads(data)
        else:
            files.append(File(str(name), part.get_filename() or "", part.get_content_type(), data))
    return body, files


# ---------------------------------------------------------------------- fixtures
# Test modules bind these by assignment (``fake = fake_discord.fake``).

TOKEN = "fake-token.for-tests.only"


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """A running fake; discord.py's Route.BASE and gateway URL are restored afterwards."""
    original = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    server = await FakeDiscord().start()
    try:
        yield server
    finally:
        await server.stop()
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = original


@pytest.fixture
def settings(fake: FakeDiscord) -> DiscordSettings:
    return DiscordSettings(token=TOKEN, api_base=fake.api_base)
