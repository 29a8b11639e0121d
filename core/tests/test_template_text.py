"""Every word a visitor reads in a template goes through Django's translation machinery.

The rule, kept simple so anyone can predict it: take each template of the project's
own apps, drop what is not read as text (template comments, `{% blocktranslate %}`
blocks, `{% block body_class %}` class names, every other `{% tag %}` and
`{{ variable }}`, `<script>`/`<style>` bodies, HTML tags and entities), keep the
attributes people do read (alt, title, aria-label, placeholder), and fail on any
letter that is left: it is literal text no translator will ever see. `{% translate "…" %}` disappears with the other tags, so it passes.
"""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

import pytest

BASE_DIR = Path(settings.BASE_DIR)

# Templates machines read, not people: nothing in them is shown to a visitor.
NOT_FOR_PEOPLE = {
    "robots.txt",  # crawler directives ("User-agent", "Disallow")
}

COMMENT_BLOCK = re.compile(r"{%\s*comment\b.*?%}.*?{%\s*endcomment\s*%}", re.S)
COMMENT = re.compile(r"{#.*?#}", re.S)
# `{% block body_class %}home{% endblock %}` fills base.html's <body class="…">: a class name, not text.
CLASS_BLOCK = re.compile(r"{%\s*block\s+\w*class\s*%}.*?{%\s*endblock\b.*?%}", re.S)
BLOCKTRANSLATE = re.compile(r"{%\s*blocktrans(?:late)?\b.*?%}.*?{%\s*endblocktrans(?:late)?\s*%}", re.S)
TEMPLATE_TAG = re.compile(r"{%.*?%}|{{.*?}}", re.S)
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
READ_ATTRIBUTE = re.compile(r"""\b(?:alt|title|aria-label|placeholder)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
HTML_TAG = re.compile(r"<[^>]*>", re.S)
ENTITY = re.compile(r"&#?\w+;")
# Paths and fragments in links (`{{ site_url }}/admin/pages/{{ id }}/edit/`, `#outcome`) are
# addresses, not words; "and/or" keeps its words because a letter stands before the slash.
URL_PART = re.compile(r"(?<![^\s(])[/#][^\s<>\"']*")
LETTERS = re.compile(r"[^\W\d_]+")


def project_templates():
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    folders += [
        Path(config.path) / "templates"
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(BASE_DIR) and ".venv" not in Path(config.path).parts
    ]
    templates = []
    for folder in folders:
        if folder.is_dir():
            templates += sorted(path for path in folder.rglob("*") if path.suffix in {".html", ".txt"})
    return [path for path in templates if path.name not in NOT_FOR_PEOPLE]


def untranslated_text(source):
    """The runs of letters in `source` that a visitor reads but no translator sees."""
    text = COMMENT_BLOCK.sub(" ", source)
    text = COMMENT.sub(" ", text)
    text = BLOCKTRANSLATE.sub(" ", text)
    text = CLASS_BLOCK.sub(" ", text)
    text = TEMPLATE_TAG.sub(" ", text)
    text = SCRIPT_OR_STYLE.sub(" ", text)
    attributes = " ".join(double or single for double, single in READ_ATTRIBUTE.findall(text))
    text = HTML_TAG.sub(" ", text) + " " + attributes
    text = ENTITY.sub(" ", text)
    text = URL_PART.sub(" ", text)
    return LETTERS.findall(text)


def test_the_rule_catches_literal_text_and_passes_translated_text():
    assert untranslated_text('<h1>{% translate "Hello" %}</h1>') == []
    assert untranslated_text("<p>{% blocktranslate %}Hi {{ name }}{% endblocktranslate %}</p>") == []
    assert untranslated_text('<a href="/x" class="y">{{ page.title }}</a>{# note #}') == []
    assert untranslated_text("<p>Hello</p>") == ["Hello"]
    assert untranslated_text('<img src="a.png" alt="A photo">') == ["A", "photo"]
    assert untranslated_text('<input placeholder="Search">') == ["Search"]
    assert untranslated_text("<p>&nbsp;–&amp;</p>") == []
    assert untranslated_text("{{ site_url }}/admin/pages/{{ id }}/edit/ {{ url }}#outcome") == []
    assert untranslated_text("<p>and/or</p>") == ["and", "or"]
    assert untranslated_text("{% block body_class %}home{% endblock %}<p>{% block content %}Hi{% endblock %}</p>") == [
        "Hi"
    ]


def test_project_templates_are_found():
    names = {path.name for path in project_templates()}
    assert {"base.html", "404.html", "500.html", "home_page.html", "strategy_page.html", "search.html"} <= names


@pytest.mark.parametrize("path", project_templates(), ids=lambda path: str(path.relative_to(BASE_DIR)))
def test_template_has_no_untranslated_text(path):
    words = untranslated_text(path.read_text(encoding="utf-8"))
    assert not words, (
        f"{path.relative_to(BASE_DIR)} shows text that is not marked for translation: {' '.join(words)!r}. "
        "Wrap it in {% translate %} or {% blocktranslate %}."
    )
