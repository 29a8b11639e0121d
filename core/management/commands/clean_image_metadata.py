from django.core.management.base import BaseCommand

from wagtail.images import get_image_model

from core.caching.frontend_cache import purge_after_commit
from core.images.metadata import clean_stored_image


class Command(BaseCommand):
    help = (
        "Re-encode every stored image that still carries EXIF, GPS, XMP or text metadata (uploaded before "
        "uploads were cleaned), remake its renditions and purge its old files from the CDN. Safe to run again."
    )

    def handle(self, *args, **options):
        cleaned = 0
        for image in get_image_model().objects.order_by("pk").iterator():
            urls = clean_stored_image(image)
            if urls:
                purge_after_commit(urls=urls)
                cleaned += 1
                self.stdout.write(f"Cleaned image {image.pk}: {image.file.name}")
        self.stdout.write(self.style.SUCCESS(f"{cleaned} image(s) cleaned."))
