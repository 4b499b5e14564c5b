"""Pure clustering logic in bot.events: words, signatures, rules, votes, status."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.events import matching, rules, status, votes
from bot.events import signatures as signals
from bot.models import Entry, Event, Finding

DAY = datetime(2021, 3, 1, 12, tzinfo=UTC)


def profile(
    *,
    vendor: str | None = "Acme Vision",
    action: str | None = "moratorium",
    product: str | None = "FaceFinder",
    actor: str = "vendor",
    relevant: bool = True,
    when: datetime = DAY,
    text: str = "Acme Vision pauses FaceFinder sales to police departments in Ohio",
    region: str | None = None,
) -> matching.Profile:
    entry = Entry(feed_id="f", key=text, title=text, summary="", published=when)
    finding = Finding(relevant=relevant, actor_type=actor, vendor=vendor, product=product,
                      action=action, region=region)  # fmt: skip
    return rules.finding_profile(entry, finding, when)


def test_terms_drop_function_words_generic_words_and_the_vendor() -> None:
    found = signals.terms("The Acme company said its facial recognition pauses in Ohio", ["Acme"])
    assert signals.stem("pauses") == signals.stem("paused") == signals.stem("pausing")
    assert "ohio" in found and signals.stem("pause") in found
    assert not {"the", "acme", "company", "said", "facial", "recognition"} & found


def test_vendor_key_ignores_case_accents_and_punctuation() -> None:
    assert signals.vendor_key("Clearview AI") == signals.vendor_key("  clearview-ai ")
    assert signals.vendor_key("Idémia") == "idemia"
    assert signals.vendor_key(None) == ""


def test_names_come_from_mid_sentence_capitals_and_skip_title_case_headlines() -> None:
    found = signals.names("Council in Springfield votes", "The vote in Springfield was close.")
    assert found == frozenset({"springfield"})
    assert signals.names("Big City Council Votes On Faces", "") == frozenset()


def test_near_duplicates_share_a_band_and_unrelated_texts_do_not() -> None:
    base = (
        "Acme Vision said on Tuesday it will stop selling its FaceFinder matching service "
        "to police departments for one year while lawmakers draft national rules for the "
        "technology, the company wrote in a post on its own newsroom blog"
    )
    copy = base.replace("on Tuesday", "on Wednesday")
    other = "Springfield council members voted to limit drone flights over public parks at night"
    assert set(signals.text_bands(base)) & set(signals.text_bands(copy))
    assert not set(signals.text_bands(base)) & set(signals.text_bands(other))
    sig = signals.minhash(signals.shingles(base))
    assert len(sig) == signals.NUM_HASHES
    assert signals.estimated_jaccard(sig, signals.minhash(signals.shingles(copy))) > 0.5


def test_one_pass_bands_equal_the_shingle_minhash_definition() -> None:
    # text_bands hashes shingles as it cuts them (repeats included); stored band rows
    # must stay exactly what band_hashes(minhash(shingles(text))) gives
    rng = random.Random(4)
    vocab = ["acme", "pauses", "sales", "to", "police", "in", "ohio", "zürich", "the", "a"]
    for n in (0, 1, 2, 3, 4, 7, 30, 120):
        for _ in range(40):
            text = " ".join(rng.choice(vocab) for _ in range(n))
            slow = signals.band_hashes(signals.minhash(signals.shingles(text)))
            assert signals.text_bands(text) == slow
    assert signals.text_bands("one two") == []  # too short to fill a band


def test_terms_drop_words_whose_stem_is_a_skipped_word() -> None:
    skip = signals.word_lists()["_skip"]
    word = next(
        w
        for w in sorted(skip)
        if len(w) >= 4 and w + "s" not in skip and signals.stem(w + "s") == w
    )
    assert signals.stem(word + "s") in skip
    assert signals.terms(f"{word}s springfield") == frozenset({"springfield"})
    # names keep a stem even when it is a skipped word: only the word itself is skipped
    assert signals.names("x", f"Vote in {word.title()}s and Ohio.") == {word, "ohio"}


def test_action_relations() -> None:
    assert matching.action_relation("ban", "ban") == "same"
    assert matching.action_relation("ban", "restriction") == "compatible"
    assert matching.action_relation("moratorium", "extension") == "compatible"
    assert matching.action_relation("shutdown", "reversal") == "conflict"
    assert matching.action_relation(None, "ban") == "unknown"


def test_same_vendor_in_the_news_cycle_joins_and_other_vendors_never_do() -> None:
    event = profile()
    later = profile(when=DAY + timedelta(days=3), text="Ohio police lose FaceFinder access")
    assert matching.decide(later, event) is not None
    assert matching.decide(profile(vendor="Other Corp"), event) is None


def test_a_year_later_never_joins_and_an_extension_is_a_new_event() -> None:
    event = profile()
    year = profile(action="extension", when=DAY + timedelta(days=330))
    assert matching.decide(year, event) is None
    weeks = profile(action="extension", when=DAY + timedelta(days=60))
    assert matching.decide(weeks, event) is None  # follow-ups must repeat the same action


def test_follow_up_weeks_later_joins_when_action_and_wording_agree() -> None:
    event = profile(text="Acme Vision pauses FaceFinder for Ohio police after Dayton audit")
    follow = profile(
        when=DAY + timedelta(days=40),
        text="Dayton audit: Ohio police still without FaceFinder as Acme pause holds",
    )
    assert matching.decide(follow, event) is not None
    reversal = profile(action="reversal", when=DAY + timedelta(days=40),
                       text="Dayton audit: Ohio police get FaceFinder back as Acme pause ends")  # fmt: skip
    assert matching.decide(reversal, event) is None


def test_different_products_of_one_vendor_stay_apart() -> None:
    event = profile(product="FaceFinder")
    other = profile(product="CrowdCount", when=DAY + timedelta(days=2),
                    text="Acme Vision restricts CrowdCount analytics for retailers")  # fmt: skip
    assert matching.decide(other, event) is None


def test_government_events_without_vendor_need_matching_words() -> None:
    city = profile(vendor=None, actor="government", relevant=False, action=None, product=None,
                   text="Lawmakers in Springfield approve a ban on police face scans", region="US")  # fmt: skip
    same = profile(vendor=None, actor="government", relevant=False, action=None, product=None,
                   when=DAY + timedelta(days=1), region="US",
                   text="Police in Springfield lose face scans after council ban vote")  # fmt: skip
    other = profile(vendor=None, actor="government", relevant=False, action=None, product=None,
                    when=DAY + timedelta(days=1), region="US",
                    text="Shelbyville mayor signs budget with new school buses")  # fmt: skip
    assert matching.decide(same, city) is not None
    assert matching.decide(other, city) is None


def test_vote_weighs_values_breaks_ties_by_first_seen_and_ignores_none() -> None:
    assert rules.vote([("a", 1.0), ("b", 2.0)]) == "b"
    assert rules.vote([("a", 1.0), ("b", 1.0)]) == "a"
    assert rules.vote([(None, 5.0), ("", 3.0), ("c", 0.1)]) == "c"
    assert rules.vote([]) is None
    assert rules.mention_weight(0.5, True) > rules.mention_weight(0.9, False)


def _event(**kw: object) -> Event:
    base: dict[str, object] = dict(
        id=1, key="k", relevant=True, actor_type="vendor", vendor="Amazon", product="Rekognition",
        action="moratorium", applies_to="police", region="US", effective=None, duration=None,
        title="t", evidence="", link=None, confidence=0.9,
        first_reported=datetime(2020, 6, 10, tzinfo=UTC),
    )  # fmt: skip
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def test_status_lines_take_the_latest_event_per_product() -> None:
    pause = _event(id=1, duration="1 year", effective=date(2020, 6, 10))
    extended = _event(id=2, action="extension", duration="indefinite",
                      first_reported=datetime(2021, 5, 18, tzinfo=UTC))  # fmt: skip
    exit_ = _event(id=3, product=None, action="exit", applies_to="everyone", region="global",
                   first_reported=datetime(2020, 7, 1, tzinfo=UTC))  # fmt: skip
    lines = status.status_lines("Amazon", [extended, pause, exit_])
    texts = [line.text for line in lines]
    assert texts == [
        "Amazon: exited since 2020-07",
        "Rekognition: police use paused indefinitely in US since 2021-05",
    ]
    assert status.status_text(pause, "Rekognition") == (
        "Rekognition: police use paused for 1 year in US since 2020-06"
    )


def test_running_tallies_give_the_vote_over_all_mentions_in_report_order() -> None:
    rng = random.Random(7)
    for _ in range(200):
        ballots = [
            (
                {"action": rng.choice(["ban", "moratorium", None, ""]), "vendor": "Acme",
                 "relevant": rng.random() < 0.7, "confidence": rng.random(),
                 "actor_type": rng.choice(["vendor", "vendor", "none"]),
                 "evidence": rng.choice(["", "said so", "wrote it"])},
                rng.choice([0.4, 0.8, 2.4]),
                f"2021-03-0{rng.randint(1, 4)}T00:00:00+00:00",
                n,
                rng.random() < 0.2,
                rng.choice(["A", "a", "B"]),
            )
            for n in range(rng.randint(1, 7))
        ]  # fmt: skip
        tally = votes.new_tally()
        for fields, weight, published, entry_id, primary, source in rng.sample(
            ballots, len(ballots)
        ):
            votes.add_ballot(tally, fields, weight, published=published, entry_id=entry_id,
                             primary=primary, title=f"t{entry_id}", link=None, source=source)  # fmt: skip
        tally = votes.loads(votes.dumps(tally)) or {}  # as stored and read back
        ordered = sorted(ballots, key=lambda b: (b[2], b[3]))
        got = votes.outcome(tally)
        # the action is voted by relevant mentions only; relevance by mentions with an actor
        # (an even split is relevant), and a relevant event's actor is the vendor
        relevant = [b for b in ordered if b[0]["relevant"]]
        with_actor = [b for b in ordered if b[0]["actor_type"] != "none"]
        assert got["action"] == rules.vote((b[0]["action"], b[1]) for b in relevant)
        yes = sum(b[1] for b in with_actor if b[0]["relevant"])
        no = sum(b[1] for b in with_actor if not b[0]["relevant"])
        assert got["relevant"] == (bool(with_actor) and yes + 1e-9 >= no)
        if got["relevant"]:
            assert got["actor_type"] == "vendor"
        assert got["vendor"] == rules.vote((b[0]["vendor"], b[1]) for b in ordered)
        lead = next((b for b in ordered if b[4]), ordered[0])
        assert got["title"] == f"t{lead[3]}"
        stated = [(b[1], b[0]["evidence"]) for b in ordered
                  if b[0]["action"] == got["action"] and b[0]["evidence"]]  # fmt: skip
        assert got["evidence"] == (max(stated, key=lambda s: s[0])[1] if stated else "")
        assert got["source_count"] == len({b[5].casefold() for b in ballots})
        assert got["confidence"] == max(float(str(b[0]["confidence"])) for b in ballots)


@pytest.mark.parametrize(
    ("names", "voted"),
    [
        (["Dorvane", "Dorvane", "Dorvane Labs"], "Dorvane Labs"),  # a report gave the long name
        (["Dorvane", "Dorvane", "Dorvane Match"], "Dorvane"),  # a product's name does not win
        (["Dorvane Labs", "Dorvane Labs", "Dorvane"], "Dorvane Labs"),
        (["Dorvane", "Dorvane", "Kestrel Labs"], "Dorvane"),  # another company's name
    ],
)
def test_an_events_vendor_is_the_companys_long_name_when_a_report_gives_it(
    names: list[str], voted: str
) -> None:
    tally = votes.new_tally()
    for n, name in enumerate(names):
        votes.add_ballot(tally, {"vendor": name, "relevant": True, "actor_type": "vendor"}, 1.0,
                         published=f"2024-01-0{n + 1}T00:00:00+00:00", entry_id=n,
                         primary=False, title="t", link=None, source=f"s{n}")  # fmt: skip
    assert votes.outcome(tally)["vendor"] == voted
