"""Decide what an entry reports and build its Finding."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from bot.extract import (
    asked,
    authority,
    authority_behind,
    body_decisions,
    body_governs,
    business_line,
    court_outcomes,
    deals,
    deletion,
    deployment_frame,
    fr_users,
    framing,
    headline_frame,
    item_parties,
    platforms,
    public_bodies,
    restated,
    said_by,
    settlement,
    standing_policy,
    terms,
    user_orders,
)
from bot.extract.act_filters import assurances_dropped, gates_alone, rivals_acts_dropped
from bot.extract.acts import AUTHORITIES, Act, authority_acts, cue_acts, subordinate
from bot.extract.attribution import mentions
from bot.extract.findings import other, vendor_change
from bot.extract.item_parties import (
    first_vendor,
    names_customers,
    title_authority,
    unnamed_company_acts,
    vendor_news,
)
from bot.extract.launch_findings import deployed, not_the_news, withheld_feature
from bot.extract.scan import Scan
from bot.extract.settlement_finding import settled_finding
from bot.models import Finding

WEAK_ACTIONS = frozenset({"restriction", "ban", "shutdown"})


# a stop of one system or a pause, which giving the whole line up makes an exit
_ONE_SYSTEM = frozenset({"shutdown", "moratorium"})
# a stop of a whole system or business, which keeping another capability makes a limit
_WHOLE_STOPS = frozenset({"shutdown", "exit"})
# a stop that a continuation may prolong (bot.extract.history)
_HELD = frozenset({"moratorium", "ban", "extension"})


def _totals(acts: Iterable[Act], key: str) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for act in acts:
        name = act.vendor if key == "vendor" else act.actor
        if name:
            totals[name] += act.weight
    return totals


def classify(sc: Scan, published: date | None) -> Finding | None:
    sc.held_back.clear()  # (reasons of this reading only: see Scan.held_back)
    result = _classify(sc, published)
    if (
        result is not None
        and result.actor_type == "government"
        and not result.relevant
        and not settlement.settlement_frame(sc, [])  # "Oregon's deal with X ends its suit"
    ):
        # "County sheriff signs on for X's face search": the body is X's customer
        supplied = deals.supplier(sc)
        if supplied is not None:
            company, deal = supplied
            return deployed(sc, [], company.vendor, [deal], 0.4, published)
    return result


def _classify(sc: Scan, published: date | None) -> Finding | None:
    found = mentions(sc)
    acts = rivals_acts_dropped(sc, assurances_dropped(sc, gates_alone(sc, cue_acts(sc, found))))
    frame = settlement.settlement_frame(sc, acts)
    if frame and sc.has_fr:
        settled = settled_finding(sc, found, acts, frame, published)
        if settled is not None:
            return settled
    vendor_acts = [a for a in acts if a.actor == "vendor"]
    auth_acts = [a for a in acts if a.actor in AUTHORITIES] + authority_acts(sc, found)
    auth_acts = [a for a in auth_acts if not authority.hedged(sc, a.start, a.end)]
    by_vendor = _totals(vendor_acts, "vendor")
    by_kind = _totals(auth_acts, "actor")
    v_total = max(by_vendor.values(), default=0.0)
    a_total = max(by_kind.values(), default=0.0)
    title_v = any(sc.in_title(a.start) for a in vendor_acts)
    title_a = any(sc.in_title(a.start) for a in auth_acts)
    launch = [h for h in sc.non_policy if h.label == "launch"]
    withheld = withheld_feature(sc, vendor_acts, a_total, published)
    if withheld is not None:  # "a camera ships to Europe without visitor naming"
        return withheld
    if v_total > 0 and (v_total >= a_total or (title_v and not title_a)):
        vendor = max(by_vendor, key=lambda k: by_vendor[k])
        chosen = [a for a in vendor_acts if a.vendor == vendor]
        directing = (
            authority_behind.place_subject(sc)
            or said_by.said_by(sc)  # "X must delete its face index, regulator rules"
            or authority_behind.listed(sc)  # "X joins the investment blacklist"
            or authority_behind.directed(sc, [a.start for a in chosen])
            or authority_behind.paid_to(sc, tuple(a.start for a in chosen))
            or user_orders.ordering_authority(sc, vendor)  # "… after the consumer office"
            or court_outcomes.decided_by_court(sc, headline=True)  # "judges side with X"
            # "Port Hollis police drop X's face search": the police's own use (a public
            # body trialling or buying a vendor's product stays the vendor's news)
            or public_bodies.public_subject(
                sc, tuple(a.start for a in chosen if a.action != "reversal"), deployments=False
            )
            # "Vorland's data authority bars the golf club's face gates" + "… must return to
            # cards": the headline's subject is a body acting, the company's cue its order
            or body_governs.headline_body(sc)
            # "Comissão aprova o direito de recusar …": the cue is what the body decides
            or body_governs.governing_subject(sc, tuple(a.start for a in chosen))
            # "Pontmarch closes its trams to face cameras" + "the councillors voted …"
            or body_governs.place_of_body(sc, vendor)
        )
        if directing is not None and (sc.has_fr or authority.weak_fr(sc.low)):
            # "agrees with the regulator to stop"; face data alone is enough for an
            # authority's act ("judge signs off on X's biometric class settlement")
            sc.held_back.add("directed")
            return other(sc, [], directing, vendor, 0.5, published)
        # "Port Alder restringe …" + "La gobernadora firmó …": no company acts
        restated_kind = restated.restated_actor(sc, found)
        if restated_kind is not None and sc.has_fr:
            return other(sc, [], restated_kind, None, 0.5, published)
        if not sc.has_fr:
            if not names_customers(sc):
                return None
            return other(sc, chosen, "vendor", vendor, 0.35)
        # (in text order: the first act's target names the vendor, whatever the hash seed)
        targets = [
            platforms.enforcement_target(sc, a) for a in sorted(chosen, key=lambda a: a.start)
        ]
        if None not in targets:  # a platform cutting another company off
            sc.held_back.add("platform")
            return other(sc, chosen, "vendor", targets[0], 0.4)
        if platforms.platform_enforced(sc, chosen):  # "X cut off by its host"
            sc.held_back.add("platform")
            return other(sc, chosen, "vendor", vendor, 0.4)
        if framing.other_technology(sc, chosen):  # "X drops plate reading"
            sc.held_back.add("other_technology")
            return other(sc, chosen, "vendor", vendor, 0.4)
        if (
            deployment_frame.fr_user(sc, chosen)
            or fr_users.acting_user(sc, vendor)
            or fr_users.own_premises(sc, chosen, vendor)  # "… at its gyms"
        ):  # "the grocer switches …"
            sc.held_back.add("fr_user")
            return other(sc, chosen, "none", vendor, 0.3)
        # "X weighs …; it had shelved …", "Is X about to quit …?", "Senator asks X which …"
        if headline_frame.speculation_governs(sc, chosen) or asked.asks(sc, chosen):
            sc.held_back.add("speculation")
            return other(sc, chosen, "none", vendor, 0.3)
        if headline_frame.shareholder_vote(sc):  # "X holders vote down a customer review"
            sc.held_back.add("shareholder")
            return other(sc, chosen, "none", vendor, 0.3)
        if standing_policy.nothing_new(sc, chosen):  # "its pause is just what it was"
            sc.held_back.add("restatement")
            return other(sc, chosen, "none", vendor, 0.3, signal="restatement")
        if deployment_frame.deployment(sc, chosen) or not_the_news(
            sc, found, chosen, vendor, launch
        ):
            return deployed(sc, chosen, vendor, launch, 0.4, published)
        if terms.paid_settlement(sc, chosen) or terms.paid_over(sc, chosen):
            sc.held_back.add("paid")  # "X to pay $9m over its retired face grouping"
            return other(sc, chosen, "vendor", vendor, 0.4)
        change = vendor_change(sc, chosen, vendor, v_total, a_total, published)
        if (
            change.action in _ONE_SYSTEM
            and change.applies_to in (None, "everyone")
            and business_line.leaves_business(sc, chosen, change.action == "shutdown")
        ):  # "stops developing and selling it", "to concentrate on plate reading"
            change = replace(change, action="exit")
        elif (
            change.action in _WHOLE_STOPS
            and not deletion.deletes_any(sc, chosen)  # the face data goes too
            and business_line.keeps_another(sc, chosen, face_only=change.action == "exit")
        ):
            # "ends crowd search, leaves its 1:1 matching in place"
            change = replace(change, action="restriction")
        headline_launch = [h for h in launch if sc.in_title(h.start) and not subordinate(sc, h)]
        if change.action == "restriction" and deployment_frame.limited_return(sc, headline_launch):
            # "long after wiping its stored faces, X brings tagging back as opt-in": the
            # limits are the terms of a return from the vendor's own earlier stop
            change = replace(change, action="reversal")
        if standing_policy.restated(sc, chosen):  # news only inside its news cycle (history)
            return replace(change, signal="restatement")
        if change.action == "reversal" and standing_policy.deferred(sc, chosen):
            # "delays lifting its halt", "won't resume sales": the stop goes on
            return replace(change, action="extension", signal="continuation")
        if change.action in _HELD and standing_policy.continued(sc, chosen):
            # history: an extension? ("continuation_fresh": the item also pauses anew)
            fresh = standing_policy.pauses_anew(sc, chosen)
            return replace(change, signal="continuation_fresh" if fresh else "continuation")
        return change
    weak = not sc.has_fr and authority.weak_fr(sc.low)  # face data, no FR term
    if a_total > 0 and (sc.has_fr or weak):
        # the headline's subject, when a place or a legislature, decides the kind
        kind = (
            court_outcomes.decided_by_court(sc)  # "the penalty is set aside"
            or authority_behind.place_subject(sc)
            or body_decisions.headline_label(sc)  # "Bundesverwaltungsgericht: …"
            or said_by.said_by(sc)  # "…, juge le tribunal"
            # the headline's subject is a body acting ("El Consejo de Ministros aprueba
            # …" + "… exige autorización de un juez")
            or body_governs.headline_body(sc)
            or body_decisions.owned_decision(sc)  # "the regulator's verdict"
            # the headline's own authority signal ("EUA põem … em lista de sanções" + a
            # summary's "autoridades americanas negam …")
            or item_parties.headline_kind(sc, by_kind)
            or max(by_kind, key=lambda k: (by_kind[k], AUTHORITIES.index(k)))
        )
        chosen = [a for a in auth_acts if a.actor == kind]
        confidence = 0.5 + 0.3 * min(1.0, a_total / 4)
        return other(sc, chosen, kind, first_vendor(sc), confidence, published)
    # "Ruritania fines X": the place's authority; "X pays a fine": the fining one
    placed = (
        court_outcomes.decided_by_court(sc)  # "the watchdog loses in court"
        or authority_behind.place_subject(sc)
        or authority_behind.listed(sc)
        or body_decisions.headline_label(sc)  # "Commissioner Roe: every shopper was scanned"
        or said_by.said_by(sc)  # "… broke the law, regulator rules"
        or body_decisions.owned_decision(sc)  # "the regulator's verdict on …"
        or authority_behind.paid_to(sc)
        or authority_behind.passive_object(sc)
        # "Port Hollis police halt their trial" (a body deploying FR makes no policy:
        # no actor, or the named vendor's news)
        or public_bodies.public_subject(sc, deployments=False)
        or body_decisions.passive_headline(sc)  # "X fica suspenso" + "a juíza …"
        or body_decisions.contested_headline(sc)  # "X will appeal the privacy fine"
    )
    if placed is not None and (sc.has_fr or weak):
        return other(sc, [], placed, first_vendor(sc), 0.45, published)
    restated_kind = restated.restated_actor(sc, found)  # "Brookvale votes …" + "The council's …"
    if restated_kind is not None and (sc.has_fr or weak):
        return other(sc, [], restated_kind, None, 0.45, published)
    if not sc.has_fr:
        # face data only: an authority the item names loosely, or whose act the
        # headline names ("multa all'azienda", "Amende pour X")
        loose = (authority.authority_kind(sc) or title_authority(sc, found)) if weak else None
        return other(sc, [], loose, first_vendor(sc), 0.35, published) if loose else None
    enforcement = [h for h in sc.non_policy if h.label == "enforcement"]
    loose = authority.authority_kind(sc)  # an authority named loosely (authority.py)
    titled = loose is not None and (
        any(sc.in_title(h.start) for h in sc.authorities) or authority.headline_kind(sc) is not None
    )
    if sc.vendors and not titled and fr_users.acting_user(sc, first_vendor(sc)):
        sc.held_back.add("fr_user")
        return other(sc, [], "none", first_vendor(sc), 0.3)
    if (launch or enforcement) and sc.vendors and not titled:
        # a vendor's launch, or another company's legal warning to it (a launch word in
        # the summary of an authority's headline is background: "the fine adds to …");
        # a planned or rumoured launch is no act yet
        if enforcement:
            return other(sc, [], "vendor", first_vendor(sc), 0.35)
        if (
            headline_frame.speculative(sc)
            or headline_frame.shareholder_vote(sc)
            or asked.others_ask(sc, [])
        ):
            return other(sc, [], "none", first_vendor(sc), 0.35)
        if asked.question_only(sc, []):  # "Is X about to launch …?": nothing launched
            sc.held_back.add("speculation")
            return other(sc, [], "vendor", first_vendor(sc), 0.35)
        # (a company named only in a fronted adverbial, "After X's exit: …", is background:
        # never the vendor of the launch, so never a return of its own)
        return deployed(sc, [], first_vendor(sc), launch, 0.35, published)
    if loose is not None:
        return other(sc, [], loose, first_vendor(sc), 0.4, published)
    if sc.vendors and standing_policy.nothing_new(sc, []):  # "nothing has changed": no actor
        sc.held_back.add("restatement")
        return other(sc, [], "none", first_vendor(sc), 0.25, signal="restatement")
    if sc.vendors and standing_policy.restated(sc, []):
        return other(sc, [], "none", first_vendor(sc), 0.25, signal="restatement")
    named = title_authority(sc, found)
    if named is not None:  # "Another GDPR penalty for X": an authority's act as a noun
        return other(sc, [], named, first_vendor(sc), 0.4)
    if sc.vendors and asked.others_ask(sc, []):  # "Senator asks X which …"
        sc.held_back.add("speculation")
        return other(sc, [], "none", first_vendor(sc), 0.25)
    # no act found, but a headline telling something as going on ("police still
    # without X's face search"): history reads it against the vendor's standing pause
    # (not a plan, someone else's campaign or question, or a study)
    going_on = None
    if sc.vendors and standing_policy.continued(sc, []) and not headline_frame.not_the_vendors(sc):
        going_on = "continuation"
    if (
        headline_frame.vendor_item(sc)
        or (vendor_news(sc) and not headline_frame.not_the_vendors(sc))
        or unnamed_company_acts(sc, found)
    ):
        return other(sc, [], "vendor", first_vendor(sc), 0.3, signal=going_on)
    return other(sc, [], "none", first_vendor(sc), 0.25, signal=going_on)
