"""Area pages: the list of areas, an area's page and the map.

They bring together data of every app (areas and statistics, programmes and projects, bodies and
meetings), so they live in portal, which may use all apps; quartiere stays free of imports from
the apps to its right. Areas are public city data for every role; projects, bodies and meetings
on them are scoped through quartiere.zugriff like everywhere else.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Count, Max, Prefetch, Q
from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import path, reverse

from beteiligung.models import Gremium, Sitzung
from kern import rollen
from kern.export import Spalte
from kern.format import messwert
from kern.listen import gefilterte_liste
from kern.zeit import heute
from programme.models import Foerderprogramm, Programmgebiet, Projekt
from quartiere import selectors
from quartiere import zugriff
from quartiere.diagramme import indikatordiagramm, nachkommastellen
from quartiere.models import Einrichtung, Gebiet, Indikator, Quartiersmanagement, grenze_geometrie
from quartiere.templatetags.quartiere import laufend


try:  # provided by the beteiligung app; the area page works without it
    from beteiligung.selectors import strukturcheck as _strukturcheck
except ImportError:  # pragma: no cover - only before beteiligung.selectors exists
    _strukturcheck = None

ARTEN = [c for c in Gebiet.Art.choices if c[0] != Gebiet.Art.STADT]
PROJEKTE_AUF_SEITE = 15
SITZUNGEN_AUF_SEITE = 6



# --- List ----------------------------------------------------------------------------------------

class ProgrammFilter(django_filters.ModelChoiceFilter):
    @property
    def field(self):
        feld = super().field
        # Programme short names repeat across cities (WiN, LOS): say which city.
        feld.label_from_instance = lambda p: f"{p.kurzname} ({p.stadt})"
        return feld


class GebietFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Suche", method="suche",
                                  widget=forms.TextInput(attrs={"placeholder": "Name, Kennziffer, Quartierstyp"}))
    stadt = django_filters.ModelChoiceFilter(label="Stadt", queryset=Gebiet.objects.staedte().order_by("name"),
                                             empty_label="alle Städte")
    art = django_filters.ChoiceFilter(label="Art", choices=ARTEN, empty_label="alle Arten")
    belastet = django_filters.ChoiceFilter(label="besonders belastet", field_name="besonders_belastet",
                                           choices=[("ja", "ja"), ("nein", "nein")], method="nach_belastung",
                                           empty_label="alle")
    programm = ProgrammFilter(label="Programm", field_name="programmgebiete__programm", distinct=True,
                              queryset=Foerderprogramm.objects.select_related("stadt").order_by("stadt__name",
                                                                                                 "kurzname"),
                              empty_label="alle Programme")
    sortierung = django_filters.OrderingFilter(
        label="Sortierung", empty_label="Stadt, Name",
        fields=(("name", "name"), ("art", "art"), ("stadt__name", "stadt"), ("parent__name", "parent"),
                ("kennziffer", "kennziffer"), ("einwohner", "einwohner"), ("rang", "rang"),
                ("besonders_belastet", "belastet")),
        field_labels={"name": "Name", "art": "Art", "stadt": "Stadt", "parent": "übergeordnet",
                      "kennziffer": "Kennziffer", "einwohner": "Einwohner", "rang": "Rang im Sozialindex",
                      "belastet": "besonders belastet"},
    )

    class Meta:
        model = Gebiet
        fields = []

    def suche(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(kennziffer__icontains=value)
                               | Q(quartierstyp__icontains=value) | Q(parent__name__icontains=value))

    def nach_belastung(self, queryset, name, value):
        return queryset.filter(besonders_belastet=value == "ja")


def _laufende_programme(gebiet: Gebiet) -> list[Programmgebiet]:
    return laufend(gebiet.programmgebiete.all())


GEBIET_SPALTEN = [
    Spalte("Name", lambda g: g.name),
    Spalte("Art", lambda g: g.get_art_display()),
    Spalte("übergeordnetes Gebiet", lambda g: g.parent.name if g.parent else ""),
    Spalte("Stadt", lambda g: g.stadt.name if g.stadt else ""),
    Spalte("Kennziffer", lambda g: g.kennziffer),
    Spalte("Quartierstyp", lambda g: g.quartierstyp),
    Spalte("Einwohner", lambda g: int(g.einwohner) if g.einwohner is not None else None, "zahl"),
    Spalte("Einwohner Stand", lambda g: g.einwohner_jahr, "zahl"),
    Spalte("Rang im Sozialindex", lambda g: g.rang, "zahl"),
    Spalte("von Gebieten", lambda g: g.rang_von, "zahl"),
    Spalte("Rang Jahr", lambda g: g.rang_jahr, "zahl"),
    Spalte("besonders belastet", lambda g: "ja" if g.besonders_belastet else "nein"),
    Spalte("laufende Programme", lambda g: ", ".join(pg.programm.kurzname for pg in _laufende_programme(g))),
]


def gebiet_liste(request):
    # Areas are public city data: every role sees all of them (feld=None).
    gebiete = selectors.mit_kennzahlen(
        zugriff.sichtbar(request.user, Gebiet.objects.quartiere(), feld=None).select_related("parent", "stadt")
        .prefetch_related(Prefetch("programmgebiete",
                                   queryset=Programmgebiet.objects.select_related("programm")
                                   .order_by("programm__kurzname", "beginn")))
        .order_by("stadt__name", "name")
    )
    filterset = GebietFilter(request.GET or None, queryset=gebiete)
    return gefilterte_liste(request, filterset=filterset, template="quartiere/gebiet_liste.html",
                            spalten=GEBIET_SPALTEN, dateiname=f"Gebiete_{heute():%Y-%m-%d}")


# --- Area page -----------------------------------------------------------------------------------

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


def _sieht_gebietsarbeit(user, gebiet: Gebiet) -> bool:
    """Bodies, meetings and the Strukturcheck of an area are seen by staff, council and its managers,
    as everywhere in the portal (the querysets are scoped through zugriff.sichtbar besides)."""
    return rollen.ist_verwaltung(user) or rollen.ist_rat(user) or gebiet.pk in zugriff.eigene_gebiet_ids(user)


def gebietsseite(user, gebiet: Gebiet) -> dict:
    """Everything on an area's page, in a fixed number of queries, scoped to the user."""
    tag = heute()
    kette = gebiet.vorfahren()
    teilbaum = Gebiet.objects.im_teilbaum(gebiet)
    projekte = zugriff.sichtbar(user, Projekt.objects.filter(gebiet__in=teilbaum))
    sieht_gebietsarbeit = _sieht_gebietsarbeit(user, gebiet)
    gremien = zugriff.sichtbar(user, Gremium.objects.filter(gebiet__in=teilbaum, aktiv=True)).select_related(
        "gebiet").annotate(
        zuletzt=Max("sitzungen__datum", filter=Q(sitzungen__datum__lte=tag)),
        sitzungen_jahr=Count("sitzungen", filter=Q(sitzungen__datum__year=tag.year, sitzungen__datum__lte=tag)))
    sitzungen = zugriff.sichtbar(user, Sitzung.objects.filter(gremium__gebiet__in=teilbaum, datum__lte=tag),
                                "gremium__gebiet").select_related("gremium")
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
        "projekte": list(projekte.select_related("gebiet", "traeger").order_by("-beginn", "titel")
                         [:PROJEKTE_AUF_SEITE]),
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
    # Areas are public city data: every role may open every area (feld=None).
    gebiet = zugriff.objekt_oder_404(
        request.user, Gebiet.objects.select_related("parent__parent__parent__parent", "stadt"), feld=None, pk=pk)
    return render(request, "quartiere/gebiet_detail.html", gebietsseite(request.user, gebiet))


# --- Map -----------------------------------------------------------------------------------------

FARBSKALA = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]  # ColorBrewer OrRd, light to dark
OHNE_WERT = "#d9d9d9"
ROLLENFARBEN = {Programmgebiet.Rolle.FOERDERGEBIET: "#0b4f6c", Programmgebiet.Rolle.MODELLQUARTIER: "#f0a500",
                Programmgebiet.Rolle.FLANKIEREND: "#7fb7d0"}
NICHT_IM_PROGRAMM = "#ffffff"


class KartenForm(forms.Form):
    stadt = forms.ModelChoiceField(label="Stadt", queryset=Gebiet.objects.staedte().order_by("name"),
                                   empty_label=None, widget=forms.Select(attrs={"class": "form-select"}))
    ebene = forms.ChoiceField(label="Ebene", choices=ARTEN, required=False,
                              widget=forms.Select(attrs={"class": "form-select"}))
    faerbung = forms.ChoiceField(label="Färbung", required=False, choices=[],
                                 widget=forms.Select(attrs={"class": "form-select"}))
    jahr = forms.IntegerField(label="Jahr", required=False, min_value=1900, max_value=2100,
                              widget=forms.NumberInput(attrs={"class": "form-control"}))

    def __init__(self, *args, indikatoren, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["faerbung"].choices = (
            [("belastet", "besonders belastet (Sozialindex)")]
            + [("Indikatoren", [(f"i-{i.schluessel}", i.name) for i in indikatoren])]
            + [("Förderprogramme", [(f"p-{p.pk}", f"{p.kurzname} – {p.name}") for p in programme])]
        )


@dataclass(frozen=True)
class Legendeneintrag:
    farbe: str
    text: str


def _klassen(werte: list[Decimal], hoeher_ist_schlechter: bool) -> list[tuple[Decimal, Decimal, str]]:
    """Up to five classes of (nearly) equal count; darker means more burdened."""
    sortiert = sorted(werte)
    anzahl = min(len(FARBSKALA), len(set(sortiert)))
    if anzahl == 0:
        return []
    grenzen = [sortiert[min(len(sortiert) - 1, round(len(sortiert) * k / anzahl))] for k in range(1, anzahl)]
    unten = [sortiert[0]] + grenzen
    oben = grenzen + [sortiert[-1]]
    farben = FARBSKALA[:anzahl] if anzahl == len(FARBSKALA) else [
        FARBSKALA[round(k * (len(FARBSKALA) - 1) / max(1, anzahl - 1))] for k in range(anzahl)]
    if not hoeher_ist_schlechter:
        farben = list(reversed(farben))
    return [(u, o, f) for u, o, f in zip(unten, oben, farben)]


def _klassenfarbe(wert: Decimal, klassen) -> str:
    for _, oben, farbe in klassen:
        if wert <= oben:
            return farbe
    return klassen[-1][2]


@dataclass
class Faerbung:
    titel: str
    legende: list[Legendeneintrag]
    hinweis: str
    zeilen: list[tuple[Gebiet, str, str]]  # area, colour, text
    jahr: int | None = None
    jahre: tuple[int, ...] = ()


def faerbung_nach_indikator(gebiete: list[Gebiet], indikator: Indikator, jahr: int | None) -> Faerbung:
    """Quantile classes of one indicator in a year (default: the latest measured year)."""
    jahre = selectors.jahre_mit_werten(gebiete=gebiete, indikator=indikator)
    if jahr not in jahre:
        gemessen = [j for j in jahre if j <= heute().year]
        jahr = (gemessen or jahre or [None])[-1]
    werte = selectors.werte_je_gebiet(gebiete=gebiete, indikator=indikator, jahr=jahr) if jahr else {}
    klassen = _klassen(list(werte.values()), indikator.hoeher_ist_schlechter)
    einheit = f" {indikator.einheit}" if indikator.einheit else ""
    legende = [Legendeneintrag(f, f"{'' if i == 0 else 'über '}{messwert(u)} bis {messwert(o)}{einheit}")
               for i, (u, o, f) in enumerate(klassen)] + [Legendeneintrag(OHNE_WERT, "kein Wert")]
    zeilen = [(g, _klassenfarbe(werte[g.pk], klassen), f"{messwert(werte[g.pk])}{einheit}") if g.pk in werte
              else (g, OHNE_WERT, "kein Wert") for g in gebiete]
    richtung = "höher" if indikator.hoeher_ist_schlechter else "niedriger"
    return Faerbung(titel=f"{indikator.name} {jahr or ''}".strip(), legende=legende, zeilen=zeilen, jahr=jahr,
                    jahre=tuple(jahre), hinweis=f"dunkler = ungünstiger ({richtung} ist ungünstiger)")


def faerbung_nach_programm(gebiete: list[Gebiet], programm: Foerderprogramm) -> Faerbung:
    """The programme's areas today, coloured by their role."""
    tag = heute()
    rollen = {pg.gebiet_id: pg for pg in Programmgebiet.objects.filter(programm=programm, gebiet__in=gebiete)
              .filter(Q(ende__isnull=True) | Q(ende__gte=tag), beginn__lte=tag)}
    legende = [Legendeneintrag(f, str(r.label)) for r, f in ROLLENFARBEN.items()] + [
        Legendeneintrag(NICHT_IM_PROGRAMM, "nicht im Programm")]
    zeilen = [(g, ROLLENFARBEN[rollen[g.pk].rolle], f"{rollen[g.pk].get_rolle_display()} seit "
                                                   f"{rollen[g.pk].beginn:%d.%m.%Y}") if g.pk in rollen
              else (g, NICHT_IM_PROGRAMM, "nicht im Programm") for g in gebiete]
    return Faerbung(titel=f"{programm.kurzname}: Programmgebiete heute", legende=legende, hinweis="", zeilen=zeilen)


def faerbung_nach_belastung(gebiete: list[Gebiet]) -> Faerbung:
    return Faerbung(
        titel="besonders belastet", hinweis="",
        legende=[Legendeneintrag(FARBSKALA[4], "besonders belastet"), Legendeneintrag(FARBSKALA[0], "nicht markiert")],
        zeilen=[(g, FARBSKALA[4], "besonders belastet") if g.besonders_belastet
                else (g, FARBSKALA[0], "nicht markiert") for g in gebiete])


def _geojson(zeilen) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": grenze_geometrie(g.grenze),
         "properties": {"name": g.name, "text": text, "farbe": farbe, "url": reverse("gebiete:detail", args=[g.pk])}}
        for g, farbe, text in zeilen if grenze_geometrie(g.grenze)]}


def karte(request):
    staedte = Gebiet.objects.staedte().order_by("name")
    wert = request.GET.get("stadt", "")
    stadt = (staedte.filter(pk=wert).first() if wert.isdigit() else None) or staedte.first()
    indikatoren = list(Indikator.objects.order_by("name"))
    programme = list(Foerderprogramm.objects.filter(stadt=stadt).order_by("kurzname")) if stadt else []
    mit_grenze = Gebiet.objects.filter(stadt=stadt, grenze__isnull=False) if stadt else Gebiet.objects.none()
    ebenen = Counter(mit_grenze.values_list("art", flat=True))
    standard = {"stadt": stadt.pk if stadt else None, "faerbung": "belastet",
                "ebene": ebenen.most_common(1)[0][0] if ebenen else Gebiet.Art.STADTTEIL}
    form = KartenForm({**standard, **{k: v for k, v in request.GET.items() if v}}, indikatoren=indikatoren,
                      programme=programme)
    form.is_valid()  # invalid choices fall back to the defaults
    ebene = form.cleaned_data.get("ebene") or standard["ebene"]
    auswahl = form.cleaned_data.get("faerbung") or "belastet"
    gebiete = list(mit_grenze.filter(art=ebene).order_by("name"))
    if auswahl.startswith("i-"):
        faerbung = faerbung_nach_indikator(gebiete, next(i for i in indikatoren if f"i-{i.schluessel}" == auswahl),
                                           form.cleaned_data.get("jahr"))
    elif auswahl.startswith("p-"):
        faerbung = faerbung_nach_programm(gebiete, next(p for p in programme if f"p-{p.pk}" == auswahl))
    else:
        faerbung = faerbung_nach_belastung(gebiete)
    return render(request, "quartiere/karte.html", {
        "form": form, "stadt": stadt, "faerbung": faerbung, "features": _geojson(faerbung.zeilen),
        "ebene_name": dict(Gebiet.Art.choices).get(ebene, ebene),
        "kacheln": settings.MAP_TILE_URL, "kacheln_hinweis": settings.MAP_TILE_ATTRIBUTION,
        "ohne_grenze": Gebiet.objects.filter(stadt=stadt, art=ebene, grenze__isnull=True).count() if stadt else 0,
    })


app_name = "gebiete"

urlpatterns = [
    path("", gebiet_liste, name="liste"),
    path("karte/", karte, name="karte"),
    path("<int:pk>/", gebiet_detail, name="detail"),
]
