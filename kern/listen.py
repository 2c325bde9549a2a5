"""Filtered, sortable, paginated lists with CSV and XLSX export of exactly the filtered rows."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.http import Http404
from django.shortcuts import redirect, render

from . import datenstand, exportauftraege
from .export import csv_antwort, xlsx_antwort
from .exportauftraege import Liste

SEITENGROESSE = 25
FORMATE = ("csv", "xlsx")


class Seiten(Paginator):
    """A paginator whose count of all rows (a scan of the whole table when nothing is filtered) is kept in
    the cache per data state and SQL (kern.datenstand)."""

    @cached_property
    def count(self) -> int:
        schluessel = datenstand.abfrage_schluessel(self.object_list) if hasattr(self.object_list, "query") else None
        if schluessel is None:
            return Paginator.count.func(self)
        return datenstand.zwischengespeichert("anzahl", lambda: Paginator.count.func(self), schluessel)


def seite(request, zeilen, seitengroesse: int = SEITENGROESSE) -> dict:
    """The requested page of `zeilen` and the query string to keep in paging and export links."""
    parameter = request.GET.copy()
    parameter.pop("seite", None)
    parameter.pop("format", None)
    return {"seite": Seiten(zeilen, seitengroesse).get_page(request.GET.get("seite")),
            "parameter": parameter.urlencode()}


def seite_ueber_schluessel(request, zeilen, *, laden, seitengroesse: int = SEITENGROESSE) -> dict:
    """`seite()` for rows whose order needs joins their display does not (or the reverse): the page is found
    on the primary keys of `zeilen` alone, in its order; `laden(queryset)` then reads those rows with
    what the page shows. One query more than `seite()`, each of them cheap at any number of rows."""
    blatt = seite(request, zeilen.values_list("pk", flat=True), seitengroesse)
    pks = list(blatt["seite"].object_list)
    geladen = {zeile.pk: zeile for zeile in laden(zeilen.model._default_manager.filter(pk__in=pks))}
    blatt["seite"].object_list = [geladen[pk] for pk in pks if pk in geladen]
    return blatt


def _export(request, liste: Liste, zeilen, format_: str):
    """Streams the export, or, beyond the format's row threshold, orders it from the task queue and
    sends the user to the order's page."""
    anzahl = zeilen.count()
    if anzahl > exportauftraege.schwelle(format_):
        auftrag = exportauftraege.beauftragen(liste_=liste, format_=format_, daten=request.GET,
                                              zeilen_gesamt=anzahl, durch=request.user)
        return redirect("exporte:auftrag", pk=auftrag.pk)
    zeilen = liste.zeilen(zeilen)
    if format_ == "csv":
        return csv_antwort(liste.dateiname(), liste.spalten, zeilen)
    return xlsx_antwort(liste.dateiname(), liste.spalten, zeilen, blatt=liste.blatt)


def gefilterte_liste(request, *, liste: Liste, template: str, kontext: dict | None = None,
                     seitengroesse: int = SEITENGROESSE):
    """Render a django-filter list; `?format=csv|xlsx` exports all rows the filter selects."""
    filterset = liste.filterset(request.user, request.GET or None)
    format_ = request.GET.get("format")
    if format_ not in (None, "", *FORMATE):
        raise Http404("Unbekanntes Exportformat.")
    if filterset.is_bound and not filterset.is_valid():
        # Invalid filter values (e.g. an id the user may not see) show the form errors, no rows.
        zeilen = filterset.queryset.none()
    else:
        zeilen = filterset.qs
    if format_:
        return _export(request, liste, zeilen, format_)
    blatt = seite(request, zeilen, seitengroesse)
    zeilen = blatt["seite"].object_list
    if liste.seitenzeilen is not None:
        zeilen = liste.seitenzeilen(list(zeilen))
    return render(request, template, {"filter": filterset, "zeilen": zeilen, **blatt, **(kontext or {})})
