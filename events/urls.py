"""Events' URL views: the iCalendar files (README, "Pages and URL views")."""

from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    # Plain views: Wagtail's page routing does not serve paths with a dot in them.
    path("events/calendar.ics", views.listing_calendar, name="calendar"),
    path("events/past/calendar.ics", views.listing_calendar, {"past": True}, name="past_calendar"),
    path("events/<slug:slug>/calendar.ics", views.event_calendar, name="event_calendar"),
]
