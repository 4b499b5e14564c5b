"""The alert-level report of `policybot eval`: counting, and a replay end to end.

The counting tests use invented vendors and hand-built alerts, so every outcome
is known. The replay test runs a small hand-written labelled file about invented vendors
(each introduced by its description, as the extractor reads unknown vendors)
through the real feed parsing, store, extraction, clustering and routing; some
gold labels deliberately disagree with the text so that each outcome of the
report occurs once.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest
from click.testing import CliRunner

from bot.alert_replay import rss
from bot.alert_scores import Alert, FollowUp, ReplayItem, score_alerts
from bot.cli.main import main


def replay_item(id_: str, **gold: Any) -> ReplayItem:
    return ReplayItem(id=id_, source="Wire", title=id_, summary="", link=None,
                      published=datetime(2023, 1, 1, tzinfo=UTC), language="en",
                      gold=gold)  # fmt: skip


def alert(
    channel: str, event_id: int, *, action: str | None = None, actor: str = "vendor"
) -> Alert:
    return Alert(channel, event_id, f"e{event_id}", "Zentrik", action, actor, f"title {event_id}")


VENDOR_PAUSE = {"relevant": True, "actor_type": "vendor", "action": "moratorium",
                "event_id": "zentrik-pause"}  # fmt: skip
VENDOR_EXIT = {"relevant": True, "actor_type": "vendor", "action": "exit",
               "event_id": "orvane-exit"}  # fmt: skip
VENDOR_LAUNCH = {"relevant": False, "actor_type": "vendor", "event_id": "orvane-launch"}
COUNCIL = {"relevant": False, "actor_type": "government", "event_id": "council-vote"}
NEVER = {"relevant": True, "actor_type": "vendor", "action": "ban", "event_id": "quillon-ban"}


def test_each_alert_gets_one_outcome_per_channel() -> None:
    items = [
        replay_item("a1", **VENDOR_PAUSE), replay_item("a2", **VENDOR_PAUSE),
        replay_item("a3", **VENDOR_PAUSE), replay_item("b1", **VENDOR_EXIT),
        replay_item("c1", **VENDOR_LAUNCH), replay_item("g1", **COUNCIL),
        replay_item("n1", **NEVER), replay_item("x1", relevant=False, actor_type="none",
                                                event_id=None),
    ]  # fmt: skip
    alerts = [
        alert("vendor", 1, action="moratorium"),  # a1 + a2 (+ the stray x1): right
        alert("vendor", 2, action="ban"),  # b1: the exit told as a ban
        alert("vendor", 3, action="moratorium"),  # a3 split off: a second alert
        alert("vendor", 4, action="restriction"),  # c1: a launch
        alert("vendor", 5, action="ban"),  # only an item without any event
        alert("authority", 6, actor="government"),  # g1
        alert("authority", 7, actor="regulator"),  # a vendor event in the wrong channel
    ]
    members = {1: ["a1", "x1", "a2"], 2: ["b1"], 3: ["a3"], 4: ["c1"], 5: ["x1"],
               6: ["g1"], 7: ["b1"]}  # fmt: skip
    reports = score_alerts(alerts, members, items)
    vendor, authority = reports["vendor"], reports["authority"]
    assert [a.outcome for a in vendor.alerts] == [
        "right", "wrong", "duplicate", "no_real_event", "no_real_event",
    ]  # fmt: skip
    assert vendor.alerts[1].expected == "exit" and vendor.alerts[0].gold_event == "zentrik-pause"
    assert vendor.never_alerted == ["quillon-ban"]
    assert vendor.counts() == {"alerts": 5, "right": 1, "wrong": 1, "duplicate": 1,
                               "no_real_event": 2, "never_alerted": 1, "follow_ups": 0,
                               "stray_follow_ups": 0}  # fmt: skip
    assert [a.outcome for a in authority.alerts] == ["right", "no_real_event"]
    assert authority.never_alerted == []


def test_wrong_action_does_not_make_a_later_alert_the_first() -> None:
    """The first alert of an event with the wrong action still counts as the event's
    alert: a second one is a duplicate, not a 'right' alert."""
    items = [replay_item("a1", **VENDOR_PAUSE), replay_item("a2", **VENDOR_PAUSE)]
    alerts = [alert("vendor", 1, action="exit"), alert("vendor", 2, action="moratorium")]
    reports = score_alerts(alerts, {1: ["a1"], 2: ["a2"]}, items)
    assert [a.outcome for a in reports["vendor"].alerts] == ["wrong", "duplicate"]
    assert reports["vendor"].never_alerted == []


def test_majority_of_mentions_names_the_gold_event() -> None:
    items = [replay_item("a1", **VENDOR_PAUSE), replay_item("b1", **VENDOR_EXIT),
             replay_item("b2", **VENDOR_EXIT)]  # fmt: skip
    reports = score_alerts([alert("vendor", 1, action="exit")], {1: ["a1", "b1", "b2"]}, items)
    assert reports["vendor"].alerts[0].gold_event == "orvane-exit"
    assert reports["vendor"].alerts[0].outcome == "right"
    assert reports["vendor"].never_alerted == ["zentrik-pause"]


def test_follow_ups_about_another_real_event_are_counted_as_stray() -> None:
    items = [replay_item("a1", **VENDOR_PAUSE), replay_item("a2", **VENDOR_PAUSE),
             replay_item("b1", **VENDOR_EXIT), replay_item("x1", relevant=False,
                                                        actor_type="none", event_id=None)]  # fmt: skip
    follow_ups = [FollowUp("vendor", 1, "a2"), FollowUp("vendor", 1, "b1"),
                  FollowUp("vendor", 1, "x1")]  # fmt: skip
    reports = score_alerts([alert("vendor", 1, action="moratorium")],
                           {1: ["a1", "a2", "b1"]}, items, follow_ups)  # fmt: skip
    counts = reports["vendor"].counts()
    assert (counts["follow_ups"], counts["stray_follow_ups"]) == (3, 1)
    assert reports["authority"].counts()["follow_ups"] == 0


def test_feed_document_round_trips_through_the_parser() -> None:
    item = ReplayItem(id="q-7", source="Wire", title="Zentrik & Orvane <merge>",
                      summary="Price < 5 & rising; <b>not bold</b>", link="https://n.example/q7",
                      published=datetime(2021, 4, 5, 6, 7, tzinfo=UTC), language="de",
                      gold={})  # fmt: skip
    parsed = feedparser.parse(rss([item]))
    entry = parsed["entries"][0]
    assert entry["id"] == "q-7" and entry["link"] == "https://n.example/q7"
    assert entry["title"] == "Zentrik & Orvane <merge>"
    assert "Price < 5 & rising; <b>not bold</b>" in entry["summary"].replace("&lt;", "<").replace(
        "&gt;", ">"
    ).replace("&amp;", "&")
    assert parsed["feed"]["language"] == "de"


# --------------------------------------------------------------------------- end to end


def labelled(id_: str, source: str, published: str, title: str, summary: str,
             **gold: Any) -> dict[str, Any]:  # fmt: skip
    base = {"relevant": False, "actor_type": "none", "vendor": None, "product": None,
            "action": None, "applies_to": None, "region": None, "effective": None,
            "duration": None, "event_id": None}  # fmt: skip
    return {"id": id_, "source": source, "url": f"https://news.example/{id_}",
            "published": published, "language": "en", "title": title, "summary": summary,
            "gold": {**base, **gold}}  # fmt: skip


FREEZE = {"relevant": True, "actor_type": "vendor", "vendor": "Quillmark",
          "action": "moratorium", "applies_to": "police", "event_id": "quillmark-freeze"}  # fmt: skip
STREAM = [
    # listed out of date order on purpose: the replay sorts by published date
    labelled("f3", "Gazette", "2019-10-02",
             "Quillmark puts police face recognition sales on hold for a year",
             "Quillmark, the face recognition vendor, will not sell its face matching tool "
             "to police for twelve months.", **FREEZE),
    labelled("f1", "Wire One", "2019-03-01",
             "Face-matching startup Quillmark freezes police sales for six months",
             "Quillmark, a facial recognition company, said the freeze on selling its face "
             "matching service to police starts now.", **FREEZE),
    labelled("f2", "Wire Two", "2019-03-02",
             "Quillmark puts police face recognition sales on hold for half a year",
             "Quillmark, which sells face matching, will not sell the tool to police for six "
             "months, it said.", **FREEZE),
    # the text says a one-year pause; the gold label says exit: a wrong action
    labelled("m1", "Wire One", "2019-04-10",
             "Facial recognition firm Brantwick pauses police use of its matcher for one year",
             "Brantwick, a face recognition startup, said the moratorium on police use starts "
             "today.", relevant=True, actor_type="vendor", vendor="Brantwick", action="exit",
             applies_to="police", event_id="brantwick-exit"),
    # the gold label says this change never happened: an alert about no real event
    labelled("r1", "Gazette", "2019-05-20",
             "Face search provider Tolvane stops selling face recognition to police for a year",
             "Tolvane, a facial recognition company, said officers cannot buy its face "
             "matcher for the next twelve months.", actor_type="vendor", vendor="Tolvane",
             event_id="tolvane-rumour"),
    # a real change the text does not report: never alerted
    labelled("c1", "Wire Two", "2019-06-01",
             "Campaigners call on face recognition startup Vexmoor to stop selling to police",
             "A coalition wrote to Vexmoor, a facial recognition company, asking it to drop "
             "police sales.", relevant=True, actor_type="vendor", vendor="Vexmoor",
             action="exit", event_id="vexmoor-exit"),
    # authority channel: one right, one with the wrong actor type, one never alerted
    labelled("g1", "Wire One", "2019-07-01",
             "Riverton city council bans police use of facial recognition",
             "The council voted 7-2 to bar city departments from using face recognition.",
             actor_type="government", event_id="riverton-ban"),
    labelled("g2", "Gazette", "2019-08-15",
             "Data protection authority fines face search firm Pelham over its face database",
             "The regulator imposed a penalty on Pelham, a facial recognition company, for "
             "scraping photos without consent.", actor_type="court", vendor="Pelham",
             event_id="dpa-fine"),
    labelled("g3", "Wire Two", "2019-09-01", "Riverton passes its annual budget",
             "The city council approved spending on parks and roads.",
             actor_type="government", event_id="riverton-budget"),
]  # fmt: skip


@pytest.fixture
def stream_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("POLICYBOT_DB", str(tmp_path / "never-created.db"))
    path = tmp_path / "stream.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in STREAM) + "\n", encoding="utf-8")
    return path


def test_replay_counts_every_outcome(stream_file: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(stream_file), "--json"])
    assert result.exit_code == 0, result.output
    alerts = json.loads(result.output)["alerts"]
    vendor, authority = alerts["vendor"], alerts["authority"]
    # items from 2019 alert at all: each fetch happens at its item's published time
    assert {k: vendor[k] for k in ("alerts", "right", "wrong", "duplicate", "no_real_event",
                                   "never_alerted")} == {
        "alerts": 4, "right": 1, "wrong": 1, "duplicate": 1, "no_real_event": 1,
        "never_alerted": 1,
    }  # fmt: skip
    assert vendor["right_share"] == 0.25
    # f2 is the one follow-up: it joins f1's event and goes into that alert's thread
    assert (vendor["follow_ups"], vendor["stray_follow_ups"]) == (1, 0)
    assert vendor["never_alerted_events"] == ["vexmoor-exit"]
    dup = next(p for p in vendor["problems"] if p["outcome"] == "duplicate")
    assert dup["gold_event"] == "quillmark-freeze" and "for a year" in dup["title"]
    wrong = next(p for p in vendor["problems"] if p["outcome"] == "wrong")
    assert (wrong["predicted"], wrong["expected"]) == ("moratorium", "exit")
    assert {k: authority[k] for k in ("alerts", "right", "wrong", "duplicate", "never_alerted")} == {
        "alerts": 2, "right": 1, "wrong": 1, "duplicate": 0, "never_alerted": 1,
    }  # fmt: skip
    assert authority["never_alerted_events"] == ["riverton-budget"]
    assert not (stream_file.parent / "never-created.db").exists()


def test_text_report_prints_the_alert_table_first(stream_file: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(stream_file)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("alert-level report")
    vendor_row = next(line for line in lines if line.strip().startswith("vendor "))
    assert vendor_row.split() == ["vendor", "4", "1", "1", "1", "1", "1", "25.0%"]
    assert any("never alerted: vexmoor-exit" in line for line in lines)
    assert result.output.index("alert-level report") < result.output.index("relevance")


def test_item_scores_and_predictions_come_from_the_replayed_pipeline(
    stream_file: Path,
) -> None:
    """One pass: the predictions file carries the findings and events the replay recorded,
    so an alert's event is the event of the items in it."""
    out = stream_file.parent / "pred.jsonl"
    result = CliRunner().invoke(
        main, ["eval", str(stream_file), "--json", "--predictions", str(out)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    rows = {row["id"]: row for row in map(json.loads, out.read_text().splitlines())}
    dup = next(p for p in report["alerts"]["vendor"]["problems"] if p["outcome"] == "duplicate")
    assert rows["f3"]["event"] == dup["event"] != rows["f1"]["event"]
    assert rows["f1"]["event"] == rows["f2"]["event"]
    assert rows["g3"]["relevant"] is False and rows["g3"]["event"] is None
    assert report["relevance"]["tp"] == 4  # f1, f2, f3 and m1
