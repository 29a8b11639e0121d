from django.http import Http404

from core.open_data import public_download

from .dashboard import live_index
from .exports import csv_response, json_response
from .feeds import PledgeUpdatesFeed


def pledge_index():
    index = live_index()
    if index is None:
        raise Http404("There is no published pledge dashboard.")
    return index


@public_download
def export_csv(request):
    return csv_response(pledge_index())


@public_download
def export_json(request):
    return json_response(pledge_index())


def feed(request):
    return PledgeUpdatesFeed(pledge_index())(request)
