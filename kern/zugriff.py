"""What every view asks first: may this user open this object, this page at all?

`objekt_oder_404` takes a queryset whose model knows its access rule, as QuerySet methods
`sichtbar_fuer(user)` and `bearbeitbar_fuer(user)` (the apps' models.py declare them); kern imports
no app, it only calls them. `verlangen` turns the answer of a `kann_...` function into a 403.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from .rollen import NUR_VERWALTUNG

NICHT_GEFUNDEN = "Nicht gefunden."
NICHT_AENDERBAR = "Sie dürfen dieses Objekt nicht ändern."


def objekt_oder_404(user: User | AnonymousUser, queryset: QuerySet, *, schreiben: bool = False,
                    nicht_gefunden: str = NICHT_GEFUNDEN, **lookup) -> Model:
    """The object if the user may see it, else 404 (outsiders learn nothing); 403 if they may see but
    not change it."""
    try:
        obj = queryset.sichtbar_fuer(user).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404(nicht_gefunden) from None
    if schreiben and not queryset.model._default_manager.filter(pk=obj.pk).bearbeitbar_fuer(user).exists():
        raise PermissionDenied(NICHT_AENDERBAR)
    return obj


def verlangen(erlaubt: bool, meldung: str = NUR_VERWALTUNG) -> None:
    """403 with the German reason unless the permission asked for holds."""
    if not erlaubt:
        raise PermissionDenied(meldung)
