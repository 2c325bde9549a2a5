"""The portal's URLs plus views that fail on purpose, for the error page tests."""

import types

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.shortcuts import get_object_or_404
from django.urls import path

from portal.urls import handler400, handler403, handler404, handler500, urlpatterns as portal_urls  # noqa: F401


def kaputt(request):
    raise RuntimeError("geheimes Detail aus dem Stapel")


def verdaechtig(request):
    raise SuspiciousOperation("Suspicious detail")


# A refusal with a message, raised by code outside our packages (as a library would).
_fremd = types.ModuleType("fremdbibliothek")
exec("def verweigern(PermissionDenied):\n    raise PermissionDenied('English detail from a library')\n",
     _fremd.__dict__)


def fremd_verweigert(request):
    _fremd.verweigern(PermissionDenied)


def fremd_fehlt(request):
    return get_object_or_404(User, pk=0)


urlpatterns = [
    path("test/kaputt/", kaputt),
    path("test/verdaechtig/", verdaechtig),
    path("test/fremd-verweigert/", fremd_verweigert),
    path("test/fremd-fehlt/", fremd_fehlt),
    *portal_urls,
]
