"""Roles: which of the portal's groups a login belongs to. Depends on django.contrib.auth only.

Which areas a role may see or change is quartiere.zugriff's part.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, Group, User
from django.core.exceptions import PermissionDenied


NUR_VERWALTUNG = "Diese Funktion steht nur der Verwaltung zur Verfügung."


class Rolle:
    VERWALTUNG = "Verwaltung"
    QUARTIERSMANAGEMENT = "Quartiersmanagement"
    RAT = "Rat"
    ALLE = (VERWALTUNG, QUARTIERSMANAGEMENT, RAT)


def gruppen_anlegen() -> None:
    for name in Rolle.ALLE:
        Group.objects.get_or_create(name=name)


def _gruppen(user) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_rollen_gruppen", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._rollen_gruppen = cached
    return cached


def ist_verwaltung(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and (user.is_superuser or Rolle.VERWALTUNG in _gruppen(user))


def ist_quartiersmanagement(user: User | AnonymousUser) -> bool:
    return Rolle.QUARTIERSMANAGEMENT in _gruppen(user)


def ist_rat(user: User | AnonymousUser) -> bool:
    return Rolle.RAT in _gruppen(user)


def rolle_von(user: User | AnonymousUser) -> str | None:
    if ist_verwaltung(user):
        return Rolle.VERWALTUNG
    if ist_quartiersmanagement(user):
        return Rolle.QUARTIERSMANAGEMENT
    if ist_rat(user):
        return Rolle.RAT
    return None


def hat_rolle(user: User | AnonymousUser) -> bool:
    return rolle_von(user) is not None


def nur_verwaltung(user: User | AnonymousUser) -> None:
    if not ist_verwaltung(user):
        raise PermissionDenied(NUR_VERWALTUNG)
