"""Factories shared by the consultation tests and the demo content."""

import uuid
from datetime import timedelta

from django.utils import timezone

from wagtail.models import Page, Site

import factory
import wagtail_factories

from home.models import HomePage

from .models import Comment, ConsultationIndexPage, ConsultationPage, ConsultationQuestion


def ensure_home():
    """The HomePage as the default site's root (the strategy loader builds the same)."""
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    home = HomePage(title="Connected Communities", slug="cc-home")
    root.add_child(instance=home)
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    return home


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Have your say"
    slug = "consultations"

    class Meta:
        model = ConsultationIndexPage


class ConsultationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Consultation {n}")
    summary = "What we are asking about, in a sentence."
    why = "<p>Because it matters.</p>"
    what_will_be_decided = "<p>The cabinet decides.</p>"
    who_can_take_part = "<p>Anyone who lives, works or studies in the district.</p>"
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=21))

    class Meta:
        model = ConsultationPage


class ConsultationQuestionFactory(factory.django.DjangoModelFactory):
    question = factory.Sequence(lambda n: f"Question {n}?")
    kind = ConsultationQuestion.Kind.TEXT

    class Meta:
        model = ConsultationQuestion


class CommentFactory(factory.django.DjangoModelFactory):
    display_name = factory.Sequence(lambda n: f"Resident {n}")
    email = factory.Sequence(lambda n: f"resident{n}@example.org")
    postcode = "WR14 3AF"
    text = "I love the green spaces in my neighbourhood."
    privacy_agreed = True
    form_token = factory.LazyFunction(uuid.uuid4)
    confirmed_at = factory.LazyFunction(timezone.now)
    moderation_state = Comment.ModerationState.APPROVED

    class Meta:
        model = Comment
