"""A body the stop waits for is no actor: a policy noun heading a summary clause is the
headline vendor's move ("lo stop alle consegne … continuerà …") also when the clause
names a legislature only as its condition ("… finché la Camera non voterà una norma",
"… until Parliament passes a law").

Invented vendors and wording; a legislature that acts must still be the actor. See
``noun_owner`` in bot/extract/described.py and ``in_condition`` in attribution.py.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import found

WAITING = [
    ("Corvetta tiene ferme le forniture ai comuni",
     "Lo stop alle consegne del riconoscimento facciale ai comandi di polizia, deciso "
     "l'anno scorso, continuerà finché la Camera non voterà una norma nazionale."),
    ("Dunlevy will not reopen police sales",
     "The stop on face-search sales to police forces, agreed last spring, will continue "
     "until Parliament passes a law."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), WAITING)
def test_a_stop_waiting_for_a_law_is_the_vendors(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (True, "vendor"), title
    assert result.signal == "continuation"


def test_a_legislature_that_acts_is_the_actor() -> None:
    result = found(
        "Corvetta: il Parlamento ferma le vendite di riconoscimento facciale",
        "Il blocco delle vendite del riconoscimento facciale ai comandi di polizia è stato "
        "deciso dal Parlamento.",
    )
    assert (result.relevant, result.actor_type) == (False, "government")
