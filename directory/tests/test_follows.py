"""A new entry in the register reaches the register's followers and its place's, once."""

from django.core import mail

import pytest

from following.tests.followers import sent_to, subscribed

from .factories import entry, publish

pytestmark = pytest.mark.django_db


def test_a_new_entry_is_announced_once_and_its_later_changes_are_not(directory, places):
    subscribed("register@example.org", ("directory", "all"))
    subscribed("malvern@example.org", ("place", "malvern"))
    subscribed("tenbury@example.org", ("place", "tenbury-wells"))
    mail.outbox.clear()

    page = entry(directory, title="Malvern Community Pantry", place=places["malvern"])
    page.summary = "Food at low cost, open to all."
    publish(page)

    (email,) = sent_to("register@example.org")
    assert "Malvern Community Pantry" in email.subject
    assert len(sent_to("malvern@example.org")) == 1
    assert sent_to("tenbury@example.org") == []


def test_the_directory_page_offers_to_follow_the_register(client, directory):
    assert "/follow/?kind=directory&amp;key=all" in client.get(directory.url).content.decode()
