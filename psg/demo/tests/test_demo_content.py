"""The demo content: what a new site holds after `load_demo_content`
(loaded once for these tests, see conftest.py)."""

import datetime
import re
import zlib
from pathlib import Path

from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Page, Revision, Site

from psg.core.models import (
    FooterLink,
    MenuItem,
    NavigationSettings,
    OrganisationSettings,
    SidebarPromo,
    SocialLink,
)
from psg.events.models import EventIndexPage, EventPage
from psg.members.models import MembershipSettings
from psg.news.models import Author, NewsIndexPage, NewsPage, RelatedItem
from psg.publications.models import (
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
)
from psg.standard_pages.models import StandardPage
from psg.taxonomy.models import (
    Region,
    RegionIndexPage,
    Series,
    Topic,
    TopicIndexPage,
)

from .loading import edit, load

ENGLISH = "en-gb"
STANDARD_SLUGS = {
    "about",
    "aims",
    "historical-overview",
    "human-rights",
    "privacy",
    "contact",
}


def demo_pages():
    return Page.objects.type(
        NewsPage, PublicationPage, EventPage, StandardPage
    ).specific()


def snapshot():
    """How many of each kind of demo object there are."""
    models = [
        Page,
        Revision,
        Image,
        Document,
        Collection,
        Author,
        Series,
        RelatedItem,
        PublicationFile,
        MenuItem,
        FooterLink,
        SocialLink,
        SidebarPromo,
        TranslationSource,
        Translation,
        StringTranslation,
    ]
    return {model.__name__: model.objects.count() for model in models}


def test_the_first_load_creates_everything(demo):
    created, present = demo
    assert present == 0
    assert created >= 40


def test_the_spanish_home_page_and_sections_are_there(demo, client):
    """/es/ shows the Spanish tree: the home page and its sections."""
    assert client.get("/es/").status_code == 200
    assert client.get("/es/noticias/").status_code == 200
    assert 'hreflang="es"' in client.get("/news/").content.decode()


def test_sections_sit_under_the_home_page_with_intros(demo, home_page):
    for model, title, slug in [
        (NewsIndexPage, "All news", "news"),
        (PublicationIndexPage, "Resources", "publications"),
        (EventIndexPage, "Events", "events"),
    ]:
        section = model.objects.get(locale__language_code="en-gb")
        assert (section.title, section.slug) == (title, slug)
        assert section.get_parent().pk == home_page.pk
        assert section.live and section.intro


def test_news_items_cover_series_regions_kinds_and_authors(demo):
    items = NewsPage.objects.live().prefetch_related("regions", "authors")
    assert items.count() >= 12
    assert set(Series.objects.in_language().values_list("name", flat=True)) == {
        "Letter from Cajamarca",
        "Letter from Puno",
        "Madre de Dios Diary",
    }
    for series in Series.objects.in_language().all():
        assert items.filter(series=series).count() >= 2, series
    regions = {region.slug for item in items for region in item.regions.all()}
    assert len(regions) >= 6
    assert {"news", "analysis", "letter", "editorial"} <= {i.kind for i in items}
    assert Author.objects.count() >= 2
    assert all(item.authors.exists() for item in items)
    assert all(item.topics.exists() for item in items)
    assert RelatedItem.objects.count() >= 4


def test_news_dates_spread_over_the_last_two_years(demo):
    today = timezone.localdate()
    dates = sorted(NewsPage.objects.values_list("date", flat=True))
    assert dates[-1] <= today
    assert dates[0] >= today - datetime.timedelta(days=800)
    assert (dates[-1] - dates[0]).days > 365


def test_news_teasers_fit_and_bodies_have_every_kind_of_block(demo):
    for item in NewsPage.objects.all():
        assert 0 < len(item.teaser) <= 300, item.slug
        kinds = [block.block_type for block in item.body]
        assert kinds.count("paragraph") >= 2, item.slug
        assert {"heading", "quote", "image"} <= set(kinds), item.slug
        image = next(b.value for b in item.body if b.block_type == "image")
        assert image["image"].contextual_alt_text


def test_every_body_is_valid_as_an_editor_would_save_it(demo):
    """Alt text present, headings short enough: what the admin form demands."""
    for model in (NewsPage, EventPage, StandardPage):
        stream_block = model.body.field.stream_block
        for page in model.objects.all():
            stream_block.clean(page.body)


def test_publications_have_an_english_and_a_spanish_pdf(demo):
    publications = PublicationPage.objects.live().prefetch_related("files__document")
    assert publications.filter(locale__language_code=ENGLISH).count() == 4
    for publication in publications:
        files = {file.language: file.document for file in publication.files.all()}
        assert set(files) == {"en", "es"}, publication.slug
        assert publication.cover_image is not None
        for document in files.values():
            with document.file.open("rb") as handle:
                data = handle.read()
            assert data.startswith(b"%PDF-")
            assert data.rstrip().endswith(b"%%EOF")
            assert len(data) > 500
            assert document.file_size == len(data)
    assert publications.filter(date_precision="month").exists()
    assert publications.exclude(publisher="").exists()


def pdf_text(data):
    """The text-drawing operators of every compressed stream in a PDF."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL)
    return b"".join(zlib.decompress(stream) for stream in streams)


def test_spanish_pdfs_keep_their_accents(demo):
    file = PublicationFile.objects.get(
        publication__slug="submission-on-forced-sterilisations", language="es"
    )
    with file.document.file.open("rb") as handle:
        text = pdf_text(handle.read())
    # The core fonts' WinAnsi encoding: one byte per accented letter.
    for word in ("Esterilizaciones", "Perú", "búsqueda", "¡Justicia ya!"):
        assert word.encode("cp1252") in text


def test_images_live_in_the_demo_collection_with_alt_text(demo, media_root):
    images = Image.objects.filter(collection__name="Demo")
    assert images.count() >= 5
    for image in images:
        assert image.title and image.description
        assert (image.width, image.height) == (1200, 800)
        assert Path(image.file.path).is_relative_to(media_root)
        assert Path(image.file.path).stat().st_size == image.file_size


def test_events_one_past_two_to_come(demo):
    now = timezone.now()
    events = EventPage.objects.live().filter(locale__language_code=ENGLISH)
    assert events.count() == 3
    assert events.filter(end__lt=now).count() == 1
    upcoming = events.filter(start__gt=now)
    assert upcoming.count() == 2
    london = upcoming.get(time_zone="Europe/London")
    assert london.venue and "London" in london.address
    online = upcoming.get(time_zone="America/Lima")
    assert online.is_online
    assert events.exclude(registration_url="").count() >= 1


def test_six_standard_pages_under_the_home_page(demo, home_page):
    pages = StandardPage.objects.live().child_of(home_page)
    assert set(pages.values_list("slug", flat=True)) == STANDARD_SLUGS
    for page in pages:
        assert page.introduction
        assert len(page.body) >= 3


def test_sidebar_promos_are_the_four_boxes_in_order(demo, site):
    navigation = NavigationSettings.for_site(site)
    promos = list(navigation.promos.filter(language=ENGLISH).order_by("sort_order"))
    assert [promo.title for promo in promos] == [
        "PSG Aims",
        "Historical Overview",
        "Human Rights",
        "Why join the PSG?",
    ]
    assert [promo.href for promo in promos] == [
        "/aims/",
        "/historical-overview/",
        "/human-rights/",
        "/join/",
    ]
    assert [promo.link_label for promo in promos] == ["Read more"] * 3 + [
        "Become a member"
    ]
    assert promos[0].text.startswith("The Peru Support Group exists to promote")
    assert promos[3].paragraphs == [
        (
            "list",
            [
                "Keep up to date with latest news and developments in Peru",
                "Learn about key issues of poverty, development and human "
                "rights in Peru",
                "Support the work of the Peru Support Group",
            ],
        )
    ]


def test_menu_footer_and_social_links(demo, site):
    navigation = NavigationSettings.for_site(site)
    menu = navigation.menu_items.filter(language=ENGLISH).order_by("sort_order")
    assert [(item.label, item.href) for item in menu] == [
        ("News", "/news/"),
        ("Publications", "/publications/"),
        ("Events", "/events/"),
        ("Regions", "/regions/"),
        ("Topics", "/topics/"),
        ("About", "/about/"),
        ("Join", "/join/"),
    ]
    footer = navigation.footer_links.filter(language=ENGLISH).order_by("sort_order")
    assert [item.label for item in footer] == ["Privacy", "Contact", "About"]
    assert {(link.network, link.url) for link in navigation.social_links.all()} == {
        ("x", "https://twitter.com/PeruSupportGrp"),
        ("facebook", "https://www.facebook.com/perusupportgroup"),
    }


def test_organisation_and_home_page(demo, site, home_page):
    organisation = OrganisationSettings.for_site(site)
    assert organisation.name == "Peru Support Group"
    assert organisation.charity_number == "1155323"
    assert organisation.email == "info@perusupportgroup.org.uk"
    assert "London" in organisation.address and organisation.tagline
    home_page.refresh_from_db()
    assert home_page.introduction
    assert home_page.featured_publication.live


def test_pages_are_live_with_a_published_revision(demo):
    for page in demo_pages():
        assert page.live and page.live_revision_id, page.slug
        assert not page.has_unpublished_changes


def test_the_site_shows_the_demo_content(demo, client):
    home = client.get("/").content.decode()
    featured = Site.objects.get(is_default_site=True).root_page.specific
    assert featured.featured_publication.title in home
    assert "Why join the PSG?" in home
    for page in demo_pages():
        assert client.get(page.url).status_code == 200, page.url
    assert client.get("/news/series/letter-from-puno/").status_code == 200


def test_a_second_run_creates_nothing_and_adds_no_revisions(demo):
    before = snapshot()
    created, present = load()
    assert (created, present) == (0, demo[0])
    assert snapshot() == before


def test_an_editors_changes_survive_a_second_run(demo, site, home_page):
    item = edit(
        NewsPage.objects.get(slug="letter-from-puno-a-lake-in-trouble"),
        title="Letter from Puno: the lake, revisited",
    )
    promo = edit(
        SidebarPromo.objects.get(title="PSG Aims"),
        text="Our aims, in the editor's words.",
    )
    edit(OrganisationSettings.for_site(site), tagline="An editor's tagline")
    home_page.refresh_from_db()
    edit(home_page, introduction="Welcome, from the editor.")
    revisions = Revision.objects.count()

    assert load()[0] == 0

    assert (
        NewsPage.objects.get(pk=item.pk).title
        == "Letter from Puno: the lake, revisited"
    )
    assert SidebarPromo.objects.get(pk=promo.pk).text.startswith("Our aims, in")
    assert OrganisationSettings.for_site(site).tagline == "An editor's tagline"
    home_page.refresh_from_db()
    assert home_page.introduction == "Welcome, from the editor."
    assert Revision.objects.count() == revisions


def test_a_deleted_demo_page_comes_back_on_the_next_run(demo):
    NewsPage.objects.get(slug="letter-from-puno-a-lake-in-trouble").delete()
    assert load()[0] == 1
    assert NewsPage.objects.filter(slug="letter-from-puno-a-lake-in-trouble").exists()


def test_demo_bank_details_show_on_the_payment_pages(demo):
    membership = MembershipSettings.for_site(Site.objects.get(is_default_site=True))
    assert membership.sort_code == "00-00-00"
    assert membership.bank_name == "Demo Bank plc"


def test_region_and_topic_pages_with_a_few_descriptions(demo, client, home_page):
    for model, slug in ((RegionIndexPage, "regions"), (TopicIndexPage, "topics")):
        page = model.objects.get(locale__language_code="en-gb")
        assert page.slug == slug and page.live and page.intro
        assert page.get_parent().pk == home_page.pk
    described = Region.objects.in_language().exclude(description="").count()
    assert described >= 3
    assert Topic.objects.in_language().exclude(description="").count() >= 3
    cajamarca = client.get("/regions/cajamarca/").content.decode()
    assert "Yanacocha" in cajamarca
    assert "Letter from Cajamarca" in cajamarca
    assert client.get("/topics/forced-sterilisations/").status_code == 200
    assert 'href="/regions/cajamarca/"' in client.get("/regions/").content.decode()

    cusco = Region.objects.in_language().get(slug="cusco")
    cusco.description = "The editor's own words."
    cusco.save()
    assert load()[0] == 0
    assert (
        Region.objects.in_language().get(slug="cusco").description
        == "The editor's own words."
    )
