"""feeds.yaml validation: clear errors naming the file, the entry and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_config, parse_duration

GOOD = """
defaults:
  interval: 15m
  max_alert_age_days: null
feeds:
  - name: Example News
    url: https://example.org/feed.xml
    kind: news
    tags: [fr]
  - name: Vendor Blog
    url: https://vendor.example/rss
    kind: vendor
    interval: 2h
    enabled: false
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_loads_with_defaults_and_overrides(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD), env={})
    assert [f.id for f in config.feeds] == ["example-news", "vendor-blog"]
    assert config.feeds[0].interval == 900
    assert config.feeds[1].interval == 7200 and config.feeds[1].enabled is False
    assert config.settings.max_alert_age_days is None
    assert config.platform_settings("slack").enabled is False
    assert config.platform_settings("discord").enabled is False


def test_shipped_feeds_yaml_is_valid_and_large_enough() -> None:
    config = load_config(Path(__file__).parent.parent / "feeds.yaml", env={})
    kinds = {f.kind for f in config.feeds}
    assert len(config.feeds) >= 15
    assert kinds == {"news", "vendor", "advocacy", "regulator", "page"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("feeds:\n  - name: A\n    url: ftp://x/y\n", ["feeds[1]", "'A'", "http(s) URL"]),
        ("feeds:\n  - url: https://x.org/f\n", ["feeds[1]", "'name' is missing"]),
        (
            "feeds:\n  - name: A\n    url: https://x.org/f\n    kind: blog\n",
            ["feeds[1]", "kind 'blog'"],
        ),
        (
            "feeds:\n  - name: A\n    url: https://x.org/f\n    interval: soon\n",
            ["interval", "15m"],
        ),
        (
            "feeds:\n  - name: A\n    url: https://x.org/f\n    colour: red\n",
            ["unknown key", "colour"],
        ),
        (
            "feeds:\n  - name: A\n    url: https://x.org/f\n  - name: A\n    url: https://y.org/f\n",
            ["feeds[2]", "same id", "feeds[1]"],
        ),
        ("feeds: []\n", ["non-empty list"]),
        ("feeds:\n  - name: A\n   url: bad-indent\n", ["line", "invalid YAML"]),
        (
            "defaults:\n  max_alert_age_days: -3\nfeeds:\n  - name: A\n    url: https://x.org/f\n",
            ["max_alert_age_days", "out of range"],
        ),
        (
            "slack:\n  bot_token: xoxb-1\nfeeds:\n  - name: A\n    url: https://x.org/f\n",
            ["SLACK_BOT_TOKEN", "environment"],
        ),
        (
            "subscriptions:\n  - destination: slack-webhook:https://hooks.slack.com/services/T/B/X\n"
            "feeds:\n  - name: A\n    url: https://x.org/f\n",
            ["subscriptions[1]", "secret", "${SLACK_WEBHOOK_URL}"],
        ),
        (
            "subscriptions:\n  - destination: slack:general\nfeeds:\n  - name: A\n    url: https://x.org/f\n",
            ["subscriptions[1]", "C0123ABCD"],
        ),
    ],
)
def test_errors_name_file_entry_and_fix(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path, env={})
    message = str(info.value)
    assert str(path) in message
    for fragment in expected:
        assert fragment in message


def test_missing_file_says_how_to_point_at_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--feeds PATH"):
        load_config(tmp_path / "nope.yaml", env={})


def test_credentials_and_webhooks_come_from_the_environment(tmp_path: Path) -> None:
    text = (
        "subscriptions:\n  - destination: slack-webhook:${HOOK}\n    actor_types: [government]\n"
        "feeds:\n  - name: A\n    url: https://x.org/f\n"
    )
    env = {"SLACK_BOT_TOKEN": "xoxb-test", "HOOK": "https://hooks.slack.com/services/T/B/X"}
    config = load_config(write(tmp_path, text), env=env)
    assert config.platform_settings("slack").bot_token == "xoxb-test"
    sub = config.subscriptions[0]
    assert sub.destination.webhook_url == env["HOOK"]
    assert sub.filters.actor_types == ("government",)


@pytest.mark.parametrize(
    ("value", "seconds"), [(900, 900), ("15m", 900), ("1h", 3600), ("1d", 86400)]
)
def test_durations(value: object, seconds: int) -> None:
    assert parse_duration(value, "x") == seconds


def test_too_short_interval_is_refused() -> None:
    with pytest.raises(ConfigError, match="shorter than a minute"):
        parse_duration("10s", "feeds[1]: interval")


def test_feeds_yaml_over_the_size_or_feed_caps_is_refused_naming_the_cap(tmp_path: Path) -> None:
    from bot.config import MAX_CONFIG_BYTES, MAX_FEEDS

    path = tmp_path / "feeds.yaml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("feeds:\n")
        line = "  - {name: F, url: 'https://f.example/rss'}  # padding padding padding\n"
        handle.write(line * (MAX_CONFIG_BYTES // len(line) + 1))
    with pytest.raises(ConfigError, match=f"over the cap of {MAX_CONFIG_BYTES:,} bytes"):
        load_config(path, env={})
    path.write_text(
        "feeds:\n"
        + "".join(
            f"  - {{name: F{i}, url: 'https://f.example/{i}'}}\n" for i in range(MAX_FEEDS + 1)
        ),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=f"over the cap of {MAX_FEEDS:,} feeds"):
        load_config(path, env={})


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ("slack: {port: abc}", "slack.port must be a port number"),
        ("slack: {token: xoxb-1}", "slack.token must not be in feeds.yaml"),
        ("slack: {colour: red}", "slack: unknown key(s) ['colour']"),
        ("slack: {admins: U1}", "slack.admins must be a list"),
        ("discord: {token: abc}", "discord.token must not be in feeds.yaml"),
        ("discord: {tokn: abc}", "discord: unknown key(s) ['tokn']"),
        ("discord: {dev_guild: abc}", "discord.dev_guild must be a server (guild) id"),
    ],
)
def test_every_chat_section_is_validated_and_all_problems_come_at_once(
    tmp_path: Path, section: str, expected: str
) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        f"{section}\ndefaults: {{interval: 5s}}\nfeeds:\n"
        "  - {name: A, url: 'https://a.example/rss', kind: nope}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    message = str(caught.value)
    assert message.startswith("3 problems")
    assert expected in message and "defaults.interval" in message and "kind 'nope'" in message
