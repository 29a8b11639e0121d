"""The community groups' area for the directory: screens of a group, not pages of the tree.

Included before Wagtail's own URLs; the entries' slugs never take "your-entries"
(directory/group_entries.py RESERVED_SLUGS).
"""

from django.urls import path

from . import group_views as views

app_name = "directory_groups"
urlpatterns = [
    path("directory/your-entries/", views.my_entries, name="mine"),
    path("directory/your-entries/sign-in/", views.sign_in, name="sign_in"),
    path("directory/your-entries/sign-in/<str:token>/", views.sign_in_with_link, name="sign_in_link"),
    path("directory/your-entries/sign-out/", views.sign_out, name="sign_out"),
    path("directory/your-entries/add/", views.add_entry, name="add"),
    path("directory/your-entries/<str:reference>/", views.edit_entry, name="edit"),
    path("directory/your-entries/<str:reference>/sent/", views.entry_sent, name="sent"),
    path("directory/your-entries/<str:reference>/still-correct/", views.confirm, name="confirm"),
]
