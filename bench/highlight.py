"""Benchmark: search highlighting over hostile texts (docs/benchmarks.md).

    make bench-highlight
    .venv/bin/python bench/highlight.py --length 200000

Times ``snippet`` and ``highlight`` (psg.search.highlight) over texts made to
make a backtracking pattern slow: one long run of letters, long runs with a
query word's prefix repeated, and ordinary words that almost make the phrase.
Prints the median of five runs for each, in milliseconds. Needs no database.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ['"human rights" puno', '"consulta previa" mining', "aaaa", '"aa bb"']


def texts(length):
    return {
        "one run of letters": "a" * length,
        "a prefix repeated": "hum" * (length // 3),
        "near-phrases": ("human righteous humane " * (length // 23))[:length],
        "prefixes then a space": ("consultaconsulta " * (length // 17))[:length],
    }


def timed(call, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=200_000)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "psg.settings.test")
    import django

    django.setup()
    from psg.search.highlight import Matcher, highlight, snippet
    from psg.search.query import parse_query

    worst = 0.0
    print(f"{'text':24} {'query':28} {'snippet ms':>10} {'highlight ms':>12}")
    for name, text in texts(args.length).items():
        for query in QUERIES:
            matcher = Matcher(parse_query(query))
            snip = timed(lambda: snippet(text, matcher))  # noqa: B023
            full = timed(lambda: highlight(text, matcher), runs=1)  # noqa: B023
            worst = max(worst, snip)
            print(f"{name:24} {query:28} {snip:10.1f} {full:12.1f}")
    print(f"slowest snippet over {args.length:,} characters: {worst:.1f} ms")


if __name__ == "__main__":
    main()
