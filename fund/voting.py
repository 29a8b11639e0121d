"""The residents' vote on a round's shortlist: storing ballots, confirming them, publishing the results.

- Who may vote: anyone with an email address and a postcode in the district
  (settings.FUND_VOTE_POSTCODE_DISTRICTS), while the round's vote is open.
- One ballot per address per round: sending the form again replaces the choices, and the
  new ballot counts only once it is confirmed again from the emailed link. A database
  constraint (round, email) and a row lock make two simultaneous sends store one ballot.
- The link is signed, names the ballot and its current token, and stops working when the
  vote closes, when it has been used (confirming gives the ballot a new token) or when the
  ballot changed (so did its token).
- The results exist only once the vote has closed: confirmed ballots, counted and tallied by
  fund.tally, and only the counts per project are shown; no ballot is ever public.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from operator import itemgetter

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone

from core.caching.routing import cached, public_pages
from core.emails import send_receipt
from core.signed_links import SignedLink
from core.site_address import absolute_url

from .models import Ballot, BallotChoice, FundRoundPage, ProjectPage
from .models.ballots import new_token
from .templatetags.fund_tags import pounds

# A full UK postcode without its space: outward code (area, district) then inward code.
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")

# The link's own lifetime is a backstop; the end of the vote is what really closes it.
CONFIRM_LINK = SignedLink(purpose="fund-ballot-confirm", max_age_seconds=120 * 24 * 60 * 60)


def normalise_postcode(value):
    """The postcode in capitals with one space ("WR14 3AF" from " wr143af "); None if not a full UK postcode."""
    match = POSTCODE.match("".join((value or "").upper().split()))
    if match is None:
        return None
    return f"{match.group(1)} {match.group(2)}"


def postcode_district(postcode):
    """The outward code ("WR14") of a normalised postcode."""
    return postcode.split(" ", 1)[0]


def in_voting_area(postcode):
    districts = {district.upper() for district in settings.FUND_VOTE_POSTCODE_DISTRICTS}
    return postcode_district(postcode) in districts


def ballot_projects(round_page):
    """The projects on the round's ballot paper: its live, public project pages, by title."""
    return list(
        public_pages(ProjectPage.objects.live().child_of(round_page).filter(cost__gt=0))
        .select_related("priority")
        .prefetch_related("places")
        .order_by("title")
    )


def voting_has_closed(round_page, now=None):
    return round_page.has_vote and (now or timezone.now()) >= round_page.voting_closes_at


def is_voting(round_page, now=None):
    return round_page.stage(now) == FundRoundPage.Stage.VOTING


@dataclass(frozen=True)
class StoredBallot:
    ballot: Ballot
    replaced: bool  # the address had already voted in this round: its earlier choices are gone


def store_ballot(round_page, email, postcode, project_ids):
    """Save the address's choices in this round as pending, until its emailed link confirms them.

    An address that has voted keeps its counted choices until the new ones are confirmed, so
    a ballot sent by someone else with that address changes nothing unless its owner follows
    the link. get_or_create under select_for_update in one transaction: two sends from the
    same address at the same moment queue on the row (or, for a first ballot, on the unique
    constraint), and the second replaces the first's pending choices instead of making a
    second ballot.
    """
    email = email.strip().lower()
    with transaction.atomic():
        ballot, created = Ballot.objects.select_for_update().get_or_create(
            round=round_page, email=email, defaults={"postcode": postcode}
        )
        if not created:
            ballot.choices.filter(pending=True).delete()
            # A new token: the link sent for earlier pending choices can no longer confirm these.
            ballot.token = new_token()
            ballot.save(update_fields=["token", "updated_at"])
        BallotChoice.objects.bulk_create(
            [
                BallotChoice(ballot=ballot, project_id=project_id, pending=True)
                for project_id in sorted(set(project_ids))
            ]
        )
    return StoredBallot(ballot=ballot, replaced=not created)


def confirmation_url(ballot):
    token = CONFIRM_LINK.make({"ballot": ballot.pk, "token": ballot.token})
    return absolute_url(reverse("fund:confirm_ballot", args=[token]))


def send_confirmation(ballot, round_page, projects):
    """Queue the email with the ballot's confirmation link (within the daily cap per address)."""
    chosen_ids = set(ballot.choices.values_list("project_id", flat=True))
    chosen = [project for project in projects if project.pk in chosen_ids]
    context = {
        "round_title": round_page.title,
        "confirm_url": confirmation_url(ballot),
        "closes": formats.date_format(timezone.localtime(round_page.voting_closes_at), "DATETIME_FORMAT"),
        "choices": [f"{project.title} ({pounds(project.cost)})" for project in chosen],
        "total": pounds(sum((project.cost for project in chosen), Decimal(0))),
    }
    return send_receipt("fund/emails/ballot_confirm", context, ballot.email)


class LinkProblem:
    INVALID = "invalid"  # forged, expired, used, or replaced by a later ballot
    CLOSED = "closed"  # the vote has closed


def ballot_from_link(token, now=None):
    """(ballot, None) for a link that can still confirm its ballot; (None or ballot, problem) otherwise."""
    payload = CONFIRM_LINK.read(token)
    if payload is None:
        return None, LinkProblem.INVALID
    ballot = (
        Ballot.objects.select_related("round")
        .filter(pk=payload.get("ballot"), token=payload.get("token"), choices__pending=True)
        .distinct()
        .first()
    )
    if ballot is None:
        return None, LinkProblem.INVALID
    if not is_voting(ballot.round, now):
        return ballot, LinkProblem.CLOSED
    return ballot, None


def confirm(ballot):
    """Count the ballot's pending choices in place of any it had: once, however often the link is sent.

    The conditional UPDATE on the token lets one request through; the others find the token
    changed and confirm nothing.
    """
    now = timezone.now()
    with transaction.atomic():
        confirmed = Ballot.objects.filter(pk=ballot.pk, token=ballot.token).update(
            confirmed_at=now, token=new_token(), updated_at=now
        )
        if confirmed:
            ballot.choices.filter(pending=False).delete()
            ballot.choices.filter(pending=True).update(pending=False)
    return bool(confirmed)


def chosen_projects(ballot, pending):
    """The projects a ballot chooses: its pending choices (what its link confirms) or its counted ones."""
    return list(
        ProjectPage.objects.filter(ballot_choices__ballot=ballot, ballot_choices__pending=pending)
        .order_by("title")
        .only("title", "cost", "url_path")
    )


def results(round_page, projects):
    """The published results once the vote has closed (None before): counts, ranking, funded or not.

    Kept under the page cache's generation: after the close no ballot can change, and a
    publication (a project added, a cost corrected) starts a new generation.
    """
    if not voting_has_closed(round_page):
        return None
    projects = [project for project in projects if project.cost and project.cost > 0]
    key = f"fund-vote-results:{round_page.pk}:{round_page.voting_closes_at.isoformat()}:{len(projects)}"
    outcome = cached(key, lambda: count_and_tally(round_page, projects))
    by_id = {project.pk: project for project in projects}
    return {
        **outcome,
        "rows": [
            {**row, "project": by_id[row["project_id"]], "reason_label": reason_label(row["reason"])}
            for row in outcome["rows"]
        ],
    }


def count_and_tally(round_page, projects):
    from . import tally

    project_ids = [project.pk for project in projects]
    choices = (
        BallotChoice.objects.filter(ballot__round=round_page, ballot__confirmed_at__isnull=False, pending=False)
        .order_by("ballot_id")
        .values_list("ballot_id", "project_id")
    )
    ballots = [tuple(project_id for _ballot, project_id in group) for _id, group in groupby(choices, itemgetter(0))]
    votes = tally.count_votes(ballots, project_ids)
    submitted = dict(ProjectPage.objects.filter(pk__in=project_ids).values_list("pk", "application__submitted_at"))
    result = tally.tally(
        round_page.budget,
        [
            tally.Project(
                id=project.pk,
                cost=project.cost,
                votes=votes[project.pk],
                # Projects without an application (entered by staff) count as submitted last.
                submission_order=submitted[project.pk].timestamp() if submitted.get(project.pk) else float("inf"),
            )
            for project in projects
        ],
    )
    return {
        "ballots": len(ballots),
        "budget": result.budget,
        "total_funded": result.total_funded,
        "left": result.left,
        "rows": [
            {
                "project_id": outcome.project.id,
                "rank": outcome.rank,
                "votes": outcome.project.votes,
                "funded": outcome.funded,
                "reason": outcome.reason.value,
            }
            for outcome in result.outcomes
        ],
    }


def reason_label(value):
    from . import tally

    return tally.Reason(value).label


def method_text():
    from . import tally

    return getattr(tally, "METHOD", "")


def vote_context(round_page, request, stage, projects):
    """What the round page shows of the vote: the ballot form while it is open, the results after."""
    from .ballot_forms import BallotForm

    context = {"voting": stage == FundRoundPage.Stage.VOTING, "vote_results": results(round_page, projects)}
    if context["voting"]:
        context["ballot_projects"] = [project for project in projects if project.cost and project.cost > 0]
        context["ballot_form"] = BallotForm(round_page, context["ballot_projects"])
    if context["vote_results"] is not None:
        context["vote_method"] = method_text()
    return context
