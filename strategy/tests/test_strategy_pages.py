import re

import pytest

from strategy.models import StrategyPage, SurveyFigure, Theme, Workstream

PRINCIPLES = ["Resident-led", "Relationship oriented", "Asset-based", "Place-based", "Diversity and inclusion focused"]
SECTIONS = [
    "Foreword",
    "Introduction",
    "Why do we need a strategy?",
    "Our values",
    "Knowing our communities",
    "Our approach",
    "Testimonials",
    "Key partnerships",
    "Making it happen",
    "Workstreams",
    "Evaluation and learning",
]


@pytest.fixture
def strategy_html(client, strategy_site):
    """The whole strategy on one page (each chapter has its own page too: test_chapters.py)."""
    response = client.get("/strategy/full/")
    assert response.status_code == 200
    return response.content.decode()


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_strategy_shows_survey_figure_with_its_statement(strategy_html):
    assert "75%</strong> feel friendships and good neighbours is a strength" in strategy_html
    assert "However, 5% feel not at all." in strategy_html


def test_strategy_shows_all_five_principles_with_questions(strategy_html):
    for principle in PRINCIPLES:
        assert principle in strategy_html
    assert "What do I love about my neighbourhood?" in strategy_html


def test_strategy_lists_all_seventeen_workstreams(strategy_html):
    workstreams = Workstream.objects.all()
    assert workstreams.count() == 17
    for workstream in workstreams:
        assert workstream.title in text_of(strategy_html).replace("&#x27;", "'")


def test_every_section_is_in_the_table_of_contents_with_a_working_anchor(strategy_html):
    contents = strategy_html.split('id="contents"', 1)[1].split("</nav>", 1)[0]
    anchors = re.findall(r'href="#([^"]+)"', contents)
    for anchor in anchors:
        assert f'id="{anchor}"' in strategy_html
    page_text = text_of(contents)
    for heading in SECTIONS:
        assert any(heading.lower() in item.lower() for item in [page_text]), heading


@pytest.mark.parametrize("url", ["/strategy/", "/strategy/our-values/", "/strategy/full/"])
def test_strategy_page_has_one_h1_landmarks_and_skip_link(client, strategy_site, url):
    html = client.get(url).content.decode()
    assert html.count("<h1") == 1
    assert 'href="#main-content"' in html
    assert '<main class="govuk-main-wrapper" id="main-content"' in html
    assert "<header" in html and "<footer" in html and "<nav" in html


def test_survey_figures_are_data_with_theme(strategy_site):
    figure = SurveyFigure.objects.get(statement="feel friendships and good neighbours is a strength")
    assert figure.value == 75
    assert figure.theme.slug == "healthier"
    assert figure.counterpoint_value == 5
    influence = SurveyFigure.objects.get(statement__startswith="agree that they can influence decisions")
    assert influence.value == 40
    assert set(SurveyFigure.objects.values_list("section", flat=True)) == {"knowing", "about_us", "covid"}


def test_strategy_text_is_the_real_seed_text(strategy_html):
    text = text_of(strategy_html)
    assert "what's strong rather than what's wrong" in text.replace("&#x27;", "'").replace("’", "'")
    assert "£500,000" in text
    assert "Councillor Sarah Rouse" in text
    assert "Nesta" in text


def test_each_theme_page_lists_its_workstreams(client, strategy_site):
    for theme in Theme.objects.all():
        response = client.get(f"/strategy/{theme.slug}/")
        assert response.status_code == 200
        html = response.content.decode().replace("&#x27;", "'")
        assert f'<h1 class="govuk-heading-xl">{theme.name}</h1>' in html
        for workstream in theme.workstreams.all():
            assert workstream.title in html
        other = Workstream.objects.exclude(theme=theme).first()
        assert other.title not in html


def test_strategy_page_query_count_does_not_grow_with_its_sections(
    client, strategy_site, django_assert_max_num_queries
):
    # Routing, view restrictions and settings come from the shared cache (core/caching/routing.py);
    # then one query each for the theme pages, survey figures, workstreams, assets and
    # partnership themes, however many sections use them.
    client.get("/strategy/")  # warm the cache, as on any running site
    with django_assert_max_num_queries(5):
        client.get("/strategy/")
    page = StrategyPage.objects.get()
    page.body = list(page.body.raw_data) * 3
    page.save_revision().publish()
    client.get("/strategy/")  # the publication started a new cache generation
    with django_assert_max_num_queries(5):
        assert client.get("/strategy/").status_code == 200


def test_home_page_renders_in_a_pinned_number_of_queries(client, strategy_site, django_assert_max_num_queries):
    # 6 on PostgreSQL with every section of the home page.
    client.get("/")
    with django_assert_max_num_queries(6):
        client.get("/")


def test_editors_can_rearrange_sections(client, strategy_site):
    page = StrategyPage.objects.get()
    sections = list(page.body)
    page.body = [(block.block_type, block.value) for block in reversed(sections)]
    page.save_revision().publish()
    html = client.get("/strategy/full/").content.decode()
    assert html.index('id="further-information"') < html.index('id="foreword"')
    # The first section is the first chapter, shown at the strategy's own address.
    assert 'id="further-information-heading">Further information</h2>' in client.get("/strategy/").content.decode()
