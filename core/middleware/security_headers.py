"""Response headers that protect residents: Content-Security-Policy and Permissions-Policy.

Public pages get the strict policy in settings.CONTENT_SECURITY_POLICY. The Wagtail admin
gets settings.ADMIN_CONTENT_SECURITY_POLICY, because Wagtail's editors run inline scripts
and set inline styles. Admin previews of pages keep the strict public policy, framable by
the admin only.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config

ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if getattr(request, "is_dummy", False):
            # An admin preview: Wagtail renders the page through the middleware on a dummy
            # request for the page's public URL. It keeps the strict public policy (untrusted
            # text is previewed here), but the admin's preview panel must be able to frame it.
            directives = {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "frame-ancestors": ["'self'"]}
            return PolicyParts(default_config(directives), parts.update, parts.replace, parts.nonce)
        if request.path_info.startswith(ADMIN_PREFIX):
            config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
            return PolicyParts(config, parts.update, parts.replace, parts.nonce)
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if getattr(request, "is_dummy", False):
            response["X-Frame-Options"] = "SAMEORIGIN"  # agrees with frame-ancestors 'self' above
        return response
