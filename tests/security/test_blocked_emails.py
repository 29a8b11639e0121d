"""Moderators block an abusive address; every public form then refuses it."""

from django import forms

from core.models import BlockedEmail
from core.public_forms.blocklist import block, email_hash
from core.public_forms.forms import PublicForm


class ContactForm(PublicForm):
    email = forms.EmailField()
    message = forms.CharField()


def test_a_blocked_address_is_refused_with_a_clear_message(db):
    block("Troll@Example.org ", "Abuse of other residents")
    form = ContactForm({"email": "troll@example.org", "message": "Hi"})
    assert not form.is_valid()
    assert "cannot accept submissions from this email address" in form.errors["email"][0]
    assert ContactForm({"email": "friend@example.org", "message": "Hi"}).is_valid()


def test_the_block_list_cannot_be_read_back(db):
    block("troll@example.org", "Abuse")
    stored = BlockedEmail.objects.get()
    assert "troll" not in stored.email_hash and stored.email_hash == email_hash("troll@example.org")


def test_moderators_block_an_address_in_the_admin(client, django_user_model):
    from django.contrib.auth.models import Group

    from core.staff_roles import MODERATORS

    moderator = django_user_model.objects.create_user("mod", "mod@council.example", "a-long-password-1")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    response = client.post(
        "/admin/snippets/core/blockedemail/add/", {"email": "troll@example.org", "reason": "Repeated abuse"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert BlockedEmail.objects.get().email_hash == email_hash("troll@example.org")
    listing = client.get("/admin/snippets/core/blockedemail/").content.decode()
    assert "Repeated abuse" in listing and "troll@example.org" not in listing
