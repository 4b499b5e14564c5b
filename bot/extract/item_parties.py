"""Who an item is about when no act decides it: the first vendor named outside fronted
adverbials, whether it names a customer group, the authority kind the headline alone
states or names, a company the item describes but never names performing a cue, and a
headline that is a vendor's own business news.
"""

from __future__ import annotations

from bot.extract import authority, compiled, headline_frame
from bot.extract.acts import AUTHORITIES, CUSTOMER_GROUPS, customer_body
from bot.extract.attribution import Mention, subject
from bot.extract.cancellation import cancelled
from bot.extract.scan import Scan, in_fronted


def headline_kind(sc: Scan, by_kind: dict[str, float]) -> str | None:
    """The authority kind the headline alone states, when no act the cues found there
    says otherwise (the summary's acts then tell the same story in more words)."""
    if any(sc.in_title(a) for a in _title_act_starts(sc)):
        return None
    kind = authority.headline_kind(sc)
    return kind if kind is not None and kind != max(by_kind, key=by_kind.__getitem__) else None


def _title_act_starts(sc: Scan) -> list[int]:
    return [h.start for h in (*sc.authority_verbs, *sc.actions) if sc.in_title(h.start)]


def title_authority(sc: Scan, found: list[Mention]) -> str | None:
    """The authority a headline names when no act was found: its kind (court over
    regulator over government, as an appeal outranks the penalty it is about)."""
    kinds = {m.kind for m in found if m.kind in AUTHORITIES and sc.in_title(m.start)
             and authority.acting_mention(sc, m.start, m.end)
             and not customer_body(sc, 0, m)}  # fmt: skip
    return next((k for k in ("court", "regulator", "government") if k in kinds), None)


def unnamed_company_acts(sc: Scan, found: list[Mention]) -> bool:
    """A company the item describes but never names performs a policy cue ("a young imaging
    firm says no to sheriffs", "the supplier will sign no new retail deals"): a vendor's
    act with no name to report."""
    for cue in sc.actions:
        actor = subject(sc, found, cue)
        if actor.kind != "unknown" or actor.start < 0:
            continue
        mention = next((m for m in found if m.start == actor.start), None)
        if mention is None or mention.kind != "company" or cancelled(sc, cue, actor):
            continue
        # the reference names a company, or is a pronoun after one that does ("the
        # company's face API …, yet it refuses those buyers")
        named = [m for m in found if m.kind == "company" and m.start <= mention.start
                 and _COMPANY_NOUN.search(sc.text, m.start, m.end)]  # fmt: skip
        if named and (named[-1] is mention or sc.low[mention.start : mention.end] in _PRONOUNS):
            return True
    return False


_PRONOUNS = frozenset({"it", "they", "il", "elle", "ils", "elles", "er", "sie", "es"})


# a noun that names a company whatever it sells (not "the group", "the app", "the arm")
_COMPANY_NOUN = compiled.compile(
    r"(?i)\b(?:company|firm|startup|start-up|vendor|maker|supplier|provider|developer|seller|"
    r"société|entreprise|fournisseur|Unternehmen|Firma|Anbieter|Hersteller|empresa|compañía|"
    r"proveedor|azienda|società|fornitore|fornecedora?)\b"
)


def vendor_news(sc: Scan) -> bool:
    """The headline is about a vendor's own business (funding, a deal): it opens with the
    company acting ("X raises …"), and no study, call, campaign, lawsuit or authority is
    around it."""
    first = sc.vendors[0] if sc.vendors else None
    if first is None or first.product or sc.text[: first.start].strip(" '\"“‘"):
        return False
    if headline_frame.NOT_THE_COMPANY.match(sc.text, first.end):
        return False
    if any(h.label == "study" for h in sc.non_policy) or sc.authorities:
        return False
    return not any(h.label in ("call", "question", "denial") for h in sc.cancel)


def names_customers(sc: Scan) -> bool:
    return any(h.label in CUSTOMER_GROUPS for h in sc.groups)


def first_vendor(sc: Scan) -> str | None:
    """The first vendor named outside fronted adverbials (title first), else None: a
    company named only in "After X's exit: …" is background, never the item's vendor."""
    main = [v for v in sc.vendors if not in_fronted(sc, v.start)]
    in_title = [v for v in main if sc.in_title(v.start)]
    pick = in_title or main
    return pick[0].vendor if pick else None
