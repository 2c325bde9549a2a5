"""What the OParl interface shows: querysets of public objects, annotated with `oparl_modified` for the filters."""

from __future__ import annotations

import functools
import operator
from collections import defaultdict

from django.db import models
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest

from berichte.models import Beratung, Bericht
from beteiligung.models import Gremium, Sitzung, Tagesordnungspunkt
from quartiere.models import Gebiet


def _neuestes(queryset: QuerySet, feld: str = "modified") -> Subquery:
    return Subquery(queryset.order_by(f"-{feld}").values(feld)[:1])


def staedte() -> QuerySet[Gebiet]:
    return Gebiet.objects.staedte().annotate(oparl_modified=F("modified"))


def gremien() -> QuerySet[Gremium]:
    letzte_sitzung = _neuestes(Sitzung.objects.oeffentlich().filter(gremium=OuterRef("pk")), "datum")
    return Gremium.objects.select_related("gebiet").annotate(letzte_sitzung=letzte_sitzung,
                                                              oparl_modified=F("modified"))


def sitzungen() -> QuerySet[Sitzung]:
    """Public meetings; withdrawn ones stay in the lists, shown as deleted."""
    tops = _neuestes(Tagesordnungspunkt.objects.filter(sitzung=OuterRef("pk")))
    return (Sitzung.objects.oeffentlich_mit_zurueckgezogenen().prefetch_related("tagesordnungspunkte")
            .annotate(oparl_modified=Greatest("modified", Coalesce(tops, "modified"))))


def tagesordnungspunkte() -> QuerySet[Tagesordnungspunkt]:
    davor = (Tagesordnungspunkt.objects.filter(sitzung=OuterRef("sitzung"), nummer__lt=OuterRef("nummer"))
             .order_by().values("sitzung").annotate(n=Count("pk")).values("n"))
    return Tagesordnungspunkt.objects.oeffentlich_mit_zurueckgezogenen().annotate(
        position=Coalesce(Subquery(davor), 0), zurueckgezogen_am=F("sitzung__zurueckgezogen_am"),
        oparl_modified=Greatest("modified", Coalesce("sitzung__zurueckgezogen_am", "modified")))


def orte() -> QuerySet[Sitzung]:
    return Sitzung.objects.oeffentlich_mit_zurueckgezogenen().exclude(ort="").annotate(oparl_modified=F("modified"))


def _mit_stadt(berichte: QuerySet[Bericht]) -> QuerySet[Bericht]:
    return berichte.annotate(body_id=Coalesce("gebiet__stadt_id", "gebiet_id", "programm__stadt_id",
                                              "vorlage__stadt_id", output_field=models.BigIntegerField()))


def dateien() -> QuerySet[Bericht]:
    return _mit_stadt(Bericht.objects.oeffentlich_mit_zurueckgezogenen()).annotate(oparl_modified=F("modified"))


def papiere() -> QuerySet[Bericht]:
    versionen = _neuestes(Bericht.objects.oeffentlich_mit_zurueckgezogenen().filter(
        jahr=OuterRef("jahr"), laufnummer=OuterRef("laufnummer")))
    beratungen = _neuestes(Beratung.objects.filter(vorlage=OuterRef("vorlage")))
    return (_mit_stadt(Bericht.objects.oeffentlich_mit_zurueckgezogenen()).select_related("vorlage")
            .prefetch_related(Prefetch("vorlage__beratungen", queryset=Beratung.objects.select_related("gremium")))
            .annotate(oparl_modified=Greatest("modified", Coalesce(versionen, "modified"),
                                              Coalesce("vorlage__modified", "modified"),
                                              Coalesce(beratungen, "modified"))))


def beratungen(berichte: QuerySet[Bericht]) -> QuerySet[Beratung]:
    """One row per pair of a public paper and a row of its council paper's consultation sequence; the rows
    of a withdrawn paper carry its withdrawal (they are shown as deleted)."""
    return (Beratung.objects.select_related("gremium")
            .annotate(bericht_id=F("vorlage__berichte__pk"), zurueckgezogen_am=F("vorlage__berichte__zurueckgezogen_am"))
            .filter(bericht_id__in=berichte.values("pk"))
            .annotate(oparl_modified=Greatest("modified", Coalesce("zurueckgezogen_am", "modified"))))


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
