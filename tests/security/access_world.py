"""A small site with one thing of every kind the access matrix walks, and one person per role.

Built with the apps' own set-up (load_strategy, apply_staff_roles, the public story
form's submission function), so the groups and permissions are the ones a real site has.
"""

import uuid
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, User
from django.test import Client

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, PageViewRestriction, Site, WorkflowState

from consultations.factories import CommentFactory, ConsultationIndexPageFactory, ConsultationPageFactory
from core.models import BlockedEmail
from core.staff_roles import COMMUNICATIONS_TEAM, MODERATORS, PLEDGE_LEADS, apply_staff_roles
from home.loader import load_site
from home.models import StandardPage
from pledges.factories import make_pledge, publish_edition
from pledges.models import PledgeIndexPage, ReviewIndexPage
from stories import group_access
from stories.factories import StoryPageFactory
from stories.models import StoryIndexPage, StoryPreviewLink
from stories.submissions import create_story_submission
from strategy.models import Place, StrategyPage, Theme, ThemePage

GROUP_EMAIL = "repair-cafe@example.org"
OTHER_GROUP_EMAIL = "allotments@example.org"
PASSWORD = "a-long-password-1"


@dataclass
class World:
    pages: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def submitted_story(index, email, title):
    """A community story as the public form leaves it: a draft in the review workflow."""
    data = {
        "group_name": f"Group of {email}",
        "contact_name": "Sam Jones",
        "contact_email": email,
        "title": title,
        "story": "We fixed 200 toasters.",
        "consent_to_publish": True,
        "form_token": uuid.uuid4(),
    }
    submission, _created = create_story_submission(index, data, notify=False)
    page = submission.page
    revision = page.latest_revision
    link = StoryPreviewLink.objects.create(submission=submission, revision=revision)
    return submission, link


def build_world():
    world = World()
    home = load_site()
    pages = world.pages
    pages["home"] = home
    pages["strategy"] = StrategyPage.objects.get()
    pages["theme"] = ThemePage.objects.first()
    pages["standard"] = StandardPage.objects.get(slug="accessibility-statement")

    stories = publish(home, StoryIndexPage(title="Stories of change", slug="stories"))
    apply_staff_roles()
    pages["stories"] = stories
    pages["story"] = publish(stories, StoryPageFactory.build(title="The council's story", slug="council-story"))
    submission, link = submitted_story(stories, GROUP_EMAIL, "Our repair café")
    pages["submitted"] = submission.page
    _other_submission, other_link = submitted_story(stories, OTHER_GROUP_EMAIL, "Our allotments")

    pledges = publish(home, PledgeIndexPage(title="Our pledges", slug="pledges", introduction="What we promised."))
    apply_staff_roles()
    pages["pledges"] = pledges
    theme = Theme.objects.first()
    pages["own_pledge"] = make_pledge(pledges, theme, title="Warm spaces", publish=True)
    pages["other_pledge"] = make_pledge(pledges, theme, title="Safer streets", publish=True)
    pages["reviews"] = publish(pledges, ReviewIndexPage(title="Annual reviews", slug="review"))
    pages["edition"] = publish_edition(pages["reviews"], 2025)

    consultations = ConsultationIndexPageFactory(parent=home)
    consultations.save_revision().publish()
    pages["consultations"] = consultations
    consultation = ConsultationPageFactory(parent=consultations, title="Parks and green spaces", slug="parks")
    consultation.save_revision().publish()
    pages["consultation"] = consultation

    private = publish(home, StandardPage(title="Staff noticeboard", slug="noticeboard"))
    restriction = PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=COMMUNICATIONS_TEAM)])
    pages["private"] = private
    unpublished = publish(home, StandardPage(title="Old notice", slug="old-notice"))
    unpublished.unpublish()
    pages["unpublished"] = unpublished
    draft = StandardPage(title="Coming soon", slug="coming-soon", live=False)
    home.add_child(instance=draft)
    draft.save_revision()
    pages["draft"] = draft

    image = get_image_model().objects.create(
        title="Volunteers", file=get_test_image_file(), collection=Collection.get_first_root_node()
    )
    state = WorkflowState.objects.filter(object_id=str(submission.page.pk)).latest("pk")
    world.objects.update(
        preview_link=link,
        other_preview_link=other_link,
        submission=submission,
        comment=CommentFactory(consultation=consultation),
        theme=theme,
        place=Place.objects.first(),
        blocked_email=BlockedEmail.objects.create(email_hash="0" * 64, reason="abuse"),
        image=image,
        review_task=state.current_task_state.task,
        site=Site.objects.get(is_default_site=True),
    )
    world.users = make_users(pages["own_pledge"])
    return world


def make_users(own_pledge):
    def staff(username, group_name):
        user = User.objects.create_user(username, f"{username}@council.example", PASSWORD)
        user.groups.add(Group.objects.get(name=group_name))
        return user

    lead = staff("lead", PLEDGE_LEADS)
    own_pledge.lead_users.add(lead)
    own_pledge.save_revision().publish()
    return {
        "resident": User.objects.create_user("resident", "resident@example.org", PASSWORD),
        "pledge lead": lead,
        "moderator": staff("moderator", MODERATORS),
        "editor": staff("editor", COMMUNICATIONS_TEAM),
        "admin": User.objects.create_superuser("admin", "admin@council.example", PASSWORD),
    }


def client_for(world, role):
    """A browser as each role has it: signed out, signed in, or in the groups' area."""
    client = Client()
    if role == "contributor":
        session = client.session
        session[group_access.SESSION_KEY] = GROUP_EMAIL
        session.save()
    elif role != "anonymous":
        client.force_login(world.users[role])
    return client
