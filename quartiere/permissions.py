"""Who may do what with areas and their data; pure questions on the user's roles and areas.

Which rows a user sees or changes is the QuerySets' part (quartiere.zugriff); these answer for one
object. A manager's areas are read once per request (quartiere.zugriff.eigene_gebiet_ids).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

from kern import rollen

from .models import Gebiet
from .zugriff import eigene_gebiet_ids


def kann_im_gebiet_arbeiten(user: User | AnonymousUser, gebiet: Gebiet) -> bool:
    """Record projects, meetings and activities in the area: staff, and the area's managers."""
    return rollen.ist_verwaltung(user) or gebiet.pk in eigene_gebiet_ids(user)


def kann_gebietsarbeit_sehen(user: User | AnonymousUser, gebiet: Gebiet) -> bool:
    """See an area's bodies, meetings and Strukturcheck: staff, council and the area's managers."""
    return rollen.ist_verwaltung(user) or rollen.ist_rat(user) or gebiet.pk in eigene_gebiet_ids(user)


def kann_indikatoren_importieren(user: User | AnonymousUser) -> bool:
    return rollen.ist_verwaltung(user)


def kann_sozialindex_einstellen(user: User | AnonymousUser, stadt: Gebiet | None = None) -> bool:
    """Choose the indicators and weights of a city's social index and recompute it: staff."""
    return rollen.ist_verwaltung(user)
