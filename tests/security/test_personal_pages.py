"""Every page showing a resident's or a community group's own data is `private, no-store`.

The walk covers the groups' area (sign-in, its link, "mine", withdraw, sign-out), preview
links, a story's thank-you page, comment confirmation and the residents' data pages, as a
signed-in group and as a cookie-less visitor opening a link, and checks that the site's own
page cache never stores them. A new URL in those apps fails the classification test until
someone says whether it is personal.
"""

import datetime
import re
import uuid

from django.core import mail
from django.test import Client
from django.urls import get_resolver
from django.utils import timezone

import pytest

from consultations.factories import CommentFactory
from core.personal_data.links import make_token
from stories.group_access import send_sign_in_link
from stories.models import StoryPreviewLink, StorySubmission
from tests.security.sites import public_forms_site

pytestmark = pytest.mark.django_db

EMAIL = "sam@example.org"
# URL names (namespace:name) of plain views in the apps residents use, by what they show.
PERSONAL = {
    "stories:mine",
    "stories:sign_in",
    "stories:sign_in_link",
    "stories:sign_out",
    "stories:withdraw",
    "stories:check",
    "stories:preview",
    "consultations:confirm",
    "fund:vote",
    "fund:ballot_sent",
    "fund:confirm_ballot",
    "personal_data:request",
    "personal_data:manage",
    "personal_data:download",
    "personal_data:erase",
    "fund:mine",
    "fund:sign_in",
    "fund:sign_in_link",
    "fund:sign_out",
    "fund:start",
    "fund:resume",
    "fund:check",
    "fund:submitted",
    "fund:step",
    "fund:crowdfunding",
    "volunteering:mine",
    "volunteering:new",
    "volunteering:sign_in",
    "volunteering:sign_in_link",
    "volunteering:sign_out",
    "volunteering:reply",
    "directory_groups:mine",
    "directory_groups:sign_in",
    "directory_groups:sign_in_link",
    "directory_groups:sign_out",
    "directory_groups:add",
    "directory_groups:edit",
    "directory_groups:sent",
    "directory_groups:confirm",
    "following:follow",
    "following:sent",
    "following:confirm",
    "following:manage",
    "following:unsubscribe",
}
PUBLIC = {
    "stories:export_csv",
    "stories:export_json",
    "stories:feed",
    "stories:atom_feed",
    "consultations:feed",
    "consultations:outcomes_csv",
    "consultations:outcomes_json",
    "consultations:results_csv",
    "consultations:results_json",
    "fund:grants_json",
    "fund:grants_csv",
    "directory:map",
    "directory:map_geojson",
    "directory:entries_csv",
    "events:calendar",
    "events:past_calendar",
    "events:event_calendar",
    "alerts:feed",
    "alerts:cap_index",
    "alerts:cap",
}


def sign_in_link():
    """A fresh one-time link, as the group receives it by email."""
    assert send_sign_in_link(EMAIL)
    return re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)


@pytest.fixture
def world(client, settings):
    settings.PAGE_CACHE_SECONDS = 600  # the page cache on, as deployed
    settings.PUBLIC_FORM_RATE_LIMIT = 100
    _home, stories, consultation = public_forms_site()
    data = {
        "group_name": "Upton Repair Group",
        "contact_name": "Sam Jones",
        "contact_email": EMAIL,
        "title": "Our repair café",
        "story": "We fixed 200 toasters.",
        "consent_to_publish": "on",
        "form_token": str(uuid.uuid4()),
    }
    assert client.post("/stories/submit/", data).status_code == 302
    submission = StorySubmission.objects.get(form_token=data["form_token"])
    link = StoryPreviewLink.objects.create(
        submission=submission,
        revision=submission.page.get_latest_revision(),
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    comment = CommentFactory(consultation=consultation, confirmed_at=None, confirmation_token="confirm-me-123")
    return {
        "thank you": f"{stories.url}submit/thank-you/{submission.reference}/",
        "mine": "/stories/mine/",
        "sign in": "/stories/mine/sign-in/",
        "sign-in link": sign_in_link(),
        "broken sign-in link": "/stories/mine/sign-in/not-a-token/",
        "withdraw": f"/stories/mine/{submission.reference}/withdraw/",
        "check the changes": f"/stories/mine/{submission.reference}/check/",
        "preview": f"/stories/preview/{link.token}/",
        "comment confirmation": f"/consultations/confirm/{comment.confirmation_token}/",
        "your data": "/your-data/",
        "your data link": f"/your-data/{make_token(EMAIL)}/",
        "your data download": f"/your-data/{make_token(EMAIL)}/download/",
        "your data erase": f"/your-data/{make_token(EMAIL)}/erase/",
        "volunteering area": "/volunteering/mine/",
        "volunteering reply link": "/volunteering/reply/not-a-token/",
        "directory area": "/directory/your-entries/",
        "directory sign in": "/directory/your-entries/sign-in/",
        "directory broken sign-in link": "/directory/your-entries/sign-in/not-a-token/",
        "directory entry form": "/directory/your-entries/add/",
        "follow form": "/follow/",
        "follow sent": "/follow/check-your-email/",
        "follow confirm link": "/follow/confirm/not-a-token/",
        "follow manage link": "/follow/manage/not-a-token/",
        "follow unsubscribe link": "/follow/unsubscribe/not-a-token/",
    }


def assert_private(response, what):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store"} <= directives, (what, response.status_code, response.get("Cache-Control"))
    assert "X-Page-Cache" not in response, what


def signed_in_group():
    group = Client()
    response = group.get(sign_in_link())
    assert response.status_code == 302
    return group


def test_every_personal_page_is_private_and_no_store_for_a_signed_in_group(world):
    group = signed_in_group()
    for what, url in world.items():
        if what == "sign-in link":
            continue  # single use: it signed the group in above
        response = group.get(url)
        assert response.status_code in (200, 302, 400), (what, response.status_code)
        assert_private(response, what)
    assert_private(group.post("/stories/mine/sign-out/"), "sign out")


def test_personal_pages_opened_without_a_cookie_are_never_stored_by_the_page_cache(world):
    for what, url in world.items():
        for attempt in ("first", "second"):
            # A link opened in a fresh browser: no cookie, the case the page cache serves.
            response = Client().get(url)
            if what == "withdraw":
                # Not signed in: the site's ordinary "not found", which names nobody.
                assert response.status_code == 404 and "X-Page-Cache" not in response
                continue
            assert_private(response, f"{what} ({attempt})")


def test_every_url_in_the_residents_apps_is_classified_personal_or_public():
    resolver = get_resolver()
    names = {
        f"{namespace}:{name}"
        for namespace in (
            "stories",
            "consultations",
            "fund",
            "volunteering",
            "directory",
            "directory_groups",
            "events",
            "alerts",
            "following",
            "personal_data",
        )
        for name in resolver.namespace_dict[namespace][1].reverse_dict
        if isinstance(name, str)
    }
    assert names == PERSONAL | PUBLIC
