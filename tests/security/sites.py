"""The site the public-form security tests post to: stories and one open consultation."""

from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory, ensure_home
from stories.editorial import ensure_editorial
from stories.models import StoryIndexPage


def public_forms_site():
    """(home, stories index, open consultation "Parks and green spaces"), all published."""
    home = ensure_home()
    home.save_revision().publish()
    stories = StoryIndexPage(title="Stories of change", slug="stories")
    home.add_child(instance=stories)
    stories.save_revision().publish()
    ensure_editorial()
    consultations = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=consultations, title="Parks and green spaces", slug="parks")
    return home, stories, consultation
