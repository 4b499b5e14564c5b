"""A public body acting on a company's cue: the cue is the body's act, not the company's.

``public_bodies.sentence_subject`` finds a clause whose subject is a public body. Three
readings build on it here:

- ``governing_subject``: the body's own verb stands earlier in the clause than a company
  cue, which it governs ("the data agency obliges the gym chain to remove …", "a house
  committee approves a right to refuse …", "the commissioner fines X over a feature
  already switched off"): the body acts on the company, or decides about face
  recognition; the cue is no change of the company's own policy;
- ``headline_body``: the headline's own subject is a body acting (not deploying face
  recognition, not reporting what a company does): the item is the body's act ("the
  data authority of Vorland bars the golf club's face gates" + "… must return to member
  cards");
- ``place_of_body``: a name read as a company only because it acts ("Brenmoor closes its
  trams to face cameras") in an item whose other sentence has a law-making body as its
  subject ("the councillors voted …"): the name is the body's place.
"""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.body_patterns import patterns
from bot.extract.public_bodies import sentence_subject, surely_company
from bot.extract.scan import Scan


def governing_subject(sc: Scan, cues: tuple[int, ...]) -> str | None:
    """The kind of a public body whose own verb, earlier in the clause, governs a company
    cue at one of ``cues``: the cue is what the body orders, approves, fines over or
    votes ("the data agency obliges the gym chain to remove its face gates", "a house
    committee approves a right to refuse face scans", "the commissioner fines X over a
    feature already switched off"). Not when the cue is reported speech ("the council
    says X has stopped …") or a company is the subject of a clause of its own."""
    for index in sorted({sc.sentence_of(c) for c in cues}):
        found = sentence_subject(sc, index, sc.lang, deployments=False)
        if found is None:
            continue
        kind, verb = found
        for cue in cues:
            if sc.sentence_of(cue) != index or cue <= verb:
                continue
            if _CLAUSE_BREAK.search(sc.text, verb, cue) or any(verb < b < cue for b in sc.breaks):
                continue  # "the council says X …", "…; X stops": another clause
            return kind
    return None


def headline_body(sc: Scan) -> str | None:
    """The kind of the public body that is the headline's own subject, acting (not
    deploying or using face recognition, not reporting what a company does): "La
    autoridad de datos de Nuevo Brezo reprende a un hospital", "the cabinet halts face
    recognition in prison visitor queues". The headline's
    subject decides whose act the item tells, whatever a company is later told to do
    ("… must return to member cards before the season")."""
    if not sc.sentences or not sc.in_title(sc.sentences[0][0]):
        return None
    found = sentence_subject(sc, 0, sc.lang, deployments=False)
    if found is None or _CLAUSE_BREAK.match(sc.text, found[1]):
        return None  # "the regulator says X will disable …": the company's own act
    if patterns(sc.lang).decision.search(sc.text, sc.sentences[0][0], found[1]):
        return None  # "Watchdog ruling tells …": whose decision, the other readings say
    return found[0]


def place_of_body(sc: Scan, vendor: str) -> str | None:
    """A name read as a company only because it acts, in an item whose other sentence
    has a law-making body as its subject ("Brenmoor closes its trams to face cameras" +
    "The elected members decided …", "… the council voted"): the name is the body's
    place, and its act the body's (the government). Not a name that is surely a company
    (the gazetteer's, an FR vendor's, one with a company suffix), and not a body that
    uses face recognition (police, schools: "Brenmoor police chiefs criticised …")."""
    hits = [v for v in sc.vendors if v.vendor == vendor]
    if not hits or any(surely_company(v) for v in hits) or len({v.vendor for v in sc.vendors}) > 1:
        return None
    pats = patterns(sc.lang)
    for index in range(len(sc.sentences)):
        found = sentence_subject(sc, index, sc.lang, deployments=False)
        if found is None or found[0] != "government":
            continue
        lo, _ = sc.sentences[index]
        if _LAW_MAKERS.search(sc.text, lo, found[1]) and not pats.users.search(
            sc.text, lo, found[1]
        ):
            return "government"
    return None


# the head of a body that makes local or national rules (not a ministry, a prosecutor
# or an agency, which act on companies, nor an FR user): six languages
_LAW_MAKERS = compiled.compile(
    r"(?i)\b(?:council|councill?ors|elected|lawmakers|legislat\w*|assembl\w*|parliament\w*|"
    r"committee|conseil\w*|[ée]lus|d[ée]put\w*|s[ée]nat\w*|m[ée]tropol\w*|mairie|maire|"
    r"\w*rat|\w*ausschuss|gemeinde\w*|stadt|abgeordnete\w*|concejo|concejal\w*|pleno|"
    r"ayuntamiento|alcald\w*|comisi[óo]n|comiss[ãa]o|commissione|consigli\w*|comune|sindac\w*|"
    r"vereador\w*|c[âa]mara|camera|prefeit\w*|diputad\w*|deputat\w*|mayor|city|town|borough)\b"
)


# a clause of its own between a body's verb and a later cue: reported speech, a
# relative or a conjunction that opens a new subject (six languages)
_CLAUSE_BREAK = compiled.compile(
    r"(?i)(?<![\w-])(?:that|says?|said|while|whereas|but|que|qu['’]|dit|dass|daß|sagt|"
    r"während|aber|che|dice|afferma|mentre|ma|según|dijo|mientras|pero|mas|diz|disse|"
    r"enquanto|selon|laut)(?![\w-])|(?<![\w-])qu['’]|[;:]"
)
