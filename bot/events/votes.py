"""Running vote tallies of an event's canonical fields (the ``events.votes`` column).

Who votes on what:

* the policy fields (action, who it applies to, duration) are voted over the
  event's relevant mentions only: a report that is not a policy change says
  nothing about which change it was;
* a mention with no actor (commentary, research, a call) abstains on relevance
  and on the actor, so an event with one relevant report among several comments
  still alerts; only when no mention has an actor is the event actor-less;
* an event voted relevant is a vendor's policy change, so its actor is the vendor:
  a report of it that mis-reads an authority as the actor (a city council the
  vendor wrote to, a judge it filed with) does not turn the event into an
  authority's act.

Recording a mention adds its ballot to the event's tally instead of re-reading
every mention, and ``outcome`` gives exactly what a vote over all mentions in
report order (published, then entry id) gives: per field the value with the
most weight (ties to the value reported first), the lead mention (the first
primary one, else the first one), the heaviest evidence stating the voted
action, the highest confidence and the number of distinct sources.

Pure functions over a JSON-ready dict; ``store.events`` keeps it in the row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from bot.extract.known import is_company_form
from bot.sources.aggregators import outlet_key

CANONICAL = (
    "relevant", "actor_type", "vendor", "product", "action",
    "applies_to", "region", "effective", "duration",
)  # fmt: skip
TIE = 1e-9  # a value must outweigh the earlier one by more than this to win
POLICY_FIELDS = frozenset({"action", "applies_to", "duration"})  # relevant mentions only
ACTOR_FIELDS = frozenset({"relevant", "actor_type"})  # not voted by actor-less mentions
NO_ACTOR = "none"
VENDOR = "vendor"

Tally = dict[str, Any]


def new_tally() -> Tally:
    """``f``: field → [[value, weight, published, entry_id], ...] (first report kept);
    ``lead``: [not primary, published, entry_id, title, link]; ``ev``: [[action,
    weight, published, entry_id, evidence], ...]; ``conf``; ``src``: folded outlet names."""
    return {"f": {name: [] for name in CANONICAL}, "lead": None, "ev": [], "conf": 0.0, "src": []}


def add_ballot(
    tally: Tally,
    fields: Mapping[str, Any],
    weight: float,
    *,
    published: str,
    entry_id: int,
    primary: bool,
    title: str,
    link: str | None,
    source: str,
    related: Iterable[str] = (),
) -> None:
    """Add one mention (its finding's ``fields`` with voting ``weight``) to ``tally``;
    ``source`` is its outlet and ``related`` the outlets of coverage it lists, which
    count among the event's distinct outlets."""
    order = [published, entry_id]
    for name in voted_fields(fields):
        value = fields.get(name)
        if value is None or value == "":
            continue
        _add(tally["f"][name], value, weight, order)
    lead = [0 if primary else 1, *order, title, link]
    if tally["lead"] is None or lead[:3] < tally["lead"][:3]:
        tally["lead"] = lead
    evidence = fields.get("evidence") or ""
    if evidence:
        _keep_evidence(tally["ev"], fields.get("action"), weight, order, evidence)
    tally["conf"] = max(float(tally["conf"]), float(fields.get("confidence") or 0.0))
    folded = [outlet_key(source), *(k for k in map(outlet_key, related) if k)]
    for key in folded:
        if key not in tally["src"]:
            tally["src"].append(key)


def has_outlet(tally: Tally, source: str) -> bool:
    """Whether ``source`` is already one of the tally's outlets."""
    return outlet_key(source) in tally["src"]


def voted_fields(fields: Mapping[str, Any]) -> tuple[str, ...]:
    """The canonical fields this mention votes on (see the module docstring)."""
    skip: frozenset[str] = frozenset()
    if not fields.get("relevant"):
        skip = POLICY_FIELDS
    if fields.get("actor_type") in (None, "", NO_ACTOR):
        skip = skip | ACTOR_FIELDS
    return tuple(name for name in CANONICAL if name not in skip) if skip else CANONICAL


def _add(slots: list[list[Any]], value: Any, weight: float, order: list[Any]) -> None:
    for slot in slots:
        if slot[0] == value and type(slot[0]) is type(value):
            slot[1] += weight
            if order < slot[2:4]:
                slot[2:4] = order
            return
    slots.append([value, weight, *order])


def _keep_evidence(
    best: list[list[Any]], action: Any, weight: float, order: list[Any], evidence: str
) -> None:
    """Per action, the heaviest evidence (ties to the earlier report)."""
    for slot in best:
        if slot[0] == action:
            if weight > slot[1] or (weight == slot[1] and order < slot[2:4]):
                slot[1:] = [weight, *order, evidence]
            return
    best.append([action, weight, *order, evidence])


def winner(slots: Iterable[list[Any]]) -> Any:
    """The value with the most weight; ties go to the value reported first."""
    best: list[Any] | None = None
    for slot in sorted(slots, key=lambda s: (s[2], s[3])):
        if best is None or slot[1] > best[1] + TIE:
            best = slot
    return best[0] if best else None


def company_form(vendor: Any, slots: Iterable[list[Any]]) -> Any:
    """The voted vendor's long company name when a report gave it ("Orrin" voted, one
    report said "Orrin Biometrics"): the name followed by company suffixes only. A
    longer name of any other kind may be a product's ("Orrin Match") and does not win."""
    if not isinstance(vendor, str) or not vendor:
        return vendor
    best = vendor
    for slot in slots:
        name = slot[0]
        if isinstance(name, str) and len(name) > len(best) and is_company_form(vendor, name):
            best = name
    return best


def _relevance(slots: list[list[Any]]) -> Any:
    """The relevance vote; an even split counts as relevant: one report that reads the
    vendor's change as its own against one that reads it as no change is a change
    that must alert, not one that is silently dropped."""
    if not slots:
        return None
    yes = sum(float(slot[1]) for slot in slots if slot[0])
    no = sum(float(slot[1]) for slot in slots if not slot[0])
    return yes + TIE >= no


def outcome(tally: Tally) -> dict[str, Any]:
    """The voted canonical fields plus ``title``, ``link``, ``evidence`` (may be ''),
    ``confidence`` and ``source_count``."""
    values: dict[str, Any] = {name: winner(tally["f"][name]) for name in CANONICAL}
    values["vendor"] = company_form(values["vendor"], tally["f"]["vendor"])
    values["relevant"] = _relevance(tally["f"]["relevant"])
    if values["actor_type"] is None:  # every mention is actor-less
        values["actor_type"] = NO_ACTOR
    if values["relevant"] is None:
        values["relevant"] = False
    if values["relevant"]:  # a relevant event is a vendor's own change
        values["actor_type"] = VENDOR
    stated = [slot for slot in tally["ev"] if slot[0] == values["action"]]
    lead = tally["lead"] or [1, "", 0, "", None]
    values.update(
        title=lead[3],
        link=lead[4],
        evidence=stated[0][4] if stated else "",
        confidence=float(tally["conf"]),
        source_count=len(tally["src"]),
    )
    return values


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # built once


def dumps(tally: Tally) -> str:
    return _ENCODE(tally)


def loads(text: str) -> Tally | None:
    """The stored tally, or None when the event predates tallies (rebuild it)."""
    return json.loads(text) if text else None
