"""Errors every stage may raise at the edge (kept low so that platform modules can
raise them without importing the configuration loader)."""

from __future__ import annotations


class ConfigError(Exception):
    """feeds.yaml or the environment is invalid; the message says where and how to fix it."""


_SECRET_WORDS = ("token", "secret", "password", "key")


def check_section(
    raw: dict[str, object], section: str, allowed: tuple[str, ...], where: str, *, secrets: str
) -> None:
    """Unknown keys of a feeds.yaml section are errors; keys that look like credentials
    say where credentials go instead (never in feeds.yaml)."""
    for key in raw:
        if any(word in str(key).lower() for word in _SECRET_WORDS):
            raise ConfigError(f"{where}: {section}.{key} must not be in feeds.yaml (it holds "
                              f"no secrets); set {secrets} in the environment or .env.")  # fmt: skip
    unknown = sorted(str(k) for k in set(raw) - set(allowed))
    if unknown:
        raise ConfigError(f"{where}: {section}: unknown key(s) {unknown}; allowed: "
                          f"{list(allowed)}.")  # fmt: skip
