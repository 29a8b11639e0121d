"""Templates keep the import layers too: no app's templates load tags or include templates of an
app above it (pyproject.toml's layers). Those apps add sections instead (core/page_sections.py)."""

import re
import tomllib
from pathlib import Path

from django.conf import settings
from django.template import engines

BASE_DIR = Path(settings.BASE_DIR)
LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
INCLUDE = re.compile(r"""{%\s*(?:include|extends)\s+["']([a-z_]+)/""")


def layer_of():
    config = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    ranks = {}
    for rank, layer in enumerate(reversed(contract["layers"])):
        for app in layer.split("|"):
            ranks[app.strip()] = rank
    return ranks


def tag_library_apps():
    libraries = engines["django"].engine.libraries  # name: dotted path of its module
    return {name: path.split(".")[0] for name, path in libraries.items()}


def test_no_template_reaches_up_the_layers():
    ranks, libraries = layer_of(), tag_library_apps()
    reaching_up = []
    for app, rank in ranks.items():
        for path in (BASE_DIR / app).glob("templates/**/*.html"):
            text = path.read_text()
            used = [libraries.get(name) for names in LOAD.findall(text) for name in names.split()]
            used += INCLUDE.findall(text)
            for other in used:
                if other in ranks and ranks[other] > rank:
                    reaching_up.append(f"{path.relative_to(BASE_DIR)} uses {other}")
    assert reaching_up == []


def test_the_check_sees_an_upward_load():
    ranks, libraries = layer_of(), tag_library_apps()
    assert libraries["stories_tags"] == "stories"
    assert ranks["stories"] > ranks["home"] > ranks["core"]
