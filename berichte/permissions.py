"""Who sees which published report; built on the roles of kern.rollen.

Staff, council and quartier managers read every published report (managers are treated like
council here); everyone else, logged in without a role or not logged in, only public ones.
Previews, publishing and council papers are for staff.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404


from kern import rollen

from .models import Bericht


def liest_nichtoeffentliche(user) -> bool:
    return rollen.ist_verwaltung(user) or rollen.ist_rat(user) or rollen.ist_quartiersmanagement(user)


def sichtbare_berichte(user, berichte: QuerySet[Bericht] | None = None) -> QuerySet[Bericht]:
    berichte = Bericht.objects.all() if berichte is None else berichte
    return berichte if liest_nichtoeffentliche(user) else berichte.oeffentlich()


def bericht_oder_404(user, pk: int) -> Bericht:
    try:
        return sichtbare_berichte(user).select_related("gebiet", "programm", "vorlage", "ersetzt").get(pk=pk)
    except Bericht.DoesNotExist:
        raise Http404("Diesen Bericht gibt es nicht oder er ist nicht öffentlich.") from None


def darf_erstellen(user) -> bool:
    return rollen.ist_verwaltung(user)
