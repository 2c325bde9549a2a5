"""Reads of the proof of use: who sees which proofs (council none), the proof page, the list of proofs
waiting for a check."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, DecimalField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from kern.rollen import ist_quartiersmanagement, ist_verwaltung
from quartiere.zugriff import eigene_gebiet_ids

from . import nachweis_regeln
from .models import Auszahlung, Verwendungsnachweis
from .nachweis import Beleg, Nachweissumme


def nachweise_fuer(user, queryset: QuerySet | None = None) -> QuerySet:
    """Proofs of use the user may open: staff all, managers those of their areas' projects, nobody else."""
    queryset = Verwendungsnachweis.objects.all() if queryset is None else queryset
    if ist_verwaltung(user):
        return queryset
    if ist_quartiersmanagement(user):
        return queryset.filter(bewilligung__projekt__gebiet_id__in=eigene_gebiet_ids(user))
    return queryset.none()


def _ausgezahlt():
    summe = (Auszahlung.objects.filter(bewilligung=OuterRef("bewilligung")).order_by().values("bewilligung")
             .annotate(s=Sum("betrag")).values("s"))
    return Coalesce(Subquery(summe, output_field=DecimalField()), Decimal("0.00"), output_field=DecimalField())


def zu_pruefende_nachweise(user) -> QuerySet:
    """Submitted proofs not yet checked, oldest submission first, with what the list shows in one query."""
    return (nachweise_fuer(user, Verwendungsnachweis.objects.filter(eingereicht_am__isnull=False,
                                                                    geprueft_am__isnull=True))
            .select_related("bewilligung__projekt__gebiet", "bewilligung__programm__stadt", "angaben")
            .defer("bewilligung__projekt__gebiet__grenze", "bewilligung__programm__stadt__grenze")
            .annotate(ausgezahlt=_ausgezahlt(), anzahl_belege=Count("belege", distinct=True))
            .order_by("eingereicht_am", "pk"))


def nachweisseite(nachweis: Verwendungsnachweis, *, nicht_zuwendungsfaehig: Decimal | None = None) -> dict:
    """What the proof page shows beside its forms."""
    ausgezahlt = nachweis.bewilligung.auszahlungen.summe()
    angaben = nachweis_regeln.angaben(nachweis)
    return {
        "angaben": angaben,
        "belege": list(Beleg.objects.filter(nachweis=nachweis).order_by("datum", "pk")),
        "summen": list(Nachweissumme.objects.filter(nachweis=nachweis).order_by("kategorie")),
        "ausgezahlt": ausgezahlt,
        "pruefung": nachweis_regeln.pruefung(nachweis, ausgezahlt=ausgezahlt,
                                             nicht_zuwendungsfaehig=nicht_zuwendungsfaehig) if angaben else None,
    }
