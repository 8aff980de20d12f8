"""The five real exports, imported once: every item as the data must be."""

import datetime

import pytest

from wagtail.contrib.redirects.models import Redirect

from psg.legacy.models import LegacyItem
from psg.news.models import NewsIndexPage, NewsPage
from psg.publications.models import PublicationIndexPage, PublicationPage

from .conftest import news

pytestmark = pytest.mark.django_db

DAY, MONTH = "day", "month"


# Text that belongs to the legacy site's sidebar and links, never to content.
SIDEBAR_TEXT = [
    "PSG Aims",
    "The Peru Support Group exists to promote social inclusion",
    "Historical Overview",
    "Over the past century Peru has suffered",
    "Human rights violations were widespread",
    "Why join the PSG",
    "Keep up to date with latest news",
    "Learn about key issues of poverty",
    "Support the work of the Peru Support Group",
    "Become a member",
    "All news",
    "•",
    "\u00a0",
]


LISTING = [
    # title, date, teaser, the full listing text kept as the body
    (
        "Letter from Puno: Using the law to protect community rights",
        datetime.date(2019, 4, 1),
        "Jatucachi is an indigenous community in an area straddling the border "
        "between Puno and Moquegua regions. It has become the centre of legal "
        "attention as the indigenous leaders, with the help of a local NGO, "
        "struggle to enforce their rights to prior consultation (consulta "
        "previa) against a number of…",
        "Jatucachi is an indigenous community in an area straddling the border "
        "between Puno and Moquegua regions. It has become the centre of legal "
        "attention as the indigenous leaders, with the help of a local NGO, "
        "struggle to enforce their rights to prior consultation (consulta "
        "previa) against a number of mining companies.",
    ),
    (
        "An alternative development blueprint for Madre de Dios",
        datetime.date(2019, 3, 23),
        "In the wake of the 60-day state of emergency imposed on four districts "
        "of Madre de Dios after police and military assumed control of the "
        "epicentre of gold mining at La Pampa on 19 February, the authorities "
        "are proposing an integrated medium-term solution for an illicit "
        "extractive industry that…",
        "In the wake of the 60-day state of emergency imposed on four districts "
        "of Madre de Dios after police and military assumed control of the "
        "epicentre of gold mining at La Pampa on 19 February, the authorities "
        "are proposing an integrated medium-term solution for an illicit "
        "extractive industry that involves directly or indirectly up to 35,000 "
        "people.",
    ),
    (
        "Tuesta commission publishes recommendations for political reform",
        datetime.date(2019, 3, 23),
        "On 20 March, the commission headed by Fernando Tuesta published a "
        "summary of its recommendations for political and electoral reforms. "
        "All in all they involve twelve changes to the existing legislative "
        "framework of which four would involve constitutional changes. Almost "
        "immediately, Congessional…",
        "On 20 March, the commission headed by Fernando Tuesta published a "
        "summary of its recommendations for political and electoral reforms. "
        "All in all they involve twelve changes to the existing legislative "
        "framework of which four would involve constitutional changes. Almost "
        "immediately, Congessional President Daniel Salaverry countered the "
        "proposals by saying Congress, where opposition parties dominate, would "
        "contract its own specialists to suggest changes.",
    ),
    (
        "Letter from Cajamarca (2): the rondas campesinas",
        datetime.date(2019, 3, 23),
        "Hualgayoc is a cold and rather forbidding town. Its mining traditions "
        "are very clear, and it has been the centre of mining activity since "
        "colonial times, if not before. It is also a politically lively place "
        "where the rondas campesinas loom large in maintaining order and "
        "defending local people from…",
        "Hualgayoc is a cold and rather forbidding town. Its mining traditions "
        "are very clear, and it has been the centre of mining activity since "
        "colonial times, if not before. It is also a politically lively place "
        "where the rondas campesinas loom large in maintaining order and "
        "defending local people from banditry.",
    ),
    (
        "Espinar: continuing problems with mine developments",
        datetime.date(2019, 3, 18),
        "The NGOs Cooperacción and Derechos Humanos sin Fronteras produced "
        "articles highlighting the continuing conflict in the province of "
        "Espinar, in Cusco. Communities there are increasingly frustrated by the "
        "continued lack of effective policies to address health concerns.",
        None,
    ),
    (
        "The issue of human trafficking: seminar in Lima",
        datetime.date(2019, 3, 18),
        "A seminar was held in Lima on 12 March on the issue of human "
        "trafficking. The event included regional governors and public "
        "officials. The event reflects a growing preoccupation with this abuse "
        "of human rights.",
        None,
    ),
    (
        "Letter from Cajamarca",
        datetime.date(2019, 3, 18),
        "Should you be in Cajamarca and find yourself in Jirón Lima, opposite "
        "Dylon’s chicken rotisserie, you will find one of Peru’s most "
        "innovative and long-lasting development projects, and one with which "
        "the Peru Support Group has a rather special link.",
        None,
    ),
    (
        "Exit Villanueva as prime minister",
        datetime.date(2019, 3, 11),
        "On 8 March, César Villanueva formally announced that he was resigning "
        "as president of the Council of Ministers. President Martín Vizcarra "
        "announced shortly afterwards that his resignation had been accepted. "
        "It remains moot whether he ‘jumped’ or was ‘pushed’ from above.",
        None,
    ),
    (
        "Confiep deploys lobby power to modify tax evasion legislation",
        datetime.date(2019, 3, 11),
        "The publication by Ojo Público of correspondence between Roque "
        "Benavides, the head of Confiep and boss of the Buenaventura mining "
        "company, appears to have struck a sensitive nerve among key figures in "
        "the business community.",
        None,
    ),
    (
        "Forcibly sterilised women continue fight for justice",
        datetime.date(2019, 3, 11),
        "The association of women affected by forced sterilisation during the "
        "Fujimori years took to the streets with other feminist collectives to "
        "continue their campaign for justice.",
        None,
    ),
]


ARTICLES = [
    # title, date, paragraphs, first paragraph, last paragraph, teaser
    (
        "Regional pressure to improve public policy on water management",
        datetime.date(2018, 11, 24),
        6,
        "There is an encouraging degree of movement in Peru’s regions to look "
        "more carefully at the management of water, threatened by climate change "
        "and the expansion of mining. On 26 and 27 November, Cajamarca's second "
        "water forum will take place, bringing together over a hundred experts "
        "and concerned public sector representatives.",
        "Follow-up and accountability arising out of such meetings is needed, "
        "not just talk.",
        "There is an encouraging degree of movement in Peru’s regions to look "
        "more carefully at the management of water, threatened by climate change "
        "and the expansion of mining. On 26 and 27 November, Cajamarca's second "
        "water forum will take place, bringing together over a hundred experts "
        "and concerned…",
    ),
    (
        "Meanwhile in Madre de Dios",
        datetime.date(2019, 2, 24),
        3,
        "Meanwhile, indigenous organisations in Madre de Dios have met to review "
        "progress since 2014 on implementing REDD+ Indígena Amazónica through "
        "current projects such as co-management of the 402,000 hectare "
        "Amarakaeri Communal Reserve. They consider it important to establish "
        "integrated territories (Peruvian law only allows laborious piecemeal "
        "titling processes, community by community) and to engage in further "
        "climate change mitigation measures. They also reviewed regional "
        "developments in the market for carbon offset.",
        "The newly elected regional governor has announced his intention to "
        "re-engage with the international community on reforestation and climate "
        "change and to place an indigenous leader at the head of the regional "
        "service for indigenous affairs.",
        "Meanwhile, indigenous organisations in Madre de Dios have met to review "
        "progress since 2014 on implementing REDD+ Indígena Amazónica through "
        "current projects such as co-management of the 402,000 hectare "
        "Amarakaeri Communal Reserve. They consider it important to establish "
        "integrated territories…",
    ),
    (
        "New effort at dialogue in the mining corridor",
        datetime.date(2019, 10, 26),
        4,
        "The government has designated Paola Bustamante, the former minister in "
        "charge of development and social inclusion, as the 'alta comisionada' "
        "for dialogue and development in the southern mining corridor, an area "
        "that stretches between Apurímac, Cusco and Arequipa and which is "
        "partially under a state of emergency, introduced to bring an end to the "
        "blockages along the road between Las Bambas and the port of Matarani.",
        "As of this week, communities in Moquegua have announced their "
        "withdrawal from the monitoring group, angry at the lack of compliance on "
        "previous commitments. Even the arrival of three ministers to meet with "
        "farmers and discuss the issues met a boycott by the local "
        "representatives given “the discrediting of processes of dialogue "
        "through the failure of results from eight previous meetings”.",
        "The government has designated Paola Bustamante, the former minister in "
        "charge of development and social inclusion, as the 'alta comisionada' "
        "for dialogue and development in the southern mining corridor, an area "
        "that stretches between Apurímac, Cusco and Arequipa and which is "
        "partially under a…",
    ),
]


PUBLICATIONS = [
    # title, date, precision, kind, paragraphs, summary starts
    (
        "Human Rights Concerns in Peru: Peru Support Group Submission to the UN "
        "Universal Periodic Review",
        datetime.date(2017, 11, 1),
        MONTH,
        "submission",
        4,
        "The Peru Support Group submitted to the United Nations Universal "
        "Periodic Review (UPR) our assessment of some of the most pressing human "
        "rights concerns in the country.",
    ),
    (
        "EITI Global meeting in Lima",
        datetime.date(2016, 2, 1),
        MONTH,
        "report",
        1,
        "The Peru Support Group was present at the Extractive Industries "
        "Transparency Initiative (EITI) Global Conference",
    ),
    (
        "Torture at the Rio Blanco Mine: Academic Case Study",
        None,
        DAY,
        "case-study",
        1,
        "This PSG case study, published by King's College London and other "
        "universities,",
    ),
    (
        "Update Extra: Artisanal and Small-Scale Gold Mining in Peru",
        None,
        DAY,
        "update-extra",
        1,
        "This report, available in both English and Spanish,",
    ),
    (
        "Update Extra: Gender Relations and Women in Peru",
        datetime.date(2009, 4, 1),
        MONTH,
        "update-extra",
        1,
        "This report, which was published to commemorate International Women's "
        "Day 2009, presents a snapshot of the themes with regard to gender "
        "relations and women's situation in Peru (April 2009).",
    ),
    (
        "Update Extra: Truth and Reconciliation Commission, Five Year Anniversary",
        datetime.date(2009, 2, 1),
        MONTH,
        "update-extra",
        1,
        "This evaluation by the Peru Support Group of the five years",
    ),
    (
        "Update Extra: The Great Water Debate: Cause and Effect in Peru",
        datetime.date(2008, 6, 1),
        MONTH,
        "update-extra",
        1,
        "The purpose of this publication is to highlight the challenges of water "
        "provision in Peru",
    ),
    (
        "Mining and Development in Peru with Special Reference to the Río Blanco "
        "Project, Piura",
        None,
        DAY,
        "report",
        1,
        "This report addresses the relationships between mining and development "
        "in Peru",
    ),
]


def paragraphs(page):
    return [block.value.source for block in page.body]


def all_text(page):
    if isinstance(page, NewsPage):
        parts = [page.title, page.teaser, *paragraphs(page)]
    else:
        parts = [page.title, page.summary, page.description]
    return "\n".join(parts)


def test_the_summary_counts_every_item(seeded):
    assert "Files read: 5, skipped: 0" in seeded
    assert "Pages created: 21" in seeded
    assert "Problems: 0" in seeded


def test_every_item_became_one_live_page_in_its_section(seeded):
    news_index = NewsIndexPage.objects.get()
    publication_index = PublicationIndexPage.objects.get()
    assert (news_index.title, news_index.slug) == ("All news", "news")
    assert (publication_index.title, publication_index.slug) == (
        "Resources",
        "publications",
    )
    news_pages = NewsPage.objects.child_of(news_index)
    assert news_pages.count() == NewsPage.objects.count() == 13
    assert set(news_pages.values_list("title", flat=True)) == {
        *(title for title, *_ in LISTING),
        *(title for title, *_ in ARTICLES),
    }
    publications = PublicationPage.objects.child_of(publication_index)
    assert publications.count() == PublicationPage.objects.count() == 8
    assert all(page.live and not page.has_unpublished_changes for page in news_pages)
    assert all(page.live for page in publications)
    assert LegacyItem.objects.count() == 21


@pytest.mark.parametrize(("title", "date", "teaser", "body"), LISTING)
def test_news_listing_items(seeded, title, date, teaser, body):
    page = news(title)
    assert (page.date, page.date_precision) == (date, DAY)
    assert page.teaser == teaser
    assert len(page.teaser) <= 300
    # A teaser cut to fit keeps the whole listing text as the body.
    assert paragraphs(page) == ([f"<p>{body}</p>"] if body else [])
    record = LegacyItem.objects.get(page=page)
    assert (record.from_listing, record.from_article) == (True, False)
    assert record.source_files == ["001_1c679d46c2b0d6df.txt"]


@pytest.mark.parametrize(
    ("title", "date", "count", "first", "last", "teaser"), ARTICLES
)
def test_article_pages(seeded, title, date, count, first, last, teaser):
    page = news(title)
    assert (page.date, page.date_precision) == (date, DAY)
    body = paragraphs(page)
    assert len(body) == count
    assert [block.block_type for block in page.body] == ["paragraph"] * count
    assert body[0] == f"<p>{first}</p>"
    assert body[-1] == f"<p>{last}</p>"
    assert page.teaser == teaser
    record = LegacyItem.objects.get(page=page)
    assert (record.from_listing, record.from_article) == (False, True)
    assert record.body_source == record.teaser_source == "article"


def test_body_text_is_escaped_and_quotes_kept(seeded):
    body = paragraphs(news("New effort at dialogue in the mining corridor"))
    assert "'alta comisionada'" in body[0]
    assert "“the discrediting" in body[-1]
    assert all(p.startswith("<p>") and p.count("<") == 2 for p in body)


@pytest.mark.parametrize(
    ("title", "date", "precision", "kind", "count", "summary"), PUBLICATIONS
)
def test_publications(seeded, title, date, precision, kind, count, summary):
    page = PublicationPage.objects.get(title=title)
    assert (page.date, page.date_precision, page.kind) == (date, precision, kind)
    assert page.summary.startswith(summary)
    assert "\n" not in page.summary
    assert page.description.count("<p>") == count
    assert page.description.startswith("<p>" + summary)


def test_publication_description_holds_every_paragraph(seeded):
    page = PublicationPage.objects.get(title__startswith="Human Rights Concerns")
    assert page.summary == (
        "The Peru Support Group submitted to the United Nations Universal "
        "Periodic Review (UPR) our assessment of some of the most pressing human "
        "rights concerns in the country."
    )
    assert page.description.endswith(
        "<p>In our submission, we highlighted some of the issues that we found "
        "of concern, including: rights abuses and judicial harassment against "
        "people taking part in social protests, including human rights "
        "defenders, in the context of projects related to the extraction of "
        "natural resources; Indigenous peoples’ right to free, prior and informed "
        "consent, and issues related to the right to effective remedy. We also "
        "highlight the continued barriers facing women’s access to justice and "
        "reparation, including in relation to forced sterilisations. The "
        "document also contains a list of recommendations to the Peruvian "
        "state.</p>"
    )


def test_no_sidebar_text_in_any_page(seeded):
    pages = [*NewsPage.objects.all(), *PublicationPage.objects.all()]
    assert len(pages) == 21
    for page in pages:
        text = all_text(page)
        for boilerplate in SIDEBAR_TEXT:
            assert boilerplate not in text, (page.title, boilerplate)


def test_slugs_follow_titles(seeded):
    assert news("Meanwhile in Madre de Dios").slug == "meanwhile-in-madre-de-dios"
    assert (
        news("Letter from Cajamarca (2): the rondas campesinas").slug
        == "letter-from-cajamarca-2-the-rondas-campesinas"
    )
    assert all(len(page.slug) <= 80 for page in NewsPage.objects.all())


def test_seeds_carry_no_legacy_addresses(seeded):
    assert not Redirect.objects.exists()
    assert not LegacyItem.objects.exclude(legacy_paths=[]).exists()
