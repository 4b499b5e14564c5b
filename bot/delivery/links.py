"""The one check every renderer applies to a URL taken from a feed."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Characters that could break out of Slack's <url|label> or a terminal line
# (whitespace, quotes, angle brackets, control characters); Discord's masked links
# percent-encode parentheses themselves.
_BAD_URL_CHARS = re.compile(r"[\s<>|\"'`\\\x00-\x1f\x7f]")


def safe_url(url: str | None, *, max_length: int = 2000) -> str | None:
    """``url`` when it is a plain http(s) URL with a host and no user info, else None."""
    if not url:
        return None
    url = url.strip()
    if len(url) > max_length or _BAD_URL_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if parts.username or parts.password:  # user@host URLs disguise the real host
        return None
    return url
