"""The volunteering listing under the home page, made once with the address /volunteering/."""

from .models import VolunteeringPage

INTRODUCTION = (
    "Volunteering is a key part of feeling connected. Find something to do near you, "
    "and tell the group you are interested: we pass your message on."
)


def ensure_volunteering_page(home):
    """The listing, created if missing (an editor's changes to an existing one are kept)."""
    page = VolunteeringPage.objects.first()
    if page is not None:
        return page
    page = VolunteeringPage(title="Volunteering", slug="volunteering", introduction=INTRODUCTION, locale=home.locale)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
