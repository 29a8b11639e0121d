"""How an application is decided, step by step, and who may take each step.

Officers check eligibility; assessors score it (the Assessment snippet); the panel decides:
shortlisted for the residents' vote or not in a round with a vote, funded or not in one
without. After a vote, the results fund the shortlisted projects in the tally's order. Each
step is recorded in Wagtail's audit log on the application, and the group is emailed every
decision with its reasons (fund/tasks.py). A shortlisted or funded application becomes a
draft project page for officers to check and publish: the public never reads an application.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log

from core.emails import enqueue

from . import voting
from .models import Application, Assessment, ProjectPage
from .publishing import publish_live_with

ELIGIBILITY_ACTION = "fund.eligibility_checked"
DECISION_ACTION = "fund.decision_recorded"
VOTE_RESULT_ACTION = "fund.vote_result_recorded"
DECISION_EMAIL_ACTION = "fund.decision_emailed"

CHECK_ELIGIBILITY = "fund.change_application"
RECORD_DECISION = "fund.record_decision"

State = Application.State
# An officer may check again (eligible to not eligible) until the panel has decided.
ELIGIBILITY_OPEN = (State.SUBMITTED, State.ELIGIBLE)
PANEL_OUTCOMES_WITH_VOTE = (State.SHORTLISTED, State.NOT_SHORTLISTED)
PANEL_OUTCOMES_WITHOUT_VOTE = (State.FUNDED, State.NOT_FUNDED)
# The states the group is told about, with their reasons.
NOTIFIED_STATES = (State.INELIGIBLE, State.SHORTLISTED, *Application.DECIDED_STATES)


class DecisionRefused(Exception):
    """A step that cannot be taken now, with the reason to show the member of staff."""


def may_check_eligibility(user, application):
    return user.has_perm(CHECK_ELIGIBILITY) and application.state in ELIGIBILITY_OPEN


def may_decide(user, application):
    return user.has_perm(RECORD_DECISION) and application.state == State.ELIGIBLE


def panel_outcomes(round_page):
    return PANEL_OUTCOMES_WITH_VOTE if round_page.has_vote else PANEL_OUTCOMES_WITHOUT_VOTE


def submitted_assessments(application):
    """The assessments the panel weighs: sent, by an assessor without a conflict of interest."""
    return Assessment.objects.filter(application=application, submitted_at__isnull=False, conflict_of_interest=False)


def assessment_summary(application):
    """Each assessor's scores against the round's criteria, and the mean per criterion.

    Conflicted assessors are listed with their declaration and no scores; unsent assessments
    are left out, as the panel weighs only what an assessor has sent.
    """
    criteria = list(application.round.criteria.all())
    assessments = list(
        Assessment.objects.filter(application=application)
        .filter(submitted_at__isnull=False)
        .select_related("assessor")
        .prefetch_related("scores")
        .order_by("assessor__username")
    )
    rows, totals = [], {criterion.pk: [] for criterion in criteria}
    for assessment in assessments:
        by_criterion = {score.criterion_id: score.score for score in assessment.scores.all()}
        if not assessment.conflict_of_interest:
            for criterion_id, score in by_criterion.items():
                totals.setdefault(criterion_id, []).append(score)
        rows.append(
            {
                "assessment": assessment,
                "scores": [by_criterion.get(criterion.pk) for criterion in criteria],
                "total": sum(by_criterion.values()) if not assessment.conflict_of_interest else None,
            }
        )
    means = [_mean(totals[criterion.pk]) for criterion in criteria]
    scored = [row["total"] for row in rows if row["total"] is not None]
    return {
        "criteria": criteria,
        "rows": rows,
        "means": means,
        "mean_total": _mean(scored),
        "maximum": sum(criterion.max_score for criterion in criteria),
        "scored_count": len(scored),
    }


def _mean(values):
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1")) if values else None


def check_eligibility(application, *, eligible, notes, user):
    """Record the officer's check. Not eligible is a decision: the group is told why."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if not may_check_eligibility(user, application):
            raise DecisionRefused(_("This application is no longer waiting for an eligibility check."))
        application.eligibility_notes = notes
        if eligible:
            application.state = State.ELIGIBLE
        else:
            application.state = State.INELIGIBLE
            application.decision_reasons = notes
            application.decided_at = timezone.now()
        application.save()
        log(application, ELIGIBILITY_ACTION, user=user, data={"eligible": eligible})
        if not eligible:
            _email_decision(application)
    return application


def record_decision(application, *, outcome, reasons, user, grant_amount=None):
    """Record the panel's decision; a shortlisted or funded application gets a draft project page."""
    with transaction.atomic():
        application = Application.objects.select_for_update().select_related("round").get(pk=application.pk)
        if not may_decide(user, application):
            raise DecisionRefused(_("This application is not waiting for the panel's decision."))
        if outcome not in panel_outcomes(application.round):
            raise DecisionRefused(_("Choose one of the decisions this round allows."))
        if Assessment.objects.filter(application=application, assessor=user, conflict_of_interest=True).exists():
            raise DecisionRefused(
                _("You declared a conflict of interest in this application: another panel member must decide.")
            )
        if not submitted_assessments(application).exists():
            raise DecisionRefused(_("No assessor has sent an assessment of this application yet."))
        application.state = outcome
        application.decision_reasons = reasons
        if outcome in Application.DECIDED_STATES:
            application.decided_at = timezone.now()
        application.save()
        if outcome == State.FUNDED:
            project_page_for(application, user, grant_amount=grant_amount or application.amount_requested)
        elif outcome == State.SHORTLISTED:
            project_page_for(application, user)
        log(application, DECISION_ACTION, user=user, data={"decision": outcome})
        _email_decision(application)
    return application


def project_page_for(application, user, grant_amount=None):
    """The application's project page, made as a draft under its round if it has none.

    Only what the public may read is copied: the title, summary, group name, cost, priority
    and place; officers check the text and publish it.
    """
    existing = ProjectPage.objects.filter(application=application).first()
    if existing is not None:
        return existing
    round_page = application.round
    title = application.project_title or application.group_name
    page = ProjectPage(
        title=title,
        slug=find_available_slug(round_page, slugify(title)[:200] or "project"),
        summary=application.summary[:500],
        group_name=application.group_name,
        cost=application.amount_requested,
        grant_amount=grant_amount,
        priority=application.priority,
        application=application,
        live=False,
        owner=user,
    )
    if application.place_id:
        page.places = [application.place]
    round_page.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def record_vote_results(round_page, *, user, now=None):
    """Fund the shortlisted projects the residents' vote funded, and tell every group.

    A funded project's grant is its cost, published as a new revision of its page; its
    application becomes funded, the others not funded, each with the ranking as the reason.
    Safe to repeat: a project already decided is left as it is.
    """
    if not voting.voting_has_closed(round_page, now=now):
        raise DecisionRefused(_("The residents' vote has not closed yet."))
    projects = voting.ballot_projects(round_page)
    outcome = voting.count_and_tally(round_page, projects)
    by_id = {project.pk: project for project in projects}
    # The shortlisted applications behind them, in one query; one language for the round's groups.
    waiting = {
        application.project_page.pk: application
        for application in Application.objects.filter(
            project_page__in=projects, state=State.SHORTLISTED
        ).select_related("project_page")
    }
    language = round_page.locale.language_code
    recorded = 0
    with transaction.atomic():
        for row in outcome["rows"]:
            project = by_id[row["project_id"]]
            if row["funded"] and project.grant_amount is None:
                # Published for the panel by the site: the panel records decisions, not page edits.
                publish_live_with(project, user=user, log_action=True, grant_amount=project.cost)
            application = waiting.get(project.pk)
            if application is not None:
                _decide_from_vote(application, row, len(outcome["rows"]), user, language)
                recorded += 1
        log(
            round_page,
            VOTE_RESULT_ACTION,
            user=user,
            data={"ballots": outcome["ballots"], "funded": sum(1 for row in outcome["rows"] if row["funded"])},
        )
    return recorded


def _decide_from_vote(application, row, project_count, user, language):
    application.state = State.FUNDED if row["funded"] else State.NOT_FUNDED
    with translation.override(language):
        application.decision_reasons = ngettext(
            "Residents' vote: ranked %(rank)s of %(count)s with %(votes)s vote. %(reason)s. Projects were "
            "funded in rank order while the round's budget allowed.",
            "Residents' vote: ranked %(rank)s of %(count)s with %(votes)s votes. %(reason)s. Projects were "
            "funded in rank order while the round's budget allowed.",
            row["votes"],
        ) % {
            "rank": row["rank"],
            "count": project_count,
            "votes": row["votes"],
            "reason": voting.reason_label(row["reason"]),
        }
    application.decided_at = timezone.now()
    application.save()
    log(application, DECISION_ACTION, user=user, data={"decision": application.state, "votes": row["votes"]})
    _email_decision(application, language)


def _email_decision(application, language=None):
    """Queue the decision's email, in the round's language (given, or read from the round)."""
    from .tasks import email_decision

    enqueue(email_decision, application.pk, language or application.round.locale.language_code)
