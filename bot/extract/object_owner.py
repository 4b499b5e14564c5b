"""Someone else acting on a company: the company owns the act's object.

"Un foro cierra el perfil de X", "Social network suspends X's developer
access", "Plataforma … remove repositório … da X": the cue's subject is a noun phrase
the item does not name as a company, a customer group or an authority (a network, a
store, a host described by what it is), nor the face feature or data that goes, and the company is named after the cue as the
owner of what is closed, suspended or removed. The company is acted on; it changes no
policy of its own (``classify`` reads it as platform enforcement: no FR policy change).
A company named, referred to ("the firm") or a customer group before the cue is the
subject instead, and a cue that opens its clause ("Pause on X's …") has none.
"""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.acts import Act, clause
from bot.extract.attribution import mentions
from bot.extract.scan import Scan, in_fronted

REACH = 70  # characters from the cue's end to the owner's name
# cues whose subject is the one affected, the owner acting ("need X's approval", "lose
# access to X's search")
_OWNERS_ACTS = frozenset({"gate", "customer_loss"})
# a word of three letters or more: a noun phrase, not a bare article or sign
_WORD = compiled.compile(r"[^\W\d_]{3,}")
# what the act takes, then its owner in the genitive, perhaps after a word that describes
# it ("las cuentas de", "the servers of", "repositório … da", "den Kanal des Anbieters",
# "les comptes d'")
_GENITIVE = compiled.compile(
    r"(?i)\s+(?:[\w-]+\s+){1,5}?(?:of|de|da|do|das|dos|des|du|del|della|dei|di|von|vom|der)"
    r"\s+(?:(?:la|el|le|the|a|o)\s+)?(?:[\w-]+\s+)?|(?i:\s+(?:[\w-]+\s+){1,5}?d')"
)
# searches or capabilities as the subject: what is blocked or goes, not who blocks
_WHAT_GOES = frozenset({"searches", "capability"})
# a copula or a verb of state ending the subject or opening the cue: a state, not an
# agent's act ("quedan bloqueadas", "is gone")
_COPULAS = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "been",
        "remain",
        "remains",
        "stays",
        "est",
        "sont",
        "reste",
        "restent",
        "ist",
        "sind",
        "bleibt",
        "bleiben",
        "es",
        "son",
        "está",
        "están",
        "queda",
        "quedan",
        "è",
        "sono",
        "resta",
        "restano",
        "é",
        "são",
        "fica",
        "ficam",
        "estão",
    }
)
_POSSESSIVE = compiled.compile(r"'s?\s")  # "suspends X's developer access"
_PARTICLE = compiled.compile(r"(?i)\s+(?:(?:off|out|down|up)\s+)?")  # "cuts off X's …"
# a company told by a pronoun or a definite noun phrase refers to one already named; a
# bare or indefinite one ("Social network …", "Un foro …") introduces someone new
_REFERS = compiled.compile(
    r"(?i)(?:the|this|its?|they|their|la|el|le|les|l'|das|der|die|den|il|lo|elle|sie|er|"
    r"ella|ele|essa|esta|este|cette|ce|diese[rsmn]?|questa|questo|a|o)\b"
)


def acted_on(sc: Scan, act: Act) -> bool:
    """``act``'s company owns the act's object and an unnamed subject acts on it."""
    if act.label in _OWNERS_ACTS:
        return False  # "Developers will need X's approval": the owner gates
    lo, _ = clause(sc, act.start)
    before = sc.text[lo : act.start]
    if in_fronted(sc, lo) or not _WORD.search(before) or before.rstrip().endswith((",", ":")):
        return False
    cue_word = sc.text[act.start : act.end].split()[:1]
    if before.split()[-1].lower() in _COPULAS or (cue_word and cue_word[0].lower() in _COPULAS):
        return False  # "Live matching is gone from X's app": what goes, not who acts
    verb = _WORD.search(sc.text, act.start, act.end)  # (a cue may run over its object)
    verb_end = verb.end() if verb else act.end
    goes = [o for o in sc.objects if o.label in _WHAT_GOES]
    if any(lo <= v.start < act.start for v in sc.vendors) or any(
        lo <= h.start < verb_end for h in [*sc.groups, *sc.authorities, *sc.fr, *goes]
    ):
        # a company, a customer group or an authority is the subject; or what goes is
        # ("Face identification is gone from X's app": X's own limit)
        return False
    if any(lo <= m.start < act.start and _REFERS.match(sc.text, m.start) for m in mentions(sc)):
        return False  # "the firm", "la empresa", "it": the company itself
    _, s_end = sc.sentences[act.sentence]
    after = next((v for v in sc.vendors if verb_end <= v.start < min(s_end, act.end + REACH)), None)
    if after is None or after.vendor != act.vendor:
        return False
    gap = sc.text[verb_end : after.start]
    if _GENITIVE.fullmatch(gap):
        return True
    owner = sc.text[after.start : after.end].endswith(("'s", "s'"))  # (the name's "'s")
    return _PARTICLE.fullmatch(gap) is not None and (
        owner or _POSSESSIVE.match(sc.text, after.end) is not None
    )
