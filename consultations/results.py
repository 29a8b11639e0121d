"""Aggregated, anonymous results: counts only, never who said what."""

from django.db.models import Count, Q

from .models import Comment


def comment_counts(consultation, questions=()):
    """Every count the page shows, in one query, however many comments there are.

    responses: confirmed and not rejected (what the results count); published: shown on the
    page; led_to_change: published with an adopted or partly adopted outcome; and, per choice
    question, how many responses answered it (`answered_<id>`) and chose each option
    (`chose_<id>_<n>`, n the option's position).
    """
    published = Q(moderation_state=Comment.ModerationState.APPROVED)
    counted = ~Q(moderation_state=Comment.ModerationState.REJECTED)
    aggregates = {
        "responses": Count("pk", filter=counted, distinct=True),
        "published": Count("pk", filter=published, distinct=True),
        "with_outcome": Count("pk", filter=published & ~Q(outcome=""), distinct=True),
        "led_to_change": Count("pk", filter=published & Q(outcome__in=Comment.CHANGE_OUTCOMES), distinct=True),
    }
    for question in questions:
        if question.is_choice:
            answered = counted & Q(answers__question_id=question.pk)
            aggregates[f"answered_{question.pk}"] = Count("pk", filter=answered, distinct=True)
            for index, choice in enumerate(question.choice_list):
                aggregates[f"chose_{question.pk}_{index}"] = Count(
                    "pk", filter=answered & Q(answers__value=choice), distinct=True
                )
    return Comment.objects.filter(consultation=consultation, confirmed_at__isnull=False).aggregate(**aggregates)


def results_for(consultation, questions=None, counts=None):
    """Response counts and, for each choice question, how many chose each option."""
    if questions is None:
        questions = list(consultation.questions.all())
    if counts is None:
        counts = comment_counts(consultation, questions)
    results = []
    for question in questions:
        if not question.is_choice:
            continue
        answered = counts.get(f"answered_{question.pk}", 0)
        options = []
        for index, choice in enumerate(question.choice_list):
            count = counts.get(f"chose_{question.pk}_{index}", 0)
            options.append(
                {"choice": choice, "count": count, "percent": round(100 * count / answered) if answered else 0}
            )
        results.append({"question": question.question, "kind": question.kind, "answered": answered, "options": options})
    return {"responses": counts["responses"], "questions": results}
