"""The OParl views: one object or one page of a list as JSON, errors as OParl error objects."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from berichte import ablage
from berichte.models import Bericht
from beteiligung.models import Gremium
from kern.fehler import Regelverstoss
from quartiere.models import Gebiet

from . import selectors
from .darstellung import SCHEMA, Darstellung, zeitzone

NICHT_GEFUNDEN = "Dieses Objekt gibt es nicht oder es ist nicht öffentlich."
SEITE_FEHLT = "Diese Listenseite gibt es nicht."
ZURUECKGEZOGEN = "Diese Datei ist zurückgezogen und wird nicht mehr ausgeliefert."
ERSETZT = "Diese Datei ist durch eine neuere Version ersetzt und wird nicht mehr ausgeliefert."
SITZUNG_ZURUECKGEZOGEN = "Die Sitzung dieser Dokumentation ist zurückgezogen; die Datei wird nicht mehr ausgeliefert."
SEITE_UNGUELTIG = "Der Parameter page muss eine ganze Zahl ab 1 sein."
ZEITPUNKT_UNGUELTIG = ("Der Parameter {name} braucht einen Zeitpunkt nach ISO 8601 mit Datum und Uhrzeit, "
                       "z. B. 2026-01-31T08:00:00+01:00.")

# Filter parameter -> lookup on the annotated queryset of every list. Times are published to the second,
# so they are compared to the second too: "until 12:00:00" includes what changed at 12:00:00.4.
FILTER = {
    "created_since": "oparl_created__gte",
    "created_until": "oparl_created__lt",
    "modified_since": "oparl_modified__gte",
    "modified_until": "oparl_modified__lt",
}
EINE_SEKUNDE = dt.timedelta(seconds=1)


class Ungueltig(Regelverstoss):
    """A request parameter OParl cannot answer (e.g. a malformed timestamp)."""


# Responses, filters and pagination.

def _antwort(daten: dict, status: int = 200) -> JsonResponse:
    antwort = JsonResponse(daten, status=status, json_dumps_params={"ensure_ascii": False},
                           content_type="application/json; charset=utf-8")
    # OParl requires every JSON answer to be readable by scripts of other origins.
    antwort["Access-Control-Allow-Origin"] = "*"
    return antwort


def _fehler(request, status: int, meldung: str) -> JsonResponse:
    debug = f"HTTP {status} für {request.method} {request.get_full_path()}"
    return _antwort({"type": SCHEMA + "Error", "message": meldung, "debug": debug}, status=status)


def _oparl(view):
    @functools.wraps(view)
    def mit_fehlern(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404 as exc:
            return _fehler(request, 404, str(exc) or NICHT_GEFUNDEN)
        except Ungueltig as exc:
            return _fehler(request, 400, exc.meldung)

    return login_not_required(require_safe(mit_fehlern))


_ZEIT_VORHANDEN = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
# An unencoded "+" of the offset arrives as a space.
_OFFSET_OHNE_PLUS = re.compile(r"(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$")


def _zeitpunkt(name: str, wert: str) -> dt.datetime:
    text = _OFFSET_OHNE_PLUS.sub(r"\1+\2", wert.strip())
    try:
        zeitpunkt = parse_datetime(text) if _ZEIT_VORHANDEN.match(text) else None
    except ValueError:
        zeitpunkt = None
    if zeitpunkt is None:
        raise Ungueltig(ZEITPUNKT_UNGUELTIG.format(name=name))
    try:
        if timezone.is_naive(zeitpunkt):
            zeitpunkt = timezone.make_aware(zeitpunkt, zeitzone())
        # The database compares in UTC; the first and last days of the calendar leave its range there.
        zeitpunkt.astimezone(dt.timezone.utc)
    except (OverflowError, ValueError):
        raise Ungueltig(ZEITPUNKT_UNGUELTIG.format(name=name)) from None
    return zeitpunkt


def _filter(request) -> tuple[dict, dict]:
    """The list filters of the request as lookups, and their raw values to keep them in the page links."""
    lookups, werte = {}, {}
    for name, lookup in FILTER.items():
        if name in request.GET:
            zeitpunkt = _zeitpunkt(name, request.GET[name]).replace(microsecond=0)
            lookups[lookup] = zeitpunkt + EINE_SEKUNDE if name.endswith("_until") else zeitpunkt
            werte[name] = request.GET[name]
    if request.GET.get("omit_internal") == "true":
        werte["omit_internal"] = "true"
    return lookups, werte


def _seitennummer(request) -> int:
    wert = request.GET.get("page", "1")
    if not re.fullmatch(r"\d{1,9}", wert) or int(wert) < 1:
        raise Ungueltig(SEITE_UNGUELTIG)
    return int(wert)


def _liste(request, queryset: QuerySet, darstellen: Callable[[list], list[dict]],
           ordnung: tuple[str, ...] = ("pk",)) -> JsonResponse:
    """An external object list: one page of `data`, with `pagination` and `links`."""
    lookups, werte = _filter(request)
    nummer = _seitennummer(request)
    groesse = settings.OPARL_PAGE_SIZE
    paginator = Paginator(queryset.filter(**lookups).order_by(*ordnung), groesse)
    if nummer > paginator.num_pages:
        raise Http404(SEITE_FEHLT)

    def seite(n: int) -> str:
        abfrage = urlencode({**werte, **({"page": n} if n > 1 else {})})
        return request.build_absolute_uri(request.path + (f"?{abfrage}" if abfrage else ""))

    links = {"first": seite(1), "self": seite(nummer), "last": seite(paginator.num_pages)}
    if nummer > 1:
        links["prev"] = seite(nummer - 1)
    if nummer < paginator.num_pages:
        links["next"] = seite(nummer + 1)
    return _antwort({
        "data": darstellen(list(paginator.page(nummer).object_list)),
        "pagination": {"totalElements": paginator.count, "elementsPerPage": groesse, "currentPage": nummer,
                       "totalPages": paginator.num_pages},
        "links": links,
    })


def _objekt(queryset: QuerySet, **lookup):
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404(NICHT_GEFUNDEN) from None


def _stadt(pk: int) -> Gebiet:
    return _objekt(Gebiet.objects.staedte(), pk=pk)


# Views.

@_oparl
def system(request):
    return _antwort(Darstellung(request).system())


@_oparl
def bodies(request):
    aus = Darstellung(request)
    return _liste(request, selectors.staedte(), lambda staedte: [aus.body(s) for s in staedte])


@_oparl
def body(request, pk: int):
    return _antwort(Darstellung(request).body(_stadt(pk)))


def _body_liste(request, stadt_id: int, art: str):
    aus = Darstellung(request)
    if art == "organization":
        return _liste(request, selectors.gremien().in_stadt(stadt_id), lambda gs: [aus.organization(g) for g in gs])
    if art == "meeting":
        return _liste(request, selectors.sitzungen().in_stadt(stadt_id), aus.meetings)
    if art == "agendaitem":
        return _liste(request, selectors.tagesordnungspunkte().in_stadt(stadt_id), aus.agenda_items)
    if art == "location":
        return _liste(request, selectors.orte(stadt_id), aus.locations, ordnung=("erste",))
    if art == "paper":
        return _liste(request, selectors.papiere().filter(body_id=stadt_id), aus.papers)
    if art == "file":
        return _liste(request, selectors.dateien().filter(body_id=stadt_id), lambda bs: [aus.file(b) for b in bs])
    if art == "consultation":
        return _liste(request, selectors.beratungen(selectors.dateien().filter(body_id=stadt_id)),
                      aus.consultations, ordnung=("bericht_id", "reihenfolge", "pk"))
    # Persons, memberships and legislative terms are never published.
    return _liste(request, selectors.staedte().none(), lambda leer: [])


def body_liste_view(art: str):
    """The view of one list of a Body (URL `body/<pk>/<art>/`)."""
    @_oparl
    def liste(request, pk: int):
        _stadt(pk)
        return _body_liste(request, pk, art)

    liste.__name__ = f"body_{art}"
    return liste


@_oparl
def organization(request, pk: int):
    return _antwort(Darstellung(request).organization(_objekt(selectors.gremien(), pk=pk)))


@_oparl
def organization_meeting(request, pk: int):
    _objekt(Gremium.objects.all(), pk=pk)
    aus = Darstellung(request)
    return _liste(request, selectors.sitzungen().filter(gremium_id=pk), aus.meetings)


@_oparl
def meeting(request, pk: int):
    return _antwort(Darstellung(request).meetings([_objekt(selectors.sitzungen(), pk=pk)])[0])


@_oparl
def agendaitem(request, pk: int):
    return _antwort(Darstellung(request).agenda_items([_objekt(selectors.tagesordnungspunkte(), pk=pk)])[0])


@_oparl
def location(request, schluessel: str):
    stadt_id = schluessel.split("-", 1)[0]
    zeilen = selectors.orte(int(stadt_id)) if stadt_id.isdigit() else []
    for zeile in zeilen:
        if selectors.ortsschluessel(zeile["ort_stadt"], zeile["ort"]) == schluessel:
            return _antwort(Darstellung(request).locations([zeile])[0])
    raise Http404(NICHT_GEFUNDEN)


@_oparl
def paper(request, pk: int):
    bericht = _objekt(selectors.papiere(), pk=pk)
    return _antwort(Darstellung(request).papers([bericht])[0])


@_oparl
def consultation(request, paper: int, pk: int):
    zeile = _objekt(selectors.beratungen(Bericht.objects.oeffentlich_mit_zurueckgezogenen().filter(pk=paper)), pk=pk)
    return _antwort(Darstellung(request).consultations([zeile])[0])


@_oparl
def file(request, pk: int):
    return _antwort(Darstellung(request).file(_objekt(selectors.dateien(), pk=pk)))


@_oparl
def file_access(request, pk: int):
    """The PDF for viewing: OParl forbids `attachment` here; the download is berichte:pdf."""
    bericht = _objekt(Bericht.objects.oeffentlich_mit_zurueckgezogenen().mit_ende(), pk=pk)
    if bericht.ungueltig_seit:
        if bericht.zurueckgezogen:
            return _fehler(request, 410, ZURUECKGEZOGEN)
        ersetzt = Bericht.objects.filter(ersetzt=bericht).exists()
        return _fehler(request, 410, ERSETZT if ersetzt else SITZUNG_ZURUECKGEZOGEN)
    try:
        daten = ablage.geprueft_lesen(bericht)
    except ablage.DateiUngueltig as exc:
        return _fehler(request, 409, exc.meldung)
    antwort = HttpResponse(daten, content_type="application/pdf")
    antwort["Content-Disposition"] = ablage.content_disposition(bericht.dateiname, als_anhang=False)
    antwort["Content-Length"] = str(len(daten))
    antwort["ETag"] = f'"{bericht.sha256}"'
    antwort["Cache-Control"] = "public, max-age=86400"
    return antwort
