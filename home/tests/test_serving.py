"""The cached site, sections and view restrictions (home/serving.py) never outlive a change."""

from wagtail.models import PageViewRestriction

from strategy.models import StrategyPage, ThemePage


def test_an_unpublished_section_is_gone_at_once(client, strategy_site):
    assert client.get("/strategy/").status_code == 200
    StrategyPage.objects.get().unpublish()
    assert client.get("/strategy/").status_code == 404


def test_a_section_made_private_asks_anonymous_visitors_to_sign_in_at_once(client, strategy_site):
    assert client.get("/strategy/healthier/").status_code == 200
    PageViewRestriction.objects.create(page=StrategyPage.objects.get(), restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/strategy/healthier/")
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "login" in response["Location"]
    assert "healthier" not in client.get("/").content.decode()  # nor listed on the home page


def test_a_renamed_section_moves_at_once(client, strategy_site):
    assert client.get("/strategy/").status_code == 200
    strategy = StrategyPage.objects.get()
    strategy.slug = "our-strategy"
    strategy.save_revision().publish()
    assert client.get("/strategy/").status_code == 404
    assert client.get("/our-strategy/healthier/").status_code == 200


def test_breadcrumbs_come_from_routing_and_name_every_ancestor(client, strategy_site):
    theme_page = ThemePage.objects.first()
    content = client.get(theme_page.url).content.decode()
    assert '<a href="/strategy/">' in content and 'aria-current="page">' + theme_page.title in content
