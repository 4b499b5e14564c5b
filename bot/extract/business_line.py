"""What a stop is, read from the whole item: a vendor giving face recognition up as a
line of business (an exit, not one system switched off), and a product reaching a
market without its face feature (a restriction there, not a launch)."""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.acts import Act
from bot.extract.gate import gated
from bot.extract.scan import Hit, Scan, between, in_fronted


def _labelled(sc: Scan, label: str) -> list[Hit]:
    return [h for h in sc.non_policy if h.label == label]


def arrives_without(sc: Scan) -> Hit | None:
    """A product reaching a market without its face feature, as the news ("X's app
    ships to Europe without visitor naming", "startet hierzulande ohne Gesichtserkennung",
    "arriva in Europa senza riconoscere i volti"): the feature is withheld there, a
    restriction. The "without" hit, in the headline or the first summary sentence, in a
    sentence that names the market and an arrival; None otherwise. A launch "everywhere
    except X" launches face recognition: no withholding is the news."""
    for i, (lo, hi) in enumerate(sc.sentences[:2]):
        if not gated(_ARRIVES).search(sc.text, lo, hi):
            continue
        if sc.first_region(lo, hi) is None and not _MARKET.search(sc.text, lo, hi):
            continue
        for m in _WITHOUT.finditer(sc.text, lo, hi):
            end = min(hi, m.end() + 45)
            if between(sc.fr, m.start(), end) or _FACE_FEATURE.search(sc.text, m.end(), end):
                return Hit(m.start(), m.end(), "restriction")
        if i == 0 and _LEFT_OUT.search(sc.text, lo, hi) and between(sc.fr, lo, hi):
            m2 = _LEFT_OUT.search(sc.text, lo, hi)
            assert m2 is not None
            return Hit(m2.start(), m2.end(), "restriction")
    return None


_ARRIVES = compiled.compile(
    r"(?i)\b(?:arriv\w*|reach\w*|ships?|shipping|launch\w*|lands? in|debut\w*|goes on sale|"
    r"comes? to|kommt|erscheint|startet|débarque\w*|sort(?:ira)?|llega\w*|aterriza\w*|"
    r"sbarca\w*|chega\w*|version|edition|build|Version|versión|versione|versão)\b"
)
_MARKET = compiled.compile(
    r"(?i)\b(?:Europe\w*|EU|Europa|Europ[äe]\w*|européen\w*|europe[oa]s?|Canad\w*|Kanada)\b"
)
_WITHOUT = compiled.compile(r"(?i)\b(?:without|minus|sans|ohne|sin|senza|sem)\b")
_FACE_FEATURE = compiled.compile(
    r"(?i)\b(?:fac\w*|visage\w*|Gesicht\w*|rostro\w*|cara\w*|volt\w*|rosto\w*|"
    r"recogni\w*|reconna\w*|riconosc\w*|reconoc\w*|reconhec\w*|identif\w*|"
    r"(?:face|people|visitor|friend|stranger)[- ]?(?:tagging|naming))"
)
_LEFT_OUT = compiled.compile(r"(?i)\b(?:left out|leaves? out|leaving out)\b")


def leaves_business(sc: Scan, acts: list[Act], switched_off: bool = False) -> bool:
    """The vendor gives face recognition up as a line of business, not one system: it
    stops developing and selling it, dissolves the team that made it, or turns to another
    line ("to concentrate on plate reading"), outside background; for a switch-off
    (``switched_off``), also when current customers are served only until their
    contracts end (a pause keeps its customers that way too)."""
    if not acts:
        return False
    labels = ("leaves_line", "wind_down") if switched_off else ("leaves_line",)
    for h in [h for h in sc.non_policy if h.label in labels]:
        if not in_fronted(sc, h.start) and not _told_of_other(sc, h):
            return True
    for h in _labelled(sc, "refocus"):
        _, s_end = sc.sentences[sc.sentence_of(h.start)]
        end = min(s_end, h.end + 60)
        if in_fronted(sc, h.start) or between(sc.fr, h.end, end):
            continue  # "to focus on face matching for airports": still FR
        if _NOT_A_LINE.search(sc.text, h.end, end) is None:
            return True
    return False


def _told_of_other(sc: Scan, h: Hit) -> bool:
    """A hit in a sentence that names another vendor than the item's first (a rival's
    exit told beside the news)."""
    lo, hi = sc.sentences[sc.sentence_of(h.start)]
    first = next((v.vendor for v in sc.vendors if sc.in_title(v.start)), None)
    return first is not None and any(
        lo <= v.start < hi and v.vendor != first and not h.start <= v.start < h.end
        for v in sc.vendors
    )


# what a pause makes time for is no other line of business ("to focus on a bias audit")
_NOT_A_LINE = compiled.compile(
    r"(?i)review|audit|accura|bias|safety|privacy|complian|law|rules|regulat|ethic|consent|"
    r"Prüfung|Datenschutz|Gesetz|révision|loi|règles|revisión|ley|normas|revisione|legge|"
    r"norme|revisão|lei|regras"
)


def keeps_another(sc: Scan, acts: list[Act], face_only: bool = False) -> bool:
    """The item tells that another face capability of the product stays ("keeps one-to-one
    verification", "só poderão confirmar", "nur noch verifizieren"), outside background:
    the stop removes one mode of the product, a restriction, not a switch-off or an exit.
    ``face_only`` (for an exit): the capability kept must be named as a face one ("keeps
    one-to-one matching"), not another product ("keeps its document checks")."""
    if not acts:
        return False
    return any(
        not in_fronted(sc, h.start)
        and (not face_only or _FACE_MODE.search(sc.text, h.start, h.end))
        for h in _labelled(sc, "keeps_another")
    )


_FACE_MODE = compiled.compile(
    r"(?i)one-to-one|1:1|fac(?:e|ial)|visage|Gesicht|rostro|rosto|volto|confirm|verif(?:y|ier)"
)
