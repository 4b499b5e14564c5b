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

The learned second opinion (bot.extract.learned; the shipped model is in use:
docs/extraction-model.md) may revise the finding where the rules leave a case open and
hold no reason of their own (``Scan.held_back``). The cue lists and the vendor
gazetteer live in ``bot/data/cues.yaml`` and
``bot/data/vendors.yaml``; they are compiled once per process.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.extract.known import KnownVendors, known_vendors
    from bot.extract.reading import extract, rules, warm_up
    from bot.extract.resources import DataFileError

__all__ = ["DataFileError", "KnownVendors", "extract", "known_vendors", "rules", "warm_up"]

# Each name's module, imported when the name is first asked for: importing a
# submodule (``bot.extract.gate``, ``known``, ``lexicon``) runs this file first, and
# loading every rule module for it cost a cold cycle's polling process, which only
# clusters, 2 MB and 30 modules.
_HOMES = {
    "DataFileError": "bot.extract.resources",
    "KnownVendors": "bot.extract.known",
    "known_vendors": "bot.extract.known",
    "extract": "bot.extract.reading",
    "rules": "bot.extract.reading",
    "warm_up": "bot.extract.reading",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'bot.extract' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
