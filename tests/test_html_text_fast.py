"""html_to_text and clean_text take shortcuts; they must give what the plain
HTMLParser walk and the per-character filter give, on any input."""

from __future__ import annotations

import random
import re
import unicodedata

from bot.sources.html_text import _keep, _TextCollector, clean_text, html_to_text

TOKENS = [
    "<p>", "</p>", "<P class='x'>", "<br/>", "<br>", "<hr />", "<input>", "<input/>", "<col span=2>",
    "<img src=\"a>b\">", "<a href='/x?a=1&amp;b=2'>", "</a>", "<script>", "</script>", "<style>",
    "<svg>", "</svg>", "<template>", "<!-- c -->", "<!DOCTYPE html>", "<?pi?>", "<![CDATA[x]]>",
    "&amp;", "&am", "p;", "&#150;", "&#x2019;", "&nbsp;", "&bogus;", "<", ">", "< b", "</ p>",
    "<a\nhref=x>", "<colgroup>", "<col-x>", "<b/ >", "\x00", "\x0b", "\x1c", "\x7f", "\x85",
    "\u200b", "\u200c", "\u202e", "\ufeff", "\ue000", "\U000f0001", "e\u0301", "é", "ﬁ",
    "\u2028", "\u3000", " ", "\t", "\n", "word", "Face", "ban", "«", "—",
]  # fmt: skip


def reference_clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = "".join(_keep(ch) for ch in text)
    return re.sub(r"\s+", " ", text).strip()


def reference_html(fragment: str) -> str:
    if not fragment:
        return ""
    if not re.search(r"<[a-zA-Z/!]|&[#a-zA-Z0-9]+;", fragment):
        return reference_clean(fragment)
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return reference_clean("".join(collector.parts))


def test_shortcuts_match_the_reference_on_random_fragments() -> None:
    rng = random.Random(14)
    for _ in range(4000):
        fragment = "".join(rng.choice(TOKENS) for _ in range(rng.randrange(1, 14)))
        assert html_to_text(fragment) == reference_html(fragment), repr(fragment)
        assert clean_text(fragment) == reference_clean(fragment), repr(fragment)


def test_every_control_and_format_character_is_handled_like_the_reference() -> None:
    text = "".join(chr(c) for c in range(0x3000) if not 0xD800 <= c < 0xE000)
    assert clean_text(text) == reference_clean(text)
    assert clean_text("a\x00b\u200bc\u200dd") == "a bc\u200dd"


def test_common_references_are_read_as_html_unescape_reads_them() -> None:
    import html
    import random

    from bot.sources.html_text import _unescape

    pieces = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&", "amp;", "&amp", "&lt", "&#38;",
              "&copy;", "&nbsp;", "x", " ", "&&", ";", "&ampx;", "&AMP;", "&#039;", "&amp;lt;"]  # fmt: skip
    rng = random.Random(4)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 9))) for _ in range(20000)]
    for text in texts:
        assert _unescape(text) == html.unescape(text), text
