"""The fund's URL views: the residents' ballot (sent, then confirmed by an emailed link)."""

from django.urls import path

from . import ballot_views

app_name = "fund"
urlpatterns = [
    path("fund/rounds/<int:round_id>/vote/", ballot_views.vote, name="vote"),
    path("fund/rounds/<int:round_id>/vote/sent/", ballot_views.ballot_sent, name="ballot_sent"),
    path("fund/vote/confirm/<str:token>/", ballot_views.confirm_ballot, name="confirm_ballot"),
]
