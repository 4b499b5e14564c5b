"""`policybot eval` on a small labelled file written for this test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli.main import main
from bot.evaluate import PREDICTION_KEYS, alert_worthy


def item(id_: str, title: str, summary: str, published: str, **gold: Any) -> dict[str, Any]:
    base = {"relevant": False, "actor_type": "none", "vendor": None, "product": None,
            "action": None, "applies_to": None, "region": None, "effective": None,
            "duration": None, "event_id": None}  # fmt: skip
    base.update(gold)
    return {"id": id_, "source": "Test Wire", "url": f"https://example.org/{id_}",
            "published": published, "language": "en", "title": title, "summary": summary,
            "gold": base}  # fmt: skip


ITEMS = [
    # true positive, every field right
    item("t1", "Amazon pauses police use of Rekognition for one year",
         "The moratorium on police use starts today.", "2020-06-10",
         relevant=True, actor_type="vendor", vendor="Amazon", action="moratorium",
         applies_to="police", effective="2020-06-10", event_id="amz-pause"),
    # true positive; the gold action and date differ from what the text supports
    item("t2", "Amazon halts sales of Rekognition to police departments for a year",
         "The company said the pause will give Congress time to act.", "2020-06-11",
         relevant=True, actor_type="vendor", vendor="Amazon", action="ban",
         applies_to="police", effective="2020-06-25", event_id="amz-pause"),
    # miss: the text only reports a call
    item("t3", "Activists urge IBM to stop selling face recognition",
         "A petition asks the company to halt sales.", "2020-06-12",
         relevant=True, actor_type="vendor", vendor="IBM", action="exit",
         applies_to="everyone", effective="2020-06-12", event_id="ibm-exit"),
    # authority action: not relevant, actor government
    item("t4", "City council votes to ban police use of facial recognition",
         "The ordinance bars city agencies from buying the technology.", "2020-06-13",
         actor_type="government", event_id="city-ban"),
    # nothing about face recognition
    item("t5", "Chipmaker reports record revenue", "Shares rose 4%.", "2020-06-14"),
    # false alarm: gold says this is not a change
    item("t6", "Microsoft exits the facial recognition business",
         "The company will no longer sell face recognition software.", "2020-06-15",
         actor_type="vendor", vendor="Microsoft", event_id="ms-rumour"),
]  # fmt: skip


def write(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    # Run where there is no feeds.yaml and point the database somewhere we can check.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("POLICYBOT_DB", str(tmp_path / "never-created.db"))
    return CliRunner()


def test_json_report_has_the_expected_scores(runner: CliRunner, tmp_path: Path) -> None:
    labelled = write(tmp_path / "small.jsonl", ITEMS)
    result = runner.invoke(main, ["eval", str(labelled), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["relevance"] == {
        "precision": 0.6667, "recall": 0.6667, "f1": 0.6667, "tp": 2, "fp": 1, "fn": 1,
    }  # fmt: skip
    # gold actor known for t1, t2, t3, t4, t6; the call (t3) is predicted "none"
    assert report["actor_type"]["accuracy"] == 0.8
    assert report["fields"] == {"vendor": 1.0, "action": 0.5, "applies_to": 1.0, "effective": 0.5}
    assert report["items_per_second"] > 0
    assert "clustering" in report
    assert not (tmp_path / "never-created.db").exists()


def test_text_report_lists_misses_and_false_alarms(runner: CliRunner, tmp_path: Path) -> None:
    labelled = write(tmp_path / "small.jsonl", ITEMS)
    result = runner.invoke(main, ["eval", str(labelled)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "precision 0.667" in out and "recall 0.667" in out
    misses = out.split("Misses (1):")[1].split("False alarms")[0]
    assert "t3: Activists urge IBM" in misses
    alarms = out.split("False alarms (1):")[1]
    assert "t6: Microsoft exits" in alarms
    assert "evidence: Microsoft exits the facial recognition business" in alarms


def test_predictions_file(runner: CliRunner, tmp_path: Path) -> None:
    labelled = write(tmp_path / "small.jsonl", ITEMS)
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(main, ["eval", str(labelled), "--json", "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [i["id"] for i in ITEMS]
    assert all(tuple(r) == PREDICTION_KEYS for r in rows)
    by_id = {r["id"]: r for r in rows}
    assert by_id["t1"]["relevant"] is True and by_id["t1"]["action"] == "moratorium"
    assert by_id["t1"]["effective"] == "2020-06-10" and by_id["t1"]["duration"] == "1 year"
    assert by_id["t4"]["actor_type"] == "government" and by_id["t4"]["relevant"] is False
    assert by_id["t5"] == {**dict.fromkeys(PREDICTION_KEYS), "id": "t5", "relevant": False,
                           "actor_type": "none", "confidence": 0.0}  # fmt: skip
    for row in rows:
        assert row["event"] is None or isinstance(row["event"], str)
    # the two reports of Amazon's pause are clustered into one event
    assert by_id["t1"]["event"] is not None and by_id["t1"]["event"] == by_id["t2"]["event"]


def test_gold_does_not_influence_predictions(runner: CliRunner, tmp_path: Path) -> None:
    flipped = [dict(i, gold={**i["gold"], "relevant": not i["gold"]["relevant"],
                             "vendor": "Nobody", "action": "exit"}) for i in ITEMS]  # fmt: skip
    pa, pb = tmp_path / "pa.jsonl", tmp_path / "pb.jsonl"
    for name, items, pred in (("a", ITEMS, pa), ("b", flipped, pb)):
        labelled = write(tmp_path / f"{name}.jsonl", items)
        result = runner.invoke(main, ["eval", str(labelled), "--predictions", str(pred)])
        assert result.exit_code == 0, result.output
    assert pa.read_text(encoding="utf-8") == pb.read_text(encoding="utf-8")


def test_missing_file_is_named(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["eval", str(tmp_path / "nope.jsonl")])
    assert result.exit_code != 0
    assert "nope.jsonl" in result.output and "no such file" in result.output


def test_invalid_json_names_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(ITEMS[0]) + "\n{not json\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", str(bad)])
    assert result.exit_code != 0
    assert f"{bad}:2: invalid JSON" in result.output


def test_missing_fields_name_file_line_and_field(runner: CliRunner, tmp_path: Path) -> None:
    broken = {k: v for k, v in ITEMS[0].items() if k != "gold"}
    bad = write(tmp_path / "nogold.jsonl", [ITEMS[1], broken])
    result = runner.invoke(main, ["eval", str(bad)])
    assert result.exit_code != 0
    assert f"{bad}:2: missing field(s) gold" in result.output


def test_bad_date_is_named(runner: CliRunner, tmp_path: Path) -> None:
    bad = write(tmp_path / "date.jsonl", [dict(ITEMS[0], published="last Tuesday")])
    result = runner.invoke(main, ["eval", str(bad)])
    assert result.exit_code != 0
    assert f"{bad}:1: 'published' is 'last Tuesday'" in result.output


def test_per_class_scores(runner: CliRunner, tmp_path: Path) -> None:
    labelled = write(tmp_path / "small.jsonl", ITEMS)
    report = json.loads(runner.invoke(main, ["eval", str(labelled), "--json"]).output)
    actions = report["per_action"]["classes"]
    # t1 and t2 are both predicted moratorium; t3 (exit) is missed; t6 is a false exit
    assert actions["moratorium"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "n": 1,
                                     "predicted": 2}  # fmt: skip
    assert actions["ban"]["recall"] == 0.0 and actions["ban"]["n"] == 1
    assert actions["exit"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "n": 1, "predicted": 1}
    assert report["per_action"]["confusion"] == {
        "(not relevant)": {"exit": 1}, "ban": {"moratorium": 1}, "exit": {"(missed)": 1},
        "moratorium": {"moratorium": 1},
    }  # fmt: skip
    actors = report["per_actor_type"]
    assert actors["government"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "n": 1,
                                    "predicted": 1}  # fmt: skip
    assert actors["vendor"]["n"] == 4 and actors["vendor"]["recall"] == 0.75
    assert actors["none"]["n"] == 1 and actors["none"]["predicted"] == 2
    assert report["per_language"] == {"en": {
        "items": 6, "relevance_precision": 0.6667, "relevance_recall": 0.6667, "relevant": 3,
        "actor_type_accuracy": 0.8, "action_accuracy": 0.5, "relevant_found": 2,
    }}  # fmt: skip


def test_several_files_and_folders(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "parts"
    folder.mkdir()
    write(folder / "a.jsonl", ITEMS[:3])
    write(folder / "b.jsonl", ITEMS[3:5])
    (folder / "notes.md").write_text("not read", encoding="utf-8")
    single = write(tmp_path / "c.jsonl", ITEMS[5:])
    result = runner.invoke(main, ["eval", str(folder), str(single), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["items"] == len(ITEMS)
    assert report["relevance"]["tp"] == 2 and report["relevance"]["fp"] == 1


def test_an_id_repeated_across_files_names_both_places(runner: CliRunner, tmp_path: Path) -> None:
    first = write(tmp_path / "one.jsonl", ITEMS[:2])
    second = write(tmp_path / "two.jsonl", [ITEMS[4], ITEMS[1]])
    result = runner.invoke(main, ["eval", str(first), str(second)])
    assert result.exit_code != 0
    assert f"{second}:2: duplicate id 't2' (first at {first}:2)" in result.output


def test_empty_folder_is_named(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(main, ["eval", str(tmp_path / "empty")])
    assert result.exit_code != 0
    assert "empty: the folder holds no *.jsonl file" in result.output


def test_an_unrecorded_mention_is_no_second_alert(runner: CliRunner, tmp_path: Path) -> None:
    gold = dict(relevant=True, actor_type="vendor", vendor="Quorvel", action="moratorium",
                applies_to="police", event_id="quorvel-pause")  # fmt: skip
    items = [
        item("q1", "Quorvel pauses police use of its face recognition for a year",
             "The vendor halts sales of the face-matching tool to police.", "2021-03-02", **gold),
        # no FR content found: the pipeline records no event for it
        item("q2", "A supplier decision and what it means for customers",
             "Analysts weigh the move by a camera supplier.", "2021-03-03", **gold),
    ]  # fmt: skip
    result = runner.invoke(main, ["eval", str(write(tmp_path / "q.jsonl", items)), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["alerts"]["vendor"]["right"] == 1  # q1 alerted once
    clustering = report["clustering"]
    assert clustering["bcubed_recall"] == 0.5  # the miss still costs recall
    assert clustering["events_alerted_twice"] == 0  # ... but alerts nobody a second time


def test_alert_worthy_events_are_changes_and_authority_acts() -> None:
    assert alert_worthy({"relevant": True, "actor_type": "vendor"})
    assert alert_worthy({"relevant": False, "actor_type": "regulator"})
    assert not alert_worthy({"relevant": False, "actor_type": "none"})
    assert not alert_worthy({"relevant": False, "actor_type": "vendor"})


def _pause(id_: str, title: str, summary: str, day: str, event: str) -> dict[str, Any]:
    return item(id_, title, summary, day, relevant=True, actor_type="vendor", vendor="Tarnwick",
                action="moratorium", applies_to="police", event_id=event)  # fmt: skip


def test_per_file_replays_each_batch_alone(runner: CliRunner, tmp_path: Path) -> None:
    # two writers told one vendor's pause under their own gold ids: replayed as one
    # stream the two batches meet in the store (a merge that is no clustering error)
    one = write(tmp_path / "one.jsonl", [
        _pause("w1", "Tarnwick pauses police use of its face recognition for a year",
               "The vendor halts sales of face matching to police.", "2022-04-04", "tarnwick-a"),
    ])  # fmt: skip
    two = write(tmp_path / "two.jsonl", [
        _pause("x1", "Tarnwick halts face recognition sales to police for twelve months",
               "Police buyers must wait a year, the vendor said.", "2022-04-05", "tarnwick-b"),
    ])  # fmt: skip
    together = runner.invoke(main, ["eval", str(one), str(two), "--json"])
    assert json.loads(together.output)["clustering"]["merged_any"] == 2
    result = runner.invoke(main, ["eval", str(one), str(two), "--per-file", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [Path(r["file"]).name for r in rows] == ["one.jsonl", "two.jsonl"]
    assert all(r["merged"] == 0 and r["vendor_right"] == 1 and r["sum"] == 0 for r in rows)
    text = runner.invoke(main, ["eval", str(tmp_path), "--per-file"]).output
    assert "one.jsonl" in text and "two.jsonl" in text and "2 files" in text


def test_per_file_refuses_a_predictions_file(runner: CliRunner, tmp_path: Path) -> None:
    labelled = write(tmp_path / "small.jsonl", ITEMS)
    out = tmp_path / "p.jsonl"
    result = runner.invoke(main, ["eval", str(labelled), "--per-file", "--predictions", str(out)])
    assert result.exit_code != 0 and "--per-file" in result.output and not out.exists()
