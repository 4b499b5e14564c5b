"""The ``policybot`` command line (click)."""

from __future__ import annotations

from bot.cli.main import main

__all__ = ["main"]
