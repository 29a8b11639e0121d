"""A comment's answers to its consultation's questions, shown read-only to moderators.

Answers are rows of their own (one per ticked choice), so no FieldPanel can show them; the
edit screen's panel and the inspect view both use `answers_by_question`.
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

ANSWERS_TEMPLATE = "consultations/admin/comment_answers.html"


def answers_by_question(comment):
    """[(question, [values])] for every question the consultation asks, in its order."""
    values = {}
    for answer in comment.answers.all():
        values.setdefault(answer.question_id, []).append(answer.value)
    return [(question.question, values.get(question.pk, [])) for question in comment.consultation.questions.all()]


def render_answers(comment):
    return render_to_string(ANSWERS_TEMPLATE, {"answers": answers_by_question(comment)})


class AnswersPanel(Panel):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Answers to the questions"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = ANSWERS_TEMPLATE

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["answers"] = answers_by_question(self.instance)
            return context
