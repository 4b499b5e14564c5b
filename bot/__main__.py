"""``python -m bot`` and the ``policybot`` script: the command line.

Loading the command line takes a moment (seconds on a busy machine); a Ctrl-C or
SIGTERM in that moment ends policybot at once with one line, not a traceback
(``bot.stopping``).

Once a command has finished, the process ends without the interpreter's teardown
of every loaded module (about 0.1 s of CPU, a fifth of a one-shot ``poll``): exit
handlers run, output is flushed, then ``os._exit``. Only when no other thread is
still running and no profiler or tracer is attached; otherwise the ordinary exit.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading

from bot.stopping import exit_at_once


def main() -> None:
    with exit_at_once():
        from bot.cli import main as cli
    try:
        cli(prog_name="policybot")
    except SystemExit as done:
        finish(done)
        raise


def finish(done: SystemExit) -> None:
    """End the process now with ``done``'s status, when nothing else is running."""
    if threading.active_count() > 1:
        return  # a thread still at work: the ordinary exit joins it
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return  # a profiler or coverage writes its report after the command returns
    code = done.code
    if not isinstance(code, int):
        if code is not None:
            print(code, file=sys.stderr)
        code = 0 if code is None else 1
    atexit._run_exitfuncs()  # logging's flush, multiprocessing's clean-up, …
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing left to say
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
