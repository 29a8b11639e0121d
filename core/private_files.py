"""Files only staff may read: STORAGES["private"], outside MEDIA_ROOT and with no public URL.

On the file system the storage has no URL at all, so no template can link a private file by
mistake; an app serves each file through a view that checks who is asking. On S3 the objects
are private and a URL to one is signed and expires.
"""

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder outside MEDIA_ROOT that the web server never serves."""

    def url(self, name):
        raise ValueError("Private files have no public URL: serve them through a view that checks permissions.")


class PrivateStorage(LazyObject):
    """STORAGES["private"], looked up when first used and again whenever the setting changes (as
    Django's default_storage is), so a FileField keeps following the setting."""

    def _setup(self):
        self._wrapped = storages["private"]


private = PrivateStorage()


@receiver(setting_changed)
def forget_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        private._wrapped = empty


def private_storage():
    """The private storage, for a FileField's `storage` (a callable, so migrations do not name the backend)."""
    return private
