"""A community group's own area on the public site, signed in by an emailed one-time link.

Groups are not admin users. A signed, expiring, single-use link (core/signed_links.py) proves
they can read a mailbox; the session then remembers the address until they sign out. Each
app with such an area (stories, the fund) makes one GroupArea with its own purpose, session
key, link URL and email, and says which addresses may be sent a link: stories only to an
address that sent a story, the fund to anyone who wants to apply. The sign-in view gives the
same answer either way, so no one can probe for groups.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from importlib import import_module

from django import forms
from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.emails import send_receipt
from core.keyed_hash import keyed_email_hash
from core.models import GroupAreaSession
from core.public_forms.forms import PublicForm
from core.public_forms.rate_limits import attempt, too_many_requests
from core.signed_links import SignedLink
from core.site_address import absolute_url

LINK_LIFETIME_SECONDS = 30 * 60


def anyone(email):
    return True


@dataclass(frozen=True)
class GroupArea:
    purpose: str  # the signed link's salt: one area's links never sign anyone into another
    session_key: str
    link_url_name: str  # a URL taking the token as its one argument
    email_template: str  # <prefix>_subject.txt and <prefix>_body.txt, given sign_in_url and minutes
    used_links: type  # a model with a unique `digest`: each link works once
    may_get_link: Callable[[str], bool] = anyone
    lifetime_seconds: int = LINK_LIFETIME_SECONDS
    link: SignedLink = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "link", SignedLink(self.purpose, self.lifetime_seconds, used_links=self.used_links))

    def send_sign_in_link(self, email, next_url=""):
        """Email a sign-in link if the app allows this address one; the caller says nothing either way."""
        if not self.may_get_link(email):
            return False
        token = self.link.make({"email": email.lower(), "next": next_url[:200]})
        url = absolute_url(reverse(self.link_url_name, args=[token]))
        send_receipt(self.email_template, {"sign_in_url": url, "minutes": self.lifetime_seconds // 60}, email)
        return True

    def use_sign_in_link(self, token):
        """(email, next) for a valid link used for the first time, else (None, None)."""
        payload = self.link.read(token)
        if payload is None:
            return None, None
        return payload.get("email"), payload.get("next", "")

    def email_hash(self, email):
        return keyed_email_hash(f"group-area:{self.purpose}", email)

    def sign_in(self, request, email):
        request.session.cycle_key()  # a fresh session id, so a planted one cannot be reused
        request.session[self.session_key] = email
        if request.session.session_key is None:
            request.session.save()
        # Remember which session holds the address, so erasure can end it (forget_sessions).
        # Records older than any session could live are dropped as new ones are made.
        GroupAreaSession.objects.filter(
            signed_in_at__lt=timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE)
        ).delete()
        GroupAreaSession.objects.update_or_create(
            area=self.purpose,
            session_key=request.session.session_key,
            defaults={"email_hash": self.email_hash(email)},
        )

    def sign_out(self, request):
        request.session.pop(self.session_key, None)
        if request.session.session_key:
            GroupAreaSession.objects.filter(area=self.purpose, session_key=request.session.session_key).delete()

    def signed_in_email(self, request):
        return request.session.get(self.session_key)

    def sign_in_view(self, request, form, *, rate_key, template, sent_template, context):
        """The sign-in page: the form, then the same "sent" answer whether or not a link went."""
        if request.method == "POST":
            counted = attempt(request, rate_key)
            if counted is None:
                return too_many_requests(request)
            if form.is_valid():
                self.send_sign_in_link(form.cleaned_data["email"], request.GET.get("next", ""))
                return TemplateResponse(request, sent_template, context)
            counted.failed()
        return TemplateResponse(request, template, {**context, "form": form}, status=400 if form.errors else 200)

    def forget_sessions(self, email):
        """End this area's sessions signed in with `email` (on erasure: the session stores it).

        Only the sessions recorded at sign-in are read, never every session on the site.
        """
        store = import_module(settings.SESSION_ENGINE).SessionStore
        records = GroupAreaSession.objects.filter(area=self.purpose, email_hash=self.email_hash(email))
        for session_key in records.values_list("session_key", flat=True):
            session = store(session_key)
            if (session.get(self.session_key) or "").lower() == email.lower():
                session.delete()
        records.delete()


def safe_next(next_url, prefix):
    """`next_url` if it is a path inside `prefix` on this site, else None (no open redirect)."""
    if next_url and next_url.startswith(prefix) and not next_url.startswith("//"):
        return next_url
    return None


class GroupSignInForm(PublicForm):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We will send a sign-in link to this address. Use one your group can read."),
    )


@dataclass(frozen=True)
class SignInScreens:
    """The three screens of every group area: ask for a link, follow it, sign out.

    Templates are <template_prefix>sign_in.html, sign_in_sent.html and sign_in_failed.html,
    each given the section's page; a followed link goes to its `next` inside the area, or to
    the area. The app's urls.py wraps them in personal_page (and sign_out in require_POST).
    """

    area: GroupArea
    rate_key: str
    template_prefix: str
    section_page: Callable[[], object]
    area_url_name: str
    sign_in_url_name: str
    form_class: type = GroupSignInForm

    def sign_in(self, request):
        return self.area.sign_in_view(
            request,
            self.form_class(request.POST or None),
            rate_key=self.rate_key,
            template=f"{self.template_prefix}sign_in.html",
            sent_template=f"{self.template_prefix}sign_in_sent.html",
            context={"page": self.section_page()},
        )

    def sign_in_with_link(self, request, token):
        email, next_url = self.area.use_sign_in_link(token)
        if email is None:
            context = {"page": self.section_page()}
            return TemplateResponse(request, f"{self.template_prefix}sign_in_failed.html", context, status=400)
        self.area.sign_in(request, email)
        area_url = reverse(self.area_url_name)
        return redirect(safe_next(next_url, area_url) or area_url)

    def sign_out(self, request):
        self.area.sign_out(request)
        return redirect(self.sign_in_url_name)
