"""``policybot subscriptions`` and the declarative subscriptions of feeds.yaml."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bot.cli.main import main
from bot.config import DeclaredSubscription
from bot.models import Destination, Filters
from store import Store
from store import subscriptions as subscriptions_store
from tests.cli_tables import assert_fits, table_rows

HOOK = "https://hooks.slack.com/services/T000/B000/SECRETSECRET"


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), "subscriptions", *args], env={})
    return result.exit_code, result.stdout, result.stderr


def test_add_list_remove(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    code, out, err = run(db, "add", "slack:T0123/C0456", "--vendor", "amazon", "--action", "ban",
                         "--action", "moratorium", "--actor-type", "government", "--min-confidence", "0.6")  # fmt: skip
    assert code == 0, err
    assert (
        "added slack:T0123/C0456: vendors: Amazon; actions: ban, moratorium; actors: government"
        in out
    )
    assert "warning: vendor 'amazon' is not in" not in err  # the gazetteer knows Amazon
    code, out, _ = run(db, "add", f"slack-webhook:{HOOK}")
    assert code == 0 and "SECRETSECRET" not in out
    code, out, _ = run(db, "list", "--json")
    rows = json.loads(out)
    assert [r["destination"] for r in rows] == [
        "slack:T0123/C0456",
        "slack-webhook:https://hooks.slack.com/…",
    ]
    assert rows[0]["filters"] == {"vendors": ["Amazon"], "actions": ["ban", "moratorium"],
                                  "actor_types": ["government"], "min_confidence": 0.6}  # fmt: skip
    assert rows[0]["status"] == "active" and rows[0]["workspace"] == "T0123"
    # re-adding without the team id keeps the known team (same channel, same row)
    code, out, _ = run(db, "add", "slack:C0456", "--vendor", "Amazon")
    assert code == 0 and "updated slack:T0123/C0456: vendors: Amazon; actions: any" in out
    code, out, _ = run(db, "remove", "slack:C0456")
    assert code == 0 and "removed slack:T0123/C0456" in out
    code, out, _ = run(db, "list")
    assert "C0456" not in out and "slack-webhook" in out


def test_failing_subscriptions_show_their_error_and_fix(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    run(db, "add", "discord:123456789012345678", "--vendor", "Microsoft")
    store = Store.open(db)
    sub = subscriptions_store.find(store, Destination("discord", channel="123456789012345678"))
    assert sub is not None
    subscriptions_store.mark_failing(store, sub.id, "Missing Permissions (50013) in channel 1234")
    store.close()
    code, out, _ = run(db, "list")
    row = table_rows(out)["1"]
    assert row[1:4] == ["discord:123456789012345678", "cli", "FAILING"]
    assert "#1 discord:123456789012345678: Missing Permissions (50013)" in out
    assert out.count("Missing Permissions") == 1
    assert_fits(out)
    assert "policybot subscriptions add discord:123456789012345678 --vendor Microsoft" in out
    code, out, _ = run(db, "list", "--json")
    assert json.loads(out)[0]["last_error"].startswith("Missing Permissions")
    run(db, "add", "discord:123456789012345678", "--vendor", "Microsoft")
    assert json.loads(run(db, "list", "--json")[1])[0]["status"] == "active"


def test_errors_name_the_problem_and_the_fix(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    code, _, err = run(db, "add", "teams:abc")
    assert code == 2 and "unknown platform 'teams'" in err and "slack:CHANNEL_ID" in err
    code, _, err = run(db, "add", "slack-webhook:https://evil.example.org/hook")
    assert code == 2 and "hooks.slack.com" in err
    code, _, err = run(db, "add", "slack:C1", "--action", "nuke")
    assert code == 2 and "'nuke' is not one of" in err
    code, _, err = run(db, "remove", "slack:C0456")
    assert code == 1 and "is not subscribed" in err and "subscriptions list" in err
    code, out, err = run(db, "add", "slack:C0456", "--vendor", "Amazn")
    assert code == 2 and "did you mean Amazon" in err and "could ever match" in err
    code, out, _ = run(db, "list")
    assert "C0456" not in out  # nothing stored


def test_sync_declared_mirrors_the_configuration(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    a = Destination("slack", channel="CA")
    b = Destination("discord", channel="123456789012345678")
    manual = Destination("slack", channel="CMANUAL")
    subscriptions_store.add(store, manual, Filters(), origin="cli")
    result = subscriptions_store.sync_declared(
        store,
        [DeclaredSubscription(a, Filters()), DeclaredSubscription(b, Filters(actions=("ban",)))],
        console=True,
    )
    assert (result.added, result.updated, result.removed) == (3, 0, 0)
    origins = {str(s.destination): s.origin for s in subscriptions_store.list_subscriptions(store)}
    assert origins == {"slack:CMANUAL": "cli", "slack:CA": "config",
                       "discord:123456789012345678": "config", "console:": "builtin"}  # fmt: skip
    # the same configuration again changes nothing
    again = subscriptions_store.sync_declared(
        store,
        [DeclaredSubscription(a, Filters()), DeclaredSubscription(b, Filters(actions=("ban",)))],
        console=True,
    )
    assert (again.added, again.updated, again.removed) == (0, 0, 0)
    # b's filters change, a leaves the config, the console is turned off
    last = subscriptions_store.sync_declared(
        store, [DeclaredSubscription(b, Filters(actions=("exit",)))], console=False
    )
    assert (last.added, last.updated, last.removed) == (0, 1, 2)
    subs = {str(s.destination): s for s in subscriptions_store.list_subscriptions(store)}
    assert set(subs) == {"slack:CMANUAL", "discord:123456789012345678"}
    assert subs["discord:123456789012345678"].filters.actions == ("exit",)


def test_removing_a_subscription_declared_in_feeds_yaml_is_refused_and_says_where(
    tmp_path: Path,
) -> None:
    db = tmp_path / "bot.db"
    store = Store.open(db)
    declared = DeclaredSubscription(Destination("slack", channel="C0DECL"), Filters())
    subscriptions_store.sync_declared(store, [declared], console=True)
    store.close()
    for dest, where in (("slack:C0DECL", "'subscriptions:'"), ("console:", "'console: true'")):
        code, _, err = run(db, "remove", dest)
        assert code == 1 and "declared in feeds.yaml" in err and where in err, err
    code, out, _ = run(db, "list")
    assert "C0DECL" in out and "console" in out  # still there
