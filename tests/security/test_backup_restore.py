"""A backup restores into a fresh database with pages, images and search working.

Runs the real commands in subprocesses against throwaway databases of the same engine
the suite uses (a temporary SQLite file, or new PostgreSQL databases in CI), with the media
in a local folder or on S3 (django-storages against moto's S3 server on localhost: the
fresh machine has its own empty bucket).
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

from django.db import connection

import boto3
import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

CHECK = """
from wagtail.images.models import Image
from wagtail.models import Page
from django.test import Client
client = Client(HTTP_HOST="localhost")
assert client.get("/strategy/").status_code == 200, "strategy page"
assert "75%" in client.get("/strategy/full/").content.decode()
image = Image.objects.get(title="Backed-up photo")
assert image.file.storage.exists(image.file.name), "image file"
assert image.file.read()[:8] == b"\\x89PNG\\r\\n\\x1a\\n", "image content"
assert image.get_rendition("fill-100x100").url
found = [p.title for p in Page.objects.live().search("volunteering")]
assert any("Strategy" in title for title in found), found
print("RESTORE-OK", image.file.url)
"""

MAKE_IMAGE = """
from io import BytesIO
from PIL import Image as PILImage
from django.core.files.images import ImageFile
from wagtail.images.models import Image
buffer = BytesIO()
PILImage.new("RGB", (320, 200), "teal").save(buffer, "PNG")
Image.objects.create(title="Backed-up photo", file=ImageFile(buffer, name="photo.png"))
"""


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def databases(tmp_path):
    """Two database URLs of the suite's engine: the original and the fresh one to restore into."""
    if connection.vendor == "postgresql":
        settings = connection.settings_dict
        base = f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
        names = [f"cc_backup_{uuid.uuid4().hex[:8]}", f"cc_restore_{uuid.uuid4().hex[:8]}"]
        with connection.cursor() as cursor:
            for name in names:
                cursor.execute(f'CREATE DATABASE "{name}"')
        yield [f"{base}/{name}" for name in names]
        with connection.cursor() as cursor:
            for name in names:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        yield [f"sqlite:///{tmp_path / 'original.sqlite3'}", f"sqlite:///{tmp_path / 'restored.sqlite3'}"]


@pytest.fixture
def s3():
    """An S3 API on localhost with two empty buckets: the original machine's and the fresh one's."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    credentials = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_S3_REGION_NAME": "us-east-1",
    }
    endpoint = f"http://{host}:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    for bucket in ("cc-media", "cc-media-fresh"):
        client.create_bucket(Bucket=bucket)
    yield {**credentials, "AWS_S3_ENDPOINT_URL": endpoint}, client
    server.stop()


def keys(client, bucket):
    return [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restores_into_a_fresh_database_with_pages_images_and_search(databases, tmp_path):
    original_url, fresh_url = databases
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DJANGO_SETTINGS_MODULE="connected_communities.settings.dev", MEDIA_ROOT=str(tmp_path / "media"))

    original = {**env, "DATABASE_URL": original_url}
    manage(original, "migrate", "--noinput", "-v0")
    manage(original, "load_sample_content")
    manage(original, "shell", "--no-imports", "-c", MAKE_IMAGE)
    output = manage(original, "backup", "--to", str(tmp_path / "backups"))
    folder = output.strip().rsplit(" ", 1)[1]

    # A new machine: empty database, empty media folder.
    fresh = {**env, "DATABASE_URL": fresh_url, "MEDIA_ROOT": str(tmp_path / "fresh-media")}
    manage(fresh, "restore_backup", folder)
    assert "RESTORE-OK /media/original_images/" in manage(fresh, "shell", "--no-imports", "-c", CHECK)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_of_media_on_s3_restores_into_a_fresh_bucket(databases, tmp_path, s3):
    """Several app servers keep media on S3, not in MEDIA_ROOT: the backup must hold them too."""
    original_url, fresh_url = databases
    s3_env, client = s3
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    # MEDIA_ROOT is left empty on both machines: every file lives in a bucket.
    env.update(s3_env, DJANGO_SETTINGS_MODULE="connected_communities.settings.dev", MEDIA_ROOT=str(tmp_path / "unused"))

    original = {**env, "DATABASE_URL": original_url, "AWS_STORAGE_BUCKET_NAME": "cc-media"}
    manage(original, "migrate", "--noinput", "-v0")
    manage(original, "load_site")
    manage(original, "shell", "--no-imports", "-c", MAKE_IMAGE)
    assert any(key.startswith("original_images/") for key in keys(client, "cc-media"))
    output = manage(original, "backup", "--to", str(tmp_path / "backups"))
    folder = output.strip().rsplit(" ", 1)[1]

    fresh = {**env, "DATABASE_URL": fresh_url, "AWS_STORAGE_BUCKET_NAME": "cc-media-fresh"}
    assert keys(client, "cc-media-fresh") == []
    manage(fresh, "restore_backup", folder)
    # The image is served from the fresh machine's bucket, where only the restore put it.
    endpoint = s3_env["AWS_S3_ENDPOINT_URL"]
    assert f"RESTORE-OK {endpoint}/cc-media-fresh/original_images/" in manage(
        fresh, "shell", "--no-imports", "-c", CHECK
    )
    assert not (tmp_path / "unused").exists() or not any((tmp_path / "unused").iterdir())
