"""Every image file the site stores is re-encoded first: no EXIF, GPS, XMP or text chunks.

Wagtail serves an original as it was uploaded (/media/original_images/..., the API's
download_url) and copies its EXIF into JPEG and PNG renditions, so a phone photo would
publish where it was taken. Re-encoding the pixels into a fresh file is the only dependable
way to drop every kind of metadata, and renditions made from the clean original are clean.

The cleaning hangs on the Image model's pre_save, not on one form: the admin's single and
multiple uploads, replacing an image's file, the story form and scripts all end in a save.
The stored name is random too, since a phone's file name can hold a person's name.
"""

import io
import math
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db.models.signals import pre_save
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from PIL import Image, ImageOps, ImageSequence

from core.caching.frontend_cache import image_file_urls

EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def reencode(source, name_prefix="image", max_side=None):
    """A fresh copy of an image file: same pixels, upright, no metadata, a random name.

    `max_side` shrinks larger images to fit; a JPEG is then decoded at a reduced scale, so a
    big photo costs a fraction of a full decode. The pixel limit is checked from the header,
    before anything is decoded.
    """
    source.seek(0)
    with warnings.catch_warnings():
        # Pillow only warns below twice its own limit; a warning is a refusal here.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(source) as original:
            image_format = original.format
            if image_format not in EXTENSIONS:
                raise ValidationError(_("Upload a JPEG, PNG, WebP or GIF image."), code="format")
            width, height = original.size
            if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                raise ValidationError(_("This image has too many pixels."), code="too_many_pixels")
            if image_format == "GIF" and getattr(original, "is_animated", False):
                frames, options = _gif_frames(original)
            else:
                if max_side and max(width, height) > max_side:
                    # JPEG only (others ignore it): decode at the smallest 1/2, 1/4 or 1/8 scale
                    # that still covers the size the image will be shrunk to.
                    scale = max_side / max(width, height)
                    original.draft(None, (math.ceil(width * scale), math.ceil(height * scale)))
                # Apply the camera's orientation before the EXIF that records it is dropped.
                frames, options = [_without_metadata(ImageOps.exif_transpose(original))], {}
    if max_side:
        for frame in frames:
            frame.thumbnail((max_side, max_side))
    if image_format == "JPEG":
        frames = [frame if frame.mode in ("RGB", "L") else frame.convert("RGB") for frame in frames]
        options["quality"] = 90
    elif image_format == "WEBP":
        options["quality"] = 90
    output = io.BytesIO()
    if len(frames) > 1:
        options.update(save_all=True, append_images=frames[1:])
    frames[0].save(output, format=image_format, **options)
    output.seek(0)
    cleaned = ImageFile(output, name=f"{name_prefix}-{uuid.uuid4().hex[:12]}.{EXTENSIONS[image_format]}")
    cleaned.metadata_removed = True
    return cleaned


def _without_metadata(image):
    """The pixels of `image` in a new image, which carries none of its info (EXIF, XMP, comments)."""
    if image.mode in ("P", "PA"):
        # A fresh palette image would lose its colours; keep them as RGBA.
        image = image.convert("RGBA")
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    return clean


def _gif_frames(original):
    frames, durations = [], []
    for frame in ImageSequence.Iterator(original):
        frames.append(_without_metadata(frame.convert("RGBA")))
        durations.append(frame.info.get("duration", 100))
    return frames, {"duration": durations, "loop": original.info.get("loop", 0), "disposal": 2}


def uncleaned_file(image):
    """The file just given to `image`, when it has not been through `reencode` yet; else None."""
    field_file = image.file
    if not field_file:
        return None
    if not field_file._committed:
        # A file assigned to the model (an admin form, the story form): not in storage yet.
        return None if getattr(field_file.file, "metadata_removed", False) else field_file
    # Already written to storage by FieldFile.save(save=False), as Wagtail's multiple upload
    # does; new unless the database row already names this very file.
    stored = type(image).objects.filter(pk=image.pk).values_list("file", flat=True).first() if image.pk else None
    return field_file if stored != field_file.name else None


def clean_image_file(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: swap a newly given file for its re-encoded copy before the row is written."""
    if raw or (update_fields is not None and "file" not in update_fields):
        return
    new_file = uncleaned_file(instance)
    if new_file is None:
        return
    already_stored = new_file.name if new_file._committed else None
    with new_file.open("rb"):
        cleaned = reencode(new_file)
    # Assigning an ImageFile makes Django read the new width and height.
    instance.file = cleaned
    instance.file_size = cleaned.size
    instance.file_hash = hash_filelike(cleaned)
    cleaned.seek(0)
    if already_stored:
        # The upload as sent, metadata and all, must not stay in the media store.
        new_file.storage.delete(already_stored)


# What a file may carry besides pixels and still be clean: how to decode and display it.
HARMLESS_INFO = {
    "dpi",
    "jfif",
    "jfif_version",
    "jfif_density",
    "jfif_unit",
    "progressive",
    "progression",
    "adobe",
    "adobe_transform",
    "gamma",
    "transparency",
    "duration",
    "loop",
    "background",
    "version",
    "aspect",
    "interlace",
    "srgb",
    "chromaticity",
    "disposal",
    "lossless",
}


def has_metadata(file):
    """True when an image file carries EXIF, XMP, text chunks, comments or anything else unknown."""
    file.seek(0)
    with Image.open(file) as image:
        image.load()  # a PNG's text chunks after the pixels are only read now
        return bool(image.getexif()) or bool(set(image.info) - HARMLESS_INFO)


def clean_stored_image(image):
    """Re-encode an image stored before uploads were cleaned. Its renditions go; new ones are made.

    Returns the URLs its files were served at, for the CDN to forget; [] when it was clean.
    """

    with image.open_file() as file:
        if not has_metadata(file):
            return []
        cleaned = reencode(file)
    old_urls, old_name = image_file_urls(image), image.file.name
    for rendition in image.renditions.all():
        rendition.file.delete(save=False)
        rendition.delete()
    image.file = cleaned
    image.file_size = cleaned.size
    image.file_hash = hash_filelike(cleaned)
    cleaned.seek(0)
    image.save()  # makes the renditions again (core/images/renditions.py)
    image.file.storage.delete(old_name)
    return old_urls


def connect_signals():
    pre_save.connect(clean_image_file, sender=get_image_model(), dispatch_uid="image-metadata-clean")
