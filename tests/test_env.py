"""Configuration from the environment: .env files in their documented order, and the
POLICYBOT_* variables (the documented list is the code's list)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli.main import main as cli_main
from bot.config import ConfigError, load_config, setting_variables
from bot.env import load_environment

ROOT = Path(__file__).resolve().parent.parent
FEEDS = "feeds:\n  - name: Wire\n    url: https://wire.example/rss\n"


def test_the_documented_variables_are_the_code_s() -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(POLICYBOT_[A-Z_]+)` \|", doc, re.M))
    assert documented == set(setting_variables())
    used = set()
    for path in (ROOT / "bot").rglob("*.py"):
        used |= set(re.findall(r"\"(POLICYBOT_[A-Z_]+)\"", path.read_text(encoding="utf-8")))
    prefixes = {"POLICYBOT_", "POLICYBOT_OPS_"}  # the two generated families
    assert used - prefixes <= set(setting_variables()), used - prefixes


def test_env_files_next_to_feeds_then_current_folder_and_the_environment_wins(
    tmp_path: Path,
) -> None:
    here, conf = tmp_path / "here", tmp_path / "conf"
    here.mkdir()
    conf.mkdir()
    (here / ".env").write_text(
        f"POLICYBOT_FEEDS={conf / 'feeds.yaml'}\nA=from-cwd\nB=from-cwd\nC=from-cwd\n"
    )
    (conf / ".env").write_text("B=from-feeds-folder\nexport C='from-feeds-folder'\n")
    env, feeds = load_environment(None, {"C": "from-environment"}, here)
    assert feeds == conf / "feeds.yaml"
    assert (env["A"], env["B"], env["C"]) == ("from-cwd", "from-feeds-folder", "from-environment")
    # --feeds names another folder: its .env applies, not conf's
    other = tmp_path / "other"
    other.mkdir()
    env, feeds = load_environment(other / "feeds.yaml", {}, here)
    assert feeds == other / "feeds.yaml" and env["B"] == "from-cwd"


def test_the_cli_reads_a_dotenv_next_to_feeds_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conf = tmp_path / "conf"
    conf.mkdir()
    (conf / "feeds.yaml").write_text(FEEDS)
    (conf / ".env").write_text(f"POLICYBOT_DB={tmp_path / 'from-dotenv.db'}\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli_main, ["--feeds", str(conf / "feeds.yaml"), "subscriptions", "add", "slack:C0TEST"],
                                env={"POLICYBOT_DB": None})  # fmt: skip
    assert (tmp_path / "from-dotenv.db").exists(), result.output


def test_policybot_variables_override_feeds_yaml_and_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text("defaults:\n  interval: 15m\nops:\n  min_gap: 1h\n" + FEEDS)
    env = {"POLICYBOT_INTERVAL": "2h", "POLICYBOT_ALLOW_HOSTS": "[intranet.example]",
           "POLICYBOT_OPS_MIN_GAP": "0", "POLICYBOT_OPS_WEEKLY": "false"}  # fmt: skip
    config = load_config(path, env)
    assert config.settings.interval == 7200 and config.feeds[0].interval == 7200
    assert config.settings.allow_hosts == ("intranet.example",)
    assert (config.ops.min_gap, config.ops.weekly) == (0, False)
    assert load_config(path, {}).ops.min_gap == 3600
    with pytest.raises(ConfigError, match="POLICYBOT_CONCURRENCY"):
        load_config(path, {"POLICYBOT_CONCURRENCY": "lots"})
    with pytest.raises(ConfigError, match="POLICYBOT_OPS_FEED_FAILING_AFTER"):
        load_config(path, {"POLICYBOT_OPS_FEED_FAILING_AFTER": "soon"})
