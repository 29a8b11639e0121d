"""Aggregated, anonymous results: counts only, never who said what."""

from django.db.models import Count, Q

from .models import Answer, Comment


def results_for(consultation):
    """Response counts and, for each choice question, how many chose each option."""
    counted = Comment.objects.counted().filter(consultation=consultation)
    totals = counted.aggregate(responses=Count("pk"))
    rows = (
        Answer.objects.filter(comment__in=counted, question__kind__in=["single", "multiple"])
        .values("question_id", "value")
        .annotate(count=Count("pk"))
    )
    counts = {(row["question_id"], row["value"]): row["count"] for row in rows}
    respondents = dict(
        Answer.objects.filter(comment__in=counted, question__kind__in=["single", "multiple"])
        .values_list("question_id")
        .annotate(n=Count("comment_id", distinct=True))
    )
    questions = []
    for question in consultation.questions.all():
        if not question.is_choice:
            continue
        answered = respondents.get(question.pk, 0)
        options = []
        for choice in question.choice_list:
            count = counts.get((question.pk, choice), 0)
            percent = round(100 * count / answered) if answered else 0
            options.append({"choice": choice, "count": count, "percent": percent})
        questions.append({"question": question.question, "kind": question.kind, "answered": answered, "options": options})
    return {"responses": totals["responses"], "questions": questions}


def outcome_counts(consultation):
    published = Comment.objects.published().filter(consultation=consultation)
    return published.aggregate(
        published=Count("pk"),
        with_outcome=Count("pk", filter=~Q(outcome="")),
        led_to_change=Count("pk", filter=Q(outcome__in=Comment.CHANGE_OUTCOMES)),
    )
