"""Thin views: the follow form, confirming, managing and one-click unsubscribing.

Every screen is a personal page (core/personal_pages.py): never in the page cache, private
and no-store. The form carries per-visitor tokens; the others show one subscriber's follows,
reached only through the signed links emailed to them.
"""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.personal_pages import personal_page
from core.public_forms.forms import typed_text
from core.public_forms.rate_limits import attempt, too_many_requests

from . import links
from .forms import FollowForm, ManageForm
from .kinds import describe, get_kind
from .models import Follow
from .subscribing import confirm as confirm_follows
from .subscribing import stop_all, subscribe


def preselected_thing(request):
    """(kind, key, name) of the thing a page's "Follow" link named, if it exists; else None."""
    kind, key = request.GET.get("kind", ""), request.GET.get("key", "")
    registered = get_kind(kind)
    if registered is None or not key or len(key) > 100:
        return None
    described = registered.describe([key])
    if key not in described:
        return None
    return kind, key, described[key][0]


@personal_page
@require_http_methods(["GET", "POST"])
def follow(request):
    preselected = preselected_thing(request)
    if request.method == "POST":
        form = FollowForm(request.POST, preselected=preselected)
        counted = attempt(request, "following-follow")
        if counted is None:
            return too_many_requests(request, typed=typed_text(form, ["email"]))
        if form.is_valid():
            subscribe(form.cleaned_data["email"], form.chosen(), form.cleaned_data["frequency"])
            return redirect("following:sent")
        counted.failed()
    else:
        form = FollowForm(preselected=preselected)
    context = {"form": form, "preselected": preselected}
    return TemplateResponse(request, "following/follow.html", context, status=400 if form.errors else 200)


@personal_page
def check_your_email(request):
    # The same answer for every address: whether it already follows anything is nobody's business.
    return TemplateResponse(request, "following/check_your_email.html", {})


def link_failed(request):
    return TemplateResponse(request, "following/link_failed.html", {}, status=400)


@personal_page
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: a mail scanner opening the link confirms nothing."""
    subscriber, payload = links.read(links.CONFIRM, token)
    if subscriber is None or not isinstance(payload.get("f"), list):
        return link_failed(request)
    follows = list(subscriber.follows.filter(pk__in=payload["f"]).order_by("pk"))
    if request.method == "POST":
        confirm_follows(subscriber, [follow.pk for follow in follows])
        return redirect("following:manage", token=links.token_for(links.MANAGE, subscriber))
    context = {"things": named(follows), "already": all(follow.confirmed_at for follow in follows)}
    return TemplateResponse(request, "following/confirm.html", context)


def named(follows):
    """[(follow, name, url)] for follows whose thing still exists, in the order given."""
    names = describe([(follow.kind, follow.key) for follow in follows])
    return [(follow, *names[(follow.kind, follow.key)]) for follow in follows if (follow.kind, follow.key) in names]


@personal_page
@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscriber, _payload = links.read(links.MANAGE, token)
    if subscriber is None:
        return link_failed(request)
    if request.method == "POST" and "stop_all" in request.POST:
        stop_all(subscriber)
        return TemplateResponse(request, "following/stopped.html", {})
    follows = list(subscriber.follows.filter(confirmed_at__isnull=False).order_by("kind", "pk"))
    form = ManageForm(request.POST or None, follows=follows)
    if request.method == "POST":
        stop = request.POST.get("stop", "")
        if stop.isdigit():
            subscriber.follows.filter(pk=int(stop)).delete()
            if not subscriber.follows.exists():
                stop_all(subscriber)  # following nothing: we keep no address for nothing
                return TemplateResponse(request, "following/stopped.html", {})
            return redirect(request.path + "?stopped=1")
        if form.is_valid():
            for follow, frequency in form.changes().items():
                Follow.objects.filter(pk=follow.pk).update(frequency=frequency)
            return redirect(request.path + "?saved=1")
    pending = subscriber.follows.filter(confirmed_at__isnull=True).count()
    context = {
        "form": form,
        "rows": [(follow, name, url, form[f"frequency_{follow.pk}"]) for follow, name, url in named(follows)],
        "pending": pending,
        "saved": "saved" in request.GET,
        "stopped": "stopped" in request.GET,
        "follow_url": reverse("following:follow"),
    }
    return TemplateResponse(request, "following/manage.html", context, status=400 if form.errors else 200)


@csrf_exempt  # RFC 8058: the mail program POSTs with no session and no CSRF token
@personal_page
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET: a page with one button (link scanners must not unsubscribe). POST: end every follow."""
    subscriber, _payload = links.read(links.UNSUBSCRIBE, token)
    if request.method == "POST":
        if subscriber is not None:
            stop_all(subscriber)
        elif links.UNSUBSCRIBE.read(token) is None:
            return link_failed(request)
        # Already gone (a second click, a mail program retrying): the answer is the same.
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse("Unsubscribed.\n", content_type="text/plain; charset=utf-8")
        return TemplateResponse(request, "following/stopped.html", {})
    if subscriber is None:
        if links.UNSUBSCRIBE.read(token) is None:
            return link_failed(request)
        return TemplateResponse(request, "following/stopped.html", {})
    return TemplateResponse(request, "following/unsubscribe.html", {})
