"""Reads that fill the five report kinds; each in a fixed number of queries, whatever the data.

Reads owned by other apps are used where they exist (programme.selectors, quartiere.selectors).
Where an owning app has no read yet, a temporary one stands here, named `*_vorlaeufig`, to be
replaced by the owning app's selector when it lands.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, Prefetch, Q, Sum
from django.db.models.functions import Coalesce

from beteiligung.models import Beschluss, Gremium, Sitzung, Teilnahme, Thema, Themenbewertung
from beteiligung.selectors import strukturcheck
from kern.charts import abweichungsdiagramm
from programme import diagramme
from programme.models import NULL_EURO, Bewilligung, Foerderprogramm, Programmgebiet, Projekt
from programme.selectors import auslastung_je_handlungsfeld, budgetstand_je_programm, programmjahr
from quartiere.diagramme import indikatordiagramm
from quartiere.models import Einrichtung, Gebiet, Person, Quartiersmanagement
from quartiere.selectors import Verlauf, indikatorverlaeufe, rangverlauf, sozialindex_rangliste, werte_je_gebiet

from .models import Ratsvorlage

STANDARD_ABSENDER = "Sozialplanung"


def _summe(feld: str, filter: Q | None = None):
    return Coalesce(Sum(feld, filter=filter), NULL_EURO, output_field=DecimalField(max_digits=14, decimal_places=2))


def _jahresgrenzen(jahr: int) -> tuple[dt.date, dt.date]:
    return dt.date(jahr, 1, 1), dt.date(jahr, 12, 31)


# --- Programmjahresbericht -------------------------------------------------------------------

def programmjahresbericht(*, programm: Foerderprogramm, jahr: int) -> dict:
    """Budget, granted gross, reclaimed, net, paid and remaining of one programme year, per area and
    action field, with the list of funded projects, in a fixed number of queries."""
    stand = programmjahr(programm=programm, jahr=jahr)
    je_gebiet = stand.je_gebiet
    je_handlungsfeld = auslastung_je_handlungsfeld(programm=programm, jahr=jahr)
    antraege = dict(
        Bewilligung.objects.filter(programm=programm, jahr=jahr).values("status").annotate(n=Count("id"))
        .values_list("status", "n")
    )
    bewilligungen = (
        Bewilligung.objects.bewilligt().filter(programm=programm, jahr=jahr)
        .select_related("projekt__traeger", "gebiet")
        .only("betrag_beantragt", "betrag_bewilligt", "betrag_zurueckgefordert", "entschieden_am", "gebiet__name", "projekt__titel",
              "projekt__beginn", "projekt__ende", "projekt__status", "projekt__traeger__name",
              "projekt__traeger__kurzname")
        .annotate(ausgezahlt=_summe("auszahlungen__betrag"))
        .prefetch_related(Prefetch("projekt__handlungsfelder", to_attr="felder"))
        .order_by("gebiet__name", "projekt__titel", "id")
    )
    return {
        "programm": programm,
        "jahr": jahr,
        "gesamt": stand.gesamt,
        "je_gebiet": je_gebiet,
        "zeilen_gebiete": stand.zeilen,
        "rueckfluss_regel": stand.rueckfluss_regel,
        "je_handlungsfeld": je_handlungsfeld,
        "antraege": {s.label: antraege.get(s.value, 0) for s in Bewilligung.Status},
        "antraege_gesamt": sum(antraege.values()),
        "bewilligungen": bewilligungen,
        "diagramm_gebiete": diagramme.budget_je_gebiet(programm=programm, jahr=jahr, zeilen=je_gebiet),
        "diagramm_felder": diagramme.bewilligt_je_handlungsfeld(programm=programm, jahr=jahr, zeilen=je_handlungsfeld),
    }


# --- Quartiersprofil -------------------------------------------------------------------------

@dataclass(frozen=True)
class Indikatorzeile:
    indikator: object
    werte: list[tuple[Decimal | None, Decimal | None]]
    stellen: int


@dataclass(frozen=True)
class Indikatortabelle:
    """Indicator series of an area as table rows: per year the area's value and the city average."""

    jahre: list[int]
    zeilen: list[Indikatorzeile]

    @property
    def quellen(self) -> list[str]:
        return sorted({z.indikator.quelle for z in self.zeilen if z.indikator.quelle})


def _indikatortabelle(verlaeufe: list[Verlauf], *, bis_jahr: int, jahre: int = 5) -> Indikatortabelle:
    alle = sorted({j.jahr for v in verlaeufe for j in v.jahre if j.jahr <= bis_jahr and not j.prognose})[-jahre:]
    zeilen = []
    for v in verlaeufe:
        je_jahr = {j.jahr: j for j in v.jahre}
        werte = [(je_jahr[j].wert, je_jahr[j].durchschnitt) if j in je_jahr else (None, None) for j in alle]
        eigene = [w for w, _ in werte if w is not None]
        if eigene:
            # Counts (inhabitants) stay whole numbers, shares get one decimal, also for the average.
            stellen = 0 if all(w == w.to_integral_value() for w in eigene) else 1
            zeilen.append(Indikatorzeile(v.indikator, werte, stellen))
    return Indikatortabelle(alle, zeilen)


def untergebiet_ids(gebiet: Gebiet) -> list[int]:
    """The area and every area below it, in one query."""
    return list(Gebiet.objects.im_teilbaum(gebiet).values_list("id", flat=True))


def _im_jahr_besetzt(anfang: dt.date, ende: dt.date) -> Q:
    """QM positions that ran on at least one day of the year."""
    return (Q(beginn__isnull=True) | Q(beginn__lte=ende)) & (Q(befristet_bis__isnull=True) | Q(befristet_bis__gte=anfang))


def _nennbar(person: Person | None) -> str | None:
    return person.name if person is not None and person.darf_namentlich_genannt_werden else None


def quartiersprofil(*, gebiet: Gebiet, jahr: int) -> dict:
    anfang, ende = _jahresgrenzen(jahr)
    ids = untergebiet_ids(gebiet)
    verlaeufe = indikatorverlaeufe(gebiet)
    raenge = [r for r in rangverlauf(gebiet) if r.jahr <= jahr]
    programme = list(Programmgebiet.objects.filter(gebiet_id__in=ids).select_related("programm", "gebiet")
                     .order_by("programm__kurzname", "beginn"))
    budgets = budgetstand_je_programm(jahr=jahr, gebiet_ids=ids,
                                      programme=Foerderprogramm.objects.filter(stadt=gebiet.stadt_oder_selbst))
    stellen = list(
        Quartiersmanagement.objects.filter(gebiet_id__in=ids)
        .filter(_im_jahr_besetzt(anfang, ende))
        .select_related("traeger", "gebiet").prefetch_related("personen")
    )
    for stelle in stellen:
        namen = [_nennbar(p) for p in stelle.personen.all()]
        stelle.namen = [n for n in namen if n]
    einrichtungen = list(Einrichtung.objects.filter(gebiet_id__in=ids).select_related("traeger", "gebiet")
                         .order_by("status", "name"))
    projekte = list(
        Projekt.objects.filter(gebiet_id__in=ids, beginn__lte=ende, ende__gte=anfang)
        .exclude(status__in=[Projekt.Status.ENTWURF, Projekt.Status.ABGELEHNT])
        .select_related("traeger", "gebiet")
        .only("titel", "beginn", "ende", "status", "gebiet__name", "traeger__name", "traeger__kurzname")
        .annotate(bewilligt=_summe("bewilligungen__betrag_bewilligt", Q(bewilligungen__jahr=jahr,
                                                                        bewilligungen__status="bewilligt")))
        .order_by("titel")
    )
    sitzungen = list(Sitzung.objects.filter(gremium__gebiet_id__in=ids, datum__range=(anfang, ende))
                     .select_related("gremium").order_by("datum"))
    gremien = list(Gremium.objects.filter(gebiet_id__in=ids, aktiv=True).order_by("art", "name"))
    return {
        "gebiet": gebiet,
        "jahr": jahr,
        "indikatoren": _indikatortabelle(verlaeufe, bis_jahr=jahr),
        "indikatordiagramme": [{"titel": v.indikator.name, "svg": indikatordiagramm(
            gebiet, v, bis_jahr=jahr, breite=420, hoehe=230)} for v in verlaeufe
            if sum(1 for j in v.jahre if j.jahr <= jahr and j.wert is not None) > 1],
        "sozialindex_rang": raenge[-1] if raenge else None,
        "programme": programme,
        "budgets": budgets,
        "stellen": stellen,
        "einrichtungen": einrichtungen,
        "projekte": projekte,
        "projekte_bewilligt": sum((p.bewilligt for p in projekte), Decimal(0)),
        "gremien": gremien,
        "sitzungen": sitzungen,
        "strukturcheck": strukturcheck([gebiet], jahr)[gebiet.id],
    }


# --- Sitzungsdokumentation -------------------------------------------------------------------

@dataclass(frozen=True)
class Teilnehmende:
    genannt: list[str]
    nur_organisation: list[str]
    ohne_angabe: int


def _im_amt(person: Person | None) -> str | None:
    """Reports are read by council and the public: only staff acting in office appear by name."""
    return _nennbar(person) if person is not None and person.ist_verwaltung else None


def _teilnehmende(teilnahmen: list[Teilnahme], *, amtspersonen_nennen: bool) -> Teilnehmende:
    genannt, organisationen, ohne = [], [], 0
    for t in teilnahmen:
        organisation = t.organisation or t.person.organisation
        name = _im_amt(t.person) if amtspersonen_nennen else None
        if name:
            genannt.append(f"{name} ({organisation.name})" if organisation else name)
        elif organisation:
            organisationen.append(organisation.name)
        else:
            ohne += 1
    return Teilnehmende(genannt, sorted(set(organisationen)), ohne)


def sitzungsdokumentation(*, sitzung: Sitzung) -> dict:
    teilnahmen = list(sitzung.teilnahmen.select_related("person__organisation", "organisation")
                      .order_by("person__nachname", "person__vorname"))
    bewertungen = list(Themenbewertung.objects.filter(sitzung=sitzung).select_related("thema__handlungsfeld")
                       .order_by("-punkte", "thema__titel"))
    besprochen = [b for b in bewertungen if b.besprochen]
    bewertete = {b.thema_id for b in bewertungen}
    weitere_im_speicher = list(
        Thema.objects.filter(gremium_id=sitzung.gremium_id, status=Thema.Status.THEMENSPEICHER)
        .exclude(id__in=bewertete).select_related("handlungsfeld").order_by("titel")
    )
    beschluesse = list(Beschluss.objects.filter(sitzung=sitzung).select_related("tagesordnungspunkt")
                       .order_by("tagesordnungspunkt__nummer", "id"))
    return {
        "sitzung": sitzung,
        "gremium": sitzung.gremium,
        "teilnehmende": _teilnehmende([t for t in teilnahmen if t.rolle != Teilnahme.Rolle.MODERATION],
                                      amtspersonen_nennen=False),
        "moderation": _teilnehmende([t for t in teilnahmen if t.rolle == Teilnahme.Rolle.MODERATION],
                                    amtspersonen_nennen=True),
        "tagesordnung": list(sitzung.tagesordnungspunkte.order_by("nummer")),
        "bewertungen": bewertungen,
        "besprochen": besprochen,
        "themenspeicher": [b for b in bewertungen if not b.besprochen],
        "weitere_im_speicher": weitere_im_speicher,
        "beschluesse": beschluesse,
        "aufgaben": list(sitzung.aufgaben.select_related("verantwortlich__organisation").order_by("faellig_am", "id")),
        "verfasser": sitzung.verfasst_von,
        "verfasser_name": _im_amt(sitzung.verfasst_von),
        "punkte_gesamt": sum(b.punkte for b in bewertungen),
        "teilnehmende_gesamt": sitzung.teilnehmende_gesamt(
            sum(t.rolle == Teilnahme.Rolle.TEILNEHMEND for t in teilnahmen)),
    }


# --- Sozialbericht-Übersicht -----------------------------------------------------------------

def sozialbericht(*, stadt: Gebiet, jahr: int, spalten_max: int = 6) -> dict:
    """All ranked areas of a city in a year from quartiere's social index, with the indicators it
    weighs: 4 queries for the ranking and one per indicator shown (at most `spalten_max`)."""
    rangliste = sozialindex_rangliste(stadt=stadt, jahr=jahr)
    plaetze = rangliste.plaetze if rangliste is not None and rangliste.jahr == jahr else []
    gewichte = rangliste.gewichte if rangliste is not None else []
    gezeigt = gewichte[:spalten_max]
    gebiete = [p.gebiet for p in plaetze]
    werte = {g.indikator_id: werte_je_gebiet(gebiete=gebiete, indikator=g.indikator, jahr=jahr) for g in gezeigt
             } if plaetze else {}
    stellen = [0 if all(w == w.to_integral_value() for w in werte[g.indikator_id].values()) else 1
               for g in gezeigt] if plaetze else []
    zeilen = [{"platz": p, "werte": [(werte[g.indikator_id].get(p.gebiet.id), st) for g, st in zip(gezeigt, stellen)]}
              for p in plaetze]
    return {
        "stadt": stadt,
        "jahr": jahr,
        "sozialindex": rangliste.sozialindex if rangliste is not None else None,
        "berechnete_jahre": rangliste.jahre if rangliste is not None else [],
        "vorjahr": rangliste.vorjahr if rangliste is not None and plaetze else None,
        "gewichte": gewichte,
        "gezeigt": gezeigt,
        "zeilen": zeilen,
        "belastet": [p for p in plaetze if p.besonders_belastet],
        "diagramm": abweichungsdiagramm(
            titel=f"Sozialindex {stadt.name} {jahr}",
            beschreibung="Balken je Gebiet: Indexwert (gewichtetes Mittel der Standardwerte); rechts der Null "
                         "stärker belastet als der Durchschnitt, links weniger. Die Werte stehen in der Tabelle.",
            kategorien=[p.gebiet.name for p in plaetze], werte=[p.wert for p in plaetze],
            markiert=[p.besonders_belastet for p in plaetze],
        ),
    }


# --- Ratsvorlage -----------------------------------------------------------------------------

def ratsvorlage(*, vorlage: Ratsvorlage) -> dict:
    beratungen = list(vorlage.beratungen.select_related("gremium").order_by("reihenfolge", "datum", "id"))
    finanzen = None
    if vorlage.programm_id:
        programm = vorlage.programm
        stand = programmjahr(programm=programm, jahr=vorlage.haushaltsjahr)
        finanzen = {
            "programm": programm,
            "jahr": vorlage.haushaltsjahr,
            "gesamt": stand.gesamt,
            # The area rows and the undistributed remainder: together they make "Programm gesamt".
            "je_gebiet": stand.zeilen,
            "rueckfluss_regel": stand.rueckfluss_regel,
        }
    mitzeichnungen = list(vorlage.mitzeichnungen.select_related("organisation").order_by("organisation__name"))
    return {"vorlage": vorlage, "beratungen": beratungen, "finanzen": finanzen, "mitzeichnungen": mitzeichnungen}
