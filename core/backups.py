"""Backing up and restoring the database and the media, through django-dbbackup.

django-dbbackup dumps the database with the engine's own tools (pg_dump's custom format
restored by pg_restore; SQLite's online-backup API, safe while the site runs) and archives
the media through Django's storage API, so media kept on S3 are backed up and restored
just like a local media folder. What is left here is the project's habit of one folder per
backup holding both halves, so an operator has one command each way. The private files
(core/private_files.py), which django-dbbackup does not know, go in an archive of their own
beside the media, read and written through the storage API too.
"""

import tarfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.core.files.storage import storages
from django.core.management import call_command

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
PRIVATE_MEDIA_FILE = "private-media.tar.gz"  # STORAGES["private"] (core/private_files.py); optional on restore


def storage_files(storage, folder=""):
    """Every file name in `storage` under `folder`, through the storage API (a folder or a bucket)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a folder storage nothing was ever saved to
        return
    for name in files:
        yield str(PurePosixPath(folder, name)) if folder else name
    for sub in folders:
        yield from storage_files(storage, str(PurePosixPath(folder, sub)) if folder else sub)


def archive_storage(storage, path):
    with tarfile.open(path, "w:gz") as archive:
        for name in storage_files(storage):
            with storage.open(name, "rb") as handle:
                info = tarfile.TarInfo(name)
                info.size = storage.size(name)
                archive.addfile(info, handle)


def unarchive_into_storage(path, storage):
    """Put each file of the archive back under its own name, replacing what is there."""
    with tarfile.open(path, "r:gz") as archive:
        for member in archive.getmembers():
            name = PurePosixPath(member.name)
            if not member.isfile() or name.is_absolute() or ".." in name.parts:
                continue
            if storage.exists(member.name):
                storage.delete(member.name)
            storage.save(member.name, archive.extractfile(member))


def backup(destination_root, verbosity=0):
    """Write a new folder under destination_root holding the database dump and media; return it."""
    folder = Path(destination_root) / datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder.mkdir(parents=True)
    options = {"interactive": False, "verbosity": verbosity}
    # dbbackup also writes database.dump.metadata: the engine, so a restore into another refuses.
    call_command("dbbackup", output_path=str(folder / DATABASE_FILE), **options)
    call_command("mediabackup", output_path=str(folder / MEDIA_FILE), compress=True, **options)
    archive_storage(storages["private"], folder / PRIVATE_MEDIA_FILE)
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
    if (folder / PRIVATE_MEDIA_FILE).exists():  # backups made before private files had none
        unarchive_into_storage(folder / PRIVATE_MEDIA_FILE, storages["private"])
