"""Page text, sentence diff and the watch policy, without a server; migration 7."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import ConfigError, load_config
from bot.models import SentenceChange
from bot.sources import pages
from bot.sources.page_text import PageText, PageTextError, normalise_lines, page_text
from bot.sources.sentence_diff import diff, split_sentences
from store import Store
from tests import policy_pages as pp
from tests.old_schema import database_at


def text_of(fetch: int, clauses: list[str], selector: str | None = None) -> PageText:
    html = pp.render(title=pp.AXON_TITLE, vendor="Axon", clauses=clauses, fetch=fetch)
    return page_text(html.encode(), content_type="text/html; charset=utf-8", selector=selector)


@pytest.mark.parametrize("selector", [None, "#policy", "article"])
def test_page_furniture_and_volatile_parts_make_no_new_version(selector: str | None) -> None:
    first, later = text_of(1, pp.AXON_CLAUSES, selector), text_of(2, pp.AXON_CLAUSES, selector)
    assert first.digest == later.digest
    assert pp.AXON_CLAUSES[1] in first.sentences
    for furniture in ("cookies", "Skip to", "Products", "All rights reserved", "Last updated",
                      "Register now", "Page generated"):  # fmt: skip
        assert furniture not in first.text
    assert text_of(1, pp.AXON_CLAUSES[:-1], selector).digest != first.digest


def test_normalising_folds_whitespace_tokens_times_and_date_lines() -> None:
    lines = ["  Policy\u00a0text   here. ", "Last updated: 4 March 2024", "© 2026 Example Inc.",
             "Session a8f3c9e2b7d14f6a9c0e55 expires at 14:03 UTC.",
             "Effective 1 June 2025, customers may not identify people for police."]  # fmt: skip
    assert normalise_lines(lines) == [
        "Policy text here.", "Session … expires at ….",
        "Effective 1 June 2025, customers may not identify people for police.",
    ]  # fmt: skip


def test_a_selector_that_matches_nothing_or_a_non_html_answer_is_a_clear_error() -> None:
    html = pp.render(title="t", vendor="v", clauses=pp.AXON_CLAUSES).encode()
    with pytest.raises(PageTextError, match="matched nothing.*correct `selector:`"):
        page_text(html, content_type="text/html", selector="#gone")
    with pytest.raises(PageTextError, match="not an HTML page"):
        page_text(b"%PDF-1.7", content_type="application/pdf")


def test_sentences_split_at_ends_but_not_at_abbreviations_or_numbering() -> None:
    line = "1. Scope of use. Customers, e.g. agencies, may apply. Dr. Who agrees! Done"
    assert split_sentences(line) == [
        "1. Scope of use.", "Customers, e.g. agencies, may apply.", "Dr. Who agrees!", "Done",
    ]  # fmt: skip
    assert split_sentences("See clause 3.1. It applies. J. Doe signs.") == [
        "See clause 3.1.", "It applies.", "J. Doe signs.",
    ]  # fmt: skip


def test_diff_reports_added_removed_and_reworded_sentences_in_order() -> None:
    old = ["Intro stays.", "We do not sell to police.", "Audits happen yearly.", "Old tail."]
    new = ["Intro stays.", "We now sell to police.", "Audits happen yearly.", "Fresh clause."]
    assert diff(old, new) == [
        SentenceChange("changed", old="We do not sell to police.", new="We now sell to police."),
        SentenceChange("removed", old="Old tail."),
        SentenceChange("added", new="Fresh clause."),
    ]
    assert diff(old, old) == []


def watch(**values: object) -> pages.PageWatch:
    return pages.PageWatch(feed_id="p", name="P", url="https://p.example/", **values)  # type: ignore[arg-type]


def test_watch_policy_baseline_confirm_and_churn() -> None:
    a, b, c = (
        PageText((s,))
        for s in (
            "We do not sell to police.",
            "We now sell to police.",
            "Visit our booth at the fair.",
        )
    )
    assert pages.step(watch(), a, selector="").kind == "baseline"
    base = watch(current_hash=a.digest, current_text=a.text, last_hash=a.digest)
    assert pages.step(base, a, selector="").kind == "same"
    assert pages.step(base, a, selector="main").reason == "the selector changed"
    pending = pages.step(base, b, selector="")
    assert (pending.kind, pending.churn) == ("pending", 1)
    seen_b = watch(current_hash=a.digest, current_text=a.text, last_hash=b.digest,
                   last_text=b.text, churn=1)  # fmt: skip
    confirmed = pages.step(seen_b, b, selector="")
    assert confirmed.kind == "changed"
    assert confirmed.changes == (SentenceChange("changed", old=a.text, new=b.text),)
    churning = watch(current_hash=a.digest, current_text=a.text, last_hash=b.digest,
                     last_text=b.text, churn=pages.CHURN_LIMIT - 1)  # fmt: skip
    unstable = pages.step(churning, c, selector="")
    assert unstable.kind == "unstable" and unstable.note and "“Visit our booth" in unstable.note
    reported = watch(current_hash=a.digest, current_text=a.text, last_hash=c.digest,
                     churn=pages.CHURN_LIMIT, unstable_note=unstable.note)  # fmt: skip
    assert pages.step(reported, b, selector="").kind == "pending"  # not reported again
    agreeing = replace(reported, last_hash=b.digest, last_text=b.text)
    for streak in range(1, pages.CHURN_LIMIT):  # agreeing fetches, not yet settled
        settling = pages.step(agreeing, b, selector="")
        assert (settling.kind, settling.churn) == ("pending", -streak)
        agreeing = replace(agreeing, churn=settling.churn)
    settled = pages.step(agreeing, b, selector="")
    assert settled.kind == "baseline" and settled.note is None
    assert settled.changes == confirmed.changes  # kept for the history, not alerted


def test_config_accepts_pages_and_names_bad_page_options(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    head = "feeds:\n  - name: Vendor page\n    url: https://vendor.example/policy\n"
    path.write_text(head + "    kind: page\n    selector: '#policy'\n", encoding="utf-8")
    [page] = load_config(path, env={}).feeds
    assert (page.kind, page.selector) == ("page", "#policy")
    path.write_text(head + "    kind: page\n    selector: 'div[['\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"feeds\[1\].*selector 'div\[\[' is not valid CSS"):
        load_config(path, env={})
    path.write_text(head + "    kind: news\n    selector: main\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="only apply to policy pages; add 'kind: page'"):
        load_config(path, env={})


def test_migration_seven_applies_to_a_database_of_the_code_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    database_at(path, 6)
    store = Store.open(path)
    assert 7 in {int(r["version"]) for r in store.query("SELECT version FROM schema_migrations")}
    assert store.query("SELECT COUNT(*) AS n FROM page_versions")[0]["n"] == 0
    assert store.query("SELECT id FROM feeds") == [{"id": "wire"}]
    store.close()
