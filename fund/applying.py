"""What happens as a group fills in an application: the steps, saving each, and sending it.

The Application row is the draft from the first step; `current_step` records the step the
group reached, so leaving and coming back resumes there. Sending checks the round is still
open and every step is complete, and only a draft is ever sent (a double click sends once).
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.emails import enqueue

from .models import Application, BudgetLine, FundRoundPage, SupportingDocument


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    section: str  # the heading the step's answers have on the check-your-answers page


STEPS = [
    Step("group", _("About your group"), _("Your group")),
    Step("project", _("Your project"), _("Your project")),
    Step("budget", _("Your budget"), _("Budget")),
    Step("documents", _("Supporting documents"), _("Supporting documents")),
    Step("declarations", _("Declarations"), _("Declarations")),
]
STEP_SLUGS = [step.slug for step in STEPS]
CHECK = "check"


def step_named(slug):
    return next((step for step in STEPS if step.slug == slug), None)


def next_step(slug):
    """The slug after `slug`, or CHECK after the last step."""
    index = STEP_SLUGS.index(slug)
    return STEP_SLUGS[index + 1] if index + 1 < len(STEP_SLUGS) else CHECK


def previous_step(slug):
    index = STEP_SLUGS.index(slug)
    return STEP_SLUGS[index - 1] if index > 0 else None


def round_is_open(round_page, now=None):
    return round_page.stage(now) == FundRoundPage.Stage.OPEN


def start_application(round_page, email):
    return Application.objects.create(
        round=round_page, group_email=email, state=Application.State.DRAFT, current_step=STEP_SLUGS[0]
    )


def record_progress(application, slug, returning_to_check=False):
    """Remember the furthest step reached (a change from the check page does not move it back)."""
    reached = application.current_step
    following = next_step(slug)
    if returning_to_check or reached == CHECK:
        return
    if reached not in STEP_SLUGS or STEP_SLUGS.index(reached) <= STEP_SLUGS.index(slug):
        application.current_step = following
        application.save(update_fields=["current_step", "updated_at"])


@transaction.atomic
def save_budget(application, amount, lines):
    """Store the amount asked for and the budget lines (item, amount), replacing what was there."""
    application.amount_requested = amount
    application.save(update_fields=["amount_requested", "updated_at"])
    application.budget_lines.all().delete()
    BudgetLine.objects.bulk_create(
        BudgetLine(application=application, item=item, amount=cost, sort_order=number)
        for number, (item, cost) in enumerate(lines)
    )


def add_document(application, upload):
    return SupportingDocument.objects.create(
        application=application, file=upload, original_name=upload.name[-255:], size=upload.size
    )


def remove_document(application, document_id):
    document = application.documents.filter(pk=document_id).first()
    if document is None:
        return False
    document.file.delete(save=False)
    document.delete()
    return True


def missing_answers(application):
    """(step slug, message) for each thing still missing before the application can be sent."""
    missing = []
    if not application.group_name.strip():
        missing.append(("group", _("Enter your group's name.")))
    if not application.organisation_type:
        missing.append(("group", _("Select what kind of organisation your group is.")))
    if (
        application.organisation_type in Application.NEEDS_CHARITY_NUMBER and not application.charity_number.strip()
    ) or (application.organisation_type in Application.NEEDS_COMPANY_NUMBER and not application.company_number.strip()):
        missing.append(("group", _("Enter your group's registration number.")))
    if not application.project_title.strip():
        missing.append(("project", _("Enter your project's title.")))
    if not application.summary.strip():
        missing.append(("project", _("Say what your project will do.")))
    if application.priority_id is None:
        missing.append(("project", _("Select the priority your project serves most.")))
    if not application.budget_lines.exists():
        missing.append(("budget", _("Add at least one budget line.")))
    else:
        problem = application.budget_problem()
        if problem:
            missing.append(("budget", problem))
    if not (
        application.declares_information_true
        and application.declares_funds_managed
        and application.agrees_privacy_notice
    ):
        missing.append(("declarations", _("Confirm each of the declarations.")))
    return missing


def submit_application(application):
    """Send a complete draft; True if this call sent it (False if it had already gone)."""
    from .tasks import email_application_submitted

    now = timezone.now()
    with transaction.atomic():
        sent = Application.objects.filter(pk=application.pk, state=Application.State.DRAFT).update(
            state=Application.State.SUBMITTED, submitted_at=now, current_step=CHECK, updated_at=now
        )
        if sent:
            enqueue(email_application_submitted, application.pk, translation.get_language())
    application.refresh_from_db()
    return bool(sent)
