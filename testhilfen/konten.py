import factory
from django.contrib.auth.models import Group, User
from factory.django import DjangoModelFactory

PASSWORT = "geheim-fuer-tests"


class UserFactory(DjangoModelFactory):
    """A login; `gruppe` is a role name from kern.rollen.Rolle."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"benutzer{n}")
    first_name = factory.Sequence(lambda n: f"Vorname{n}")
    last_name = factory.Sequence(lambda n: f"Nachname{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password(PASSWORT)

    @factory.post_generation
    def gruppe(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get_or_create(name=extracted)[0])


def app_einrichten(user, schluessel: str | None = None):
    """A confirmed authenticator app for the user (a TOTPDevice); `schluessel` in hex, else random."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    werte = {"key": schluessel} if schluessel else {}
    return TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=True, **werte)


def totp_code(geraet, verschiebung: int = 0) -> str:
    """The code the app shows now (`verschiebung` steps of 30 s later), computed from the device key."""
    import time

    from django_otp.oath import TOTP

    totp = TOTP(geraet.bin_key, geraet.step, geraet.t0, geraet.digits)
    totp.time = time.time() + verschiebung * geraet.step
    return f"{totp.token():0{geraet.digits}d}"



def im_formular_anmelden(client, username: str, passwort: str, geraet=None, **extra):
    """The login through its pages: the password, then (with `geraet`) the app's current code.
    Returns the last response."""
    from django.urls import reverse

    antwort = client.post(reverse("login"), {"username": username, "password": passwort}, **extra)
    if geraet is not None and antwort.status_code == 302 and antwort.url == reverse("anmeldung_code"):
        antwort = client.post(reverse("anmeldung_code"), {"code": totp_code(geraet)}, **extra)
    return antwort


def im_browser_anmelden(seite, basis: str, username: str, passwort: str) -> None:
    """The login in the browser (Playwright page); where the portal asks for the second factor, the
    current code of the user's app. Ends on the start page."""
    import re

    from django.urls import reverse
    from django_otp.plugins.otp_totp.models import TOTPDevice

    seite.goto(basis + reverse("login"))
    seite.get_by_label("Benutzername").fill(username)
    seite.get_by_label("Passwort").fill(passwort)
    seite.get_by_role("button", name="Anmelden").click()
    code_seite = basis + reverse("anmeldung_code")
    seite.wait_for_url(re.compile("^" + re.escape(basis) + "/(anmelden/code/)?$"))
    if seite.url == code_seite:
        geraet = TOTPDevice.objects.get(user__username=username, confirmed=True)
        seite.get_by_label("Bestätigungscode").fill(totp_code(geraet))
        seite.get_by_role("button", name="Bestätigen").click()
        seite.wait_for_url(basis + "/")
