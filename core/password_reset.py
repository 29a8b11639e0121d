"""Wagtail's admin password reset, with a limit on how many emails it sends.

Without one, anyone can make the site send reset emails to a staff address without end (a
nuisance for the person, a reputation problem for the council's mail). Requests are counted
per email address and per client for an hour, whether or not an account uses the address,
and the refusal reads the same either way, so it reveals nothing about who has an account.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.account import PasswordResetView

from core.keyed_hash import keyed_email_hash
from core.public_forms.rate_limits import client_key, count

WINDOW_SECONDS = 60 * 60


class LimitedPasswordResetView(PasswordResetView):
    limited_message = _(
        "Too many password reset emails have been asked for, for this address or from your "
        "connection. If an account uses this address, an email is already on its way: check your "
        "inbox and spam folder, or try again in an hour."
    )

    def form_valid(self, form):
        address_key = keyed_email_hash("password-reset-email", form.cleaned_data["email"])
        per_address = count(f"password-reset:email:{address_key}", 1, WINDOW_SECONDS)
        per_client = count(client_key(self.request, "password-reset"), 1, WINDOW_SECONDS)
        if (
            per_address > settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
            or per_client > settings.PASSWORD_RESET_LIMIT_PER_CLIENT
        ):
            form.add_error(None, self.limited_message)
            response = self.form_invalid(form)
            response.status_code = 429
            response["Retry-After"] = str(WINDOW_SECONDS)
            return response
        return super().form_valid(form)
