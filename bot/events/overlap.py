"""What two reports share (pure): their distinctive words and their names, a name
counting ``NAME_WEIGHT`` times a word, and the names written as a name on one side and
found on the other. ``bot.events.matching`` decides on these counts.

A country is no shared name: two acts of one country in one news cycle (a regulator's
fines of two parties, a parliament's two bans), told in two languages, share it and
nothing else, exactly as one act retold abroad does."""

from __future__ import annotations

from bot.events.profile import NAME_WEIGHT, Profile, both_authorities
from bot.events.signatures import CONCEPT, OPENING
from bot.events.vendor_names import same_vendor, vendor_words


def similarity(new: Profile, event: Profile) -> tuple[float, int, int]:
    """(weighted share of ``new``'s distinctive words found in ``event``, shared words,
    shared names).

    Names (capitalised mid-sentence: places, people, organisations) count
    ``NAME_WEIGHT`` times: they tell two stories on the same theme apart.
    """
    terms, names = new.terms, plain(new.names)
    event_names = plain(event.names) - _shared_vendor(new, event)
    if (
        event.vendor_key and not same_vendor(new.vendor_key, event.vendor_key)
        and not both_authorities(new, event)
    ):  # fmt: skip
        # the event's vendor named in a report whose finding has no vendor is not
        # agreement: identity comes from the finding's vendor only
        own = vendor_words(event.vendor_key)
        terms, names = terms - own, names - own
    both = terms & event.terms
    words_ = {t for t in both if not t.startswith(CONCEPT)}
    shared_names = len(names & event_names)
    shared = len(words_) + _across_languages(both - words_, words_, shared_names, new, event)
    found = shared + (NAME_WEIGHT - 1) * shared_names
    total = max(4, len(terms) - _concepts(terms)) + (NAME_WEIGHT - 1) * len(names)
    return found / total, shared, shared_names


def _concepts(terms: frozenset[str]) -> int:
    return sum(1 for t in terms if t.startswith(CONCEPT))


def _across_languages(
    concepts: frozenset[str], words_: set[str], shared_names: int, new: Profile, event: Profile
) -> int:
    """Shared concepts (``bot.events.signatures.terms``) the shared words do not already
    count: one act told in two languages ("amende" and "fine"). Counted only beside other
    evidence of one story, a shared word or name or the same vendor: a broad noun alone
    ("school", "fine") is what two acts in two countries also share."""
    extra = {c for c in concepts if c[len(CONCEPT) :] not in words_}
    if not extra:
        return 0
    if (
        words_
        or shared_names
        or (new.vendor_key and event.vendor_key and same_vendor(new.vendor_key, event.vendor_key))
    ):
        return len(extra)
    return 0


def plain(names: frozenset[str]) -> frozenset[str]:
    """``names`` without the names that only open a sentence (``OPENING``)."""
    if not any(n.startswith(OPENING) for n in names):
        return names
    return frozenset(n for n in names if not n.startswith(OPENING))


def _shared_vendor(new: Profile, event: Profile) -> frozenset[str]:
    """The words of the vendor both sides are keyed by: no further evidence of one act
    (an authority's report keeps its vendor among its names, ``bot.events.rules``)."""
    if new.vendor_key and event.vendor_key and same_vendor(new.vendor_key, event.vendor_key):
        return vendor_words(new.vendor_key) | vendor_words(event.vendor_key)
    return frozenset()


def place_names(new: Profile, event: Profile) -> int:
    """Words written as a name on either side and found on the other (a sentence's
    opening name counts here when the other side writes it as a name too: "Oberhalden's
    assembly" and "Oberhaldener Kreistag"), not the vendor both are keyed by."""
    own = _shared_vendor(new, event)
    a, b = plain(new.names) - own, plain(event.names) - own
    found = (a & (event.terms | b)) | (new.terms & b)
    a_open = {n[1:] for n in new.names if n.startswith(OPENING)} - own
    b_open = {n[1:] for n in event.names if n.startswith(OPENING)} - own
    # an opening name counts against the other side's names only, not its words: a topic
    # word opening one report ("Vidéosurveillance …") is said in the other's sentences
    found |= a_open & (b | b_open)
    found |= b_open & a
    return len(found)


def names_on_both(new: Profile, event: Profile) -> int:
    """Names both sides write as a name (a sentence's opening name counts: "Ostrava
    bans …" and "the ban Ostrava's council passed"), not the vendor both are keyed by:
    the body or place one authority's act is known by when no company names it. A name
    one side writes and the other only has among its words is not counted (a city's ban
    listing the towns that banned before it names them; their reports write them)."""
    own = _shared_vendor(new, event)
    a = plain(new.names) | {n[1:] for n in new.names if n.startswith(OPENING)}
    b = plain(event.names) | {n[1:] for n in event.names if n.startswith(OPENING)}
    return len((a & b) - own)
