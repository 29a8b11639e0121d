"""The residents' vote: the ballot form, one ballot per address, confirmation by email, the results."""

import re
import threading
from datetime import timedelta
from decimal import Decimal

from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

import pytest

from fund.factories import BallotFactory, publish_project
from fund.models import Ballot, BallotChoice, FundRoundPage
from fund.voting import store_ballot

from .helpers import make_round

VOTER = "sam@example.org"


def add_project(round_page, title, cost, priority, places=(), **fields):
    return publish_project(round_page, places=places, title=title, cost=Decimal(cost), priority=priority, **fields)


@pytest.fixture
def voting_round(fund, priorities, places):
    now = timezone.now()
    return make_round(
        fund,
        priorities=list(priorities.values()),
        title="Round three",
        slug="round-three",
        budget=Decimal("10000"),
        opens_at=now - timedelta(days=40),
        closes_at=now - timedelta(days=10),
        voting_opens_at=now - timedelta(days=2),
        voting_closes_at=now + timedelta(days=5),
        decisions_on=now + timedelta(days=20),
    )


@pytest.fixture
def projects(voting_round, priorities, places):
    return {
        "garden": add_project(voting_round, "Community garden", "6000", priorities["places"], [places["malvern"]]),
        "lifts": add_project(voting_round, "Lifts to the surgery", "3000", priorities["people"], [places["upton"]]),
        "cafe": add_project(voting_round, "Repair café", "2000", priorities["social"]),
    }


def ballot_data(*chosen, email=VOTER, postcode="WR14 3AF", **extra):
    return {"projects": [str(project.pk) for project in chosen], "email": email, "postcode": postcode, **extra}


def vote_url(round_page):
    return f"/fund/rounds/{round_page.pk}/vote/"


def send(client, round_page, *chosen, **fields):
    return client.post(vote_url(round_page), ballot_data(*chosen, **fields))


def close_voting(round_page):
    now = timezone.now()
    FundRoundPage.objects.filter(pk=round_page.pk).update(
        voting_closes_at=now - timedelta(minutes=1), decisions_on=now + timedelta(days=10)
    )
    round_page.refresh_from_db()


def link_path():
    return re.search(r"https?://[^/\s]+(/fund/vote/confirm/\S+)", mail.outbox[-1].body).group(1)


# The form


def test_round_in_its_vote_shows_the_ballot_with_cost_place_and_priority(client, voting_round, projects):
    content = client.get(voting_round.url).content.decode()
    assert "Vote for the projects you want funded" in content
    assert f'action="{vote_url(voting_round)}"' in content
    for project in projects.values():
        assert f'name="projects" type="checkbox" value="{project.pk}"' in content
    assert "Community garden: £6,000" in content and "Repair café: £2,000" in content
    assert "Priority: People." in content and "Priority: The social sector." in content
    assert "Malvern" in content and "Upton-upon-Severn" in content and "the whole district" in content
    assert 'src="/static/js/fund-ballot.js"' in content


def test_a_ballot_over_the_budget_is_refused_naming_the_amounts_and_keeps_what_was_typed(
    client, voting_round, projects
):
    response = send(client, voting_round, *projects.values(), email="Sam@Example.org", postcode="wr14 3af")
    assert response.status_code == 400
    content = response.content.decode()
    assert "There is a problem" in content
    assert "Your choices cost £11,000, which is more than the £10,000 this round can fund." in content
    assert "Your choices cost £11,000 of the £10,000 budget." in content  # the running total
    assert 'value="Sam@Example.org"' in content and 'value="wr14 3af"' in content
    for project in projects.values():
        assert f'value="{project.pk}" data-cost="{project.cost}" aria-describedby="id_projects_' in content
    assert content.count(" checked>") == 3
    # The page's title says there is a problem, as each form page with errors does.
    assert "<title>Error: " in content
    assert not Ballot.objects.exists()
    assert mail.outbox == []


def test_the_round_page_title_has_no_error_before_a_ballot_is_sent(client, voting_round, projects):
    assert "<title>Error:" not in client.get(voting_round.url).content.decode()


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("B1 1AA", "B1 1AA is outside the district. Residents with a postcode starting WR2, WR6"),
        ("hello", "Enter a full postcode, like WR14 3AF"),
        ("", "Enter your postcode"),
    ],
)
def test_a_postcode_outside_the_district_or_not_a_postcode_is_refused(
    client, voting_round, projects, postcode, message
):
    response = send(client, voting_round, projects["cafe"], postcode=postcode)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Ballot.objects.exists()


def test_the_postcode_districts_are_a_setting(client, voting_round, projects, settings):
    settings.FUND_VOTE_POSTCODE_DISTRICTS = ["B1"]
    assert send(client, voting_round, projects["cafe"], postcode=" b11aa ").status_code == 302
    assert Ballot.objects.get().postcode == "B1 1AA"


@pytest.mark.parametrize(
    ("email", "message"),
    [("", "Enter your email address"), ("not-an-address", "Enter an email address in the correct format")],
)
def test_a_ballot_without_a_valid_email_address_is_refused(client, voting_round, projects, email, message):
    response = send(client, voting_round, projects["cafe"], email=email)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_ballot_without_a_choice_is_refused(client, voting_round, projects):
    response = send(client, voting_round)
    assert response.status_code == 400
    assert "Choose at least one project." in response.content.decode()


def test_a_choice_from_another_round_is_refused(client, voting_round, projects, open_round, priorities):
    elsewhere = add_project(open_round, "Elsewhere", "100", priorities["people"])
    response = send(client, voting_round, elsewhere)
    assert response.status_code == 400
    assert "One of your choices is not a project in this round." in response.content.decode()


def test_a_bot_filling_the_hidden_field_is_refused(client, voting_round, projects):
    response = send(client, voting_round, projects["cafe"], website="http://spam.example")
    assert response.status_code == 400
    assert not Ballot.objects.exists()


def test_ballots_are_rate_limited_per_client(client, voting_round, projects, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    assert send(client, voting_round, projects["cafe"], email="a@example.org").status_code == 302
    assert send(client, voting_round, projects["cafe"], email="b@example.org").status_code == 302
    response = send(client, voting_round, projects["cafe"], email="c@example.org")
    assert response.status_code == 429
    assert "c@example.org" in response.content.decode()  # what was typed is given back
    assert Ballot.objects.count() == 2


def test_a_ballot_sent_when_the_vote_is_not_open_is_refused_and_what_was_typed_given_back(
    client, voting_round, projects
):
    close_voting(voting_round)
    response = send(client, voting_round, projects["cafe"])
    assert response.status_code == 403
    content = response.content.decode()
    assert "The vote is not open, so we could not accept your ballot." in content
    assert VOTER in content
    assert not Ballot.objects.exists()


# One ballot per address, confirmed by email


def test_a_valid_ballot_is_stored_unconfirmed_and_a_confirmation_link_emailed(client, voting_round, projects):
    response = send(client, voting_round, projects["garden"], projects["cafe"], postcode="wr143af")
    assert response.status_code == 302
    assert response["Location"] == f"/fund/rounds/{voting_round.pk}/vote/sent/"
    ballot = Ballot.objects.get()
    assert (ballot.email, ballot.postcode, ballot.confirmed_at) == (VOTER, "WR14 3AF", None)
    assert set(ballot.choices.values_list("project_id", flat=True)) == {projects["garden"].pk, projects["cafe"].pk}
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [VOTER]
    assert "Confirm your vote in Round three" in email.subject
    assert "Community garden (£6,000)" in email.body and "Repair café (£2,000)" in email.body
    assert "£8,000" in email.body
    sent = client.get(response["Location"])
    assert "Check your email to confirm your vote" in sent.content.decode()
    assert "your earlier choices still count until you follow the new link" in sent.content.decode()


def counted(ballot):
    return set(ballot.choices.filter(pending=False).values_list("project_id", flat=True))


def test_a_second_ballot_from_the_same_address_replaces_the_first_once_its_link_is_followed(
    client, voting_round, projects
):
    send(client, voting_round, projects["garden"])
    client.post(link_path())
    assert counted(Ballot.objects.get()) == {projects["garden"].pk}

    response = send(client, voting_round, projects["lifts"], projects["cafe"], email="SAM@example.org ")
    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert ballot.confirmed_at is not None
    assert counted(ballot) == {projects["garden"].pk}  # the counted vote stands until the new link is followed
    assert len(mail.outbox) == 2

    confirm_page = client.get(link_path()).content.decode()
    assert "Lifts to the surgery" in confirm_page and "Community garden" not in confirm_page
    client.post(link_path())
    assert counted(Ballot.objects.get()) == {projects["lifts"].pk, projects["cafe"].pk}
    assert BallotChoice.objects.count() == 2


def test_someone_sending_a_ballot_with_a_voters_address_does_not_undo_their_vote(client, voting_round, projects):
    send(client, voting_round, projects["garden"])
    client.post(link_path())
    send(Client(), voting_round, projects["cafe"])  # another person, who knows the address but not the mailbox
    close_voting(voting_round)
    content = client.get(voting_round.url).content.decode()
    assert "1 confirmed ballot was counted." in content
    votes = {title: count for _rank, title, count, _outcome in results_rows(content)}
    assert votes == {"Community garden": 1, "Repair café": 0, "Lifts to the surgery": 0}


def test_the_confirmation_link_shows_the_choices_then_counts_the_ballot_once(client, voting_round, projects):
    send(client, voting_round, projects["garden"], projects["lifts"])
    path = link_path()

    page = client.get(path)
    assert page.status_code == 200
    content = page.content.decode()
    assert "Confirm your vote" in content and "Community garden: £6,000" in content and "£9,000" in content
    assert Ballot.objects.get().confirmed_at is None  # a mail scanner's GET confirms nothing

    confirmed = client.post(path)
    assert "Your vote is confirmed" in confirmed.content.decode()
    assert Ballot.objects.get().confirmed_at is not None

    again = client.post(path)
    assert again.status_code == 404
    assert "This link no longer works" in again.content.decode()


def test_the_link_of_a_replaced_ballot_no_longer_confirms(client, voting_round, projects):
    send(client, voting_round, projects["garden"])
    first = link_path()
    send(client, voting_round, projects["cafe"])
    assert client.post(first).status_code == 404
    assert Ballot.objects.get().confirmed_at is None
    assert client.post(link_path()).status_code == 200
    assert Ballot.objects.get().confirmed_at is not None


def test_the_link_expires_when_voting_closes(client, voting_round, projects):
    send(client, voting_round, projects["garden"])
    path = link_path()
    close_voting(voting_round)
    response = client.post(path)
    assert response.status_code == 410
    assert "Voting closed at" in response.content.decode()
    assert Ballot.objects.get().confirmed_at is None


def test_a_tampered_link_is_refused(client, voting_round, projects):
    send(client, voting_round, projects["garden"])
    path = link_path()
    assert client.post(path[:-3] + "xyz/").status_code == 404
    assert Ballot.objects.get().confirmed_at is None


def test_pages_showing_a_ballot_are_personal_and_never_stored(client, voting_round, projects):
    refused = send(client, voting_round, projects["garden"], email="")
    sent = send(client, voting_round, projects["garden"])
    for response in (refused, sent, client.get(sent["Location"]), client.get(link_path())):
        assert response["Cache-Control"] == "private, no-store"
        assert "noindex" in response["X-Robots-Tag"]


def test_a_confirmation_link_opened_in_a_fresh_browser_is_never_stored_by_the_page_cache(
    client, voting_round, projects, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    send(client, voting_round, projects["garden"])
    path = link_path()
    for _attempt in ("first", "second"):
        response = Client().get(path)
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        assert "X-Page-Cache" not in response


# Results


def cast(round_page, chosen, confirmed=True, email=None):
    ballot = BallotFactory(
        round=round_page, confirmed_at=timezone.now() if confirmed else None, **({"email": email} if email else {})
    )
    BallotChoice.objects.bulk_create(
        [BallotChoice(ballot=ballot, project=project, pending=not confirmed) for project in chosen]
    )
    return ballot


def results_rows(content):
    """(rank, title, votes, outcome) for each row of the results table, in order."""
    table = content.split('class="govuk-table fund-vote-results"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(
        r'<td class="govuk-table__cell govuk-table__cell--numeric">(\d+)</td>\s*<th[^>]*><a[^>]*>([^<]+)</a></th>'
        r'\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>[^<]*</td>\s*<td class="govuk-table__cell">(.*?)</td>',
        table,
    )
    return [(int(rank), title, int(votes), re.sub(r"<[^>]+>", "", outcome)) for rank, title, votes, outcome in rows]


def test_after_the_close_the_results_rank_projects_by_confirmed_votes(client, voting_round, projects):
    garden, lifts, cafe = projects["garden"], projects["lifts"], projects["cafe"]
    for _ in range(3):
        cast(voting_round, [lifts, cafe])
    cast(voting_round, [garden, cafe])
    cast(voting_round, [garden])
    for _ in range(5):
        cast(voting_round, [garden], confirmed=False)  # never confirmed: never counted
    close_voting(voting_round)

    content = client.get(voting_round.url).content.decode()
    assert results_rows(content) == [
        (1, "Repair café", 4, "Funded"),
        (2, "Lifts to the surgery", 3, "Funded"),
        (3, "Community garden", 2, "Not funded: it does not fit the remaining budget"),
    ]
    assert "5 confirmed ballots were counted." in content
    assert "The funded projects cost £5,000 of the £10,000 budget, leaving £5,000." in content
    assert "How the votes were counted" in content and "Projects are ranked by their number of votes" in content
    assert "Vote for the projects you want funded" not in content


def test_during_the_vote_no_count_shows_on_the_page_or_in_the_api(client, voting_round, projects):
    for _ in range(7):
        cast(voting_round, [projects["cafe"]])
    content = client.get(voting_round.url).content.decode()
    assert "Results of the residents" not in content and "fund-vote-results" not in content
    assert "confirmed ballot" not in content
    for path in (f"/api/v2/pages/{voting_round.pk}/", f"/api/v2/pages/{projects['cafe'].pk}/"):
        body = client.get(path).content.decode().lower()
        assert "vote" not in body.replace("voting_opens_at", "").replace("voting_closes_at", "")
        assert "ballot" not in body


def test_no_voter_address_or_postcode_on_public_pages_or_in_the_api(client, voting_round, projects):
    cast(voting_round, [projects["cafe"]], email="private.voter@example.org")
    close_voting(voting_round)
    for path in (
        voting_round.url,
        projects["cafe"].url,
        f"/api/v2/pages/{voting_round.pk}/",
        "/api/v2/pages/?type=fund.ProjectPage",
    ):
        body = client.get(path).content.decode()
        assert "private.voter" not in body and "WR14 3AF" not in body


@pytest.mark.parametrize("count", [10, 100])
def test_round_page_query_count_is_flat_during_the_vote(
    client, voting_round, priorities, places, count, django_assert_max_num_queries
):
    for number in range(count):
        add_project(voting_round, f"Project {number:03}", "100", priorities["people"], [places["malvern"]])
    client.get(voting_round.url)
    # The ballot's projects are the page's own list: the same count at 10 and 100 projects.
    with django_assert_max_num_queries(15):
        response = client.get(voting_round.url)
    assert response.content.decode().count('name="projects" type="checkbox"') == count


@pytest.mark.parametrize("count", [10, 100])
def test_round_page_query_count_is_flat_with_results(
    client, voting_round, priorities, places, count, django_assert_max_num_queries
):
    added = [add_project(voting_round, f"Project {n:03}", "100", priorities["people"]) for n in range(count)]
    for start in range(0, count, 10):
        cast(voting_round, added[start : start + 10])
    client.get(voting_round.url)  # the routing answers are cached from then on, as on a running site
    close_voting(voting_round)
    with django_assert_max_num_queries(17):  # the first view after the close counts the votes
        response = client.get(voting_round.url)
    assert len(results_rows(response.content.decode())) == count


# Two sends from one address at the same moment


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_ballots_from_one_address_store_one_ballot(voting_round, projects):
    barrier = threading.Barrier(6)
    errors = []

    def vote(project):
        try:
            barrier.wait()
            store_ballot(voting_round, VOTER, "WR14 3AF", [project.pk])
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=vote, args=(project,)) for project in list(projects.values()) * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Ballot.objects.filter(round=voting_round).count() == 1
    assert BallotChoice.objects.count() == 1
