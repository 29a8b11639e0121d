"""Following's screens: the form, and the screens behind the links in a subscriber's emails."""

from django.urls import path

from . import views

app_name = "following"
urlpatterns = [
    path("follow/", views.follow, name="follow"),
    path("follow/check-your-email/", views.check_your_email, name="sent"),
    path("follow/confirm/<str:token>/", views.confirm, name="confirm"),
    path("follow/manage/<str:token>/", views.manage, name="manage"),
    path("follow/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
