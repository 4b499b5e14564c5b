"""A headline that ends by naming whose finding it states: that body's act.

News headlines often state a decision first and name its author last, after a comma:
"Face-scan clocking at the plant breached workers' rights, court rules", "…, privacy
regulator finds", "… : les maîtres nageurs ont gagné, juge le tribunal", "Trattamento
illecito, dice il Garante", "…, urteilt das Arbeitsgericht", "…, decide a Justiça". The
body after the comma speaks for the whole headline, whatever its grammatical subject
("Face checks at the ferry gates were unlawful"): the
item is that body's act, and the body's head noun (``public_bodies.yaml`` ``bodies``)
gives its kind. English puts the verb after the body ("regulator rules"); every
language may put it before ("says the watchdog", "dice il Garante", "selon la CNIL").
Verb lists: ``said_after`` and ``said_before`` in ``bot/data/public_bodies.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract import compiled
from bot.extract.body_patterns import KINDS, alternation, lang_items, patterns, raw_bodies
from bot.extract.scan import Scan

_BODY = r"(?P<body>[^,;:.!?]{2,60}?)"


@lru_cache(maxsize=8)
def _said(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    raw = raw_bodies()
    langs = (lang,) if lang == "en" else (lang, "en")
    after = [p for code in langs for p in lang_items(raw.get("said_after"), code, "said_after")]
    before = [p for code in langs for p in lang_items(raw.get("said_before"), code, "said_before")]
    return (
        compiled.compile(rf",\s+{_BODY}\s+(?i:{alternation(after, 'said_after')})\W*$"),
        compiled.compile(rf",\s+(?i:{alternation(before, 'said_before')})\s+{_BODY}\W*$"),
    )


def said_by(sc: Scan) -> str | None:
    """The kind of the body a headline's closing ", <body> rules" / ", dice <body>"
    names as the author of what the headline states, or None."""
    if not sc.sentences:
        return None
    lo, hi = sc.sentences[0]
    hi = min(hi, sc.title_end)
    comma = sc.text.rfind(",", lo, hi)
    if comma < 0:
        return None
    pats = patterns(sc.lang)
    for pattern in _said(sc.lang):
        m = pattern.match(sc.text, comma, hi)
        if m is None:
            continue
        body = m.group("body")
        if any(m.start("body") <= v.start < m.end("body") for v in sc.vendors):
            return None  # "…, X says": a company speaking
        for kind, subject in pats.subjects:
            if kind in KINDS and subject.match(body + " "):
                return kind
    return None
