"""``python -m bot`` and the ``policybot`` script: the command line.

Loading the command line takes a moment (seconds on a busy machine); a Ctrl-C or
SIGTERM in that moment ends policybot at once with one line, not a traceback
(``bot.stopping``).
"""

from __future__ import annotations

from bot.stopping import exit_at_once


def main() -> None:
    with exit_at_once():
        from bot.cli import main as cli
    cli(prog_name="policybot")


if __name__ == "__main__":
    main()
