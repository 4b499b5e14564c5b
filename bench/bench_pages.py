"""Cost of watching policy pages: text extraction, normalising and sentence diff.

    python bench/bench_pages.py [--pages 200] [--clauses 60] [--runs 3]

Generates vendor policy pages (the test template: navigation, cookie banner,
rotating promo, footer with the date and a token) with ``--clauses`` paragraphs
of policy text each, then times, per page, on one core: the main-text path
(trafilatura), the selector path (lxml cssselect), and the sentence diff of two
versions that differ in three sentences. Prints the median of --runs passes. Not
a test.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.sources.page_text import page_text  # noqa: E402
from bot.sources.sentence_diff import diff  # noqa: E402
from tests import policy_pages  # noqa: E402

SUBJECTS = ["Customers", "Partners", "Public agencies", "Developers", "Resellers"]
VERBS = ["must document", "may not use", "should review", "are required to disclose"]
OBJECTS = ["each automated decision", "the face comparison feature", "their retention periods",
           "the data used for training", "any use by law enforcement"]  # fmt: skip


def clauses(rng: random.Random, count: int) -> list[str]:
    out = []
    for n in range(count):
        if n % 8 == 0:
            out.append(f"## Section {n // 8 + 1}")
        sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
                     f"under clause {n}.{k}." for k in range(rng.randint(1, 3))]  # fmt: skip
        out.append(" ".join(sentences))
    return out


def timed(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--clauses", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(7)
    bodies = []
    for n in range(args.pages):
        html = policy_pages.render(title=f"Policy {n}", vendor="Example",
                                   clauses=clauses(rng, args.clauses), fetch=n)  # fmt: skip
        bodies.append(html.encode())
    size = sum(map(len, bodies)) / len(bodies)
    page_text(bodies[0], content_type="text/html")  # warm-up: imports trafilatura
    texts = []

    def main_text() -> None:
        texts[:] = [page_text(b, content_type="text/html") for b in bodies]

    def selected() -> None:
        for body in bodies:
            page_text(body, content_type="text/html", selector="#policy")

    def diffs() -> None:
        for text in texts:
            new = list(text.sentences)
            for index in (len(new) // 4, len(new) // 2, 3 * len(new) // 4):
                new[index] = new[index].replace("must", "may")
            diff(list(text.sentences), new)

    main_s = timed(args.runs, main_text)
    sel_s = timed(args.runs, selected)
    diff_s = timed(args.runs, diffs)
    sentences = statistics.mean(len(t.sentences) for t in texts)
    print(f"{args.pages} pages, {size / 1024:.1f} KiB and {sentences:.0f} sentences each")
    print(f"main text (trafilatura): {main_s / args.pages * 1000:.2f} ms/page")
    print(f"selector (lxml cssselect): {sel_s / args.pages * 1000:.2f} ms/page")
    print(f"sentence diff, 3 changes: {diff_s / args.pages * 1000:.2f} ms/page")


if __name__ == "__main__":
    main()
