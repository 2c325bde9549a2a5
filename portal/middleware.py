"""Response headers every page gets, beside Django's SecurityMiddleware and django-csp."""

from django.conf import settings

KEIN_ZWISCHENSPEICHER = "private, no-store"


class PermissionsPolicyMiddleware:
    """Turns off browser features the portal never uses (camera, microphone, location …)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.wert = ", ".join(f"{merkmal}={erlaubt}" for merkmal, erlaubt in settings.PERMISSIONS_POLICY.items())

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.wert)
        return response


class KeinZwischenspeicherMiddleware:
    """`Cache-Control: private, no-store` on every response to a signed-in user.

    What a signed-in user sees (names, budgets, exports with personal data) must stay neither in a
    shared proxy nor in the browser's cache after logging out. It replaces what a view set, since a
    view that marks a public report cacheable does not know who asked.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = KEIN_ZWISCHENSPEICHER
            if "Expires" in response:
                del response["Expires"]
        return response
