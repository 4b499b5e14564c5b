"""A high court named by its own name or by its seat ("the Fourth Circuit",
"Strasbourg", "le Conseil constitutionnel") is a court acting."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Fourth Circuit revives shoppers' claims over a grocer's face scans",
         "The appeals panel held that the biometric privacy suit can go to trial."),
        ("Strasbourg finds Ruritania breached a commuter's privacy with face recognition",
         "The judges awarded damages over an arrest made with the metro's camera network."),
        ("Le Conseil constitutionnel censure la reconnaissance faciale dans les stades",
         "Les sages jugent la mesure disproportionnée."),
    ],
)  # fmt: skip
def test_a_high_court_named_by_name_or_seat(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "court"), f


def test_a_circuit_in_a_place_name_is_no_court() -> None:
    f = found("Orrin Vision pauses face matching for the Silverstone circuit's owners",
              "The vendor halts sales to racetrack operators for a year.")  # fmt: skip
    assert f.actor_type == "vendor", f
