"""Errors every stage may raise at the edge (kept low so that platform modules can
raise them without importing the configuration loader)."""

from __future__ import annotations


class ConfigError(Exception):
    """feeds.yaml or the environment is invalid; the message says where and how to fix it."""
