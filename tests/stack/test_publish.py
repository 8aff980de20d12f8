"""Publishing in the admin reaches readers through Varnish: an editor's
change is visible within 10 s through Varnish and on both app nodes;
unpublishing takes the page away at once (the purge protocol,
docs/deployment.md#purges)."""

import re
import time

import pytest
from local_stack import get
from playwright.sync_api import expect

pytestmark = pytest.mark.stack

NEWS_ITEM = """
from django.db.models import F
from wagtail.models import Locale
from psg.news.models import NewsPage
# The newest English item: first on /news/, which shows it too. (A Spanish
# translation opens in the translation editor, which has no title field.)
newest = F("date").desc(nulls_last=True)
english = NewsPage.objects.live().public().filter(locale=Locale.get_default())
page = english.order_by(newest, "-pk")[0]
print(page.pk, page.get_url_parts()[2], sep="\\t")
"""


def reader_gets(stack, url):
    status, headers, body = get(url, host=stack.host)
    return status, headers.get("X-Cache"), body.decode()


def visible_within(seconds, stack, url, text):
    deadline = time.monotonic() + seconds
    while True:
        status, _, body = reader_gets(stack, url)
        if status == 200 and text in body:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.25)


def test_publish_is_seen_through_varnish_then_unpublish_is_gone_at_once(
    stack, staff_user, staff_sign_in, new_page, shell
):
    pk, path = shell(NEWS_ITEM).split("\t")
    article = stack.varnish_url + path
    # Readers have had the article and the news: Varnish holds them.
    for url in (article, stack.varnish_url + "/news/"):
        reader_gets(stack, url)
        status, cache, _ = reader_gets(stack, url)
        assert (status, cache) == (200, "HIT")

    page = new_page(stack.public_url)
    staff_sign_in(page, *staff_user("publisher"))
    page.goto(f"/admin/pages/{pk}/edit/")
    new_title = f"Stack check headline {time.time_ns()}"
    page.locator("#id_title").fill(new_title)
    page.get_by_role("button", name="More actions").click()
    page.locator('button[name="action-publish"]').click()
    expect(page.get_by_text(re.compile(f"'{new_title}'.*published"))).to_be_visible()

    assert visible_within(10, stack, article, new_title), (
        "the new title did not reach readers through Varnish within 10 s"
    )
    for node in stack.node_urls:
        assert new_title in reader_gets(stack, node + path)[2]
    # So does its section's listing, which Varnish held too.
    assert visible_within(10, stack, stack.varnish_url + "/news/", new_title)

    page.goto(f"/admin/pages/{pk}/unpublish/")
    page.get_by_role("button", name=re.compile("Yes, unpublish it")).click()
    expect(page.get_by_text(re.compile("unpublished"))).to_be_visible()
    # At once: no waiting for a time to live.
    status, _, body = reader_gets(stack, article)
    assert status == 404
    assert new_title not in body
    assert new_title not in reader_gets(stack, stack.varnish_url + "/news/")[2]
