"""aiohttp's default TLS contexts read the system's CA roots on first use, not on import
(bot/sources/ca_roots.py): a poll over plain-HTTP feeds never pays for them, and a
context that is used verifies exactly as before."""

from __future__ import annotations

import json
import ssl
import subprocess
import sys
from pathlib import Path

from bot.sources.ca_roots import roots_on_first_use

ROOT = Path(__file__).resolve().parent.parent


def _stored_roots(context: ssl.SSLContext) -> int:
    """CA certificates in ``context``'s store, asked of the C type so nothing loads."""
    return int(ssl._ssl._SSLContext.cert_store_stats(context)["x509_ca"])  # type: ignore[attr-defined]


def test_contexts_made_in_the_block_read_their_roots_at_the_first_handshake() -> None:
    with roots_on_first_use():
        context = ssl.create_default_context()
    assert _stored_roots(context) == 0
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    context.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname="feeds.example")
    assert type(context) is ssl.SSLContext  # a plain context again
    assert _stored_roots(context) == _stored_roots(ssl.create_default_context()) > 0


def test_asking_for_the_store_reads_the_roots_too() -> None:
    with roots_on_first_use():
        context = ssl.create_default_context()
    assert context.cert_store_stats()["x509_ca"] > 0
    assert context.get_ca_certs() == ssl.create_default_context().get_ca_certs()


def test_contexts_made_outside_the_block_are_untouched() -> None:
    with roots_on_first_use():
        pass
    context = ssl.create_default_context()
    assert type(context) is ssl.SSLContext and _stored_roots(context) > 0


SCRIPT = """
import json, ssl
import bot.sources.fetch  # the first import of aiohttp in the process
from aiohttp import connector
verified = connector._SSL_CONTEXT_VERIFIED
before = ssl._ssl._SSLContext.cert_store_stats(verified)["x509_ca"]
verified.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname="feeds.example")
after = ssl._ssl._SSLContext.cert_store_stats(verified)["x509_ca"]
print(json.dumps([before, after, verified.verify_mode == ssl.CERT_REQUIRED]))
"""


def test_the_fetcher_loads_aiohttp_without_reading_the_roots() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          check=True, cwd=ROOT)  # fmt: skip
    before, after, verifying = json.loads(done.stdout.strip().splitlines()[-1])
    assert before == 0 and after > 0 and verifying
