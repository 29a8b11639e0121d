"""The sample pledges `load_sample_content` creates from the strategy's real commitments."""

from django.core.management import call_command

from wagtail.models import Revision

from pledges.models import Indicator, PledgeIndexPage, PledgePage, PledgeUpdate, ReviewEditionPage
from sample_content.pledges import PLEDGES, load_demo_pledges


def test_demo_creates_a_pledge_for_each_commitment_with_an_update(strategy_site):
    index = load_demo_pledges(strategy_site)
    pledges = PledgePage.objects.live().descendant_of(index)
    assert pledges.count() == len(PLEDGES)
    titles = set(pledges.values_list("title", flat=True))
    assert "Develop the district volunteer service" in titles
    assert "Support the Good Neighbour Network and Community Watch schemes" in titles
    assert "Host a series of ABCD events" in titles
    assert "Capture the ripple effect of community projects" in titles
    assert "Review the action plan every year" in titles
    assert "Review the strategy after five years" in titles
    assert set(pledges.exclude(investment_priority="").values_list("investment_priority", flat=True)) == {
        "places",
        "people",
        "social_sector",
    }
    for pledge in pledges:
        assert pledge.updates.exists(), pledge.title
    for item in PLEDGES:
        pledge = pledges.get(slug=item["slug"])
        assert sorted(pledge.workstreams.values_list("title", flat=True)) == sorted(item["workstreams"])
    # Updates are invented, and say so.
    assert all(text.startswith("Example update: ") for text in PledgeUpdate.objects.values_list("text", flat=True))


def test_demo_indicators_take_their_baselines_from_the_survey(strategy_site):
    load_demo_pledges(strategy_site)
    influence = Indicator.objects.get(pledge__slug="crowdfunding-and-online-engagement")
    assert influence.baseline_figure.statement == "agree that they can influence decisions in their local area"
    assert influence.baseline == 40
    volunteering = Indicator.objects.get(pledge__slug="district-volunteer-service")
    assert volunteering.baseline == 55
    assert Indicator.objects.filter(baseline_figure__isnull=True).count() == 0


def test_demo_publishes_a_frozen_review_edition(client, strategy_site):
    load_demo_pledges(strategy_site)
    edition = ReviewEditionPage.objects.get(year=2025)
    assert edition.live and edition.frozen_at
    assert len(edition.snapshot["pledges"]) == len(PLEDGES)
    assert client.get("/pledges/review/2025/").status_code == 200


def test_demo_is_idempotent(strategy_site):
    load_demo_pledges(strategy_site)
    counts = (
        PledgePage.objects.count(),
        PledgeUpdate.objects.count(),
        Indicator.objects.count(),
        Revision.objects.count(),
    )
    load_demo_pledges(strategy_site)
    assert (
        PledgePage.objects.count(),
        PledgeUpdate.objects.count(),
        Indicator.objects.count(),
        Revision.objects.count(),
    ) == counts


def test_load_sample_content_command_loads_the_pledges(db, client):
    call_command("load_sample_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert PledgeIndexPage.objects.live().count() == 1
    response = client.get("/pledges/")
    assert response.status_code == 200
    assert "Develop the district volunteer service" in response.content.decode()
