"""The platform registry: every registered platform is complete, and a new platform is
one registry entry plus a poster (a toy one here) with no other module edited."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from bot.app import poll_and_deliver
from bot.chat import registry
from bot.config import ConfigError, load_config
from bot.delivery.platform import DestinationError, DestinationForm, Platform, PosterContext
from bot.delivery.poster import Poster
from bot.models import Destination, Message, Posted
from store import Store
from tests import feedserver
from tests.feedserver import ALLOW_LOCAL, FeedServer
from tests.test_pipeline_e2e import OLD, PAUSE_A, rss

feed_server = feedserver.feed_server

REGISTERED = registry.platforms()


@pytest.mark.parametrize("platform", REGISTERED, ids=lambda p: p.name)
def test_each_platform_is_complete(platform: Platform) -> None:
    assert platform.label and platform.section and platform.destinations
    settings = platform.load_settings(None, {}, "feeds.yaml")  # no section: defaults
    prefixes = {form.prefix for form in platform.destinations}
    for poster in platform.posters(settings, PosterContext(stream=io.StringIO())):
        assert poster.platforms <= prefixes  # a platform posts only to its own destinations
    for form in platform.destinations:
        assert form.enable_hint and form.prefix in form.usage
        dest = registry.parse_destination(form.example, allow_local_webhooks=True)
        assert dest.platform == form.prefix and str(dest) == form.example
        assert registry.owner(form.prefix) is platform
    if platform.runtime is not None:
        assert platform.runtime(settings, None) is None  # type: ignore[arg-type]  # not configured


def test_names_sections_and_prefixes_are_unique() -> None:
    names = [p.name for p in REGISTERED]
    sections = [p.section for p in REGISTERED]
    prefixes = [f.prefix for f in registry.forms()]
    assert len(set(names)) == len(names) and len(set(sections)) == len(sections)
    assert len(set(prefixes)) == len(prefixes)
    with pytest.raises(ValueError, match="already registered"), registry.registered(REGISTERED[0]):
        pass


def test_an_unknown_prefix_names_every_accepted_form() -> None:
    with pytest.raises(DestinationError) as caught:
        registry.parse_destination("pager:42")
    for form in registry.forms():
        if form.paced:
            assert form.usage in str(caught.value)


# --------------------------------------------------------------------------- a toy platform


class ToyPoster:
    """Posts into a list: what a platform module's poster would send to its API."""

    platforms = frozenset({"toy"})

    def __init__(self, sent: list[tuple[Destination, Message]]) -> None:
        self.sent = sent

    async def post(
        self, dest: Destination, message: Message, *, thread: Posted | None = None
    ) -> Posted:
        self.sent.append((dest, message))
        return Posted(ref=str(len(self.sent)))

    async def edit(self, dest: Destination, posted: Posted, message: Message) -> None:
        return None

    async def close(self) -> None:
        return None


def toy_platform(sent: list[tuple[Destination, Message]]) -> Platform:
    def parse(text: str, rest: str, allow_local: bool) -> Destination:
        if not rest.isalpha():
            raise DestinationError(f"{text!r}: a toy room is a word")
        return Destination("toy", channel=rest)

    def load_settings(raw: Any, env: Mapping[str, str], where: str) -> dict[str, Any]:
        if raw is not None and not isinstance(raw, dict):
            raise ConfigError(f"{where}: 'toy' must be a mapping")
        return dict(raw or {})

    def posters(settings: dict[str, Any], context: PosterContext) -> list[Poster]:
        return [ToyPoster(sent)] if settings.get("enabled", True) else []

    form = DestinationForm("toy", "toy:ROOM", "toy:lobby", parse, "set 'toy: {enabled: true}'")
    return Platform(name="toy", label="Toy", section="toy", destinations=(form,),
                    load_settings=load_settings, posters=posters,
                    enabled=lambda s: bool(s.get("enabled", True)))  # fmt: skip


def write_config(tmp_path: Path, server: FeedServer) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "defaults:\n  interval: 15m\n" + ALLOW_LOCAL + "console: false\n"
        "toy:\n  enabled: true\n"
        "subscriptions:\n  - destination: toy:lobby\n"
        f"feeds:\n  - name: Outlet A\n    url: {server.url('/a.xml')}\n    kind: news\n",
        encoding="utf-8",
    )
    return path


def test_a_toy_platform_delivers_an_alert_end_to_end(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    sent: list[tuple[Destination, Message]] = []
    feed_server.set("/a.xml", rss(OLD), etag='"a1"')
    with registry.registered(toy_platform(sent)):
        config = load_config(write_config(tmp_path, feed_server), env={})
        assert config.platform_settings("toy") == {"enabled": True}
        store = Store.open(tmp_path / "bot.db")
        try:
            asyncio.run(poll_and_deliver(store, config, include_all=True))  # baseline: silent
            assert sent == []
            feed_server.set("/a.xml", rss(PAUSE_A, OLD), etag='"a2"')
            _, delivered = asyncio.run(poll_and_deliver(store, config, include_all=True))
        finally:
            store.close()
    assert delivered.sent == 1 and len(sent) == 1
    dest, message = sent[0]
    assert dest == Destination("toy", channel="lobby")
    assert "Amazon" in message.text and "Rekognition" in message.text
    assert registry.owner("toy") is None  # the with block took it out again


def test_an_unregistered_section_or_prefix_is_refused(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    path = write_config(tmp_path, feed_server)
    with pytest.raises(ConfigError, match="unknown top-level key"):
        load_config(path, env={})
    with registry.registered(toy_platform([])):
        load_config(path, env={})  # the same file is fine once the platform is registered
