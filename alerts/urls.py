"""Alerts' public feeds: /alerts/feed.atom, /alerts/cap.atom (the CAP index) and /alerts/<id>.cap."""

from django.urls import path

from . import views
from .feeds import CapIndexFeed, CurrentAlertsFeed

app_name = "alerts"
urlpatterns = [
    # Plain views: Wagtail's page routing does not serve paths with a dot in them.
    path("alerts/feed.atom", CurrentAlertsFeed(), name="feed"),
    path("alerts/cap.atom", CapIndexFeed(), name="cap_index"),
    path("alerts/<int:pk>.cap", views.cap_document, name="cap"),
]
