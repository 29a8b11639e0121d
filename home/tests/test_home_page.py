import pytest


@pytest.fixture
def home_html(client, strategy_site):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_home_page_says_what_connected_communities_is(home_html):
    assert '<h1 class="govuk-heading-xl">Connected Communities</h1>' in home_html
    assert "Read the strategy" in home_html


def test_home_page_shows_the_three_themes_linked_to_their_pages(home_html):
    for slug, name in [
        ("healthier", "Healthier communities"),
        ("safer-and-inclusive", "Safer and inclusive communities"),
        ("stronger-and-sustainable", "Stronger and sustainable communities"),
    ]:
        assert f'<a class="govuk-link" href="/strategy/{slug}/">{name}</a>' in home_html


@pytest.mark.parametrize(
    "figure, description",
    [
        ("25", "good neighbour schemes and 5 neighbourhood watch schemes"),
        ("48", "village halls and community facilities"),
        ("54", "town and parish councils"),
        ("Over 100", "sports clubs"),
        ("347", "general charities with a total income of £28.8m"),
    ],
)
def test_home_page_shows_the_community_assets_snapshot(home_html, figure, description):
    assert (
        f'<span class="key-facts__figure">{figure}</span> <span class="key-facts__description">{description}</span>'
        in home_html
    )


def test_footer_links_accessibility_statement_privacy_and_contact(client, home_html):
    assert 'href="/accessibility-statement/"' in home_html
    assert 'href="/privacy-notice/"' in home_html
    assert "communityservices@malvernhills.gov.uk" in home_html
    statement = client.get("/accessibility-statement/").content.decode()
    for heading in (
        "How accessible this website is",
        "Enforcement procedure",
        "Compliance status",
        "Preparation of this accessibility statement",
    ):
        assert heading in statement
    assert client.get("/privacy-notice/").status_code == 200


def test_anonymous_visitor_gets_no_cookies(client, strategy_site):
    for url in ("/", "/strategy/", "/strategy/healthier/", "/search/?q=volunteer", "/no-such-page/"):
        response = client.get(url)
        assert not response.cookies, f"{url} set {list(response.cookies)}"


def test_home_page_opens_with_govuk_typography_and_a_start_button(home_html):
    hero = home_html.split('<div class="home-hero">', 1)[1].split('<div class="home-sections">', 1)[0]
    assert '<h1 class="govuk-heading-xl">Connected Communities</h1>' in hero
    assert '<p class="govuk-body-l">' in hero
    assert '<a class="govuk-button govuk-button--start" href="/strategy/" role="button"' in hero
    assert '<svg class="govuk-button__start-icon"' in hero and 'aria-hidden="true"' in hero


def test_home_page_sections_sit_in_one_spaced_container_with_govuk_headings(home_html):
    sections = home_html.split('<div class="home-sections">', 1)[1]
    assert '<h2 class="govuk-heading-l" id="themes-heading">Our three themes</h2>' in sections
    assert '<h2 class="govuk-heading-l" id="assets-heading">Community assets snapshot</h2>' in sections


def test_standard_page_rich_text_takes_govuk_typography(client, strategy_site):
    html = client.get("/accessibility-statement/").content.decode()
    assert '<h1 class="govuk-heading-xl">' in html
    body = html.split('<div class="prose">', 1)[1]
    assert "<h2>How accessible this website is</h2>" in body
    assert 'style="' not in html
