"""`policybot poll` imports no chat SDK unless a destination for it is configured.

aiohttp's client fetches the feeds, so poll loads aiohttp itself; its server side
(``aiohttp.web``: the HTTP server, the Slack runtime) stays out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SDKS = ("slack_bolt", "slack_sdk", "discord", "aiohttp.web")
SCRIPT = """
import json, sys
from bot.cli import main
sdks = set(sys.argv.pop(1).split(","))
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(sdks & set(sys.modules))))
"""


def loaded_after_poll(
    tmp_path: Path, *before: list[str], watched: tuple[str, ...] = SDKS
) -> list[str]:
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(
        "defaults:\n  allow_hosts: [127.0.0.1]\n  connect_timeout: 1\nconsole: false\nfeeds:\n"
        "  - name: Nowhere\n    url: http://127.0.0.1:9/feed.xml\n",
        encoding="utf-8",
    )
    common = ["--db", str(tmp_path / "bot.db"), "--feeds", str(feeds)]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    for args in before:
        subprocess.run([sys.executable, "-m", "bot", *common, *args], check=True, env=env,
                       capture_output=True, cwd=Path(__file__).resolve().parent.parent)  # fmt: skip
    done = subprocess.run([sys.executable, "-c", SCRIPT, ",".join(watched), *common, "poll", "--all"], env=env,
                          capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)  # fmt: skip
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_poll_without_chat_configuration_imports_no_chat_sdk(tmp_path: Path) -> None:
    assert loaded_after_poll(tmp_path) == []


def test_poll_counts_its_work_without_loading_prometheus_client(tmp_path: Path) -> None:
    watched = ("prometheus_client", "bot.ops.metrics", "bot.ops.counts")
    assert loaded_after_poll(tmp_path, watched=watched) == ["bot.ops.counts"]


def test_a_webhook_subscription_brings_its_sdk_in(tmp_path: Path) -> None:
    add = ["subscriptions", "add", "discord-webhook:https://discord.com/api/webhooks/1/abc"]
    loaded = loaded_after_poll(tmp_path, add)
    assert "discord" in loaded and "slack_sdk" not in loaded


HEAVY = ("bot.evaluate", "bot.eval_report", "matplotlib", "datasette", "trafilatura", "feedgen",
         "prometheus_client", "feedparser", "apscheduler", "bot.sources.page_text", "numpy",
         "bot.extract", "bot.clustering", "bot.sources.probe", *SDKS)  # fmt: skip
# feedparser reads only what the fast RSS reader declines, apscheduler is the daemon's,
# page text (lxml.html, cssselect, trafilatura) is read only for pages, numpy is not
# needed by sqlite-utils for what the store writes, and extraction and clustering load
# when a cycle has new items (a cycle of 304s needs neither)


def loaded_by(code: str) -> set[str]:
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)  # fmt: skip
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if m in HEAVY or m.split(".")[0] in HEAVY}


def test_importing_the_cli_loads_no_command_module() -> None:
    modules = loaded_by("import bot.cli")
    assert heavy(modules) == set()
    assert not {
        m
        for m in modules
        if m.startswith(
            ("bot.cli.daemon", "bot.pipeline", "bot.cycle", "bot.recording", "bot.extract")
        )
    }


def test_resolving_poll_loads_only_what_poll_needs() -> None:
    code = "import click\nfrom bot.cli import main\nmain.get_command(click.Context(main), 'poll')"
    # the pipeline counts its work in bot/ops/counts: prometheus_client loads only to serve /metrics
    assert heavy(loaded_by(code)) == set()


def test_every_lazy_command_resolves_to_a_command_of_that_name() -> None:
    import click

    from bot.cli.main import LAZY_COMMANDS, main

    ctx = click.Context(main)
    for name in LAZY_COMMANDS:
        command = main.get_command(ctx, name)
        assert command is not None and command.name == name, name
    assert set(main.list_commands(ctx)) == set(LAZY_COMMANDS)


def test_clustering_loads_the_word_gates_and_lists_but_no_extraction_rule() -> None:
    # the polling process of a cold cycle clusters what its worker read: it needs the
    # word gates, the known-vendor forms and the common words, not the rules that read
    # an entry (bot.extract's names load when first asked for)
    modules = loaded_by("import bot.clustering, bot.cpu")
    assert {"bot.extract.gate", "bot.extract.known", "bot.extract.lexicon"} <= modules
    rules = ("reading", "classify", "scan", "attribution", "acts", "framing", "learned")
    assert not {f"bot.extract.{name}" for name in rules} & modules


def test_the_extract_package_still_hands_out_its_names() -> None:
    modules = loaded_by("from bot.extract import DataFileError, extract, known_vendors, rules")
    assert "bot.extract.reading" in modules
    import bot.extract

    assert bot.extract.extract is bot.extract.reading.extract
    try:
        bot.extract.no_such_name  # noqa: B018 - the attribute access is what is tested
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")
