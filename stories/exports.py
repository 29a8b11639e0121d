"""Open data: every published story as CSV or JSON (/stories/export.csv, /stories/export.json).

Only what the story pages themselves show. Who sent a story in (StorySubmission: contact
name, email, consent) is never exported; `told_by` is the group's public name.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from core.caching.routing import public_pages
from core.open_data import csv_download, json_download
from core.site_address import page_url
from pledges.models import PledgePage

EXPORT_COLUMNS = [
    ("id", _("A number that identifies the story; it never changes")),
    ("title", _("The story's title")),
    ("url", _("The story's page on this site")),
    ("summary", _("The story in one or two sentences")),
    ("date", _("When it happened, or when it was told (YYYY-MM-DD)")),
    ("told_by", _("The community group that told it, or the council")),
    ("place", _("The town or parish it happened in, if any")),
    ("themes", _("The strategy themes it serves, separated by semicolons")),
    ("workstreams", _("The workstreams it serves, separated by semicolons")),
    ("pledges", _("The council pledges it gives evidence for, separated by semicolons")),
    ("tags", _("Its tags, separated by semicolons")),
    ("first_published", _("When it was first published on this site")),
]


def export_records(index):
    stories = (
        index.stories()
        .select_related("place")
        .prefetch_related(
            "themes",
            "workstreams",
            "tags",
            Prefetch("pledges", queryset=public_pages(PledgePage.objects.live()).order_by("title")),
        )
        .order_by("-date", "-pk")
    )
    return [
        {
            "id": story.pk,
            "title": story.title,
            "url": page_url(story),
            "summary": story.summary,
            "date": story.date,
            "told_by": story.told_by,
            "place": story.place.name if story.place else "",
            "themes": [theme.name for theme in story.themes.all()],
            "workstreams": [workstream.title for workstream in story.workstreams.all()],
            "pledges": [pledge.title for pledge in story.pledges.all()],
            "tags": sorted(tag.name for tag in story.tags.all()),
            "first_published": story.first_published_at,
        }
        for story in stories
    ]


def csv_response(index):
    return csv_download("stories.csv", EXPORT_COLUMNS, export_records(index))


def json_response(index):
    return json_download("stories.json", "stories", EXPORT_COLUMNS, export_records(index))
