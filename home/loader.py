"""Build the site's real content: the home page, the strategy under it, the footer pages and contact details.

The home page's text and the contact details come from strategy/data/strategy.json, the
accessibility statement and privacy notice from home/data/site_pages.json. Safe to run any
number of times: what exists is left as it is (editors may have changed it since), what is
missing is created.
"""

import json
from datetime import date
from pathlib import Path

from django.db import transaction

from wagtail.models import Page, Site

from core import site_loaders
from core.blocks import with_block_ids
from core.site_address import hostname_and_port
from core.staff_roles import apply_staff_roles
from strategy.loader import add_child_once, load_strategy, read_data

from .models import ContactSettings, HomePage, StandardPage

SITE_PAGES_DATA = Path(__file__).resolve().parent / "data" / "site_pages.json"


@transaction.atomic
def load_site(data=None):
    """The whole real site; returns the home page."""
    data = data or read_data()
    home = ensure_home_page(data)
    load_strategy(home, data)
    site_pages = read_data(SITE_PAGES_DATA)
    accessibility = add_child_once(home, standard_page(site_pages["accessibility"]))
    privacy = add_child_once(home, standard_page(site_pages["privacy"]))
    ensure_contact_settings(home, data["contact"], accessibility, privacy)
    # What the apps above home add to the real site (the directory and its asset types).
    site_loaders.run_all(home)
    # The staff roles' page permissions and workflows attach to pages as they come to exist.
    apply_staff_roles()
    return home


def ensure_home_page(data):
    """Make a HomePage the site's root, replacing Wagtail's placeholder welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        placeholder = root.get_children().filter(slug="home").exclude(content_type__model="homepage").first()
        if placeholder:
            # Free the slug "home" for the real home page.
            placeholder.slug = "wagtail-welcome"
            placeholder.save(update_fields=["slug"])
        home = HomePage(
            title="Connected Communities",
            slug="home",
            tagline=data["home"]["tagline"],
            introduction=data["home"]["introduction"],
            seo_title="Connected Communities: what's strong, not what's wrong",
            search_description=data["home"]["introduction"][:300],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        if site is None:
            hostname, port = hostname_and_port()
            site = Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
        site.root_page = home
        site.site_name = "Connected Communities"
        site.save()
        if placeholder:
            placeholder.delete()
    return home


def standard_page(item):
    return StandardPage(
        title=item["title"],
        slug=item["slug"],
        introduction=item["introduction"],
        body=json.dumps(with_block_ids(StandardPage.body.field.stream_block, item["body"])),
        last_reviewed=date.fromisoformat(item["last_reviewed"]) if item.get("last_reviewed") else None,
        show_in_menus=False,
    )


def ensure_contact_settings(home, contact, accessibility, privacy):
    site = Site.objects.get(root_page=home)
    settings, created = ContactSettings.objects.get_or_create(site=site)
    if created or not settings.email:
        settings.organisation = contact["organisation"]
        settings.contact_name = contact["name"]
        settings.contact_role = contact["role"]
        settings.email = contact["email"]
        settings.phone = contact["phone"]
        settings.website = contact["website"]
        settings.accessibility_page = accessibility
        settings.privacy_page = privacy
        settings.save()
