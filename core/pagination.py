"""Pagination for listings whose total is already known (counted with other figures, or cached)."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CountedPaginator(Paginator):
    """A paginator told its count, so the page does not count its rows a second time."""

    def __init__(self, *args, count, **kwargs):
        super().__init__(*args, **kwargs)
        self._known_count = count

    @cached_property
    def count(self):
        return self._known_count
