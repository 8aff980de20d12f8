"""What a reader sees walking through the demo site, in Chromium, with axe."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$")
NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth"
# Every picture in the main column loads (uploads are served from MEDIA_ROOT).
BROKEN_IMAGES = """async () => {
  const images = [...document.querySelectorAll('main img')];
  images.forEach((img) => { img.loading = 'eager'; });
  await Promise.all(images.map((img) => img.decode().catch(() => null)));
  return images.filter((img) => !img.naturalWidth).map((img) => img.src);
}"""
PRINT_CREDITS = """() => [...document.querySelectorAll('*')]
  .filter((el) => getComputedStyle(el, '::after').content.includes('perusupport'))
  .map((el) => el.tagName)"""


def main_menu(page):
    return page.get_by_role("navigation", name="Main")


def expect_sidebar(page):
    sidebar = page.get_by_role("complementary")
    why_join = sidebar.locator(".promo").filter(
        has=page.get_by_role("heading", name="Why join the PSG?")
    )
    expect(why_join).to_be_visible()
    expect(
        why_join.get_by_role("link", name=re.compile("Become a member"))
    ).to_have_attribute("href", "/join/")


def expect_pictures_load(page, required=False):
    """Every picture in the main column loads; ``required``: there is one."""
    if required:
        expect(page.locator("main img").first).to_be_attached()
    broken = page.evaluate(BROKEN_IMAGES)
    assert not broken, f"pictures that did not load: {broken}"


def listing_links(page):
    return page.locator(".listing-item__title a")


def test_reader_walks_from_home_to_an_article_a_publication_and_an_event(page, step):
    # Home: the latest news with teasers, the sidebar, a way to all news.
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Peru Support Group")
    latest = page.get_by_role("region", name="Latest news")
    expect(latest.locator(".listing-item")).to_have_count(6)
    expect(latest.locator(".listing-item__teaser").first).not_to_be_empty()
    expect_sidebar(page)
    expect_pictures_load(page, required=True)
    step(page, "home")

    # All news, from the link under the latest news.
    latest.get_by_role("link", name="All news").click()
    expect(page).to_have_url(re.compile(r"/news/$"))
    expect(page.locator("h1")).to_have_text("All news")
    expect(main_menu(page).get_by_role("link", name="News")).to_have_attribute(
        "aria-current", "page"
    )
    items = page.locator(".listing .listing-item")
    expect(items).to_have_count(10)
    first_item = items.first
    title = first_item.locator(".listing-item__title").inner_text()
    teaser = first_item.locator(".listing-item__teaser").inner_text()
    listed_date = first_item.locator("time").get_attribute("datetime")
    assert teaser.strip(), "the first news item has no teaser"
    assert ISO_DATE.match(listed_date)
    expect_sidebar(page)
    step(page, "news-index")

    # The newest article, from its title in the listing.
    first_item.get_by_role("link", name=title).click()
    expect(page.locator("h1")).to_have_text(title)
    published = page.locator(".article__meta time")
    expect(published).to_have_attribute("datetime", listed_date)
    expect(published).not_to_be_empty()
    # The teaser is the page's description for search engines and shares.
    expect(page.locator('meta[name="description"]')).to_have_attribute(
        "content", teaser
    )
    expect(page.locator(".article__body p").first).not_to_be_empty()
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text(
        "All news"
    )
    expect_sidebar(page)
    expect_pictures_load(page)
    step(page, "article")

    # Publications, from the main menu; then the first one, in two languages.
    main_menu(page).get_by_role("link", name="Publications").click()
    expect(page).to_have_url(re.compile(r"/publications/$"))
    expect(page.locator("h1")).to_have_text("Resources")
    expect(page.locator(".listing .listing-item")).to_have_count(4)
    step(page, "publications")
    publication_title = listing_links(page).first.inner_text()
    listing_links(page).first.click()
    expect(page.locator("h1")).to_have_text(publication_title)
    downloads = page.get_by_role("region", name="Download")
    english = downloads.locator('a[hreflang="en"]')
    spanish = downloads.locator('a[hreflang="es"]')
    expect(english).to_have_count(1)
    expect(spanish).to_have_count(1)
    for hreflang, language in (("en", "English"), ("es", "Spanish")):
        item = downloads.locator("li").filter(
            has=page.locator(f'a[hreflang="{hreflang}"]')
        )
        expect(item).to_contain_text(language)
    for link in (english, spanish):
        response = page.request.get(link.get_attribute("href"))
        assert response.ok, f"{link.get_attribute('href')}: {response.status}"
        assert response.body().startswith(b"%PDF"), "the download is not a PDF"
    expect_sidebar(page)
    expect_pictures_load(page, required=True)
    step(page, "publication")

    # Events, from the menu: two upcoming, one past; then the next event.
    main_menu(page).get_by_role("link", name="Events").click()
    expect(page).to_have_url(re.compile(r"/events/$"))
    expect(page.locator("h1")).to_have_text("Events")
    upcoming = page.get_by_role("region", name="Upcoming events")
    expect(upcoming.locator(".listing-item")).to_have_count(2)
    expect(
        page.get_by_role("region", name="Past events").locator(".listing-item")
    ).to_have_count(1)
    step(page, "events")
    event_title = upcoming.locator(".listing-item__title a").first.inner_text()
    upcoming.get_by_role("link", name=event_title).click()
    expect(page.locator("h1")).to_have_text(event_title)
    when = page.locator(".event__details dd").first
    starts = when.locator("time").first
    assert ISO_DATETIME.match(starts.get_attribute("datetime"))
    expect(starts).to_have_text(re.compile(r"\d{1,2} \w+ \d{4}, \d{2}:\d{2}"))
    expect(when.locator(".event-zone")).to_have_text(re.compile(r"\((UK|Peru) time\)"))
    ics = page.get_by_role("link", name=re.compile(r"\.ics"))
    expect(ics).to_have_attribute("href", re.compile(r"^/events/[\w-]+\.ics$"))
    calendar = page.request.get(ics.get_attribute("href"))
    assert calendar.ok
    assert calendar.headers["content-type"].startswith("text/calendar")
    ical = calendar.text().replace("\r\n ", "").replace("\\,", ",")
    assert "BEGIN:VEVENT" in ical
    assert f"SUMMARY:{event_title}" in ical
    expect_sidebar(page)
    step(page, "event")

    # Back with the browser: to the events, then all the way home.
    page.go_back()
    expect(page).to_have_url(re.compile(r"/events/$"))
    expect(page.locator("h1")).to_have_text("Events")
    step(page, "events-again")
    for _ in range(5):  # publication, publications, article, all news, home
        page.go_back()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("region", name="Latest news")).to_contain_text(title)
    step(page, "home-again")


def test_news_pagination_shows_older_items(page, step):
    page.goto("/news/")
    first_page = page.locator(".listing .listing-item")
    expect(first_page).to_have_count(10)
    first_titles = first_page.locator(".listing-item__title").all_inner_texts()
    oldest_on_first = first_page.last.locator("time").get_attribute("datetime")
    pages = page.get_by_role("navigation", name="Pages")
    expect(pages).to_contain_text(re.compile(r"Page 1 of \d+"))

    page.get_by_role("link", name="Older").click()
    expect(page).to_have_url(re.compile(r"/news/\?page=2$"))
    expect(page.locator("h1")).to_have_text("All news")
    expect(pages).to_contain_text(re.compile(r"Page 2 of \d+"))
    second_page = page.locator(".listing .listing-item")
    expect(second_page.first).to_be_visible()
    assert second_page.count() >= 2
    for item in second_page.all():
        assert item.locator("time").get_attribute("datetime") <= oldest_on_first
        assert item.locator(".listing-item__title").inner_text() not in first_titles
    expect(page.get_by_role("link", name="Newer")).to_have_attribute("href", "?page=1")
    step(page, "news-page-2")


def test_narrow_screen_has_no_horizontal_scroll(new_context, screenshot):
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    page.goto("/")
    assert page.evaluate(NO_HORIZONTAL_SCROLL) <= 320
    screenshot(page, "home-320px")
    page.goto("/news/")
    listing_links(page).first.click()
    expect(page.locator("h1")).to_be_visible()
    assert page.evaluate(NO_HORIZONTAL_SCROLL) <= 320
    screenshot(page, "article-320px")


def test_article_is_readable_without_javascript(new_context, screenshot):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/news/")
    title = listing_links(page).first.inner_text()
    listing_links(page).first.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".article__meta time")).to_have_attribute("datetime", ISO_DATE)
    paragraphs = page.locator(".article__body p")
    expect(paragraphs.first).to_be_visible()
    assert all(text.strip() for text in paragraphs.all_inner_texts())
    expect(main_menu(page).get_by_role("link", name="Publications")).to_be_visible()
    expect_sidebar(page)
    expect_pictures_load(page)
    screenshot(page, "article-without-javascript")


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, screenshot):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Skip to main content")
    box = skip.bounding_box()
    assert box and box["y"] >= 0, "the focused skip link is off screen"
    screenshot(page, "skip-link-focused")
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#main$"))


def test_print_stylesheet_hides_the_sidebar(page, screenshot):
    page.goto("/news/")
    listing_links(page).first.click()
    expect(page.locator(".sidebar")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".sidebar")).to_be_hidden()
    expect(main_menu(page)).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".article__body")).to_be_visible()
    # The site's name and address close the printed article, once.
    credits = page.evaluate(PRINT_CREDITS)
    assert credits == ["ARTICLE"], f"printed credit lines on: {credits}"
    screenshot(page, "article-print")
