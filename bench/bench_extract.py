"""Extraction throughput on one core over a large generated stream.

    python bench/bench_extract.py [--items 60000] [--seed 7] [--runs 3]

The stream is generated here from templates (vendor policy changes in English,
French, German and Spanish; authority actions; launches, studies and calls;
ordinary tech and business news without any FR content). It prints items/s for
the whole mixed stream and for its FR-related part alone (the median of --runs
timed passes, after one warm-up pass; the target is 5,000 items/s), and the same
per second of this process's CPU time (which other processes on a shared machine
slow down far less than wall time). Not a test.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.extract import extract, warm_up  # noqa: E402
from bot.models import Entry  # noqa: E402

VENDORS = ["Amazon", "Microsoft", "IBM", "Google", "Meta", "Clearview AI", "NEC", "Idemia",
           "Axon", "Motorola Solutions", "Kairos", "Paravision", "FaceFirst", "Veritone",
           "Oosto", "SenseTime", "Megvii", "Hikvision", "PimEyes", "Rank One Computing"]  # fmt: skip
GROUPS = ["police departments", "law enforcement", "government agencies", "private companies"]
FR_EN = ["facial recognition", "face recognition software", "its face-matching service"]

RELEVANT = [
    ("{v} pauses sales of {fr} to {g} for one year",
     "{v} said on {d} it will stop offering {fr} to {g} until lawmakers pass rules."),
    ("{v} extends its moratorium on {fr} indefinitely",
     "The company said the pause for {g} will remain in place until further notice."),
    ("{v} exits the {fr} business",
     "{v} will no longer develop or sell {fr}, the chief executive wrote."),
    ("{v} settles lawsuit, agrees to stop selling {fr} to {g}",
     "Under the settlement, {v} is permanently barred from selling to most {g}."),
    ("{v} shuts down {fr} and deletes face templates",
     "{v} said it would delete more than a million face templates by {d}."),
    ("{v} restricts access to {fr}",
     "Customers must now apply and be approved before using the service."),
    ("{v} suspend la vente de reconnaissance faciale à la police",
     "{v} ne vendra plus sa technologie de reconnaissance faciale aux forces de l'ordre pendant un an."),
    ("{v} stoppt den Verkauf von Gesichtserkennung an die Polizei",
     "{v} wird seine Gesichtserkennung vorerst nicht mehr an Behörden verkaufen."),
    ("{v} suspende la venta de reconocimiento facial a la policía",
     "{v} no venderá su tecnología de reconocimiento facial a la policía durante un año."),
]  # fmt: skip
IRRELEVANT_FR = [
    ("City council votes to ban police use of {fr}",
     "The ordinance bars city agencies from buying {fr}; {v} declined to comment."),
    ("Regulator fines {v} over {fr} database",
     "The data protection authority ordered {v} to delete the images it collected."),
    ("Study finds {fr} misidentifies darker-skinned women",
     "Researchers tested systems from {v} and others on a new benchmark."),
    ("{v} launches new {fr} feature for doorbells",
     "The update adds named alerts for regular visitors."),
    ("Activists urge {v} to stop selling {fr} to {g}",
     "A coalition of civil rights groups asked the company to halt sales."),
    ("Shareholders reject proposal to ban {fr} sales at {v}",
     "The resolution failed to win a majority at the annual meeting."),
]  # fmt: skip
NEWS = [
    ("Chipmaker reports record quarterly revenue",
     "Shares rose 4% after the company raised its outlook for data-center demand."),
    ("New smartphone goes on sale with longer battery life",
     "Reviewers praised the display but noted the price increase over last year."),
    ("Streaming service adds live sports package",
     "Subscribers can add the package for a monthly fee starting next month."),
    ("Cloud provider opens new region in northern Europe",
     "The region offers three availability zones and renewable power."),
    ("Startup raises $40 million to build battery recycling plants",
     "The round was led by an infrastructure fund; the first plant opens in 2026."),
]  # fmt: skip


def generate(n: int, seed: int) -> list[tuple[Entry, bool]]:
    """``n`` entries (with a flag: FR-related) drawn from the templates above."""
    rng = random.Random(seed)
    start = datetime(2019, 1, 1, tzinfo=UTC)
    out: list[tuple[Entry, bool]] = []
    for i in range(n):
        roll = rng.random()
        pool, fr_related = (
            (RELEVANT, True)
            if roll < 0.2
            else (IRRELEVANT_FR, True)
            if roll < 0.4
            else (NEWS, False)
        )
        title, summary = rng.choice(pool)
        published = start + timedelta(hours=i)
        fill = {
            "v": rng.choice(VENDORS), "g": rng.choice(GROUPS), "fr": rng.choice(FR_EN),
            "d": (published + timedelta(days=rng.randint(0, 30))).strftime("%B %d"),
        }  # fmt: skip
        entry = Entry(
            feed_id="bench", key=f"b{i}", title=title.format(**fill),
            summary=summary.format(**fill), published=published,
        )  # fmt: skip
        out.append((entry, fr_related))
    return out


def rate(entries: list[Entry]) -> tuple[float, float]:
    """Items per second of wall time and of this process's CPU time (on a shared
    machine the CPU figure is the one that other processes do not slow down)."""
    started, cpu = time.perf_counter(), time.process_time()
    for entry in entries:
        extract(entry)
    return (
        len(entries) / (time.perf_counter() - started),
        len(entries) / max(time.process_time() - cpu, 1e-9),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=60_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    stream = generate(args.items, args.seed)
    warm_up()
    rate([e for e, _ in stream[:500]])  # fill the token cache
    mixed = [e for e, _ in stream]
    fr_only = [e for e, fr in stream if fr]
    print(
        f"items: {len(stream)} ({len(fr_only)} FR-related, {len(stream) - len(fr_only)} other news)"
    )
    for name, entries in (("mixed stream", mixed), ("FR-related items only", fr_only)):
        runs = [rate(entries) for _ in range(max(1, args.runs))]
        wall, cpu = [r[0] for r in runs], [r[1] for r in runs]
        listed = ", ".join(f"{r:,.0f}" for r in wall)
        print(
            f"{name}: {statistics.median(wall):,.0f} items/s (median of {listed}); "
            f"per CPU second {statistics.median(cpu):,.0f}"
        )


if __name__ == "__main__":
    main()
