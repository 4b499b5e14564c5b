"""The pre-filter that lets items without FR content skip the scan, and the one-branch-per-
letter alternation the cue index is built from."""

from __future__ import annotations

import re

import pytest

from bot.extract import extract
from bot.extract.cueclass import by_first_letter
from bot.extract.resources import resources
from bot.extract.scan import normalise, scan
from bot.models import Entry

_TEXTS = [
    "Chipmaker reports record quarterly revenue\nShares rose after the outlook was raised.",
    "Amazon raises Prime prices in Europe\nThe increase takes effect next month.",
    "Council debates parking fees\nResidents object to the new meters downtown.",
    "Gesichtserkennung am Bahnhof\nDie Polizei testet ein neues System.",
    "Reconocimiento facial en estadios\nLos clubes instalan cámaras.",
    "FRT pilot ends\nThe trial at the station closed on Friday.",
    "Face++ maker lists shares\nThe listing raised $700 million.",
    "New doorbell lets you tag suggestions off\nA setting for regular visitors.",
    "Weather: a sunny weekend ahead\nTemperatures climb to 25 degrees.",
    "Orchard growers will face a dry summer\nThe river authority warns of a water ration.",
    "Kiosk maker sells Tollan Face to cinemas\nThe chain will trial it in two towns.",
    "Guide: how the FRT gates at the ferry port work\nQueues were short on Monday.",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_prefilter_passes_every_text_the_scan_would_analyse(text: str) -> None:
    res = resources()
    title = text.split("\n", 1)[0]
    sc = scan(res, title, text)
    passes = res.names_fr(*normalise(text))
    if sc.fr or sc.vendors:
        assert passes
    if not passes:
        assert extract(Entry(feed_id="t", key="k", title=title, summary=text[len(title) + 1 :]))\
            is None  # fmt: skip


def test_prefilter_rejects_ordinary_news() -> None:
    res = resources()
    for text in (_TEXTS[0], _TEXTS[2], _TEXTS[8], _TEXTS[9]):
        assert not res.names_fr(*normalise(text))


def test_cues_told_by_their_case_pass_only_in_their_case() -> None:
    # "<Brand> Face" and acronyms are cues in their case only: the lower-cased copy of a
    # text neither passes nor hides them.
    res = resources()
    assert res.names_fr(*normalise(_TEXTS[10]))
    assert res.names_fr(*normalise(_TEXTS[11]))
    for text in (_TEXTS[10], _TEXTS[11]):
        low = text.lower()
        assert not res.names_fr(low, low)


def test_by_first_letter_matches_like_the_plain_alternation() -> None:
    parts = ["ban(?:s|ned)?", "bar", "pause[sd]?", "police\\w*", "à", "(?:re)?start", "b"]
    plain = re.compile("(?:" + "|".join(parts) + r")(?!\w)")
    grouped = re.compile("(?:" + by_first_letter(parts) + r")(?!\w)")
    for word in ("ban", "banned", "bar", "bars", "paused", "policing", "à", "restart", "b", "x"):
        a, b = plain.match(word), grouped.match(word)
        assert (a and a.group()) == (b and b.group()), word
