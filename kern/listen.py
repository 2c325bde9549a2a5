"""Filtered, sortable, paginated lists with CSV and XLSX export of exactly the filtered rows."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from .export import Spalte, csv_antwort, xlsx_antwort

SEITENGROESSE = 25


def seite(request, zeilen, seitengroesse: int = SEITENGROESSE) -> dict:
    """The requested page of `zeilen` and the query string to keep in paging and export links."""
    parameter = request.GET.copy()
    parameter.pop("seite", None)
    parameter.pop("format", None)
    return {"seite": Paginator(zeilen, seitengroesse).get_page(request.GET.get("seite")),
            "parameter": parameter.urlencode()}


def gefilterte_liste(request, *, filterset, template: str, spalten: list[Spalte], dateiname: str,
                     kontext: dict | None = None, seitengroesse: int = SEITENGROESSE, exportzeilen=None):
    """Render a django-filter list; `?format=csv|xlsx` exports all rows the filter selects.

    `exportzeilen`, if given, turns the filtered queryset into the rows to export (e.g. with
    many-to-many names read per block instead of a prefetch per row)."""
    if filterset.is_bound and not filterset.is_valid():
        # Invalid filter values (e.g. an id the user may not see) show the form errors, no rows.
        zeilen = filterset.queryset.none()
    else:
        zeilen = filterset.qs
    format_ = request.GET.get("format")
    if format_ in ("csv", "xlsx") and exportzeilen is not None:
        zeilen = exportzeilen(zeilen)
    if format_ == "csv":
        return csv_antwort(dateiname, spalten, zeilen)
    if format_ == "xlsx":
        return xlsx_antwort(dateiname, spalten, zeilen)
    if format_ not in (None, ""):
        raise Http404("Unbekanntes Exportformat.")
    blatt = seite(request, zeilen, seitengroesse)
    return render(request, template, {
        "filter": filterset, "zeilen": blatt["seite"].object_list, **blatt, **(kontext or {}),
    })
