"""Model objects as OParl 1.1 JSON objects; how our data maps onto OParl is told in `oparl/__init__.py`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone

from berichte.models import Beratung, Bericht
from beteiligung.models import Gremium, Sitzung, Tagesordnungspunkt
from quartiere.models import Gebiet

from . import selectors

SCHEMA = "https://schema.oparl.org/1.1/"
HERSTELLER = "quartiersportal:"

SITZUNGSSTATUS = {
    Sitzung.Status.GEPLANT: "terminiert",
    Sitzung.Status.DURCHGEFUEHRT: "eingeladen",
    Sitzung.Status.DOKUMENTIERT: "durchgeführt",
}
# OParl asks for "Parlament" for the council and for precise, unabbreviated kinds.
KLASSIFIKATION = {Gremium.Art.RAT: "Parlament", Gremium.Art.AUSSCHUSS: "Ausschuss"}

# Property of the Body -> name of its list (URL `body/<pk>/<name>/`).
BODY_LISTEN = {
    "organization": "organization", "person": "person", "meeting": "meeting", "paper": "paper",
    "agendaItem": "agendaitem", "consultation": "consultation", "file": "file", "locationList": "location",
    "legislativeTermList": "legislativeterm", "membership": "membership",
}


def zeitzone():
    return timezone.get_default_timezone()


def _zeit(wert: dt.datetime) -> str:
    return wert.astimezone(zeitzone()).isoformat(timespec="seconds")


def _tageszeit(datum: dt.date, uhrzeit: dt.time | None) -> str:
    return dt.datetime.combine(datum, uhrzeit or dt.time(0), tzinfo=zeitzone()).isoformat(timespec="seconds")


def _stadt_id(gebiet: Gebiet) -> int:
    return gebiet.stadt_id or gebiet.pk


def _berichtsname(bericht: Bericht) -> str:
    return bericht.titel if bericht.version == 1 else f"{bericht.titel} (Version {bericht.version})"


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

    @staticmethod
    def _geloescht(kopf: dict, obj, modified: dt.datetime | None = None, **pflicht) -> dict:
        """A withdrawn object: OParl keeps id, type and created, `modified` is the withdrawal, the rest goes
        (but for what the schema requires)."""
        modified = max(modified or obj.modified, obj.zurueckgezogen_am)
        return {**kopf, **pflicht, "created": _zeit(obj.created), "modified": _zeit(modified), "deleted": True}

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
            ende = gremium.letzte_sitzung or gremium.modified.astimezone(zeitzone()).date()
            daten["endDate"] = ende.isoformat()
        return {**daten, **self._zeiten(gremium)}

    def meeting(self, sitzung: Sitzung) -> dict:
        if sitzung.zurueckgezogen_am:
            return self._geloescht(self._kopf(self.url("meeting", sitzung.pk), "Meeting"), sitzung,
                                   sitzung.oparl_modified)
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
        if getattr(top, "zurueckgezogen_am", None):
            return self._geloescht(daten, top, top.oparl_modified)
        if not eingebettet:
            daten["meeting"] = self.url("meeting", top.sitzung_id)
        return {**daten, "number": str(top.nummer), "order": position, "name": top.titel, "public": True,
                **self._zeiten(top)}

    def location(self, sitzung: Sitzung, *, eingebettet: bool = False) -> dict:
        if sitzung.zurueckgezogen_am:
            return self._geloescht(self._kopf(self.url("location", sitzung.pk), "Location"), sitzung)
        daten = {**self._kopf(self.url("location", sitzung.pk), "Location"), "description": sitzung.ort}
        if not eingebettet:
            daten["meetings"] = [self.url("meeting", sitzung.pk)]
        return {**daten, **self._zeiten(sitzung)}

    def papers(self, berichte: list[Bericht]) -> list[dict]:
        andere = selectors.andere_versionen(berichte)
        return [self.paper(b, andere[b.pk]) for b in berichte]

    def paper(self, bericht: Bericht, andere_versionen: Iterable[int]) -> dict:
        daten = {**self._kopf(self.url("paper", bericht.pk), "Paper")}
        if bericht.zurueckgezogen:
            return self._geloescht(daten, bericht, bericht.oparl_modified)
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
        if bericht.zurueckgezogen:
            # The schema requires accessUrl; it answers 410 Gone.
            return self._geloescht(self._kopf(self.url("file", bericht.pk), "File"), bericht,
                                   accessUrl=self.url("file_access", bericht.pk))
        daten = {**self._kopf(self.url("file", bericht.pk), "File"), "name": _berichtsname(bericht),
                 "fileName": bericht.dateiname, "mimeType": "application/pdf", "date": bericht.datum.isoformat(),
                 "size": bericht.dateigroesse, HERSTELLER + "sha256Checksum": bericht.sha256,
                 "accessUrl": self.url("file_access", bericht.pk), "downloadUrl": self.url("berichte:pdf", bericht.pk)}
        if not eingebettet:
            daten["paper"] = [self.url("paper", bericht.pk)]
        return {**daten, **self._zeiten(bericht)}

    def consultation(self, bericht_pk: int, beratung: Beratung, *, eingebettet: bool = False) -> dict:
        daten = {**self._kopf(self.url("consultation", bericht_pk, beratung.pk), "Consultation")}
        if getattr(beratung, "zurueckgezogen_am", None):
            return self._geloescht(daten, beratung, beratung.oparl_modified)
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

