"""An area's page: its programmes, management, facilities, projects, bodies and indicators."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from beteiligung.models import Gremium, Sitzung
from kern.zeit import heute
from programme.models import Programmgebiet, Projekt
from quartiere import selectors
from kern.zugriff import objekt_oder_404
from quartiere.diagramme import indikatordiagramm, nachkommastellen
from quartiere.models import Einrichtung, Gebiet, Quartiersmanagement
from quartiere.permissions import kann_gebietsarbeit_sehen


try:  # provided by the beteiligung app; the area page works without it
    from beteiligung.selectors import strukturcheck as _strukturcheck
except ImportError:  # pragma: no cover - only before beteiligung.selectors exists
    _strukturcheck = None

PROJEKTE_AUF_SEITE = 15
SITZUNGEN_AUF_SEITE = 6


@dataclass
class Indikatorblock:
    verlauf: selectors.Verlauf
    diagramm: str
    stellen: int


def indikatorblock(gebiet: Gebiet, verlauf: selectors.Verlauf) -> Indikatorblock:
    """A line chart of one indicator of an area against the city average, and its table's precision."""
    # The area's own values set the precision; averages are shown with the same number of decimals.
    return Indikatorblock(verlauf=verlauf, diagramm=indikatordiagramm(gebiet, verlauf),
                          stellen=nachkommastellen(j.wert for j in verlauf.jahre))


def _strukturcheck_block(gebiet: Gebiet, jahr: int):
    if _strukturcheck is None or gebiet.art == Gebiet.Art.STADT:
        return None
    try:
        get_template("beteiligung/_strukturcheck.html")
    except TemplateDoesNotExist:
        return None
    return _strukturcheck([gebiet], jahr).get(gebiet.pk)


def gebietsseite(user, gebiet: Gebiet) -> dict:
    """Everything on an area's page, in a fixed number of queries, scoped to the user."""
    tag = heute()
    kette = gebiet.vorfahren()
    # The subtree's ids read first: a list of known ids lets PostgreSQL use the area indexes below, where
    # the subquery made it walk the projects' order index through ten thousands of rows (L: 40 ms).
    teilbaum = list(Gebiet.objects.im_teilbaum(gebiet).values_list("pk", flat=True))
    projekte = Projekt.objects.filter(gebiet__in=teilbaum).sichtbar_fuer(user)
    sieht_gebietsarbeit = kann_gebietsarbeit_sehen(user, gebiet)
    gremien = Gremium.objects.filter(gebiet__in=teilbaum, aktiv=True).sichtbar_fuer(user).select_related(
        "gebiet").annotate(
        zuletzt=Max("sitzungen__datum", filter=Q(sitzungen__datum__lte=tag)),
        sitzungen_jahr=Count("sitzungen", filter=Q(sitzungen__datum__year=tag.year, sitzungen__datum__lte=tag)))
    sitzungen = (Sitzung.objects.filter(gremium__gebiet__in=teilbaum, datum__lte=tag).sichtbar_fuer(user)
                 .select_related("gremium"))
    return {
        "gebiet": gebiet,
        "heute": tag,
        "vorfahren": list(reversed(kette[1:])),
        "untergebiete": list(gebiet.untergebiete.order_by("name")),
        "programmgebiete": list(Programmgebiet.objects.filter(gebiet__in=kette).select_related("programm", "gebiet")
                                .order_by("-beginn", "programm__kurzname")),
        "qm_stellen": list(Quartiersmanagement.objects.filter(gebiet__in=kette).select_related("traeger", "gebiet")
                           .prefetch_related("personen").order_by("-beginn")),
        "einrichtungen": list(Einrichtung.objects.filter(gebiet__in=teilbaum).select_related("gebiet", "traeger")
                              .order_by("status", "name")),
        "projekte": list(projekte.select_related("gebiet", "traeger").defer("gebiet__grenze")
                         .order_by("-beginn", "titel")[:PROJEKTE_AUF_SEITE]),
        "projekte_anzahl": projekte.count(),
        "beteiligung_sichtbar": sieht_gebietsarbeit,
        "gremien": list(gremien.order_by("art", "name")) if sieht_gebietsarbeit else [],
        "sitzungen": list(sitzungen.order_by("-datum", "-beginn")[:SITZUNGEN_AUF_SEITE]) if sieht_gebietsarbeit
        else [],
        "strukturcheck": _strukturcheck_block(gebiet, tag.year) if sieht_gebietsarbeit else None,
        "indikatoren": [indikatorblock(gebiet, v) for v in selectors.indikatorverlaeufe(gebiet)],
        "rangverlauf": selectors.rangverlauf(gebiet),
    }


def gebiet_detail(request, pk: int):
    # Areas are public city data: every role may open every area.
    gebiet = objekt_oder_404(request.user, Gebiet.objects.select_related("parent__parent__parent__parent", "stadt"),
                             pk=pk)
    return render(request, "portal/gebiete/gebiet_detail.html", gebietsseite(request.user, gebiet))
