"""The floor: the smallest WSGI application, served by gunicorn as bench/run.py serves the site.

No page of the site can answer faster than this on the same machine and server settings, so
bench/run.py reports the page cache's hits as a fraction of it.
"""

BODY = b"<!doctype html><title>floor</title><p>Nothing but gunicorn.</p>\n"


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))])
    return [BODY]
