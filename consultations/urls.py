from django.urls import path

from . import views
from .feeds import ConsultationFeed

app_name = "consultations"
urlpatterns = [
    path("consultations/feed/", ConsultationFeed(), name="feed"),
    path("consultations/confirm/<str:token>/", views.confirm, name="confirm"),
    path("consultations/<slug:slug>/results.csv", views.results, {"format": "csv"}, name="results_csv"),
    path("consultations/<slug:slug>/results.json", views.results, {"format": "json"}, name="results_json"),
]
