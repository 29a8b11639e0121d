"""Private files: no public URL, and the backup archives and restores them through the storage API."""

import io
import tarfile

from django.core.files.base import ContentFile
from django.core.files.storage import storages

import pytest

from core.backups import archive_storage, unarchive_into_storage
from core.private_files import private_storage


@pytest.fixture
def private(settings, tmp_path):
    folder = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "core.private_files.PrivateFileSystemStorage", "OPTIONS": {"location": str(folder)}},
    }
    return folder


def test_a_private_file_has_no_url(private):
    name = private_storage().save("a/secret.pdf", ContentFile(b"%PDF-1.4"))
    assert (private / name).exists()
    with pytest.raises(ValueError):
        private_storage().url(name)


def test_the_private_files_are_archived_and_restored(private, tmp_path):
    storage = storages["private"]
    storage.save("fund/applications/one/first.pdf", ContentFile(b"first"))
    storage.save("top.pdf", ContentFile(b"top"))
    archive = tmp_path / "private-media.tar.gz"
    archive_storage(storage, archive)
    for name in ("fund/applications/one/first.pdf", "top.pdf"):
        storage.delete(name)
    storage.save("top.pdf", ContentFile(b"changed since the backup"))

    unarchive_into_storage(archive, storage)
    assert storage.open("fund/applications/one/first.pdf").read() == b"first"
    assert storage.open("top.pdf").read() == b"top"


def test_a_restore_writes_nothing_outside_the_private_storage(private, tmp_path):
    archive = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "w:gz") as handle:
        for name in ("../escaped.pdf", "/tmp/absolute.pdf", "fine.pdf"):
            info = tarfile.TarInfo(name)
            info.size = 2
            handle.addfile(info, io.BytesIO(b"ok"))
    unarchive_into_storage(archive, storages["private"])
    assert not (tmp_path / "escaped.pdf").exists()
    assert sorted(p.name for p in private.rglob("*") if p.is_file()) == ["fine.pdf"]


def test_an_empty_private_storage_is_archived_as_an_empty_archive(private, tmp_path):
    assert not private.exists()  # nothing was ever saved: the folder is not there yet
    archive = tmp_path / "private-media.tar.gz"
    archive_storage(storages["private"], archive)
    with tarfile.open(archive, "r:gz") as handle:
        assert handle.getnames() == []
