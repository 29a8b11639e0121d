"""A funded group keeps its project's crowdfunding figures up to date from its own area.

The group sets the link to its crowdfunding page and what the public has given so far; the
council's match and the target stay with staff. Saving publishes a new revision of the live
project page, so the public page (and the page cache, as for any publication) shows it at
once, and the audit log says it was the group of that application, not a member of staff.
"""

from django.db import transaction

from wagtail.log_actions import log

from .models import ProjectPage
from .publishing import publish_live_with

UPDATED_ACTION = "fund.crowdfunding_updated"


def live_project(application):
    """The application's project page if it is live, else None."""
    return ProjectPage.objects.live().filter(application=application).first()


@transaction.atomic
def update_crowdfunding(application, crowdfunding_url, crowdfunding_raised):
    """Publish the live project page with the group's figures; returns the page, or None if it is not live."""
    # The live page as published, not the latest draft: a member of staff's unpublished changes
    # are theirs to publish.
    page = ProjectPage.objects.live().select_for_update().filter(application=application).first()
    if page is None:
        return None
    publish_live_with(page, crowdfunding_url=crowdfunding_url, crowdfunding_raised=crowdfunding_raised)
    log(
        instance=page,
        action=UPDATED_ACTION,
        user=None,
        data={
            "reference": application.reference,
            "crowdfunding_url": crowdfunding_url,
            "crowdfunding_raised": str(crowdfunding_raised),
        },
    )
    return page
