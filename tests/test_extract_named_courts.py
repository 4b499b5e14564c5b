"""A high court named by its own name or by its seat ("the Fourth Circuit",
"Strasbourg", "le Conseil constitutionnel") is a court acting."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("The Seventh Circuit lets tenants sue over a landlord's face-entry system",
         "Residents may now press their biometric privacy claims against the building's owner."),
        ("Strasbourg throws out a complaint over a city's face-matching cameras",
         "The European Court of Human Rights said the applicant had skipped the national remedies."),
        ("Le Conseil constitutionnel valide sous réserves la reconnaissance faciale dans les aéroports",
         "Un agent devra confirmer chaque alerte avant tout contrôle."),
    ],
)  # fmt: skip
def test_a_high_court_named_by_name_or_seat(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "court"), f


def test_a_circuit_in_a_place_name_is_no_court() -> None:
    f = found("Orrin Vision pauses face matching for the Silverstone circuit's owners",
              "The vendor halts sales to racetrack operators for a year.")  # fmt: skip
    assert f.actor_type == "vendor", f
