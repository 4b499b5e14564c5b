"""The learned second opinion's guard (bot.extract.learned.guarded): items the rules left
dropped for a reason of their own stay dropped, whatever the model says.

The model here is one that calls every case it is asked a vendor's exit (a sure
relevance, action and actor model with biases only), so each test shows what the guard
holds back: the control item, which no reason guards, is opened by it. Every story is
written for these tests, with invented companies.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.extract import extract, learned, rules
from bot.models import Entry

PUBLISHED = datetime(2023, 5, 2, 9, 0, tzinfo=UTC)
ACTIONS = ("ban", "exit", "extension", "moratorium", "restriction", "reversal", "settlement",
           "shutdown")  # fmt: skip
ACTORS = ("court", "government", "none", "regulator", "vendor")


def sure_model() -> learned.Model:
    """P(relevant) ≈ 0.99 for anything, action "exit", actor type "vendor"."""
    return learned.from_json({
        "relevance": {"classes": ["no", "yes"], "bias": [5.0], "weights": {}},
        "action": {"classes": list(ACTIONS), "weights": {},
                   "bias": [5.0 if a == "exit" else 0.0 for a in ACTIONS]},
        "actor": {"classes": list(ACTORS), "weights": {},
                  "bias": [5.0 if a == "vendor" else 0.0 for a in ACTORS]},
        "thresholds": {"relevant": 0.5, "actor": 0.5, "vendor_deal": 1.01,
                       "weak_confidence": 0.6, "action": 0.9},
    })  # fmt: skip


def entry(title: str, summary: str) -> Entry:
    return Entry(feed_id="t", key=title[:40], title=title, summary=summary, published=PUBLISHED)


def test_control_an_item_no_reason_guards_is_opened_by_the_sure_model() -> None:
    item = entry("Ostrel Vision closes the book on face search",
                 "Customers were told the service ends in June.")  # fmt: skip
    _, by_rules = rules(item)
    assert by_rules is not None and not by_rules.relevant
    with learned.using(sure_model()):
        found = extract(item)
    assert found is not None and (found.relevant, found.action) == (True, "exit")


# (family, title, summary, the rules' reason or headline mark)
GUARDED = [
    # a headline that asks, denies or hedges
    ("asks", "Will Ostrel Vision lift its pause on face-search sales to police?",
     "Sheriffs' associations expect an answer this summer.", "question"),
    ("denies", "Pellory Systems denies it sold face matching to prison operators",
     "The firm says the contract covered door sensors.", "denial"),
    ("denies", "Cardwell AI dément avoir vendu sa reconnaissance faciale à la police",
     "L'entreprise parle d'une confusion avec un autre fournisseur.", "denial"),
    ("hedges", "Brisket Labs may pull face matching from its doorbells",
     "Engineers were asked to cost a version without it.", "hypothetical"),
    # a user of FR ending its own cameras
    ("fr_user", "Corbel grocery chain switches off the face cameras at its tills",
     "Corbel Foods Ltd says staff will check IDs by hand.", "fr_user"),
    ("fr_user", "Hotel chain Maresby ends its face check-in trial",
     "Maresby Hotels Ltd says guests will show passports at the desk again.", "fr_user"),
    ("fr_user", "La chaîne de supermarchés Vellan Distribution renonce aux caméras de "
     "reconnaissance faciale", "Les magasins de Lyon les retirent en mars.", "fr_user"),
    # the cue's object is another technology, or a unit that is not FR
    ("not_fr", "Dunmore Vision stops selling iris scanners to banks",
     "The face-search maker keeps its other lines.", "other_technology"),
    ("not_fr", "Orlick Face drops voice recognition from its kiosks",
     "Callers will press keys instead, the face-matching firm said.", "other_technology"),
    ("not_fr", "Tresco Biometrics sells its parking unit",
     "The face recognition business stays with the group.", "other_unit"),
    ("not_fr", "Kessel Vision cède sa division de drones",
     "La reconnaissance faciale reste dans le groupe.", "other_unit"),
    # someone else's act on the vendor
    ("directed", "State orders reach Quarrendon Vision",
     "Once in force, they bar the company from selling face search to landlords.", "directed"),
    # a gate the feature already had
    ("carried_over", "Wimbrel Vision's people albums come to Portugal",
     "They keep the same rule as elsewhere: grouping only once the person opted in.",
     "carried_over"),
]  # fmt: skip


@pytest.mark.parametrize(("family", "title", "summary", "reason"), GUARDED,
                         ids=[f"{g[0]}:{g[1][:40]}" for g in GUARDED])  # fmt: skip
def test_the_rules_reason_keeps_the_item_dropped(
    family: str, title: str, summary: str, reason: str
) -> None:
    item = entry(title, summary)
    sc, by_rules = rules(item)
    assert sc is not None and by_rules is not None and not by_rules.relevant, family
    marks = {h.label for h in sc.headline_marks}
    assert reason in sc.held_back | marks, (family, sc.held_back, marks)
    with learned.using(sure_model()):
        found = extract(item)
    assert found is not None and not found.relevant, (family, found)
    assert found.actor_type == by_rules.actor_type, (family, found)  # nor relabelled


# A stop or a sale told as going on is read against the vendor's timeline
# (bot.extract.history), never opened by the model.
GOING_ON = [
    ("Dorrance Labs keeps licensing face search to stadium operators",
     "Clubs renewing this season get the same contract terms."),
    ("Yelland Vision will keep selling its face matcher to transit police",
     "The company sees no reason for a review, its chair said."),
    ("Harrowgate AI continues to offer face search to landlords",
     "The firm says demand from letting agents is steady."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), GOING_ON)
def test_a_continuation_is_left_to_the_history(title: str, summary: str) -> None:
    item = entry(title, summary)
    _, by_rules = rules(item)
    assert by_rules is not None and by_rules.signal == "continuation", by_rules
    with learned.using(sure_model()):
        found = extract(item)
    assert found is not None and not found.relevant, found


def test_reasons_are_those_of_the_latest_reading() -> None:
    """A scan read again starts with no reasons: they never leak from one reading to
    the next (bot.extract.classify clears them)."""
    from bot.extract.classify import classify

    sc, _ = rules(entry("Dunmore Vision stops selling iris scanners to banks",
                        "The face-search maker keeps its other lines."))  # fmt: skip
    assert sc is not None and "other_technology" in sc.held_back
    sc.held_back.add("stale")
    classify(sc, PUBLISHED.date())
    assert "stale" not in sc.held_back and "other_technology" in sc.held_back


def test_the_shipped_model_is_in_use_and_runs_on_the_standard_library_only() -> None:
    """``extract`` asks the shipped model (``SHIPPED_IN_USE``) with scikit-learn, numpy
    and scipy made unimportable: the run-time path needs nothing beyond the standard
    library."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "sys.modules.update({m: None for m in ('sklearn', 'numpy', 'scipy')})\n"
        "from datetime import datetime, UTC\n"
        "from bot.extract import extract, learned\n"
        "from bot.models import Entry\n"
        "assert learned.SHIPPED_IN_USE and learned.model() is not None\n"
        "e = Entry(feed_id='t', key='k', title='Ostrel Vision closes the book on face search',"
        " summary='Customers were told the service ends in June.',"
        " published=datetime(2023, 5, 2, tzinfo=UTC))\n"
        "print(extract(e) is not None)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


def test_the_model_loads_from_its_marshal_copy_while_the_file_is_unchanged(
    tmp_path: Path,
) -> None:
    """``learned.load`` writes a marshal copy beside the file and reads it while the file
    is the one it was made from; a changed file is parsed again (its new weights win)."""
    import json
    import os

    from bot.yaml_loader import cached_copy

    raw = {
        "relevance": {"classes": ["no", "yes"], "bias": [0.5],
                      "weights": {"w:halt": [1.25], "w:pause": [1.25]}},
        "action": {"classes": list(ACTIONS), "bias": [0.0] * len(ACTIONS), "weights": {}},
        "actor": {"classes": list(ACTORS), "bias": [0.0] * len(ACTORS), "weights": {}},
        "thresholds": {"relevant": 0.5, "actor": 0.5, "vendor_deal": 1.01,
                       "weak_confidence": 0.6, "action": 0.9},
    }  # fmt: skip
    path = tmp_path / "model.json"
    path.write_text(json.dumps(raw))
    first = learned.load(path)
    assert cached_copy(path).is_file()
    again = learned.load(path)
    assert again == first and again.relevance.weights["w:pause"] == (1.25,)
    raw["relevance"]["weights"]["w:pause"] = [-2.0]
    path.write_text(json.dumps(raw))
    os.utime(path, ns=(1, 1))  # another modification time, whatever the clock
    assert learned.load(path).relevance.weights["w:pause"] == (-2.0,)
