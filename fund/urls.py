"""The fund's URL views: the community groups' area, where they apply (README, "Pages and URL views")."""

from django.urls import path

from . import application_views as views

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
    path("fund/apply/<str:reference>/<slug:step>/", views.step, name="step"),
]
