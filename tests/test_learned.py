"""The learned second opinion: shipped weights, featuriser, training end to end.

All wording here is invented for these tests (made-up vendors and outlets)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.extract import learned, rules
from bot.extract.features import VENDOR_TOKEN, featurise
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
    from bot.extract import train

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
    scored = train.score_with(m, data)
    assert train.metrics(data, train.apply(scored, None))["R"] <= 1.0
