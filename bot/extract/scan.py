"""One pass of every cue class over an entry's text: labelled hits with offsets."""

from __future__ import annotations

import bisect
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from bot.extract import compiled, face_heads, fronted, headline_owner, names
from bot.extract.body_heads import noun_phrase_heads
from bot.extract.cueindex import Hit
from bot.extract.gate import gated
from bot.extract.known import KnownHit, is_company_form
from bot.extract.language import cue_languages, detect
from bot.extract.resources import CLASSES, Resources
from bot.extract.sentences import clause_breaks, clause_end, clause_start, split_sentences

_AUTHORITY_LABELS = frozenset({"government", "regulator", "court"})
_PLACE = compiled.compile(
    r"(?i:city|cities|council|ordinance|county|municipal|mayor|town|village|state|governor|"
    r"concejo|ayuntamiento|mairie|ville|Stadt|Gemeinde|comune|prefeitura|câmara)"
)
_OBJECT_LABELS = frozenset(
    {"dataset", "capability", "supply", "customers", "investment", "searches", "business"}
)

# Same-length replacements, so offsets into the normalised text are offsets
# into Entry.text.
_NORMALISE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


class VendorHit(NamedTuple):
    start: int
    end: int
    vendor: str
    product: str | None
    fr: bool  # the name alone marks FR content (FR-only company or FR product)


_FR_GROUPS, _OBJECTS, _ACTIONS, _ACTORS, _AUTH_VERBS, _CANCEL, _NON_POLICY = (
    CLASSES.index(name)
    for name in ("fr_groups", "objects_temporal", "actions", "actors", "authority_verbs",
                 "cancel", "non_policy")
)  # fmt: skip


@dataclass
class Scan:
    """All hits in one text, sorted by position."""

    text: str  # the entry text with typographic quotes normalised (same offsets)
    low: str  # text lower-cased (same offsets)
    source: str  # the entry text as given (evidence is cut from it)
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
    customers: Mapping[str, str] = field(default_factory=dict)  # vendor → its one group
    fronted: list[tuple[int, int]] = field(default_factory=list)  # background adverbials
    lang: str = "en"  # the item's language (language.py)
    # headline markers of every cancel class (question, denial …), kept even when no
    # policy cue is in the title (``cancel`` holds only those around a cue)
    headline_marks: list[Hit] = field(default_factory=list)
    # why the rules held back a policy cue they found or the act it made ("other_unit",
    # "other_technology", "fr_user", "carried_over", a ``cancelled`` reason …): data for
    # the learned second opinion's guard (bot.extract.learned), set by classify
    held_back: set[str] = field(default_factory=set)
    _sentence_starts: list[int] = field(default_factory=list)
    _fr_sentences: frozenset[int] | None = None
    # readings of this text that several stages ask for with the same arguments (a
    # sentence's public-body subject: ``public_bodies.sentence_subject``), kept for
    # the item; the scan's fields never change once made (``held_back`` aside)
    memo: dict[tuple[object, ...], object] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [s for s, _ in self.sentences]

    def sentence_has_fr(self, i: int) -> bool:
        """Sentence ``i`` holds an FR term or a name that marks FR content."""
        if self._fr_sentences is None:
            starts = [h.start for h in self.fr] + [v.start for v in self.vendors if v.fr]
            self._fr_sentences = frozenset(self.sentence_of(p) for p in starts)
        return i in self._fr_sentences

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence containing ``pos``."""
        i = bisect_right(self._sentence_starts, pos) - 1
        return i if i > 0 else 0

    def in_title(self, pos: int) -> bool:
        return pos < self.title_end

    def regions(self, start: int, end: int) -> list[Hit]:
        """Region names in [start, end) (scanned on demand)."""
        return [
            Hit(m.start(), m.end(), m.lastgroup or "")
            for m in gated(self.region_pattern).finditer(self.text, start, end)
        ]

    def first_region(self, start: int, end: int) -> str | None:
        """The first region name in [start, end), or None."""
        m = gated(self.region_pattern).search(self.text, start, end)
        return (m.lastgroup or "") if m else None

    @property
    def has_fr(self) -> bool:
        return bool(self.fr) or any(v.fr for v in self.vendors)


def normalise(text: str) -> tuple[str, str]:
    """The text with typographic quotes normalised, and that lower-cased (same offsets)."""
    norm = text if text.isascii() else text.translate(_NORMALISE)  # (it maps no ASCII)
    return norm, _lower(norm)


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


def _within(hits: list[Hit], spans: list[tuple[int, int]]) -> list[Hit]:
    """Hits that start inside one of ``spans`` (sorted, disjoint)."""
    if not spans:
        return []
    starts = [lo for lo, _ in spans]
    out = []
    for h in hits:
        i = bisect.bisect_right(starts, h.start) - 1
        if i >= 0 and h.start < spans[i][1]:
            out.append(h)
    return out


def scan(
    res: Resources,
    title: str,
    text: str,
    normalised: tuple[str, str] | None = None,
    language: str | None = None,
    known: Sequence[KnownHit] = (),
) -> Scan:
    """Scan ``text`` (title + "\\n" + summary) once for every cue class and vendor name.
    Classes that only matter around a policy cue are kept only in the sentences (and the
    title) that hold one; an entry with no FR term and no vendor name stops there.
    ``normalised``: ``normalise(text)`` when the caller has it already; ``language``: the
    declared language of the item (the text decides, see language.py); ``known``: names
    of FR vendors the event store knows, found in the text (known.py)."""
    norm, low = normalised or normalise(text)
    lang = detect(low, language)
    by_class, names = res.index.scan(norm, low, cue_languages(lang))
    vendors = [
        VendorHit(m.start, m.end, m.name.canonical, m.name.product, m.name.fr) for m in names
    ]
    if known:  # a vendor the store knows for FR marks FR content
        extra = [VendorHit(k.start, k.end, k.vendor, None, True) for k in known
                 if not any(v.start < k.end and k.start < v.end for v in vendors)]  # fmt: skip
        vendors = sorted([*vendors, *extra])
    fr_groups = by_class[_FR_GROUPS]
    fr = face_heads.biometric_only([h for h in fr_groups if h.label == "fr"], norm)
    empty: list[Hit] = []
    named = any(h.label in _AUTHORITY_LABELS for h in by_class[_ACTORS])
    sentences = split_sentences(norm, len(title))
    if not fr and not vendors and not named:  # nothing to analyse but an authority's act
        return Scan(norm, low, text, len(title), sentences, [], fr, empty, empty, empty, empty,
                    empty, empty, empty, empty, empty, empty, res.regions, vendors)  # fmt: skip
    vendors = _with_described(res, norm, len(title), vendors, by_class[_ACTORS],
                              by_class[_OBJECTS], by_class[_ACTIONS], fr_groups,
                              by_class[_NON_POLICY], lang)  # fmt: skip
    vendors, phrases = _owner_over_phrase(norm, vendors)
    vendors = _long_forms(vendors)
    if known:
        vendors = [_owned(norm, vendors, v, known, res.names.suffix) for v in vendors]
    if phrases:  # a product phrase of FR still says the item is about FR
        fr = sorted([*fr, *(Hit(v.start, v.end, "fr") for v in phrases if v.fr)])
    spans = [(v.start, v.end) for v in vendors]
    for c in (_ACTIONS, _AUTH_VERBS, _NON_POLICY, _CANCEL, _OBJECTS):
        by_class[c] = _outside(by_class[c], spans)
    actions = by_class[_ACTIONS]
    actors = by_class[_ACTORS]
    authorities = noun_phrase_heads(norm, [h for h in actors if h.label in _AUTHORITY_LABELS], lang)
    # Without a policy cue or an authority, only launches matter (no clause analysis).
    spans = (
        _spans_with(sentences, len(title), actions + authorities) if actions or authorities else []
    )
    cancel = _within(by_class[_CANCEL], spans)
    objects_temporal = _within(by_class[_OBJECTS], spans)
    return Scan(
        text=norm,
        low=low,
        source=text,
        title_end=len(title),
        sentences=sentences,
        breaks=clause_breaks(low) if spans else [],
        fr=fr,
        objects=[h for h in objects_temporal if h.label in _OBJECT_LABELS],
        actions=actions,
        groups=[h for h in fr_groups if h.label != "fr"],
        authorities=authorities,
        authority_verbs=_within(by_class[_AUTH_VERBS], spans),
        cancel=[h for h in cancel if h.label != "passive"],
        passive=[h for h in cancel if h.label == "passive"],
        non_policy=by_class[_NON_POLICY],
        temporal=[h for h in by_class[_OBJECTS] if h.label not in _OBJECT_LABELS],
        entities=[h for h in actors if h.label not in _AUTHORITY_LABELS],
        region_pattern=res.regions,
        vendors=vendors,
        customers=res.customers,
        fronted=fronted.spans(res.fronted, norm, sentences, lang),
        lang=lang,
        headline_marks=[h for h in by_class[_CANCEL] if h.start < len(title)],
    )


def _with_described(
    res: Resources,
    norm: str,
    title_end: int,
    vendors: list[VendorHit],
    actors: list[Hit],
    objects: list[Hit],
    actions: list[Hit],
    fr_groups: list[Hit],
    non_policy: list[Hit],
    lang: str,
) -> list[VendorHit]:
    """The gazetteer's vendors plus the companies the item describes (names.py)."""
    refs = [(h.start, h.end) for h in actors if h.label == "company" and h.end - h.start > 4]
    # (each test below is pure and read only when the ones before it leave it open)
    weak = (
        all(_phrase(norm, v) for v in vendors)
        # A name acting on a policy verb is a company only in an item that names no local
        # government (else it may be a place: "Brookhaven bars its police from …").
        and not any(h.label == "government" and _PLACE.search(norm, h.start, h.end) for h in actors)
        and (
            bool(refs)
            or any(
                h.label in ("supply", "customers") and not norm.startswith("us", h.start)
                for h in objects
            )  # sales, contracts, clients ("use" is anyone's)
            or any(
                norm.startswith("'s ", c - 3) or norm.startswith("' ", c - 2)
                for c in {h.start for h in actions}
            )  # a possessive before a policy cue
            or any(h.label != "ban" for h in actions)  # a bare "bans" may be a council's
            or any(h.label == "launch" for h in non_policy)
        )
    )
    # with no vendor named, a headline subject that the summary calls "the company" is
    # one even in an item that names a place
    summary_ref = not vendors and any(e > title_end for _, e in refs)
    # a headline subject paying money ("X zahlt Nutzern …"): a company when no vendor is named
    payers = (
        ()
        if vendors
        else tuple(h.start for h in non_policy if h.label == "payment" and h.start < title_end)
    )
    if not weak and not summary_ref and not payers and not res.names.described_somewhere(norm):
        return vendors  # (what a name may not overlap is worked out only past this point)
    fr = [h for h in fr_groups if h.label == "fr"]
    taken = [(v.start, v.end) for v in vendors]
    if lang != "en":  # a customer group opening a headline ("Vermieter fliegen …")
        taken += [(h.start, h.end) for h in fr_groups if h.label != "fr"]
    taken += [(h.start, h.end) for h in actors if h.label != "company"]
    # a capitalised FR term is no name ("Reconnaissance faciale au …", German's
    # "Gesichtssuche"), unless a product's inner capital marks it ("FaceTrack")
    taken += [(h.start, h.end) for h in fr if _common_term(norm, h)]
    platform = tuple(h.start for h in non_policy if h.label == "platform")
    cues = tuple(h.start for h in actions) + tuple(h.start for h in fr) + platform
    found = names.find(res.names, norm, title_end, taken, refs, res.regions, weak, cues,
                       lang == "en", capitalised_nouns=lang == "de", lang=lang,
                       verbs=tuple(h.start for h in actions), payers=payers,
                       owners=headline_owner.owner_starts(norm, title_end,
                                                          ((h.start, h.end) for h in actions)),
                       after_colons=headline_owner.colon_subjects(norm, title_end))  # fmt: skip
    if not found:
        return vendors
    # a name that is only an FR term ("Reconocimiento" of "Reconocimiento facial …")
    found = [f for f in found if not any(h.start <= f.start and f.end <= h.end for h in fr)]
    # a product's name ("del modulo Lumira") stands in for its maker: it reports itself as
    # the product too, so clustering can join it to its maker's event
    extra = [VendorHit(f.start, f.end, f.name, f.name if f.product else None, False)
             for f in found]  # fmt: skip
    return sorted([*vendors, *extra])


def _long_forms(vendors: list[VendorHit]) -> list[VendorHit]:
    """Every mention of a company reports the longest company form the item gives it:
    "Orrin" in the headline and "Orrin Biometrics" in the summary are one vendor,
    "Orrin Biometrics" (a form with company suffixes only, never a product's name)."""
    names = {v.vendor for v in vendors}
    if len(names) < 2:  # one name is no longer form of itself
        return vendors
    longer = {
        name: max((n for n in names if is_company_form(name, n)), key=len)
        for name in names
        if any(is_company_form(name, n) for n in names)
    }
    if not longer:
        return vendors
    return [v._replace(vendor=longer.get(v.vendor, v.vendor)) for v in vendors]


def _common_term(norm: str, hit: Hit) -> bool:
    """A capitalised FR term written as a common noun phrase, not as a product name
    ("FaceTrack") nor as a word of a company's name ("Orrin Biometrics")."""
    term = norm[hit.start : hit.end]
    if not term[:1].isupper() or _NAME_BEFORE.search(norm, max(0, hit.start - 40), hit.start):
        return False
    if re.match(r" [A-Z]", norm[hit.end : hit.end + 2]):
        return False  # "Rostro Digital": the term opens a name
    return " " in term or not any(c.isupper() for c in term[1:])


_NAME_BEFORE = compiled.compile(r"(?<![\w'])[A-Z][\w&.-]*[ ]$")


def _phrase(norm: str, hit: VendorHit) -> bool:
    """A gazetteer product matched in lower case ("tag suggestions"): a common phrase
    that may name any company's feature."""
    return hit.product is not None and norm[hit.start : hit.start + 1].islower()


def _owner_over_phrase(
    norm: str, vendors: list[VendorHit]
) -> tuple[list[VendorHit], list[VendorHit]]:
    """Product phrases (``_phrase``) of a vendor the item does not name are no vendor
    when it names another company ("Kestrel's tag suggestions are gone" is Kestrel's
    feature): the vendors kept, and the phrases dropped."""
    phrases = [v for v in vendors if _phrase(norm, v)]
    if not phrases:
        return vendors, []
    named = {v.vendor for v in vendors if not _phrase(norm, v)}
    if not named or named & {v.vendor for v in phrases}:
        return vendors, []
    return [v for v in vendors if not _phrase(norm, v)], phrases


def _owned(
    norm: str,
    vendors: list[VendorHit],
    hit: VendorHit,
    known: Sequence[KnownHit],
    suffix: re.Pattern[str],
) -> VendorHit:
    """A name the store knows told right after another company's possessive ("Scalby's
    FaceLoom goes dark") is that company's product: the owner is the vendor. Not when the
    name ends in a company suffix ("Lyon's Nubio Vision": a company with its city)."""
    if not any(k.start == hit.start and k.end == hit.end for k in known):
        return hit
    if suffix.fullmatch(norm[hit.start : hit.end].split()[-1]):
        return hit
    for v in vendors:
        between_ = norm[v.end : hit.start]
        if (
            v.vendor != hit.vendor
            and between_.strip() == ""
            and 0 < len(between_) <= 2
            and (norm.endswith("'s", v.start, v.end) or norm.endswith("s'", v.start, v.end))
        ):
            return VendorHit(hit.start, hit.end, v.vendor, norm[hit.start : hit.end], v.fr)
    return hit


def in_fronted(sc: Scan, pos: int) -> bool:
    """``pos`` lies in a fronted adverbial (background to its sentence)."""
    return bool(sc.fronted) and any(lo <= pos < hi for lo, hi in sc.fronted)


def _outside(hits: list[Hit], spans: list[tuple[int, int]]) -> list[Hit]:
    """Hits that do not lie inside a vendor name ("Clear…" is no verb in "Clearmont")."""
    if not spans or not hits:
        return hits
    out = []
    for h in hits:
        start, end = h.start, h.end
        for s, e in spans:
            if s <= start and end <= e:
                break
        else:
            out.append(h)
    return out


def between(hits: list[Hit], start: int, end: int) -> list[Hit]:
    """Hits that start inside [start, end)."""
    return [h for h in hits if start <= h.start < end]


def overlapping(hits: list[Hit], start: int, end: int) -> bool:
    return any(h.start < end and start < h.end for h in hits)


def clause(sc: Scan, pos: int) -> tuple[int, int]:
    """The bounds of the clause holding ``pos`` inside its sentence."""
    s_start, s_end = sc.sentences[sc.sentence_of(pos)]
    return clause_start(sc.breaks, s_start, pos), clause_end(sc.breaks, s_end, pos)
