from django.http import Http404
from django.views.decorators.cache import cache_control

from .exports import csv_response, json_response
from .feeds import PledgeUpdatesFeed
from .models import PledgeIndexPage


def live_index():
    index = PledgeIndexPage.objects.live().public().first()
    if index is None:
        raise Http404("There is no published pledge dashboard.")
    return index


@cache_control(public=True, max_age=300)
def export_csv(request):
    return csv_response(live_index())


@cache_control(public=True, max_age=300)
def export_json(request):
    return json_response(live_index())


def feed(request):
    return PledgeUpdatesFeed(live_index())(request)
