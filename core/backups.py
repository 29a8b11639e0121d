"""Backing up and restoring the database and the media folder.

PostgreSQL is dumped with pg_dump's custom format and restored with pg_restore, the tools
that understand every PostgreSQL type and index; SQLite is copied with its online-backup
API, which is safe while the site is running. Media go into a tar.gz beside the dump.
"""

import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


def postgres_env(db):
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def postgres_args(db):
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return args


def backup(destination_root, alias="default"):
    """Write a new folder under destination_root holding the database dump and media; return it."""
    connection = connections[alias]
    db = connection.settings_dict
    folder = Path(destination_root) / datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder.mkdir(parents=True)
    dump = folder / DUMP_NAMES[connection.vendor]
    if connection.vendor == "postgresql":
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(dump), *postgres_args(db)],
            check=True,
            env=postgres_env(db),
        )
    else:
        connection.ensure_connection()
        target = sqlite3.connect(dump)
        with target:
            connection.connection.backup(target)
        target.close()
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        if Path(settings.MEDIA_ROOT).exists():
            archive.add(settings.MEDIA_ROOT, arcname="media")
    return folder


def restore(folder, alias="default"):
    """Load a backup folder into the configured (empty or existing) database and media folder."""
    folder = Path(folder)
    connection = connections[alias]
    db = connection.settings_dict
    dump = folder / DUMP_NAMES[connection.vendor]
    if not dump.exists():
        raise FileNotFoundError(f"{dump} is missing: was this backup taken from a {connection.vendor} database?")
    if connection.vendor == "postgresql":
        connection.close()
        subprocess.run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error", *postgres_args(db), str(dump)],
            check=True,
            env=postgres_env(db),
        )
    else:
        connection.close()
        shutil.copyfile(dump, db["NAME"])
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / "media.tar.gz") as archive:
        members = [m for m in archive.getmembers() if m.name.startswith("media")]
        for member in members:
            member.name = member.name.removeprefix("media").lstrip("/")
        media_root.mkdir(parents=True, exist_ok=True)
        archive.extractall(media_root, members=[m for m in members if m.name], filter="data")
