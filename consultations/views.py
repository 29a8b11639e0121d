"""Thin views: the comment form, the confirmation link, reports and the results downloads."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.caching.routing import public_pages
from core.open_data import public_download
from core.personal_pages import personal_page
from core.public_forms.forms import typed_text
from core.public_forms.rate_limits import attempt, hit, too_many_requests

from .exports import outcomes_csv, outcomes_json, public_results_csv, public_results_json
from .forms import CommentForm
from .models import Comment, ConsultationIndexPage, ConsultationPage
from .submissions import confirm_comment, create_comment, reporter_hash
from .submissions import report_comment as record_report


def render_consultation(request, consultation, status=200, **extra):
    context = consultation.get_context(request)
    context.update(extra)
    return TemplateResponse(request, consultation.get_template(request), context, status=status)


def submit_comment(request, consultation):
    form = CommentForm(consultation, request.POST)
    counted = attempt(request, "consultation-comment")
    if counted is None:
        return too_many_requests(request, typed=typed_text(form, form.typed_field_names))
    if not consultation.is_open:
        counted.failed()
        # Typed before the close but sent after it: refuse clearly and give the words back.
        return render_consultation(
            request, consultation, status=403, refused_typed=typed_text(form, form.typed_field_names)
        )
    if not form.is_valid():
        counted.failed()
        return render_consultation(request, consultation, status=400, form=form)
    create_comment(consultation, form)
    return redirect(consultation.url + consultation.reverse_subpage("comment_sent"))


@personal_page
def confirm(request, token):
    """GET shows a button; POST confirms. Link scanners in mail systems only GET."""
    comment = Comment.objects.select_related("consultation").filter(confirmation_token=token).first()
    if comment is None:
        raise Http404
    if request.method == "POST":
        comment = confirm_comment(token)
    return TemplateResponse(
        request,
        "consultations/confirm.html",
        {"comment": comment, "consultation": comment.consultation, "confirmed": comment.confirmed_at is not None},
    )


def report_comment(request, consultation, comment_id):
    comment = consultation.comments.published().filter(pk=comment_id).first()
    if comment is None:
        raise Http404
    if request.method != "POST":
        return TemplateResponse(request, "consultations/report.html", {"page": consultation, "comment": comment})
    if hit(request, "consultation-report", limit=20):
        return too_many_requests(request)
    record_report(comment, reporter_hash(request))
    messages.success(request, _("Thank you. A moderator will look at the comment you reported."))
    return redirect(consultation.url + f"#comment-{comment.pk}")


def results(request, slug, format):
    """Anonymous aggregated results; a real file name, so not a page route."""
    consultation = public_pages(ConsultationPage.objects.live()).filter(slug=slug).first()
    if consultation is None:
        raise Http404
    return public_results_json(consultation) if format == "json" else public_results_csv(consultation)


@public_download
def outcomes(request, format):
    """Every published outcome, the open-data companion of the listing's "Outcomes" group."""
    index = public_pages(ConsultationIndexPage.objects.live()).first()
    if index is None:
        raise Http404
    return outcomes_json(index, request) if format == "json" else outcomes_csv(index, request)
