"""Watched policy pages end to end: a local server serving versions of realistic vendor
pages → the real fetcher, page text, sentence diff, extractor, clustering → console alerts."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.app import poll_and_deliver
from bot.chat.discord.embeds import to_embeds
from bot.chat.slack.blocks import build_blocks
from bot.cli import main
from bot.config import Config, load_config
from bot.poll_summary import PollSummary
from store import Store, event_reads
from store import pages as pages_store
from tests import feedserver
from tests import policy_pages as pp
from tests.feedserver import ALLOW_LOCAL, FeedServer
from tests.test_pipeline_e2e import item, rss

feed_server = feedserver.feed_server
HTML = "text/html; charset=utf-8"
AXON_WITH_CLAUSE = [*pp.AXON_CLAUSES[:4], pp.AXON_POLICE_CLAUSE, *pp.AXON_CLAUSES[4:]]
AZURE_WITHOUT = [c for c in pp.AZURE_CLAUSES if c != pp.AZURE_COMMITMENT]


class Site:
    """The two vendor pages (and a news feed) on the local server; every ``serve``
    is a new request's page: new token, time, banner and date."""

    def __init__(self, server: FeedServer, tmp_path: Path, extra: str = "") -> None:
        self.server, self.fetches = server, 0
        self.axon, self.azure = list(pp.AXON_CLAUSES), list(pp.AZURE_CLAUSES)
        self.rekognition = list(pp.REKOGNITION_CLAUSES)
        path = tmp_path / "feeds.yaml"
        path.write_text(
            "defaults:\n  interval: 6h\n" + ALLOW_LOCAL + "feeds:\n"
            f"  - name: Newswire\n    url: {server.url('/news.xml')}\n    kind: news\n"
            f"  - name: Axon AI ethics\n    url: {server.url('/axon/ethics')}\n    kind: page\n"
            f"  - name: Azure Face transparency\n    url: {server.url('/azure/face')}\n"
            "    kind: page\n    vendor: Microsoft\n"
            f"  - name: Rekognition terms\n    url: {server.url('/aws/rekognition')}\n"
            "    kind: page\n    vendor: Amazon\n" + extra,
            encoding="utf-8",
        )
        self.config_path = path
        self.config: Config = load_config(path, env={})
        self.store = Store.open(tmp_path / "bot.db")
        self.news: list[str] = []

    def serve(self) -> None:
        self.fetches += 1
        for path, title, vendor, clauses in (
            ("/axon/ethics", pp.AXON_TITLE, "Axon", self.axon),
            ("/azure/face", pp.AZURE_TITLE, "Microsoft", self.azure),
            ("/aws/rekognition", pp.REKOGNITION_TITLE, "Amazon", self.rekognition),
        ):
            page = pp.render(title=title, vendor=vendor, clauses=clauses, fetch=self.fetches)
            self.server.set(path, page, content_type=HTML)
        self.server.set("/news.xml", rss(*self.news))

    def poll(self) -> tuple[PollSummary, str]:
        self.serve()
        out = io.StringIO()
        summary, _ = asyncio.run(
            poll_and_deliver(self.store, self.config, include_all=True, stream=out)
        )
        return summary, out.getvalue()

    def alerts(self) -> list[dict[str, object]]:
        return self.store.query(
            "SELECT d.event_id, e.vendor, e.action, e.applies_to, e.evidence FROM deliveries d"
            " JOIN events e ON e.id = d.event_id WHERE d.kind = 'alert' ORDER BY d.id"
        )

    def cli(self, *args: str) -> str:
        result = CliRunner().invoke(
            main, ["--feeds", str(self.config_path), "--db", str(self.store.path), *args]
        )
        assert result.exit_code == 0, result.output
        return result.output


@pytest.fixture
def site(tmp_path: Path, feed_server: FeedServer) -> Iterator[Site]:
    made = Site(feed_server, tmp_path)
    yield made
    made.store.close()


def test_baseline_and_cosmetic_changes_never_alert(site: Site) -> None:
    summary, printed = site.poll()
    assert summary.fetched == 4 and summary.errors == () and printed == ""
    for _ in range(3):  # new date, time, token, banner on every request
        summary, printed = site.poll()
        assert printed == "" and summary.alerts == 0
    assert site.alerts() == []
    versions = site.store.query("SELECT feed_id, seq, baseline FROM page_versions ORDER BY id")
    assert [(v["seq"], v["baseline"]) for v in versions] == [(1, 1)] * 3
    texts = site.store.query("SELECT text FROM page_texts")
    assert all("cookie" not in t["text"].lower() and "Page generated" not in t["text"]
               for t in texts)  # fmt: skip
    requests = site.server.requests_for("/axon/ethics")
    assert requests[0].headers["accept"].startswith("text/html")


def test_an_added_police_clause_alerts_once_with_before_and_after(site: Site) -> None:
    site.poll()
    site.axon = AXON_WITH_CLAUSE
    summary, printed = site.poll()
    assert summary.alerts == 0 and printed == ""  # seen once: waits for a second fetch
    summary, printed = site.poll()
    assert summary.alerts == 1
    [alert] = site.alerts()
    assert (alert["vendor"], alert["action"], alert["applies_to"]) == ("Axon", "ban", "police")
    assert alert["evidence"] == f"Added: {pp.AXON_POLICE_CLAUSE}"
    assert pp.AXON_POLICE_CLAUSE in printed and "Primary source: Axon AI ethics" in printed
    assert site.server.url("/axon/ethics#:~:text=We%20will%20not%20sell") in printed
    event = event_reads.get_event(site.store, int(str(alert["event_id"])), with_mentions=True)
    assert event is not None and [m.primary for m in event.mentions] == [True]
    assert site.poll()[0].alerts == 0  # unchanged since: nothing more
    assert len(site.alerts()) == 1


def test_a_304_on_the_second_fetch_confirms_a_change(site: Site) -> None:
    site.poll()
    site.azure = AZURE_WITHOUT
    site.serve()
    page = pp.render(title=pp.AZURE_TITLE, vendor="Microsoft", clauses=site.azure)
    site.server.set("/azure/face", page, content_type=HTML, etag='"v2"')
    site.serve = lambda: None  # type: ignore[method-assign]  # keep serving it with its ETag
    first, _ = site.poll()
    assert first.alerts == 0
    second, _ = site.poll()
    assert (second.not_modified, second.alerts) == (1, 1)  # 304 for the page, one alert
    assert site.server.requests_for("/azure/face")[-1].headers["if-none-match"] == '"v2"'


def test_a_removed_commitment_is_a_reversal(site: Site) -> None:
    site.poll()
    site.azure = AZURE_WITHOUT
    site.poll()
    summary, printed = site.poll()
    assert summary.alerts == 1
    [alert] = site.alerts()
    assert (alert["vendor"], alert["action"], alert["applies_to"]) == (
        "Microsoft", "reversal", "police",
    )  # fmt: skip
    assert alert["evidence"] == f"Removed: {pp.AZURE_COMMITMENT}"
    assert "Microsoft lifts its limits on facial recognition for police" in printed


def test_a_reworded_sentence_shows_old_and_new_wording(site: Site) -> None:
    site.poll()
    site.rekognition = [pp.REKOGNITION_INDEFINITE if c == pp.REKOGNITION_PAUSE else c
                        for c in pp.REKOGNITION_CLAUSES]  # fmt: skip
    site.poll()
    summary, printed = site.poll()
    [change] = pages_store.versions(site.store, "rekognition-terms")[-1].changes
    assert (change.kind, change.old, change.new) == (
        "changed", pp.REKOGNITION_PAUSE, pp.REKOGNITION_INDEFINITE,
    )  # fmt: skip
    assert summary.alerts == 1
    [alert] = site.alerts()
    assert (alert["vendor"], alert["action"]) == ("Amazon", "extension")
    assert alert["evidence"] == f"Was: {pp.REKOGNITION_PAUSE} → Now: {pp.REKOGNITION_INDEFINITE}"
    assert "Amazon extends its pause on" in printed


def test_history_lists_every_version_and_the_diff(site: Site) -> None:
    site.poll()
    site.axon = AXON_WITH_CLAUSE
    site.poll()
    site.poll()
    site.axon = list(pp.AXON_CLAUSES)  # the clause goes again: version 3, same text as 1
    site.poll()
    site.poll()
    history = site.cli("page-history", "axon")
    lines = [line for line in history.splitlines() if line.startswith("v")]
    assert [line.split()[0] for line in lines] == ["v1", "v2", "v3"]
    assert "baseline (first fetch)" in lines[0] and "1 sentence added" in lines[1]
    assert lines[0].split()[3] == lines[2].split()[3]  # same text, same hash, stored once
    assert site.store.query("SELECT COUNT(*) AS n FROM page_texts")[0]["n"] == 4  # 2 + 2 others
    diff = site.cli("page-history", "Axon AI ethics", "--diff", "3")
    assert f"- {pp.AXON_POLICE_CLAUSE}" in diff
    listed = json.loads(site.cli("pages", "--json"))
    axon = next(p for p in listed if p["id"] == "axon-ai-ethics")
    assert axon["versions"] == 3 and axon["last_change"]["version"] == 3
    assert "Axon AI ethics: ok · last change:" in site.cli("pages")


def test_a_page_that_changes_on_every_fetch_is_reported_once(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    extra = (
        f"  - name: Ticker page\n    url: {feed_server.url('/ticker')}\n    kind: page\n"
        "    selector: '#live'\n    vendor: Axon\n"
    )
    site = Site(feed_server, tmp_path, extra)
    reports = []
    for n in range(8):
        # the selector takes in a live box whose headline rotates on every request
        headline = f"Axon will not sell face recognition to police agencies in region {n}."
        feed_server.set("/ticker", f"<html><body><div id='live'><p>{headline}</p>"
                        "<p>Our policy is reviewed every year.</p></div></body></html>",
                        content_type=HTML)  # fmt: skip
        summary, printed = site.poll()
        assert printed == "" and summary.alerts == 0
        reports += [e for e in summary.errors if "Ticker page" in e]
    assert len(reports) == 1
    assert "differed on each of the last 3 fetches" in reports[0]
    assert "selector '#live' takes in changing content" in reports[0]
    assert "Ticker page: unstable" in site.cli("pages")
    for _ in range(4):  # the box stops rotating: stable again, re-baselined, no alert
        summary, printed = site.poll()
        assert printed == "" and summary.alerts == 0 and summary.errors == ()
    assert "Ticker page: ok" in site.cli("pages")
    assert "baseline (settled after changing on every fetch" in site.cli("page-history", "ticker")
    site.store.close()


def test_a_page_change_and_news_of_it_are_one_event_in_either_order(site: Site) -> None:
    site.poll()
    site.axon = AXON_WITH_CLAUSE  # the page first
    site.poll()
    site.poll()
    site.news = [item("axon-1", "Axon bars police from face recognition on body cameras",
                      "Axon said it will not sell face recognition for body-worn cameras to "
                      "police departments.")]  # fmt: skip
    summary, _ = site.poll()
    assert summary.alerts == 0 and summary.follow_ups == 1
    site.news.append(item("ms-1", "Microsoft lifts its ban on police use of facial recognition",
                          "Microsoft has reversed its policy and will again sell facial "
                          "recognition technology to police departments in the United States."))  # fmt: skip
    summary, _ = site.poll()  # the news first ...
    assert summary.alerts == 1
    site.azure = AZURE_WITHOUT  # ... then the page
    site.poll()
    summary, _ = site.poll()
    assert summary.alerts == 0 and summary.follow_ups == 1
    assert len(site.alerts()) == 2


def test_frpolicy_page_shows_the_last_change_on_every_platform(site: Site) -> None:
    from bot.commands.core import handle_text
    from bot.commands.spec import Caller

    site.poll()
    site.azure = AZURE_WITHOUT
    site.poll()
    site.poll()
    caller = Caller(platform="slack", user_id="U1", workspace="T1", channel="C1")
    message = handle_text(site.store, caller, "page azure")
    assert f"- {pp.AZURE_COMMITMENT}" in message.text and "version 2" in message.text
    blocks = json.dumps(build_blocks(message)[1])
    embeds = json.dumps(to_embeds(message))
    assert "police departments in the United States" in blocks and "police" in embeds
    listing = handle_text(site.store, caller, "page").text
    assert "Axon AI ethics" in listing and "Azure Face transparency" in listing
    assert "No watched page" in handle_text(site.store, caller, "page nothing-like-it").text
    help_text = handle_text(site.store, caller, "help").text  # the help lists it
    assert any(line.startswith("/frpolicy page [NAME]") for line in help_text.splitlines())


def test_a_selector_that_matches_nothing_fails_that_page_only(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    extra = (
        f"  - name: Redesigned page\n    url: {feed_server.url('/redesigned')}\n    kind: page\n"
        "    selector: '#policy-text'\n"
    )
    site = Site(feed_server, tmp_path, extra)
    feed_server.set("/redesigned", "<html><body><main><p>New layout.</p></main></body></html>",
                    content_type=HTML)  # fmt: skip
    summary, _ = site.poll()
    assert (summary.fetched, summary.failed) == (4, 1)  # the other pages took their baseline
    [error] = summary.errors
    assert "page 'Redesigned page'" in error and "selector '#policy-text' matched nothing" in error
    assert "correct `selector:` for this page in feeds.yaml" in error
    listing = site.cli("pages")
    assert "Redesigned page: failing" in listing and "matched nothing" in listing
    site.store.close()
