"""Login protection (django-axes): the client address it counts by, and the German lockout page.

Failures are counted per combination of username and client address, so one person guessing a
colleague's password does not lock out everyone behind the town hall's one address, and the same
account can still sign in from another address.
"""

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.shortcuts import render

GESPERRT_MELDUNG = ("Zu viele fehlgeschlagene Anmeldeversuche: Die Anmeldung mit diesem Benutzernamen ist "
                    "von Ihrer Adresse aus vorübergehend gesperrt.")


def _gueltig(adresse: str) -> str | None:
    try:
        return str(ipaddress.ip_address(adresse.strip()))
    except ValueError:
        return None


def client_adresse(request) -> str | None:
    """The client's address; from X-Forwarded-For only behind our own reverse proxy (BEHIND_PROXY).

    Each proxy appends the address it saw, so the entry PROXY_ANZAHL places from the right is the
    one our outermost proxy wrote; anything left of it the client may have forged.
    """
    direkt = request.META.get("REMOTE_ADDR", "")
    if settings.BEHIND_PROXY:
        eintraege = [e for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if e.strip()]
        if len(eintraege) >= settings.PROXY_ANZAHL:
            weitergereicht = _gueltig(eintraege[-settings.PROXY_ANZAHL])
            if weitergereicht:
                return weitergereicht
    return _gueltig(direkt) or direkt or None


def _minuten(dauer: timedelta | None) -> int:
    return int(dauer.total_seconds() // 60) if dauer else 0


def gesperrt(request, original_response=None, credentials=None):
    """The page after the failure limit: German, in the portal's layout, HTTP 429."""
    return render(request, "registration/gesperrt.html", {
        "meldung": GESPERRT_MELDUNG,
        "minuten": _minuten(settings.AXES_COOLOFF_TIME),
    }, status=429)
