"""A community group applies: signing in by link, the steps, checking, sending, and what others cannot do."""

import re
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from fund.factories import ApplicationFactory, BudgetLineFactory
from fund.models import Application, SupportingDocument

pytestmark = pytest.mark.django_db

EMAIL = "orchard@example.org"


def minimal_pdf(padding=0):
    """A small PDF a reader can open: header, two objects, a cross-reference table and a trailer."""
    body = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    body += b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    body += b"%" + b"x" * padding + b"\n"
    xref = len(body)
    body += b"xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n"
    body += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return body


@pytest.fixture(autouse=True)
def generous_limits(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 100
    settings.PUBLIC_RECEIPTS_PER_ADDRESS_PER_DAY = 100


def sign_in_link(client, email=EMAIL, next_url=""):
    url = reverse("fund:sign_in") + (f"?next={next_url}" if next_url else "")
    response = client.post(url, {"email": email})
    assert response.status_code == 200
    return re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)


def signed_in(email=EMAIL):
    group = Client()
    assert group.get(sign_in_link(group, email)).status_code == 302
    return group


@pytest.fixture
def group():
    return signed_in()


@pytest.fixture
def draft(open_round):
    return Application.objects.create(
        round=open_round, group_email=EMAIL, state=Application.State.DRAFT, current_step="group"
    )


def step_url(application, step):
    return reverse("fund:step", args=[application.reference, step])


def check_url(application):
    return reverse("fund:check", args=[application.reference])


def complete(application, priority):
    application.group_name = "Upton Orchard Group"
    application.organisation_type = Application.OrganisationType.CHARITY
    application.charity_number = "1234567"
    application.project_title = "A community orchard"
    application.summary = "Forty fruit trees on the old allotments."
    application.priority = priority
    application.amount_requested = Decimal("1500")
    application.declares_information_true = True
    application.declares_funds_managed = True
    application.agrees_privacy_notice = True
    application.current_step = "check"
    application.save()
    BudgetLineFactory(application=application, item="Fruit trees", amount=Decimal("1200"))
    BudgetLineFactory(application=application, item="Tools", amount=Decimal("300"), sort_order=1)
    return application


# Signing in


def test_any_address_gets_a_link_that_signs_the_group_in_once(client, open_round):
    link = sign_in_link(client, "new.group@example.org")
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == reverse("fund:mine")
    page = client.get(reverse("fund:mine"))
    assert "Signed in as new.group@example.org" in page.content.decode()
    assert "Apply to Round two" in page.content.decode()
    assert Client().get(link).status_code == 400  # the link works once


def test_the_link_returns_to_where_the_group_was_going(client, open_round):
    start = reverse("fund:start", args=[open_round.pk])
    response = client.get(start)
    assert response.status_code == 302 and response["Location"].startswith(reverse("fund:sign_in"))
    link = sign_in_link(client, next_url=start)
    assert client.get(link)["Location"] == start


def test_the_link_never_leads_off_the_groups_area(client):
    link = sign_in_link(client, next_url="//evil.example/")
    assert client.get(link)["Location"] == reverse("fund:mine")


def test_the_sign_in_form_keeps_a_mistyped_address_and_says_what_is_wrong(client):
    response = client.post(reverse("fund:sign_in"), {"email": "not an address"})
    assert response.status_code == 400
    content = response.content.decode()
    assert 'value="not an address"' in content
    assert 'href="#id_email"' in content
    assert "<title>Error: Sign in to apply to the fund" in content
    assert not mail.outbox


def test_the_sign_in_form_is_refused_past_the_rate_limit(client, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(reverse("fund:sign_in"), {"email": EMAIL}).status_code == 200
    assert client.post(reverse("fund:sign_in"), {"email": EMAIL}).status_code == 429


def test_a_bot_filling_the_honeypot_gets_no_link(client):
    response = client.post(reverse("fund:sign_in"), {"email": EMAIL, "website": "http://spam.example"})
    assert response.status_code == 400
    assert not mail.outbox


def test_signing_out_ends_the_session(group):
    group.post(reverse("fund:sign_out"))
    assert group.get(reverse("fund:mine"))["Location"].startswith(reverse("fund:sign_in"))


# Starting and the steps


def test_starting_makes_a_draft_and_opens_the_first_step(group, open_round):
    response = group.post(reverse("fund:start", args=[open_round.pk]))
    application = Application.objects.get(group_email=EMAIL)
    assert application.state == Application.State.DRAFT and application.current_step == "group"
    assert response["Location"] == step_url(application, "group")
    page = group.get(step_url(application, "group"))
    assert page.status_code == 200
    assert "About your group" in page.content.decode()
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]


def test_a_round_that_is_not_open_cannot_be_started(group, finished_round):
    response = group.post(reverse("fund:start", args=[finished_round.pk]))
    assert response.status_code == 400
    assert "not open for applications" in response.content.decode()
    assert not Application.objects.exists()


def test_the_group_step_keeps_what_was_typed_and_links_each_error(group, draft):
    response = group.post(
        step_url(draft, "group"), {"group_name": "Upton Orchard Group", "organisation_type": "charity"}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert 'value="Upton Orchard Group"' in content
    assert 'href="#id_charity_number"' in content
    assert "Enter the charity number." in content
    assert re.search(r'value="charity"\s+checked', content)
    draft.refresh_from_db()
    assert draft.group_name == "" and draft.current_step == "group"  # nothing half-saved


def test_the_group_step_asks_for_a_name_and_a_kind_of_organisation(group, draft):
    response = group.post(step_url(draft, "group"), {"charity_number": "999"})
    content = response.content.decode()
    assert "Enter your group&#x27;s name." in content
    assert 'href="#id_organisation_type_0"' in content
    assert 'value="999"' in content


def test_a_valid_step_saves_and_moves_on(group, draft):
    response = group.post(
        step_url(draft, "group"), {"group_name": "  Upton   Orchard ", "organisation_type": "community_group"}
    )
    assert response["Location"] == step_url(draft, "project")
    draft.refresh_from_db()
    assert draft.group_name == "Upton Orchard"
    assert draft.current_step == "project"


def test_the_project_step_keeps_what_was_typed_when_a_priority_is_missing(group, draft, priorities):
    response = group.post(
        step_url(draft, "project"), {"project_title": "A community orchard", "summary": "Forty fruit trees."}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert 'value="A community orchard"' in content
    assert "Forty fruit trees.</textarea>" in content
    assert "Select the priority your project serves most." in content
    response = group.post(
        step_url(draft, "project"),
        {"project_title": "A community orchard", "summary": "Forty fruit trees.", "priority": priorities["places"].pk},
    )
    assert response["Location"] == step_url(draft, "budget")
    draft.refresh_from_db()
    assert draft.priority == priorities["places"]


def budget_data(amount, *lines, action="continue"):
    data = {"amount_requested": amount, "lines-TOTAL_FORMS": len(lines), "lines-INITIAL_FORMS": 0, "action": action}
    for number, (item, cost) in enumerate(lines):
        data[f"lines-{number}-item"] = item
        data[f"lines-{number}-amount"] = cost
    return data


def test_budget_lines_must_add_up_to_the_amount_and_what_was_typed_stays(group, draft):
    response = group.post(step_url(draft, "budget"), budget_data("1500", ("Fruit trees", "1200"), ("Tools", "250")))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Your budget lines add up to £1,450.00, but you are asking for £1,500.00." in content
    assert 'href="#id_amount_requested"' in content
    assert 'value="Fruit trees"' in content and 'value="250"' in content
    assert not draft.budget_lines.exists()


def test_a_half_filled_budget_line_is_refused_with_its_number(group, draft):
    response = group.post(step_url(draft, "budget"), budget_data("1500", ("Fruit trees", "1500"), ("", "abc")))
    content = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_lines-1-item"' in content and "Say what this line pays for." in content
    assert "Enter the cost as a number" in content
    assert 'value="abc"' in content


def test_budget_lines_are_added_and_removed_without_javascript(group, draft):
    response = group.post(step_url(draft, "budget"), budget_data("900", ("Trees", "600"), action="add"))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="lines-1-item"' in content and 'value="Trees"' in content and 'value="900"' in content
    assert "There is a problem" not in content  # a new empty line is not an error
    response = group.post(
        step_url(draft, "budget"), budget_data("900", ("Trees", "600"), ("Spades", "300"), action="remove-0")
    )
    content = response.content.decode()
    assert 'value="Spades"' in content and 'value="Trees"' not in content
    assert 'name="lines-1-item"' not in content


def test_a_budget_that_adds_up_is_saved_and_shown_again(group, draft):
    response = group.post(step_url(draft, "budget"), budget_data("900", ("Trees", "600"), ("", ""), ("Spades", "300")))
    assert response["Location"] == step_url(draft, "documents")
    draft.refresh_from_db()
    assert draft.amount_requested == Decimal("900")
    assert [(line.item, line.amount) for line in draft.budget_lines.all()] == [
        ("Trees", Decimal("600")),
        ("Spades", Decimal("300")),
    ]
    assert 'value="Spades"' in group.get(step_url(draft, "budget")).content.decode()


def upload(group, application, name, content, action="upload"):
    return group.post(
        step_url(application, "documents"),
        {"action": action, "document": SimpleUploadedFile(name, content, content_type="application/pdf")},
    )


def test_a_pdf_is_uploaded_and_can_be_removed(group, draft):
    response = upload(group, draft, "constitution.pdf", minimal_pdf())
    assert response.status_code == 302
    document = SupportingDocument.objects.get(application=draft)
    assert document.original_name == "constitution.pdf"
    assert "constitution.pdf" in group.get(step_url(draft, "documents")).content.decode()
    group.post(step_url(draft, "documents"), {"action": f"remove-{document.pk}"})
    assert not SupportingDocument.objects.exists()


def test_a_file_renamed_to_pdf_is_refused(group, draft):
    response = upload(group, draft, "accounts.pdf", b"PK\x03\x04 a spreadsheet really" * 10)
    assert response.status_code == 400
    assert "The selected file must be a PDF" in response.content.decode()
    assert 'href="#id_document"' in response.content.decode()
    assert not SupportingDocument.objects.exists()


def test_a_file_with_only_a_pdf_header_is_refused(group, draft):
    response = upload(group, draft, "fake.pdf", b"%PDF-1.4\nnothing a reader could open\n")
    assert response.status_code == 400
    assert not SupportingDocument.objects.exists()


def test_an_oversized_file_is_refused(group, draft, settings):
    settings.FUND_DOCUMENT_MAX_BYTES = 1024
    response = upload(group, draft, "big.pdf", minimal_pdf(padding=2000))
    assert response.status_code == 400
    assert "The file must be smaller than" in response.content.decode()
    assert not SupportingDocument.objects.exists()


def test_no_more_files_than_the_limit(group, draft, settings):
    settings.FUND_DOCUMENTS_PER_APPLICATION = 2
    for number in range(2):
        assert upload(group, draft, f"quote-{number}.pdf", minimal_pdf()).status_code == 302
    response = upload(group, draft, "one-too-many.pdf", minimal_pdf())
    assert response.status_code == 400
    assert "You can upload up to 2 files" in response.content.decode()
    assert SupportingDocument.objects.count() == 2


def test_the_declarations_must_each_be_confirmed(group, draft):
    response = group.post(step_url(draft, "declarations"), {"declares_information_true": "on"})
    content = response.content.decode()
    assert response.status_code == 400
    assert "Confirm that you have read the privacy notice." in content
    assert re.search(r'id="id_declares_information_true"[^>]*checked', content)


# Leaving, coming back, checking and sending


def test_a_group_that_leaves_resumes_where_it_was(draft, priorities):
    first = signed_in()
    first.post(step_url(draft, "group"), {"group_name": "Upton Orchard", "organisation_type": "community_group"})
    later = signed_in()  # another day, another sign-in link
    area = later.get(reverse("fund:mine")).content.decode()
    assert draft.reference in area and "Draft" in area
    assert reverse("fund:resume", args=[draft.reference]) in area
    response = later.get(reverse("fund:resume", args=[draft.reference]))
    assert response["Location"] == step_url(draft, "project")
    assert 'value="Upton Orchard"' in later.get(step_url(draft, "group")).content.decode()


def test_check_your_answers_shows_every_answer_with_a_change_link(group, draft, priorities, places):
    complete(draft, priorities["places"])
    draft.place = places["upton"]
    draft.save()
    SupportingDocument.objects.create(application=draft, file="fund/x.pdf", original_name="constitution.pdf", size=10)
    content = group.get(check_url(draft)).content.decode()
    for answer in (
        "Upton Orchard Group",
        "Registered charity",
        "1234567",
        "A community orchard",
        "Forty fruit trees on the old allotments.",
        priorities["places"].name,
        "Upton-upon-Severn",
        "£1,500",
        "Fruit trees",
        "£1,200",
        "Tools",
        "constitution.pdf",
        "Confirmed",
    ):
        assert answer in content, answer
    for step in ("group", "project", "budget", "documents", "declarations"):
        assert f'href="{step_url(draft, step)}?return=check"' in content, step
    assert "Accept and send" in content


def test_a_change_from_check_your_answers_returns_there(group, draft, priorities):
    complete(draft, priorities["places"])
    response = group.post(
        step_url(draft, "group") + "?return=check",
        {"group_name": "Upton Orchard Trust", "organisation_type": "community_group"},
    )
    assert response["Location"] == check_url(draft)
    draft.refresh_from_db()
    assert draft.current_step == "check"


def test_sending_an_incomplete_application_says_what_is_missing(group, draft):
    response = group.post(check_url(draft))
    assert response.status_code == 400
    content = response.content.decode()
    assert f'href="{step_url(draft, "group")}?return=check"' in content
    assert "Add at least one budget line." in content
    draft.refresh_from_db()
    assert draft.state == Application.State.DRAFT


def test_sending_confirms_with_the_reference_and_emails_the_group(group, draft, priorities):
    complete(draft, priorities["places"])
    mail.outbox.clear()
    response = group.post(check_url(draft))
    assert response["Location"] == reverse("fund:submitted", args=[draft.reference])
    draft.refresh_from_db()
    assert draft.state == Application.State.SUBMITTED and draft.submitted_at is not None
    assert draft.reference in group.get(response["Location"]).content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]
    assert draft.reference in mail.outbox[0].subject and draft.reference in mail.outbox[0].body
    # Sending twice (a double click) sends nothing more, and a sent application no longer changes.
    group.post(check_url(draft))
    assert len(mail.outbox) == 1
    response = group.post(step_url(draft, "group"), {"group_name": "Changed", "organisation_type": "community_group"})
    assert response["Location"] == check_url(draft)
    draft.refresh_from_db()
    assert draft.group_name == "Upton Orchard Group"


def close(round_page):
    now = timezone.now()
    round_page.opens_at = now - timedelta(days=30)
    round_page.closes_at = now - timedelta(minutes=1)
    round_page.save()


def test_sending_after_the_round_closes_is_refused_and_the_draft_stays_readable(group, draft, priorities):
    complete(draft, priorities["places"])
    close(draft.round)
    response = group.post(check_url(draft))
    assert response.status_code == 400
    assert "This round closed for applications on" in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == Application.State.DRAFT
    page = group.get(check_url(draft)).content.decode()
    assert "A community orchard" in page and "You can no longer send this application" in page
    assert "Accept and send" not in page and "?return=check" not in page


def test_a_step_cannot_be_saved_after_the_round_closes(group, draft):
    close(draft.round)
    response = group.post(step_url(draft, "group"), {"group_name": "Late", "organisation_type": "community_group"})
    assert response["Location"] == check_url(draft)
    draft.refresh_from_db()
    assert draft.group_name == ""
    assert "You can no longer send this application" in group.get(step_url(draft, "group")).content.decode()


def test_the_area_shows_the_decision_and_its_reasons(group, open_round):
    ApplicationFactory(
        round=open_round,
        group_email=EMAIL,
        state=Application.State.NOT_FUNDED,
        decision_reasons="Strong idea, but the budget ran out this round.",
        decided_at=timezone.now(),
    )
    content = group.get(reverse("fund:mine")).content.decode()
    assert "Not funded" in content
    assert "Strong idea, but the budget ran out this round." in content


# Another group


def test_another_group_cannot_see_or_change_an_application(draft, priorities):
    complete(draft, priorities["places"])
    other = signed_in("someone.else@example.org")
    for url in (
        check_url(draft),
        step_url(draft, "group"),
        reverse("fund:resume", args=[draft.reference]),
        reverse("fund:submitted", args=[draft.reference]),
    ):
        assert other.get(url).status_code == 404, url
    response = other.post(step_url(draft, "group"), {"group_name": "Hijacked", "organisation_type": "charity"})
    assert response.status_code == 404
    assert other.post(check_url(draft)).status_code == 404
    draft.refresh_from_db()
    assert draft.group_name == "Upton Orchard Group" and draft.state == Application.State.DRAFT
    assert draft.reference not in other.get(reverse("fund:mine")).content.decode()


def test_without_signing_in_an_application_is_not_shown(client, draft):
    response = client.get(check_url(draft))
    assert response.status_code == 302 and response["Location"].startswith(reverse("fund:sign_in"))


# Staff


def test_a_sent_application_appears_in_the_admin_list(group, draft, priorities, client):
    complete(draft, priorities["places"])
    group.post(check_url(draft))
    admin = get_user_model().objects.create_superuser("admin", "admin@council.example", "a long enough password")
    client.force_login(admin)
    content = client.get(reverse("wagtailsnippets_fund_application:list")).content.decode()
    assert draft.reference in content
    assert "A community orchard" in content
