"""Photos from the public: checked by their content, then re-encoded without metadata.

A file's name and declared type prove nothing, so Pillow reads the bytes. Re-encoding is
the only dependable way to drop EXIF (GPS positions, camera serials) and other metadata:
Wagtail keeps it in JPEG and PNG renditions otherwise.
"""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from PIL import Image, UnidentifiedImageError

import core.images.metadata as image_metadata

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PHOTOS = 5


def max_bytes():
    return settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE


def max_pixels():
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def check_photo(upload):
    """Raise ValidationError unless `upload` is a JPEG, PNG or WebP within the limits; return its pixel count.

    Only the header is read: Pillow gives the size without decoding the picture.
    """
    name = upload.name
    if upload.size > max_bytes():
        raise ValidationError(
            _("%(name)s is larger than %(limit)s MB. Send a smaller photo.")
            % {"name": name, "limit": max_bytes() // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its own limit; a warning is a refusal here.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                if image_format not in ALLOWED_FORMATS:
                    raise ValidationError(
                        _("%(name)s is not a JPEG, PNG or WebP photo.") % {"name": name}, code="format"
                    )
                if width * height > max_pixels():
                    raise ValidationError(
                        _("%(name)s has too many pixels. Send a photo smaller than %(megapixels)s megapixels.")
                        % {"name": name, "megapixels": max_pixels() // 1_000_000},
                        code="too_many_pixels",
                    )
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("%(name)s has too many pixels. Send a smaller photo.") % {"name": name}, code="too_many_pixels"
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("%(name)s is not a JPEG, PNG or WebP photo, or it is damaged.") % {"name": name}, code="format"
        ) from error
    finally:
        upload.seek(0)
    return width * height


def max_pixels_per_story():
    return settings.PUBLIC_UPLOAD_MAX_PIXELS


def check_total_pixels(total):
    """Refuse a story whose photos together would take a worker too long to process."""
    if total > max_pixels_per_story():
        raise ValidationError(
            _(
                "Your photos have %(total)s megapixels together. Send up to %(limit)s megapixels with one story: "
                "fewer photos, or smaller ones."
            )
            % {"total": round(total / 1_000_000), "limit": max_pixels_per_story() // 1_000_000},
            code="too_many_pixels_in_total",
        )


def reencode(upload):
    """A fresh copy of the photo: upright, no EXIF, GPS, XMP or text chunks, no bigger than the site needs."""
    return image_metadata.reencode(upload, "story-photo", max_side=settings.PUBLIC_PHOTO_MAX_SIDE)
