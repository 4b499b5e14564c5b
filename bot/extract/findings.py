"""Building a Finding from the acts the classifier chose: a vendor's change (the action
voted over its acts, customers, dates, evidence, confidence) or any other finding (an
authority's act, a launch, no action) with its signal for history."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from bot.extract import authority_behind, dates, deletion, duration, metonyms
from bot.extract.acts import AUTHORITIES, CUSTOMER_GROUPS, Act, clause
from bot.extract.scan import Scan, between, in_fronted
from bot.extract.scope import applies_to
from bot.models import Finding

# stopping sales, read as an exit only while no customer group is named for it
_SUPPLY_STOPS = frozenset({"stop_supply", "refusal"})


def _group_refused(sc: Scan, chosen: list[Act]) -> bool:
    """One of the acts refuses a customer group named in its own clause."""
    for a in chosen:
        if a.action != "ban":
            continue
        lo, hi = clause(sc, a.start)
        if any(g.label in CUSTOMER_GROUPS for g in between(sc.groups, lo, hi)):
            return True
    return False


def vendor_change(
    sc: Scan, chosen: list[Act], vendor: str, v_total: float, a_total: float, published: date | None
) -> Finding:
    votes: dict[str, float] = defaultdict(float)
    for act in chosen:
        if act.action:
            votes[act.action] += act.weight
    if "extension" in votes and len(votes) > 1 and duration.no_end_only(sc, chosen):
        del votes["extension"]  # "no end date" of a new refusal tells its length, no extension
    if (
        "exit" in votes
        and _group_refused(sc, chosen)
        and all(a.label in _SUPPLY_STOPS for a in chosen if a.action == "exit")
    ):  # "no longer supplies its terminals" + "… to employers": one stop, told with its group
        votes["ban"] += votes.pop("exit")
    if "restriction" in votes and deletion.deletes_the_data(sc, chosen):
        votes["shutdown"] += votes.pop("restriction")
    voted = max(votes, key=lambda k: votes[k])
    action = duration.temporal(sc, chosen, voted)
    best = max(chosen, key=lambda a: (a.weight, -a.start))
    windows = _windows(sc, chosen, best)
    s_start, s_end = sc.sentences[best.sentence]
    share = votes.get(action, 0.0) / max(sum(votes.values()), 1e-9)
    fr_here = sc.sentence_has_fr(best.sentence)
    confidence = (
        0.4 + 0.2 * min(1.0, v_total / 4) + 0.15 * share
        + 0.1 * any(sc.in_title(a.start) for a in chosen) + 0.1 * fr_here
        - 0.15 * (a_total > 0)
    )  # fmt: skip
    return Finding(
        relevant=True,
        actor_type="vendor",
        vendor=vendor,
        product=_product(sc, vendor, best),
        action=action,
        applies_to=applies_to(sc, chosen, voted, sc.customers.get(vendor)),
        region=_region(sc, best) or "global",
        effective=dates.effective_date(sc.low, windows, published),
        duration=dates.duration(
            sc.text, sc.low, _merged([*windows, *(sc.sentences[a.sentence] for a in chosen)])
        ),
        confidence=round(max(0.05, min(0.98, confidence)), 3),
        evidence=sc.source[s_start:s_end],
        evidence_start=s_start,
        evidence_end=s_end,
    )


def other(
    sc: Scan,
    chosen: list[Act],
    actor: str,
    vendor: str | None,
    confidence: float,
    published: date | None = None,
    signal: str | None = None,
) -> Finding:
    """A finding that is not a vendor FR policy change (authority, launch, no action)."""
    if (
        actor in AUTHORITIES
        and vendor is not None
        and not authority_behind.named_subject(sc, vendor)
    ):
        vendor = None  # German capitalises every noun: "Streit", "Löschung" name no one
    if actor == "government":
        actor = (
            metonyms.specific_kind(sc) or actor
        )  # "Poland moves to curb …" + "the data authority …"
    if actor in AUTHORITIES and (
        metonyms.no_company(sc, vendor)
        or (actor == "government" and metonyms.label_word(sc, vendor))
    ):
        vendor = None  # "Bruxelles impose …", "Trains de nuit : l'UE …": a place, a topic
    if chosen:
        best = max(chosen, key=lambda a: (a.weight, -a.start))
        s_start, s_end = sc.sentences[best.sentence]
    else:
        s_start, s_end = _fr_sentence(sc)
    effective = None
    if actor in AUTHORITIES and chosen:
        effective = dates.effective_date(sc.low, _windows(sc, chosen, chosen[0]), published)
    # A deployment's or continuation's customer group, should history make it a
    # reversal or an extension.
    group = None
    if signal == "deployment":  # the customers of the deal, not of a policy it recalls
        group = _deployment_group(sc)
    elif signal == "continuation":
        group = next((h.label for h in sc.groups if h.label in CUSTOMER_GROUPS), None)
    return Finding(
        relevant=False,
        actor_type=actor,
        vendor=vendor,
        product=_product(sc, vendor, None) if vendor else None,
        applies_to=group,
        region=_region(sc, None),
        effective=effective,
        confidence=round(confidence, 3),
        evidence=sc.source[s_start:s_end],
        evidence_start=s_start,
        evidence_end=s_end,
        signal=signal,
    )


def _deployment_group(sc: Scan) -> str | None:
    """The customer group named in a sentence that reports the launch, deal or trial
    ("X will supply its face matching to county sheriffs"), not one a recalled policy
    names elsewhere ("…; it still refuses employers")."""
    told = {sc.sentence_of(h.start) for h in sc.non_policy
            if h.label == "launch" and not in_fronted(sc, h.start)}  # fmt: skip
    return next(
        (h.label for h in sc.groups
         if h.label in CUSTOMER_GROUPS and sc.sentence_of(h.start) in told),
        None,
    )  # fmt: skip


def _fr_sentence(sc: Scan) -> tuple[int, int]:
    for s_start, s_end in sc.sentences:
        if between(sc.fr, s_start, s_end):
            return s_start, s_end
    return sc.sentences[0] if sc.sentences else (0, 0)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Distinct spans, each covered once (order of first appearance kept)."""
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if not any(a <= lo and hi <= b for a, b in out):
            out = [(a, b) for a, b in out if not (lo <= a and b <= hi)] + [(lo, hi)]
    return out


def _windows(sc: Scan, chosen: list[Act], best: Act) -> list[tuple[int, int]]:
    ordered = [best, *sorted((a for a in chosen if a is not best), key=lambda a: a.start)]
    return [clause(sc, a.start) for a in ordered]


def _product(sc: Scan, vendor: str | None, best: Act | None) -> str | None:
    products = [v for v in sc.vendors if v.vendor == vendor and v.product]
    if not products:
        return None
    if best is not None:
        return min(products, key=lambda v: abs(v.start - best.start)).product
    return products[0].product


def _region(sc: Scan, best: Act | None) -> str | None:
    spans = []
    if best is not None:
        spans.append(sc.sentences[best.sentence])
    spans.append(sc.sentences[0] if sc.sentences else (0, 0))
    for lo, hi in spans:
        region = sc.first_region(lo, hi)
        if region is not None:
            return region
    return None
