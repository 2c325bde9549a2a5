"""Who may do what with bodies, meetings, decisions, action items and personal data.

Pure questions on the user's roles and areas and on one object; which rows a user sees or changes
is the QuerySets' part (beteiligung.models, on quartiere.zugriff).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

from kern import rollen
from programme.permissions import kann_bewilligen
from quartiere.models import Person
from quartiere.zugriff import bearbeitbare_gebiet_ids, eigene_gebiet_ids

from .models import Aufgabe, Gremium


def kann_namen_sehen(user: User | AnonymousUser) -> bool:
    """Names of participants, members, authors and responsible persons: staff and managers only.

    Council members and the public see counts and organisations, never a person's name.
    """
    return rollen.ist_verwaltung(user) or rollen.ist_quartiersmanagement(user)


def kann_aufgaben_sehen(user: User | AnonymousUser) -> bool:
    """The list of action items names the responsible persons, so it is for those who see names."""
    return kann_namen_sehen(user)


def kann_taetigkeiten_erfassen(user: User | AnonymousUser) -> bool:
    """The work log is kept by the quartier management; staff may add to it."""
    return rollen.ist_verwaltung(user) or rollen.ist_quartiersmanagement(user)


def kann_personendaten_verwalten(user: User | AnonymousUser) -> bool:
    """Export and anonymisation of a person's data (GDPR requests) are for staff."""
    return rollen.ist_verwaltung(user)


def kann_gremium_bearbeiten(user: User | AnonymousUser, gremium: Gremium) -> bool:
    """Change a body, plan and document its meetings: staff and the managers of its area."""
    ids = bearbeitbare_gebiet_ids(user)
    return ids is None or gremium.gebiet_id in ids


def kann_sitzung_veroeffentlichen(user: User | AnonymousUser) -> bool:
    """Make a meeting public (and withdraw it again): staff only; the managers propose it."""
    return rollen.ist_verwaltung(user)


def kann_veroeffentlichung_vorschlagen(user: User | AnonymousUser, gremium: Gremium) -> bool:
    return kann_gremium_bearbeiten(user, gremium)


def kann_foerderung_beschliessen(user: User | AnonymousUser, gremium: Gremium) -> bool:
    """An area forum's decision may grant funding; staff record such a decision."""
    return gremium.art == Gremium.Art.GEBIETSFORUM and kann_bewilligen(user)


def kann_aufgabe_erledigen(user: User | AnonymousUser, aufgabe: Aufgabe) -> bool:
    """Staff, the managers of the meeting's area, and the person responsible for the item."""
    if rollen.ist_verwaltung(user):
        return True
    if not rollen.ist_quartiersmanagement(user):
        return False
    gremium = aufgabe.sitzung.gremium
    verantwortlich = aufgabe.verantwortlich
    return gremium.gebiet_id in eigene_gebiet_ids(user) or (
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
