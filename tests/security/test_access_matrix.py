"""Who can open what: every admin and preview URL that matters, for every role.

The table below is the access policy, written down. Each row is one URL (built from the
fixtures in access_world.py), each column one role, each cell the answer that role must get:

- ok      200: the page is shown
- login   302 to a sign-in page (the admin's, the site's, or the groups' area's)
- denied  Wagtail's refusal for signed-in staff without the permission: a redirect to the
          dashboard with "Sorry, you do not have permission" (or a plain 403)
- 404     as if it did not exist: drafts and other people's previews are never confirmed
- elsewhere  302 to the part of the page tree the person may work in (Wagtail's explorer
          sends staff with rights to one section straight there)

Roles: a visitor who is signed out; a resident with a plain (non-staff) account; a community
group signed in to the groups' area with its one-time link; and one member of each staff
group in core/staff_roles.py (Pledge leads, Moderators, Communications team = "editor"), plus
a superuser.
"""

from urllib.parse import urlsplit

from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from .access_world import build_world, client_for

pytestmark = pytest.mark.django_db

OK, LOGIN, DENIED, MISSING, ELSEWHERE = "ok", "login", "denied", "404", "elsewhere"
ROLES = ("anonymous", "resident", "contributor", "pledge lead", "moderator", "editor", "admin")
LOGIN_PATHS = ("/admin/login/", "/_util/login/", "/stories/mine/sign-in/")


def outcome(response):
    """The status class of a response, as the table writes it."""
    status = response.status_code
    if status == 200:
        return OK
    if status == 404:
        return MISSING
    if status == 403:
        return DENIED
    if status == 302:
        location = urlsplit(response["Location"]).path
        if location.startswith(LOGIN_PATHS):
            return LOGIN
        if location == "/admin/":
            return DENIED
        if location.startswith("/admin/pages/"):
            return ELSEWHERE
        return f"302 to {location}"
    return str(status)


# URL builders: each takes the world and returns a path.


def page(action, key, *extra):
    def build(world):
        target = world.pages[key]
        if action == "revisions_view":
            return reverse("wagtailadmin_pages:revisions_view", args=(target.pk, target.latest_revision_id))
        if action == "workflow_preview":
            task = world.objects["review_task"]
            return reverse("wagtailadmin_pages:workflow_preview", args=(target.pk, task.pk))
        return reverse(f"wagtailadmin_pages:{action}", args=(target.pk, *extra))

    return build


def add_page(app, model, parent_key):
    return lambda world: reverse("wagtailadmin_pages:add", args=(app, model, world.pages[parent_key].pk))


def explore(key):
    return lambda world: reverse("wagtailadmin_explore", args=(world.pages[key].pk,))


def snippet(app, model, action="list", key=None):
    def build(world):
        if key is None:
            return reverse(f"wagtailsnippets_{app}_{model}:{action}")
        return reverse(f"wagtailsnippets_{app}_{model}:{action}", args=(world.objects[key].pk,))

    return build


def public(key):
    """The address a page would have on the site, live or not."""
    return lambda world: world.pages[key].get_url()


def api(key):
    return lambda world: f"/api/v2/pages/{world.pages[key].pk}/"


def fixed(path):
    return lambda world: path


def with_object(template, key, attribute="pk"):
    return lambda world: template.format(getattr(world.objects[key], attribute))


def with_page(template, key):
    return lambda world: template.format(world.pages[key].pk)


def row(name, url, *cells):
    assert len(cells) == len(ROLES), name
    return name, url, dict(zip(ROLES, cells, strict=True))


# fmt: off
#                                                                             signed     plain      group's    pledge     moder-     editor     super-
#   what                                    URL                               out        resident   area       lead       ator                  user
ADMIN = [
    row("dashboard",                        fixed("/admin/"),                 LOGIN,     LOGIN,     LOGIN,     OK,        OK,        OK,        OK),
    row("page explorer (root)",             fixed("/admin/pages/"),           LOGIN,     LOGIN,     LOGIN,     ELSEWHERE, ELSEWHERE, OK,        OK),
    row("page explorer (stories)",          explore("stories"),               LOGIN,     LOGIN,     LOGIN,     ELSEWHERE, OK,        OK,        OK),
    row("page explorer (pledges)",          explore("pledges"),               LOGIN,     LOGIN,     LOGIN,     OK,        OK,        OK,        OK),
    row("page search",                      fixed("/admin/pages/search/?q=a"),LOGIN,     LOGIN,     LOGIN,     OK,        OK,        OK,        OK),
    # Editing, one page of every type.
    row("edit home page",                   page("edit", "home"),             LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("edit strategy page",               page("edit", "strategy"),         LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("edit theme page",                  page("edit", "theme"),            LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("edit standard page",               page("edit", "standard"),         LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("edit stories index",               page("edit", "stories"),          LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("edit published story",             page("edit", "story"),            LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("edit submitted story (draft)",     page("edit", "submitted"),        LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("edit pledges index",               page("edit", "pledges"),          LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("edit a pledge they lead",          page("edit", "own_pledge"),       LOGIN,     LOGIN,     LOGIN,     OK,        DENIED,    OK,        OK),
    row("edit a pledge they don't lead",    page("edit", "other_pledge"),     LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("edit consultations index",         page("edit", "consultations"),    LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("edit consultation",                page("edit", "consultation"),     LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("edit private page",                page("edit", "private"),          LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("edit draft page",                  page("edit", "draft"),            LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    # Adding pages.
    row("add a story",                      add_page("stories", "storypage", "stories"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("add a pledge",                     add_page("pledges", "pledgepage", "pledges"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("add a standard page",              add_page("home", "standardpage", "home"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    # Deleting, unpublishing, moving, copying.
    row("delete published story",           page("delete", "story"),          LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("delete a pledge they lead",        page("delete", "own_pledge"),     LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("delete standard page",             page("delete", "standard"),       LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("unpublish published story",        page("unpublish", "story"),       LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("unpublish a pledge they lead",     page("unpublish", "own_pledge"),  LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("unpublish standard page",          page("unpublish", "standard"),    LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("move published story",             page("move", "story"),            LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("move a pledge they lead",          page("move", "own_pledge"),       LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("copy published story",             page("copy", "story"),            LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("copy a pledge they lead",          page("copy", "own_pledge"),       LOGIN,     LOGIN,     LOGIN,     OK,        DENIED,    OK,        OK),
    # History, revisions and previews: drafts are seen only by people who may edit them, or
    # publish them: moderators approve pledge changes, and approving publishes.
    row("history of submitted story",       page("history", "submitted"),     LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("view a revision of submitted story",page("revisions_view", "submitted"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("view draft of submitted story",    page("view_draft", "submitted"),  LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("preview submitted story",          page("preview_on_edit", "submitted"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("workflow preview of submitted story",page("workflow_preview", "submitted"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("workflow history of submitted story",page("workflow_history", "submitted"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("view draft of a pledge they lead", page("view_draft", "own_pledge"), LOGIN,     LOGIN,     LOGIN,     OK,        OK,        OK,        OK),
    row("view draft of a pledge they don't lead",page("view_draft", "other_pledge"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("revision of a pledge they don't lead",page("revisions_view", "other_pledge"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("view draft of draft page",         page("view_draft", "draft"),      LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("revision of draft page",           page("revisions_view", "draft"),  LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("view draft of private page",       page("view_draft", "private"),    LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    # Privacy (view restrictions), one page of every type: only editors and admins make a page
    # or a section private, even where moderators may publish (stories, and pledges, whose
    # changes they approve).
    row("privacy of home page",             page("set_privacy", "home"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("privacy of strategy page",         page("set_privacy", "strategy"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("privacy of theme page",            page("set_privacy", "theme"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("privacy of standard page",         page("set_privacy", "standard"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("privacy of stories index",         page("set_privacy", "stories"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("privacy of published story",       page("set_privacy", "story"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("privacy of submitted story",       page("set_privacy", "submitted"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("privacy of pledges index",         page("set_privacy", "pledges"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("privacy of a pledge they lead",    page("set_privacy", "own_pledge"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("privacy of annual reviews index",  page("set_privacy", "reviews"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("privacy of annual review edition", page("set_privacy", "edition"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("privacy of consultations index",   page("set_privacy", "consultations"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    row("privacy of consultation",          page("set_privacy", "consultation"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
    # Workflows and moderation.
    row("workflows",                        fixed("/admin/workflows/list/"),  LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("workflow tasks",                   fixed("/admin/workflows/tasks/index/"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("consultation comments queue",      snippet("consultations", "comment"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("inspect a comment",                snippet("consultations", "comment", "inspect", "comment"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("edit a comment",                   snippet("consultations", "comment", "edit", "comment"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("delete a comment",                 snippet("consultations", "comment", "delete", "comment"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    # Every commenter's email and postcode at once: the data officers' role (tested in
    # consultations/tests/test_data.py) and superusers, not moderators or editors.
    row("consultation data",                fixed("/admin/consultations/data/"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("responses with personal data",     with_page("/admin/consultations/data/{}/responses.csv", "consultation"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("story submissions",                snippet("stories", "storysubmission"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("inspect a story submission",       snippet("stories", "storysubmission", "inspect", "submission"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("edit a story submission",          snippet("stories", "storysubmission", "edit", "submission"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    # Snippets.
    row("themes",                           snippet("strategy", "theme"),     LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("edit a theme",                     snippet("strategy", "theme", "edit", "theme"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("places",                           snippet("strategy", "place"),     LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("edit a place",                     snippet("strategy", "place", "edit", "place"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("blocked emails",                   snippet("core", "blockedemail"),  LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        DENIED,    OK),
    row("block an email",                   snippet("core", "blockedemail", "add"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        DENIED,    OK),
    row("edit a blocked email",             snippet("core", "blockedemail", "edit", "blocked_email"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        DENIED,    OK),
    # Images and documents.
    row("images",                           fixed("/admin/images/"),          LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("edit an image",                    with_object("/admin/images/{}/", "image"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("delete an image",                  with_object("/admin/images/{}/delete/", "image"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("documents",                        fixed("/admin/documents/"),       LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        DENIED,    OK),
    # Settings, people, site structure.
    row("contact settings",                 with_object("/admin/settings/home/contactsettings/{}/", "site"),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("users",                            fixed("/admin/users/"),           LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("edit a user",                      lambda world: reverse("wagtailusers_users:edit", args=(world.users["editor"].pk,)),
                                                                              LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("groups",                           fixed("/admin/groups/"),          LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("sites",                            fixed("/admin/sites/"),           LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("locales",                          fixed("/admin/locales/"),         LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("redirects",                        fixed("/admin/redirects/"),       LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    row("search promotions",                fixed("/admin/searchpicks/"),     LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    # Reports.
    row("locked pages report",              fixed("/admin/reports/locked/"),  LOGIN,     LOGIN,     LOGIN,     DENIED,    OK,        OK,        OK),
    row("site history report",              fixed("/admin/reports/site-history/"),
                                                                              LOGIN,     LOGIN,     LOGIN,     OK,        OK,        OK,        OK),
    row("workflows report",                 fixed("/admin/reports/workflow/"),LOGIN,     LOGIN,     LOGIN,     OK,        OK,        OK,        OK),
    row("aging pages report",               fixed("/admin/reports/aging-pages/"),
                                                                              LOGIN,     LOGIN,     LOGIN,     OK,        OK,        OK,        OK),
    row("search queries report",            fixed("/admin/reports/search/"),  LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    DENIED,    OK),
    # Residents' data.
    row("residents' data tool",             fixed("/admin/personal-data/"),   LOGIN,     LOGIN,     LOGIN,     DENIED,    DENIED,    OK,        OK),
]

PUBLIC = [
    row("home page",                        public("home"),                   OK,        OK,        OK,        OK,        OK,        OK,        OK),
    row("published story",                  public("story"),                  OK,        OK,        OK,        OK,        OK,        OK,        OK),
    row("published pledge",                 public("own_pledge"),             OK,        OK,        OK,        OK,        OK,        OK,        OK),
    # Never served at their public address, whoever asks: staff preview them in the admin.
    row("submitted story's address",        public("submitted"),              MISSING,   MISSING,   MISSING,   MISSING,   MISSING,   MISSING,   MISSING),
    row("draft page's address",             public("draft"),                  MISSING,   MISSING,   MISSING,   MISSING,   MISSING,   MISSING,   MISSING),
    row("unpublished page's address",       public("unpublished"),            MISSING,   MISSING,   MISSING,   MISSING,   MISSING,   MISSING,   MISSING),
    row("submitted story in the API",       api("submitted"),                 MISSING,   MISSING,   MISSING,   MISSING,   MISSING,   MISSING,   MISSING),
    row("draft page in the API",            api("draft"),                     MISSING,   MISSING,   MISSING,   MISSING,   MISSING,   MISSING,   MISSING),
    row("private page in the API",          api("private"),                   MISSING,   MISSING,   MISSING,   MISSING,   MISSING,   OK,        OK),
    # Private to the communications team.
    row("private page",                     public("private"),                LOGIN,     LOGIN,     LOGIN,     LOGIN,     LOGIN,     OK,        OK),
    # The groups' area: community groups are not admin users, and staff are not groups.
    row("groups' area",                     fixed("/stories/mine/"),          LOGIN,     LOGIN,     OK,        LOGIN,     LOGIN,     LOGIN,     LOGIN),
    row("the group's own preview link",     with_object("/stories/preview/{}/", "preview_link", "token"),
                                                                              LOGIN,     LOGIN,     OK,        LOGIN,     LOGIN,     LOGIN,     LOGIN),
    row("another group's preview link",     with_object("/stories/preview/{}/", "other_preview_link", "token"),
                                                                              LOGIN,     LOGIN,     MISSING,   LOGIN,     LOGIN,     LOGIN,     LOGIN),
    row("a made-up preview link",           fixed("/stories/preview/not-a-real-token/"),
                                                                              MISSING,   MISSING,   MISSING,   MISSING,   MISSING,   MISSING,   MISSING),
    row("withdraw the group's own story",   with_object("/stories/mine/{}/withdraw/", "submission", "reference"),
                                                                              MISSING,   MISSING,   OK,        MISSING,   MISSING,   MISSING,   MISSING),
    row("residents' self-service request",  fixed("/your-data/"),             OK,        OK,        OK,        OK,        OK,        OK,        OK),
]
# fmt: on

ROWS = ADMIN + PUBLIC


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_table_says(role):
    world = build_world()
    client = client_for(world, role)
    wrong = []
    for name, make_url, expected in ROWS:
        url = make_url(world)
        got = outcome(client.get(url))
        if got != expected[role]:
            wrong.append(f"{name} ({url}): expected {expected[role]}, got {got}")
    assert not wrong, f"{len(wrong)} of {len(ROWS)} cells differ for {role}:\n" + "\n".join(wrong)


def test_the_table_covers_every_role_and_each_outcome():
    """A table of all-ok or all-404 would prove nothing: each role must meet refusals and passes."""
    for role in ROLES:
        answers = {expected[role] for _name, _url, expected in ROWS}
        assert OK in answers and (answers & {LOGIN, DENIED, MISSING}), role


def test_a_pledge_lead_sees_the_copy_form_but_cannot_copy_a_pledge():
    """Wagtail shows anyone who may edit a page the copy form; the copy itself needs add rights."""
    world = build_world()
    pledge, index = world.pages["own_pledge"], world.pages["pledges"]
    client = client_for(world, "pledge lead")
    before = index.get_children().count()
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=(pledge.pk,)),
        {"new_title": "Warm spaces (copy)", "new_slug": "warm-spaces-copy", "new_parent_page": index.pk},
    )
    assert response.status_code == 200  # the form again, with an error
    assert response.context["form"].errors
    assert index.get_children().count() == before


def test_moderators_cannot_publish_pages_outside_the_stories():
    """Wagtail's own "Moderators" group starts with publish rights on the whole tree; ours does not."""
    world = build_world()
    client = client_for(world, "moderator")
    home = world.pages["home"]
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(home.pk,)), {"title": "Taken over", "action-publish": "publish"}
    )
    assert outcome(response) == DENIED
    home.refresh_from_db()
    assert home.title != "Taken over"


PRIVACY_PAGES = (
    "home", "strategy", "theme", "standard", "stories", "story", "submitted",
    "pledges", "own_pledge", "reviews", "edition", "consultations", "consultation",
)  # fmt: skip
PROJECT_APPS = {"home", "strategy", "stories", "pledges", "consultations"}


def privacy_url(page):
    return reverse("wagtailadmin_pages:set_privacy", args=(page.pk,))


def test_the_privacy_rows_cover_every_page_type():
    from wagtail.models import get_page_models

    world = build_world()
    covered = {type(world.pages[key].specific) for key in PRIVACY_PAGES}
    every_type = {model for model in get_page_models() if model._meta.app_label in PROJECT_APPS}
    assert every_type - covered == set()


@pytest.mark.parametrize("role", ["pledge lead", "moderator"])
def test_staff_below_editors_cannot_make_any_page_private(role):
    world = build_world()
    client = client_for(world, role)
    for key in PRIVACY_PAGES:
        response = client.post(privacy_url(world.pages[key]), {"restriction_type": PageViewRestriction.LOGIN})
        assert outcome(response) == DENIED, key
    assert not PageViewRestriction.objects.exclude(page=world.pages["private"]).exists()
    # What moderators could do before: hide every pledge and story from the public and the API.
    visitor = Client()
    for key in ("pledges", "own_pledge", "stories", "story"):
        assert visitor.get(world.pages[key].get_url()).status_code == 200, key
    listed = visitor.get("/api/v2/pages/?type=pledges.PledgePage").json()["items"]
    assert {item["id"] for item in listed} >= {world.pages["own_pledge"].pk}


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_editors_and_admins_can_make_any_page_private_and_public_again(role):
    world = build_world()
    client = client_for(world, role)
    for key in PRIVACY_PAGES:
        target = world.pages[key]
        response = client.post(privacy_url(target), {"restriction_type": PageViewRestriction.LOGIN})
        assert response.status_code == 200, key
        assert PageViewRestriction.objects.filter(page=target).exists(), key
        client.post(privacy_url(target), {"restriction_type": PageViewRestriction.NONE})
        assert not PageViewRestriction.objects.filter(page=target).exists(), key


def test_the_change_privacy_control_is_shown_only_to_those_who_may_use_it():
    world = build_world()
    toggle = 'data-a11y-dialog-show="set-privacy"'
    edit_story = reverse("wagtailadmin_pages:edit", args=(world.pages["story"].pk,))
    for role, shown in (("moderator", False), ("editor", True), ("admin", True)):
        response = client_for(world, role).get(edit_story)
        assert response.status_code == 200
        assert (toggle in response.content.decode()) is shown, role


def test_admins_can_give_a_group_the_right_to_make_pages_private():
    world = build_world()
    communications = world.users["editor"].groups.get()
    screen = client_for(world, "admin").get(reverse("wagtailusers_groups:edit", args=(communications.pk,)))
    assert screen.status_code == 200
    assert "page view restriction" in screen.content.decode().lower()
