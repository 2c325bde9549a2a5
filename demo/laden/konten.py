"""The demo logins and what the demo needs to know about roles: the one place demo asks about roles."""

from __future__ import annotations

from base64 import b32decode

from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.daten.gemeinsam import ADMIN_EMAIL, DEMO_TOTP_SCHLUESSEL, KONTEN, PASSWORT
from kern import rollen
from kern.speichern import speichern
from quartiere.models import Gebiet, Person
from quartiere.permissions import kann_im_gebiet_arbeiten

from .basis import Kontext, m2m_setzen, sichern

ROLLEN = {"verwaltung": rollen.Rolle.VERWALTUNG, "quartiersmanagement": rollen.Rolle.QUARTIERSMANAGEMENT,
          "rat": rollen.Rolle.RAT}


def logins_laden(k: Kontext) -> None:
    rollen.gruppen_anlegen()
    for username, rolle, person_key, is_staff, is_superuser, _ in KONTEN:
        person = k.personen.get(person_key)
        werte = {"is_staff": is_staff, "is_superuser": is_superuser, "is_active": True,
                 "first_name": person.vorname if person else "", "last_name": person.nachname if person else "",
                 "email": person.email if person else ADMIN_EMAIL}
        # Accounts are Django's own rows: saved as the admin's user form would, with the password hashed.
        user = User.objects.filter(username=username).first() or User(username=username)
        geaendert = [f for f, v in werte.items() if getattr(user, f) != v]
        for f in geaendert:
            setattr(user, f, werte[f])
        if not user.has_usable_password() or not user.check_password(PASSWORT):
            user.set_password(PASSWORT)
            geaendert.append("password")
        if geaendert or user.pk is None:
            user.save()
        m2m_setzen(user.groups, [Group.objects.get(name=ROLLEN[rolle])] if rolle else [])
        if is_staff or is_superuser or rolle == "verwaltung":
            demo_app_einrichten(user)
        if person is not None and person.user_id != user.pk:
            Person.objects.filter(user=user).exclude(pk=person.pk).update(user=None)
            person.user = user
            speichern(person, None)
        k.users[username] = user


DEMO_APP = "Demo-Authenticator"


def demo_schluessel_hex() -> str:
    return b32decode(DEMO_TOTP_SCHLUESSEL).hex()


def demo_app_einrichten(user: User) -> TOTPDevice:
    """The demo login's authenticator app, with the published demo key (and no other device)."""
    TOTPDevice.objects.filter(user=user).exclude(name=DEMO_APP).delete()
    return sichern(TOTPDevice, defaults={"key": demo_schluessel_hex(), "confirmed": True}, user=user, name=DEMO_APP)


def zugaenge() -> list[str]:
    """The demo logins, one line each, as the demodaten command prints them."""
    breite = max(len(username) for username, *_ in KONTEN)
    return [f"{username.ljust(breite)}  {text}" for username, *_, text in KONTEN]


def quartiersmanager(k: Kontext) -> list[User]:
    return [u for u in k.users.values() if rollen.ist_quartiersmanagement(u)]


def darf_im_gebiet_arbeiten(user: User, gebiet: Gebiet) -> bool:
    return kann_im_gebiet_arbeiten(user, gebiet)
