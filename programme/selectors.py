"""Reads over budgets and grants, computed in the database in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, Q, Sum
from django.db.models.functions import Coalesce

from kern.zeit import heute

from .models import NULL_EURO, Auszahlung, Bewilligung, Foerderprogramm, Jahresbudget


@dataclass(frozen=True, kw_only=True)
class Geldstand:
    """The money of a programme year, of one area or of one action field, as every page and report shows it.

    `bewilligt` is the granted gross, `zurueckgefordert` what checked proofs of use reclaimed, `netto` the
    difference. Where reclaimed money may be granted again in the year (`rueckfluss`), the budget carries
    the net, otherwise the gross; `verbleibend` is what may still be granted.
    """

    budget: Decimal | None
    bewilligt: Decimal = NULL_EURO
    zurueckgefordert: Decimal = NULL_EURO
    ausgezahlt: Decimal = NULL_EURO
    zurueckgezahlt: Decimal = NULL_EURO
    rueckfluss: bool = False
    projekte: int = 0

    @property
    def netto(self) -> Decimal:
        return self.bewilligt - self.zurueckgefordert

    @property
    def belastet(self) -> Decimal:
        return self.netto if self.rueckfluss else self.bewilligt

    @property
    def verbleibend(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.belastet

    @property
    def ausgezahlt_netto(self) -> Decimal:
        return self.ausgezahlt - self.zurueckgezahlt

    @property
    def anteil(self) -> Decimal | None:
        if not self.budget:
            return None
        return (self.belastet / self.budget * 100).quantize(Decimal("0.1"))

    @property
    def anteil_bewilligt(self) -> Decimal | None:
        return self.anteil

    @property
    def ist_rest(self) -> bool:
        return False


@dataclass(frozen=True, kw_only=True)
class Budgetstand(Geldstand):
    programm: Foerderprogramm
    budget: Decimal = NULL_EURO


@dataclass(frozen=True, kw_only=True)
class Auslastung(Geldstand):
    """One row of a programme year: an area, an action field, or the part of the budget not given to areas."""

    bezeichnung: str
    objekt_id: int | None = None
    rest: Decimal | None = None

    @property
    def ist_rest(self) -> bool:
        return self.rest is not None

    @property
    def verbleibend(self) -> Decimal | None:
        return self.rest if self.rest is not None else super().verbleibend

    @property
    def anteil(self) -> Decimal | None:
        if self.rest is None:
            return super().anteil
        return ((self.budget - self.rest) / self.budget * 100).quantize(Decimal("0.1")) if self.budget else None


def _summe(feld: str, filter: Q | None = None):
    return Coalesce(Sum(feld, filter=filter), NULL_EURO, output_field=DecimalField(max_digits=14, decimal_places=2))


_GELD = {"bewilligt": "betrag_bewilligt", "zurueckgefordert": "betrag_zurueckgefordert",
         "zurueckgezahlt": "betrag_zurueckgezahlt"}
_LEER = {"bewilligt": NULL_EURO, "zurueckgefordert": NULL_EURO, "ausgezahlt": NULL_EURO,
         "zurueckgezahlt": NULL_EURO, "projekte": 0}


def _geld_je(gruppe: str, name: str, *, programme, jahr: int, gebiet_ids: list[int] | None = None) -> dict:
    """Granted gross, reclaimed, repaid, paid out and projects of granted requests per programme and
    `gruppe` (a path from the grant, e.g. "gebiet_id", with `name` its label): two queries."""
    bewilligungen = Bewilligung.objects.bewilligt().filter(jahr=jahr, programm__in=programme)
    auszahlungen = Auszahlung.objects.filter(bewilligung__jahr=jahr, bewilligung__programm__in=programme,
                                             bewilligung__status=Bewilligung.Status.BEWILLIGT)
    if gebiet_ids is not None:
        bewilligungen = bewilligungen.filter(gebiet_id__in=gebiet_ids)
        auszahlungen = auszahlungen.filter(bewilligung__gebiet_id__in=gebiet_ids)
    zeilen: dict[tuple[int, object], dict] = {}
    for row in bewilligungen.values("programm_id", gruppe, name).annotate(
            n=Count("projekt_id", distinct=True), **{k: _summe(f) for k, f in _GELD.items()}):
        zeilen[(row["programm_id"], row[gruppe])] = {**{k: row[k] for k in _GELD}, "projekte": row["n"],
                                                     "ausgezahlt": NULL_EURO, "name": row[name]}
    for row in auszahlungen.values("bewilligung__programm_id", f"bewilligung__{gruppe}", f"bewilligung__{name}"
                                   ).annotate(s=_summe("betrag")):
        schluessel = (row["bewilligung__programm_id"], row[f"bewilligung__{gruppe}"])
        zeile = zeilen.setdefault(schluessel, {**_LEER, "name": row[f"bewilligung__{name}"]})
        zeile["ausgezahlt"] = row["s"]
    return zeilen


def _zahlen(zeile: dict) -> dict:
    return {k: zeile[k] for k in _LEER}


def _budgets(*, programme, jahr: int) -> tuple[dict[int, Decimal], dict[tuple[int, int], tuple[str, Decimal]]]:
    """Programme totals and area budgets of a year, of every area (the rule on reclaims depends on
    whether a year has area budgets at all): one query."""
    gesamt, gebiete = {}, {}
    for pid, gid, name, betrag in Jahresbudget.objects.filter(jahr=jahr, programm__in=programme).values_list(
            "programm_id", "gebiet_id", "gebiet__name", "betrag"):
        if gid is None:
            gesamt[pid] = betrag
        else:
            gebiete[(pid, gid)] = (name, betrag)
    return gesamt, gebiete


def _addieren(zeilen) -> dict:
    # Projects are counted per row; a programme's total of projects is not shown anywhere.
    summe = dict(_LEER)
    for zeile in zeilen:
        for k in summe:
            summe[k] += zeile[k]
    return summe


def budgetstand_je_programm(*, jahr: int, gebiet_ids: Iterable[int] | None = None,
                            programme=None) -> list[Budgetstand]:
    """Budget, granted gross, reclaimed, net, paid, repaid and remaining per programme in a year.

    Without gebiet_ids the budget is the programme's total budget (falling back to the sum of
    its area budgets); with gebiet_ids only those areas' budgets, grants and payouts count.
    Four queries, whatever the number of projects.
    """
    programme = Foerderprogramm.objects.all() if programme is None else programme
    gebiet_ids = None if gebiet_ids is None else list(gebiet_ids)
    gesamt, gebietsbudgets = _budgets(programme=programme, jahr=jahr)
    geld = _geld_je("gebiet_id", "gebiet__name", programme=programme, jahr=jahr, gebiet_ids=gebiet_ids)
    eigene = None if gebiet_ids is None else set(gebiet_ids)
    lokal: dict[int, list[Decimal]] = {}  # every programme with area budgets, even none of `gebiet_ids`
    for (pid, gid), (_, betrag) in gebietsbudgets.items():
        betraege = lokal.setdefault(pid, [])
        if eigene is None or gid in eigene:
            betraege.append(betrag)
    geld_je_programm: dict[int, list[dict]] = {}
    for (pid, _), zeile in geld.items():
        geld_je_programm.setdefault(pid, []).append(zeile)
    ids = set(gesamt) | set(lokal) | set(geld_je_programm)
    ergebnis = []
    for p in (programme.filter(id__in=ids).select_related("stadt").defer("stadt__grenze")
              .order_by("stadt__name", "kurzname")):
        budget = gesamt[p.id] if gebiet_ids is None and gesamt.get(p.id) else sum(lokal.get(p.id, ()), NULL_EURO)
        ergebnis.append(Budgetstand(
            programm=p, budget=budget, rueckfluss=p.rueckfluss(mit_gebietsbudgets=p.id in lokal),
            **_addieren(geld_je_programm.get(p.id, ()))))
    return ergebnis


@dataclass(frozen=True)
class Programmjahr:
    """A programme year as its page, its annual report and a council paper show it."""

    gesamt: Budgetstand | None
    je_gebiet: list[Auslastung]
    nicht_verteilt: Auslastung | None
    rueckfluss_regel: str

    @property
    def zeilen(self) -> list[Auslastung]:
        """The area rows and the undistributed remainder: they add up to the programme total."""
        return self.je_gebiet + ([self.nicht_verteilt] if self.nicht_verteilt else [])


NICHT_VERTEILT = "nicht auf Gebiete verteilt"


def programmjahr(*, programm: Foerderprogramm, jahr: int, gebiet_ids: Iterable[int] | None = None) -> Programmjahr:
    """The programme year's total and its rows per area (three queries); with gebiet_ids only those
    areas' rows, the total stays the programme's. Unrestricted, the part of the total budget not given
    to area budgets is a row of its own, so that the rows add up to the total."""
    gebiet_ids = None if gebiet_ids is None else list(gebiet_ids)
    nur_dieses = Foerderprogramm.objects.filter(pk=programm.pk)
    budgets_gesamt, gebietsbudgets = _budgets(programme=nur_dieses, jahr=jahr)
    rueckfluss = programm.rueckfluss(mit_gebietsbudgets=bool(gebietsbudgets))
    geld = {gid: zeile for (_, gid), zeile in _geld_je("gebiet_id", "gebiet__name", programme=nur_dieses,
                                                       jahr=jahr).items()}
    gesamt = None
    if budgets_gesamt or gebietsbudgets or geld:
        budget = budgets_gesamt.get(programm.pk) or sum((b for _, b in gebietsbudgets.values()), NULL_EURO)
        gesamt = Budgetstand(programm=programm, budget=budget, rueckfluss=rueckfluss,
                             **_addieren(_zahlen(z) for z in geld.values()))
    zeilen: dict[int, Auslastung] = {}
    for (_, gid), (name, betrag) in gebietsbudgets.items():
        zeilen[gid] = Auslastung(bezeichnung=name, objekt_id=gid, budget=betrag, rueckfluss=rueckfluss,
                                 **_zahlen(geld.get(gid, _LEER)))
    for gid, zeile in geld.items():
        if gid not in zeilen:
            zeilen[gid] = Auslastung(bezeichnung=zeile["name"], objekt_id=gid, budget=None, rueckfluss=rueckfluss,
                                     **_zahlen(zeile))
    je_gebiet = sorted((z for gid, z in zeilen.items() if gebiet_ids is None or gid in gebiet_ids),
                       key=lambda a: a.bezeichnung)
    rest = None
    if gebiet_ids is None and programm.pk in budgets_gesamt:
        budget_rest = gesamt.budget - sum((z.budget for z in je_gebiet if z.budget is not None), NULL_EURO)
        # Grants of areas without a budget of their own come out of the undistributed part.
        ohne_eigenes = sum((z.belastet for z in je_gebiet if z.budget is None), NULL_EURO)
        if budget_rest or ohne_eigenes:
            rest = Auslastung(bezeichnung=NICHT_VERTEILT, budget=budget_rest, rueckfluss=rueckfluss,
                              rest=budget_rest - ohne_eigenes)
    return Programmjahr(gesamt=gesamt, je_gebiet=je_gebiet, nicht_verteilt=rest,
                        rueckfluss_regel=programm.rueckfluss_regel(mit_gebietsbudgets=bool(gebietsbudgets)))


def auslastung_je_gebiet(*, programm: Foerderprogramm, jahr: int,
                         gebiet_ids: Iterable[int] | None = None) -> list[Auslastung]:
    """Budget, granted gross, reclaimed, net, paid, repaid and remaining per area of a programme year."""
    return programmjahr(programm=programm, jahr=jahr, gebiet_ids=gebiet_ids).je_gebiet


def auslastung_je_handlungsfeld(*, programm: Foerderprogramm, jahr: int,
                                gebiet_ids: Iterable[int] | None = None) -> list[Auslastung]:
    """Granted gross, reclaimed, net, paid and repaid per action field of a programme year: two queries.

    A project with several action fields counts fully in each of them, so the rows may add up
    to more than the programme's total.
    """
    geld = _geld_je("projekt__handlungsfelder", "projekt__handlungsfelder__name",
                    programme=Foerderprogramm.objects.filter(pk=programm.pk), jahr=jahr,
                    gebiet_ids=None if gebiet_ids is None else list(gebiet_ids))
    return sorted(
        (Auslastung(bezeichnung=zeile["name"] or "ohne Handlungsfeld", objekt_id=hid, budget=None, **_zahlen(zeile))
         for (_, hid), zeile in geld.items()),
        key=lambda a: (-a.bewilligt, a.bezeichnung),
    )


def programmjahre(programm: Foerderprogramm) -> list[int]:
    # order_by(): without it the default ordering joins its fields into the DISTINCT (every grant × title).
    jahre = set(Jahresbudget.objects.filter(programm=programm).values_list("jahr", flat=True).order_by().distinct())
    jahre |= set(Bewilligung.objects.filter(programm=programm).values_list("jahr", flat=True).order_by().distinct())
    return sorted(jahre)


@dataclass(frozen=True)
class Aenderung:
    zeitpunkt: object
    benutzer: object
    objekt: str
    art: str
    felder: list[tuple[str, object, object]]


_HISTORIE_FELDER = {
    "Jahresbudget": ["betrag", "bemerkung"],
    "Projekt": ["status", "gesamtkosten", "eigenmittel", "drittmittel", "beginn", "ende"],
    "Bewilligung": ["status", "betrag_beantragt", "betrag_bewilligt", "entschieden_am"],
    "Auszahlung": ["betrag", "datum"],
    "Verwendungsnachweis": ["faellig_am", "eingereicht_am", "verwendet", "geprueft_am", "rueckforderung"],
    "Rueckforderung": ["art", "betrag", "wirksam_ab", "zahlungsfrist", "erledigt_am"],
    "Rueckzahlung": ["betrag", "datum", "auf_zinsen", "auf_hauptforderung"],
    "Mittelabruf": ["betrag", "verwenden_bis", "status", "entschieden_am", "verwendet_am"],
}
_ARTEN = {"+": "angelegt", "~": "geändert", "-": "gelöscht"}


def _anzeige(modell, feld: str, eintrag):
    """A history value as shown to people: choices by their label."""
    wert = getattr(eintrag, feld)
    choices = modell._meta.get_field(feld).flatchoices
    return dict(choices).get(wert, wert) if choices else wert


def _aenderungen(historie, modell, bezeichnung) -> list[Aenderung]:
    felder = _HISTORIE_FELDER[modell.__name__]
    namen = {f: modell._meta.get_field(f).verbose_name for f in felder}
    ergebnis, vorher = [], {}
    for eintrag in historie:
        alt = vorher.get(eintrag.id)
        geaendert = [(namen[f], _anzeige(modell, f, alt) if alt else None, _anzeige(modell, f, eintrag))
                     for f in felder if alt is None or getattr(alt, f) != getattr(eintrag, f)]
        if alt is None:
            geaendert = [(n, None, neu) for n, _, neu in geaendert if neu not in (None, "")]
        vorher[eintrag.id] = eintrag
        if geaendert or eintrag.history_type != "~":
            ergebnis.append(Aenderung(eintrag.history_date, eintrag.history_user, bezeichnung(eintrag),
                                      _ARTEN[eintrag.history_type], geaendert))
    return ergebnis


def projekt_historie(projekt) -> list[Aenderung]:
    """Who changed what and when on a project and its money: seven queries, newest first."""
    from .models import Mittelabruf, Projekt, Rueckforderung, Rueckzahlung, Verwendungsnachweis

    bewilligung_ids = list(projekt.bewilligungen.values_list("id", flat=True))
    quellen = [
        (Projekt, Projekt.history.filter(id=projekt.id), lambda e: "Projekt"),
        (Bewilligung, Bewilligung.history.filter(projekt_id=projekt.id).select_related("programm"),
         lambda e: f"Bewilligung {e.programm.kurzname} {e.jahr}"),
        (Auszahlung, Auszahlung.history.filter(bewilligung_id__in=bewilligung_ids), lambda e: "Auszahlung"),
        (Verwendungsnachweis, Verwendungsnachweis.history.filter(bewilligung_id__in=bewilligung_ids),
         lambda e: "Verwendungsnachweis"),
        (Rueckforderung, Rueckforderung.history.filter(bewilligung_id__in=bewilligung_ids), lambda e: "Rückforderung"),
        (Rueckzahlung, Rueckzahlung.history.filter(bewilligung_id__in=bewilligung_ids), lambda e: "Rückzahlung"),
        (Mittelabruf, Mittelabruf.history.filter(bewilligung_id__in=bewilligung_ids), lambda e: "Mittelabruf"),
    ]
    alle: list[Aenderung] = []
    for modell, historie, bezeichnung in quellen:
        alle += _aenderungen(historie.select_related("history_user").order_by("history_date", "history_id"),
                             modell, bezeichnung)
    return sorted(alle, key=lambda a: a.zeitpunkt, reverse=True)


def ueberfaellige_nachweise(nachweise):
    """Proofs of use whose due date has passed and that were not submitted, oldest first."""
    return (
        nachweise.filter(faellig_am__lt=heute(), eingereicht_am__isnull=True)
        .select_related("bewilligung__projekt", "bewilligung__programm", "bewilligung__gebiet")
        .defer("bewilligung__gebiet__grenze")
        .order_by("faellig_am", "pk")
    )


def letzte_aenderungen(*, anzahl: int = 10) -> list[Aenderung]:
    """The latest changes to money and projects across the portal, newest first (four queries)."""
    from .models import Projekt, Verwendungsnachweis

    quellen = [
        (Projekt, Projekt.history.all(), lambda e: f"Projekt „{e.titel}“"),
        (Bewilligung, Bewilligung.history.select_related("programm", "projekt"),
         lambda e: f"Bewilligung {e.programm.kurzname} {e.jahr} für „{e.projekt.titel}“"),
        (Auszahlung, Auszahlung.history.select_related("bewilligung__projekt"),
         lambda e: f"Auszahlung für „{e.bewilligung.projekt.titel}“"),
        (Verwendungsnachweis, Verwendungsnachweis.history.select_related("bewilligung__projekt"),
         lambda e: f"Verwendungsnachweis für „{e.bewilligung.projekt.titel}“"),
    ]
    alle: list[Aenderung] = []
    for modell, historie, bezeichnung in quellen:
        neueste = list(historie.select_related("history_user").order_by("-history_date", "-history_id")[:anzahl])
        felder = _HISTORIE_FELDER[modell.__name__]
        namen = {f: modell._meta.get_field(f).verbose_name for f in felder}
        for eintrag in neueste:
            alle.append(Aenderung(eintrag.history_date, eintrag.history_user, bezeichnung(eintrag),
                                  _ARTEN[eintrag.history_type],
                                  [(namen[f], None, _anzeige(modell, f, eintrag)) for f in felder[:2]]))
    return sorted(alle, key=lambda a: a.zeitpunkt, reverse=True)[:anzahl]


def budget_historie(*, programm: Foerderprogramm, jahr: int) -> list[Aenderung]:
    """Who set which budget of a programme year, newest first: one query."""
    historie = (Jahresbudget.history.filter(programm_id=programm.pk, jahr=jahr)
                .select_related("history_user", "gebiet").order_by("history_date", "history_id"))
    return sorted(_aenderungen(historie, Jahresbudget,
                               lambda e: f"Budget {e.gebiet.name if e.gebiet_id else 'gesamt'}"),
                  key=lambda a: a.zeitpunkt, reverse=True)
