"""One signed link manages everything; one POST ends everything; nobody sees anyone else's."""

from django.test import Client

import pytest

from following import links
from following.announcements import announce
from following.models import Follow, Subscriber

from .followers import subscribed

pytestmark = pytest.mark.django_db


def manage_path(subscriber):
    return links.manage_url(subscriber).removeprefix("http://testserver")


def unsubscribe_path(subscriber):
    return links.unsubscribe_url(subscriber).removeprefix("http://testserver")


def assert_private(response):
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}


def test_the_manage_link_lists_what_they_follow_and_nobody_elses(client, things):
    sam = subscribed("sam@example.org", ("place", "upton"), ("theme", "healthier"))
    subscribed("jo@example.org", ("theme", "safer"))
    response = client.get(manage_path(sam))
    html = response.content.decode()
    assert response.status_code == 200
    assert_private(response)
    assert "Upton-upon-Severn" in html and "Healthier communities" in html
    assert "Safer communities" not in html and "jo@example.org" not in html


def test_changing_how_often(client, things):
    sam = subscribed("sam@example.org", ("place", "malvern"))
    follow = Follow.objects.get()
    response = client.post(manage_path(sam), {f"frequency_{follow.pk}": "weekly", "save": ""})
    assert response.status_code == 302
    assert "Your choices are saved." in client.get(response["Location"]).content.decode()
    follow.refresh_from_db()
    assert follow.frequency == "weekly"


def test_stopping_one_thing(client, things):
    sam = subscribed("sam@example.org", ("place", "malvern"), ("place", "upton"))
    malvern = Follow.objects.get(key="malvern")
    client.post(manage_path(sam), {"stop": str(malvern.pk)})
    assert list(Follow.objects.values_list("key", flat=True)) == ["upton"]


def test_stopping_the_last_thing_forgets_the_address(client, things):
    sam = subscribed("sam@example.org", ("place", "malvern"))
    response = client.post(manage_path(sam), {"stop": str(Follow.objects.get().pk)})
    assert response.status_code == 200 and "You will get no more emails" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_stopping_someone_elses_follow_through_ones_own_link_does_nothing(client, things):
    sam = subscribed("sam@example.org", ("place", "malvern"))
    subscribed("jo@example.org", ("place", "upton"))
    client.post(manage_path(sam), {"stop": str(Follow.objects.get(key="upton").pk)})
    assert Follow.objects.filter(key="upton").exists()


def test_stop_all_forgets_the_address(client, things):
    sam = subscribed("sam@example.org", ("place", "malvern"))
    response = client.post(manage_path(sam), {"stop_all": ""})
    assert response.status_code == 200 and "You will get no more emails" in response.content.decode()
    assert not Subscriber.objects.exists() and not Follow.objects.exists()
    assert client.get(manage_path(sam)).status_code == 400


def test_a_new_secret_revokes_every_link_sent_before(client, things):
    sam = subscribed("sam@example.org", ("place", "malvern"))
    old = manage_path(sam)
    Subscriber.objects.filter(pk=sam.pk).update(secret="a-new-secret")
    assert client.get(old).status_code == 400


def test_a_tampered_manage_link_shows_nothing(client, things):
    sam = subscribed("sam@example.org", ("place", "upton"))
    response = client.get(manage_path(sam)[:-3] + "xx/")
    assert response.status_code == 400 and "Upton" not in response.content.decode()


def test_the_unsubscribe_link_opened_only_shows_a_button(client, things):
    sam = subscribed("sam@example.org", ("place", "malvern"))
    response = Client().get(unsubscribe_path(sam))  # a link scanner
    assert response.status_code == 200 and "Stop all emails" in response.content.decode()
    assert_private(response)
    assert Follow.objects.exists()


def test_one_click_unsubscribe_needs_no_session_nor_csrf_token(things):
    sam = subscribed("sam@example.org", ("place", "malvern"))
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(unsubscribe_path(sam), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists() and not Follow.objects.exists()
    # A retry, or the person clicking later: the same answer.
    assert mail_program.post(unsubscribe_path(sam), {"List-Unsubscribe": "One-Click"}).status_code == 200


def test_the_unsubscribe_pages_button_ends_everything(client, things):
    sam = subscribed("sam@example.org", ("place", "malvern"))
    response = Client(enforce_csrf_checks=True).post(unsubscribe_path(sam))
    assert response.status_code == 200 and "You will get no more emails" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_forged_unsubscribe_link_ends_nothing(things):
    subscribed("sam@example.org", ("place", "malvern"))
    assert Client().post("/follow/unsubscribe/forged/", {"List-Unsubscribe": "One-Click"}).status_code == 400
    assert Subscriber.objects.exists()


def test_the_link_in_an_email_unsubscribes(things, mailoutbox):
    subscribed("sam@example.org", ("place", "malvern"))
    announce("story:1", title="News", summary="", url="/news/", targets=[("place", "malvern")])
    header = mailoutbox[0].extra_headers["List-Unsubscribe"]
    path = header.strip("<>").removeprefix("http://testserver")
    assert Client().post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Subscriber.objects.exists()
