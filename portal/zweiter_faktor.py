"""The second factor (django-otp): who must have one, the devices, and the middleware that enforces it.

A login with a confirmed device is complete only after its code (TOTP from an authenticator app, or
one of its recovery codes); staff and admin accounts must have a device and are sent to set one up
after their password. The login keeps the id of the device that confirmed it in the session (django-otp);
`ZweiterFaktorMiddleware` ends every session of such an account that was not verified that way,
whichever way it was signed in.

`SitzungsfaktorMiddleware` is django-otp's OTPMiddleware without its query per request: the device id
in the (server-side) session is trusted as written by the login, because every removal of a device
here ends the sessions it verified (`zuruecksetzen`, a new app replacing the old one); recovery codes
are renewed inside their device. Delete devices only through these functions.
"""

from __future__ import annotations

import time
from base64 import b32encode

import segno
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import User
from django.db import transaction
from django.utils.functional import SimpleLazyObject
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kern import rollen

from .sitzungen import sitzungen_beenden

# The session of a login whose account has no device and needs none; set by the login itself.
OHNE_ZWEITEN_FAKTOR = "portal_ohne_zweiten_faktor"
# Password accepted, code outstanding: {"user": pk, "backend": ..., "seit": epoch, "weiter": url}.
ANMELDUNG_OFFEN = "portal_anmeldung_offen"
ANMELDUNG_GUELTIG_SEKUNDEN = 5 * 60
ANZAHL_WIEDERHERSTELLUNGSCODES = 10
APP_NAME = "Authenticator-App"
CODES_NAME = "Wiederherstellungscodes"

ERNEUT_ANMELDEN = ("Für dieses Konto ist ein zweiter Faktor nötig. Bitte melden Sie sich erneut an und "
                   "bestätigen Sie die Anmeldung mit dem Code Ihrer Authenticator-App.")


def pflicht(user: User) -> bool:
    """Staff (Verwaltung) and admin accounts must sign in with a second factor."""
    return user.is_staff or user.is_superuser or rollen.ist_verwaltung(user)


def hat_geraet(user: User) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def app_geraet(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def offene_codes(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def neues_app_geraet(user: User) -> TOTPDevice:
    """The unconfirmed device the setup page shows; reloading the page shows the same one."""
    geraet = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return geraet or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def schluessel_anzeigen(geraet: TOTPDevice) -> str:
    """The secret as the apps ask for it when typed in: base32, in groups of four."""
    text = b32encode(geraet.bin_key).decode().rstrip("=")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def qr_svg(geraet: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (made here, no third party, no script)."""
    return segno.make(geraet.config_url, error="m").svg_inline(
        scale=5, border=4, light="#fff", svgclass="qr-code", title="QR-Code für die Authenticator-App")


@transaction.atomic
def app_bestaetigen(geraet: TOTPDevice, code: str) -> list[str] | None:
    """Confirms the new device with a code from the app: it replaces every older device, and the
    account gets fresh recovery codes (returned, to be shown once). None if the code is wrong."""
    geraet = TOTPDevice.objects.select_for_update().get(pk=geraet.pk)
    if geraet.confirmed or not geraet.verify_token(code.strip().replace(" ", "")):
        return None
    TOTPDevice.objects.filter(user_id=geraet.user_id).exclude(pk=geraet.pk).delete()
    geraet.confirmed = True
    geraet.save(update_fields=["confirmed"])
    return wiederherstellungscodes_erneuern(geraet.user)


@transaction.atomic
def wiederherstellungscodes_erneuern(user: User) -> list[str]:
    """New recovery codes (the old ones stop working), each valid once; the device itself stays."""
    geraet = StaticDevice.objects.filter(user=user).first() or StaticDevice(user=user)
    geraet.name, geraet.confirmed = CODES_NAME, True
    geraet.save()
    StaticDevice.objects.filter(user=user).exclude(pk=geraet.pk).delete()
    geraet.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(ANZAHL_WIEDERHERSTELLUNGSCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=geraet, token=code) for code in codes)
    return codes


def zuruecksetzen(user: User, ausser: str | None = None) -> int:
    """Removes every device of the account (lost phone) and ends its sessions (but `ausser`, a session
    key); its next login sets up a new device."""
    anzahl = 0
    for modell in (TOTPDevice, StaticDevice):
        anzahl += modell.objects.filter(user=user).delete()[1].get(modell._meta.label, 0)
    sitzungen_beenden(user.pk, ausser=ausser)
    return anzahl


@transaction.atomic
def code_pruefen(user: User, code: str):
    """The device that accepts the code (app or recovery code), or None. django-otp refuses a code
    used before (replay), spends a recovery code, and throttles each device after wrong codes."""
    code = code.strip().replace(" ", "").lower()
    if not code:
        return None
    for geraet in devices_for_user(user, confirmed=True, for_verify=True):
        if geraet.verify_token(code):
            return geraet
    return None


def gesperrt_bis(user: User):
    """When django-otp's throttle lets the account try its app code again, or None."""
    geraet = app_geraet(user)
    if geraet is None:
        return None
    erlaubt, daten = geraet.verify_is_allowed()
    return None if erlaubt else (daten or {}).get("locked_until")


def offene_anmeldung_merken(request, user: User, weiter: str) -> None:
    request.session[ANMELDUNG_OFFEN] = {"user": user.pk, "backend": user.backend, "seit": int(time.time()),
                                        "weiter": weiter}


def offene_anmeldung(request) -> User | None:
    """The account whose password was just accepted and whose code is outstanding, if still fresh."""
    offen = request.session.get(ANMELDUNG_OFFEN)
    if not offen or time.time() - offen.get("seit", 0) > ANMELDUNG_GUELTIG_SEKUNDEN:
        return None
    user = User.objects.filter(pk=offen["user"], is_active=True).first()
    if user is not None:
        user.backend = offen["backend"]
    return user


class SitzungsfaktorMiddleware(OTPMiddleware):
    """OTPMiddleware whose `user.otp_device` is loaded only when read: `is_verified()` asks the session."""

    def _verify_user_sync(self, request, user):
        self._init_user_fields(user)
        kennung = request.session.get(DEVICE_ID_SESSION_KEY) if user.is_authenticated else None
        if kennung:
            user.otp_device = SimpleLazyObject(
                lambda: self._finalize_device(request, user, self._device_from_persistent_id(kennung)))
        return user


class ZweiterFaktorMiddleware:
    """After OTPMiddleware and the messages: a signed-in session that needs a second factor and was not
    verified by one is ended, so no page is reached with the password alone (the admin's login, an
    old session, a device reset by the administration)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified() and not self._ohne_faktor_erlaubt(request, user):
            logout(request)
            messages.warning(request, ERNEUT_ANMELDEN)
        return self.get_response(request)

    @staticmethod
    def _ohne_faktor_erlaubt(request, user) -> bool:
        if pflicht(user):
            return False
        if request.session.get(OHNE_ZWEITEN_FAKTOR):
            return True
        # A session from elsewhere (before this check existed): allowed once found to have no device.
        if DEVICE_ID_SESSION_KEY not in request.session and not hat_geraet(user):
            request.session[OHNE_ZWEITEN_FAKTOR] = True
            return True
        return False
