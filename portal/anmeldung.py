"""The login in two steps (password, then the code of the second factor) and the pages of one's own
second factor: set it up with a QR code, see its state, renew the recovery codes.

A wrong code counts as a failed login for django-axes (the same lockout per username and address as a
wrong password; only a complete login resets the count), and django-otp throttles each device too.
"""

from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from kern.formulare import Formular
from kern.format import datum
from kern.zugriff import rolle_nicht_erforderlich

from . import sitzungen, zweiter_faktor
from .anmeldeschutz import gesperrt

FALSCHER_CODE = "Der Code stimmt nicht oder wurde schon verwendet. Bitte geben Sie den aktuellen Code ein."
ANMELDUNG_ABGELAUFEN = "Die Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an."
NUR_MIT_FAKTOR = "Neue Wiederherstellungscodes gibt es nur nach einer Anmeldung mit dem zweiten Faktor."


class CodeForm(Formular):
    code = forms.CharField(
        label="Bestätigungscode", max_length=20, strip=True,
        help_text="Die sechs Ziffern aus Ihrer Authenticator-App oder einer Ihrer Wiederherstellungscodes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false",
                                      "autocapitalize": "off"}),
    )


class AnmeldenView(LoginView):
    """Step one: the password. An account with a device, or one that must have one, is not signed in
    yet; the session only remembers whose password was right, for a few minutes."""

    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        mit_geraet = zweiter_faktor.hat_geraet(user)
        if mit_geraet or zweiter_faktor.pflicht(user):
            self.request.session.cycle_key()
            zweiter_faktor.offene_anmeldung_merken(self.request, user, self.get_success_url())
            return redirect("anmeldung_code" if mit_geraet else "zweiter_faktor_einrichten")
        antwort = super().form_valid(form)
        self.request.session[zweiter_faktor.OHNE_ZWEITEN_FAKTOR] = True
        return antwort


def _abschliessen(request, user, geraet) -> str:
    """Signs the user in as verified by `geraet`; returns where the login was headed."""
    weiter = request.session.pop(zweiter_faktor.ANMELDUNG_OFFEN, {}).get("weiter") or reverse("start")
    user.otp_device = geraet  # django-otp's login signal keeps it in the session
    auth_login(request, user, backend=user.backend)
    sitzungen.sitzungen_beenden(user.pk, ausser=request.session.session_key)
    return weiter


def _code_falsch(request, user, form):
    """A wrong code is a failed login for django-axes; past the limit the lockout page follows."""
    user_login_failed.send(sender=__name__, credentials={"username": user.get_username()}, request=request)
    if getattr(request, "axes_locked_out", False):
        request.session.pop(zweiter_faktor.ANMELDUNG_OFFEN, None)
        return gesperrt(request)
    bis = zweiter_faktor.gesperrt_bis(user)
    warten = (f" Nach falschen Codes können Sie es erst ab {timezone.localtime(bis):%H:%M:%S} Uhr erneut versuchen."
              if bis else "")
    form.add_error("code", FALSCHER_CODE + warten)
    return None


@login_not_required
def code_eingeben(request):
    """Step two: the code of the app or a recovery code."""
    user = zweiter_faktor.offene_anmeldung(request)
    if user is None:
        messages.info(request, ANMELDUNG_ABGELAUFEN)
        return redirect("login")
    if not zweiter_faktor.hat_geraet(user):
        return redirect("zweiter_faktor_einrichten")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if AxesProxyHandler.is_locked(request, {"username": user.get_username()}):
            request.session.pop(zweiter_faktor.ANMELDUNG_OFFEN, None)
            return gesperrt(request)
        geraet = zweiter_faktor.code_pruefen(user, form.cleaned_data["code"])
        if geraet is not None:
            weiter = _abschliessen(request, user, geraet)
            if geraet.name == zweiter_faktor.CODES_NAME:
                messages.warning(request, f"Sie haben einen Wiederherstellungscode verbraucht; es bleiben "
                                          f"{zweiter_faktor.offene_codes(user)}. Neue erzeugen Sie unter "
                                          "„Zweiter Faktor“.")
            return redirect(weiter)
        if (antwort := _code_falsch(request, user, form)) is not None:
            return antwort
    return render(request, "registration/code.html", {"form": form, "user_name": user.get_username()})


@login_not_required
def einrichten(request):
    """Set up the authenticator app: QR code and secret, confirmed by its first code; then the recovery
    codes, shown this once. Reached after the password by an account that must have a device, or by
    anyone signed in who wants one (or a new phone)."""
    offen = not request.user.is_authenticated
    user = zweiter_faktor.offene_anmeldung(request) if offen else request.user
    if user is None or (offen and zweiter_faktor.hat_geraet(user)):
        messages.info(request, ANMELDUNG_ABGELAUFEN)
        return redirect("login")
    geraet = zweiter_faktor.neues_app_geraet(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = zweiter_faktor.app_bestaetigen(geraet, form.cleaned_data["code"])
        if codes is not None:
            geraet.refresh_from_db()
            if offen:
                weiter = _abschliessen(request, user, geraet)
            else:
                otp_login(request, geraet)
                sitzungen.sitzungen_beenden(user.pk, ausser=request.session.session_key)
                weiter = reverse("zweiter_faktor")
            return render(request, "portal/wiederherstellungscodes.html", {"codes": codes, "weiter": weiter,
                                                                          "neu_eingerichtet": True})
        form.add_error("code", FALSCHER_CODE)
    return render(request, "portal/zweiter_faktor_einrichten.html", {
        "form": form, "qr": zweiter_faktor.qr_svg(geraet), "schluessel": zweiter_faktor.schluessel_anzeigen(geraet),
        "pflicht": zweiter_faktor.pflicht(user), "offen": offen,
    })


@rolle_nicht_erforderlich
def uebersicht(request):
    user = request.user
    geraet = zweiter_faktor.app_geraet(user)
    return render(request, "portal/zweiter_faktor.html", {
        "geraet": geraet, "seit": datum(geraet.created_at.date()) if geraet and geraet.created_at else "",
        "codes": zweiter_faktor.offene_codes(user), "pflicht": zweiter_faktor.pflicht(user),
        "verifiziert": user.is_verified(),
    })


@require_POST
@rolle_nicht_erforderlich
def codes_erneuern(request):
    if not request.user.is_verified():
        messages.error(request, NUR_MIT_FAKTOR)
        return redirect("zweiter_faktor")
    codes = zweiter_faktor.wiederherstellungscodes_erneuern(request.user)
    return render(request, "portal/wiederherstellungscodes.html", {"codes": codes, "weiter": reverse("zweiter_faktor")})

