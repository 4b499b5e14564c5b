"""The Finding of a launch: a product arriving in a market without its face feature (a
restriction there), a launch, deal, trial or rollout (a deployment for history, or a
return from the vendor's own earlier stop), and a headline whose news is a launch or a
call while the policy cues are weak or only in the summary.
"""

from __future__ import annotations

from datetime import date

from bot.extract import business_line, deployment_frame, framing, headline_frame, standing_policy
from bot.extract.acts import Act
from bot.extract.attribution import Mention, subject
from bot.extract.findings import other, vendor_change
from bot.extract.item_parties import first_vendor
from bot.extract.scan import Hit, Scan
from bot.models import Finding

WEAK_LABELS = frozenset(
    {"restriction", "gate", "ban", "removal", "refusal_past", "customer_loss", "pause"}
)
SUMMARY_ONLY_MIN = 1.5


def withheld_feature(
    sc: Scan, vendor_acts: list[Act], a_total: float, published: date | None
) -> Finding | None:
    """A product arriving in a market without its face feature (business_line.arrives_without):
    the vendor's restriction for that market, unless an authority's act leads, the
    headline hedges, or the vendor's own acts in the headline say something else."""
    if not sc.has_fr or not sc.vendors or a_total > 0 or headline_frame.speculative(sc):
        return None
    if any(sc.in_title(a.start) and a.action != "restriction" for a in vendor_acts):
        return None
    hit = business_line.arrives_without(sc)
    vendor = first_vendor(sc)
    if hit is None or vendor is None:
        return None
    act = Act("vendor", vendor, None, "restriction", "restriction", 2.0, hit.start, hit.end,
              sc.sentence_of(hit.start))  # fmt: skip
    return vendor_change(sc, [act], vendor, 2.0, 0.0, published)


def deployed(
    sc: Scan,
    chosen: list[Act],
    vendor: str | None,
    launch: list[Hit],
    confidence: float,
    published: date | None,
) -> Finding:
    """A launch, deal, trial or rollout: a deployment for history to read, or a return
    when the sentence that reports it names the vendor's own earlier stop as background
    ("Two winters after wiping its stored faceprints, the service turns photo grouping back on")."""
    signal = deployment_frame.deployment_signal(sc, launch)
    if signal and standing_policy.prolongs(sc):  # "adds another quarter to its pause"
        signal = "continuation"
    elif signal and standing_policy.stop_told_standing(sc, chosen):
        # "…; it reminds that it no longer works with employers": the item itself says
        # the vendor's stop still stands, so the deal is no return from it
        signal = None
    # a gated launch after the vendor's own stop ("reopens its API to vetted banks; it had
    # shut it down") is a return with limits
    back = None
    if vendor and signal:
        back = deployment_frame.return_after_stop(sc, launch)
    elif vendor and signal is None and deployment_frame.gated_launch(sc, launch):
        back = deployment_frame.limited_return(sc, launch)
    if back is None or vendor is None:
        return other(sc, chosen, "vendor", vendor, confidence, signal=signal)
    act = Act("vendor", vendor, None, "reversal", "reversal", 1.0, back.start, back.end,
              sc.sentence_of(back.start))  # fmt: skip
    return vendor_change(sc, [act], vendor, 1.0, 0.0, published)


def not_the_news(
    sc: Scan, found: list[Mention], chosen: list[Act], vendor: str, launch: list[Hit]
) -> bool:
    """The headline is about something else: the vendor's launch, a call or warning, while
    the policy cues are weak or only in the summary (background)."""
    title_acts = [a for a in chosen if sc.in_title(a.start)]
    if title_acts and not all(a.label in WEAK_LABELS for a in title_acts):
        return False
    if any(a.action == "restriction" and (not framing.vetting(sc, a) or _adds(launch, a))
           for a in title_acts):  # fmt: skip
        return False  # "adds a consent check", "ships without naming": the limit is the news
    for h in launch:
        if sc.in_title(h.start) and not framing.negated(sc, h):
            actor = subject(sc, found, h)
            if actor.kind in ("unknown", "other") or actor.vendor == vendor:
                return True
    if title_acts:
        return False
    title_calls = [h for h in sc.cancel if h.label == "call" and sc.in_title(h.start)]
    enforcement = [h for h in sc.non_policy if h.label == "enforcement" and sc.in_title(h.start)]
    summary_weight = sum(a.weight for a in chosen)
    return bool(enforcement) or (bool(title_calls) and summary_weight < SUMMARY_ONLY_MIN)


def _adds(launch: list[Hit], act: Act) -> bool:
    """The launch verb's object is the restriction, or the verb is inside it ("adds a
    review gate", "will only let people look up their own face")."""
    return any(h.start < act.end and act.start < h.end for h in launch)
