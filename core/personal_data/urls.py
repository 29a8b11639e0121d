from django.urls import path

import core.personal_data.views as views

app_name = "personal_data"
urlpatterns = [
    path("your-data/", views.your_data, name="request"),
    path("your-data/<str:token>/", views.your_data_manage, name="manage"),
    path("your-data/<str:token>/download/", views.your_data_download, name="download"),
    path("your-data/<str:token>/erase/", views.your_data_erase, name="erase"),
]
