"""Who may see what of the participation data, beyond the area scoping of quartiere.zugriff."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

from kern import rollen
from quartiere import zugriff
from quartiere.models import Person


def kann_namen_sehen(user: User | AnonymousUser) -> bool:
    """Names of participants, members, authors and responsible persons: staff and managers only.

    Council members and the public see counts and organisations, never a person's name.
    """
    return rollen.ist_verwaltung(user) or rollen.ist_quartiersmanagement(user)


def kann_personendaten_verwalten(user: User | AnonymousUser) -> bool:
    """Export and anonymisation of a person's data (GDPR requests) are for staff."""
    return rollen.ist_verwaltung(user)


def kann_aufgabe_erledigen(user: User | AnonymousUser, aufgabe) -> bool:
    """Staff, the managers of the meeting's area, and the person responsible for the item."""
    if rollen.ist_verwaltung(user):
        return True
    if not rollen.ist_quartiersmanagement(user):
        return False
    gremium = aufgabe.sitzung.gremium
    verantwortlich = aufgabe.verantwortlich
    return gremium.gebiet_id in zugriff.eigene_gebiet_ids(user) or (
        verantwortlich is not None and verantwortlich.user_id is not None and verantwortlich.user_id == user.pk)


def anzeigename(person: Person | None, *, mit_namen: bool) -> str:
    """How a person appears on a page: the name only where it may be shown, else the organisation."""
    if person is None:
        return ""
    if mit_namen and person.darf_namentlich_genannt_werden:
        return person.name
    if person.anonymisiert_am is not None:
        return "anonymisierte Person"
    return "Name nicht freigegeben" if mit_namen else "Teilnehmende Person"
