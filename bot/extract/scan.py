"""One pass of every cue class over an entry's text: labelled hits with offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from bot.extract.cueclass import Hit
from bot.extract.resources import Resources
from bot.extract.sentences import clause_breaks, split_sentences

_AUTHORITY_LABELS = frozenset({"government", "regulator", "court"})
_OBJECT_LABELS = frozenset({"dataset", "capability", "supply"})

# Same-length replacements, so offsets into the normalised text are offsets
# into Entry.text.
_NORMALISE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


@dataclass(frozen=True)
class VendorHit:
    start: int
    end: int
    vendor: str
    product: str | None
    fr: bool  # the name alone marks FR content (FR-only company or FR product)


@dataclass
class Scan:
    """All hits in one text, sorted by position."""

    text: str
    title_end: int
    sentences: list[tuple[int, int]]
    breaks: list[int]
    fr: list[Hit]
    objects: list[Hit]
    actions: list[Hit]
    groups: list[Hit]
    authorities: list[Hit]
    authority_verbs: list[Hit]
    cancel: list[Hit]
    passive: list[Hit]
    non_policy: list[Hit]
    temporal: list[Hit]
    entities: list[Hit]
    region_pattern: re.Pattern[str]
    vendors: list[VendorHit]
    _sentence_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sentence_starts = [s for s, _ in self.sentences]

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence containing ``pos``."""
        return max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)

    def in_title(self, pos: int) -> bool:
        return pos < self.title_end

    def regions(self, start: int, end: int) -> list[Hit]:
        """Region names in [start, end) (scanned on demand)."""
        return [
            Hit(m.start(), m.end(), m.lastgroup or "")
            for m in self.region_pattern.finditer(self.text, start, end)
        ]

    @property
    def has_fr(self) -> bool:
        return bool(self.fr) or any(v.fr for v in self.vendors)


def _lower(text: str) -> str:
    """``text.lower()`` with the same length (characters that grow stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _spans_with(
    sentences: list[tuple[int, int]], title_end: int, hits: list[Hit]
) -> list[tuple[int, int]]:
    """The title plus every sentence holding a hit, merged where adjacent."""
    spans: list[tuple[int, int]] = []
    starts = [s for s, _ in sentences]
    chosen = {0} | {max(0, bisect.bisect_right(starts, h.start) - 1) for h in hits}
    for i in sorted(chosen):
        if i >= len(sentences):
            continue
        start, end = sentences[i]
        if spans and start - spans[-1][1] <= 2:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    if spans and spans[0][1] < title_end:
        spans[0] = (0, max(spans[0][1], title_end))
    return spans


def scan(res: Resources, title: str, text: str) -> Scan:
    """Scan ``text`` (title + "\\n" + summary). Classes that only matter around a
    policy cue are scanned only in the sentences (and the title) that hold one; an
    entry with no FR term and no vendor name is not scanned further."""
    norm = text.translate(_NORMALISE)
    low = _lower(norm)
    whole = [(0, len(norm))]
    classes = res.classes
    vendors = [
        v for m in res.vendors.finditer(norm) if (v := _vendor(res, m.group(0), m.start(), m.end()))
    ]
    fr_groups = classes["fr_groups"].find(low, norm, whole)
    fr = [h for h in fr_groups if h.label == "fr"]
    sentences = split_sentences(norm, len(title))
    empty: list[Hit] = []
    if not fr and not vendors:
        return Scan(norm, len(title), sentences, [], fr, empty, empty, empty, empty, empty,
                    empty, empty, empty, empty, empty, res.regions, vendors)  # fmt: skip
    actions = classes["actions"].find(low, norm, whole)
    actors = classes["actors"].find(low, norm, whole)
    authorities = [h for h in actors if h.label in _AUTHORITY_LABELS]
    # Without a policy cue or an authority, only launches matter (no clause analysis).
    spans = (
        _spans_with(sentences, len(title), actions + authorities) if actions or authorities else []
    )
    cancel = classes["cancel"].find(low, norm, spans)
    objects_temporal = classes["objects_temporal"].find(low, norm, spans)
    return Scan(
        text=norm,
        title_end=len(title),
        sentences=sentences,
        breaks=clause_breaks(low) if spans else [],
        fr=fr,
        objects=[h for h in objects_temporal if h.label in _OBJECT_LABELS],
        actions=actions,
        groups=[h for h in fr_groups if h.label != "fr"],
        authorities=authorities,
        authority_verbs=classes["authority_verbs"].find(low, norm, spans),
        cancel=[h for h in cancel if h.label != "passive"],
        passive=[h for h in cancel if h.label == "passive"],
        non_policy=classes["non_policy"].find(low, norm, whole),
        temporal=[h for h in objects_temporal if h.label not in _OBJECT_LABELS],
        entities=[h for h in actors if h.label not in _AUTHORITY_LABELS],
        region_pattern=res.regions,
        vendors=vendors,
    )


def _vendor(res: Resources, surface: str, start: int, end: int) -> VendorHit | None:
    if surface.endswith("'s") and surface not in res.vendor_names:
        surface = surface[:-2]
    known = res.vendor_names.get(surface) or res.vendor_names.get(surface.casefold())
    if known is None:
        return None
    canonical, product, fr = known
    return VendorHit(start, end, canonical, product, fr)


def between(hits: list[Hit], start: int, end: int) -> list[Hit]:
    """Hits that start inside [start, end)."""
    return [h for h in hits if start <= h.start < end]


def overlapping(hits: list[Hit], start: int, end: int) -> bool:
    return any(h.start < end and start < h.end for h in hits)
