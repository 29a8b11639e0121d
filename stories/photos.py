"""Photos from the public: checked by their content, then re-encoded without metadata.

A file's name and declared type prove nothing, so Pillow reads the bytes. Re-encoding is
the only dependable way to drop EXIF (GPS positions, camera serials) and other metadata:
Wagtail keeps it in JPEG and PNG renditions otherwise.
"""

import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _

from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PHOTOS = 5


def max_bytes():
    return settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE


def max_pixels():
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def check_photo(upload):
    """Raise ValidationError unless `upload` is a JPEG, PNG or WebP within the limits; return its format."""
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
    return image_format


def reencode(upload):
    """A fresh copy of the photo: same pixels, upright, no EXIF, GPS, XMP or text chunks."""
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(upload) as original:
            image_format = original.format
            # Apply the camera's orientation before the EXIF that records it is dropped.
            image = ImageOps.exif_transpose(original)
            image.load()
    if image.mode in ("P", "PA"):
        # A fresh palette image would lose its colours; keep them as RGBA.
        image = image.convert("RGBA")
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    if image_format == "JPEG" and clean.mode not in ("RGB", "L"):
        clean = clean.convert("RGB")
    output = io.BytesIO()
    options = {"quality": 90} if image_format in ("JPEG", "WEBP") else {}
    clean.save(output, format=image_format, **options)
    output.seek(0)
    # A normalised name: people's file names can hold their own or others' names.
    filename = f"story-photo-{uuid.uuid4().hex[:12]}.{ALLOWED_FORMATS[image_format]}"
    return ImageFile(output, name=filename)
