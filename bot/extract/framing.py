"""How the whole item frames its acts: a settlement, enforcement by a platform, a
restatement of an old policy, a deployment. Each reads the scan, never one phrase.

- **Settlement**: terms, an agreement, deal or accord that close or resolve a case,
  anywhere in the item, make the obligations it states the vendor's ``settlement``,
  whoever the grammatical subject ("X may not sell …", "the accord shields X's archive
  from …"). When the other party is an authority (a regulator's order, a state's suit,
  a court's approval), the item is that authority's action: a company that only uses
  FR and settles with a regulator changes no vendor's policy.
- **Enforcement** (bot/extract/platforms.py): a platform (a host, an app store, a
  payment firm) cutting another company off is not an FR policy change (relevant=False,
  actor vendor, the vendor being the company cut off).
- **Restatement**: a vendor reaffirms or clarifies a policy, or someone questions its
  scope: no new decision (relevant=False, actor none, signal "restatement"); said
  outright ("nothing has changed", "no new decision", "the same policy", "stands as it
  was"), it is no change with or without the vendor's timeline, unless the item moves
  the stop's end (an extension) or tells money paid.
- **Speculation**: a plan, rumour or question in the headline that governs the
  headline's acts ("X to restart face search?", "rumours of X's return"): no act.
- **Continuation**: a stop told as going on ("still", "stays", "another year", "past
  its deadline"): signal "continuation"; history makes it an extension of the vendor's
  standing moratorium, or a restatement of its standing ban.
- **Deployment**: a launch, deal, trial, rollout or expansion with no policy act in a
  main clause (signal "deployment"; history may make it a reversal).
"""

from __future__ import annotations

import re

from bot.extract import compiled, future_deals
from bot.extract.acts import AUTHORITIES, Act, clause, subordinate
from bot.extract.attribution import Mention
from bot.extract.gate import gated
from bot.extract.hearsay import announced_before
from bot.extract.resources import resources
from bot.extract.scan import Hit, Scan, between, in_fronted

SETTLEMENT_LABELS = frozenset({"settlement_frame"})
# Cue labels that state an obligation under a settlement ("may not sell", "barred").
OBLIGATIONS = frozenset(
    {"ban", "refusal", "stop_supply", "restriction", "customer_loss", "moratorium", "pause",
     "removal", "shutdown", "exit", "settlement", "refusal_past", "gate"}
)  # fmt: skip
_COUNTERPARTY_ORDER = ("regulator", "government")
_CUSTOMER_GROUPS = frozenset(
    {"police", "law_enforcement", "government", "private_companies"}
)  # a court approves, it is no party
_CAPITALISED = compiled.compile(r"[A-Z][\w&+.-]*\w")
# After a headline's company name, a word that makes someone else the subject.
NOT_THE_COMPANY = compiled.compile(
    r"(?:'s)?\s*(?:,|and\b|or\b|founder|co-founder|ceo|chief|executive|boss|employees|workers|"
    r"staff|shareholders|investors|board|rivals?)",
    re.IGNORECASE,
)


def _labelled(sc: Scan, label: str) -> list[Hit]:
    return [h for h in sc.non_policy if h.label == label]


_UNDER_TERMS = compiled.compile(r"(?i)under\b.*\b(?:terms|agreement|deal|accord|conditions)$")


def settlement_frame(sc: Scan, acts: list[Act]) -> list[Hit]:
    """Hits that frame the item as a settlement (a settlement cue counts too)."""
    frame = _labelled(sc, "settlement_frame")
    if not _labelled(sc, "legal_context") and not any(
        a.label in ("regulator", "court") for a in sc.authorities
    ):
        # "on revised terms demanding a usage journal": a customer's contract, no case
        frame = [h for h in frame if not _UNDER_TERMS.match(sc.text, h.start, h.end)]
    frame += [Hit(a.start, a.end, "settlement_frame") for a in acts if a.label == "settlement"]
    # a settlement cue with its object ("settles FTC charges"), whoever settles
    frame += [Hit(h.start, h.end, "settlement_frame") for h in sc.actions
              if h.label == "settlement" and " " in sc.text[h.start : h.end]]  # fmt: skip
    if _labelled(sc, "legal_context"):  # "the deal", "the accord" in an item about a case
        frame += _labelled(sc, "agreement")
    elif _labelled(sc, "payment"):  # "a $90m deal with Texas": a state on the other side
        frame += [h for h in _labelled(sc, "agreement") if _state_party(sc, h)]
    return [h for h in frame if not future_deals.quantified(sc, h)]  # "every deal with towns"


def counterparty(
    sc: Scan, found: list[Mention], frame: list[Hit], title_acts: list[Act]
) -> str | None:
    """The authority on the other side of a settlement: one named in a sentence that
    frames it (a regulator's order, a state's suit), else one acting in the title."""
    kinds: set[str] = set()
    for hit in frame:
        lo, hi = sc.sentences[sc.sentence_of(hit.start)]
        kinds |= {m.kind for m in found if lo <= m.start < hi and m.kind in AUTHORITIES
                  and not _customer(sc, m)}  # fmt: skip
    if not kinds:
        kinds = {a.actor for a in title_acts}
    if not kinds and not _private_case(sc):
        # "… under agency order" + "the consumer authority found …": that body (a
        # court named elsewhere only approves a private case)
        kinds = {m.kind for m in found if m.kind in ("regulator", "government")
                 and not _customer(sc, m)}  # fmt: skip
    payments = [h for h in sc.non_policy if h.label == "payment"]
    if (
        not kinds
        and not _private_case(sc)
        and any(_state_party(sc, hit) for hit in [*frame, *payments])
    ):
        kinds = {"government"}
    return next((k for k in _COUNTERPARTY_ORDER if k in kinds), None)


def _private_case(sc: Scan) -> bool:
    """The case is brought by private parties (a class, consumers, plaintiffs): a place
    the item names ("Italy's first class case", "Germania, accordo con i consumatori")
    is where it was heard, not a state on the other side."""
    return gated(resources().private_party).search(sc.text) is not None


_PARTY_BEFORE = compiled.compile(r"(?i)\b(?:with|by|against|and|versus|v\.?)\s+(?:the\s+)?$")


def _customer(sc: Scan, m: Mention) -> bool:
    """An authority word that names a customer group ("may still serve government
    agencies"), not a party to the case ("settles WITH the government")."""
    if not any(g.start < m.end and m.start < g.end for g in sc.groups):
        return False
    return _PARTY_BEFORE.search(sc.text, max(0, m.start - 14), m.start) is None


def _state_party(sc: Scan, hit: Hit) -> bool:
    """A place names the other party: "settles Texas's suit", "a settlement with Ohio",
    or a place opening the sentence ("Texas secures a settlement"); not "settles the
    Illinois case" (where the case was heard)."""
    first_word = re.match(r"\S+\s+", sc.text[hit.start : hit.end])
    for region in sc.region_pattern.finditer(sc.text, hit.start, hit.end + 2):
        if sc.text.startswith("'s", region.end()):  # "settles Ohio's suit"
            return True
        if first_word and region.start() == hit.start + first_word.end():
            return True  # "settle Texas claims" (not "settle the Illinois case")
    after = sc.text[hit.end : hit.end + 30]
    m = re.match(r"\s+(?:(?:with|to|a|al|à|an|ao)\s+(?:the\s+state\s+of\s+)?)?", after)
    start = hit.end + (m.end() if m else 0)
    if sc.region_pattern.match(sc.text, start) is not None:
        return True
    s_start, _ = sc.sentences[sc.sentence_of(hit.start)]
    return sc.region_pattern.match(sc.text, s_start) is not None


def obligations(sc: Scan, acts: list[Act]) -> list[Act]:
    """The acts a settlement binds the vendor to, whoever their grammatical subject (the
    word "settlement" itself binds nothing)."""
    return [a for a in acts if a.label in OBLIGATIONS - {"settlement"} and not a.background]


def loose_obligations(sc: Scan, vendor: str) -> list[Act]:
    """Obligation cues of a settlement item that nobody was found to perform (a passive
    "are barred", a subjectless "no … customers"), outside fronted adverbials: the
    vendor's terms."""
    out = []
    for h in sc.actions:
        if h.label not in OBLIGATIONS - {"settlement"} or in_fronted(sc, h.start):
            continue
        if any(h.start <= a.start < h.end for a in sc.authorities):
            continue  # "needs court approval": the authority's step, not a term
        i = sc.sentence_of(h.start)
        weight = 2.0 if sc.in_title(h.start) else 1.0
        out.append(Act("vendor", vendor, None, h.label, "settlement", weight, h.start, h.end, i))
    return out


def settled_acts(sc: Scan, acts: list[Act]) -> list[Act]:
    """The vendor settling in so many words ("X agrees to settle"); the bare noun ("X's
    settlement is approved") says nothing of who acts."""
    return [
        a for a in acts
        if a.label == "settlement" and a.actor == "vendor"
        and not sc.low[a.start : a.end].startswith("settlement")
    ]  # fmt: skip


def other_technology(sc: Scan, acts: list[Act]) -> bool:
    """The strongest act's object is a capability other than face recognition (number
    plates, fingerprints, voice) and its clause names no FR term after the cue: the
    vendor's policy, but no FR one ("X drops plate reading from its car parks")."""
    others = _labelled(sc, "other_tech")
    if not others or not acts:
        return False
    best = max(acts, key=lambda a: a.weight)
    lo, hi = clause(sc, best.start)
    if not any(best.start <= h.start < min(hi, best.end + 50) for h in others):
        return False
    before = between(sc.fr, lo, best.start)
    if before and _PASSIVE_GAP.match(sc.text, before[-1].end, best.start):
        return False  # "Pellmark, its photo-matching service, is to be phased out": FR's
    return not between(sc.fr, best.start, hi)


# An FR term as the passive subject of the cue after it ("… engine, will be wound down")
_PASSIVE_GAP = compiled.compile(
    r"(?i)[\w\s,'-]{0,40}?\b(?:will be|is being|is|are|was|were|has been|have been|gets?|"
    r"wird|werden|wurde|sera|est|será|es|sarà|è|será|é)\s+(?:\w+\s+)?$"
)


def restated(sc: Scan, acts: list[Act]) -> bool:
    """The item restates or questions a policy: a restatement word in the title or in the
    sentence of the strongest act."""
    marks = _labelled(sc, "restatement")
    if not marks:
        return False
    if any(sc.in_title(h.start) for h in marks):
        return True
    if not acts:
        return True
    best = max(acts, key=lambda a: a.weight)
    lo, hi = sc.sentences[best.sentence]
    return any(lo <= h.start < hi for h in marks)


def nothing_new(sc: Scan, acts: list[Act]) -> bool:
    """The item says outright that nothing is new ("nothing has changed", "no new
    decision", "the same policy", "is what it was"): in the headline, in a sentence of
    one of the acts, or anywhere when the headline holds no act. A policy restated so is
    no change, with or without the vendor's timeline; unless the item moves the stop's
    term ("no longer ends in May", "another six months"): that is an extension."""
    # (a launch or restatement cue may hold the same words: "announced nothing new",
    # "nothing has changed"; within one cue class the leftmost-longest match keeps them)
    marks = [h for h in sc.non_policy
             if (h.label == "no_news"
                 or (h.label in ("restatement", "launch") and _NOTHING.search(sc.text, h.start, h.end)))
             and not _ELSEWHERE.search(sc.text, max(0, h.start - 30), h.start)]  # fmt: skip
    if not marks or _moves_term(sc) or _labelled(sc, "payment"):
        # (money paid over past conduct is the news there: "the app stays as it is")
        return False
    if any(sc.in_title(h.start) for h in marks):
        return True
    spans = [sc.sentences[a.sentence] for a in acts]
    if any(lo <= h.start < hi for h in marks for lo, hi in spans):
        return True
    return not any(sc.in_title(a.start) for a in acts)


# the words that deny anything is new, inside a launch or restatement cue
_NOTHING = compiled.compile(
    r"(?i)\b(?:nothing|no new|rien|nichts|nada|nulla|niente|ningun\w*|nenhum\w*)\b"
)
# "elsewhere nothing changes": the rest of the market is untouched, the change is real
_ELSEWHERE = compiled.compile(
    r"(?i)\b(?:elsewhere|everywhere else|for (?:the )?(?:others|rest|everyone else)|other users|"
    r"ailleurs|pour les autres|partout ailleurs|sonst|anderswo|überall sonst|für (?:alle )?anderen|"
    r"en (?:el )?resto|en otros|para los demás|altrove|per (?:gli )?altri|nos demais|"
    r"para os demais|no resto)\b[\s,;:]*$"
)
# A continuation that moves a stop's end (six languages): a new or no end date, more
# time, past the old term, not lifted as planned
_TERM = compiled.compile(
    r"(?i)sunset|end date|expir|lapse|lift|longer|another|beyond|past |outl|indefinite|"
    r"open-ended|prolong|fin\b|échéance|levée|au-delà|länger|Ende|verlänger|aufgehoben|"
    r"über|fecha|más allá|prorrog|levanta|scad|oltre|proroga|revoca|além|prorroga|acabar"
)


def _moves_term(sc: Scan) -> bool:
    return any(_TERM.search(sc.text, h.start, h.end) for h in _labelled(sc, "continuation"))


def continued(sc: Scan, acts: list[Act]) -> bool:
    """The item tells its stop as going on (a continuation word: "still", "stays",
    "beyond its deadline", "another year"): in the title, or in the sentence of one of
    the vendor's acts outside a background clause."""
    marks = _labelled(sc, "continuation")
    if any(sc.in_title(h.start) for h in marks):
        return True
    spans = [sc.sentences[a.sentence] for a in acts if not a.background]
    return any(lo <= h.start < hi for h in marks for lo, hi in spans)


def deferred(sc: Scan, acts: list[Act]) -> bool:
    """A return the item negates or defers ("won't resume", "delays lifting its halt"): a
    reversal act inside a continuation hit."""
    marks = _labelled(sc, "continuation")
    return any(h.start <= a.start < h.end for a in acts if a.action == "reversal" for h in marks)


def prolongs(sc: Scan) -> bool:
    """A launch-type headline ("adds", "gives") whose object is more time for a pause:
    a continuation in the title that also names the pause."""
    title = sc.text[: sc.title_end]
    marks = [h for h in _labelled(sc, "continuation") if sc.in_title(h.start)]
    return bool(marks) and resources().pause_noun.search(title) is not None


_PAUSE_LABELS = frozenset({"pause", "moratorium"})


def pauses_anew(sc: Scan, acts: list[Act]) -> bool:
    """The item reports a pause as a new act: a pause verb ("halts", "met en pause",
    "setzt … aus") outside background, not a pause noun ("its freeze") told as going on."""
    for a in acts:
        paused = a.label in _PAUSE_LABELS or (
            a.label == "stop_supply" and resources().pause_verb.match(sc.text, a.start) is not None
        )
        if not paused or a.background or a.subordinate:
            continue
        if resources().pause_noun_before.search(sc.text, max(0, a.start - 40), a.start) is None:
            return True
    return False


def deployment(sc: Scan, acts: list[Act]) -> bool:
    """A launch, deal, trial, rollout or expansion outside fronted adverbials, and no
    policy act in a main clause."""
    if any(not a.background for a in acts):
        return False
    return any(not in_fronted(sc, h.start) for h in _labelled(sc, "launch"))


# Stops a return undoes: leaving, switching off or deleting, pausing, restricting, refusing
# the technology (not a refusal of one customer group, which a deployment to another
# group leaves standing: return_after_stop skips a stop whose clause names a group).
_STOPS = frozenset({"exit", "shutdown", "removal", "pause", "moratorium", "restriction",
                    "stop_supply", "refusal", "ban"})  # fmt: skip


# the stops whose limits a return may keep (a restriction told as background is no retreat
# the vendor came back from: "which has never limited who buys it")
_RETREATS = _STOPS - {"restriction"}


def return_after_stop(sc: Scan, launch: list[Hit], stops: frozenset[str] = _STOPS) -> Hit | None:
    """The deployment of an item that names the vendor's own earlier stop as background
    ("N years after quitting …, X bids …", "its first face product since it erased
    its gallery in 2018"): the launch hit, else None. A stop aimed at a customer
    group, or whose clause names another company, is not undone this way."""
    main = [hit for hit in launch if not in_fronted(sc, hit.start)]
    if not main:
        return None
    for h in sc.actions:
        if h.label not in stops or (stops is _RETREATS and negated(sc, h)):
            continue
        if not (in_fronted(sc, h.start) or subordinate(sc, h) or _pluperfect(sc, h)):
            continue
        lo, hi = clause(sc, h.start)
        if any(g.label in _CUSTOMER_GROUPS for g in between(sc.groups, lo, hi)):
            continue
        named = {v.vendor for v in sc.vendors if lo <= v.start < hi} | _launch_vendors(sc)
        if len({n.split()[0].casefold() for n in named}) > 1:
            continue  # "Following a rival's halt, …" (not "X" and "X Photos": one company)
        same = [hit for hit in main if sc.sentence_of(hit.start) == sc.sentence_of(h.start)]
        return (same or main)[0]
    return None


def _pluperfect(sc: Scan, h: Hit) -> bool:
    """A stop told in the pluperfect ("had been held back there since launch"): what was
    the case before the news."""
    return any(c.label == "background" and 0 <= h.start - c.end <= 14 for c in sc.cancel)


def _launch_vendors(sc: Scan) -> set[str]:
    first = next((v for v in sc.vendors if sc.in_title(v.start)), None) or (
        sc.vendors[0] if sc.vendors else None
    )
    return {first.vendor} if first else set()


def deployment_signal(sc: Scan, launch: list[Hit]) -> str | None:
    """ "deployment" for a launch-type item, unless it gates what it launches (vetting,
    approval, limited access): a gated launch keeps a restrictive policy, it does not
    undo one."""
    if not launch or any(vetting(sc, h) for h in sc.actions if h.label == "restriction"):
        return None
    if speculative(sc):  # "X plans to add face recognition": no deployment yet
        return None
    if nothing_new(sc, []):  # "nothing new added", "no new decision": a restatement
        return None
    if all(negated(sc, h) for h in launch):
        return None  # "the feature is not switched on"
    if _labelled(sc, "no_identity") or other_launch(sc, launch):
        # an age guess or a pet told apart identifies no one; a palm scanner is no face
        # recognition: neither undoes a stop of the vendor's (history: no return)
        return None
    return "deployment"


def limited_return(sc: Scan, launch: list[Hit]) -> Hit | None:
    """A launch with limits (a gate, opt-in) that names the vendor's own earlier retreat
    (an exit, shutdown, pause or refusal, not negated) as background: the launch hit."""
    return return_after_stop(sc, launch, _RETREATS)


def gated_launch(sc: Scan, launch: list[Hit]) -> bool:
    """A launch that gates what it launches (vetting, approval, limited access), told as
    done (not planned, not negated): no deployment for history, but a return with limits
    when the item names the vendor's own earlier stop (``return_after_stop``)."""
    if not launch or not any(vetting(sc, h) for h in sc.actions if h.label == "restriction"):
        return False
    return not speculative(sc) and not all(negated(sc, h) for h in launch)


# (a continuation word, "still turns away police", is left to history: a deal with other
# customers stays a deployment that history reads against the stop's own customers)
_STANDING = frozenset({"restatement", "no_news"})
_STOP_ACTIONS = frozenset({"ban", "moratorium", "extension", "exit", "shutdown"})


def stop_told_standing(sc: Scan, acts: list[Act]) -> bool:
    """One of the vendor's stops is told as still standing: a restatement word
    ("reminds", "reiterates", "nothing changed") in the stop's own sentence, outside
    a fronted adverbial and not in the pluperfect (a stop told as the past is background
    a return may undo)."""
    marks = [h for h in sc.non_policy if h.label in _STANDING]
    for a in acts:
        if a.actor != "vendor" or a.action not in _STOP_ACTIONS or a.background:
            continue
        if any(c.label == "background" and 0 <= a.start - c.end <= 14 for c in sc.cancel):
            continue
        lo, hi = sc.sentences[a.sentence]
        if any(lo <= h.start < hi and not in_fronted(sc, h.start) for h in marks):
            return True
    return False


def other_launch(sc: Scan, launch: list[Hit]) -> bool:
    """Every launch outside fronted adverbials is told in a clause that names another
    technology ("launched a palm scanner", "lance un lecteur d'empreintes"), and no face
    recognition term stands in that clause outside background."""
    main = [h for h in launch if not in_fronted(sc, h.start)]
    if not main:
        return False
    other = _labelled(sc, "other_tech")
    for h in main:
        lo, hi = clause(sc, h.start)
        if not any(lo <= o.start < hi for o in other):
            return False
        if any(lo <= f.start < hi and not in_fronted(sc, f.start) for f in sc.fr):
            return False
    return True


def negated(sc: Scan, h: Hit) -> bool:
    """A launch word under a negation ("won't extend its pause to …", "is not switched
    on"): nothing is launched."""
    return _NEGATED.search(sc.text, max(0, h.start - 30), h.start) is not None


# "won't", "doesn't": the contraction is glued to its verb (no word boundary before it)
_NEGATED = compiled.compile(r"(?i)(?:\b(?:not|never|no longer|without)|n't)\W+(?:\w+\W+){0,2}$")


def speculative(sc: Scan) -> bool:
    """The headline reports a plan, a report or a rumour of what a vendor may do, not a
    decision ("X plans to …", "X reconsiders …", "…, report says")."""
    return any(
        h.label in _HEDGES and sc.in_title(h.start) and not announced(sc, h) for h in sc.non_policy
    )


def announced(sc: Scan, h: Hit) -> bool:
    """A hearsay mark that is the future of the vendor's own announcement ("a annoncé
    qu'elle suspendrait"): the decision, not a rumour (hearsay.py)."""
    return h.label == "hearsay" and announced_before(sc, h)


# a plan, report or rumour (speculation), or a decision told as hearsay: the conditional
# of reported speech ("estaria sondando", "envisagerait") or unnamed sources
_HEDGES = frozenset({"speculation", "hearsay"})


def speculation_only(sc: Scan, acts: list[Act]) -> bool:
    """A speculative headline with no act of its own: the acts in the summary are the
    background of the plan ("Meta reconsiders …; it shelved the feature last year")."""
    return speculative(sc) and not any(sc.in_title(a.start) for a in acts)


def speculation_governs(sc: Scan, acts: list[Act]) -> bool:
    """A speculative headline whose own acts come after its plan or rumour word ("Rumour
    mill: X to restart face search?", "Gerüchte über Xs Rückkehr"): the acts are what may
    happen.
    A headline that asks ("…?") or names a rumour, never a plain plan with a date."""
    title = [a for a in acts if sc.in_title(a.start)]
    if not title:
        return speculation_only(sc, acts)
    marks = [
        h for h in sc.non_policy
        if h.label in _HEDGES and sc.in_title(h.start) and not announced(sc, h)
    ]  # fmt: skip
    marks += [Hit(m.start(), m.end(), "speculation")
              for m in _RUMOUR.finditer(sc.text, 0, sc.title_end)]  # fmt: skip
    hearsay = any(h.label == "hearsay" for h in marks)  # a rumour said in its grammar
    if (
        not marks
        or "?" not in sc.text[: sc.title_end]
        and not _RUMOUR.search(sc.text, 0, sc.title_end)
        and not hearsay
    ):
        return False
    # (the conditional may sit on the act's own verb: "suspenderebbe le vendite")
    return all(any(h.start <= a.start for h in marks) for a in title)


_RUMOUR = compiled.compile(
    r"(?i)rumou?r|gerücht|spekulation|speculat|especula|rumeur|indiscrezion|\bvoci\b"
)


def not_the_vendors(sc: Scan) -> bool:
    """The headline is a plan or rumour, someone else's campaign, suit or complaint, a
    study, or people news (a new chief): no act of the vendor itself."""
    hedges = ("speculation", "hearsay", "campaign", "inquiry", "people", "shareholder")
    if any(
        h.label in hedges and sc.in_title(h.start) and not announced(sc, h) for h in sc.non_policy
    ):
        return True
    return any(h.label == "study" for h in sc.non_policy)  # research about vendors


def retrospective(sc: Scan) -> bool:
    """The headline looks back on an earlier act ("What became of X's moratorium?", "…
    a tre anni di distanza", "After November's approval, …"): no new decision."""
    return any(h.label == "retrospective" and sc.in_title(h.start) for h in sc.non_policy)


def shareholder_vote(sc: Scan) -> bool:
    """The headline tells a shareholders' vote on a proposal about the company ("X
    holders vote down a review", "Aktionäre lehnen … ab", "… resolution fails at X's
    AGM"): the owners' act; the company's own rules quoted there are no new change."""
    return any(h.label == "shareholder" and sc.in_title(h.start) and not in_fronted(sc, h.start)
               for h in sc.non_policy)  # fmt: skip


def vendor_item(sc: Scan) -> bool:
    """With no policy act and no authority acting, a headline naming a vendor is that
    vendor's own news (a launch, a deal, a change the cue lists miss): its actor is the
    vendor, unless the headline reports a plan or rumour of what it may do, someone
    else's campaign, suit or critique aimed at it, or a study of it."""
    titled = [v for v in sc.vendors if sc.in_title(v.start)]
    if not titled and len(sc.sentences) > 1:  # "Google confirmed that …" opens the summary
        lo, hi = sc.sentences[1]
        first = len(sc.text[lo:hi]) - len(sc.text[lo:hi].lstrip())
        titled = [v for v in sc.vendors if v.start == lo + first]
    if not titled:
        return False
    if not_the_vendors(sc) or NOT_THE_COMPANY.match(sc.text, titled[0].end):
        return False
    # "Researchers/critics/the ACLU … Clearview": another actor leads the headline
    return not any(h.label == "other" and h.start < titled[0].start for h in sc.entities)


# Access limited to vetted customers (not an opt-in setting or a withheld capability).
_VETTING = compiled.compile(
    r"(?i)\b(?:only|vet\w*|approv\w*|verified|selected?|limited|invit\w*|review\w*|appl(?:y|ies|ication))\b"
)


def vetting(sc: Scan, hit: Hit | Act) -> bool:
    """A restriction cue that gates who gets access ("only vetted media firms")."""
    return _VETTING.search(sc.text, hit.start, hit.end) is not None


# A company that runs FR in its own shops, described as what it is: a chain of stores, a
# retailer, a grocer (six languages). Its cameras going off are its own use ending, no
# vendor's policy for the FR it sells.
_FR_USER = compiled.compile(
    r"(?i)\b(?:(?:drugstore|grocery|supermarket|pharmacy|retail|store|convenience|hotel|cinema|"
    r"restaurant|fashion|clothing|hardware|department[- ]store)\s+chains?|the retailer|grocers?|"
    r"supermarkets?|chaîne de (?:supermarchés|magasins|pharmacies|hôtels|cinémas)|enseigne|"
    r"(?:Supermarkt|Handels|Drogerie|Laden|Baumarkt)kette\w*|Einzelhändler|"
    r"cadena de (?:supermercados|tiendas|farmacias)|supermercados|"
    r"catena di (?:supermercati|negozi|farmacie)|supermercati|"
    r"rede de (?:supermercados|lojas|farmácias)|varejista)\b"
)
_AS_CUSTOMER = compiled.compile(
    r"(?i)\b(?:to|for|from|with|aux?|à|a|para|an|per|ai|alle)\s+(?:\w+\s+){0,2}$"
)
_USER_STOPS = frozenset({"shutdown", "moratorium", "exit"})


def fr_user(sc: Scan, acts: list[Act]) -> bool:
    """Every act is a stop (switching off, pausing, ending) and the item describes the
    acting company as a store chain, retailer or grocer, not as a customer of someone
    ("stops selling to supermarket chains"): a user of FR ends its own use."""
    if not acts or any(a.action not in _USER_STOPS for a in acts):
        return False
    if any(not negated(sc, h) for h in _labelled(sc, "launch")):
        return False  # "a hotel chain signs X's deal": the chain is the customer
    for m in gated(_FR_USER).finditer(sc.text):
        if not _AS_CUSTOMER.search(sc.text, max(0, m.start() - 24), m.start()):
            return True
    return False
