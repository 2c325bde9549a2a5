"""What every view asks first: may this user open this object, this page at all?

`objekt_oder_404` takes a queryset whose model knows its access rule, as QuerySet methods
`sichtbar_fuer(user)` and `bearbeitbar_fuer(user)` (the apps' models.py declare them); kern imports
no app, it only calls them. `verlangen` turns the answer of a `kann_...` function into a 403.
`RolleErforderlichMiddleware` keeps logins without a role on the public pages.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.deprecation import MiddlewareMixin

from .rollen import NUR_VERWALTUNG, hat_rolle

NICHT_GEFUNDEN = "Nicht gefunden."
NICHT_AENDERBAR = "Sie dürfen dieses Objekt nicht ändern."
KEINE_ROLLE = "Ihrem Konto ist noch keine Rolle zugeordnet. Bitte wenden Sie sich an die Sozialplanung."


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


def rolle_nicht_erforderlich(view):
    """Marks a view a login without a role may open (its start page, signing out)."""
    view.rolle_erforderlich = False
    return view


class RolleErforderlichMiddleware(MiddlewareMixin):
    """After LoginRequiredMiddleware: a login without a role gets 403 wherever an anonymous visitor
    would have to log in, so a page that forgets its rule still shows such a login nothing."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True) or not getattr(view_func, "rolle_erforderlich", True):
            return None
        verlangen(not request.user.is_authenticated or hat_rolle(request.user), KEINE_ROLLE)
        return None
