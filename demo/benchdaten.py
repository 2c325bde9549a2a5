"""Benchmark data at three sizes, on top of the demo data (manage.py benchdaten --groesse S|M|L).

S is the demo data alone; M and L add generated cities with the same shape per district (five
Stadtbezirke of five Stadtteile, each Stadtteil with a QM position, a steering circle, a citizens'
assembly, about 40 projects over ten years and 20 indicators over 17 years). Rows are written
with bulk inserts, so they carry no history; every invariant still holds: area budgets cover the
grants of their year, the programme budget covers its area budgets, payouts never exceed their
grant. A fixed seed makes two runs on the same day produce the same rows.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction

from beteiligung.models import Beschluss, Gremium, Sitzung, Thema
from kern import datenstand
from kern.zeit import heute
from programme.models import (Auszahlung, Bewilligung, Foerderprogramm, Handlungsfeld, Jahresbudget,
                              Programmgebiet, Projekt, Verwendungsnachweis)
from quartiere.models import Gebiet, Indikator, Indikatorwert, Organisation, Quartiersmanagement

SEED = 14
STAEDTE_PREFIX = "Benchstadt"
BEZIRKE_JE_STADT = 5
STADTTEILE_JE_BEZIRK = 5
TRAEGER_JE_STADT = 20
INDIKATOREN = 20
INDIKATORJAHRE = 17
BUDGETJAHRE = 10
SITZUNGSJAHRE = 4
THEMEN_JE_SITZUNG = 5
BATCH = 2000


@dataclass(frozen=True)
class Groesse:
    staedte: int
    projekte_je_stadtteil: int


GROESSEN = {"M": Groesse(staedte=10, projekte_je_stadtteil=40), "L": Groesse(staedte=100, projekte_je_stadtteil=40)}


def vorhanden() -> bool:
    return Gebiet.objects.filter(art=Gebiet.Art.STADT, name__startswith=STAEDTE_PREFIX).exists()


def _grenze(rng: random.Random, lon: float, lat: float, radius: float, punkte: int = 120) -> dict:
    ring = []
    for k in range(punkte):
        winkel = 2 * math.pi * k / punkte
        r = radius * (0.8 + 0.2 * rng.random())
        ring.append([round(lon + r * math.cos(winkel), 6), round(lat + r * math.sin(winkel) * 0.6, 6)])
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def _bulk(modell, objekte: list) -> list:
    datenstand.geaendert()  # bulk inserts send no signals
    return modell.objects.bulk_create(objekte, batch_size=BATCH)


def _gebiete(rng: random.Random, anzahl: int) -> tuple[list[Gebiet], list[Gebiet], list[Gebiet]]:
    staedte = _bulk(Gebiet, [
        Gebiet(art=Gebiet.Art.STADT, name=f"{STAEDTE_PREFIX} {n:03d}", kennziffer=f"B{n:03d}",
               grenze=_grenze(rng, 6 + (n % 10) * 0.9, 48 + (n // 10) * 0.5, 0.2))
        for n in range(1, anzahl + 1)])
    bezirke = _bulk(Gebiet, [
        Gebiet(art=Gebiet.Art.STADTBEZIRK, name=f"{s.name} Bezirk {b}", parent=s, stadt=s,
               kennziffer=f"{s.kennziffer}-{b}",
               grenze=_grenze(rng, s.grenze["coordinates"][0][0][0] - 0.2 + b * 0.06,
                              s.grenze["coordinates"][0][0][1], 0.03))
        for s in staedte for b in range(1, BEZIRKE_JE_STADT + 1)])
    stadtteile = _bulk(Gebiet, [
        Gebiet(art=Gebiet.Art.STADTTEIL, name=f"{z.name.replace(' Bezirk ', ' Stadtteil ')}.{t}", parent=z,
               stadt_id=z.stadt_id, kennziffer=f"{z.kennziffer}.{t}", quartierstyp=rng.choice(
                   ["Großwohnsiedlung", "Altbauquartier", "Einfamilienhausgebiet", "Innenstadtrand"]),
               besonders_belastet=(i * STADTTEILE_JE_BEZIRK + t) % 8 == 0,
               grenze=_grenze(rng, z.grenze["coordinates"][0][0][0], z.grenze["coordinates"][0][0][1] + t * 0.01,
                              0.005))
        for i, z in enumerate(bezirke) for t in range(1, STADTTEILE_JE_BEZIRK + 1)])
    return staedte, bezirke, stadtteile


def _traeger(staedte: list[Gebiet]) -> dict[int, list[Organisation]]:
    arten = [Organisation.Art.WOHLFAHRTSVERBAND, Organisation.Art.VEREIN, Organisation.Art.TRAEGER,
             Organisation.Art.SCHULE, Organisation.Art.WOHNUNGSUNTERNEHMEN]
    orgs = _bulk(Organisation, [
        Organisation(name=f"Träger {k:02d} {s.name}", kurzname=f"T{k:02d}-{s.kennziffer}", stadt=s,
                     art=arten[k % len(arten)])
        for s in staedte for k in range(1, TRAEGER_JE_STADT + 1)])
    je_stadt: dict[int, list[Organisation]] = {}
    for org in orgs:
        je_stadt.setdefault(org.stadt_id, []).append(org)
    return je_stadt


def _programme(staedte: list[Gebiet], jahr0: int) -> dict[int, tuple[Foerderprogramm, Foerderprogramm]]:
    programme = _bulk(Foerderprogramm, [
        Foerderprogramm(name=f"{name} {s.name}", kurzname=kurz, stadt=s, geldgeber=Foerderprogramm.Geldgeber.STADT,
                        beginn=dt.date(jahr0, 1, 1), ist_verfuegungsfonds=fonds,
                        max_foerderquote=None if fonds else Decimal("50"))
        for s in staedte for name, kurz, fonds in (("Quartiersfonds", "QF", False), ("Verfügungsfonds", "VF", True))])
    return {programme[2 * i].stadt_id: (programme[2 * i], programme[2 * i + 1]) for i in range(len(staedte))}


def _indikatoren(rng: random.Random, gebiete: list[Gebiet], jahr: int) -> int:
    vorhandene = list(Indikator.objects.order_by("schluessel"))
    neue = [Indikator(schluessel=f"bench-{k:02d}", name=f"Messgröße {k:02d}", einheit="%", quelle="Benchmark",
                      hoeher_ist_schlechter=k % 2 == 0)
            for k in range(1, INDIKATOREN - len(vorhandene) + 1)
            if not Indikator.objects.filter(schluessel=f"bench-{k:02d}").exists()]
    indikatoren = vorhandene + _bulk(Indikator, neue)
    jahre = range(jahr - INDIKATORJAHRE + 1, jahr + 1)
    anzahl, zeilen = 0, []
    for gebiet in gebiete:
        basis = rng.uniform(5, 40)
        zeilen += [Indikatorwert(indikator=i, gebiet=gebiet, jahr=j, wert=Decimal(f"{basis + rng.uniform(-3, 3) + n:.4f}"))
                   for n, i in enumerate(indikatoren[:INDIKATOREN]) for j in jahre]
        if len(zeilen) >= 10 * BATCH or gebiet is gebiete[-1]:
            anzahl += len(_bulk(Indikatorwert, zeilen))
            zeilen = []
    return anzahl


def _projekt_status(jahr: int, aktuell: int, k: int) -> str:
    if jahr < aktuell - 1:
        return Projekt.Status.NACHWEIS_GEPRUEFT if k % 3 else Projekt.Status.ABGESCHLOSSEN
    if jahr < aktuell:
        return Projekt.Status.ABGESCHLOSSEN
    return [Projekt.Status.LAUFEND, Projekt.Status.LAUFEND, Projekt.Status.BEWILLIGT, Projekt.Status.BEANTRAGT,
            Projekt.Status.ENTWURF][k % 5]


def _projekte(rng: random.Random, stadtteile: list[Gebiet], traeger: dict, je_stadtteil: int,
              aktuell: int, felder: list[Handlungsfeld]) -> list[Projekt]:
    projekte = []
    for i, gebiet in enumerate(stadtteile):
        orgs = traeger[gebiet.stadt_id]
        for k in range(je_stadtteil):
            jahr = aktuell - k % BUDGETJAHRE  # newest year first, so every size has current projects
            kosten = Decimal(rng.randrange(50, 600) * 100)
            projekte.append(Projekt(
                titel=f"{rng.choice(TITEL)} {gebiet.kennziffer}/{k + 1}", gebiet=gebiet, traeger=rng.choice(orgs),
                beginn=dt.date(jahr, rng.randrange(1, 7), 1), ende=dt.date(jahr, 12, 31), gesamtkosten=kosten,
                eigenmittel=(kosten / 10).quantize(Decimal("1")), drittmittel=Decimal(0),
                beschreibung="Ein Vorhaben im Quartier.",
                status=_projekt_status(jahr, aktuell, k // BUDGETJAHRE + i),
                teilnehmende_geplant=rng.randrange(10, 200)))
    projekte = _bulk(Projekt, projekte)
    durch = Projekt.handlungsfelder.through
    _bulk(durch, [durch(projekt_id=p.id, handlungsfeld_id=felder[p.id % len(felder)].id) for p in projekte])
    return projekte


TITEL = ["Nachbarschaftscafé", "Hausaufgabenhilfe", "Sprachkurs für Eltern", "Stadtteilfest", "Seniorentreff",
         "Jugendwerkstatt", "Gemeinschaftsgarten", "Bewegungsangebot", "Lesepatenschaft", "Beratungsstunde"]


def _bewilligungen(projekte: list[Projekt], programme: dict, aktuell: int) -> list[Bewilligung]:
    zeilen = []
    for p in projekte:
        if p.status == Projekt.Status.ENTWURF:
            continue
        antrag = (p.gesamtkosten / 2).quantize(Decimal("1"))
        jahr = p.beginn.year
        werte = {"projekt": p, "programm": programme[p.gebiet.stadt_id][0], "jahr": jahr, "gebiet": p.gebiet,
                 "betrag_beantragt": antrag, "beantragt_am": dt.date(jahr, 1, 10)}
        if p.status == Projekt.Status.BEANTRAGT:
            zeilen.append(Bewilligung(status=Bewilligung.Status.BEANTRAGT, **werte))
        else:
            zeilen.append(Bewilligung(status=Bewilligung.Status.BEWILLIGT, entschieden_am=dt.date(jahr, 1, 20),
                                      betrag_bewilligt=(antrag * Decimal("0.9")).quantize(Decimal("1")), **werte))
    return _bulk(Bewilligung, zeilen)


def _zahlungen(bewilligungen: list[Bewilligung], aktuell: int) -> tuple[int, int]:
    auszahlungen, nachweise = [], []
    for b in bewilligungen:
        if b.status != Bewilligung.Status.BEWILLIGT:
            continue
        erste = (b.betrag_bewilligt / 2).quantize(Decimal("1"))
        auszahlungen.append(Auszahlung(bewilligung=b, betrag=erste, datum=dt.date(b.jahr, 2, 1)))
        if b.jahr < aktuell:
            auszahlungen.append(Auszahlung(bewilligung=b, betrag=b.betrag_bewilligt - erste, datum=dt.date(b.jahr, 9, 1)))
            eingereicht = dt.date(b.jahr + 1, 3, 1) if b.jahr < aktuell - 1 or b.id % 2 else None
            geprueft = dt.date(b.jahr + 1, 6, 1) if b.jahr < aktuell - 1 and b.id % 3 else None
            nachweise.append(Verwendungsnachweis(bewilligung=b, faellig_am=dt.date(b.jahr + 1, 3, 31),
                                                 eingereicht_am=eingereicht, geprueft_am=geprueft,
                                                 verwendet=b.betrag_bewilligt * 2 if eingereicht else None))
    _bulk(Auszahlung, auszahlungen)
    _bulk(Verwendungsnachweis, nachweise)
    return len(auszahlungen), len(nachweise)


def _budgets(bewilligungen: list[Bewilligung], programme: dict, stadtteile: list[Gebiet], aktuell: int) -> int:
    """Area budgets a quarter above what their grants need, programme budgets a tenth above their areas."""
    bedarf: dict[tuple[int, int, int], Decimal] = {}
    for b in bewilligungen:
        if b.status in (Bewilligung.Status.BEWILLIGT, Bewilligung.Status.BEANTRAGT):
            schluessel = (b.programm_id, b.jahr, b.gebiet_id)
            bedarf[schluessel] = bedarf.get(schluessel, Decimal(0)) + b.betrag_beantragt
    zeilen, gesamt = [], {}
    for gebiet in stadtteile:
        fonds, verfuegung = programme[gebiet.stadt_id]
        for jahr in range(aktuell - BUDGETJAHRE + 1, aktuell + 1):
            betrag = (bedarf.get((fonds.id, jahr, gebiet.id), Decimal(0)) * Decimal("1.25") / 1000).to_integral_value(
                rounding="ROUND_CEILING") * 1000 + 5000
            zeilen.append(Jahresbudget(programm=fonds, jahr=jahr, gebiet=gebiet, betrag=betrag))
            zeilen.append(Jahresbudget(programm=verfuegung, jahr=jahr, gebiet=gebiet, betrag=Decimal(5000)))
            for programm, wert in ((fonds, betrag), (verfuegung, Decimal(5000))):
                gesamt[(programm, jahr)] = gesamt.get((programm, jahr), Decimal(0)) + wert
    zeilen += [Jahresbudget(programm=p, jahr=j, betrag=(summe * Decimal("1.1")).quantize(Decimal("1")))
               for (p, j), summe in gesamt.items()]
    return len(_bulk(Jahresbudget, zeilen))


def _gremien(rng: random.Random, stadtteile: list[Gebiet], programme: dict, traeger: dict, aktuell: int) -> dict:
    _bulk(Quartiersmanagement, [
        Quartiersmanagement(gebiet=g, traeger=traeger[g.stadt_id][i % TRAEGER_JE_STADT],
                            stellenanteil=Decimal([40, 50, 75, 100][i % 4]), beginn=dt.date(aktuell - 9, 1, 1))
        for i, g in enumerate(stadtteile)])
    _bulk(Programmgebiet, [Programmgebiet(programm=p, gebiet=g, beginn=dt.date(aktuell - BUDGETJAHRE + 1, 1, 1))
                           for g in stadtteile for p in programme[g.stadt_id]])
    gremien = _bulk(Gremium, [
        Gremium(name=f"{name} {g.name}", art=art, gebiet=g, programm=programme[g.stadt_id][0],
                sitzungen_soll_min=soll[0], sitzungen_soll_max=soll[1])
        for g in stadtteile for name, art, soll in (
            ("Steuerungskreis", Gremium.Art.STEUERUNGSKREIS, (3, 4)),
            ("Bürgerversammlung", Gremium.Art.BUERGERVERSAMMLUNG, (2, 4)))])
    sitzungen = []
    for i, gremium in enumerate(gremien):
        for jahr in range(aktuell - SITZUNGSJAHRE + 1, aktuell + 1):
            datum = dt.date(jahr, rng.randrange(2, 11), rng.randrange(1, 28))
            status = Sitzung.Status.DOKUMENTIERT if jahr < aktuell else (
                Sitzung.Status.GEPLANT if i % 7 == 0 else Sitzung.Status.DURCHGEFUEHRT)
            if status == Sitzung.Status.GEPLANT:
                datum = dt.date(jahr, 12, 28)
            versammlung = gremium.art == Gremium.Art.BUERGERVERSAMMLUNG
            sitzungen.append(Sitzung(
                gremium=gremium, titel=f"{gremium.name} {jahr}", datum=datum, ort="Quartierszentrum",
                status=status, oeffentlich=versammlung, teilnehmendenzahl=rng.randrange(20, 120) if versammlung else None,
                format=Sitzung.Format.VERSAMMLUNG if versammlung else Sitzung.Format.SITZUNG,
                zusammenfassung="Die Runde hat getagt." if status != Sitzung.Status.GEPLANT else "",
                dokumentiert_am=datum + dt.timedelta(days=7) if status == Sitzung.Status.DOKUMENTIERT else None))
    sitzungen = _bulk(Sitzung, sitzungen)
    return {"gremien": gremien, "sitzungen": sitzungen}


def _themen_und_beschluesse(sitzungen: list[Sitzung], felder: list[Handlungsfeld]) -> tuple[int, int]:
    themen = [Thema(gremium_id=s.gremium_id, titel=f"Thema {k + 1}: {TITEL[(s.id + k) % len(TITEL)]}",
                    handlungsfeld=felder[(s.id + k) % len(felder)], eingebracht_in=s,
                    status=Thema.Status.BESPROCHEN if k % 2 else Thema.Status.THEMENSPEICHER)
              for s in sitzungen for k in range(THEMEN_JE_SITZUNG)]
    umsetzung = list(Beschluss.Umsetzung.values)
    beschluesse = [Beschluss(sitzung=s, text=f"Die Runde empfiehlt Vorhaben {s.id}.", art=Beschluss.Art.KONSENS,
                             umsetzungsstatus=umsetzung[s.id % len(umsetzung)])
                   for s in sitzungen if s.status != Sitzung.Status.GEPLANT]
    return len(_bulk(Thema, themen)), len(_bulk(Beschluss, beschluesse))


@transaction.atomic
def erzeugen(groesse: str) -> dict[str, int]:
    """Adds the generated cities of size M or L; returns the number of rows written per kind."""
    g = GROESSEN[groesse]
    rng = random.Random(SEED)
    aktuell = heute().year
    staedte, bezirke, stadtteile = _gebiete(rng, g.staedte)
    traeger = _traeger(staedte)
    programme = _programme(staedte, aktuell - BUDGETJAHRE + 1)
    felder = list(Handlungsfeld.objects.order_by("name")) or _bulk(Handlungsfeld, [Handlungsfeld(name="Soziales")])
    werte = _indikatoren(rng, bezirke + stadtteile, aktuell)
    projekte = _projekte(rng, stadtteile, traeger, g.projekte_je_stadtteil, aktuell, felder)
    bewilligungen = _bewilligungen(projekte, programme, aktuell)
    auszahlungen, nachweise = _zahlungen(bewilligungen, aktuell)
    budgets = _budgets(bewilligungen, programme, stadtteile, aktuell)
    beteiligung = _gremien(rng, stadtteile, programme, traeger, aktuell)
    themen, beschluesse = _themen_und_beschluesse(beteiligung["sitzungen"], felder)
    return {"Städte": len(staedte), "Gebiete": len(bezirke) + len(stadtteile), "Projekte": len(projekte),
            "Bewilligungen": len(bewilligungen), "Auszahlungen": auszahlungen, "Verwendungsnachweise": nachweise,
            "Jahresbudgets": budgets, "Indikatorwerte": werte, "Gremien": len(beteiligung["gremien"]),
            "Sitzungen": len(beteiligung["sitzungen"]), "Themen": themen, "Beschlüsse": beschluesse}


def analysieren() -> None:
    """Fresh bulk inserts have no planner statistics until analysed, unlike a production database."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
