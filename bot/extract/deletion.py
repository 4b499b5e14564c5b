"""A feature retired together with the face data it stored: a shutdown."""

from __future__ import annotations

from bot.extract import compiled, framing
from bot.extract.acts import Act, clause
from bot.extract.gate import gated
from bot.extract.scan import Hit, Scan

# Deleting what a feature stored (faces, templates), in six languages
_DELETION = compiled.compile(
    r"(?i)\b(?:delet|eras|wip|purg|destroy|supprim|effac|lösch|gelösch|borra|elimin|cancell|"
    r"apag|exclu)\w*"
)


def deletes_any(sc: Scan, chosen: list[Act]) -> bool:
    """The item deletes the feature's face data, wherever the feature goes on ("the face
    profiles saved in Europe will be erased", "erases stored face prints"): a deletion
    word within a few words of the face data it names, in either order (removing a
    search is no deletion of data)."""
    inert = [h for h in sc.non_policy if h.label == "inert"]  # "deleted after each check"
    for lo, hi in sc.sentences:
        for face in gated(_FACE_DATA).finditer(sc.text, lo, hi):
            for m in (
                _DELETION.search(sc.text, face.end(), min(hi, face.end() + 70)),
                _DELETION.search(sc.text, max(lo, face.start() - 30), face.start()),
            ):
                if m is not None and not any(h.start <= m.start() < h.end for h in inert):
                    return True
    return False


# face data named as such (six languages): "face data", "stored face prints", "les profils
# faciaux", "Gesichtsdaten", "plantillas faciales", "modelli dei volti"
_FACE_DATA = compiled.compile(
    r"(?i)\b(?:face|facial|faciaux|faciales?|Gesichts\w*|visage\w*|rostros?|volti|rostos?)\b"
    r"[\w\s-]{0,20}\b(?:data|templates?|prints?|profiles?|profils?|donn[ée]es|Daten|Profile|"
    r"datos|plantillas|dati|modelli|dados|modelos)\b|\b(?:templates?|profils?|modelos|modelli|"
    r"plantillas|dados|datos|donn[ée]es)[\w\s-]{0,12}\b(?:fac\w+|visage\w*|dei volti|dos rostos)"
    # the faces themselves, stored ("all stored faces are deleted", "die gespeicherten
    # Gesichter werden gelöscht", "os rostos coletados serão apagados")
    r"|\b(?:faces|visages|Gesichter|caras|rostros|volti|rostos)\b"
)


def deletes_the_data(sc: Scan, chosen: list[Act]) -> bool:
    """The vendor deletes the feature's face data while retiring it ("stops naming
    visitors and erases every saved face"): the system is switched off, a shutdown, unless
    the limit is a gate (vetting) or keeps the feature elsewhere (some places only)."""
    deletes = any(a.action == "shutdown" and _DELETION.match(sc.text, a.start) for a in chosen)
    deletes = deletes or any(passive_deletion(sc, h) for h in sc.actions)
    if not deletes:
        return False
    for a in chosen:
        if a.action != "restriction":
            continue
        lo, hi = clause(sc, a.start)
        if framing.vetting(sc, a) or sc.first_region(lo, hi) not in (None, "global"):
            return False
    return not any(sc.first_region(*sc.sentences[a.sentence]) not in (None, "global")
                   for a in chosen if a.action == "shutdown")  # fmt: skip


_UNDELETED = compiled.compile(r"(?i)\b(?:not|never|no|nicht|pas|ne|non|não)\b[^.;]{0,20}$")
_PASSIVE_BE = compiled.compile(
    r"(?i)\b(?:be|been|are|is|were|was|get|gets|werden|wird|sont|seront|serán|saranno|"
    r"serão)\s+(?:\w+\s+)?$"
)


def passive_deletion(sc: Scan, h: Hit) -> bool:
    """A deletion told in the passive with no one named ("their templates will be
    deleted"): the item's vendor deletes."""
    if h.label != "shutdown" or not _DELETION.match(sc.text, h.start):
        return False
    if any(n.label == "inert" and n.start <= h.start < n.end for n in sc.non_policy):
        return False
    before = sc.text[max(0, h.start - 30) : h.start]
    return _PASSIVE_BE.search(before) is not None and _UNDELETED.search(before) is None
