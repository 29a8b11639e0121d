"""What the registers above home count for the home page's community-assets snapshot.

The snapshot's lines (strategy.CommunityAsset) carry the strategy's baseline figures. Once a
register (the directory) holds live entries for a line, the home page shows the register's
count instead, and says so. home cannot name the directory (the layers in pyproject.toml), so
the directory registers a function here from its AppConfig.ready; home asks `counts()`.

A counting function returns {line translation key: [(plural name, count), ...]}, one pair per
kind of entry that counts towards the line, in the visitor's language. `counts()` keeps the
answer until the next publication: one query per generation and language, none in between.
"""

from django.utils import translation
from django.utils.module_loading import import_string

_counters: list[str] = []


def register_counts(dotted_path):
    """Add a counting function (as a dotted path, imported when first asked); once per path."""
    if dotted_path not in _counters:
        _counters.append(dotted_path)


def counts():
    """{line translation key: [(plural name, count), ...]} from every registered counter."""
    from core.caching.routing import cached

    def compute():
        merged = {}
        for dotted_path in _counters:
            for key, pairs in import_string(dotted_path)().items():
                merged.setdefault(key, []).extend(pairs)
        return merged

    return cached(f"snapshot-counts:{translation.get_language()}", compute)


def line_figure(pairs):
    """(figure, description) for a line counted by the register, or None while it counts nothing.

    In the strategy's own form: "12 good neighbour schemes and 3 neighbourhood watch schemes"
    reads as figure "12", description "good neighbour schemes and 3 neighbourhood watch schemes".
    Types with no entry yet still show their 0, so a line never looks complete when it is not.
    """
    if not pairs or not any(count for _name, count in pairs):
        return None
    (first_name, first_count), rest = pairs[0], pairs[1:]
    parts = [_sentence_middle(first_name)] + [f"{count} {_sentence_middle(name)}" for name, count in rest]
    if len(parts) == 1:
        description = parts[0]
    else:
        description = translation.gettext("%(list)s and %(last)s") % {
            "list": ", ".join(parts[:-1]),
            "last": parts[-1],
        }
    return str(first_count), description


def _sentence_middle(name):
    """'Village halls' as it reads inside a sentence: 'village halls' (an acronym stays as it is)."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]
