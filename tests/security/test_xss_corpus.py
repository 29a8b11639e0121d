"""Every payload of the XSS corpus through every public form, then onto every screen that shows it.

For each payload: what is stored holds no executable markup (rich text sanitised, plain text
kept as typed), and the public page, the refused form shown back and the moderators' review
screens in the Wagtail admin add no executable markup compared with the same screen showing
harmless text. Plain text on public pages must read exactly as typed, i.e. escaped.
"""

import re
import uuid

from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from consultations.factories import (
    ConsultationQuestionFactory,
)
from consultations.models import Comment
from consultations.moderation import approve
from core.staff_roles import MODERATORS
from stories.models import StorySubmission
from tests.security.sites import public_forms_site

from .xss import (
    PAYLOADS,
    added_executable_markup,
    batches,
    executable_markup,
    new_kinds_of_executable_markup,
    shown_as_typed,
)

pytestmark = pytest.mark.django_db

HARMLESS = "Plain words about the park"
STORY_TITLE_MAX_LENGTH = 120


@pytest.fixture(autouse=True)
def corpus_settings(settings):
    from django.core.cache import cache

    # One test client sends the whole corpus: lift the per-client limits (tested elsewhere).
    settings.PUBLIC_FORM_RATE_LIMIT = 100_000
    settings.PUBLIC_FORM_FAILED_RATE_LIMIT = 100_000
    settings.PUBLIC_RECEIPTS_PER_ADDRESS_PER_DAY = 100_000
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(db):
    home, stories, consultation = public_forms_site()
    question = ConsultationQuestionFactory(page=consultation, question="What would you change?", kind="text")
    return {"home": home, "stories": stories, "consultation": consultation, "question": question}


@pytest.fixture
def moderator(site):
    user = User.objects.create_user("mod", "mod@council.example", "a-long-password-1")
    user.groups.add(Group.objects.get(name=MODERATORS))
    client = Client()
    client.force_login(user)
    return client


class Problems(list):
    """Everything wrong across the corpus, reported together with the payload that caused it."""

    def added(self, payload, where, html, baseline):
        self.extend(f"{payload!r} on {where}: {found}" for found in added_executable_markup(html, baseline))

    def new_kinds(self, payload, where, html, baseline):
        self.extend(f"{payload!r} on {where}: {found}" for found in new_kinds_of_executable_markup(html, baseline))

    def stored(self, payload, where, html):
        self.extend(f"{payload!r} stored in {where}: {found}" for found in executable_markup(html))

    def check(self, condition, payload, message):
        if not condition:
            self.append(f"{payload!r}: {message}")

    def __str__(self):
        return f"{len(self)} problems:\n" + "\n".join(self[:60])


def get_html(client, url, expected=200):
    response = client.get(url)
    assert response.status_code == expected, (url, response.status_code)
    return response.content.decode()


# Story submission ----------------------------------------------------------------------------


def send_story(client, payloads):
    one_line = " ".join(payloads)
    data = {
        "group_name": one_line,
        "contact_name": one_line,
        "contact_email": "group@example.org",
        "title": one_line,
        "story": "\n\n".join([*payloads, f"{HARMLESS} {one_line}"]),
        "consent_to_publish": "on",
        "form_token": str(uuid.uuid4()),
    }
    response = client.post("/stories/submit/", data)
    submission = StorySubmission.objects.filter(form_token=data["form_token"]).select_related("page").first()
    return response, submission


def story_review_screens(submission):
    """The screens a moderator reviews one community story on."""
    page = submission.page
    return {
        "page edit view": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "draft preview": reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        "workflow history": reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        "submission inspect view": reverse("wagtailsnippets_stories_storysubmission:inspect", args=[submission.pk]),
    }


def story_listings(site):
    """Screens listing every story: the moderator's and the public's."""
    return {
        "moderator dashboard": (True, reverse("wagtailadmin_home")),
        "page explorer": (True, reverse("wagtailadmin_explore", args=[site["stories"].pk])),
        "submissions listing": (True, reverse("wagtailsnippets_stories_storysubmission:list")),
        "workflow report": (True, reverse("wagtailadmin_reports:workflow")),
        "story index": (False, site["stories"].url),
    }


def test_every_payload_sent_as_a_story_is_stored_clean_and_never_runs(client, site, moderator):
    _, plain = send_story(client, [HARMLESS])
    baselines = {name: get_html(moderator, url) for name, url in story_review_screens(plain).items()}
    refused_baseline = client.post("/stories/submit/", {"title": HARMLESS}).content.decode()
    listing_baselines = {
        name: get_html(moderator if staff else client, url) for name, (staff, url) in story_listings(site).items()
    }
    problems, sent = Problems(), []

    for batch in batches(PAYLOADS, STORY_TITLE_MAX_LENGTH):
        response, submission = send_story(client, batch)
        if submission is None:
            # Refused (a NUL character, say): a clear message, and the text shown back inert.
            html = response.content.decode()
            problems.check(response.status_code == 400 and "error-summary" in html, batch, "refused unclearly")
            problems.added(batch, "the refused story form", html, refused_baseline)
            continue
        sent.append((batch, submission))
        page = submission.page
        one_line = " ".join(" ".join(batch).split())
        problems.stored(batch, "the story body", "".join(block["value"] for block in page.body.raw_data))
        problems.check(page.title == one_line, batch, f"title stored as {page.title!r}")
        problems.check(submission.group_name == one_line, batch, "group name not stored as typed")
        for name, url in story_review_screens(submission).items():
            problems.added(batch, name, get_html(moderator, url), baselines[name])

    public_baseline = get_html(client, publish(plain).url)
    for batch, submission in sent:
        html = get_html(client, publish(submission).url)
        problems.added(batch, "the published story", html, public_baseline)
        problems.check(shown_as_typed(" ".join(batch), html), batch, "title or group not shown as typed")
    for name, (staff, url) in story_listings(site).items():
        html = get_html(moderator if staff else client, url)
        problems.new_kinds("the whole corpus", name, html, listing_baselines[name])
    # Search results show titles and summaries, with the query's words highlighted.
    search_baseline = get_html(client, "/search/?q=plain+words+park")
    for number in range(1, len(sent) // 10 + 2):
        html = get_html(client, f"/search/?q=plain+words+park&page={number}")
        problems.new_kinds("the whole corpus", f"search results page {number}", html, search_baseline)

    assert len(sent) > 0.9 * len(batches(PAYLOADS, STORY_TITLE_MAX_LENGTH))
    assert not problems, str(problems)


def publish(submission):
    page = submission.page
    page.get_latest_revision().publish()
    page.refresh_from_db()
    return page


# Consultation comments and reports ---------------------------------------------------------------


def send_comment(client, site, payload, email="resident@example.org", postcode=""):
    data = {
        f"question_{site['question'].pk}": payload,
        "display_name": payload,
        "email": email,
        "postcode": postcode,
        "text": payload,
        "privacy_agreed": "on",
        "form_token": str(uuid.uuid4()),
    }
    response = client.post(site["consultation"].url + "comment/", data)
    return response, Comment.objects.filter(form_token=data["form_token"]).first()


def confirm_and_approve(client, comment, user):
    link = re.search(r"https?://testserver(\S+)", mail.outbox[-1].body).group(1)
    assert client.post(link).status_code == 200
    approve([comment], user)


def comment_review_screens(comment):
    return {
        "comment edit view": reverse("wagtailsnippets_consultations_comment:edit", args=[comment.pk]),
        "comment inspect view": reverse("wagtailsnippets_consultations_comment:inspect", args=[comment.pk]),
    }


def test_every_payload_sent_as_a_comment_is_refused_or_shown_as_typed_and_never_runs(client, site, moderator):
    user = User.objects.get(username="mod")
    consultation = site["consultation"]
    _, plain = send_comment(client, site, HARMLESS)
    confirm_and_approve(client, plain, user)
    baselines = {name: get_html(moderator, url) for name, url in comment_review_screens(plain).items()}
    report_url = f"{consultation.url}comments/{plain.pk}/report/"
    baselines["report form"] = get_html(client, report_url)
    refused_baseline = send_comment(client, site, "")[0].content.decode()
    listing_url = reverse("wagtailsnippets_consultations_comment:list")
    listing_baseline = get_html(moderator, listing_url)
    problems, accepted = Problems(), []

    for payload in PAYLOADS:
        response, comment = send_comment(client, site, payload)
        if comment is None:
            # Refused (markup, say): the reason is given and every word typed comes back, inert.
            html = response.content.decode()
            problems.check(response.status_code == 400 and "error-summary" in html, payload, "refused unclearly")
            problems.check(shown_as_typed(payload, html) or "\x00" in payload, payload, "typed text lost")
            problems.added(payload, "the refused comment form", html, refused_baseline)
            continue
        accepted.append(payload)
        problems.check(comment.text == payload.strip(), payload, f"comment stored as {comment.text!r}")
        problems.stored(payload, "the comment", comment.text + comment.display_name)
        confirm_and_approve(client, comment, user)
        for name, url in comment_review_screens(comment).items():
            problems.added(payload, name, get_html(moderator, url), baselines[name])
        report_page = get_html(client, f"{consultation.url}comments/{comment.pk}/report/")
        problems.added(payload, "the report form", report_page, baselines["report form"])
        problems.check(shown_as_typed(payload, report_page), payload, "not shown as typed on the report form")

    # Email and postcode never take markup; what was typed in them comes back inert.
    for batch in batches(PAYLOADS, 200):
        one_line = " ".join(batch)
        response, comment = send_comment(client, site, HARMLESS, email=one_line, postcode=one_line)
        problems.check(comment is None and response.status_code == 400, batch, "accepted as an email or postcode")
        problems.added(batch, "the refused comment form", response.content.decode(), refused_baseline)

    public_page = get_html(client, consultation.url)
    for payload in accepted:
        problems.check(shown_as_typed(payload, public_page), payload, "not shown as typed on the consultation")
    public_baseline_comments = len(accepted)  # every accepted comment is on the one page
    assert public_baseline_comments < 50
    problems.new_kinds("the accepted comments", "the consultation page", public_page, refused_baseline)
    problems.new_kinds("the whole corpus", "the moderation queue", get_html(moderator, listing_url), listing_baseline)

    # Markup is refused; text that only looks dangerous (template syntax, quotes) is kept as typed.
    assert "{{7*7}}" in accepted and '" onmouseover="window.__xss=1' in accepted
    assert "<script>window.__xss=1</script>" not in accepted
    assert not problems, str(problems)


# Forms that show back what was typed --------------------------------------------------------------


def test_every_payload_typed_into_a_reflecting_form_comes_back_inert(client, site):
    baselines = {
        "search": get_html(client, "/search/?q=plain+words"),
        "residents' data request": client.post("/your-data/", {"email": "not an address"}).content.decode(),
        "group sign-in": client.post(reverse("stories:sign_in"), {"email": "not an address"}).content.decode(),
    }
    problems = Problems()
    for payload in PAYLOADS:
        html = client.get("/search/", {"q": payload}).content.decode()
        problems.added(payload, "search", html, baselines["search"])
        for name, url in (("residents' data request", "/your-data/"), ("group sign-in", reverse("stories:sign_in"))):
            response = client.post(url, {"email": payload})
            problems.check(response.status_code == 400, payload, f"accepted as an email by the {name}")
            problems.added(payload, name, response.content.decode(), baselines[name])
    assert not problems, str(problems)


def test_every_payload_in_a_groups_reply_to_a_preview_is_inert_on_the_review_screens(client, site, moderator):
    from stories.models import StoryPreviewLink

    user = User.objects.get(username="mod")
    problems = Problems()
    baselines = None
    for chunk in [[HARMLESS], *batches(PAYLOADS, 2900)]:
        _, submission = send_story(client, ["A story edited by the council"])
        page = submission.page.specific
        draft = page.get_latest_revision_as_object()
        draft.summary = "Edited by the council"
        draft.save_revision(user=user)
        workflow_state = page.current_workflow_state
        moderator.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page.pk, "approve", workflow_state.current_task_state.pk],
            )
        )
        link = StoryPreviewLink.objects.get(submission=submission)
        group = Client()
        group.force_login(user)  # the session is irrelevant: the group signs in by link below
        group.logout()
        mail.outbox.clear()
        group.post(reverse("stories:sign_in"), {"email": "group@example.org"})
        sign_in_link = re.search(r"https?://testserver(\S+)", mail.outbox[-1].body).group(1)
        group.get(sign_in_link)
        reply = "\n".join(chunk)
        response = group.post(f"/stories/preview/{link.token}/", {"decision": "comment", "comment": reply})
        if "\x00" in reply:  # refused: Django's forms never accept a NUL character
            problems.check(response.status_code == 400, chunk, "a NUL character was accepted")
            continue
        assert response.status_code == 302, response.content.decode()[:2000]
        urls = story_review_screens(submission)
        urls["workflow history detail"] = reverse(
            "wagtailadmin_pages:workflow_history_detail", args=[page.pk, workflow_state.pk]
        )
        screens = {name: get_html(moderator, url) for name, url in urls.items()}
        if baselines is None:
            baselines = screens
            # The moderator does see the group's reply there.
            assert HARMLESS in screens["workflow history detail"]
            continue
        for name, html in screens.items():
            problems.added(chunk, name, html, baselines[name])
    assert not problems, str(problems)


def test_every_payload_shown_back_on_the_429_page_is_inert(client, site, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 0  # every request is one too many
    baseline = send_story(client, [HARMLESS])[0]
    assert baseline.status_code == 429 and HARMLESS in baseline.content.decode()
    problems = Problems()
    for batch in batches(PAYLOADS, STORY_TITLE_MAX_LENGTH):
        for name, response in (
            ("the 429 page after a story", send_story(client, batch)[0]),
            ("the 429 page after a comment", send_comment(client, site, " ".join(batch))[0]),
        ):
            html = response.content.decode()
            problems.check(response.status_code == 429, batch, f"{name} answered {response.status_code}")
            problems.added(batch, name, html, baseline.content.decode())
            problems.check(all(shown_as_typed(p, html) for p in batch if "\x00" not in p), batch, f"lost on {name}")
    assert not problems, str(problems)
