"""Scoping by area: the one place that says who sees and changes which rows.

Every view, list, export and report query goes through these helpers. A manager who asks
for an object outside their areas gets 404 (the object does not exist for them); a role
that may see but not change an object gets 403. The roles themselves are kern.rollen's.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from kern.rollen import ist_quartiersmanagement, ist_rat, ist_verwaltung
from kern.zeit import heute

from .models import Gebiet, Quartiersmanagement


def eigene_gebiet_ids(user: User | AnonymousUser) -> frozenset[int]:
    """Areas of a manager: those of the QM positions their person holds, with all areas below them."""
    if not ist_quartiersmanagement(user):
        return frozenset()
    cached = getattr(user, "_eigene_gebiet_ids", None)
    if cached is not None:
        return cached
    # Only positions that run today count: a manager whose contract ended loses the area.
    stellen = Quartiersmanagement.objects.aktiv_am(heute()).filter(personen__user=user)
    ids = set(stellen.values_list("gebiet_id", flat=True))
    ebene = set(ids)
    # The tree is at most five levels deep (Stadt > Stadtbezirk > Stadtteil > Ortsteil > Quartier).
    for _ in range(4):
        if not ebene:
            break
        ebene = set(Gebiet.objects.filter(parent_id__in=ebene).values_list("id", flat=True)) - ids
        ids |= ebene
    user._eigene_gebiet_ids = frozenset(ids)
    return user._eigene_gebiet_ids


def eigene_gebiete(user: User | AnonymousUser) -> QuerySet[Gebiet]:
    return Gebiet.objects.filter(id__in=eigene_gebiet_ids(user))


def gebiet_scope(user: User | AnonymousUser, feld: str | None = "gebiet") -> Q:
    """Q object restricting rows with an area field to what the user may see.

    Staff and council see all areas; managers their own; everyone else nothing.
    With feld=None the rows belong to no area (programmes, vocabularies): every role sees them.
    """
    if ist_verwaltung(user) or ist_rat(user) or (feld is None and ist_quartiersmanagement(user)):
        return Q()
    if ist_quartiersmanagement(user):
        return Q(**{f"{feld}_id__in": eigene_gebiet_ids(user)})
    return Q(pk__in=[])


def gebiet_schreib_scope(user: User | AnonymousUser, feld: str | None = "gebiet") -> Q:
    """Q object for rows the user may change: staff all, managers their areas, others none."""
    if ist_verwaltung(user):
        return Q()
    if ist_quartiersmanagement(user) and feld is not None:
        return Q(**{f"{feld}_id__in": eigene_gebiet_ids(user)})
    return Q(pk__in=[])


def darf_im_gebiet_arbeiten(user: User | AnonymousUser, gebiet: Gebiet) -> bool:
    """May the user record projects, meetings and activities in this area?"""
    return ist_verwaltung(user) or (ist_quartiersmanagement(user) and gebiet.id in eigene_gebiet_ids(user))


def arbeitsgebiete(user: User | AnonymousUser) -> QuerySet[Gebiet]:
    """Areas offered in forms: staff all areas below city level, managers their own."""
    gebiete = Gebiet.objects.quartiere().select_related("stadt").order_by("stadt__name", "name")
    return gebiete if ist_verwaltung(user) else gebiete.filter(id__in=eigene_gebiet_ids(user))


def sichtbar(user: User | AnonymousUser, queryset: QuerySet, feld: str | None = "gebiet") -> QuerySet:
    return queryset.filter(gebiet_scope(user, feld))


def bearbeitbar(user: User | AnonymousUser, queryset: QuerySet, feld: str | None = "gebiet") -> QuerySet:
    return queryset.filter(gebiet_schreib_scope(user, feld))


def objekt_oder_404(user: User | AnonymousUser, queryset: QuerySet, feld: str | None = "gebiet", *,
                    schreiben: bool = False, **lookup):
    """The object if the user may see it, else 404; 403 if they may see but not change it."""
    try:
        obj = sichtbar(user, queryset, feld).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404("Nicht gefunden.") from None
    if schreiben and not bearbeitbar(user, queryset.model.objects.filter(pk=obj.pk), feld).exists():
        raise PermissionDenied("Sie dürfen dieses Objekt nicht ändern.")
    return obj
