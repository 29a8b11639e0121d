"""The read API's query parameters, checked before they reach the database or the search backend.

Wagtail's API answers most bad parameters with a 400 and a JSON `message`, but a few reach
PostgreSQL or the search backend as they are and fail there with a 500: a NUL character
(PostgreSQL text cannot hold one), an unknown `search_operator`, an offset past PostgreSQL's
bigint, a search so long that building its query recurses too deep. This layer refuses
those the way Wagtail refuses the rest.
"""

from wagtail.api.v2.utils import BadRequestError

from search.query import MAX_QUERY_LENGTH

# What the site's own search accepts is plenty for a partner's search too (the query
# builder recurses once per word, so the count of words is what must stay small).
MAX_SEARCH_WORDS = 32
SEARCH_OPERATORS = {"and", "or"}
# Far past any real listing, far below PostgreSQL's bigint (offset + limit must fit).
MAX_OFFSET = 10_000_000


def check_query_parameters(params):
    """Raise BadRequestError (a 400 with a JSON `message`) for a parameter the API cannot run."""
    for name, values in params.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequestError(f"{name.replace(chr(0), '')}: NUL characters are not allowed")
    if "search" in params:
        query = params["search"]
        if len(query) > MAX_QUERY_LENGTH:
            raise BadRequestError(f"search cannot be longer than {MAX_QUERY_LENGTH} characters")
        if len(query.split()) > MAX_SEARCH_WORDS:
            raise BadRequestError(f"search cannot have more than {MAX_SEARCH_WORDS} words")
    if "search_operator" in params and params["search_operator"] not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")
    if "offset" in params:
        offset = params["offset"]
        if offset.strip().isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
    # `find/?id=` goes straight to the database; a listing's `id` filter checks it itself.
    if "id" in params and not params["id"].isdecimal():
        raise BadRequestError("id must be a positive integer")


class CheckedQueryParametersMixin:
    """For a Wagtail API viewset: refuse unrunnable parameters before any of its views runs.

    `initial()` is Django REST framework's step before every handler (listing, detail and
    find alike); what it raises is answered by the viewset's own `handle_exception`.
    """

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_query_parameters(request.GET)
