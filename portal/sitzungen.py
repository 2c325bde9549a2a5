"""Sessions end after inactivity, after their absolute lifetime, and when the account is deactivated.

Django's own session hash already ends every other session of a user whose password changed (the
session stores a hash of the password; AuthenticationMiddleware refuses a session whose hash no longer
matches), and the admin's password form keeps the changing user's own session.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.sessions.models import Session
from django.utils import timezone

ZULETZT_AKTIV = "portal_zuletzt_aktiv"
ANGEMELDET_SEIT = "portal_angemeldet_seit"
# Writing the session on every request would cost a database write each; a minute is precise enough.
SCHREIBABSTAND = 60


def _dauer(sekunden: int) -> str:
    if sekunden % 3600 == 0:
        stunden = sekunden // 3600
        return f"{stunden} Stunde{'n' if stunden != 1 else ''}"
    minuten = max(1, sekunden // 60)
    return f"{minuten} Minute{'n' if minuten != 1 else ''}"


def inaktiv_meldung() -> str:
    return (f"Sie wurden nach {_dauer(settings.SESSION_INAKTIV_MINUTEN * 60)} ohne Aktivität abgemeldet. "
            "Bitte melden Sie sich erneut an.")


def abgelaufen_meldung() -> str:
    return f"Ihre Sitzung ist nach {_dauer(settings.SESSION_COOKIE_AGE)} abgelaufen. Bitte melden Sie sich erneut an."


class SitzungsablaufMiddleware:
    """Logs out after SESSION_INAKTIV_MINUTEN without a request, and SESSION_COOKIE_AGE after login.

    The session's own expiry moves with every write, so it alone would never end an active session;
    the login time kept in the session makes the lifetime absolute.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._pruefen(request)
        return self.get_response(request)

    def _pruefen(self, request):
        sitzung, jetzt = request.session, int(time.time())
        zuletzt, seit = sitzung.get(ZULETZT_AKTIV), sitzung.get(ANGEMELDET_SEIT)
        if zuletzt is not None and jetzt - zuletzt > settings.SESSION_INAKTIV_MINUTEN * 60:
            meldung = inaktiv_meldung()
        elif seit is not None and jetzt - seit > settings.SESSION_COOKIE_AGE:
            meldung = abgelaufen_meldung()
        else:
            if seit is None:
                sitzung[ANGEMELDET_SEIT] = jetzt
            if zuletzt is None or jetzt - zuletzt >= SCHREIBABSTAND:
                sitzung[ZULETZT_AKTIV] = jetzt
            return
        logout(request)
        messages.info(request, meldung)


def anmeldung_merken(sender, request, user, **kwargs):
    """On every login (form, admin, force_login): the session starts its clocks now, in the same write."""
    if getattr(request, "session", None) is not None:
        request.session[ANGEMELDET_SEIT] = request.session[ZULETZT_AKTIV] = int(time.time())


def sitzungen_beenden(user_id: int, ausser: str | None = None) -> int:
    """Deletes every stored session of the user (but `ausser`, a session key); returns how many there were."""
    eigene = [sitzung.pk for sitzung in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
              if sitzung.get_decoded().get("_auth_user_id") == str(user_id) and sitzung.pk != ausser]
    Session.objects.filter(pk__in=eigene).delete()
    return len(eigene)


# A deactivated account keeps no session, whichever way it was deactivated (admin, shell, a service):
# hence signals on the user model rather than one call in one view. Reactivating it does not revive one.

def aktiv_merken(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None or (update_fields is not None and "is_active" not in update_fields):
        instance._war_aktiv = None
        return
    instance._war_aktiv = sender._default_manager.filter(pk=instance.pk).values_list("is_active", flat=True).first()


def bei_deaktivierung_abmelden(sender, instance, created=False, **kwargs):
    if not created and getattr(instance, "_war_aktiv", None) and not instance.is_active:
        sitzungen_beenden(instance.pk)
