"""The Dockerfile, compose.yaml and the systemd unit name real commands, variables and
paths, and agree with each other; built or verified where the tools are here."""

from __future__ import annotations

import configparser
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path, PurePosixPath

import pytest
import yaml

from bot.cli.main import main as cli_main
from bot.config import setting_variables

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
SCRIPTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined."""
    text = re.sub(r"\\\n", " ", DOCKERFILE)
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            found.append((word.upper(), rest.strip()))
    return found


def env_of(pairs: list[tuple[str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for word, rest in pairs:
        if word == "ENV":
            env.update(dict(re.findall(r"(\w+)=(\S+)", rest)))
    return env


def test_dockerfile_copies_real_paths_runs_a_real_command_as_non_root() -> None:
    steps = instructions()
    assert steps[0][0] == "FROM" and "slim" in steps[0][1]
    for word, rest in steps:
        if word == "COPY":
            *sources, _ = rest.split()
            assert all((ROOT / s).exists() for s in sources), rest
    entry = json.loads(dict(steps)["ENTRYPOINT"])
    command = json.loads(dict(steps)["CMD"])
    assert entry == ["policybot"] and "policybot" in SCRIPTS
    assert command[0] in cli_main.commands
    users = [rest for word, rest in steps if word == "USER"]
    assert users and users[-1] not in ("root", "0")
    env = env_of(steps)
    assert set(env) & set(setting_variables()) == {k for k in env if k.startswith("POLICYBOT_")}
    volume = json.loads(dict(steps)["VOLUME"])
    assert str(PurePosixPath(env["POLICYBOT_DB"]).parent) in volume  # the database is on it
    port = env["POLICYBOT_HTTP"].rpartition(":")[2]
    assert f"127.0.0.1:{port}/healthz" in dict(steps)["HEALTHCHECK"]
    assert dict(steps)["EXPOSE"] == port
    copied_feeds = [r for w, r in steps if w == "COPY" and r.split()[-1] == env["POLICYBOT_FEEDS"]]
    assert copied_feeds, "POLICYBOT_FEEDS names a file the image does not hold"


def test_compose_runs_the_image_with_a_health_check_on_the_same_port() -> None:
    service = COMPOSE["services"]["policybot"]
    assert service["build"] == "."
    env = service["environment"]
    assert set(env) <= set(setting_variables())
    port = env["POLICYBOT_HTTP"].rpartition(":")[2]
    assert any("/healthz" in part and f":{port}" in part for part in service["healthcheck"]["test"])
    assert any(str(p).startswith(f"127.0.0.1:{port}:") for p in service["ports"])
    mounts = {str(v).split(":")[1] for v in service["volumes"]}
    assert str(PurePosixPath(env["POLICYBOT_DB"]).parent) in mounts
    assert env["POLICYBOT_FEEDS"] in mounts
    for volume in service["volumes"]:
        source = str(volume).split(":")[0]
        if source.startswith("./"):
            assert (ROOT / source).exists(), source


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(ROOT / "deploy" / "policybot.service", encoding="utf-8")
    return parser


def test_systemd_unit_runs_a_real_command_with_real_settings() -> None:
    service = unit()["Service"]
    program, *args = service["ExecStart"].split()
    assert Path(program).name in SCRIPTS and args[0] in cli_main.commands
    text = (ROOT / "deploy" / "policybot.service").read_text(encoding="utf-8")
    env = dict(re.findall(r"^Environment=(\w+)=(\S+)$", text, re.M))
    assert set(env) <= set(setting_variables())
    state = f"/var/lib/{service['StateDirectory']}"
    assert env["POLICYBOT_DB"].startswith(state + "/") and service["ReadWritePaths"] == state
    assert env["POLICYBOT_HTTP"].startswith("127.0.0.1:")  # loopback, as documented
    assert service["User"] != "root" and service["KillSignal"] == "SIGTERM"
    deploy_doc = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert program.rpartition("/bin/")[0] in deploy_doc  # the venv the docs create


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    """systemd's own parser; ExecStart pointed at this checkout's installed script."""
    here = Path(sys.executable).parent / "policybot"
    text = (ROOT / "deploy" / "policybot.service").read_text(encoding="utf-8")
    program = unit()["Service"]["ExecStart"].split()[0]
    local = tmp_path / "policybot.service"
    local.write_text(text.replace(program, str(here)), encoding="utf-8")
    done = subprocess.run(["systemd-analyze", "verify", str(local)], capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    problems = [line for line in (done.stdout + done.stderr).splitlines()
                if "policybot.service" in line]  # fmt: skip
    assert problems == [], problems


def docker_ready() -> bool:
    if shutil.which("docker") is None:
        return False
    return subprocess.run(["docker", "info"], capture_output=True, timeout=30).returncode == 0


@pytest.mark.skipif(not docker_ready(), reason="no running Docker daemon here")
def test_the_image_builds() -> None:
    done = subprocess.run(["docker", "build", "-q", "-t", "policybot:test", str(ROOT)],
                          capture_output=True, text=True, timeout=1200)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
