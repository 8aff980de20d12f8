"""Benchmark: the regions map, a region page, a topic page and filtered news.

    make bench-regions             # the demo content plus 2,000 news items
    .venv/bin/python bench/regions.py --items 2000

Runs on a scratch SQLite database in a temporary directory (or on
DATABASE_URL's database if it is set: use a scratch one). Loads the demo
content, adds ``--items`` news items spread over the last three years, each
about one or two regions and a topic, then prints, for each page, the number
of queries and the median time of ten requests through Django's test client,
with the map's counts cached and not.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
URLS = [
    "/",
    "/regions/",
    "/regions/cusco/",
    "/regions/cusco/?page=20",
    "/topics/",
    "/topics/mining/",
    "/news/?region=cajamarca&topic=mining&year={year}",
]


def setup(scratch):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "psg.settings.dev")
    os.environ["PSG_VAR_DIR"] = scratch
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo_content", verbosity=0)


def add_news(count):
    import datetime
    import random

    from django.utils import timezone

    from wagtail.models import Locale

    from psg.news.models import NewsIndexPage, NewsPage
    from psg.taxonomy.models import Region, Topic

    rng = random.Random(2026)  # noqa: S311 (reproducible test data)
    # English items, under the English section, with the English terms (the
    # demo site also has the Spanish tree and the terms' translations).
    english = Locale.get_default()
    index = NewsIndexPage.objects.get(locale=english)
    regions = list(Region.objects.filter(locale=english))
    topics = list(Topic.objects.filter(locale=english))
    today = timezone.localdate()
    for number in range(count):
        page = NewsPage(
            title=f"Bench item {number}",
            slug=f"bench-item-{number}",
            date=today - datetime.timedelta(days=rng.randrange(3 * 365)),
            teaser="A generated item for the benchmark.",
            kind=rng.choice(NewsPage.Kind.values),
        )
        index.add_child(instance=page)
        page.regions.set(rng.sample(regions, rng.choice((1, 2))))
        page.topics.set([rng.choice(topics)])
        page.save()


def measure(url, cold):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    assert client.get(url).status_code == 200, url
    times, queries = [], 0
    for _ in range(10):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
        queries = len(captured)
    return queries, statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="psg-bench-regions-") as scratch:
        setup(scratch)
        started = time.perf_counter()
        add_news(args.items)
        print(f"{args.items} news items added in {time.perf_counter() - started:.0f} s")
        from django.utils import timezone

        year = timezone.localdate().year
        print(f"{'page':<55} {'not cached':>18} {'cached':>18}")
        for url in URLS:
            url = url.format(year=year)
            cold_q, cold_ms = measure(url, cold=True)
            warm_q, warm_ms = measure(url, cold=False)
            print(
                f"{url:<55} {cold_q:>3} q {cold_ms:>8.1f} ms "
                f"{warm_q:>3} q {warm_ms:>8.1f} ms"
            )


if __name__ == "__main__":
    main()
