"""Make sure someone can log in to /admin/ on a new site.

Uses Django's DJANGO_SUPERUSER_USERNAME / _EMAIL / _PASSWORD when set; otherwise creates
`admin` with a random password, saved (for this machine only) in var/admin-password.txt.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an admin login if none exists, and say how to log in."

    def handle(self, *args, **options):
        admin_url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/"
        User = get_user_model()
        password_file = settings.VAR_DIR / "admin-password.txt"
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME")
        if username:
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": os.environ.get("DJANGO_SUPERUSER_EMAIL", ""), "is_staff": True}
            )
            password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
            if created or password:
                user.is_staff = user.is_superuser = True
                if password:
                    user.set_password(password)
                user.save()
            self.stdout.write(f"Admin login: {admin_url} as “{username}” (password from DJANGO_SUPERUSER_PASSWORD).")
            return
        if User.objects.filter(is_superuser=True).exists():
            hint = f" (password in {password_file})" if password_file.exists() else ""
            names = ", ".join(User.objects.filter(is_superuser=True).values_list("username", flat=True)[:3])
            self.stdout.write(f"Admin login: {admin_url} as {names}{hint}.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@connected-communities.localhost", password)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created an admin login. Go to {admin_url} and sign in as “admin” with password {password}"
                f" (saved in {password_file})."
            )
        )
