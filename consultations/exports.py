"""Downloads: anonymous aggregated results for anyone, full responses for permitted staff."""

import csv

from django.http import HttpResponse, JsonResponse

from .models import Comment
from .results import results_for


def safe_cell(value):
    # A cell starting with = + - @ runs as a formula in spreadsheet software.
    value = "" if value is None else str(value)
    return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


def csv_response(filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def public_results_csv(consultation):
    results = results_for(consultation)
    response = csv_response(f"{consultation.slug}-results.csv")
    writer = csv.writer(response)
    writer.writerow(["question", "choice", "count", "percent_of_those_answering"])
    writer.writerow(["(all responses)", "", results["responses"], ""])
    for question in results["questions"]:
        for option in question["options"]:
            writer.writerow(
                [safe_cell(question["question"]), safe_cell(option["choice"]), option["count"], option["percent"]]
            )
    return response


def public_results_json(consultation):
    results = results_for(consultation)
    return JsonResponse(
        {
            "consultation": consultation.title,
            "state": consultation.state,
            "responses": results["responses"],
            "questions": results["questions"],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def staff_responses_csv(consultation):
    """Every response with personal data, for staff with the export permission only."""
    questions = list(consultation.questions.all())
    comments = Comment.objects.filter(consultation=consultation).order_by("created_at").prefetch_related("answers")
    response = csv_response(f"{consultation.slug}-responses-personal-data.csv")
    writer = csv.writer(response)
    writer.writerow(
        [
            "id",
            "created_at",
            "confirmed_at",
            "display_name",
            "email",
            "postcode",
            "comment",
            "moderation_state",
            "rejection_reason",
            "reports",
            "outcome",
            "outcome_reason",
            "wants_outcome_email",
            *[question.question for question in questions],
        ]
    )
    for comment in comments:
        answers = {}
        for answer in comment.answers.all():
            answers.setdefault(answer.question_id, []).append(answer.value)
        writer.writerow(
            [
                comment.pk,
                comment.created_at.isoformat(),
                comment.confirmed_at.isoformat() if comment.confirmed_at else "",
                safe_cell(comment.display_name),
                safe_cell(comment.email),
                safe_cell(comment.postcode),
                safe_cell(comment.text),
                comment.moderation_state,
                comment.rejection_reason,
                comment.report_count,
                comment.outcome,
                safe_cell(comment.outcome_reason),
                comment.notify_outcome,
                *[safe_cell("; ".join(answers.get(question.pk, []))) for question in questions],
            ]
        )
    return response
