"""Open data beside the dashboard: /pledges/export.csv, /pledges/export.json, /pledges/feed/.

These are plain Django views rather than routes of the index page, because Wagtail's page
serving does not route paths with a dot in them (export.csv).
"""

from django.urls import path

from . import views

app_name = "pledges"
urlpatterns = [
    path("pledges/export.csv", views.export_csv, name="export_csv"),
    path("pledges/export.json", views.export_json, name="export_json"),
    path("pledges/feed/", views.feed, name="feed"),
]
