"""Scoping by area: the one rule that says who sees and changes which rows.

Staff and council see the rows of every area, managers those of their own areas, everyone else
none; staff change every row, managers the rows of their own areas, everyone else none. Rows that
belong to no area (programmes, vocabularies, the areas themselves as city data) are seen by every
role and changed by staff.

Each scoped model declares the path from its rows to their area once, as `gebiet_pfad` on its
QuerySet (a `GebietsbezogenQuerySet`), and gets `sichtbar_fuer(user)` and `bearbeitbar_fuer(user)`;
views open single objects with kern.zugriff.objekt_oder_404. The roles themselves are kern.rollen's.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db import models
from django.db.models import Q

from kern.rollen import ist_quartiersmanagement, ist_rat, ist_verwaltung
from kern.zeit import heute

# quartiere.models imports this module for the QuerySet base, so the models are imported where used.


def eigene_gebiet_ids(user: User | AnonymousUser) -> frozenset[int]:
    """Areas of a manager: those of the QM positions their person holds, with all areas below them.

    Two queries, once per request: the user object keeps the answer.
    """
    from .models import Gebiet, Quartiersmanagement

    if not ist_quartiersmanagement(user):
        return frozenset()
    cached = getattr(user, "_eigene_gebiet_ids", None)
    if cached is not None:
        return cached
    # Only positions that run today count: a manager whose contract ended loses the area.
    stellen = set(Quartiersmanagement.objects.aktiv_am(heute()).filter(personen__user=user)
                  .values_list("gebiet_id", flat=True))
    ids = set(Gebiet.objects.im_teilbaum(*stellen).values_list("id", flat=True)) if stellen else set()
    user._eigene_gebiet_ids = frozenset(ids)
    return user._eigene_gebiet_ids


def sichtbare_gebiet_ids(user: User | AnonymousUser) -> frozenset[int] | None:
    """The areas whose rows the user sees; None for all areas (staff and council)."""
    if ist_verwaltung(user) or ist_rat(user):
        return None
    return eigene_gebiet_ids(user)


def bearbeitbare_gebiet_ids(user: User | AnonymousUser) -> frozenset[int] | None:
    """The areas whose rows the user changes; None for all areas (staff)."""
    return None if ist_verwaltung(user) else eigene_gebiet_ids(user)


def _in_gebieten(pfad: str | None, ids: frozenset[int]) -> Q:
    if pfad is None or not ids:
        return Q(pk__in=[])
    return Q(**{f"{pfad}__in": ids})


def sicht_bedingung(user: User | AnonymousUser, pfad: str | None) -> Q:
    """Q for the rows the user sees; `pfad` leads from a row to its area, None: the row has no area."""
    ids = sichtbare_gebiet_ids(user)
    if ids is None or (pfad is None and ist_quartiersmanagement(user)):
        return Q()
    return _in_gebieten(pfad, ids)


def schreib_bedingung(user: User | AnonymousUser, pfad: str | None) -> Q:
    """Q for the rows the user changes: staff all, managers those of their areas, others none."""
    ids = bearbeitbare_gebiet_ids(user)
    return Q() if ids is None else _in_gebieten(pfad, ids)


class GebietsbezogenQuerySet(models.QuerySet):
    """Rows that belong to an area through `gebiet_pfad` (None: to no area)."""

    gebiet_pfad: str | None = "gebiet"

    def sichtbar_fuer(self, user: User | AnonymousUser):
        return self.filter(sicht_bedingung(user, self.gebiet_pfad))

    def bearbeitbar_fuer(self, user: User | AnonymousUser):
        return self.filter(schreib_bedingung(user, self.gebiet_pfad))

    def mit_gebiet(self):
        """The rows with their area (and every row on the way) in the same query."""
        return self.select_related(self.gebiet_pfad) if self.gebiet_pfad else self

    def in_stadt(self, stadt_id: int):
        """The rows whose area is the city itself or lies in it."""
        pfad = self.gebiet_pfad
        return self.filter(Q(**{f"{pfad}_id": stadt_id}) | Q(**{f"{pfad}__stadt_id": stadt_id}))
