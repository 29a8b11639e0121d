"""Backing up and restoring the database and the media, through django-dbbackup.

django-dbbackup dumps the database with the engine's own tools (pg_dump's custom format
restored by pg_restore; SQLite's online-backup API, safe while the site runs) and archives
the media through Django's storage API, so media kept on S3 are backed up and restored
just like a local media folder. What is left here is the project's habit of one folder per
backup holding both halves, so an operator has one command each way.
"""

from datetime import UTC, datetime
from pathlib import Path

from django.core.management import call_command

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"


def backup(destination_root, verbosity=0):
    """Write a new folder under destination_root holding the database dump and media; return it."""
    folder = Path(destination_root) / datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder.mkdir(parents=True)
    options = {"interactive": False, "verbosity": verbosity}
    # dbbackup also writes database.dump.metadata: the engine, so a restore into another refuses.
    call_command("dbbackup", output_path=str(folder / DATABASE_FILE), **options)
    call_command("mediabackup", output_path=str(folder / MEDIA_FILE), compress=True, **options)
    return folder


def restore(folder, verbosity=0):
    """Load a backup folder into the configured (empty or existing) database and media storage."""
    folder = Path(folder)
    for name in (DATABASE_FILE, MEDIA_FILE):
        if not (folder / name).exists():
            raise FileNotFoundError(f"{folder / name} is missing: is {folder} a folder made by `backup`?")
    options = {"interactive": False, "verbosity": verbosity}
    call_command("dbrestore", input_path=str(folder / DATABASE_FILE), **options)
    call_command("mediarestore", input_path=str(folder / MEDIA_FILE), uncompress=True, replace=True, **options)
