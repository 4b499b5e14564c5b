"""Reading one entry: the rules' scan and finding, and the learned second opinion
over them (``bot.extract`` exposes ``extract``, ``rules`` and ``warm_up`` from here).
Importing this module loads every extraction module; importing ``bot.extract``
alone loads none (a polling process that clusters needs ``gate``, ``known`` and
``lexicon``, not the rules)."""

from __future__ import annotations

from dataclasses import replace

from bot.extract import authority, headline_frame, learned
from bot.extract.acts import AUTHORITIES
from bot.extract.classify import classify
from bot.extract.known import KnownVendors
from bot.extract.resources import resources
from bot.extract.scan import Scan, normalise, scan
from bot.models import Entry, Finding


def extract(entry: Entry, known: KnownVendors | None = None) -> Finding | None:
    """The Finding for one entry (offsets index into ``entry.text``), or None.
    ``known``: FR vendors the event store already has (see known.py)."""
    sc, found = rules(entry, known)
    if sc is None or found is None:
        return found
    return learned.second_opinion(entry, sc, found)


def rules(entry: Entry, known: KnownVendors | None = None) -> tuple[Scan | None, Finding | None]:
    """The rules' scan and Finding for one entry (None, None: no FR content)."""
    res = resources()
    text = entry.text
    normalised = normalise(text)
    known_hits = known.find(normalised[0]) if known is not None else []
    strong = bool(known_hits) or res.names_fr(*normalised)
    if not strong and not authority.weak_fr(normalised[1]):
        return None, None  # no FR term, no vendor name, no face data
    sc = scan(res, entry.title, text, normalised, entry.language, known_hits)
    published = entry.published.date() if entry.published else None
    if strong and (sc.fr or sc.vendors):
        return sc, _looking_back(sc, classify(sc, published))
    # Face data named without an FR term: only an authority's decision is news.
    found = _looking_back(sc, classify(sc, published))
    return (None, found) if found is not None and found.actor_type in AUTHORITIES else (None, None)


def _looking_back(sc: Scan, found: Finding | None) -> Finding | None:
    """An authority's act told as looked back on carries the ``retrospective`` signal
    (the pipeline opens its event without an alert when it joins none)."""
    if found is None or found.actor_type not in AUTHORITIES or found.signal is not None:
        return found
    return replace(found, signal="retrospective") if headline_frame.retrospective(sc) else found


def warm_up() -> None:
    """Compile the data files now, every cue regex included (raises DataFileError
    naming a broken file); without it they compile as texts first need them."""
    resources().index.compile_all()
