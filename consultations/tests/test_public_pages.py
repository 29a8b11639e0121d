"""What anyone can see: the listing, the feed, results, and never a resident's email address."""

import csv
import json
import re
from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format

import pytest

from consultations.factories import CommentFactory, ConsultationPageFactory, ConsultationQuestionFactory
from consultations.models import Answer
from strategy.models import Place, Theme


def days(n):
    return timezone.now() + timedelta(days=n)


@pytest.fixture
def vocabulary(db):
    from wagtail.models import Locale

    locale = Locale.get_default()
    theme = Theme.objects.create(name="Healthier communities", short_name="Healthier", slug="healthier", locale=locale)
    other = Theme.objects.create(name="Safer communities", short_name="Safer", slug="safer", locale=locale)
    place = Place.objects.create(name="Upton upon Severn", slug="upton", kind="town", locale=locale)
    return theme, other, place


@pytest.fixture
def four_stages(index_page, vocabulary):
    theme, other, place = vocabulary
    upcoming = ConsultationPageFactory(
        parent=index_page, title="Future bus routes", opens_at=days(5), closes_at=days(40)
    )
    open_ = ConsultationPageFactory(parent=index_page, title="Parks review", opens_at=days(-5), closes_at=days(20))
    closed = ConsultationPageFactory(parent=index_page, title="Library hours", opens_at=days(-50), closes_at=days(-10))
    outcome = ConsultationPageFactory(
        parent=index_page,
        title="Town centre plan",
        opens_at=days(-90),
        closes_at=days(-60),
        outcome_published_at=days(-2),
    )
    open_.themes.add(theme)
    open_.places.add(place)
    open_.save_revision().publish()
    closed.themes.add(other)
    closed.save_revision().publish()
    return upcoming, open_, closed, outcome


def section(content, heading_id):
    return content.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def test_index_groups_consultations_by_stage_and_lists_outcomes(client, index_page, four_stages):
    content = client.get(index_page.url).content.decode()
    assert "Parks review" in section(content, "group-open")
    assert "Future bus routes" in section(content, "group-upcoming")
    assert "Library hours" in section(content, "group-closed")
    outcomes = section(content, "group-outcome")
    assert "Outcomes: what we did with your views" in content
    assert "Town centre plan" in outcomes


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("?state=closed", ["Library hours"], ["Parks review", "Town centre plan"]),
        ("?theme=healthier", ["Parks review"], ["Library hours", "Future bus routes"]),
        ("?theme=safer", ["Library hours"], ["Parks review"]),
        ("?place=upton", ["Parks review"], ["Library hours"]),
    ],
)
def test_index_filters_by_stage_theme_and_place_without_javascript(
    client, index_page, four_stages, query, shown, hidden
):
    content = client.get(index_page.url + query).content.decode()
    for title in shown:
        assert title in content
    for title in hidden:
        assert title not in content
    assert "Clear filters" in content


def test_feed_lists_openings_and_outcomes_but_not_upcoming(client, four_stages):
    content = client.get("/consultations/feed/").content.decode()
    assert "Consultation opened: Parks review" in content
    assert "Outcome published: Town centre plan" in content
    assert "Future bus routes" not in content


def test_home_page_lists_open_consultations(client, index_page, four_stages):
    content = client.get("/").content.decode()
    block = section(content, "open-consultations-heading")
    open_now = block.split('id="upcoming-consultations-heading"', 1)[0]
    assert "Parks review" in open_now
    assert "Library hours" not in block and "Future bus routes" not in open_now


def test_home_page_names_the_upcoming_consultation_when_none_is_open(client, index_page, four_stages):
    upcoming, open_, _closed, _outcome = four_stages
    open_.unpublish()
    content = client.get("/").content.decode()
    block = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section(content, "open-consultations-heading")))
    assert "No consultation is open right now; the next one is listed below." in block
    assert "Coming up Future bus routes" in block
    assert f"Opens {date_format(timezone.localtime(upcoming.opens_at), 'j F Y, H:i')}" in block
    assert f'href="{upcoming.url}"' in content


@pytest.fixture
def outcome_with_answers(four_stages):
    outcome = four_stages[3]
    question = ConsultationQuestionFactory(
        page=outcome, question="Do you support it?", kind="single", choices="Yes\nNo"
    )
    for value, email in (("Yes", "x1@example.org"), ("Yes", "x2@example.org"), ("No", "x3@example.org")):
        comment = CommentFactory(consultation=outcome, email=email, postcode="WR14 1AA", outcome="adopted")
        Answer.objects.create(comment=comment, question=question, value=value)
    rejected = CommentFactory(consultation=outcome, moderation_state="rejected", email="x4@example.org")
    Answer.objects.create(comment=rejected, question=question, value="No")
    return outcome


def test_outcome_shows_answers_as_a_chart_with_numbers_and_a_table(client, outcome_with_answers):
    content = client.get(outcome_with_answers.url).content.decode()
    assert '<strong class="chart__value">67%</strong> Yes' in content
    assert 'class="chart__bar" width="67.0"' in content
    assert ">Answers to “Do you support it?”</caption>" in content
    assert (
        '<th scope="row" class="govuk-table__header">No</th>'
        '<td class="govuk-table__cell govuk-table__cell--numeric">1</td>'
        '<td class="govuk-table__cell govuk-table__cell--numeric">33%</td>'
    ) in content  # the rejected response is not counted
    assert 'style="' not in content


def test_anyone_can_download_anonymous_results(client, outcome_with_answers):
    response = client.get(outcome_with_answers.url + "results.csv")
    rows = list(csv.reader(response.content.decode().splitlines()))
    assert rows[1] == ["(all responses)", "", "3", ""]
    assert ["Do you support it?", "Yes", "2", "67"] in rows
    data = json.loads(client.get(outcome_with_answers.url + "results.json").content)
    assert data["responses"] == 3
    assert data["questions"][0]["options"][0] == {"choice": "Yes", "count": 2, "percent": 67}


def test_no_email_or_postcode_appears_anywhere_public(client, index_page, outcome_with_answers, four_stages):
    open_ = four_stages[1]
    CommentFactory(consultation=open_, email="secret-person@example.org", postcode="WR13 6AB", text="Hello")
    addresses = ["/", index_page.url, open_.url, outcome_with_answers.url, "/consultations/feed/"]
    addresses += [outcome_with_answers.url + "results.csv", outcome_with_answers.url + "results.json"]
    addresses += [f"/api/v2/pages/{open_.pk}/", f"/api/v2/pages/{outcome_with_answers.pk}/"]
    addresses += ["/api/v2/pages/?type=consultations.ConsultationPage&fields=*"]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        content = response.content.decode()
        assert "@example.org" not in content, address
        assert "WR13 6AB" not in content and "WR14 1AA" not in content, address


# Site, home page, section, view restrictions, translations and contact settings come from
# the shared cache (core/caching/routing.py), so serving costs one query (the page); the page adds
# four whatever the number of comments: themes, places and documents in one UNION,
# questions, every count in one aggregate, and the page of comments.
DETAIL_PAGE_BUDGET = 5


@pytest.mark.parametrize("count", [10, 500])
def test_consultation_page_query_count_is_flat(client, outcome_with_answers, count, django_assert_max_num_queries):
    CommentFactory.create_batch(count, consultation=outcome_with_answers, outcome="partly", council_reply="Thanks")
    client.get(outcome_with_answers.url)  # warm the site-root cache, as any running site has it
    with django_assert_max_num_queries(DETAIL_PAGE_BUDGET):
        response = client.get(outcome_with_answers.url)
    assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 500])
def test_open_consultation_page_query_count_is_flat(client, four_stages, count, django_assert_max_num_queries):
    open_ = four_stages[1]
    ConsultationQuestionFactory(page=open_, kind="multiple", choices="A\nB")
    CommentFactory.create_batch(count, consultation=open_)
    client.get(open_.url)
    with django_assert_max_num_queries(DETAIL_PAGE_BUDGET):
        response = client.get(open_.url)
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_index_query_count_is_flat(client, index_page, vocabulary, count, django_assert_max_num_queries):
    for _ in range(count):
        page = ConsultationPageFactory(parent=index_page)
        page.themes.add(vocabulary[0])
        page.save_revision().publish()
    client.get(index_page.url)
    # The counts by stage, each stage's first few (here all open), and their tags.
    with django_assert_max_num_queries(3):
        assert client.get(index_page.url).status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(index_page.url + "?state=open&page=2").status_code == 200


def test_the_kept_listing_follows_a_consultation_into_its_next_stage_without_a_publication(
    client, index_page, monkeypatch
):
    opening = timezone.now() + timedelta(hours=1)
    ConsultationPageFactory(parent=index_page, title="Bus routes", opens_at=opening, closes_at=days(30))
    before = client.get(index_page.url).content.decode()
    assert "Bus routes" in section(before, "group-upcoming")
    assert "Bus routes" in section(client.get(index_page.url).content.decode(), "group-upcoming")  # kept

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(hours=1, seconds=5))
    after = client.get(index_page.url).content.decode()
    assert "Bus routes" in section(after, "group-open")
    assert "Bus routes" not in section(after, "group-upcoming")


def closed_consultations(index_page, count):
    for number in range(count):
        ConsultationPageFactory(
            parent=index_page, title=f"Closed review {number:02}", opens_at=days(-90), closes_at=days(-10 - number)
        )


def test_the_index_shows_each_stages_first_few_and_links_to_all_of_them(client, index_page):
    closed_consultations(index_page, 12)
    content = client.get(index_page.url).content.decode()
    closed = section(content, "group-closed")
    assert "(12)" in content.split('id="group-closed"', 1)[1].split("</h2>", 1)[0]  # the stage's total
    assert closed.count('class="card consultation-card"') == 10
    assert "Closed review 00" in closed and "Closed review 11" not in closed  # most recently closed first
    assert "See all 12 consultations (Closed: under consideration)" in closed
    assert 'href="?state=closed"' in closed


def test_one_stage_lists_all_its_consultations_in_pages(client, index_page):
    closed_consultations(index_page, 30)
    first = section(client.get(index_page.url + "?state=closed").content.decode(), "group-closed")
    assert first.count('class="card consultation-card"') == 25
    assert "See all" not in first
    assert 'aria-label="Pages of consultations"' in first
    second = section(client.get(index_page.url + "?state=closed&page=2").content.decode(), "group-closed")
    assert sorted(re.findall(r"Closed review \d+", second)) == [f"Closed review {n}" for n in range(25, 30)]


def test_a_private_consultation_is_listed_nowhere_public(client, index_page, four_stages):
    from wagtail.models import PageViewRestriction

    open_ = four_stages[1]
    PageViewRestriction.objects.create(page=open_, restriction_type="password", password="secret")
    for address in ("/", index_page.url, "/consultations/feed/"):
        assert "Parks review" not in client.get(address).content.decode(), address
    assert "Library hours" in client.get(index_page.url).content.decode()


def test_consultations_under_a_private_index_are_listed_nowhere_public(client, index_page, four_stages):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=index_page, restriction_type="password", password="secret")
    assert "Parks review" not in client.get("/").content.decode()
    assert "Parks review" not in client.get("/consultations/feed/").content.decode()


def test_page_lists_its_documents_themes_and_places(client, four_stages):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    from consultations.models import ConsultationDocument

    open_ = four_stages[1]
    plan = Document.objects.create(title="Draft parks plan", file=ContentFile(b"%PDF-1.4", name="parks-plan.pdf"))
    easy = Document.objects.create(title="Untitled", file=ContentFile(b"%PDF-1.4", name="easy-read.pdf"))
    ConsultationDocument.objects.create(page=open_, document=plan, sort_order=0)
    ConsultationDocument.objects.create(page=open_, document=easy, title="Easy Read version", sort_order=1)
    content = client.get(open_.url).content.decode()
    assert f'<a class="govuk-link" href="{plan.url}">Draft parks plan</a> (PDF)' in content
    assert f'<a class="govuk-link" href="{easy.url}">Easy Read version</a>' in content
    assert content.index("Draft parks plan") < content.index("Easy Read version")
    topics = content.split(">Themes and places</dt>", 1)[1].split("</dd>", 1)[0]
    assert "<li>Healthier communities</li><li>Upton upon Severn</li>" in topics


def test_a_password_protected_consultation_asks_for_the_password(client, index_page, four_stages):
    from wagtail.models import PageViewRestriction

    open_ = four_stages[1]
    PageViewRestriction.objects.create(page=open_, restriction_type="password", password="secret")
    content = client.get(open_.url).content.decode()
    assert 'name="password"' in content
    assert "What we are asking about" not in content


def test_a_restriction_on_the_index_protects_every_consultation(client, index_page, four_stages):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=index_page, restriction_type="password", password="secret")
    for page in four_stages:
        content = client.get(page.url).content.decode()
        assert 'name="password"' in content, page.title
        assert "What we are asking about" not in content


def test_view_restrictions_match_wagtails_own(index_page, four_stages):
    from wagtail.models import Page, PageViewRestriction

    open_ = four_stages[1]
    restriction = PageViewRestriction.objects.create(page=index_page, restriction_type="login")
    assert list(open_.get_view_restrictions()) == list(Page.get_view_restrictions(open_)) == [restriction]


# The design system (GOV.UK Frontend) --------------------------------------------------------

STATE_TAGS = {
    "Future bus routes": ("govuk-tag--light-blue", "Upcoming"),
    "Parks review": ("govuk-tag--green", "Open"),
    "Library hours": ("govuk-tag--grey", "Closed: under consideration"),
    "Town centre plan": ("govuk-tag--purple", "Outcome published"),
}


def test_every_stage_is_a_tag_that_says_the_stage_in_words(client, index_page, four_stages):
    listing = client.get(index_page.url).content.decode()
    for page in four_stages:
        colour, words = STATE_TAGS[page.title]
        tag = f'<strong class="govuk-tag {colour} consultation-state">{words}</strong>'
        card = listing.split(f">{page.title}</a>", 1)[1].split("</li>", 1)[0]
        assert tag in card, page.title
        detail = client.get(page.url).content.decode()
        stage = detail.split('<dt class="govuk-summary-list__key">Stage</dt>', 1)[1].split("</dd>", 1)[0]
        assert tag in stage, page.title


def test_dates_are_a_summary_list_and_the_notices_inset_text(client, four_stages):
    upcoming, _open, closed, _outcome = four_stages
    content = client.get(upcoming.url).content.decode()
    opens = date_format(timezone.localtime(upcoming.opens_at), "j F Y, H:i")
    assert '<dl class="govuk-summary-list consultation__facts">' in content
    assert re.search(
        r'<dt class="govuk-summary-list__key">Opens</dt>\s*<dd class="govuk-summary-list__value"><time [^>]+>'
        + re.escape(opens),
        content,
    )
    assert f'<div class="govuk-inset-text" id="opening-notice">Not open yet: you can comment from {opens}' in content
    closed_content = client.get(closed.url).content.decode()
    assert '<div class="govuk-inset-text">This consultation has closed. The council is considering' in closed_content


def test_answers_table_is_labelled_by_its_caption_and_scrolls_in_its_own_focusable_region(client, outcome_with_answers):
    content = client.get(outcome_with_answers.url).content.decode()
    region = re.search(r'<div class="table-scroll" role="region" aria-labelledby="([^"]+)" tabindex="0">', content)
    assert region
    assert f'<caption class="govuk-table__caption govuk-table__caption--s" id="{region.group(1)}">' in content
    assert '<table class="govuk-table">' in content
    # The chart draws the bars in SVG, hidden from screen readers: the numbers are in the text.
    assert '<svg class="chart__svg"' in content and 'aria-hidden="true"' in content
    assert "Show the figures as a table" in content


def test_comment_outcomes_are_tags_that_say_what_happened(client, outcome_with_answers):
    content = client.get(outcome_with_answers.url).content.decode()
    assert '<strong class="govuk-tag govuk-tag--green">Adopted</strong>' in content


def test_consultation_breadcrumbs_have_the_same_markup_as_every_other_page(client, four_stages):
    from django.template.loader import render_to_string

    open_ = four_stages[1]
    content = client.get(open_.url).content.decode()
    shown = re.search(r'<nav class="govuk-breadcrumbs.*?</nav>', content, re.S).group(0)
    generic = render_to_string("includes/breadcrumbs.html", {"page": open_})

    def normalised(html):
        return re.sub(r">\s+<", "><", html.strip())

    assert normalised(shown) == normalised(generic)
    assert '<a class="govuk-breadcrumbs__link" href="/consultations/">' in shown


def test_comments_are_paged_with_govuk_pagination(client, four_stages):
    from consultations.models import COMMENTS_PER_PAGE

    open_ = four_stages[1]
    CommentFactory.create_batch(COMMENTS_PER_PAGE * 3 + 1, consultation=open_)
    content = client.get(open_.url + "?page=2").content.decode()
    nav = re.search(r'<nav class="govuk-pagination" aria-label="Pages of comments">.*?</nav>', content, re.S).group(0)
    assert 'href="?page=1#comments" rel="prev"' in nav and 'href="?page=3#comments" rel="next"' in nav
    assert 'aria-label="Page 2" aria-current="page">2</a>' in nav
    assert 'href="?page=4#comments" aria-label="Page 4">4</a>' in nav


def test_comment_form_uses_govuk_components(client, four_stages):
    content = client.get(four_stages[1].url).content.decode()
    form = content.split('id="comment-form"', 1)[1].split("</section>", 1)[0]
    assert 'data-module="govuk-character-count" data-maxlength="3000"' in form
    assert '<button type="submit" class="govuk-button" data-module="govuk-button"' in form


def test_confirming_a_comment_shows_a_confirmation_panel(client, four_stages):
    comment = CommentFactory(consultation=four_stages[1], confirmed_at=None, confirmation_token="tok-123")
    link = "/consultations/confirm/tok-123/"
    before = client.get(link).content.decode()
    assert "govuk-panel" not in before
    content = client.post(link).content.decode()
    assert re.search(
        r'<div class="govuk-panel govuk-panel--confirmation">\s*<h1 class="govuk-panel__title">'
        r"Your comment is confirmed</h1>",
        content,
    )
    comment.refresh_from_db()
    assert comment.confirmed_at is not None


def test_public_consultation_pages_have_no_inline_styles(client, index_page, outcome_with_answers, four_stages):
    for address in ["/", index_page.url, *(page.url for page in four_stages)]:
        assert 'style="' not in client.get(address).content.decode(), address
