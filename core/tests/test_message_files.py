"""Every interface string has its Polish and Romanian translation, and the compiled files match.

The message files are refreshed from the code as `make messages` does it, but into a copy,
so a string added without running `make messages` (or left untranslated or fuzzy after it)
fails here rather than reaching residents in English.
"""

import gettext
import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

import pytest

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.fixture(scope="module")
def refreshed_locale(tmp_path_factory):
    if not shutil.which("xgettext"):
        if os.environ.get("CI"):
            pytest.fail("GNU gettext is missing in CI: .ci/run should have installed it")
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    copy = tmp_path_factory.mktemp("locale") / "locale"
    shutil.copytree(LOCALE_DIR, copy)
    committed = {path: path.read_bytes() for path in LOCALE_DIR.rglob("*") if path.is_file()}
    cwd = Path.cwd()
    os.chdir(settings.BASE_DIR)
    try:
        with override_settings(LOCALE_PATHS=[str(copy)]):
            call_command(
                "makemessages",
                all=True,
                no_obsolete=True,
                # "locale": makemessages writes a source file's strings to the nearest locale
                # folder it walks past, which would be the committed one, not the copy.
                ignore_patterns=[".venv", "staticfiles", "node_modules", "var", "locale"],
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
        changed = [path for path, content in committed.items() if path.read_bytes() != content]
        for path in changed:
            path.write_bytes(committed[path])
    assert not changed, f"the committed message files were touched: {changed}"
    return copy


def entries(po_file, *flags):
    """The msgids `msgattrib` selects with `flags`, the header left out."""
    result = subprocess.run(
        ["msgattrib", "--no-wrap", *flags, str(po_file)], capture_output=True, text=True, check=True
    )
    msgids = [line.removeprefix("msgid ") for line in result.stdout.splitlines() if line.startswith("msgid ")]
    return msgids[1:]  # msgattrib writes the header first whenever it writes anything


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated_and_none_is_fuzzy(refreshed_locale, language):
    po_file = refreshed_locale / language / "LC_MESSAGES" / "django.po"
    assert entries(po_file, "--untranslated", "--no-obsolete") == [], f"run `make messages` and translate ({language})"
    assert entries(po_file, "--only-fuzzy", "--no-obsolete") == [], f"fuzzy entries left in {language}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_mo_file_is_compiled_from_the_committed_po_file(tmp_path, language):
    if not shutil.which("msgfmt"):
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(fresh), str(folder / "django.po")], check=True)
    with (folder / "django.mo").open("rb") as committed, fresh.open("rb") as compiled:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(compiled)._catalog
