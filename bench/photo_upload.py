"""How long one story submission with big photos holds a worker.

    .venv/bin/python bench/photo_upload.py                 # 5 photos of 6,320 x 6,320 px
    .venv/bin/python bench/photo_upload.py --photos 5 --side 4032 --height 3024   # 12 MP phone photos

Builds a throwaway SQLite database (test settings, media in a temporary folder), a home
page and a stories index, then sends the story form with the photos through Django's test
client, as a browser would, and times the whole request: form checks, re-encoding, storing
the originals and making their renditions. The photos are JPEGs with noise in them, so they
compress like camera photos (several MB each, under the 10 MB limit). Prints the status, the
time, and what was stored.
"""

import argparse
import io
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "connected_communities.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='cc-bench-photos-')}/db.sqlite3"


def say(text):
    sys.stdout.write(text + "\n")


def make_photo(width, height, seed):
    from PIL import Image

    # A smooth gradient under fine noise: roughly the size a phone's JPEG of this many pixels has.
    noise = Image.effect_noise((width, height), 24 + seed)
    gradient = Image.linear_gradient("L").resize((width, height))
    picture = Image.merge("RGB", (noise, gradient, Image.blend(noise, gradient, 0.5)))
    output = io.BytesIO()
    picture.save(output, format="JPEG", quality=80)
    return output.getvalue()


def build_site():
    from django.core.management import call_command

    from wagtail.models import Page, Site

    from core.staff_roles import apply_staff_roles
    from home.models import HomePage
    from stories.models import StoryIndexPage

    call_command("migrate", verbosity=0)
    home = HomePage(title="Connected Communities", slug="cc-home")
    Page.objects.get(depth=1).add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    index = StoryIndexPage(title="Stories of change", slug="stories")
    home.add_child(instance=index)
    index.save_revision().publish()
    apply_staff_roles()
    return index


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--photos", type=int, default=5)
    parser.add_argument("--side", type=int, default=6320, help="width of each photo, in pixels")
    parser.add_argument("--height", type=int, help="height of each photo (default: the width)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # so the response names the form and its errors
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from wagtail.images import get_image_model

    build_site()
    width, height = args.side, args.height or args.side
    photos = [make_photo(width, height, n) for n in range(args.photos)]
    sizes = ", ".join(f"{len(photo) / 1e6:.1f}" for photo in photos)
    say(f"{args.photos} photos of {width} x {height} px ({sizes} MB)")
    data = {
        "group_name": "Upton Repair Group",
        "contact_name": "Sam Jones",
        "contact_email": "sam@example.org",
        "title": "Our repair café",
        "story": "We fixed 200 toasters.",
        "photo_description": "Volunteers at a table",
        "people_pictured_agreed": "on",
        "consent_to_publish": "on",
        "form_token": str(uuid.uuid4()),
        "started": "",
        "website": "",
        "photos": [
            SimpleUploadedFile(f"IMG_{n}.jpg", photo, content_type="image/jpeg") for n, photo in enumerate(photos)
        ],
    }
    client = Client()
    started = time.perf_counter()
    response = client.post("/stories/submit/", data)
    elapsed = time.perf_counter() - started
    images = get_image_model().objects.all()
    say(f"status {response.status_code} in {elapsed:.2f} s")
    for image in images:
        say(f"  stored {image.file.name}: {image.width} x {image.height} px, {image.renditions.count()} renditions")
    if response.status_code == 400:
        say("  refused: " + ", ".join(str(e) for e in response.context["form"].errors.get("photos", [])))


if __name__ == "__main__":
    main()
