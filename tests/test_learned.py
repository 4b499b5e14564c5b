"""The learned second opinion: shipped weights, featuriser, training end to end.

All wording here is invented for these tests (made-up vendors and outlets)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.extract import learned, rules
from bot.extract.features import VENDOR_TOKEN, feature_parts, featurise
from bot.extract.resources import DataFileError
from bot.labelled_files import LabelledItem, parse_item
from bot.models import ACTIONS, Finding

DATA = Path(__file__).resolve().parent.parent / "bot" / "data" / learned.MODEL_FILE


def _item(n: int, title: str, summary: str, relevant: bool, action: str | None) -> LabelledItem:
    gold = {
        "relevant": relevant,
        "actor_type": "vendor" if relevant else "none",
        "vendor": "Quarnby Vision",
        "action": action,
        "event_id": f"ev-{n}",
    }
    raw = {
        "id": f"t{n}",
        "title": title,
        "summary": summary,
        "published": f"2024-03-{n % 27 + 1:02d}",
        "language": "en",
        "gold": gold,
    }
    return parse_item(raw, f"test line {n}")


def test_shipped_weights_load_small_and_complete() -> None:
    assert DATA.stat().st_size < 2_000_000
    m = learned.read(DATA)
    assert set(m.action.classes) == set(ACTIONS)
    assert m.relevance.classes == ("no", "yes")
    assert {"relevant", "weak_confidence", "action"} <= set(m.thresholds)
    probs = m.action.probabilities(frozenset({"w:face", "r:fr=True"}))
    assert sum(probs.values()) == pytest.approx(1.0)
    assert 0.0 < m.relevant(frozenset()) < 1.0


def test_broken_model_file_names_itself(tmp_path: Path) -> None:
    bad = tmp_path / "model.json"
    bad.write_text('{"relevance": {}}')
    with pytest.raises(DataFileError, match="model.json.*bot.extract.train"):
        learned.read(bad)


def test_featuriser_is_deterministic_and_masks_the_vendor() -> None:
    item = _item(
        1,
        "Quarnby Vision winds down face matching for stadium clients in 2025",
        "The Quarnby Vision unit said 3 contracts end on 30 June.",
        True,
        "exit",
    )
    e = item.entry
    sc, found = rules(e)
    one = featurise(e.title, e.text, e.language, sc, found)
    two = featurise(e.title, e.text, e.language, sc, found)
    assert one == two
    assert f"w:{VENDOR_TOKEN}" in one and "tw:winds" in one
    assert not any("quarnby" in f for f in one)
    assert "w:0" in one and not any(f.endswith("2025") for f in one)
    assert "l:en" in one and any(f.startswith("r:") for f in one)


def test_the_scorer_gives_the_probabilities_of_the_feature_strings() -> None:
    """The run-time scorer (feature numbers, each word's looked up once) sums the rows
    of the same features as ``probabilities(featurise(...))``, in any language."""
    m = learned.read(DATA)
    scorer = m.scorer()
    assert m.scorer() is scorer  # made once per model
    texts = [
        ("Quarnby Vision shelves face matching for county sheriffs", "It cites 2 audits."),
        ("Quarnby Vision suspend sa reconnaissance faciale", "La société attend une loi."),
        ("Tollmere Labs stoppt Gesichtserkennung für Behörden", "Der Anbieter prüft 3 Verträge."),
        ("Stadium operator drops face entry at Quarnby Park", "Fans may use tickets again."),
    ]
    for n, (title, summary) in enumerate(texts * 2):  # (the second round: words kept)
        e = _item(n, title, summary, False, None).entry
        sc, found = rules(e)
        feats = featurise(e.title, e.text, e.language, sc, found)
        numbered = scorer.features(*feature_parts(e.title, e.text, e.language, sc, found))
        assert {scorer.numbers[f] for f in feats if f in scorer.numbers} == numbered
        for k, linear in enumerate((m.relevance, m.action, m.actor)):
            want, got = linear.probabilities(feats), scorer.probabilities(k, numbered)
            assert got.keys() == want.keys()
            assert all(got[c] == pytest.approx(want[c], abs=1e-12) for c in want)


def test_decide_opens_only_above_the_threshold() -> None:
    found = Finding(relevant=False, actor_type="vendor", vendor="Quarnby", confidence=0.3)
    t = {"relevant": 0.8, "weak_confidence": 0.5, "action": 0.9}
    actions = {"exit": 0.7, "ban": 0.3}
    assert learned.decide(t, found, 0.79, actions, date(2024, 1, 2)) is found
    opened = learned.decide(t, found, 0.85, actions, date(2024, 1, 2))
    assert opened.relevant and opened.action == "exit" and opened.actor_type == "vendor"
    assert opened.effective == date(2024, 1, 2)
    weak = Finding(relevant=True, actor_type="vendor", vendor="Q", action="ban", confidence=0.4)
    assert learned.decide(t, weak, 1.0, {"exit": 0.95, "ban": 0.05}, None).action == "exit"
    assert learned.decide(t, weak, 1.0, actions, None) is weak  # not confident enough
    sure = Finding(relevant=True, actor_type="vendor", vendor="Q", action="ban", confidence=0.7)
    assert learned.decide(t, sure, 1.0, {"exit": 0.99, "ban": 0.01}, None) is sure


def test_training_and_prediction_end_to_end(tmp_path: Path) -> None:
    from bot.extract import fitting as train
    from bot.extract import model_cv

    changes = [
        ("{} stops selling face recognition to police", "The vendor ends all police deals.", "ban"),
        ("{} halts face recognition sales to police forces", "Sales to police end now.", "ban"),
        ("{} quits the facial recognition business", "It leaves the market entirely.", "exit"),
        ("{} leaves the facial recognition market", "The unit is wound up.", "exit"),
    ]
    news = [
        ("{} unveils a faster facial recognition camera", "The launch targets shops.", None),
        ("{} shows facial recognition at a trade fair", "Visitors tried the demo.", None),
    ]
    items = []
    for n in range(24):
        title, summary, action = (changes + news)[n % 6]
        vendor = ("Quarnby Vision", "Oskarel Faces", "Trellin Biometrics")[n % 3]
        items.append(_item(n, title.format(vendor), summary, action is not None, action))
    data = train.samples(items)
    raw = train.fit(data, {"relevant": 0.6, "weak_confidence": 0.5, "action": 0.8})
    out = tmp_path / "m.json"
    import json

    out.write_text(json.dumps(raw))
    m = learned.read(out)
    probe = train.samples([
        _item(90, "Velmora stops selling face recognition to police", "Police deals end.", True, "ban"),
        _item(91, "Velmora unveils a facial recognition camera at a fair", "A demo.", False, None),
    ])  # fmt: skip
    change, launch = (m.relevant(s.feats) for s in probe)
    assert change > launch
    acts = m.action.probabilities(probe[0].feats)
    assert max(acts, key=lambda k: acts[k]) == "ban"
    assert train.fit(data, raw["thresholds"]) == raw  # deterministic
    scored = model_cv.score_with(m, data)
    alone = model_cv.apply(scored, None)
    assert alone == [sample.found for sample in data]  # no thresholds: the rules' findings
    gold = [sample.item.gold["relevant"] for sample in data]
    hits = sum(bool(f and f.relevant) for f, g in zip(alone, gold, strict=True) if g)
    assert model_cv.metrics(data, alone)["R"] == round(hits / sum(gold), 3)


TINY = {
    "relevance": {"classes": ["no", "yes"], "bias": [-1.0], "weights": {"w:pauses": [3.0]}},
    "action": {
        "classes": ["ban", "moratorium"],
        "bias": [0.0, 0.0],
        "weights": {"w:pauses": [-2.0, 2.0], "w:never": [2.0, -2.0]},
    },
    "actor": {
        "classes": ["government", "none", "regulator", "vendor"],
        "bias": [0.0, 1.0, 0.0, 0.0],
        "weights": {"w:watchdog": [0.0, -1.0, 4.0, 0.0]},
    },
    "thresholds": {"relevant": 0.8, "actor": 0.9, "weak_confidence": 0.5, "action": 0.85},
}


def _tiny(tmp_path: Path) -> learned.Model:
    import json

    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(TINY))
    return learned.read(path)


def test_policy_of_a_hand_made_model_opens_relabels_and_keeps(tmp_path: Path) -> None:
    m = _tiny(tmp_path)
    t = m.thresholds
    dropped = Finding(relevant=False, actor_type="none", vendor="Brisvale", confidence=0.2)
    day = date(2025, 5, 6)
    feats = frozenset({"w:pauses"})  # logit -1 + 3 = 2: P(relevant) 0.88 >= 0.8
    opened = learned.decide(t, dropped, m.relevant(feats), m.action.probabilities(feats), day)
    assert opened.relevant and opened.actor_type == "vendor" and opened.action == "moratorium"
    assert opened.effective == day and opened.region == "global" and opened.confidence == 0.6
    plain = frozenset({"w:today"})  # logit -1: P 0.27, stays dropped
    kept = learned.decide(t, dropped, m.relevant(plain), m.action.probabilities(plain), day)
    assert kept is dropped
    # no vendor named: never opened as a vendor change, whatever the model says
    nameless = replace(dropped, vendor=None)
    assert learned.decide(t, nameless, 0.99, m.action.probabilities(feats), day) is nameless
    # an authority the rules found is not reopened as a vendor change
    court = Finding(relevant=False, actor_type="court", vendor="Brisvale")
    assert learned.decide(t, court, 0.99, m.action.probabilities(feats), day) is court


def test_actor_second_opinion_only_when_confident(tmp_path: Path) -> None:
    m = _tiny(tmp_path)
    t = m.thresholds
    dropped = Finding(relevant=False, actor_type="none", confidence=0.2)
    sure = frozenset({"w:watchdog"})  # regulator logit 4 vs 0: P ~0.93 >= 0.9
    actors = m.actor.probabilities(sure)
    found = learned.decide(t, dropped, 0.1, m.action.probabilities(sure), None, actors)
    assert found.actor_type == "regulator" and not found.relevant
    unsure = m.actor.probabilities(frozenset())  # "none" wins: nothing changes
    assert learned.decide(t, dropped, 0.1, {"ban": 1.0}, None, unsure) is dropped
    off = {**t, "actor": 1.01}
    assert learned.decide(off, dropped, 0.1, {"ban": 1.0}, None, actors) is dropped
    # an authority the rules found keeps its type: the model is not asked about it
    council = Finding(relevant=False, actor_type="government", confidence=0.5)
    assert learned.decide(t, council, 0.1, {}, None, actors) is council


def test_revise_asks_the_model_only_for_what_the_case_needs(tmp_path: Path) -> None:
    m = _tiny(tmp_path)
    t = m.thresholds
    item = _item(
        40, "Brisvale pauses its face matching service for schools", "", True, "moratorium"
    )
    sc, found = rules(item.entry)
    assert sc is not None and found is not None
    asked: list[str] = []

    def probe(name: str, value: Any) -> Callable[[], Any]:
        def call() -> Any:
            asked.append(name)
            return value

        return call

    dropped = replace(found, relevant=False, actor_type="none", vendor="Brisvale", action=None)
    low = learned.revise(
        t,
        sc,
        dropped,
        None,
        probe("rel", 0.2),
        probe("act", {"ban": 1.0}),
        probe("actor", {"none": 1.0}),
    )
    assert low is dropped and asked == ["rel", "actor"]  # no action asked for a closed case
    asked.clear()
    opened = learned.revise(
        t, sc, dropped, None, probe("rel", 0.95), probe("act", {"ban": 1.0}), probe("actor", {})
    )
    assert opened.relevant and opened.action == "ban" and asked == ["rel", "act"]
    asked.clear()
    trial = replace(dropped, signal="deployment")  # news only against the vendor's timeline
    kept = learned.revise(
        t, sc, trial, None, probe("rel", 0.99), probe("act", {"ban": 1.0}), probe("actor", {})
    )
    assert kept is trial and asked == ["actor"]


def test_weak_action_replaced_only_below_the_confidence_bar(tmp_path: Path) -> None:
    m = _tiny(tmp_path)
    t = m.thresholds
    acts = m.action.probabilities(frozenset({"w:never", "w:today"}))  # ban ~0.98
    weak = Finding(
        relevant=True, actor_type="vendor", vendor="B", action="moratorium", confidence=0.4
    )
    assert learned.decide(t, weak, 1.0, acts, None).action == "ban"
    firm = replace(weak, confidence=0.55)
    assert learned.decide(t, firm, 1.0, acts, None) is firm


def test_bad_weights_file_names_the_file_and_the_fix(tmp_path: Path) -> None:
    bad = tmp_path / "weights.json"
    bad.write_text('{"relevance": {"classes": ["no", "yes"], "bias": [0.0]}}')  # no weights
    with pytest.raises(DataFileError) as err:
        learned.read(bad)
    message = str(err.value)
    assert str(bad) in message and "python -m bot.extract.train" in message
    bad.write_text("not json at all")
    with pytest.raises(DataFileError, match="weights.json.*regenerate"):
        learned.read(bad)


def test_lobo_holds_out_each_batch_once_and_trains_on_the_rest() -> None:
    from bot.extract.lobo import lobo_folds

    batches = [Path("hb/a.jsonl"), Path("hb/b.jsonl"), Path("hb/c.jsonl")]
    always = [Path("corpus/x.jsonl"), Path("dev.jsonl")]
    folds = lobo_folds(batches, always)
    assert [f.test for f in folds] == batches
    for fold in folds:
        assert fold.test not in fold.train
        assert set(fold.train) == set(always) | (set(batches) - {fold.test})
    with pytest.raises(ValueError, match="two batches"):
        lobo_folds(batches[:1], always)
    with pytest.raises(ValueError, match=r"a\.jsonl.*name it once"):
        lobo_folds(batches, [*always, Path("hb/a.jsonl")])


def test_lobo_scores_the_held_out_batch_with_a_model_that_never_saw_it(tmp_path: Path) -> None:
    from bot.extract import fitting as train
    from bot.extract.lobo import Fold, run_fold

    wording = [
        ("{} stops selling face recognition to police", True, "ban"),
        ("{} quits the facial recognition business", True, "exit"),
        ("{} unveils a facial recognition camera", False, None),
    ]
    vendors = ("Quarnby Vision", "Oskarel Faces", "Trellin Biometrics", "Velmora")
    by_file = {
        Path(f"b{k}.jsonl"): train.samples([
            _item(10 * k + n, wording[n % 3][0].format(vendors[(k + n) % 4]), "", wording[n % 3][1], wording[n % 3][2])
            for n in range(9)
        ])
        for k in range(3)
    }  # fmt: skip
    asked: list[Path] = []

    def samples_of(path: Path) -> list[train.Sample]:
        asked.append(path)
        return by_file[path]

    result = run_fold(Fold(Path("b0.jsonl"), (Path("b1.jsonl"), Path("b2.jsonl"))), samples_of)
    assert asked[:2] == [Path("b1.jsonl"), Path("b2.jsonl")]  # the training part first
    assert result.test == by_file[Path("b0.jsonl")]
    assert len(result.rules) == len(result.model) == 9
    assert set(result.thresholds) == {
        "relevant",
        "actor",
        "vendor_deal",
        "weak_confidence",
        "action",
        "demote",
        "drop",
    }
    # the held-out batch's labels never reach training: flipping them all changes
    # neither the thresholds nor any finding or probability the fold's model gives
    flipped = [
        replace(
            s, item=replace(s.item, gold={**s.item.gold, "relevant": not s.item.gold["relevant"]})
        )
        for s in by_file[Path("b0.jsonl")]
    ]
    by_file[Path("b0.jsonl")] = flipped
    again = run_fold(Fold(Path("b0.jsonl"), (Path("b1.jsonl"), Path("b2.jsonl"))), samples_of)
    assert again.thresholds == result.thresholds and again.model == result.model
    assert again.p_relevant == result.p_relevant
    assert len(set(result.p_relevant)) > 1  # the model tells the held-out items apart
