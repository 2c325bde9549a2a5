"""Grant law in the demo: the programmes' defaults and the text blocks before the projects, so every demo grant
gets its programme's type of financing; after the projects the operators' details, the financing plans of the
hand-written projects and the notices of their recent decisions. Everything goes through the services."""

from __future__ import annotations

from decimal import Decimal

from berichte import bescheide
from demo.daten import zuwendung as daten
from kern.bankverbindung import iban_mit_pruefziffern
from programme import zuwendung_services
from programme.models import Bewilligung, Projekt
from programme.zuwendung import Bescheid, Finanzierungsplan, Programmvorgaben, Textbaustein, Traegerdaten
from programme.zuwendung_services import Zeile
from quartiere.models import Organisation

from .basis import Kontext, je_stadt, sichern

EURO = Decimal("1")


def vorgaben_laden(k: Kontext) -> None:
    for key, (art, quote, de_minimis) in daten.VORGABEN.items():
        sichern(Programmvorgaben, defaults={"finanzierungsart": art, "de_minimis": de_minimis,
                                            "foerderquote": Decimal(quote) if quote else None},
                programm=k.programme[key])
    vorhanden = {(b.art, b.programm_id, b.stadt_id): b.text for b in Textbaustein.objects.all()}
    for stadt, text in daten.RECHTSBEHELF.items():
        if vorhanden.get((Textbaustein.Art.RECHTSBEHELF, None, k.staedte[stadt].pk)) != text:
            zuwendung_services.textbaustein_speichern(art=Textbaustein.Art.RECHTSBEHELF, text=text,
                                                      stadt=k.staedte[stadt], durch=k.verwaltung)
    for art, texte in daten.TEXTE:
        for key, text in texte.items():
            if vorhanden.get((art, k.programme[key].pk, None)) != text:
                zuwendung_services.textbaustein_speichern(art=art, text=text, programm=k.programme[key],
                                                          durch=k.verwaltung)


def _traegerdaten(organisation: Organisation, nr: int) -> dict:
    plz, ort, strassen = daten.ORTE.get(organisation.stadt.name if organisation.stadt else "", daten.ORTE["Bremen"])
    return {
        "rechtsform": daten.RECHTSFORMEN.get(organisation.art, "sonstige"),
        "strasse": f"{strassen[nr % len(strassen)]} {nr % 40 + 1}", "plz": f"{plz}{nr % 90 + 10:02d}", "ort": ort,
        "ansprechperson": "Geschäftsführung", "email": f"foerderung{nr}@traeger.example",
        "iban": iban_mit_pruefziffern("DE", f"{daten.BANKLEITZAHL}{nr:010d}"), "bic": daten.BIC,
        "registernummer": f"VR {4000 + nr}" if organisation.art in ("verein", "wohlfahrtsverband") else "",
    }


def traeger_laden(k: Kontext) -> None:
    vorhanden = set(Traegerdaten.objects.values_list("organisation_id", flat=True))
    traeger = Organisation.objects.filter(projekte__isnull=False).select_related("stadt").distinct().order_by("pk")
    for organisation in traeger:
        if organisation.pk not in vorhanden:
            zuwendung_services.traegerdaten_speichern(organisation=organisation, durch=k.verwaltung,
                                                      daten=_traegerdaten(organisation, organisation.pk))


def _aufteilen(betrag: Decimal, anteile: list[Decimal]) -> list[Decimal]:
    """Whole euros in proportion to `anteile`; the last part takes the rounding remainder."""
    gesamt = sum(anteile)
    teile = [(betrag * a / gesamt).quantize(EURO) if gesamt else Decimal(0) for a in anteile[:-1]]
    return teile + [betrag - sum(teile)]


def planzeilen(projekt: Projekt, antraege: list[Bewilligung]) -> list[Zeile] | None:
    """A balanced plan from the project's figures and requests, or None where they do not add up."""
    je_jahr: dict[int, list[Bewilligung]] = {}
    for b in antraege:
        je_jahr.setdefault(b.jahr, []).append(b)
    zuwendung = sum((b.betrag_beantragt for b in antraege), Decimal(0))
    if not je_jahr or projekt.gesamtkosten != projekt.eigenmittel + projekt.drittmittel + zuwendung:
        return None
    jahre = sorted(je_jahr)
    gewichte = [sum(b.betrag_beantragt for b in je_jahr[j]) for j in jahre]
    eigen, dritt = _aufteilen(projekt.eigenmittel, gewichte), _aufteilen(projekt.drittmittel, gewichte)
    zeilen = []
    for jahr, e, d in zip(jahre, eigen, dritt):
        ausgaben = e + d + sum(b.betrag_beantragt for b in je_jahr[jahr])
        for (kategorie, text, _), teil in zip(daten.AUFTEILUNG,
                                              _aufteilen(ausgaben, [Decimal(p) for *_, p in daten.AUFTEILUNG])):
            zeilen.append(Zeile(kategorie, jahr, teil, text))
        zeilen.append(Zeile("eigenmittel", jahr, e, "Eigenanteil des Trägers"))
        if d:
            zeilen.append(Zeile("drittmittel", jahr, d, quelle=daten.DRITTMITTELGEBER))
        zeilen += [Zeile("zuwendung", jahr, b.betrag_beantragt, programm=b.programm) for b in je_jahr[jahr]]
    return zeilen


def plaene_und_bescheide_laden(k: Kontext) -> None:
    """Plans for the hand-written projects; notices for their decisions of the last and this year."""
    traeger_laden(k)
    titel = {spec.titel for _, spec in je_stadt("PROJEKTE")}
    mit_plan = set(Finanzierungsplan.objects.values_list("projekt_id", flat=True))
    for projekt in Projekt.objects.filter(pk__in=[p.pk for t, p in k.projekte.items() if t in titel]):
        if projekt.pk in mit_plan:
            continue
        antraege = list(projekt.bewilligungen.exclude(status=Bewilligung.Status.ABGELEHNT).select_related("programm"))
        zeilen = planzeilen(projekt, antraege)
        if zeilen is not None:
            zuwendung_services.finanzierungsplan_speichern(projekt=projekt, zeilen=zeilen, durch=k.verwaltung)
    mit_bescheid = set(Bescheid.objects.values_list("bewilligung_id", flat=True))
    entschieden = Bewilligung.objects.filter(
        projekt__in=[p for t, p in k.projekte.items() if t in titel], jahr__gte=k.heute.year - 1,
        status__in=[Bewilligung.Status.BEWILLIGT, Bewilligung.Status.ABGELEHNT],
        projekt__traeger__traegerdaten__isnull=False).order_by("entschieden_am", "pk")
    for bewilligung in entschieden:
        if bewilligung.pk not in mit_bescheid:
            bescheid = bescheide.bescheid_erlassen(bewilligung=bewilligung, durch=k.verwaltung,
                                                   datum=bewilligung.entschieden_am)
            bescheide.bescheid_versenden(bescheid=bescheid, durch=k.verwaltung, datum=bewilligung.entschieden_am)
