"""The shared URL check: feed URLs that could forge or break a link are dropped."""

from __future__ import annotations

import pytest

from bot.delivery.links import safe_url


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/a?b=1&c=2",
        "http://news.example/path_(with)_parens",
        "  https://news.example/trimmed  ",
    ],
)
def test_plain_http_urls_pass(url: str) -> None:
    assert safe_url(url) == url.strip()


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "javascript:alert(1)",
        "ftp://news.example/x",
        "https://",
        "https://bank.example@evil.example/",
        "https://news.example/a|Click here",
        "https://news.example/<!channel>",
        "https://news.example/a b",
        "https://news.example/\x1b[31m",
        "https://news.example/" + "a" * 2100,
    ],
)
def test_dangerous_or_broken_urls_are_dropped(url: str | None) -> None:
    assert safe_url(url) is None
