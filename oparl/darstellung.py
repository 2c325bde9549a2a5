"""Model objects as OParl 1.1 JSON objects; how our data maps onto OParl is told in `oparl/__init__.py`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from berichte.models import Beratung, Bericht
from beteiligung.models import Beschluss, Gremium, Sitzung, Tagesordnungspunkt
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


def _ergebnis(beschluss: Beschluss) -> str:
    text = beschluss.get_art_display()
    if beschluss.stimmen_ja is not None:
        text += (f" (Ja {beschluss.stimmen_ja}, Nein {beschluss.stimmen_nein or 0}, "
                 f"Enthaltungen {beschluss.stimmen_enthaltung or 0})")
    return text


def _ags(stadt: Gebiet) -> str | None:
    """The official municipality key (Amtlicher Gemeindeschlüssel): a city's eight-digit number."""
    return stadt.kennziffer if re.fullmatch(r"\d{8}", stadt.kennziffer or "") else None


def _berichtsname(bericht: Bericht) -> str:
    return bericht.titel if bericht.version == 1 else f"{bericht.titel} (Version {bericht.version})"


class Darstellung:
    """Turns model objects into OParl objects whose URLs are absolute for the current request.

    The `…s` methods turn one page of rows into objects and read what the page embeds in a fixed number
    of queries; the singular methods turn one row with that data."""

    def __init__(self, request):
        self.request = request
        # OParl 1.1: with omit_internal=true a client does not want the internal lists.
        self.ohne_interne = request.GET.get("omit_internal") == "true"

    def url(self, name: str, *args) -> str:
        return self.request.build_absolute_uri(reverse(name if ":" in name else f"oparl:{name}", args=args))

    @staticmethod
    def _kopf(id_url: str, typ: str) -> dict:
        return {"id": id_url, "type": SCHEMA + typ}

    @staticmethod
    def _zeiten(obj, modified: dt.datetime | None = None) -> dict:
        return {"created": _zeit(obj.created), "modified": _zeit(modified or obj.modified), "deleted": False}

    @staticmethod
    def _geloescht(kopf: dict, obj, modified: dt.datetime | None = None, *, seit: dt.datetime | None = None,
                   **pflicht) -> dict:
        """A withdrawn object: OParl keeps id, type and created, `modified` is the withdrawal, the rest goes
        (but for what the schema requires)."""
        modified = max(modified or obj.modified, seit or obj.zurueckgezogen_am)
        return {**kopf, **pflicht, "created": _zeit(obj.created), "modified": _zeit(modified), "deleted": True}

    def system(self) -> dict:
        return {**self._kopf(self.url("system"), "System"), "oparlVersion": SCHEMA, "name": "Quartiersportal",
                "body": self.url("bodies"), "license": settings.OPARL_LICENSE,
                "website": self.request.build_absolute_uri("/"), "deleted": False}

    def body(self, stadt: Gebiet) -> dict:
        listen = {eigenschaft: self.url(f"body_{name}", stadt.pk) for eigenschaft, name in BODY_LISTEN.items()}
        daten = {**self._kopf(self.url("body", stadt.pk), "Body"), "system": self.url("system"),
                 "name": f"Stadt {stadt.name}", "shortName": stadt.name,
                 "license": stadt.lizenz or settings.OPARL_LICENSE}
        if stadt.webseite:
            daten["website"] = stadt.webseite
        if ags := _ags(stadt):
            daten["ags"] = ags
        daten.update({"classification": stadt.get_art_display(), **listen})
        if not self.ohne_interne:
            daten["legislativeTerm"] = []
        return {**daten, **self._zeiten(stadt)}

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

    # Meetings, their agenda items and places.

    def meetings(self, sitzungen: list[Sitzung]) -> list[dict]:
        protokolle = selectors.protokolle(s.pk for s in sitzungen)
        orte = selectors.orte_von({(s.ort_stadt, s.ort) for s in sitzungen if s.ort}, mit_sitzungen=False)
        return [self.meeting(s, protokolle.get(s.pk), orte.get((s.ort_stadt, s.ort))) for s in sitzungen]

    def meeting(self, sitzung: Sitzung, protokoll: Bericht | None, ort: dict | None) -> dict:
        if sitzung.zurueckgezogen_am:
            return self._geloescht(self._kopf(self.url("meeting", sitzung.pk), "Meeting"), sitzung,
                                   sitzung.oparl_modified)
        daten = {**self._kopf(self.url("meeting", sitzung.pk), "Meeting"), "name": sitzung.titel,
                 "meetingState": SITZUNGSSTATUS[sitzung.status], "cancelled": False,
                 "start": _tageszeit(sitzung.datum, sitzung.beginn)}
        if sitzung.ende:
            daten["end"] = _tageszeit(sitzung.datum, sitzung.ende)
        if ort:
            daten["location"] = self.location(ort, eingebettet=True)
        daten["organization"] = [self.url("organization", sitzung.gremium_id)]
        if protokoll:
            daten["resultsProtocol"] = self.file(protokoll, eingebettet=True)
        tops = sitzung.tagesordnungspunkte.all()
        if tops and not self.ohne_interne:
            daten["agendaItem"] = [self.agenda_item(top, position, protokoll is not None, eingebettet=True)
                                   for position, top in enumerate(tops)]
        return {**daten, **self._zeiten(sitzung, sitzung.oparl_modified)}

    def agenda_items(self, tops: list[Tagesordnungspunkt]) -> list[dict]:
        protokolle = selectors.protokolle({t.sitzung_id for t in tops})
        return [self.agenda_item(t, t.position, t.sitzung_id in protokolle) for t in tops]

    def agenda_item(self, top: Tagesordnungspunkt, position: int, protokoll_oeffentlich: bool, *,
                    eingebettet: bool = False) -> dict:
        daten = {**self._kopf(self.url("agendaitem", top.pk), "AgendaItem")}
        if getattr(top, "zurueckgezogen_am", None):
            # The schema requires order.
            return self._geloescht(daten, top, top.oparl_modified, order=position)
        if not eingebettet:
            daten["meeting"] = self.url("meeting", top.sitzung_id)
        daten.update({"number": str(top.nummer), "order": position, "name": top.titel, "public": True})
        # Decisions are published with the meeting's documentation only: before that their text may still
        # name people and is not public.
        beschluesse = list(top.beschluesse.all()) if protokoll_oeffentlich else []
        if beschluesse:
            daten["result"] = "; ".join(_ergebnis(b) for b in beschluesse)
            daten["resolutionText"] = "\n\n".join(b.text for b in beschluesse)
        return {**daten, **self._zeiten(top)}

    def locations(self, zeilen: list[dict]) -> list[dict]:
        orte = selectors.orte_von({(z["ort_stadt"], z["ort"]) for z in zeilen})
        return [self.location(orte[z["ort_stadt"], z["ort"]]) for z in zeilen]

    def location(self, ort: dict, *, eingebettet: bool = False) -> dict:
        schluessel = selectors.ortsschluessel(ort["ort_stadt"], ort["ort"])
        if not eingebettet and not ort.get("aktiv", 1):
            # Every meeting at this place is withdrawn: the place goes with them.
            return {**self._kopf(self.url("location", schluessel), "Location"), "created": _zeit(ort["oparl_created"]),
                    "modified": _zeit(ort["oparl_modified"]), "deleted": True}
        daten = {**self._kopf(self.url("location", schluessel), "Location"), "description": ort["ort"],
                 **(ort.get("adresse") or {})}
        if not eingebettet:
            daten["bodies"] = [self.url("body", ort["ort_stadt"])]
            daten["meetings"] = [self.url("meeting", pk) for pk in ort["sitzungen"]]
        return {**daten, "created": _zeit(ort["oparl_created"]), "modified": _zeit(ort["oparl_modified"]),
                "deleted": False}

    # Papers, files and consultations.

    def papers(self, berichte: list[Bericht]) -> list[dict]:
        andere = selectors.andere_versionen(berichte)
        zeilen = [z for b in berichte if b.vorlage_id for z in b.vorlage.beratungen.all()]
        sitzungen = selectors.beratungssitzungen(zeilen)
        return [self.paper(b, andere[b.pk], sitzungen) for b in berichte]

    def paper(self, bericht: Bericht, andere_versionen: Iterable[int], sitzungen: dict) -> dict:
        daten = {**self._kopf(self.url("paper", bericht.pk), "Paper")}
        if getattr(bericht, "ungueltig_seit", None):  # a meeting embeds only its valid documentation
            return self._geloescht(daten, bericht, bericht.oparl_modified, seit=bericht.ungueltig_seit)
        if bericht.body_id:
            daten["body"] = self.url("body", bericht.body_id)
        daten.update({"name": _berichtsname(bericht), "reference": bericht.nummer, "date": bericht.datum.isoformat(),
                      "paperType": bericht.get_art_display(), HERSTELLER + "version": bericht.version})
        if andere_versionen:
            daten["relatedPaper"] = [self.url("paper", pk) for pk in andere_versionen]
        daten["mainFile"] = self.file(bericht, eingebettet=True)
        zeilen = bericht.vorlage.beratungen.all() if bericht.vorlage_id else []
        if zeilen:
            daten["consultation"] = [self.consultation(bericht.pk, z, sitzungen.get(z.pk), eingebettet=True)
                                     for z in zeilen]
        daten["web"] = self.url("berichte:bericht", bericht.pk)
        return {**daten, **self._zeiten(bericht, bericht.oparl_modified)}

    def file(self, bericht: Bericht, *, eingebettet: bool = False) -> dict:
        if getattr(bericht, "ungueltig_seit", None):  # a meeting embeds only its valid documentation
            # Withdrawn or replaced by a newer version. The schema requires accessUrl; it answers 410 Gone.
            return self._geloescht(self._kopf(self.url("file", bericht.pk), "File"), bericht,
                                   seit=bericht.ungueltig_seit, accessUrl=self.url("file_access", bericht.pk))
        daten = {**self._kopf(self.url("file", bericht.pk), "File"), "name": _berichtsname(bericht),
                 "fileName": bericht.dateiname, "mimeType": "application/pdf", "date": bericht.datum.isoformat(),
                 "size": bericht.dateigroesse, HERSTELLER + "sha256Checksum": bericht.sha256,
                 "accessUrl": self.url("file_access", bericht.pk), "downloadUrl": self.url("berichte:pdf", bericht.pk)}
        if bericht.sha512:
            daten["sha512Checksum"] = bericht.sha512
        if not eingebettet:
            daten["paper"] = [self.url("paper", bericht.pk)]
        return {**daten, **self._zeiten(bericht)}

    def consultations(self, zeilen: list[Beratung]) -> list[dict]:
        sitzungen = selectors.beratungssitzungen(zeilen)
        return [self.consultation(z.bericht_id, z, sitzungen.get(z.pk)) for z in zeilen]

    def consultation(self, bericht_pk: int, beratung: Beratung, sitzung: tuple | None, *,
                     eingebettet: bool = False) -> dict:
        daten = {**self._kopf(self.url("consultation", bericht_pk, beratung.pk), "Consultation")}
        if getattr(beratung, "zurueckgezogen_am", None):
            return self._geloescht(daten, beratung, beratung.oparl_modified)
        if not eingebettet:
            daten["paper"] = self.url("paper", bericht_pk)
        if sitzung:
            daten["meeting"] = self.url("meeting", sitzung[0].pk)
            if sitzung[1] is not None:
                daten["agendaItem"] = self.url("agendaitem", sitzung[1].pk)
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
