"""Reads over budgets and grants, computed in the database in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, Q, Sum
from django.db.models.functions import Coalesce

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
