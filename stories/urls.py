"""Stories' URL views: files, and screens of a person rather than a page (README, "Pages and URL views")."""

from django.urls import path

from . import views
from .feeds import LatestStoriesAtomFeed, LatestStoriesFeed

app_name = "stories"
urlpatterns = [
    # Plain views: Wagtail's page routing does not serve paths with a dot in them.
    path("stories/export.csv", views.export_csv, name="export_csv"),
    path("stories/export.json", views.export_json, name="export_json"),
    path("stories/feed/", LatestStoriesFeed(), name="feed"),
    path("stories/feed/atom/", LatestStoriesAtomFeed(), name="atom_feed"),
    path("stories/mine/", views.my_stories, name="mine"),
    path("stories/mine/sign-in/", views.sign_in, name="sign_in"),
    path("stories/mine/sign-in/<str:token>/", views.sign_in_with_link, name="sign_in_link"),
    path("stories/mine/sign-out/", views.sign_out, name="sign_out"),
    path("stories/mine/<str:reference>/withdraw/", views.withdraw, name="withdraw"),
    path("stories/mine/<str:reference>/check/", views.check, name="check"),
    path("stories/preview/<str:token>/", views.preview, name="preview"),
]
