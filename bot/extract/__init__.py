"""Extraction: is this entry a facial-recognition vendor policy change?

``extract(entry)`` returns None when the entry has no facial-recognition content,
else a ``Finding``:

- ``relevant=True, actor_type="vendor"``: a vendor's own FR policy change, with
  the action, customer group, dates and the evidence sentence;
- ``relevant=False`` with ``actor_type`` government / regulator / court: an
  authority's FR action (its own channel);
- ``relevant=False, actor_type="vendor"``: vendor news that is not an FR policy
  change (a launch, a non-FR policy);
- ``relevant=False, actor_type="none"``: FR news with no policy action.

The cue lists and the vendor gazetteer live in ``bot/data/cues.yaml`` and
``bot/data/vendors.yaml``; they are compiled once per process.
"""

from __future__ import annotations

from bot.extract.classify import classify
from bot.extract.known import KnownVendors, known_vendors
from bot.extract.resources import DataFileError, resources
from bot.extract.scan import normalise, scan
from bot.models import Entry, Finding

__all__ = ["DataFileError", "KnownVendors", "extract", "known_vendors", "warm_up"]


def extract(entry: Entry, known: KnownVendors | None = None) -> Finding | None:
    """The Finding for one entry (offsets index into ``entry.text``), or None.
    ``known``: FR vendors the event store already has (see known.py)."""
    res = resources()
    text = entry.text
    normalised = normalise(text)
    known_hits = known.find(normalised[0]) if known is not None else []
    if not known_hits and res.prefilter.search(normalised[1]) is None:
        return None  # no FR term, no vendor name
    sc = scan(res, entry.title, text, normalised, entry.language, known_hits)
    if not sc.fr and not sc.vendors:
        return None
    return classify(sc, entry.published.date() if entry.published else None)


def warm_up() -> None:
    """Compile the data files now (raises DataFileError naming a broken file)."""
    resources()
