"""Who is on the other side of a settlement: a case brought by a class, consumers or
plaintiffs binds the vendor to its terms (a settlement, actor vendor), even when the
item names the country or state where the case was heard; a state, regulator or
attorney general on the other side keeps the item the authority's."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        ("Ohio shoppers' class action ends in a deal: Harrowgate Imaging will erase its "
         "face gallery",
         "The templates of every Ohio resident go within ninety days.", "Harrowgate Imaging"),
        ("Österreich: Vergleich beendet die Sammelklage gegen Kestrin Biometrie",
         "Kestrin Biometrie stellt seine Gesichtssuche für Vermieter ein.", "Kestrin Biometrie"),
        ("Texas: la demanda colectiva termina con un acuerdo y Sallowby AI apaga su búsqueda "
         "facial",
         "El servicio cierra en junio para todos los clientes.", "Sallowby AI"),
        ("Portugal, acordo com associação de consumidores encerra o processo contra a Ossory "
         "Systems",
         "A Ossory Systems não poderá vender o reconhecimento facial a seguradoras.",
         "Ossory Systems"),
        ("Spagna, accordo con i consumatori: Tarnwick Labs chiude la causa collettiva",
         "Tarnwick Labs non potrà più vendere il riconoscimento facciale alle agenzie "
         "immobiliari.",
         "Tarnwick Labs"),
    ],
)  # fmt: skip
def test_a_private_case_heard_in_a_named_place_binds_the_vendor(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.vendor, f.action) == (True, "vendor", vendor, "settlement")


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        # a state settles its own suit, and no class is party to it
        ("Oregon's deal with Sallowby AI ends the state's face-data suit",
         "Sallowby AI pays $2 million and deletes templates of Oregon residents.",
         "government"),
        # a regulator named as the other side outranks the class behind the complaint
        ("Sallowby AI settles with the data protection commissioner",
         "The consumer group whose complaint began the case welcomed the deal; "
         "the company pays a fine for its face searches.",
         "regulator"),
    ],
)  # fmt: skip
def test_a_state_or_regulator_on_the_other_side_keeps_the_item_theirs(
    title: str, summary: str, kind: str
) -> None:
    f = found(title, summary)
    assert f.relevant is False
    assert f.actor_type == kind
