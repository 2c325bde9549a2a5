"""OParl 1.1 interface: cities, bodies, meetings, papers and files as public, read-only JSON.

Council information systems read the portal through it (https://schema.oparl.org/1.1/). The
interface is public, so it shows only what is public for everyone, whoever asks: meetings marked
`oeffentlich` and published reports marked `oeffentlich`. Anything else does not exist here (404).

How our data maps onto OParl, where the specification leaves room:
- Body = a city; Organization = a Gremium of the city or of one of its areas; Meeting = a public
  Sitzung with its agenda items and its place (a Location); Paper and File = a public published
  report (Bericht) and its PDF; Consultation = a row of a council paper's Beratungsfolge.
- No person is published. Meetings name no participants; the lists of persons, memberships and
  legislative terms that OParl 1.1 requires of every Body exist but stay empty.
- Every version of a report is a Paper of its own with the report number as `reference`; versions
  after the first say "(Version N)" in their name and `quartiersportal:version`, and the public
  versions of a number point to each other in `relatedPaper`. A superseded version stays in the
  archive and valid as published, so it is not deleted.
- Nothing published here is hard-deleted and withdrawal is not recorded, so `deleted` is always
  false. A Gremium that is no longer active gets an `endDate` instead: the day of its last public
  meeting, else the day it was last changed.
- `modified` of a meeting includes its agenda items, of a paper its consultations, its council
  paper and its other versions: they are embedded, and clients sync by `modified`.
- `meetingState` uses the values the specification recommends: planned → "terminiert", held →
  "eingeladen" (until the minutes are released), documented → "durchgeführt". A meeting without a
  start time starts at 00:00 (OParl has no start without a time).
- Consultation: `role` is the Zuständigkeit, `authoritative` is true for "Entscheidung". A
  Gremium that is not recorded in the portal appears as `quartiersportal:organizationName`; the
  date and public flag of the row as `quartiersportal:date` and `quartiersportal:public`. No
  meeting is linked: our data does not record in which meeting a row was dealt with.
- File: OParl knows SHA-1 (deprecated) and SHA-512 checksums; we store SHA-256 and give it as
  `quartiersportal:sha256Checksum` (vendor-prefixed properties are allowed). `accessUrl` shows the
  PDF inline, `downloadUrl` is the archive's download; both send it only if its hash still matches.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from berichte import ablage
from berichte.models import Beratung, Bericht
from beteiligung.models import Gremium, Sitzung, Tagesordnungspunkt
from kern.fehler import Regelverstoss
from quartiere.models import Gebiet

SCHEMA = "https://schema.oparl.org/1.1/"
HERSTELLER = "quartiersportal:"
SEITENGROESSE = 100

NICHT_GEFUNDEN = "Dieses Objekt gibt es nicht oder es ist nicht öffentlich."
SEITE_FEHLT = "Diese Listenseite gibt es nicht."
SEITE_UNGUELTIG = "Der Parameter page muss eine ganze Zahl ab 1 sein."
ZEITPUNKT_UNGUELTIG = ("Der Parameter {name} braucht einen Zeitpunkt nach ISO 8601 mit Datum und Uhrzeit, "
                       "z. B. 2026-01-31T08:00:00+01:00.")

# Filter parameter -> lookup on the annotated queryset of every list.
FILTER = {
    "created_since": "created__gte",
    "created_until": "created__lte",
    "modified_since": "oparl_modified__gte",
    "modified_until": "oparl_modified__lte",
}

SITZUNGSSTATUS = {
    Sitzung.Status.GEPLANT: "terminiert",
    Sitzung.Status.DURCHGEFUEHRT: "eingeladen",
    Sitzung.Status.DOKUMENTIERT: "durchgeführt",
}
# OParl asks for "Parlament" for the council and for precise, unabbreviated kinds.
KLASSIFIKATION = {Gremium.Art.RAT: "Parlament", Gremium.Art.AUSSCHUSS: "Ausschuss"}


class Ungueltig(Regelverstoss):
    """A request parameter OParl cannot answer (e.g. a malformed timestamp)."""


def _zone():
    return timezone.get_default_timezone()


def _zeit(wert: dt.datetime) -> str:
    return wert.astimezone(_zone()).isoformat(timespec="seconds")


def _tageszeit(datum: dt.date, uhrzeit: dt.time | None) -> str:
    return dt.datetime.combine(datum, uhrzeit or dt.time(0), tzinfo=_zone()).isoformat(timespec="seconds")


def _in_stadt(feld: str, stadt_id: int) -> Q:
    return Q(**{f"{feld}_id": stadt_id}) | Q(**{f"{feld}__stadt_id": stadt_id})


def _stadt_id(gebiet: Gebiet) -> int:
    return gebiet.stadt_id or gebiet.pk


def _berichtsname(bericht: Bericht) -> str:
    return bericht.titel if bericht.version == 1 else f"{bericht.titel} (Version {bericht.version})"


def _neuestes(queryset: QuerySet, feld: str = "modified") -> Subquery:
    return Subquery(queryset.order_by(f"-{feld}").values(feld)[:1])


# Querysets of what the interface shows, annotated with `oparl_modified` for the filters.

def gremien() -> QuerySet[Gremium]:
    letzte_sitzung = _neuestes(Sitzung.objects.filter(gremium=OuterRef("pk"), oeffentlich=True), "datum")
    return Gremium.objects.select_related("gebiet").annotate(letzte_sitzung=letzte_sitzung,
                                                              oparl_modified=F("modified"))


def sitzungen() -> QuerySet[Sitzung]:
    tops = _neuestes(Tagesordnungspunkt.objects.filter(sitzung=OuterRef("pk")))
    return (Sitzung.objects.filter(oeffentlich=True).prefetch_related("tagesordnungspunkte")
            .annotate(oparl_modified=Greatest("modified", Coalesce(tops, "modified"))))


def tagesordnungspunkte() -> QuerySet[Tagesordnungspunkt]:
    davor = (Tagesordnungspunkt.objects.filter(sitzung=OuterRef("sitzung"), nummer__lt=OuterRef("nummer"))
             .order_by().values("sitzung").annotate(n=Count("pk")).values("n"))
    return Tagesordnungspunkt.objects.filter(sitzung__oeffentlich=True).annotate(
        position=Coalesce(Subquery(davor), 0), oparl_modified=F("modified"))


def orte() -> QuerySet[Sitzung]:
    return Sitzung.objects.filter(oeffentlich=True).exclude(ort="").annotate(oparl_modified=F("modified"))


def _mit_stadt(berichte: QuerySet[Bericht]) -> QuerySet[Bericht]:
    return berichte.annotate(body_id=Coalesce("gebiet__stadt_id", "gebiet_id", "programm__stadt_id",
                                              "vorlage__stadt_id", output_field=models.BigIntegerField()))


def dateien() -> QuerySet[Bericht]:
    return _mit_stadt(Bericht.objects.filter(oeffentlich=True)).annotate(oparl_modified=F("modified"))


def papiere() -> QuerySet[Bericht]:
    versionen = _neuestes(Bericht.objects.filter(oeffentlich=True, jahr=OuterRef("jahr"),
                                                 laufnummer=OuterRef("laufnummer")))
    beratungen = _neuestes(Beratung.objects.filter(vorlage=OuterRef("vorlage")))
    return (_mit_stadt(Bericht.objects.filter(oeffentlich=True)).select_related("vorlage")
            .prefetch_related(Prefetch("vorlage__beratungen", queryset=Beratung.objects.select_related("gremium")))
            .annotate(oparl_modified=Greatest("modified", Coalesce(versionen, "modified"),
                                              Coalesce("vorlage__modified", "modified"),
                                              Coalesce(beratungen, "modified"))))


def beratungen(berichte: QuerySet[Bericht]) -> QuerySet[Beratung]:
    """One row per pair of a public paper and a row of its council paper's consultation sequence."""
    return (Beratung.objects.select_related("gremium").annotate(bericht_id=F("vorlage__berichte__pk"))
            .filter(bericht_id__in=berichte.values("pk")).annotate(oparl_modified=F("modified")))


class Darstellung:
    """Turns model objects into OParl objects whose URLs are absolute for the current request."""

    def __init__(self, request):
        self.request = request

    def url(self, name: str, *args) -> str:
        return self.request.build_absolute_uri(reverse(name if ":" in name else f"oparl:{name}", args=args))

    @staticmethod
    def _kopf(id_url: str, typ: str) -> dict:
        return {"id": id_url, "type": SCHEMA + typ}

    @staticmethod
    def _zeiten(obj, modified: dt.datetime | None = None) -> dict:
        return {"created": _zeit(obj.created), "modified": _zeit(modified or obj.modified), "deleted": False}

    def system(self) -> dict:
        return {**self._kopf(self.url("system"), "System"), "oparlVersion": SCHEMA, "name": "Quartiersportal",
                "body": self.url("bodies"), "website": self.request.build_absolute_uri("/"), "deleted": False}

    def body(self, stadt: Gebiet) -> dict:
        listen = {eigenschaft: self.url(f"body_{name}", stadt.pk) for eigenschaft, name in BODY_LISTEN.items()}
        return {**self._kopf(self.url("body", stadt.pk), "Body"), "system": self.url("system"), "name": stadt.name,
                "classification": stadt.get_art_display(), **listen, "legislativeTerm": [],
                **self._zeiten(stadt)}

    def organization(self, gremium: Gremium) -> dict:
        daten = {**self._kopf(self.url("organization", gremium.pk), "Organization"),
                 "body": self.url("body", _stadt_id(gremium.gebiet)), "name": gremium.name,
                 "organizationType": "Gremium",
                 "classification": KLASSIFIKATION.get(gremium.art, gremium.get_art_display()),
                 "meeting": self.url("organization_meeting", gremium.pk)}
        if gremium.gebiet.stadt_id:
            daten["keyword"] = [gremium.gebiet.name]
        if not gremium.aktiv:
            ende = gremium.letzte_sitzung or gremium.modified.astimezone(_zone()).date()
            daten["endDate"] = ende.isoformat()
        return {**daten, **self._zeiten(gremium)}

    def meeting(self, sitzung: Sitzung) -> dict:
        daten = {**self._kopf(self.url("meeting", sitzung.pk), "Meeting"), "name": sitzung.titel,
                 "meetingState": SITZUNGSSTATUS[sitzung.status], "start": _tageszeit(sitzung.datum, sitzung.beginn)}
        if sitzung.ende:
            daten["end"] = _tageszeit(sitzung.datum, sitzung.ende)
        if sitzung.ort:
            daten["location"] = self.location(sitzung, eingebettet=True)
        daten["organization"] = [self.url("organization", sitzung.gremium_id)]
        tops = sitzung.tagesordnungspunkte.all()
        if tops:
            daten["agendaItem"] = [self.agenda_item(top, position, eingebettet=True)
                                   for position, top in enumerate(tops)]
        return {**daten, **self._zeiten(sitzung, sitzung.oparl_modified)}

    def agenda_item(self, top: Tagesordnungspunkt, position: int, *, eingebettet: bool = False) -> dict:
        daten = {**self._kopf(self.url("agendaitem", top.pk), "AgendaItem")}
        if not eingebettet:
            daten["meeting"] = self.url("meeting", top.sitzung_id)
        return {**daten, "number": str(top.nummer), "order": position, "name": top.titel, "public": True,
                **self._zeiten(top)}

    def location(self, sitzung: Sitzung, *, eingebettet: bool = False) -> dict:
        daten = {**self._kopf(self.url("location", sitzung.pk), "Location"), "description": sitzung.ort}
        if not eingebettet:
            daten["meetings"] = [self.url("meeting", sitzung.pk)]
        return {**daten, **self._zeiten(sitzung)}

    def papers(self, berichte: list[Bericht]) -> list[dict]:
        andere = _andere_versionen(berichte)
        return [self.paper(b, andere[b.pk]) for b in berichte]

    def paper(self, bericht: Bericht, andere_versionen: Iterable[int]) -> dict:
        daten = {**self._kopf(self.url("paper", bericht.pk), "Paper")}
        if bericht.body_id:
            daten["body"] = self.url("body", bericht.body_id)
        daten.update({"name": _berichtsname(bericht), "reference": bericht.nummer, "date": bericht.datum.isoformat(),
                      "paperType": bericht.get_art_display(), HERSTELLER + "version": bericht.version})
        if andere_versionen:
            daten["relatedPaper"] = [self.url("paper", pk) for pk in andere_versionen]
        daten["mainFile"] = self.file(bericht, eingebettet=True)
        zeilen = bericht.vorlage.beratungen.all() if bericht.vorlage_id else []
        if zeilen:
            daten["consultation"] = [self.consultation(bericht.pk, z, eingebettet=True) for z in zeilen]
        daten["web"] = self.url("berichte:bericht", bericht.pk)
        return {**daten, **self._zeiten(bericht, bericht.oparl_modified)}

    def file(self, bericht: Bericht, *, eingebettet: bool = False) -> dict:
        daten = {**self._kopf(self.url("file", bericht.pk), "File"), "name": _berichtsname(bericht),
                 "fileName": bericht.dateiname, "mimeType": "application/pdf", "date": bericht.datum.isoformat(),
                 "size": bericht.dateigroesse, HERSTELLER + "sha256Checksum": bericht.sha256,
                 "accessUrl": self.url("file_access", bericht.pk), "downloadUrl": self.url("berichte:pdf", bericht.pk)}
        if not eingebettet:
            daten["paper"] = [self.url("paper", bericht.pk)]
        return {**daten, **self._zeiten(bericht)}

    def consultation(self, bericht_pk: int, beratung: Beratung, *, eingebettet: bool = False) -> dict:
        daten = {**self._kopf(self.url("consultation", bericht_pk, beratung.pk), "Consultation")}
        if not eingebettet:
            daten["paper"] = self.url("paper", bericht_pk)
        if beratung.gremium_id:
            daten["organization"] = [self.url("organization", beratung.gremium_id)]
        else:
            daten[HERSTELLER + "organizationName"] = beratung.gremium_name
        daten.update({"role": beratung.get_zustaendigkeit_display(),
                      "authoritative": beratung.zustaendigkeit == Beratung.Zustaendigkeit.ENTSCHEIDUNG,
                      HERSTELLER + "public": beratung.oeffentlich})
        if beratung.datum:
            daten[HERSTELLER + "date"] = beratung.datum.isoformat()
        return {**daten, **self._zeiten(beratung)}


def _andere_versionen(berichte: list[Bericht]) -> defaultdict[int, list[int]]:
    """For each report of the page, the public versions of the same number besides itself (one query)."""
    andere: defaultdict[int, list[int]] = defaultdict(list)
    nummern = {(b.jahr, b.laufnummer) for b in berichte}
    if not nummern:
        return andere
    gleiche_nummer = functools.reduce(operator.or_, (Q(jahr=j, laufnummer=n) for j, n in nummern))
    versionen = defaultdict(list)
    for pk, jahr, laufnummer in (Bericht.objects.filter(gleiche_nummer, oeffentlich=True).order_by("version")
                                 .values_list("pk", "jahr", "laufnummer")):
        versionen[jahr, laufnummer].append(pk)
    for bericht in berichte:
        andere[bericht.pk] = [pk for pk in versionen[bericht.jahr, bericht.laufnummer] if pk != bericht.pk]
    return andere


# Responses, filters and pagination.

def _antwort(daten: dict, status: int = 200) -> JsonResponse:
    antwort = JsonResponse(daten, status=status, json_dumps_params={"ensure_ascii": False},
                           content_type="application/json; charset=utf-8")
    # OParl requires every JSON answer to be readable by scripts of other origins.
    antwort["Access-Control-Allow-Origin"] = "*"
    return antwort


def _fehler(status: int, meldung: str) -> JsonResponse:
    return _antwort({"type": "Error", "message": meldung}, status=status)


def _oparl(view):
    @functools.wraps(view)
    def mit_fehlern(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404 as exc:
            return _fehler(404, str(exc) or NICHT_GEFUNDEN)
        except Ungueltig as exc:
            return _fehler(400, exc.meldung)

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
    return timezone.make_aware(zeitpunkt, _zone()) if timezone.is_naive(zeitpunkt) else zeitpunkt


def _filter(request) -> tuple[dict, dict]:
    """The list filters of the request as lookups, and their raw values to keep them in the page links."""
    lookups, werte = {}, {}
    for name, lookup in FILTER.items():
        if name in request.GET:
            lookups[lookup] = _zeitpunkt(name, request.GET[name])
            werte[name] = request.GET[name]
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
    paginator = Paginator(queryset.filter(**lookups).order_by(*ordnung), SEITENGROESSE)
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
        "pagination": {"totalElements": paginator.count, "elementsPerPage": SEITENGROESSE, "currentPage": nummer,
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
    return _liste(request, Gebiet.objects.staedte().annotate(oparl_modified=F("modified")),
                  lambda staedte: [aus.body(s) for s in staedte])


@_oparl
def body(request, pk: int):
    return _antwort(Darstellung(request).body(_stadt(pk)))


def _body_liste(request, stadt_id: int, art: str):
    aus = Darstellung(request)
    in_stadt = functools.partial(_in_stadt, stadt_id=stadt_id)
    if art == "organization":
        return _liste(request, gremien().filter(in_stadt("gebiet")), lambda gs: [aus.organization(g) for g in gs])
    if art == "meeting":
        return _liste(request, sitzungen().filter(in_stadt("gremium__gebiet")),
                      lambda ss: [aus.meeting(s) for s in ss])
    if art == "agendaitem":
        return _liste(request, tagesordnungspunkte().filter(in_stadt("sitzung__gremium__gebiet")),
                      lambda tops: [aus.agenda_item(t, t.position) for t in tops])
    if art == "location":
        return _liste(request, orte().filter(in_stadt("gremium__gebiet")), lambda ss: [aus.location(s) for s in ss])
    if art == "paper":
        return _liste(request, papiere().filter(body_id=stadt_id), aus.papers)
    if art == "file":
        return _liste(request, dateien().filter(body_id=stadt_id), lambda bs: [aus.file(b) for b in bs])
    if art == "consultation":
        return _liste(request, beratungen(dateien().filter(body_id=stadt_id)),
                      lambda zeilen: [aus.consultation(z.bericht_id, z) for z in zeilen],
                      ordnung=("bericht_id", "reihenfolge", "pk"))
    # Persons, memberships and legislative terms are never published.
    return _liste(request, Gebiet.objects.none(), lambda leer: [])


def _body_liste_view(art: str):
    @_oparl
    def liste(request, pk: int):
        _stadt(pk)
        return _body_liste(request, pk, art)

    liste.__name__ = f"body_{art}"
    return liste


# Property of the Body -> name of its list (URL `body/<pk>/<name>/`).
BODY_LISTEN = {
    "organization": "organization", "person": "person", "meeting": "meeting", "paper": "paper",
    "agendaItem": "agendaitem", "consultation": "consultation", "file": "file", "locationList": "location",
    "legislativeTermList": "legislativeterm", "membership": "membership",
}


@_oparl
def organization(request, pk: int):
    return _antwort(Darstellung(request).organization(_objekt(gremien(), pk=pk)))


@_oparl
def organization_meeting(request, pk: int):
    _objekt(Gremium.objects.all(), pk=pk)
    aus = Darstellung(request)
    return _liste(request, sitzungen().filter(gremium_id=pk), lambda ss: [aus.meeting(s) for s in ss])


@_oparl
def meeting(request, pk: int):
    return _antwort(Darstellung(request).meeting(_objekt(sitzungen(), pk=pk)))


@_oparl
def agendaitem(request, pk: int):
    top = _objekt(tagesordnungspunkte(), pk=pk)
    return _antwort(Darstellung(request).agenda_item(top, top.position))


@_oparl
def location(request, pk: int):
    return _antwort(Darstellung(request).location(_objekt(orte(), pk=pk)))


@_oparl
def paper(request, pk: int):
    bericht = _objekt(papiere(), pk=pk)
    return _antwort(Darstellung(request).papers([bericht])[0])


@_oparl
def consultation(request, paper: int, pk: int):
    zeile = _objekt(beratungen(Bericht.objects.filter(oeffentlich=True, pk=paper)), pk=pk)
    return _antwort(Darstellung(request).consultation(paper, zeile))


@_oparl
def file(request, pk: int):
    return _antwort(Darstellung(request).file(_objekt(dateien(), pk=pk)))


@_oparl
def file_access(request, pk: int):
    """The PDF for viewing: OParl forbids `attachment` here; the download is berichte:pdf."""
    bericht = _objekt(Bericht.objects.filter(oeffentlich=True), pk=pk)
    try:
        daten = ablage.geprueft_lesen(bericht)
    except ablage.DateiUngueltig as exc:
        return _fehler(409, exc.meldung)
    antwort = HttpResponse(daten, content_type="application/pdf")
    antwort["Content-Disposition"] = ablage.content_disposition(bericht.dateiname, als_anhang=False)
    antwort["Content-Length"] = str(len(daten))
    antwort["ETag"] = f'"{bericht.sha256}"'
    antwort["Cache-Control"] = "public, max-age=86400"
    return antwort


app_name = "oparl"

urlpatterns = [
    path("", system, name="system"),
    path("body/", bodies, name="bodies"),
    path("body/<int:pk>/", body, name="body"),
    *(path(f"body/<int:pk>/{name}/", _body_liste_view(name), name=f"body_{name}") for name in BODY_LISTEN.values()),
    path("organization/<int:pk>/", organization, name="organization"),
    path("organization/<int:pk>/meeting/", organization_meeting, name="organization_meeting"),
    path("meeting/<int:pk>/", meeting, name="meeting"),
    path("agendaitem/<int:pk>/", agendaitem, name="agendaitem"),
    path("location/<int:pk>/", location, name="location"),
    path("paper/<int:pk>/", paper, name="paper"),
    path("paper/<int:paper>/consultation/<int:pk>/", consultation, name="consultation"),
    path("file/<int:pk>/", file, name="file"),
    path("file/<int:pk>/access/", file_access, name="file_access"),
]
