"""The strategy one chapter per page: contents, "On this page", previous and next, the full text."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from sample_content.translations import load_sample_translations
from strategy.models import StrategyPage


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code}"
    return response.content.decode()


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#x27;", "'").replace("&amp;", "&").strip()


def h1(html):
    return text_of(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1))


def main_of(html):
    return html.split('id="main-content"', 1)[1].split("</main>", 1)[0]


def contents_of(html):
    return re.search(r'<nav class="strategy-contents" id="contents".*?</nav>', html, re.S).group(0)


def pagination_of(html):
    match = re.search(r'<nav class="govuk-pagination govuk-pagination--block".*?</nav>', html, re.S)
    return match.group(0) if match else ""


@pytest.fixture
def chapters(strategy_site):
    return StrategyPage.objects.get().chapters


def test_each_chapter_has_its_own_address_with_only_its_own_content(client, chapters):
    assert len(chapters) == 16
    for chapter in chapters[1:]:
        html = html_of(client, f"/strategy/{chapter.anchor}/")
        assert h1(html) == f"Connected Communities Strategy 2021–2041 {chapter.heading}"
        assert f"<title>{chapter.heading} – " in html.replace("&#x27;", "'")
        main = main_of(html)
        # Its own section, no other.
        assert f'<section class="strategy-chapter" id="{chapter.anchor}"' in main
        assert main.count('<section class="strategy-chapter"') == 1


def test_a_chapter_shows_the_right_content(client, strategy_site):
    html = html_of(client, "/strategy/knowing-our-communities/")
    assert "75%</strong> feel friendships and good neighbours is a strength" in html
    assert "What do I love about my neighbourhood?" not in html  # "Our approach", another chapter
    approach = html_of(client, "/strategy/our-approach/")
    assert "What do I love about my neighbourhood?" in approach
    assert "feel friendships and good neighbours" not in approach


def test_a_chapter_lists_every_chapter_with_itself_marked_as_current(client, chapters):
    html = html_of(client, "/strategy/workstreams/")
    contents = contents_of(html)
    items = re.findall(r"<li class=\"strategy-contents__item[^\"]*\"[^>]*>(.*?)</li>", contents, re.S)
    assert [text_of(item).removeprefix("Current chapter: ") for item in items] == [c.heading for c in chapters]
    current = re.findall(r'<li class="[^"]*--current" aria-current="page">(.*?)</li>', contents, re.S)
    assert [text_of(item) for item in current] == ["Current chapter: Workstreams"]
    # Every other chapter is a link to its own address; the first is the strategy's own.
    assert 'href="/strategy/"' in contents
    assert 'href="/strategy/foreword/"' not in contents
    assert 'href="/strategy/workstreams/"' not in contents
    assert 'href="/strategy/evaluation-and-learning/"' in contents


def test_a_chapter_has_previous_and_next_links_named_by_the_chapters(client, chapters):
    html = html_of(client, "/strategy/why-a-strategy/")
    pagination = pagination_of(html)
    previous = re.search(r'<a [^>]*href="([^"]+)" rel="prev">(.*?)</a>', pagination, re.S)
    following = re.search(r'<a [^>]*href="([^"]+)" rel="next">(.*?)</a>', pagination, re.S)
    assert previous.group(1) == "/strategy/introduction/"
    assert text_of(previous.group(2)) == "Previous chapter : Introduction"
    assert following.group(1) == "/strategy/our-values/"
    assert text_of(following.group(2)) == "Next chapter : Our values"


def test_the_first_and_last_chapters_have_only_the_link_that_leads_somewhere(client, chapters):
    first = pagination_of(html_of(client, "/strategy/"))
    assert 'rel="prev"' not in first
    assert 'href="/strategy/introduction/" rel="next"' in first
    last = pagination_of(html_of(client, f"/strategy/{chapters[-1].anchor}/"))
    assert 'rel="next"' not in last
    assert f'href="/strategy/{chapters[-2].anchor}/" rel="prev"' in last


def test_on_this_page_links_to_each_heading_of_the_chapter(client, strategy_site):
    html = html_of(client, "/strategy/evaluation-and-learning/")
    nav = re.search(r'<nav class="strategy-on-this-page".*?</nav>', html, re.S).group(0)
    links = re.findall(r'<a class="govuk-link" href="#([^"]+)">([^<]+)</a>', nav)
    assert [text for _anchor, text in links] == [
        "Capturing our progress",
        "Stories inspire others",
        "Stats influence others",
        "Creating a learning mindset",
        "Capturing the ripple effect",
        "Strategy period",
        "My neighbourhood: everyone welcome",
    ]
    for anchor, text in links:
        assert re.search(rf'<h3 class="govuk-heading-[ms]" id="{anchor}">{re.escape(text)}</h3>', html), anchor


def test_the_strategy_address_shows_the_introduction_the_contents_and_the_first_chapter(client, chapters):
    html = html_of(client, "/strategy/")
    assert h1(html) == "Connected Communities Strategy 2021–2041"
    assert "Our 20-year strategy" in html
    assert f'<h2 class="govuk-heading-l" id="foreword-heading">{chapters[0].heading}</h2>' in html
    assert "Councillor Sarah Rouse" in html  # the foreword's signatories
    assert "feel friendships and good neighbours" not in html
    # Its own address is the first chapter's: no second copy of it.
    response = client.get("/strategy/foreword/")
    assert response.status_code == 301 and response["Location"] == "/strategy/"


def test_old_links_to_a_section_of_the_long_page_reach_their_chapter(client, chapters):
    """/strategy/#anchor: the entry for that chapter in the contents, a link to it (strategy.js follows it)."""
    html = html_of(client, "/strategy/")
    for chapter in chapters[1:]:
        entry = re.search(rf'<li class="strategy-contents__item" id="{chapter.anchor}">(.*?)</li>', html, re.S)
        assert entry, chapter.anchor
        assert f'href="/strategy/{chapter.anchor}/" data-chapter-link' in entry.group(1)
        # The chapter's own page has the anchor too, so /strategy/<chapter>/#<anchor> lands on it.
        assert f'id="{chapter.anchor}"' in html_of(client, f"/strategy/{chapter.anchor}/")
    # Every id once.
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert 'src="/static/js/strategy.js"' in html


def test_every_chapter_links_to_the_full_text_which_has_every_chapter(client, chapters):
    for url in ("/strategy/", "/strategy/our-values/"):
        assert 'href="/strategy/full/"' in contents_of(html_of(client, url))
    html = html_of(client, "/strategy/full/")
    assert h1(html) == "Connected Communities Strategy 2021–2041"
    for chapter in chapters:
        assert f'<h2 class="govuk-heading-l" id="{chapter.anchor}-heading">' in html
    assert "75%</strong> feel friendships" in html and "What do I love about my neighbourhood?" in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert not pagination_of(html)


def test_an_unknown_chapter_is_not_found_and_theme_pages_still_answer(client, strategy_site):
    html_of(client, "/strategy/no-such-chapter/", status=404)
    assert h1(html_of(client, "/strategy/healthier/")) == "Healthier communities"


def test_chapters_have_their_own_canonical_address_and_language_versions(client, strategy_site):
    load_sample_translations(strategy_site)
    html = html_of(client, "/strategy/our-approach/")
    assert '<link rel="canonical" href="http://testserver/strategy/our-approach/">' in html
    for code, prefix in (("en", ""), ("pl", "/pl"), ("ro", "/ro"), ("x-default", "")):
        assert (
            f'<link rel="alternate" hreflang="{code}" href="http://testserver{prefix}/strategy/our-approach/">' in html
        )
    polish = html_of(client, "/pl/strategy/our-approach/")
    assert h1(polish) == "Strategia Połączonych Społeczności 2021–2041 Nasze podejście"
    assert '<link rel="canonical" href="http://testserver/pl/strategy/our-approach/">' in polish
    # The language switcher leads to the same chapter.
    assert 'href="/ro/strategy/our-approach/"' in polish
    full = html_of(client, "/ro/strategy/full/")
    assert '<link rel="canonical" href="http://testserver/ro/strategy/full/">' in full
    assert '<link rel="alternate" hreflang="en" href="http://testserver/strategy/full/">' in full


def test_sitemap_lists_every_chapter_and_the_full_text_with_their_language_versions(client, strategy_site):
    load_sample_translations(strategy_site)
    response = client.get("/sitemap.xml")
    entries = {}
    for url in ET.fromstring(response.content):
        location = urlsplit(url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")).path
        links = {
            link.get("hreflang"): urlsplit(link.get("href")).path
            for link in url.iter("{http://www.w3.org/1999/xhtml}link")
        }
        entries[location] = links
    for prefix in ("", "/pl", "/ro"):
        assert f"{prefix}/strategy/" in entries
        assert f"{prefix}/strategy/full/" in entries
        assert f"{prefix}/strategy/foreword/" not in entries  # the strategy's own address shows it
    assert entries["/pl/strategy/workstreams/"] == {
        "en": "/strategy/workstreams/",
        "pl": "/pl/strategy/workstreams/",
        "ro": "/ro/strategy/workstreams/",
        "x-default": "/strategy/workstreams/",
    }


@pytest.mark.parametrize("copies", [1, 3])
def test_a_chapter_renders_in_a_flat_number_of_queries(client, strategy_site, copies, django_assert_max_num_queries):
    # A chapter: the theme pages and the one kind of data its blocks draw. The full text:
    # each kind of data once (its theme pages' pledges are a cached fragment).
    page = StrategyPage.objects.get()
    page.body = list(page.body.raw_data) * copies
    page.save_revision().publish()
    for url in ("/strategy/knowing-our-communities/", "/strategy/full/"):
        client.get(url)  # warm the cache, as on any running site
    with django_assert_max_num_queries(2):
        assert client.get("/strategy/knowing-our-communities/").status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get("/strategy/full/").status_code == 200
