"""Generated input (text mixed with HTML fragments and known payloads) through the sanitiser and the forms.

The invariant everywhere: no executable markup in what is stored or rendered, and plain
text reads as typed. Example counts are kept small because each form example is a real
request; the corpus tests cover the known payloads one by one.
"""

import re
import unicodedata
import uuid

from django.contrib.auth.models import Group, User
from django.core import mail

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from consultations.models import Comment
from consultations.moderation import approve
from core.staff_roles import MODERATORS
from stories.models import StorySubmission
from stories.public_text import ALLOWED_TAGS, plain_summary, story_paragraphs
from tests.security.sites import public_forms_site

from .xss import PAYLOADS, added_executable_markup, executable_markup, shown_as_typed, visible_text

# Through real requests: few examples, no per-example deadline (the machine may be busy).
FORM_SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TAGS = st.sampled_from(
    [
        "script",
        "img",
        "svg",
        "a",
        "p",
        "b",
        "iframe",
        "style",
        "math",
        "div",
        "body",
        "input",
        "object",
        "embed",
        "form",
        "base",
        "meta",
        "link",
        "details",
        "video",
        "template",
        "noscript",
        "textarea",
        "title",
        "xmp",
        "animate",
        "set",
        "foreignObject",
        "mglyph",
    ]
)
ATTRIBUTE_NAMES = st.sampled_from(
    [
        "onerror",
        "onload",
        "onclick",
        "ONMOUSEOVER",
        "onfocus",
        "href",
        "src",
        "style",
        "xlink:href",
        "formaction",
        "action",
        "data",
        "srcdoc",
        "autofocus",
        "id",
        "class",
    ]
)
SCHEMES = st.sampled_from(
    ["javascript:", "JaVaScRiPt:", " javascript:", "java\tscript:", "jav&#x09;ascript:", "&#106;avascript:"]
    + ["vbscript:", "data:text/html,", "data:image/svg+xml,", "https://x.example/", "#", "expression("]
)
ATTRIBUTE_VALUES = st.builds(
    lambda scheme, body: scheme + body,
    SCHEMES,
    st.sampled_from(["window.__xss=1", "alert(1)", "x", "<script>window.__xss=1</script>"]),
)
QUOTES = st.sampled_from(['"', "'", "`", ""])
ATTRIBUTES = st.builds(
    lambda name, quote, value, separator: f"{separator}{name}={quote}{value}{quote}",
    ATTRIBUTE_NAMES,
    QUOTES,
    ATTRIBUTE_VALUES,
    st.sampled_from([" ", "/", "\n", "\x0c"]),
)
OPEN_TAGS = st.builds(
    lambda tag, attributes, end: f"<{tag}{''.join(attributes)}{end}",
    TAGS,
    st.lists(ATTRIBUTES, max_size=3),
    st.sampled_from([">", "/>", "", " >"]),
)
CLOSE_TAGS = TAGS.map(lambda tag: f"</{tag}>")
SPECIALS = st.sampled_from(
    ["<!--", "-->", "<![CDATA[", "]]>", "{{", "}}", "{%", "%}", "&lt;", "&#x3C;", "&amp;", "\u202e", "\u200b"]
    + ["＜", "\n\n", "\n", '"', "'", "`", "<", ">", "&", " "]
)
# Any text a form could carry (no lone surrogates: they cannot be sent as UTF-8).
WORDS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
FRAGMENTS = st.one_of(WORDS, OPEN_TAGS, CLOSE_TAGS, SPECIALS, st.sampled_from(PAYLOADS))
MIXED_TEXT = st.lists(FRAGMENTS, min_size=1, max_size=12).map("".join)


def tags_and_attributes(html):
    return re.findall(r"<\s*/?\s*([a-zA-Z][^\s/>]*)([^>]*)>", html)


# The sanitiser, directly: cheap, so many examples ------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(MIXED_TEXT)
@example('<svg><animate onbegin=window.__xss=1><noscript><p title="</noscript><img src=x onerror=1>">')
@example('<p title="x" lang="en">Generic attributes are dropped too</p>')
def test_sanitised_story_text_keeps_only_plain_formatting(text):
    html = story_paragraphs(text)
    assert executable_markup(html) == []
    for tag, attributes in tags_and_attributes(html):
        assert tag.lower() in ALLOWED_TAGS, html
        assert attributes.strip() == "", html


@settings(max_examples=300, deadline=None)
@given(MIXED_TEXT)
@example("\uf900")  # a compatibility ideograph, which NFC composes to another code point
def test_the_summary_is_the_start_of_what_a_reader_sees_of_the_story(text):
    # Plain text (shown escaped), so it may read "<script>" if the story shows that as text.
    summary = plain_summary(text)
    assert "\n" not in summary and len(summary) <= 280
    # Django's Truncator returns NFC text: the same characters, canonically composed.
    seen = unicodedata.normalize("NFC", visible_text(story_paragraphs(text)))
    assert seen.startswith(summary.removesuffix("…"))


# Through the public forms -------------------------------------------------------------------------


@pytest.fixture
def site(db, settings):
    # One client sends every example: lift the per-client limits (tested elsewhere).
    settings.PUBLIC_FORM_RATE_LIMIT = 100_000
    settings.PUBLIC_FORM_FAILED_RATE_LIMIT = 100_000
    settings.PUBLIC_RECEIPTS_PER_ADDRESS_PER_DAY = 100_000
    home, stories, consultation = public_forms_site()
    moderator = User.objects.create_user("mod", "mod@council.example", "a-long-password-1")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    return {"stories": stories, "consultation": consultation, "moderator": moderator}


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def send_story(client, title, story):
    data = {
        "group_name": title[:200],
        "contact_name": "Sam",
        "contact_email": "group@example.org",
        "title": title[:120],
        "story": f"{story}\n\nPlain words about the park.",
        "consent_to_publish": "on",
        "form_token": str(uuid.uuid4()),
    }
    response = client.post("/stories/submit/", data)
    submission = StorySubmission.objects.filter(form_token=data["form_token"]).select_related("page").first()
    return response, submission


def published(client, submission):
    page = submission.page
    page.get_latest_revision().publish()
    page.refresh_from_db()
    return page, client.get(page.url).content.decode()


@FORM_SETTINGS
@given(title=MIXED_TEXT, story=MIXED_TEXT)
def test_generated_stories_are_stored_clean_and_published_inert(client, site, title, story):
    if "baseline" not in site:
        site["baseline"] = published(client, send_story(client, "Plain title", "Plain words")[1])[1]
        # The refused form is its own page (it advertises every feed, a story only its own).
        site["refused_baseline"] = send_story(client, "", "")[0].content.decode()
    response, submission = send_story(client, title, story)
    if submission is None:
        # Refused (blank once trimmed, a NUL character): a clear message, the text back inert.
        html = response.content.decode()
        assert response.status_code == 400 and "error-summary" in html
        assert added_executable_markup(html, site["refused_baseline"]) == []
        return
    assert executable_markup("".join(block["value"] for block in submission.page.body.raw_data)) == []
    page, html = published(client, submission)
    assert page.title == " ".join(title[:120].split())
    assert shown_as_typed(page.title, html)
    assert added_executable_markup(html, site["baseline"]) == []


@FORM_SETTINGS
@given(name=MIXED_TEXT, text=MIXED_TEXT)
def test_generated_comments_are_refused_or_published_as_typed(client, site, name, text):
    consultation = site["consultation"]
    before = client.get(consultation.url).content.decode()
    data = {
        "display_name": name[:80],
        "email": "resident@example.org",
        "text": text[:3000],
        "privacy_agreed": "on",
        "form_token": str(uuid.uuid4()),
    }
    response = client.post(consultation.url + "comment/", data)
    comment = Comment.objects.filter(form_token=data["form_token"]).first()
    html = response.content.decode()
    if comment is None:
        assert response.status_code == 400 and "error-summary" in html
        assert added_executable_markup(html, before) == []
        return
    link = re.search(r"https?://testserver(\S+)", mail.outbox[-1].body).group(1)
    client.post(link)
    approve([comment], site["moderator"])
    after = client.get(consultation.url).content.decode()
    assert added_executable_markup(after, before) == []
    assert shown_as_typed(comment.text, after) and shown_as_typed(comment.display_name, after)
