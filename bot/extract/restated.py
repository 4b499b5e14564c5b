"""The summary restating the headline's actor by office: who acts when the headline
names a person, a place or a body by a name no list knows.

A news summary's first sentence usually opens with its subject told again as a definite
description: "Dana Whitlock wants answers …" + "The attorney general wrote …", "Port
Alder restringe …" + "La gobernadora firmó …", "Brookvale votes …" + "The city
council's bylaw holds …" (invented names). When that description is an authority (its
head noun is a government, regulator or court word the mentions already read), the item
is that authority's act:

- ``summary_authority``: the kind of such an opening subject (a definite article, at most
  two modifiers, then the authority; not a customer group, a condition, an
  organisation's name or a hedged mention);
- ``unnamed_headline``: whether the headline names no company by evidence (the
  gazetteer, an FR name, a company suffix), so that an unknown name heading it may be
  the person, place or body the summary restates, never a known company's;
- ``summary_law``: the summary's opening sentence tells the act as a law's (a decree as
  its subject, or "By decree, …" opening it): a government's;
- ``restated_actor``: the two together, never when the headline names an authority
  itself (its own reading stands) or the summary tells of a company acting.
"""

from __future__ import annotations

from bot.extract import authority, body_decisions, compiled
from bot.extract.attribution import (
    AUTHORITY_KINDS,
    Mention,
    customer_group,
    group_modifier,
    in_condition,
)
from bot.extract.resources import resources
from bot.extract.scan import Scan, VendorHit
from bot.extract.sentences import clause_start

# A definite article (per language) and at most two modifier words before the mention:
# "The Texas attorney general's …", "La gobernadora …", "Der Landesdatenschützer …".
_DEFINITE = compiled.compile(
    r"(?i)^\W*(?:(?:the|le|la|les|el|los|las|il|lo|gli|i|o|os|a|as|der|die|das)\s+|l['’])"
    r"(?:[\w'’.-]+\s+){0,2}$"
)
# English has an indefinite "a": only other languages read "a"/"as" as an article.
_ENGLISH_INDEFINITE = compiled.compile(r"(?i)^\W*as?\s")
SUBJECT_REACH = 40  # the opening subject starts within this many characters


def _opening_sentence(sc: Scan) -> tuple[int, int] | None:
    """The summary's first sentence (the first that starts after the headline)."""
    return next(((lo, hi) for lo, hi in sc.sentences if lo >= sc.title_end), None)


def summary_authority(sc: Scan, found: list[Mention]) -> str | None:
    """The authority kind of the summary's opening subject, told as a definite
    description ("The attorney general …", "La gobernadora …"), else None."""
    opening = _opening_sentence(sc)
    if opening is None:
        return None
    lo, hi = opening
    first = next((m for m in found if lo <= m.start < hi), None)
    if first is None or first.kind not in AUTHORITY_KINDS or first.start - lo > SUBJECT_REACH:
        return None
    before = sc.text[lo : first.start]
    if not _DEFINITE.match(before) or (sc.lang == "en" and _ENGLISH_INDEFINITE.match(before)):
        return None
    if customer_group(sc, first) or group_modifier(sc, first) or in_condition(sc, first.start):
        return None
    if not authority.acting_mention(sc, first.start, first.end):
        return None
    return first.kind


def _company(v: VendorHit) -> bool:
    """A name the item or the gazetteer shows to be a company."""
    res = resources()
    return (
        v.fr
        or v.vendor in res.vendor_info
        or res.names.suffix.search(v.vendor.split()[-1]) is not None
    )


def unnamed_headline(sc: Scan) -> bool:
    """The headline names no company by evidence: every name read as a company in it is
    one the item's wording alone made so ("Port Alder", "Dana Whitlock"), and the
    summary does not name it again (a name told again is the party itself: "Auberon
    says …")."""
    titled = [v for v in sc.vendors if sc.in_title(v.start)]
    again = {v.vendor for v in sc.vendors if v.start >= sc.title_end}
    return not any(_company(v) or v.vendor in again for v in titled)


_PRONOUNS = frozenset(
    {"it", "its", "they", "their", "il", "elle", "er", "sie", "es", "ella", "lei"}
)


def _acting_company(sc: Scan, found: list[Mention]) -> bool:
    """The summary tells of a company as an actor: one owning something ("the company's
    letter") or opening a clause ("the firm says …"); a company the authority acts on
    ("ordered the arena's owner to …") is no actor."""
    for m in found:
        if m.start < sc.title_end or m.kind != "company":
            continue
        if sc.low[m.start : m.end].strip("'’s ") in _PRONOUNS:
            continue
        s_lo, _ = sc.sentences[sc.sentence_of(m.start)]
        if sc.text.startswith(("'s", "’s"), m.end) or sc.text[m.start : m.end].endswith(
            ("'s", "’s")
        ):
            return True
        if clause_start(sc.breaks, s_lo, m.start) >= m.start - 5:
            return True
    return False


def restated_actor(sc: Scan, found: list[Mention]) -> str | None:
    """The authority the summary restates the headline's actor as, when the headline
    names no authority and no company by evidence and the summary tells of no company
    acting: "Port Alder restringe …" + "La gobernadora firmó …" is the government's act,
    not a company called Port Alder's."""
    if any(m.kind in AUTHORITY_KINDS and m.start < sc.title_end for m in found):
        return None  # the headline names its authority itself: its own reading stands
    if not unnamed_headline(sc) or _acting_company(sc, found):
        return None
    return summary_authority(sc, found) or summary_law(sc)


def summary_law(sc: Scan) -> str | None:
    """The summary's opening sentence tells the headline's act as a law's ("Valdor caps
    …" + "An ordinance adopted last week restricts …", "… + "Per Verordnung darf die Polizei
    …"): a government's act, not a company called Valdor's."""
    opening = _opening_sentence(sc)
    if opening is None:
        return None
    index = sc.sentences.index(opening)
    return "government" if body_decisions.law_told(sc, index) else None
