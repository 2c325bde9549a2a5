"""Who may do what with programmes, budgets, projects and grants; pure questions on one object.

Which rows a user sees or changes is the QuerySets' part (programme.models, on quartiere.zugriff).
Money decisions are staff's; an area's managers record and change its projects and request funding.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

from kern import rollen
from quartiere.zugriff import bearbeitbare_gebiet_ids, eigene_gebiet_ids

from .models import Bewilligung, Foerderprogramm, Projekt, Verwendungsnachweis
from .statusmaschine import uebergang


def kann_projekte_erfassen(user: User | AnonymousUser) -> bool:
    """Record new projects: staff, and managers who hold a running position."""
    return rollen.ist_verwaltung(user) or bool(eigene_gebiet_ids(user))


def kann_projekt_bearbeiten(user: User | AnonymousUser, projekt: Projekt) -> bool:
    """Change a project, request funding for it, submit its proofs of use: staff, the area's managers."""
    ids = bearbeitbare_gebiet_ids(user)
    return ids is None or projekt.gebiet_id in ids


def kann_status_setzen(user: User | AnonymousUser, projekt: Projekt, status: str) -> bool:
    """Move a project by hand from its status to `status`: the area's managers and staff, for the steps
    programme.statusmaschine allows by hand (the others follow from requests, grants, payouts, proofs)."""
    schritt = uebergang(projekt.status, status)
    return schritt is not None and schritt.von_hand and kann_projekt_bearbeiten(user, projekt)


def kann_bewilligen(user: User | AnonymousUser, bewilligung: Bewilligung | None = None) -> bool:
    """Decide on a request for funding, granting or refusing it: staff."""
    return rollen.ist_verwaltung(user)


def kann_auszahlen(user: User | AnonymousUser, bewilligung: Bewilligung | None = None) -> bool:
    return rollen.ist_verwaltung(user)


def kann_nachweise_pruefen(user: User | AnonymousUser, nachweis: Verwendungsnachweis | None = None) -> bool:
    """Check proofs of use and follow up the overdue ones: staff."""
    return rollen.ist_verwaltung(user)


def kann_budget_festlegen(user: User | AnonymousUser, programm: Foerderprogramm | None = None) -> bool:
    return rollen.ist_verwaltung(user)


def kann_historie_sehen(user: User | AnonymousUser, obj: Projekt | Foerderprogramm | None = None) -> bool:
    """Who changed a project's or a budget's money and status when: staff."""
    return rollen.ist_verwaltung(user)


def kann_fristen_sehen(user: User | AnonymousUser) -> bool:
    """Deadlines, interim proofs, reminders and the work basket: staff, and managers for their areas; not council."""
    return rollen.ist_verwaltung(user) or rollen.ist_quartiersmanagement(user)
