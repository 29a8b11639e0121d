"""The fund's awards as 360Giving open data: /fund/open-data/grants.json and /fund/open-data/grants.csv.

Only published, public, funded projects, in the site's main language (a translation is the
same grant). What is published comes from the project pages, which are public already; of
the application behind a project only the organisation's charity and company numbers are
read (public registers), never the group's email, the person who applied or any address.

Three queries however many grants: the projects (with their priority and registration
numbers), their places, and their rounds.
"""

from django.conf import settings
from django.db.models import F, Prefetch
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _

from wagtail.models import Page

from core.caching.routing import public_pages
from core.open_data import csv_attachment, public_download
from core.site_address import page_url
from strategy.models import Place

from .models import FundRoundPage, ProjectPage
from .threesixty import Award, Funder, grant_package, write_csv


def is_configured():
    """True when the council's 360Giving identifiers are set (settings.FUND_360GIVING)."""
    return bool(getattr(settings, "FUND_360GIVING", None))


def funded_projects():
    return (
        public_pages(ProjectPage.objects.live())
        .filter(grant_amount__gt=0, alias_of__isnull=True, locale__language_code=settings.LANGUAGE_CODE)
        .select_related("priority")
        .prefetch_related(Prefetch("places", queryset=Place.objects.order_by("name")))
        # Only these two columns of the application: it holds the group's personal data.
        .annotate(charity_number=F("application__charity_number"), company_number=F("application__company_number"))
        .order_by("path")
    )


def awards():
    projects = list(funded_projects())
    round_paths = {project.path[: -Page.steplen] for project in projects}
    rounds = {
        round_page.path: round_page
        for round_page in FundRoundPage.objects.live()
        .filter(path__in=round_paths)
        .only("title", "path", "decisions_on")
    }
    found = []
    for project in projects:
        round_page = rounds.get(project.path[: -Page.steplen])
        if round_page is None or not project.group_name.strip():
            continue  # a round taken down, or no group named on the page: nothing to publish
        found.append(
            Award(
                reference=f"PMP-project-{project.pk}",
                title=project.title,
                description=project.summary,
                amount_awarded=project.grant_amount,
                award_date=round_page.decisions_on.date(),
                recipient_org_name=project.group_name,
                recipient_charity_number=project.charity_number or "",
                recipient_company_number=project.company_number or "",
                recipient_org_reference="",
                beneficiary_locations=tuple(place.name for place in project.places.all()),
                programme_code=f"PMP-round-{round_page.pk}",
                programme_title=round_page.title,
                priority=project.priority.name,
                last_modified=project.last_published_at,
                data_source=page_url(project) or "",
            )
        )
    return found


def _funder_and_awards():
    if not is_configured():
        raise Http404("The fund's open data is not configured.")
    found = awards()
    if not found:
        raise Http404("The fund has made no awards yet.")
    return Funder.from_settings(), found


@public_download
def grants_json(request):
    funder, found = _funder_and_awards()
    package = grant_package(
        found,
        funder,
        title=_("People Make Places Fund awards"),
        description=_("Grants awarded by the People Make Places Fund, in the 360Giving Data Standard."),
        modified=max(award.last_modified for award in found),
    )
    response = JsonResponse(package, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = 'inline; filename="people-make-places-fund-grants.json"'
    return response


@public_download
def grants_csv(request):
    funder, found = _funder_and_awards()
    response = csv_attachment("people-make-places-fund-grants.csv")
    write_csv(found, funder, response)
    return response
