"""Which names tie two reports to one subject when their vendor keys differ (pure): an
authority's subject named in the other report, a product standing in for its maker, a
product, unit or holding keyed as the vendor, a report keyed by no vendor naming the
other's vendor. ``bot.events.matching`` asks these before comparing anything else."""

from __future__ import annotations

from bot import vocabulary
from bot.events.bodies import PREFIX as BODY
from bot.events.profile import NEAR_DAYS, Profile, both_authorities, days_between
from bot.events.signatures import OPENING, name_word
from bot.events.vendor_names import same_vendor, vendor_head

_STOPS = frozenset(vocabulary.STOPPING) - {vocabulary.Action.EXTENSION.value}


def subject_named(new: Profile, event: Profile) -> bool:
    """Two authority reports whose vendors differ but where one's vendor is named in the
    other's words ("the regulator fines Ondine" and "Ondine will appeal the fine"; a
    mayor's or a city's name taken for the vendor of one report): the same subject."""
    if not both_authorities(new, event):
        return False
    return _named_in(new.vendor_key, event) or _named_in(event.vendor_key, new)


def _named_in(key: str, profile: Profile) -> bool:
    head = name_word(vendor_head(key)) if key else ""
    return bool(head) and (
        head in profile.names or head in profile.terms or OPENING + head in profile.names
    )


def stands_in_for(new: Profile, event: Profile) -> bool:
    """The report's vendor is a product's name standing in for its unnamed maker ("the
    supplier halts the module Lumira"), and the event's reports, within its news cycle,
    name that product: the product's report is its maker's."""
    if not new.stand_in or not new.vendor_key:
        return False
    if days_between(new.first, event.last) > NEAR_DAYS or days_between(event.first, new.first) > 0:
        return False
    head = name_word(vendor_head(new.vendor_key))
    return bool(head) and head in event.names | event.terms


def may_name_a_unit(new: Profile) -> bool:
    """A vendor's relevant policy change: its vendor may be a product, unit or holding
    that another report of the change named beside the company (``named_unit``)."""
    return bool(new.vendor_key) and new.relevant and bool(new.action) and (
        new.actor_type == "vendor")  # fmt: skip


def named_unit(new: Profile, event: Profile) -> bool:
    """Two reports of one vendor's change keyed by different names, where the event's
    reports name the report's vendor as a name ("the Lumira app", "Ondine, the firm
    behind Lumira", a stake in a start-up) and the report names the event's vendor
    nowhere: one of them took the product, unit or holding for the company. Only within
    the event's news cycle and with the same action: a rival named in passing is named
    by its own reports' vendor too, or acts otherwise."""
    if not may_name_a_unit(new) or not event.relevant or not event.action:
        return False
    if days_between(new.first, event.last) > NEAR_DAYS or days_between(event.first, new.first) > 0:
        return False
    head = name_word(vendor_head(new.vendor_key))
    if not head:
        return False
    # the event's own headline opens with the report's vendor ("Scalby's FaceLoom goes
    # dark", "Jadeport sells its stake in …"): the event was keyed by what that vendor
    # owns or acts on, so the vendor's report of the same change, or of a stop read as
    # another stop, is the event's even where it names the event's key too
    subject = OPENING + head in event.names
    if new.action != event.action and not (subject and _both_stops(new.action, event.action)):
        return False
    if not (head in event.names or head in event.terms or subject):
        return False
    return subject or not _named_in(event.vendor_key, new)


def _both_stops(a: str | None, b: str | None) -> bool:
    """Two stopping actions, neither an extension (an extension is its own event)."""
    return a in _STOPS and b in _STOPS


def vendor_named(new: Profile, event: Profile) -> bool:
    """One side is keyed by a vendor and the other, a vendor's report or a comment keyed
    by none (the extraction missed the name, often in another language), names it in
    its words ("Kestrel-Türklingeln erkennen wieder Gesichter" beside Kestrel's own
    report). Only a report with no move of its own (not relevant, no action) joins so: a
    vendor-less move naming the vendor may be a rival's ("days after Kestrel's halt, a
    start-up also stops"). Only asked where the actors agree (a comment and a vendor's
    report): authorities' reports have their own rules (``subject_named``)."""
    keyed, other = (new, event) if new.vendor_key else (event, new)
    if not keyed.vendor_key or other.vendor_key or other.relevant or other.action:
        return False  # a move of its own keyed by no vendor may be a rival's: never
    head = name_word(vendor_head(keyed.vendor_key))
    return bool(head) and (
        head in other.names or head in other.terms or OPENING + head in other.names
    )


def same_subject(new: Profile, event: Profile, vendor: str) -> bool:
    """The company acted on is the same on both sides (see ``Comparison.subject``)."""
    if vendor == "same":
        return same_vendor(new.vendor_key, event.vendor_key)
    if vendor == "one":
        return _named_in(new.vendor_key, event) if new.vendor_key else _named_in(
            event.vendor_key, new)  # fmt: skip
    return False


def _bodies(profile: Profile) -> set[str]:
    return {name for name in profile.names if name.startswith(BODY)}


def other_bodies(new: Profile, event: Profile) -> bool:
    """Each side names an authority body (``bot.events.bodies``: a data protection
    authority, a parliament, a commission) and they name none in common: two bodies'
    acts, however close in time and whatever company both are about ("the Swedish
    regulator fines Ondine" and "the CNIL orders Ondine to delete"). A retelling of one
    act names the body that acted; a report of one body's act that also names another
    ("after the ICO's fine, the CNIL …") shares it with both."""
    mine = _bodies(new)
    if not mine:
        return False
    theirs = _bodies(event)
    return bool(theirs) and not mine & theirs


def body_left_out(new: Profile, event: Profile) -> bool:
    """The event's reports name an authority body and the report names none. Beside two
    kinds of authority acting (a regulator's order and a court's ruling, a regulator's
    guidance and a parliament's vote), it tells two acts apart: a court ruling on a
    regulator's act, or a retelling that reads the regulator's act as a government's,
    names the regulator too. (The other way round, a body named only in the report may
    be a regulator weighing in on the event's ruling the next day, told as its act.)"""
    return bool(_bodies(event)) and not _bodies(new)


def other_subject(new: Profile, event: Profile, gap: float) -> bool:
    """Two authority reports keyed by no company, past the event's news cycle, where the
    report's headline opens with a name the event's reports never write ("Oakland
    joins …") while the report names, inside a sentence, a name the event's reports
    open with ("… after San Francisco and Somerville"): another place's act of the
    same kind that cites the event's, however alike the policy words. A later stage
    of one act opening with a new name (the governor who signs, a topic word) names
    the event's place, if at all, as its own opening ("Washington's governor …")."""
    if gap <= NEAR_DAYS or not new.lead or new.vendor_key or event.vendor_key:
        return False
    if not both_authorities(new, event):
        return False
    written = event.terms | {n.lstrip(OPENING) for n in event.names}
    if new.lead & written:
        return False
    return bool(opening_of(event) & new.names)


def opening_of(profile: Profile) -> frozenset[str]:
    """The names the profile's reports open a headline or summary with (unmarked)."""
    return frozenset(n[len(OPENING) :] for n in profile.names if n.startswith(OPENING))
