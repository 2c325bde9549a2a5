"""What the OParl interface shows: querysets of public objects, annotated with `oparl_modified` for the filters."""

from __future__ import annotations

import functools
import operator
from collections import defaultdict
from collections.abc import Iterable

import hashlib
import re

from django.db import models
from django.db.models import Count, F, Max, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest

from berichte.models import Beratung, Bericht, Berichtsart
from beteiligung.models import Gremium, Sitzung, Tagesordnungspunkt
from quartiere.models import Einrichtung, Gebiet


def _neuestes(queryset: QuerySet, feld: str = "modified") -> Subquery:
    return Subquery(queryset.order_by(f"-{feld}").values(feld)[:1])


def staedte() -> QuerySet[Gebiet]:
    return Gebiet.objects.staedte().annotate(oparl_created=F("created"), oparl_modified=F("modified"))


def gremien() -> QuerySet[Gremium]:
    letzte_sitzung = _neuestes(Sitzung.objects.oeffentlich().filter(gremium=OuterRef("pk")), "datum")
    return Gremium.objects.select_related("gebiet").annotate(letzte_sitzung=letzte_sitzung,
                                                              oparl_created=F("created"), oparl_modified=F("modified"))


_ORT_STADT = Coalesce("gremium__gebiet__stadt_id", "gremium__gebiet_id")
_MIT_BESCHLUESSEN = Prefetch("tagesordnungspunkte",
                             queryset=Tagesordnungspunkt.objects.prefetch_related("beschluesse"))


def sitzungen() -> QuerySet[Sitzung]:
    """Public meetings; withdrawn ones stay in the lists, shown as deleted."""
    tops = _neuestes(Tagesordnungspunkt.objects.filter(sitzung=OuterRef("pk")))
    return (Sitzung.objects.oeffentlich_mit_zurueckgezogenen().prefetch_related(_MIT_BESCHLUESSEN)
            .annotate(ort_stadt=_ORT_STADT, oparl_created=F("created"),
                      oparl_modified=Greatest("modified", Coalesce(tops, "modified"))))


def tagesordnungspunkte() -> QuerySet[Tagesordnungspunkt]:
    davor = (Tagesordnungspunkt.objects.filter(sitzung=OuterRef("sitzung"), nummer__lt=OuterRef("nummer"))
             .order_by().values("sitzung").annotate(n=Count("pk")).values("n"))
    return Tagesordnungspunkt.objects.oeffentlich_mit_zurueckgezogenen().prefetch_related("beschluesse").annotate(
        position=Coalesce(Subquery(davor), 0), zurueckgezogen_am=F("sitzung__zurueckgezogen_am"),
        oparl_created=F("created"),
        oparl_modified=Greatest("modified", Coalesce("sitzung__zurueckgezogen_am", "modified")))


# Places: one Location per distinct place text of the public meetings of a city.

def ortsschluessel(stadt_id: int, ort: str) -> str:
    """The stable key of a place in its Location URL: the city and a digest of the place's text."""
    return f"{stadt_id}-{hashlib.sha256(ort.encode()).hexdigest()[:20]}"


def orte(stadt_id: int | None = None) -> QuerySet:
    """One row (a dict) per place of the public meetings, withdrawn ones included: `ort`, `ort_stadt`, its first
    meeting `erste`, the times of its meetings and `aktiv`, how many of them are not withdrawn (a place whose
    meetings are all withdrawn is shown as deleted, `zurueckgezogen_am` its last withdrawal)."""
    sitzungen = Sitzung.objects.oeffentlich_mit_zurueckgezogenen().exclude(ort="")
    if stadt_id is not None:
        sitzungen = sitzungen.in_stadt(stadt_id)
    return (sitzungen.annotate(ort_stadt=_ORT_STADT).order_by().values("ort", "ort_stadt")
            .annotate(erste=Min("pk"), oparl_created=Min("created"),
                      oparl_modified=Max(Greatest("modified", Coalesce("zurueckgezogen_am", "modified"))),
                      aktiv=Count("pk", filter=Q(zurueckgezogen_am__isnull=True)),
                      zurueckgezogen_am=Max("zurueckgezogen_am")))


def orte_von(paare: set[tuple[int, str]], *, mit_sitzungen: bool = True) -> dict[tuple[int, str], dict]:
    """The place rows of (city, place text) pairs with their addresses and, if asked, the ids of their public
    meetings (two or three queries)."""
    if not paare:
        return {}
    stadt_ids, texte = {s for s, _ in paare}, {o for _, o in paare}
    zeilen = {(z["ort_stadt"], z["ort"]): {**z, "sitzungen": []} for z in orte().filter(ort__in=texte)
              if (z["ort_stadt"], z["ort"]) in paare}
    sitzungen = Sitzung.objects.oeffentlich().filter(ort__in=texte) if mit_sitzungen else Sitzung.objects.none()
    for pk, stadt, ort in (sitzungen.annotate(ort_stadt=_ORT_STADT).filter(ort_stadt__in=stadt_ids).order_by("pk")
                           .values_list("pk", "ort_stadt", "ort")):
        if (stadt, ort) in zeilen:
            zeilen[stadt, ort]["sitzungen"].append(pk)
    adressen = _adressen(stadt_ids, texte)
    for (stadt, ort), zeile in zeilen.items():
        zeile["adresse"] = adresse_lesen(ort) or adressen.get((stadt, ort))
    return zeilen


_ADRESSE = re.compile(r"(?P<strasse>[^,]*\d[^,]*),\s*(?P<plz>\d{5})\s+(?P<ort>[^,]+)$")


def adresse_lesen(text: str) -> dict | None:
    """Street, postcode and town from the end of a text such as "Haus X, Amersfoorter Straße 8, 28259 Bremen"."""
    treffer = _ADRESSE.search(text.strip())
    if treffer is None:
        return None
    return {"streetAddress": treffer["strasse"].strip(), "postalCode": treffer["plz"],
            "locality": treffer["ort"].strip()}


def _adressen(stadt_ids: set[int], texte: set[str]) -> dict[tuple[int, str], dict]:
    """Addresses of places that name a facility of the city (its name or the start of it), one query."""
    bedingung = functools.reduce(operator.or_, (Q(name__istartswith=t) for t in texte))
    gefunden: dict[tuple[int, str], dict] = {}
    for name, adresse, stadt in (Einrichtung.objects.exclude(adresse="").filter(bedingung)
                                 .annotate(e_stadt=Coalesce("gebiet__stadt_id", "gebiet_id"))
                                 .filter(e_stadt__in=stadt_ids).order_by("pk")
                                 .values_list("name", "adresse", "e_stadt")):
        for text in texte:
            if name.casefold().startswith(text.casefold()) and (gelesen := adresse_lesen(adresse)):
                gefunden.setdefault((stadt, text), gelesen)
    return gefunden


def protokolle(sitzung_ids: Iterable[int]) -> dict[int, Bericht]:
    """For each meeting, the newest public version of its published documentation (one query)."""
    ids = list(sitzung_ids)
    if not ids:
        return {}
    gefunden: dict[int, Bericht] = {}
    for bericht in (Bericht.objects.oeffentlich().filter(art=Berichtsart.SITZUNGSDOKUMENTATION,
                                                         parameter__sitzung__in=ids).order_by("version")):
        gefunden[bericht.parameter["sitzung"]] = bericht
    return gefunden


def _woerter(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def beratungssitzungen(zeilen: Iterable[Beratung]) -> dict[int, tuple[Sitzung, Tagesordnungspunkt | None]]:
    """For each consultation row, the public meeting of its body on its date (if there is exactly one) and
    the agenda item there that names the paper's subject (two queries)."""
    paare = {(z.gremium_id, z.datum) for z in zeilen if z.gremium_id and z.datum}
    if not paare:
        return {}
    bedingung = functools.reduce(operator.or_, (Q(gremium_id=g, datum=d) for g, d in paare))
    je_paar: defaultdict[tuple, list[Sitzung]] = defaultdict(list)
    for sitzung in Sitzung.objects.oeffentlich().filter(bedingung).prefetch_related("tagesordnungspunkte"):
        je_paar[sitzung.gremium_id, sitzung.datum].append(sitzung)
    gefunden = {}
    for zeile in zeilen:
        kandidaten = je_paar.get((zeile.gremium_id, zeile.datum), [])
        if len(kandidaten) != 1:
            continue
        betreff = _woerter(zeile.vorlage.betreff)
        tops = [t for t in kandidaten[0].tagesordnungspunkte.all() if betreff and betreff in _woerter(t.titel)]
        gefunden[zeile.pk] = (kandidaten[0], tops[0] if len(tops) == 1 else None)
    return gefunden


def _mit_stadt(berichte: QuerySet[Bericht]) -> QuerySet[Bericht]:
    return berichte.annotate(body_id=Coalesce("gebiet__stadt_id", "gebiet_id", "programm__stadt_id",
                                              "vorlage__stadt_id", output_field=models.BigIntegerField()))


def _jemals_oeffentlich() -> QuerySet[Bericht]:
    """Every report ever public, with `ungueltig_seit`: withdrawn, replaced by a newer version (the old file is
    kept for staff only) or of a withdrawn meeting; OParl shows these as deleted, modified at that time."""
    return _mit_stadt(Bericht.objects.oeffentlich_mit_zurueckgezogenen().mit_ende())


def dateien() -> QuerySet[Bericht]:
    return _jemals_oeffentlich().annotate(oparl_created=F("created"),
                                          oparl_modified=Greatest("modified", Coalesce("ungueltig_seit", "modified")))


def papiere() -> QuerySet[Bericht]:
    versionen = _neuestes(Bericht.objects.oeffentlich_mit_zurueckgezogenen().filter(
        jahr=OuterRef("jahr"), laufnummer=OuterRef("laufnummer")))
    beratungen = _neuestes(Beratung.objects.filter(vorlage=OuterRef("vorlage")))
    return (_jemals_oeffentlich().select_related("vorlage")
            .prefetch_related(Prefetch("vorlage__beratungen",
                                       queryset=Beratung.objects.select_related("gremium", "vorlage")))
            .annotate(oparl_created=F("created"), oparl_modified=Greatest("modified", Coalesce(versionen, "modified"),
                                              Coalesce("vorlage__modified", "modified"),
                                              Coalesce(beratungen, "modified"),
                                              Coalesce("ungueltig_seit", "modified"))))


def beratungen(berichte: QuerySet[Bericht]) -> QuerySet[Beratung]:
    """One row per pair of a public paper and a row of its council paper's consultation sequence; the rows
    of a withdrawn or replaced paper carry that time (they are shown as deleted)."""
    return (Beratung.objects.select_related("gremium", "vorlage")
            .annotate(bericht_id=F("vorlage__berichte__pk"),
                      zurueckgezogen_am=Coalesce("vorlage__berichte__zurueckgezogen_am",
                                                 "vorlage__berichte__ersetzt_durch__created"))
            .filter(bericht_id__in=berichte.values("pk"))
            .annotate(oparl_created=F("created"),
                      oparl_modified=Greatest("modified", Coalesce("zurueckgezogen_am", "modified"))))


def andere_versionen(berichte: list[Bericht]) -> defaultdict[int, list[int]]:
    """For each report of the page, the public versions of the same number besides itself (one query)."""
    andere: defaultdict[int, list[int]] = defaultdict(list)
    nummern = {(b.jahr, b.laufnummer) for b in berichte}
    if not nummern:
        return andere
    gleiche_nummer = functools.reduce(operator.or_, (Q(jahr=j, laufnummer=n) for j, n in nummern))
    versionen = defaultdict(list)
    for pk, jahr, laufnummer in (Bericht.objects.oeffentlich().filter(gleiche_nummer).order_by("version")
                                 .values_list("pk", "jahr", "laufnummer")):
        versionen[jahr, laufnummer].append(pk)
    for bericht in berichte:
        andere[bericht.pk] = [pk for pk in versionen[bericht.jahr, bericht.laufnummer] if pk != bericht.pk]
    return andere
