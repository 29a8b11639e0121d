"""Downloads: outcomes and anonymous aggregated results for anyone, full responses for permitted staff."""

import csv

from django.http import JsonResponse
from django.utils.html import strip_tags

from core.open_data import csv_attachment, csv_download, json_download, safe_cell

from .models import Comment
from .outcome_data import OUTCOME_COLUMNS, outcome_records
from .results import results_for


def public_results_csv(consultation):
    results = results_for(consultation)
    response = csv_attachment(f"{consultation.slug}-results.csv")
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
    response = csv_attachment(f"{consultation.slug}-responses-personal-data.csv")
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


def you_said_we_did_text(item):
    text = f"You said: {item['you_said']} / We did: {item['we_did']}"
    return text + (f" ({item['pledge']['title']})" if item["pledge"] else "")


def outcomes_csv(index, request=None):
    rows = []
    for record in outcome_records(index, request):
        row = dict(record)
        row["what_we_heard"] = strip_tags(record["what_we_heard"]).strip()
        row["decisions"] = strip_tags(record["decisions"]).strip()
        row["you_said_we_did"] = [you_said_we_did_text(item) for item in record["you_said_we_did"]]
        rows.append(row)
    return csv_download("consultation-outcomes.csv", OUTCOME_COLUMNS, rows)


def outcomes_json(index, request=None):
    return json_download("consultation-outcomes.json", "outcomes", OUTCOME_COLUMNS, outcome_records(index, request))
