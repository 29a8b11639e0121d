"""The site the public-form security tests post to: stories and one open consultation."""

from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory, ensure_home
from core.staff_roles import apply_staff_roles
from stories.models import StoryIndexPage


def public_forms_site():
    """(home, stories index, open consultation "Parks and green spaces"), all published."""
    home = ensure_home()
    home.save_revision().publish()
    stories = StoryIndexPage(title="Stories of change", slug="stories")
    home.add_child(instance=stories)
    stories.save_revision().publish()
    apply_staff_roles()
    consultations = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=consultations, title="Parks and green spaces", slug="parks")
    return home, stories, consultation
