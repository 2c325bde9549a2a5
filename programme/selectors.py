"""Reads over budgets and grants, computed in the database in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, Q, Sum
from django.db.models.functions import Coalesce

from kern.zeit import heute

from .models import NULL_EURO, Auszahlung, Bewilligung, Foerderprogramm, Jahresbudget


@dataclass(frozen=True)
class Budgetstand:
    programm: Foerderprogramm
    budget: Decimal
    bewilligt: Decimal
    ausgezahlt: Decimal

    @property
    def verbleibend(self) -> Decimal:
        return self.budget - self.bewilligt

    @property
    def anteil_bewilligt(self) -> Decimal | None:
        if not self.budget:
            return None
        return (self.bewilligt / self.budget * 100).quantize(Decimal("0.1"))


def _summe(feld: str, filter: Q | None = None):
    return Coalesce(Sum(feld, filter=filter), NULL_EURO, output_field=DecimalField(max_digits=14, decimal_places=2))


def budgetstand_je_programm(*, jahr: int, gebiet_ids: Iterable[int] | None = None,
                            programme=None) -> list[Budgetstand]:
    """Budget, granted and paid per programme in a year.

    Without gebiet_ids the budget is the programme's total budget (falling back to the sum of
    its area budgets); with gebiet_ids only those areas' budgets, grants and payouts count.
    Four queries, whatever the number of projects.
    """
    programme = Foerderprogramm.objects.all() if programme is None else programme
    budgets = Jahresbudget.objects.filter(jahr=jahr, programm__in=programme)
    bewilligungen = Bewilligung.objects.bewilligt().filter(jahr=jahr, programm__in=programme)
    auszahlungen = Auszahlung.objects.filter(bewilligung__jahr=jahr, bewilligung__programm__in=programme)
    if gebiet_ids is not None:
        gebiet_ids = list(gebiet_ids)
        budgets = budgets.filter(gebiet_id__in=gebiet_ids)
        bewilligungen = bewilligungen.filter(gebiet_id__in=gebiet_ids)
        auszahlungen = auszahlungen.filter(bewilligung__gebiet_id__in=gebiet_ids)

    budget_rows = budgets.values("programm_id").annotate(
        gesamt=_summe("betrag", Q(gebiet__isnull=True)),
        gebiete=_summe("betrag", Q(gebiet__isnull=False)),
    )
    budget = {
        row["programm_id"]: row["gesamt"] if gebiet_ids is None and row["gesamt"] else row["gebiete"]
        for row in budget_rows
    }
    bewilligt = dict(bewilligungen.values("programm_id").annotate(s=_summe("betrag_bewilligt")).values_list("programm_id", "s"))
    ausgezahlt = dict(auszahlungen.values("bewilligung__programm_id").annotate(s=_summe("betrag"))
                      .values_list("bewilligung__programm_id", "s"))
    ids = set(budget) | set(bewilligt) | set(ausgezahlt)
    return [
        Budgetstand(programm=p, budget=budget.get(p.id, NULL_EURO), bewilligt=bewilligt.get(p.id, NULL_EURO),
                    ausgezahlt=ausgezahlt.get(p.id, NULL_EURO))
        for p in programme.filter(id__in=ids).select_related("stadt").order_by("stadt__name", "kurzname")
    ]


@dataclass(frozen=True)
class Auslastung:
    """One row of a programme year: an area or an action field."""

    bezeichnung: str
    budget: Decimal | None
    bewilligt: Decimal
    ausgezahlt: Decimal
    projekte: int = 0
    objekt_id: int | None = None

    @property
    def verbleibend(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.bewilligt

    @property
    def anteil(self) -> Decimal | None:
        if not self.budget:
            return None
        return (self.bewilligt / self.budget * 100).quantize(Decimal("0.1"))


def _geld_im_programmjahr(programm: Foerderprogramm, jahr: int, gebiet_ids: Iterable[int] | None):
    """The granted requests and their payouts of a programme year, optionally of some areas only."""
    bewilligungen = Bewilligung.objects.bewilligt().filter(programm=programm, jahr=jahr)
    auszahlungen = Auszahlung.objects.filter(bewilligung__programm=programm, bewilligung__jahr=jahr,
                                             bewilligung__status=Bewilligung.Status.BEWILLIGT)
    if gebiet_ids is not None:
        gebiet_ids = list(gebiet_ids)
        bewilligungen = bewilligungen.filter(gebiet_id__in=gebiet_ids)
        auszahlungen = auszahlungen.filter(bewilligung__gebiet_id__in=gebiet_ids)
    return bewilligungen, auszahlungen


def auslastung_je_gebiet(*, programm: Foerderprogramm, jahr: int,
                         gebiet_ids: Iterable[int] | None = None) -> list[Auslastung]:
    """Budget, granted, paid and remaining per area of a programme year: three queries."""
    budgets = Jahresbudget.objects.filter(programm=programm, jahr=jahr, gebiet__isnull=False)
    if gebiet_ids is not None:
        gebiet_ids = list(gebiet_ids)
        budgets = budgets.filter(gebiet_id__in=gebiet_ids)
    bewilligungen, auszahlungen = _geld_im_programmjahr(programm, jahr, gebiet_ids)
    zeilen: dict[int, dict] = {}
    for row in budgets.values("gebiet_id", "gebiet__name", "betrag"):
        zeilen[row["gebiet_id"]] = {"name": row["gebiet__name"], "budget": row["betrag"], "bewilligt": NULL_EURO,
                                    "ausgezahlt": NULL_EURO, "projekte": 0}
    leer = {"budget": None, "bewilligt": NULL_EURO, "ausgezahlt": NULL_EURO, "projekte": 0}
    for row in bewilligungen.values("gebiet_id", "gebiet__name").annotate(
            s=_summe("betrag_bewilligt"), n=Count("projekt_id", distinct=True)):
        zeile = zeilen.setdefault(row["gebiet_id"], {"name": row["gebiet__name"], **leer})
        zeile["bewilligt"], zeile["projekte"] = row["s"], row["n"]
    for row in auszahlungen.values("bewilligung__gebiet_id", "bewilligung__gebiet__name").annotate(s=_summe("betrag")):
        zeile = zeilen.setdefault(row["bewilligung__gebiet_id"], {"name": row["bewilligung__gebiet__name"], **leer})
        zeile["ausgezahlt"] = row["s"]
    return sorted(
        (Auslastung(bezeichnung=z["name"], budget=z["budget"], bewilligt=z["bewilligt"], ausgezahlt=z["ausgezahlt"],
                    projekte=z["projekte"], objekt_id=gid) for gid, z in zeilen.items()),
        key=lambda a: a.bezeichnung,
    )


def auslastung_je_handlungsfeld(*, programm: Foerderprogramm, jahr: int,
                                gebiet_ids: Iterable[int] | None = None) -> list[Auslastung]:
    """Granted and paid per action field of a programme year: two queries.

    A project with several action fields counts fully in each of them, so the rows may add up
    to more than the programme's total.
    """
    bewilligungen, auszahlungen = _geld_im_programmjahr(programm, jahr, gebiet_ids)
    zeilen: dict[int | None, dict] = {}
    for row in bewilligungen.values("projekt__handlungsfelder", "projekt__handlungsfelder__name").annotate(
            s=_summe("betrag_bewilligt"), n=Count("projekt_id", distinct=True)):
        zeilen[row["projekt__handlungsfelder"]] = {
            "name": row["projekt__handlungsfelder__name"] or "ohne Handlungsfeld",
            "bewilligt": row["s"], "projekte": row["n"], "ausgezahlt": NULL_EURO}
    for row in auszahlungen.values("bewilligung__projekt__handlungsfelder").annotate(s=_summe("betrag")):
        if row["bewilligung__projekt__handlungsfelder"] in zeilen:
            zeilen[row["bewilligung__projekt__handlungsfelder"]]["ausgezahlt"] = row["s"]
    return sorted(
        (Auslastung(bezeichnung=z["name"], budget=None, bewilligt=z["bewilligt"], ausgezahlt=z["ausgezahlt"],
                    projekte=z["projekte"], objekt_id=hid) for hid, z in zeilen.items()),
        key=lambda a: (-a.bewilligt, a.bezeichnung),
    )


def programmjahre(programm: Foerderprogramm) -> list[int]:
    jahre = set(Jahresbudget.objects.filter(programm=programm).values_list("jahr", flat=True).distinct())
    jahre |= set(Bewilligung.objects.filter(programm=programm).values_list("jahr", flat=True).distinct())
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
    """Who changed what and when on a project and its money: four queries, newest first."""
    from .models import Projekt, Verwendungsnachweis

    bewilligung_ids = list(projekt.bewilligungen.values_list("id", flat=True))
    quellen = [
        (Projekt, Projekt.history.filter(id=projekt.id), lambda e: "Projekt"),
        (Bewilligung, Bewilligung.history.filter(projekt_id=projekt.id).select_related("programm"),
         lambda e: f"Bewilligung {e.programm.kurzname} {e.jahr}"),
        (Auszahlung, Auszahlung.history.filter(bewilligung_id__in=bewilligung_ids), lambda e: "Auszahlung"),
        (Verwendungsnachweis, Verwendungsnachweis.history.filter(bewilligung_id__in=bewilligung_ids),
         lambda e: "Verwendungsnachweis"),
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
