"""Verb families: each action told in several wordings (invented vendors and sentences),
so a test proves the family, not one phrase."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found

# (title, summary, action)
FAMILIES = [
    # pause / freeze / shelve / put on ice → moratorium
    ("Brivio Labs puts face-search sales to police forces on ice for twelve months",
     "The company will revisit the decision next spring.", "moratorium"),
    ("Tolland Vision freezes sheriff contracts for its face matching for six months",
     "No new agreements will be signed until the review ends.", "moratorium"),
    ("Hexmoor AI gives regulators a breathing space: no police face-matching sales for 9 months",
     "The startup says it wants rules first.", "moratorium"),
    ("Brivio Labs sospende per un anno le vendite di riconoscimento facciale alla polizia",
     "L'azienda rivedrà la decisione il prossimo anno.", "moratorium"),
    # refuse / decline / turn away / sit out / wait for / not entertain → ban
    ("Tolland Vision will sit out police face-matching deals until Congress acts",
     "The firm says it has no timetable.", "ban"),
    ("Hexmoor AI turns away sheriffs who ask for its face search",
     "The startup says the refusal has no end date.", "ban"),
    ("Brivio Labs won't entertain bids from casinos for its face matching",
     "The vendor says gambling floors are not a use it will support.", "ban"),
    ("Quenby Systems says no to landlords seeking face-based door entry",
     "The building-access firm cites tenants' consent.", "ban"),
    ("Quenby Systems shows casinos and mall operators the door",
     "Gaming floors lose its face watchlists in June.", "ban"),
    ("Brivio Labs rejected every sheriff who asked for its face search last month",
     "The startup says county agencies are not customers it will serve.", "ban"),
    ("Quenby Systems pulls its face watchlists from casinos",
     "Gaming floors lose the alerts in June.", "ban"),
    # withdraw / hide / blur / pixelate / scale back / stop labelling → restriction
    ("Tolland Vision's dashcam app will pixelate passers-by's faces in shared clips",
     "The change applies to every account.", "restriction"),
    ("Quenby Systems scales back the face matcher inside its case-file tool",
     "Identification now needs a supervisor's approval.", "restriction"),
    ("Brivio Labs' photo assistant stops labelling people in your pictures",
     "Face grouping is now opt-in only.", "restriction"),
    ("Tolland Vision's image API stops returning gender labels for people",
     "Developers get the word person instead.", "restriction"),
    ("Quenby Systems turned away a county police agency that wanted face matching",
     "The vendor says it reviews each request.", "restriction"),
    ("Hexmoor AI reserves identity matching for vetted accounts",
     "Emotion estimates from faces are no longer offered to new sign-ups.", "restriction"),
    # get rid of / close a unit / wind down / sell off → exit
    ("Quenby Systems is getting rid of its whole face-recognition range",
     "It will concentrate on number-plate reading.", "exit"),
    ("Tolland Vision closes its face-matching unit",
     "Staff move to fingerprint readers.", "exit"),
    ("Hexmoor AI cierra su división de reconocimiento facial",
     "La empresa se centrará en la lectura de matrículas.", "exit"),
    ("Brivio Labs beendet sein Geschäft mit Gesichtserkennung",
     "Das Unternehmen konzentriert sich auf Dokumentenprüfung.", "exit"),
    ("Quenby Systems encerra o negócio de reconhecimento facial",
     "A empresa passa a vender leitores de impressão digital.", "exit"),
    # carry on / run on / won't lift / no end date / stays in force → extension
    ("Tolland Vision's police-sales freeze on face matching will carry on past its deadline",
     "The company set no new end date.", "extension"),
    ("Hexmoor AI won't lift its face-search halt for sheriffs when the term runs out",
     "Conditions it set last year have not been met, it said.", "extension"),
    ("Brivio Labs' pause on police face matching is prolonged by a year",
     "The original term was due to lapse in June.", "extension"),
    ("Quenby Systems proroga a tempo indeterminato lo stop al riconoscimento facciale",
     "La sospensione non ha più una data di scadenza.", "extension"),
    ("Hexmoor AI keeps its face-search halt for sheriffs in force as the review drags on",
     "The halt stays past next month.", "extension"),
    ("Tolland Vision's retail face alerts stay off beyond the 60 days",
     "The company says the halt continues for four more months.", "extension"),
    # wipe / go dark / switch off → shutdown
    ("Brivio Labs turns off face check-in across 120 hotels",
     "Guest templates have been erased.", "shutdown"),
    ("Tolland Vision wipes its face index and switches off photo tagging",
     "Templates of 12 million users were erased.", "shutdown"),
    ("Hexmoor AI spegne il riconoscimento facciale e cancella l'indice",
     "L'app elimina i modelli facciali degli utenti.", "shutdown"),
    ("Brivio Labs apaga el reconocimiento facial de sus quioscos",
     "La empresa borra las plantillas de los clientes.", "shutdown"),
    # once more / again → reversal
    ("Quenby Systems is offering face matching to retailers once more",
     "The vendor had stopped those sales two years ago.", "reversal"),
    ("Hexmoor AI vuelve a ofrecer reconocimiento facial a los hoteles",
     "La empresa lo había retirado en 2021.", "reversal"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), FAMILIES)
def test_each_family_resolves_to_its_action(title: str, summary: str, action: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f
