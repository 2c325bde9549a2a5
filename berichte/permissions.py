"""Who may read and make which reports; pure questions on the user's roles.

Staff, council and quartier managers read every published report (managers are treated like
council here); everyone else, logged in without a role or not logged in, only public ones
(Bericht.objects.sichtbar_fuer asks kann_nichtoeffentliche_berichte_lesen). A withdrawn report only
staff see. Previews, publishing, corrections, withdrawals and council papers are for staff.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

from kern import rollen


def kann_nichtoeffentliche_berichte_lesen(user: User | AnonymousUser) -> bool:
    return rollen.ist_verwaltung(user) or rollen.ist_rat(user) or rollen.ist_quartiersmanagement(user)


def kann_berichte_erstellen(user: User | AnonymousUser) -> bool:
    """Preview, publish and correct reports: staff."""
    return rollen.ist_verwaltung(user)


def kann_zurueckgezogene_berichte_sehen(user: User | AnonymousUser) -> bool:
    """A withdrawn report stays in the archive for staff only, marked with date and reason."""
    return rollen.ist_verwaltung(user)


def kann_berichte_zurueckziehen(user: User | AnonymousUser) -> bool:
    return rollen.ist_verwaltung(user)


def kann_ratsvorlagen_bearbeiten(user: User | AnonymousUser) -> bool:
    return rollen.ist_verwaltung(user)
