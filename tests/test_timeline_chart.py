"""A vendor's timeline as a PNG: drawn from a real archive (local feeds → pipeline →
SQLite), written by the CLI, uploaded in Slack (files_upload_v2 against the fake Slack
API) and attached in Discord (multipart against the fake Discord API)."""

from __future__ import annotations

import asyncio
import struct
from pathlib import Path

import numpy as np
from click.testing import CliRunner
from matplotlib.colors import to_rgb
from matplotlib.image import imread

from bot import clustering
from bot.cli.main import main
from bot.delivery.chart import ACTION_COLOURS, timeline_png
from tests import feedserver
from tests.archive import build_archive
from tests.fake_slack import FakeSlack, fake_slack_server
from tests.feedserver import FeedServer
from tests.test_slack_app import all_text, command, runtime, socket_dispatch

feed_server = feedserver.feed_server
fake = fake_slack_server
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def pixels_of(image: np.ndarray, colour: str) -> int:
    wanted = np.array(to_rgb(colour))
    return int((np.abs(image[:, :, :3] - wanted).max(axis=2) < 0.02).sum())


def test_cli_writes_a_png_coloured_by_action(tmp_path: Path, feed_server: FeedServer) -> None:
    build_archive(tmp_path, feed_server)[0].close()
    out = tmp_path / "amazon.png"
    result = CliRunner().invoke(
        main,
        ["--db", str(tmp_path / "archive.db"), "timeline", "amazon", "--png", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert "Current status:" in result.output and "wrote " in result.output
    data = out.read_bytes()
    assert png_size(data) == (1000, 500)
    assert 10_000 < len(data) < 500_000
    image = imread(out)
    assert image.shape[:2] == (500, 1000)
    for action in ("moratorium", "extension"):  # Amazon's two actions, each its colour
        assert pixels_of(image, ACTION_COLOURS[action]) > 50, action
    assert pixels_of(image, ACTION_COLOURS["exit"]) == 0  # IBM's action is not on Amazon's chart


def test_title_carries_the_current_status(tmp_path: Path, feed_server: FeedServer) -> None:
    store, _ = build_archive(tmp_path, feed_server)
    chart = timeline_png(clustering.timeline(store, "Amazon"))
    assert chart.title.startswith("Amazon — now: Rekognition: police use paused indefinitely")
    assert chart.filename == "amazon-timeline.png"
    store.close()


async def test_slack_uploads_the_chart_into_the_channel(
    tmp_path: Path, fake: FakeSlack, feed_server: FeedServer
) -> None:
    store, _ = await asyncio.to_thread(build_archive, tmp_path, feed_server)
    app = runtime(fake, store, ack_budget=10.0)
    _, reply = await socket_dispatch(app, command(fake, "timeline amazon"))
    assert "Posted the chart “amazon-timeline.png” in this channel" in all_text(reply)
    assert reply["response_type"] == "ephemeral"
    [(file_id, shared)] = fake.shared.items()
    assert shared["channel_id"] == "C0NEWS" and shared["title"].startswith("Amazon — now:")
    assert png_size(fake.uploads[file_id]) == (1000, 500)
    [asked] = fake.recorded("files.getUploadURLExternal")
    assert asked.body["filename"] == "amazon-timeline.png"
    assert int(asked.body["length"]) == len(fake.uploads[file_id])

    fake.channel_errors["C0NEWS"] = "not_in_channel"
    _, reply = await socket_dispatch(app, command(fake, "timeline amazon"))
    text = all_text(reply)
    assert "No chart: the chart could not be posted (not_in_channel)" in text
    assert "/invite @policybot" in text and "Rekognition" in text  # the text timeline instead
    _, reply = await socket_dispatch(app, command(fake, "timeline nobody-at-all"))
    assert "No events recorded" in all_text(reply)
    store.close()
