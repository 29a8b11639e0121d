"""The residents' vote: counting ballots, ranking, the greedy-skip funding rule and ballot checks.

Plain functions on plain values: no database. The examples are the cases the published
method describes; the property tests state what the method guarantees and check it on
generated rounds.
"""

import random
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fund.tally import (
    METHOD,
    Project,
    Reason,
    ballot_error,
    ballot_fits,
    count_votes,
    format_money,
    ranking_key,
    tally,
)

PROPERTY_SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome_of(result, project_id):
    (outcome,) = [outcome for outcome in result.outcomes if outcome.project.id == project_id]
    return outcome


def ranked_ids(result):
    return [outcome.project.id for outcome in result.outcomes]


# Examples


def test_a_project_that_no_longer_fits_is_skipped_and_a_cheaper_one_below_is_funded():
    projects = [
        Project(id=1, cost=Decimal("5000"), votes=30, submission_order=1),
        Project(id=2, cost=Decimal("4000"), votes=20, submission_order=2),
        Project(id=3, cost=Decimal("1000"), votes=10, submission_order=3),
    ]
    result = tally(Decimal("8000"), projects)

    assert ranked_ids(result) == [1, 2, 3]
    assert [outcome.reason for outcome in result.outcomes] == [Reason.FUNDED, Reason.DOES_NOT_FIT, Reason.FUNDED]
    assert outcome_of(result, 2).left_before == Decimal("3000")
    assert [project.id for project in result.funded] == [1, 3]
    assert result.total_funded == Decimal("6000")
    assert result.left == Decimal("2000")
    assert str(Reason.DOES_NOT_FIT.label) == "Not funded: it does not fit the remaining budget"


def test_tied_votes_rank_the_cheaper_project_first_so_it_is_the_one_funded():
    # Two projects with 12 votes each; the budget pays for one of them only.
    projects = [
        Project(id=1, cost=Decimal("700"), votes=12, submission_order=1),
        Project(id=2, cost=Decimal("600"), votes=12, submission_order=2),
    ]
    result = tally(Decimal("1000"), projects)

    assert ranked_ids(result) == [2, 1]
    assert outcome_of(result, 2).reason is Reason.FUNDED
    assert outcome_of(result, 1).reason is Reason.DOES_NOT_FIT
    assert result.left == Decimal("400")


def test_tied_votes_and_cost_rank_the_earlier_submission_first_then_the_lower_id():
    projects = [
        Project(id=7, cost=Decimal("500"), votes=9, submission_order=3),
        Project(id=8, cost=Decimal("500"), votes=9, submission_order=2),
        Project(id=5, cost=Decimal("500"), votes=9, submission_order=2),
    ]
    result = tally(Decimal("1000"), projects)

    assert ranked_ids(result) == [5, 8, 7]
    assert [project.id for project in result.funded] == [5, 8]
    assert outcome_of(result, 7).reason is Reason.DOES_NOT_FIT


def test_the_published_method_states_the_tie_break_and_the_skip():
    method = str(METHOD)
    assert "same number of votes, the cheaper one is ranked first" in method
    assert "the one submitted first is ranked first" in method
    assert "does not fit is skipped" in method
    assert "no votes are not funded" in method


def test_everyone_under_budget_is_funded_and_the_rest_is_left():
    projects = [
        Project(id="a", cost=Decimal("1200.50"), votes=3),
        Project(id="b", cost=Decimal("800"), votes=8),
        Project(id="c", cost=Decimal("99.50"), votes=1),
    ]
    result = tally(Decimal("5000"), projects)

    assert ranked_ids(result) == ["b", "a", "c"]
    assert all(outcome.funded for outcome in result.outcomes)
    assert result.total_funded == Decimal("2100.00")
    assert result.left == Decimal("2900.00")


def test_a_project_costing_exactly_what_is_left_is_funded():
    projects = [Project(id=1, cost=Decimal("600"), votes=5), Project(id=2, cost=Decimal("400"), votes=4)]
    result = tally(Decimal("1000"), projects)
    assert [project.id for project in result.funded] == [1, 2]
    assert result.left == 0


def test_a_project_dearer_than_the_whole_budget_says_so():
    result = tally(Decimal("1000"), [Project(id=1, cost=Decimal("1500"), votes=40)])
    assert outcome_of(result, 1).reason is Reason.OVER_WHOLE_BUDGET
    assert str(Reason.OVER_WHOLE_BUDGET.label) == "Not funded: it costs more than the whole budget"
    assert result.left == Decimal("1000")


def test_empty_ballots_give_no_votes_and_fund_nothing():
    ids = [1, 2, 3]
    assert count_votes([], ids) == {1: 0, 2: 0, 3: 0}
    votes = count_votes([[], (), set()], ids)
    assert votes == {1: 0, 2: 0, 3: 0}

    result = tally(Decimal("10000"), [Project(id=i, cost=Decimal("100"), votes=votes[i]) for i in ids])
    assert result.funded == ()
    assert {outcome.reason for outcome in result.outcomes} == {Reason.NO_VOTES}
    assert result.left == Decimal("10000")


def test_a_project_chosen_twice_on_one_ballot_counts_once_and_unknown_ids_are_ignored():
    votes = count_votes([[1, 1, 2], [2, 99], [3, 3, 3]], project_ids=[1, 2, 3])
    assert votes == {1: 1, 2: 2, 3: 1}


def test_a_ballot_given_as_text_is_refused_rather_than_read_letter_by_letter():
    with pytest.raises(TypeError, match="not the text '12'"):
        count_votes(["12"], project_ids=["1", "2", "12"])


def test_ballots_can_be_read_once_as_they_stream_from_the_database():
    ballots = (choice for choice in [[1], [1, 2]])
    assert count_votes(ballots, [1, 2]) == {1: 2, 2: 1}


def test_a_round_with_a_repeated_project_or_bad_values_is_refused():
    with pytest.raises(ValueError, match="repeated: 1"):
        tally(Decimal("100"), [Project(id=1, cost=Decimal("10")), Project(id=1, cost=Decimal("20"))])
    with pytest.raises(ValueError, match="negative"):
        tally(Decimal("-1"), [])
    with pytest.raises(TypeError, match="Decimal or an int"):
        Project(id=1, cost=10.5)
    with pytest.raises(ValueError, match="more than nothing"):
        Project(id=1, cost=Decimal("0"))
    with pytest.raises(ValueError, match="impossible vote count"):
        Project(id=1, cost=Decimal("1"), votes=-2)


# Ballot checks (what the server enforces whatever the page's script did)

COSTS = {1: Decimal("600"), 2: Decimal("400"), 3: Decimal("500.50")}


def test_a_ballot_within_the_budget_is_accepted():
    assert ballot_error([1, 2], COSTS, Decimal("1000")) is None
    assert ballot_fits([1, 2], COSTS, Decimal("1000"))


def test_a_ballot_over_the_budget_is_refused_with_both_amounts_in_pounds():
    message = ballot_error([1, 3], COSTS, Decimal("1000"))
    assert message == (
        "Your choices cost £1,100.50, which is more than the £1,000 this round can fund. Remove a project."
    )
    assert not ballot_fits([1, 3], COSTS, Decimal("1000"))


def test_choosing_a_project_twice_on_a_ballot_costs_it_once():
    assert ballot_error([1, 1, 2], COSTS, Decimal("1000")) is None


def test_an_empty_ballot_or_a_choice_outside_the_round_is_refused():
    assert ballot_error([], COSTS, Decimal("1000")) == "Choose at least one project."
    assert ballot_error([1, 42], COSTS, Decimal("1000")) == (
        "One of your choices is not a project in this round. Choose again from the list."
    )


def test_money_reads_as_residents_write_it():
    assert format_money(Decimal("25000")) == "£25,000"
    assert format_money(Decimal("1250.5")) == "£1,250.50"
    assert format_money(7) == "£7"


# Properties on generated rounds

costs = st.decimals(min_value=Decimal("1"), max_value=Decimal("50000"), places=2)


@st.composite
def rounds(draw):
    """A budget and up to 25 projects with unique ids, some sharing votes and costs to force ties."""
    count = draw(st.integers(min_value=0, max_value=25))
    ids = draw(st.lists(st.integers(min_value=1, max_value=10_000), min_size=count, max_size=count, unique=True))
    shared_costs = draw(st.lists(costs, min_size=1, max_size=4))
    projects = [
        Project(
            id=project_id,
            cost=draw(st.one_of(costs, st.sampled_from(shared_costs))),
            votes=draw(st.integers(min_value=0, max_value=30)),
            submission_order=draw(st.integers(min_value=0, max_value=5)),
        )
        for project_id in ids
    ]
    budget = draw(st.decimals(min_value=Decimal("0"), max_value=Decimal("200000"), places=2))
    return budget, projects


@PROPERTY_SETTINGS
@given(rounds())
def test_the_funded_projects_never_cost_more_than_the_budget(case):
    budget, projects = case
    result = tally(budget, projects)
    assert result.total_funded == sum((project.cost for project in result.funded), Decimal(0))
    assert result.total_funded <= budget
    assert result.left == budget - result.total_funded >= 0


@PROPERTY_SETTINGS
@given(rounds())
def test_every_project_is_ranked_once_by_votes_then_cost(case):
    budget, projects = case
    result = tally(budget, projects)
    assert sorted(ranked_ids(result)) == sorted(project.id for project in projects)
    assert [outcome.rank for outcome in result.outcomes] == list(range(1, len(projects) + 1))
    keys = [(-outcome.project.votes, outcome.project.cost) for outcome in result.outcomes]
    assert keys == sorted(keys)


@PROPERTY_SETTINGS
@given(rounds())
def test_a_project_with_votes_is_unfunded_only_when_it_did_not_fit_what_was_left_at_its_turn(case):
    """The greedy-skip rule, stated without replaying it.

    For each project P with at least one vote, let L(P) be the budget less the cost of the
    funded projects ranked above P. P is funded exactly when its cost is at most L(P); so an
    unfunded project with votes also costs more than the money left at the end.
    """
    budget, projects = case
    result = tally(budget, projects)
    for outcome in result.outcomes:
        above = [other.project.cost for other in result.outcomes if other.rank < outcome.rank and other.funded]
        left_at_its_turn = budget - sum(above, Decimal(0))
        project = outcome.project
        if project.votes == 0:
            assert not outcome.funded
            assert outcome.reason is Reason.NO_VOTES
        elif outcome.funded:
            assert project.cost <= left_at_its_turn
        else:
            assert project.cost > left_at_its_turn
            assert project.cost > result.left
            assert outcome.reason is (Reason.OVER_WHOLE_BUDGET if project.cost > budget else Reason.DOES_NOT_FIT)


@PROPERTY_SETTINGS
@given(rounds())
def test_no_cheaper_higher_ranked_project_is_passed_over_for_a_lower_ranked_one(case):
    """If Q is funded, every P ranked above Q with votes and costing no more than Q is funded."""
    budget, projects = case
    result = tally(budget, projects)
    for lower in result.outcomes:
        if not lower.funded:
            continue
        for higher in result.outcomes[: lower.rank - 1]:
            if higher.project.votes and higher.project.cost <= lower.project.cost:
                assert higher.funded, (higher, lower)


@PROPERTY_SETTINGS
@given(rounds())
def test_the_same_round_gives_the_same_result(case):
    budget, projects = case
    assert tally(budget, projects) == tally(budget, list(projects))


@PROPERTY_SETTINGS
@given(rounds(), st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_the_order_the_projects_come_in(case, shuffler):
    budget, projects = case
    shuffled = list(projects)
    shuffler.shuffle(shuffled)
    assert tally(budget, shuffled) == tally(budget, projects)


ballots = st.lists(st.lists(st.integers(min_value=0, max_value=12), max_size=8), max_size=60)


@PROPERTY_SETTINGS
@given(ballots, st.randoms(use_true_random=False))
@example(ballot_box=[[1, 1, 1], [], [0, 12]], shuffler=random.Random(0))
def test_the_count_does_not_depend_on_the_order_of_the_ballots_or_of_the_choices(ballot_box, shuffler):
    project_ids = range(1, 11)  # 0, 11 and 12 are not projects of this round
    expected = {i: sum(1 for ballot in ballot_box if i in ballot) for i in project_ids}
    reordered = [shuffler.sample(ballot, len(ballot)) for ballot in ballot_box]
    shuffler.shuffle(reordered)
    assert count_votes(ballot_box, project_ids) == expected
    assert count_votes(reordered, project_ids) == expected


@PROPERTY_SETTINGS
@given(
    st.lists(st.integers(min_value=1, max_value=6), max_size=8), st.dictionaries(st.integers(1, 6), costs, min_size=6)
)
def test_the_ballot_check_accepts_exactly_the_selections_within_the_budget(chosen, round_costs):
    budget = Decimal("20000")
    total = sum((round_costs[i] for i in set(chosen)), Decimal(0))
    assert ballot_fits(chosen, round_costs, budget) == (bool(chosen) and total <= budget)


# A ballot box of realistic size

BALLOTS = 10_000
PROJECTS = 40


def seeded_round(seed=2026):
    """40 projects from £250 to £15,000 and 10,000 ballots of one to six choices, some repeated or stray."""
    rng = random.Random(seed)
    costs = {project_id: Decimal(rng.randrange(250, 15_001, 50)) for project_id in range(1, PROJECTS + 1)}
    popularity = [rng.random() ** 2 for _ in costs]  # a few favourites, a long tail
    ballot_box = []
    for _ in range(BALLOTS):
        choices = rng.choices(list(costs), weights=popularity, k=rng.randint(1, 6))
        if rng.random() < 0.01:
            choices.append(999)  # a stale form naming a withdrawn project
        ballot_box.append(choices)
    return costs, ballot_box


def test_ten_thousand_ballots_are_counted_and_tallied():
    costs, ballot_box = seeded_round()
    votes = count_votes(ballot_box, costs)

    naive = Counter()
    for ballot in ballot_box:
        for project_id in set(ballot):
            if project_id in costs:
                naive[project_id] += 1
    assert votes == {project_id: naive[project_id] for project_id in costs}
    assert sum(votes.values()) == sum(len(set(ballot) & costs.keys()) for ballot in ballot_box)
    assert max(votes.values()) <= BALLOTS

    budget = Decimal("100000")
    projects = [Project(id=i, cost=cost, votes=votes[i], submission_order=i) for i, cost in costs.items()]
    result = tally(budget, projects)
    assert len(result.outcomes) == PROJECTS
    assert result.outcomes[0].project.votes == max(votes.values())
    assert result.outcomes[0].funded
    assert 0 <= result.left < budget
    assert result.total_funded == sum((p.cost for p in result.funded), Decimal(0))
    # Shuffled ballots count the same.
    shuffled = list(ballot_box)
    random.Random(1).shuffle(shuffled)
    assert count_votes(shuffled, costs) == votes

    # The ranking follows the documented key exactly.
    assert [outcome.project for outcome in result.outcomes] == sorted(projects, key=ranking_key)
