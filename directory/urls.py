"""The directory's own URL views (the list and entry pages are Wagtail pages): its map, the
map's data as GeoJSON, and the CSV download. In the visitor's language, before Wagtail's
catch-all, so /directory/map/ is served here even though /directory/ is a page."""

from django.urls import path

from . import map_views

app_name = "directory"
urlpatterns = [
    path("directory/map/", map_views.directory_map, name="map"),
    path("directory/map/entries.geojson", map_views.map_geojson, name="map_geojson"),
    path("directory/open-data/entries.csv", map_views.entries_csv, name="entries_csv"),
]
