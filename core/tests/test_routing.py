"""The cached site, sections and view restrictions (core/caching/routing.py) never outlive a change."""

from wagtail.models import PageViewRestriction

from core.caching.page_cache import current_generation, invalidate, page_cache
from core.caching.routing import cached
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
    assert (
        '<a class="govuk-breadcrumbs__link" href="/strategy/">' in content
        and 'aria-current="page">' + theme_page.title in content
    )


def test_an_answer_is_kept_in_the_workers_memory_until_the_next_generation(db):
    """Between publications a worker answers from its own copy, without a shared-cache trip."""
    computed = []

    def compute():
        computed.append(1)
        return f"answer {len(computed)}"

    assert cached("probe", compute) == "answer 1"
    page_cache().delete(f"serving:{current_generation()}:probe")  # gone from the shared cache
    assert cached("probe", compute) == "answer 1"
    assert len(computed) == 1

    invalidate()  # a publication, in this worker or any other
    assert cached("probe", compute) == "answer 2"


def test_an_emptied_shared_cache_never_brings_back_a_workers_old_answers(db):
    """Redis keeps nothing on disk: after a restart the generation must not start again where it did."""
    assert cached("probe", lambda: "before the restart") == "before the restart"
    page_cache().clear()
    assert cached("probe", lambda: "after the restart") == "after the restart"
