"""Consultations' URL views: files, and screens of a person rather than a page (README, "Pages and URL views")."""

from django.urls import path

from . import views
from .feeds import ConsultationFeed

app_name = "consultations"
urlpatterns = [
    path("consultations/feed/", ConsultationFeed(), name="feed"),
    path("consultations/outcomes.csv", views.outcomes, {"format": "csv"}, name="outcomes_csv"),
    path("consultations/outcomes.json", views.outcomes, {"format": "json"}, name="outcomes_json"),
    path("consultations/confirm/<str:token>/", views.confirm, name="confirm"),
    path("consultations/<slug:slug>/results.csv", views.results, {"format": "csv"}, name="results_csv"),
    path("consultations/<slug:slug>/results.json", views.results, {"format": "json"}, name="results_json"),
]
