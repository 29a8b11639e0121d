"""Parts of the real site that apps above home build, run by home's site loader.

home/loader.py builds the home page and the strategy; an app above it in the layers (the
directory, say) cannot be named there, so it registers its own loader from its
AppConfig.ready, as a dotted path imported when the loader runs. Each loader takes the home
page and must be safe to run any number of times (add what is missing, leave the rest).
"""

from django.utils.module_loading import import_string

_loaders: dict[str, int] = {}


def register(dotted_path, order=100):
    """Run `dotted_path(home)` after the home page and the strategy exist; once per path."""
    _loaders.setdefault(dotted_path, order)


def run_all(home):
    for dotted_path, _order in sorted(_loaders.items(), key=lambda item: (item[1], item[0])):
        import_string(dotted_path)(home)
