"""The residents' vote of a People Make Places Fund round: counting ballots and choosing what is funded.

Plain values in, plain values out: the fund's models hand over each project's id, cost,
vote count and submission order, and get back every project ranked with whether it is
funded and why. Nothing here touches the database, so the same code runs in a view, a
management command, a test and the benchmark (bench/fund_tally.py).

The method (published with the results as METHOD):

1. Counting. Each ballot counts once for each project it chooses. A ballot that names the
   same project twice still gives it one vote; a choice that is not a project of this round
   is ignored. An empty ballot gives no votes.
2. Ranking. Projects are ranked by votes, most first. Ties are broken, in this order, by
   a. cost, cheaper first: the budget then stretches to as many projects as possible;
   b. submission order, earlier first;
   c. the project's id, lower first (ids are unique, so the ranking is always complete and
      never depends on the order the projects or ballots were handed over).
3. Funding (greedy, with skipping). Going down the ranking, a project is funded when its
   cost fits in the money still left. A project that does not fit is skipped and the next one
   down the list is considered, so a cheaper project ranked lower can still be funded with
   what is left. A project that received no votes is never funded.

What this guarantees, stated exactly (fund/tests/test_tally.py checks each on generated rounds):
- the funded projects never cost more than the budget;
- a project with at least one vote is left unfunded only when its cost is more than the budget
  less the cost of the funded projects ranked above it (what was left when its turn came);
  so no unfunded project with votes could be paid for from the money left at the end;
- if a project is funded, every project ranked above it with votes and costing no more is
  funded too: a lower-ranked project is only funded ahead of a higher-ranked one that was
  too expensive for what was left at its turn;
- the same votes give the same result, whatever order the projects and ballots come in.

The greedy method does not look for the combination of projects that spends the most money
or funds the most projects: residents' preferences come first, in rank order, and the rule
is one anyone can check by hand from the published vote counts.
"""

import enum
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

METHOD = _(
    "Each resident's ballot counts once for each project it chooses; choosing a project twice "
    "still gives it one vote. Projects are ranked by their number of votes, most first. Where "
    "projects have the same number of votes, the cheaper one is ranked first, so that the budget "
    "can fund as many projects as possible; where they also cost the same, the one submitted "
    "first is ranked first. Going down the ranking, each project is funded if its cost fits in "
    "the money still left. A project that does not fit is skipped and the next project down the "
    "list is considered, so a cheaper project lower down can still be funded from what is left. "
    "Projects that received no votes are not funded."
)


class Reason(enum.Enum):
    """Why a project was or was not funded; `label` is the text shown beside the result."""

    FUNDED = "funded"
    DOES_NOT_FIT = "does-not-fit"
    OVER_WHOLE_BUDGET = "over-whole-budget"
    NO_VOTES = "no-votes"

    @property
    def label(self):
        return REASON_LABELS[self]


REASON_LABELS = {
    Reason.FUNDED: _("Funded"),
    Reason.DOES_NOT_FIT: _("Not funded: it does not fit the remaining budget"),
    Reason.OVER_WHOLE_BUDGET: _("Not funded: it costs more than the whole budget"),
    Reason.NO_VOTES: _("Not funded: it received no votes"),
}


def money(value):
    """Decimal (or int) money; floats are refused, because their pence are not exact."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"Money must be a Decimal or an int, not {type(value).__name__}: {value!r}")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"Money must be a finite amount, not {value}")
    return value


def format_money(value):
    """£1,250 for whole pounds, £1,250.50 otherwise (British style, as shown to residents)."""
    value = money(value)
    if value == value.to_integral_value():
        return f"£{value:,.0f}"
    return f"£{value:,.2f}"


@dataclass(frozen=True)
class Project:
    """One project on the ballot paper.

    `id` is the project's key (the same type as the ids on the ballots); `submission_order`
    is anything sortable that says which was submitted first (a sequence number or a
    submission time), used only to break ties.
    """

    id: Hashable
    cost: Decimal
    votes: int = 0
    submission_order: object = 0

    def __post_init__(self):
        object.__setattr__(self, "cost", money(self.cost))
        if self.cost <= 0:
            raise ValueError(f"Project {self.id!r} must cost more than nothing, not {self.cost}")
        if isinstance(self.votes, bool) or not isinstance(self.votes, int) or self.votes < 0:
            raise ValueError(f"Project {self.id!r} has an impossible vote count: {self.votes!r}")


@dataclass(frozen=True)
class Outcome:
    """A project's place in the results: `rank` starts at 1; `left_before` is what was left at its turn."""

    project: Project
    rank: int
    funded: bool
    reason: Reason
    left_before: Decimal


@dataclass(frozen=True)
class TallyResult:
    budget: Decimal
    outcomes: tuple  # of Outcome, in rank order

    @property
    def funded(self):
        return tuple(outcome.project for outcome in self.outcomes if outcome.funded)

    @property
    def total_funded(self):
        return sum((project.cost for project in self.funded), Decimal(0))

    @property
    def left(self):
        return self.budget - self.total_funded


def ranking_key(project):
    """Most votes first; then cheaper; then submitted earlier; then lower id (see the module docstring)."""
    return (-project.votes, project.cost, project.submission_order, project.id)


def tally(budget, projects):
    """Rank every project and decide which the budget funds (greedy with skipping, as METHOD says)."""
    budget = money(budget)
    if budget < 0:
        raise ValueError(f"The budget cannot be negative: {budget}")
    projects = list(projects)
    ids = Counter(project.id for project in projects)
    duplicates = sorted(str(project_id) for project_id, count in ids.items() if count > 1)
    if duplicates:
        raise ValueError(f"Each project must appear once; repeated: {', '.join(duplicates)}")

    left = budget
    outcomes = []
    for rank, project in enumerate(sorted(projects, key=ranking_key), start=1):
        left_before = left
        if project.votes == 0:
            reason = Reason.NO_VOTES
        elif project.cost <= left:
            reason = Reason.FUNDED
            left -= project.cost
        elif project.cost > budget:
            reason = Reason.OVER_WHOLE_BUDGET
        else:
            reason = Reason.DOES_NOT_FIT
        outcomes.append(Outcome(project, rank, reason is Reason.FUNDED, reason, left_before))
    return TallyResult(budget=budget, outcomes=tuple(outcomes))


def count_votes(ballots, project_ids):
    """{project id: votes} for every project of the round, from ballots that are iterables of project ids.

    A project chosen twice on one ballot counts once; ids that are not in `project_ids` are
    ignored; projects nobody chose get 0.
    """
    known = frozenset(project_ids)
    counts = Counter()
    for ballot in ballots:
        if isinstance(ballot, str | bytes):
            # A string would be read as one choice per character.
            raise TypeError(f"A ballot is a collection of project ids, not the text {ballot!r}")
        counts.update(known.intersection(ballot))
    return {project_id: counts[project_id] for project_id in known}


def ballot_error(chosen_ids, costs, budget):
    """The message to show a resident whose choices the server refuses, or None when the ballot is fine.

    `costs` maps each project id of the round to its cost. The server checks this whatever the
    page's script did: a choice not in the round, no choice at all, or choices costing more than
    the round's budget are refused. A project chosen twice counts once.
    """
    budget = money(budget)
    if not isinstance(costs, Mapping):
        costs = dict(costs)
    chosen = set(chosen_ids)
    if not chosen:
        return gettext("Choose at least one project.")
    if any(project_id not in costs for project_id in chosen):
        return gettext("One of your choices is not a project in this round. Choose again from the list.")
    total = sum((money(costs[project_id]) for project_id in chosen), Decimal(0))
    if total > budget:
        return gettext(
            "Your choices cost %(total)s, which is more than the %(budget)s this round can fund. Remove a project."
        ) % {"total": format_money(total), "budget": format_money(budget)}
    return None


def ballot_fits(chosen_ids, costs, budget):
    """True when the choices are a valid ballot (see ballot_error)."""
    return ballot_error(chosen_ids, costs, budget) is None
