"""The learned second opinion's policy on the gap population, the model file round
trip, the language-agnostic featuriser and the end-to-end measurement's counts.

Every story here is invented for these tests (made-up vendors, places and outlets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.extract import extract, learned, rules
from bot.extract.endtoend import Counts
from bot.extract.features import char_features, featurise, tokens
from bot.labelled_files import LabelledItem, parse_item
from bot.models import ACTIONS

VENDOR = "Tessarine Biometrics"


def _item(n: int, title: str, summary: str = "", language: str = "en") -> LabelledItem:
    raw = {
        "id": f"pol{n}",
        "title": title,
        "summary": summary,
        "published": "2025-09-14",
        "language": language,
        "gold": {"relevant": False, "actor_type": "none"},
    }
    return parse_item(raw, f"policy test {n}")


# Items where the rules see FR content and the vendor but no act of theirs: idioms and
# verbs of other languages (the gap the model is for).
GAP = [
    ("Tessarine Biometrics tira el freno a su reconocimiento facial en gimnasios", "es"),
    ("Tessarine Biometrics mette in soffitta il riconoscimento facciale per gli stadi", "it"),
    ("Tessarine Biometrics lässt die Gesichtserkennung für Vermieter auslaufen", "de"),
    ("Tessarine Biometrics deixa para trás o reconhecimento facial em condomínios", "pt"),
]

# Hard negatives: a launch, a study, a suit filed, a plan, a payment over past conduct,
# a restatement. The model must never open them, however sure it is.
HARD = [
    (
        "Tessarine Biometrics launches a face recognition kiosk for hotel lobbies",
        "It ships in May.",
    ),
    ("Researchers test Tessarine Biometrics face recognition on 9,000 photos", "A study ran it."),
    (
        "Tenants sue Tessarine Biometrics over face recognition in their lobby",
        "The suit was filed.",
    ),
    ("Tessarine Biometrics plans to rethink face recognition sales", "Sources say a call is due."),
    ("Tessarine Biometrics pays $4m over its past face recognition data use", "It closes a probe."),
    (
        "Tessarine Biometrics says its face recognition policy for police is unchanged",
        "Same rules.",
    ),
]


def _sure_model() -> learned.Model:
    """A hand-made model sure of everything: every item is a relevant ``exit`` by a
    vendor (the bias alone decides), so only the policy can keep an item closed."""
    return learned.from_json({
        "relevance": {"classes": ["no", "yes"], "bias": [9.0], "weights": {}},
        "action": {"classes": sorted(ACTIONS), "bias": [9.0 if a == "exit" else 0.0 for a in sorted(ACTIONS)], "weights": {}},
        "actor": {"classes": ["government", "none", "vendor"], "bias": [0.0, 0.0, 9.0], "weights": {}},
        "thresholds": {"relevant": 0.9, "actor": 1.01, "vendor_deal": 0.9, "weak_confidence": 0.0, "action": 1.01},
    })  # fmt: skip


@pytest.mark.parametrize(("title", "language"), GAP)
def test_a_gap_item_the_model_is_sure_of_is_opened(title: str, language: str) -> None:
    entry = _item(1, title, language=language).entry
    sc, alone = rules(entry)
    assert sc is not None and alone is not None
    assert not alone.relevant and alone.vendor == VENDOR  # the gap: vendor, no act
    with learned.using(None):
        assert extract(entry) == alone  # no model in use: the rules' finding
    with learned.using(_sure_model()):
        opened = extract(entry)
    assert opened is not None and opened.relevant
    assert (opened.actor_type, opened.vendor, opened.action) == ("vendor", VENDOR, "exit")
    assert opened.confidence <= 0.6  # a second opinion never looks as sure as the rules


@pytest.mark.parametrize(("title", "summary"), HARD)
def test_a_hard_negative_is_never_opened(title: str, summary: str) -> None:
    entry = _item(2, title, summary).entry
    sc, alone = rules(entry)
    assert sc is not None and alone is not None and not alone.relevant
    assert learned.hard_negative(sc) or alone.signal in learned.LEFT_TO_HISTORY
    with learned.using(_sure_model()):
        found = extract(entry)
    assert found is not None and not found.relevant


def test_an_authority_deal_naming_the_vendor_becomes_its_deployment() -> None:
    entry = _item(
        3,
        "Harlow County approves $2m for Tessarine Biometrics face recognition cameras",
        "Council members voted 5-2 on Tuesday.",
    ).entry
    sc, alone = rules(entry)
    assert sc is not None and alone is not None and alone.actor_type == "government"
    with learned.using(_sure_model()):
        found = extract(entry)
    assert found is not None and not found.relevant  # only the timeline makes it news
    assert (found.actor_type, found.vendor, found.signal) == ("vendor", VENDOR, "deployment")
    refused = _item(
        4, "Watchdog fines Tessarine Biometrics; tenants sue over face recognition"
    ).entry
    sc, alone = rules(refused)
    assert sc is not None and alone is not None and learned.hard_negative(sc)
    with learned.using(_sure_model()):
        assert extract(refused) == alone


def _fixture_items() -> list[LabelledItem]:
    stops = [
        "{} halts face recognition sales to city councils",
        "{} pulls its face recognition product from stores",
        "{} ends face recognition for landlords",
    ]
    news = [
        "{} shows its face recognition gate at a fair",
        "{} hires a new face recognition sales chief",
    ]
    vendors = ("Quillon Vision", "Marrowby Labs", "Ostrel Faces")
    items = []
    for n in range(30):
        wording = (stops + news)[n % 5]
        relevant = n % 5 < 3
        raw = {
            "id": f"fx{n}",
            "title": wording.format(vendors[n % 3]),
            "summary": "",
            "published": f"2024-06-{n % 27 + 1:02d}",
            "language": "en",
            "gold": {
                "relevant": relevant,
                "actor_type": "vendor" if relevant else "none",
                "action": ("ban", "exit", "shutdown")[n % 5] if relevant else None,
                "event_id": f"fx-{n}",
            },
        }
        items.append(parse_item(raw, f"fixture {n}"))
    return items


def test_the_model_file_gives_the_probabilities_training_gave(tmp_path: Path) -> None:
    np = pytest.importorskip("numpy")
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    from bot.extract import fitting

    data = fitting.samples(_fixture_items())
    raw = fitting.fit(data)
    path = tmp_path / "fixture_model.json"
    path.write_text(json.dumps(raw))
    m = learned.read(path)
    # the same fit by hand, unpruned and unrounded: what training predicted
    seen = [s for s in data if s.found is not None]
    every = {f for s in seen for f in s.feats}  # features seen once are dropped, as in training
    vocab = sorted(f for f in every if sum(f in s.feats for s in seen) >= fitting.MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [sorted(index[f] for f in s.feats if f in index) for s in seen]
    indptr = np.cumsum([0] + [len(r) for r in rows])
    cols = [i for r in rows for i in r]
    x = csr_matrix((np.ones(len(cols)), cols, indptr), shape=(len(rows), len(vocab)))
    labels = ["yes" if s.item.gold["relevant"] else "no" for s in seen]
    clf = LogisticRegression(C=fitting.C["relevance"], max_iter=2000).fit(x, labels)
    trained = clf.predict_proba(x)[:, list(clf.classes_).index("yes")]
    loaded = [m.relevant(s.feats) for s in seen]
    assert loaded == pytest.approx(list(trained), abs=0.02)  # weights rounded and pruned
    assert max(loaded) > 0.5 > min(loaded)
    assert fitting.fit(data) == raw  # deterministic: the same data, the same file


def test_the_featuriser_shares_stems_across_languages_and_inflections() -> None:
    def grams(text: str) -> set[str]:
        return char_features(tokens(text))

    english, spanish, italian = grams("suspends"), grams("suspende"), grams("sospende")
    other = grams("giraffe")
    assert english & spanish and spanish & italian
    assert len(english & spanish) > len(english & other)
    assert grams("blocking") & grams("blocked") & grams("blocks")
    # hashed buckets only: no word or vendor name is stored as a feature
    entry = _item(
        5, "Tessarine Biometrics sospende il riconoscimento facciale", language="it"
    ).entry
    sc, found = rules(entry)
    feats = featurise(entry.title, entry.text, entry.language, sc, found)
    char = {f for f in feats if f.startswith("c:")}
    assert char and all(int(f[2:], 16) < 1 << 18 for f in char)  # buckets, not words
    assert not any("tessarine" in f for f in feats)  # the vendor is masked
    assert featurise(entry.title, entry.text, entry.language, sc, found) == feats


def test_counts_pool_and_score_as_eval_does() -> None:
    a = Counts(items=10, tp=3, fp=1, fn=1, actor_right=4, actor_n=5, action_right=3)
    b = Counts(items=5, tp=1, fp=0, fn=3, actor_right=1, actor_n=3, action_right=0,
               vendor_alerts=2, vendor_right=1, vendor_dup=1)  # fmt: skip
    pooled = a + b
    assert (pooled.items, pooled.tp, pooled.fp, pooled.fn) == (15, 4, 1, 4)
    s = pooled.scores()
    assert s["P"] == pytest.approx(0.8) and s["R"] == pytest.approx(0.5)
    assert s["actor"] == pytest.approx(5 / 8) and s["action"] == pytest.approx(0.75)
    assert s["vendor right %"] == pytest.approx(50.0)
    assert "dup 1" in pooled.line()


def test_the_replay_counts_what_the_model_in_use_opens() -> None:
    from bot.extract.endtoend import counts

    items = []
    for n, (title, language) in enumerate(GAP[:2]):
        raw = {
            "id": f"rp{n}",
            "title": title,
            "summary": "",
            "source": ("Diario Ficticio", "Gazzetta Inventata")[n],
            "published": f"2025-10-0{n + 1}T09:00:00+00:00",
            "language": language,
            "gold": {"relevant": True, "actor_type": "vendor", "vendor": VENDOR,
                     "action": "exit", "event_id": f"tess-{n}"},
        }  # fmt: skip
        items.append(parse_item(raw, f"replay {n}"))
    with learned.using(None):
        alone = counts(items)
    with learned.using(_sure_model()):
        helped = counts(items)
    assert (alone.tp, alone.fn, alone.vendor_alerts) == (0, 2, 0)
    assert (helped.tp, helped.fn, helped.action_right) == (2, 0, 2)
    assert helped.vendor_alerts >= 1 and helped.vendor_right >= 1


def _sure_not_relevant_model() -> learned.Model:
    """A hand-made model sure that nothing is relevant, whose ``drop`` part takes back
    every weak relevant finding it is allowed to."""
    return learned.from_json({
        "relevance": {"classes": ["no", "yes"], "bias": [-6.0], "weights": {}},
        "action": {"classes": sorted(ACTIONS), "bias": [0.0] * len(ACTIONS), "weights": {}},
        "actor": {"classes": ["none", "vendor"], "bias": [0.0, 0.0], "weights": {}},
        "thresholds": {"relevant": 1.01, "actor": 1.01, "vendor_deal": 1.01,
                       "weak_confidence": 0.8, "action": 1.01, "drop": 0.3},
    })  # fmt: skip


def test_a_weak_change_the_rules_kept_over_a_hard_negative_cue_is_never_dropped() -> None:
    # the rules saw a platform named and still read the vendor's own refusal: the model
    # reads the same cue without its clause, so its doubt does not take the change back
    kept = _item(
        5,
        "A ban that reaches hotels and the app store: Varrow Sight sets out its lodging policy",
        "Its founder said the rule also keeps out booking sites that wanted to check guests by"
        " face.",
    ).entry
    sc, alone = rules(kept)
    assert sc is not None and alone is not None and learned.hard_negative(sc)
    assert alone.relevant and alone.confidence < 0.8
    with learned.using(_sure_not_relevant_model()):
        assert extract(kept) == alone
    # control: a weak change with no hard-negative cue is taken back by the same model
    dropped = _item(
        6,
        "Varrow Sight turns away hotel chains",
        "Its founder said face checks of guests are not a use it supports.",
    ).entry
    sc, alone = rules(dropped)
    assert sc is not None and alone is not None and not learned.hard_negative(sc)
    assert alone.relevant and alone.confidence < 0.8
    with learned.using(_sure_not_relevant_model()):
        found = extract(dropped)
    assert found is not None and not found.relevant
