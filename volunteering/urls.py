"""Volunteering's URL views: the groups' area and their reply form (opportunities are pages)."""

from django.urls import path

from . import views

app_name = "volunteering"
urlpatterns = [
    path("volunteering/mine/", views.my_opportunities, name="mine"),
    path("volunteering/mine/new/", views.new_opportunity, name="new"),
    path("volunteering/mine/sign-in/", views.sign_in, name="sign_in"),
    path("volunteering/mine/sign-in/<str:token>/", views.sign_in_with_link, name="sign_in_link"),
    path("volunteering/mine/sign-out/", views.sign_out, name="sign_out"),
    path("volunteering/reply/<str:token>/", views.reply, name="reply"),
]
