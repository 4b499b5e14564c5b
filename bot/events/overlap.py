"""What two reports share (pure): their distinctive words and their names, a name
counting ``NAME_WEIGHT`` times a word, and the names written as a name on one side and
found on the other; a country counts only when the two reports name it in two languages
and the same kind of authority acts (``bot.events.bodies.country_bridges``).
``bot.events.matching`` decides on these counts."""

from __future__ import annotations

from bot.events.bodies import country_bridges, without_places
from bot.events.profile import AUTHORITIES, NAME_WEIGHT, Profile, both_authorities
from bot.events.signatures import OPENING
from bot.events.vendor_names import same_vendor, vendor_words


def similarity(new: Profile, event: Profile) -> tuple[float, int, int]:
    """(weighted share of ``new``'s distinctive words found in ``event``, shared words,
    shared names).

    Names (capitalised mid-sentence: places, people, organisations) count
    ``NAME_WEIGHT`` times: they tell two stories on the same theme apart.
    """
    terms, names = new.terms, plain(new.names)
    event_names = plain(event.names) - _shared_vendor(new, event)
    countries = _countries(new, event, names)
    counted = len(names)
    if new.actor_type in AUTHORITIES:  # only an authority's report names its country
        names = without_places(names)
    if (
        event.vendor_key and not same_vendor(new.vendor_key, event.vendor_key)
        and not both_authorities(new, event)
    ):  # fmt: skip
        # the event's vendor named in a report whose finding has no vendor is not
        # agreement: identity comes from the finding's vendor only
        own = vendor_words(event.vendor_key)
        terms, names = terms - own, names - own
    shared = len(terms & event.terms)
    shared_names = len(names & event_names) + countries
    found = shared + (NAME_WEIGHT - 1) * shared_names
    total = max(4, len(terms)) + (NAME_WEIGHT - 1) * counted
    return found / total, shared, shared_names


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


def _countries(new: Profile, event: Profile, names: frozenset[str]) -> int:
    """Countries named on both sides, each side in another language
    (``bot.events.bodies.country_bridges``), where the same kind of authority acts: a
    country is where the act is, not who acts (a court's ruling and a parliament's vote
    in one country the same week are two acts)."""
    if new.actor_type != event.actor_type or new.actor_type not in AUTHORITIES:
        return 0
    return country_bridges(names, event.names)


def place_names(new: Profile, event: Profile) -> int:
    """Words written as a name on either side and found on the other (a sentence's
    opening name counts here when the other side writes it as a name too: "Oberhalden's
    assembly" and "Oberhaldener Kreistag"), not the vendor both are keyed by."""
    own = _shared_vendor(new, event)
    a, b = plain(new.names) - own, plain(event.names) - own
    countries = _countries(new, event, a)
    if new.actor_type in AUTHORITIES:
        a = without_places(a)
    found = (a & (event.terms | b)) | (new.terms & b)
    a_open = {n[1:] for n in new.names if n.startswith(OPENING)} - own
    b_open = {n[1:] for n in event.names if n.startswith(OPENING)} - own
    # an opening name counts against the other side's names only, not its words: a topic
    # word opening one report ("Vidéosurveillance …") is said in the other's sentences
    found |= a_open & (b | b_open)
    found |= b_open & a
    return len(found) + countries
