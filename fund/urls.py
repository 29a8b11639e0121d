"""The fund's URL views: the community groups' area, where they apply, and the residents' ballot
(sent, then confirmed by an emailed link), and its awards as 360Giving open data."""

from django.urls import path

from . import application_views as views
from . import ballot_views, open_data_views

app_name = "fund"
urlpatterns = [
    path("fund/apply/", views.my_applications, name="mine"),
    path("fund/apply/sign-in/", views.sign_in, name="sign_in"),
    path("fund/apply/sign-in/<str:token>/", views.sign_in_with_link, name="sign_in_link"),
    path("fund/apply/sign-out/", views.sign_out, name="sign_out"),
    path("fund/apply/start/<int:round_id>/", views.start, name="start"),
    path("fund/apply/<str:reference>/", views.resume, name="resume"),
    path("fund/apply/<str:reference>/check/", views.check, name="check"),
    path("fund/apply/<str:reference>/sent/", views.submitted, name="submitted"),
    path("fund/apply/<str:reference>/crowdfunding/", views.crowdfunding_update, name="crowdfunding"),
    path("fund/apply/<str:reference>/<slug:step>/", views.step, name="step"),
    path("fund/rounds/<int:round_id>/vote/", ballot_views.vote, name="vote"),
    path("fund/rounds/<int:round_id>/vote/sent/", ballot_views.ballot_sent, name="ballot_sent"),
    path("fund/vote/confirm/<str:token>/", ballot_views.confirm_ballot, name="confirm_ballot"),
    path("fund/open-data/grants.json", open_data_views.grants_json, name="grants_json"),
    path("fund/open-data/grants.csv", open_data_views.grants_csv, name="grants_csv"),
]
