"""Benchmark: the site search over 100,000 generated news items.

    make bench-search                                  # SQLite, then PostgreSQL
    .venv/bin/python bench/search.py --database sqlite --items 100000

For each database: a scratch database (SQLite in a temporary directory;
PostgreSQL ``psg_bench_search`` on postgres://postgres@127.0.0.1:5432, created
and dropped here), 100,000 news items of realistic length written with bulk
inserts (titles of 8-14 words, teasers of ~40, bodies of 400-900, from a
vocabulary of English and Spanish words about Peru, the region and topic names
and a long tail of place and family names; fixed seed), the search index built
by ``manage.py update_index``, then 200 varied queries through the code path
of /search/ (psg.search.views.search, rendering included). Prints the index
build time and the p50/p95 latency of the search (query, ranking, the page of
results with snippets) and of the whole response.
"""

import argparse
import datetime
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = "psg_bench_search"
SEED = 20261122

ENGLISH = """
the of and to in a for on that is was with by as at from government
community communities mining mine mines miners water rights human protest
protests police army state emergency president congress minister ministry
election elections vote reform law court judge prosecutor justice memory
victims violence conflict conflicts land indigenous consultation prior
company companies project projects copper gold oil gas pipeline river
rivers lake forest forests amazon deforestation climate change drought
floods farmers peasant women gender health education poverty inequality
economy growth export exports tax corruption bribery investigation report
reports commission truth reconciliation reparations sterilisations forced
defenders leaders killed threatened arrested released strike road roads
blockade dialogue agreement talks regional local national international
authorities environment environmental pollution spill contamination
license permit concession concessions study impact assessment ombudsman
office civil society organisations network support group london lima
british embassy united kingdom funding aid development program campaign
letter analysis editorial news update bulletin meeting event parliament
vacancy impeachment coup transition interim democracy constitution
constitutional referendum decree declared suspended resumed announced
demanded rejected approved signed promised denied accused alleged
""".split()

SPANISH = """
el la los las de del y en que por con para una un comunidad comunidades
campesinas nativas derechos humanos consulta previa minería minera mineras
agua tierra territorio pueblos indígenas defensoría pueblo gobierno regional
congreso presidente ministerio fiscalía poder judicial protesta protestas
paro estado emergencia conflicto conflictos sociales empresa proyecto
cobre oro petróleo oleoducto río lago bosque amazonía selva sierra costa
cambio climático sequía heladas agricultores mujeres salud educación pobreza
desigualdad economía corrupción investigación informe comisión verdad
reconciliación reparaciones esterilizaciones forzadas defensores dirigentes
asesinados amenazados detenidos liberados huelga carretera bloqueo diálogo
acuerdo mesa autoridades ambiente contaminación derrame licencia concesión
estudio impacto ambiental sociedad civil organizaciones red apoyo elecciones
vacancia constitución reforma política justicia memoria víctimas violencia
rondas campesinas comuneros dirigente alcalde gobernador prefecto
""".split()

PHRASES = [
    "consulta previa",
    "derechos humanos",
    "human rights",
    "state of emergency",
    "Las Bambas",
    "prior consultation",
    "comunidades campesinas",
    "Truth and Reconciliation",
    "Defensoría del Pueblo",
    "rondas campesinas",
    "informal mining",
    "climate change",
    "forced sterilisations",
    "social conflict",
]

SYLLABLES = """
ca cha chu qui hua pa ma ta co yu ri llo ña mar quis pam pi to ba cu na
lla ra mo sa ya ja ti ro que bam ay ac ol lan tay poc chi ha yo pu
""".split()


def vocabulary(rng, regions, topics):
    """(words, cumulative weights): a Zipf curve from common words to a long
    tail of generated place and family names."""
    head = ENGLISH + SPANISH
    rng.shuffle(head)
    names = [word for name in regions + topics for word in name.split()]
    # Region and topic names sit among the fairly common words.
    words = head[:60] + names + head[60:]
    seen = set(words)
    while len(words) < 6000:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4)))
        if name not in seen:
            seen.add(name)
            words.append(name.capitalize() if rng.random() < 0.5 else name)
    cumulative, total = [], 0.0
    for rank, _word in enumerate(words, start=1):
        total += 1 / rank**1.05
        cumulative.append(total)
    return words, cumulative


class Writer:
    """Text of realistic lengths from the vocabulary."""

    def __init__(self, rng, words, cumulative):
        self.rng, self.words, self.cumulative = rng, words, cumulative

    def words_of(self, count):
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self, count):
        chosen = self.words_of(count)
        chosen[0] = chosen[0].capitalize()
        return " ".join(chosen)

    def title(self):
        return self.sentence(self.rng.randint(8, 14))

    def teaser(self):
        return self.sentence(self.rng.randint(34, 46)) + "."

    def body(self):
        remaining = self.rng.randint(400, 900)
        paragraphs = []
        while remaining > 0:
            size = min(remaining, self.rng.randint(60, 130))
            remaining -= size
            text = self.words_of(size)
            if self.rng.random() < 0.35:
                text.insert(self.rng.randrange(len(text)), self.rng.choice(PHRASES))
            sentences, start = [], 0
            while start < len(text):
                length = self.rng.randint(12, 25)
                sentence = " ".join(text[start : start + length])
                sentences.append(sentence[:1].upper() + sentence[1:] + ".")
                start += length
            paragraphs.append(
                {
                    "type": "paragraph",
                    "value": "<p>" + " ".join(sentences) + "</p>",
                    "id": str(uuid.UUID(int=self.rng.getrandbits(128))),
                }
            )
        return paragraphs


def generate(count, rng):
    """Write ``count`` news items under a new news index, with bulk inserts."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone

    from wagtail.models import Locale, Page, Site

    from psg.news.models import NewsIndexPage, NewsPage
    from psg.taxonomy.models import Region, Topic

    regions = list(Region.objects.order_by("pk"))
    topics = list(Topic.objects.order_by("pk"))
    words, cumulative = vocabulary(
        rng, [r.name for r in regions], [t.name for t in topics]
    )
    writer = Writer(rng, words, cumulative)
    home = Site.objects.get(is_default_site=True).root_page
    locale = Locale.get_default()
    index = NewsIndexPage.objects.filter(locale=locale).first()
    if index is None:
        index = home.add_child(instance=NewsIndexPage(title="News", slug="news"))
    content_type = ContentType.objects.get_for_model(NewsPage)
    now = timezone.now()
    first_day = datetime.date(1995, 1, 1).toordinal()
    last_day = datetime.date(2026, 10, 31).toordinal()
    depth = index.depth + 1
    news_fields = NewsPage._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in news_fields)
    insert = (
        f"INSERT INTO {NewsPage._meta.db_table} ({columns}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(news_fields))})"
    )
    region_through = NewsPage._meta.get_field("regions").remote_field.through
    topic_through = NewsPage._meta.get_field("topics").remote_field.through
    batch = 2000
    for start in range(0, count, batch):
        numbers = range(start, min(count, start + batch))
        pages, items = [], []
        for number in numbers:
            title = writer.title()
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=f"item-{number}",
                    content_type=content_type,
                    path=NewsIndexPage._get_path(index.path, depth, number + 1),
                    depth=depth,
                    numchild=0,
                    url_path=f"{index.url_path}item-{number}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    locale=locale,
                    translation_key=uuid.UUID(int=rng.getrandbits(128)),
                )
            )
            items.append(
                {
                    "date": datetime.date.fromordinal(rng.randint(first_day, last_day)),
                    "teaser": writer.teaser(),
                    "body": writer.body(),
                    "kind": rng.choice(["news"] * 6 + ["analysis", "letter"]),
                    "regions": rng.sample(regions, rng.choice([1, 1, 2])),
                    "topics": rng.sample(topics, rng.choice([1, 2])),
                }
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            rows, region_links, topic_links = [], [], []
            for page, item in zip(pages, items, strict=True):
                news = NewsPage(
                    page_ptr_id=page.pk,
                    date=item["date"],
                    teaser=item["teaser"],
                    body=item["body"],
                    kind=item["kind"],
                )
                rows.append(
                    [
                        f.get_db_prep_save(getattr(news, f.attname), connection)
                        for f in news_fields
                    ]
                )
                region_links += [
                    region_through(newspage_id=page.pk, region_id=region.pk)
                    for region in item["regions"]
                ]
                topic_links += [
                    topic_through(newspage_id=page.pk, topic_id=topic.pk)
                    for topic in item["topics"]
                ]
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
            region_through.objects.bulk_create(region_links)
            topic_through.objects.bulk_create(topic_links)
    Page.objects.filter(pk=index.pk).update(numchild=count)
    return words, regions, topics


def queries(rng, words, regions, topics):
    """200 varied searches: (parameters, label)."""
    common = [w for w in words[:40] if len(w) > 3]
    middle = [w for w in words[200:600] if len(w) > 3]
    rare = words[3000:]
    accented = ["Apurímac", "Junín", "Huánuco", "Áncash", "San Martín", "minería"]
    plain = ["apurimac", "junin", "huanuco", "ancash", "san martin", "mineria"]
    years = [str(year) for year in range(1996, 2026)]
    kinds = [
        ("common word", lambda: {"q": rng.choice(common)}),
        ("middle word", lambda: {"q": rng.choice(middle)}),
        ("rare word", lambda: {"q": rng.choice(rare)}),
        ("two words", lambda: {"q": f"{rng.choice(common)} {rng.choice(middle)}"}),
        ("two middle words", lambda: {"q": " ".join(rng.sample(middle, 2))}),
        ("rare and common", lambda: {"q": f"{rng.choice(rare)} {rng.choice(common)}"}),
        ("accented", lambda: {"q": rng.choice(accented)}),
        ("unaccented", lambda: {"q": rng.choice(plain)}),
        ("phrase", lambda: {"q": f'"{rng.choice(PHRASES)}"'}),
        (
            "phrase and word",
            lambda: {"q": f'"{rng.choice(PHRASES)}" {rng.choice(middle)}'},
        ),
        (
            "word, region",
            lambda: {"q": rng.choice(middle), "region": rng.choice(regions).slug},
        ),
        (
            "common word, topic",
            lambda: {"q": rng.choice(common), "topic": rng.choice(topics).slug},
        ),
        ("word, year", lambda: {"q": rng.choice(middle), "year": rng.choice(years)}),
        (
            "common word, region, topic, year",
            lambda: {
                "q": rng.choice(common),
                "region": rng.choice(regions).slug,
                "topic": rng.choice(topics).slug,
                "year": rng.choice(years),
            },
        ),
        (
            "rare word, kind",
            lambda: {"q": rng.choice(rare), "kind": "news"},
        ),
        (
            "common word by date",
            lambda: {"q": rng.choice(common), "sort": "date"},
        ),
        (
            "middle word, page 3",
            lambda: {"q": rng.choice(middle), "page": "3"},
        ),
        (
            "hostile",
            lambda: {
                "q": rng.choice(
                    [
                        '"unbalanced quote mining',
                        "NEAR(water mine) OR * ^ : ( ) -",
                        "'; DROP TABLE wagtailcore_page; --",
                        "x" * 10_000,
                    ]
                )
            },
        ),
    ]
    chosen = []
    for number in range(200):
        label, make = kinds[number % len(kinds)]
        chosen.append((make(), label))
    return chosen


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure(searches):
    """Run each search twice through the view; time the second run."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from psg.search import engine
    from psg.search import views as search_views
    from psg.search.query import parse_query

    factory = RequestFactory()
    engine_times, cpu_times, view_times, slowest = [], [], [], []
    for params, label in searches:
        wanted = search_views.SearchRequest(params)
        request = factory.get("/search/", params)
        request.user = AnonymousUser()
        for _attempt in range(2):
            started = time.perf_counter()
            cpu_started = time.process_time()
            results = engine.search(
                parse_query(params["q"]),
                wanted.filters,
                sort=wanted.sort,
                page_number=wanted.page_number,
            )
            middle = time.perf_counter()
            cpu = time.process_time() - cpu_started
            response = search_views.search(request)
            response.render()
            finished = time.perf_counter()
            assert response.status_code == 200
        engine_times.append((middle - started) * 1000)
        cpu_times.append(cpu * 1000)
        view_times.append((finished - middle) * 1000)
        slowest.append((engine_times[-1], label, params, results.total))
    slowest.sort(key=lambda item: item[0], reverse=True)
    return engine_times, cpu_times, view_times, slowest


def child(args):
    """One database's run (a process of its own: Django's settings are fixed
    once set up)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from psg.news.models import NewsPage

    rng = random.Random(SEED)
    call_command("migrate", verbosity=0)
    generated = indexed = 0.0
    if args.reuse and NewsPage.objects.exists():
        # A kept database: the same words, without writing them again.
        from psg.taxonomy.models import Region, Topic

        regions = list(Region.objects.order_by("pk"))
        topics = list(Topic.objects.order_by("pk"))
        words, _ = vocabulary(rng, [r.name for r in regions], [t.name for t in topics])
    else:
        started = time.perf_counter()
        words, regions, topics = generate(args.items, rng)
        generated = time.perf_counter() - started
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        with connection.cursor() as cursor:
            # Fresh statistics, as autovacuum (PostgreSQL) would gather them.
            cursor.execute("ANALYZE")
        indexed = time.perf_counter() - started
    searches = queries(random.Random(SEED + 1), words, regions, topics)
    engine_times, cpu_times, view_times, slowest = measure(searches)
    print(
        f"database={connection.vendor} items={args.items} "
        f"generate_s={generated:.1f} index_build_s={indexed:.1f} "
        f"queries={len(engine_times)} "
        f"search_p50_ms={statistics.median(engine_times):.1f} "
        f"search_p95_ms={percentile(engine_times, 0.95):.1f} "
        # This process's CPU time: all of SQLite's work, none of PostgreSQL's.
        f"search_cpu_p50_ms={statistics.median(cpu_times):.1f} "
        f"search_cpu_p95_ms={percentile(cpu_times, 0.95):.1f} "
        f"page_p50_ms={statistics.median(view_times):.1f} "
        f"page_p95_ms={percentile(view_times, 0.95):.1f} "
        # Other work on the machine slows every figure; this says how much.
        f"load_average={os.getloadavg()[0]:.1f}",
        flush=True,
    )
    if args.verbose:
        by_kind = {}
        for elapsed, label, _params, _total in slowest:
            by_kind.setdefault(label, []).append(elapsed)
        print("  search time by kind of search: median / slowest")
        for label, times in sorted(by_kind.items(), key=lambda item: -max(item[1])):
            median = statistics.median(times)
            print(f"  {label:34} {median:7.1f} / {max(times):7.1f} ms")
        print("  the slowest searches")
        for elapsed, label, params, total in slowest[:12]:
            print(f"  {elapsed:7.1f} ms  {label:34} {total:5} results  {params}")
    return percentile(engine_times, 0.95)


def run(database, items, verbose, keep=None):
    """Prepare the scratch database and run ``child`` in a new process.

    ``keep``: a folder for the SQLite database, kept (and used again) along
    with the PostgreSQL database, to time changes to the search without
    generating the items again.
    """
    workdir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="psg-bench-search-"))
    workdir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        # The test settings: pages render without collectstatic's manifest.
        "DJANGO_SETTINGS_MODULE": "psg.settings.test",
        "PSG_VAR_DIR": str(workdir),
        "LOG_LEVEL": "WARNING",
        "PSG_BENCH_CHILD": "1",
    }
    env.pop("DATABASE_URL", None)
    if database == "postgresql":
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
            exists = admin.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [PG_DATABASE]
            ).fetchone()
            if exists and not keep:
                admin.execute(f"DROP DATABASE {PG_DATABASE} WITH (FORCE)")
            if not exists or not keep:
                admin.execute(f"CREATE DATABASE {PG_DATABASE}")
        env["DATABASE_URL"] = f"{PG_SERVER}/{PG_DATABASE}"
    command = [
        sys.executable,
        __file__,
        "--database",
        database,
        "--items",
        str(items),
    ]
    if verbose:
        command.append("--verbose")
    if keep:
        command.append("--reuse")
    try:
        return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode  # noqa: S603
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
        if database == "postgresql" and not keep:
            import psycopg

            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database", choices=["sqlite", "postgresql", "both"], default="both"
    )
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument(
        "--verbose", action="store_true", help="list the slowest searches"
    )
    parser.add_argument(
        "--keep",
        metavar="FOLDER",
        help="keep the databases (SQLite in FOLDER) and use them again next time",
    )
    parser.add_argument("--reuse", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if os.environ.get("PSG_BENCH_CHILD"):
        sys.path.insert(0, str(ROOT))
        child(args)
        return
    databases = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    codes = [
        run(database, args.items, args.verbose, args.keep) for database in databases
    ]
    sys.exit(max(codes))


if __name__ == "__main__":
    main()
