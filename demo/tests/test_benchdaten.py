from collections import defaultdict
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Sum

from demo import benchdaten
from programme.models import Auszahlung, Bewilligung, Jahresbudget, Projekt
from quartiere.models import Gebiet, Indikatorwert


@pytest.fixture
def klein(monkeypatch, db):
    monkeypatch.setitem(benchdaten.GROESSEN, "M", benchdaten.Groesse(staedte=2, projekte_je_stadtteil=3))
    monkeypatch.setattr(benchdaten, "INDIKATORJAHRE", 2)
    return benchdaten.erzeugen("M")


def _summen(queryset, schluessel, feld):
    return {tuple(z[k] for k in schluessel): z["s"] for z in queryset.values(*schluessel).annotate(s=Sum(feld))}


def test_generated_cities_have_the_promised_shape(klein):
    assert klein["Städte"] == 2 and klein["Gebiete"] == 2 * 30 and klein["Projekte"] == 2 * 25 * 3
    assert Gebiet.objects.filter(stadt__name="Benchstadt 001", art=Gebiet.Art.STADTTEIL).count() == 25
    assert Indikatorwert.objects.count() == klein["Indikatorwerte"] == 60 * benchdaten.INDIKATOREN * 2
    assert Projekt.objects.filter(gebiet__stadt__name="Benchstadt 002").count() == 75
    from kern.zeit import heute

    dieses_jahr = set(Projekt.objects.filter(beginn__year=heute().year).values_list("status", flat=True))
    assert {"laufend", "bewilligt", "beantragt"} <= dieses_jahr


def test_budgets_cover_grants_and_payouts_never_exceed_grants(klein):
    bewilligt = Bewilligung.objects.bewilligt()
    je_gebiet = _summen(bewilligt, ("programm", "jahr", "gebiet"), "betrag_bewilligt")
    gebietsbudgets = _summen(Jahresbudget.objects.gebietsbudgets(), ("programm", "jahr", "gebiet"), "betrag")
    assert je_gebiet and all(summe <= gebietsbudgets[k] for k, summe in je_gebiet.items())
    summe_gebiete = defaultdict(Decimal)
    for (programm, jahr, _), betrag in gebietsbudgets.items():
        summe_gebiete[(programm, jahr)] += betrag
    gesamt = _summen(Jahresbudget.objects.programmbudgets(), ("programm", "jahr"), "betrag")
    assert all(summe <= gesamt[k] for k, summe in summe_gebiete.items())
    gezahlt = _summen(Auszahlung.objects.all(), ("bewilligung",), "betrag")
    grants = dict(bewilligt.values_list("pk", "betrag_bewilligt"))
    assert gezahlt and all(summe <= grants[pk] for (pk,), summe in gezahlt.items())


def test_the_same_seed_gives_the_same_rows(monkeypatch, db):
    monkeypatch.setitem(benchdaten.GROESSEN, "M", benchdaten.Groesse(staedte=1, projekte_je_stadtteil=2))
    monkeypatch.setattr(benchdaten, "INDIKATORJAHRE", 1)

    laeufe = []
    for _ in range(2):
        with pytest.raises(RuntimeError), transaction.atomic():
            benchdaten.erzeugen("M")
            laeufe.append(list(Projekt.objects.order_by("titel").values_list("titel", "gesamtkosten", "status")))
            raise RuntimeError
    assert laeufe[0] == laeufe[1] and len(laeufe[0]) == 50


def test_the_command_refuses_a_database_that_already_holds_benchmark_data(klein, monkeypatch):
    monkeypatch.setattr("demo.management.commands.benchdaten.call_command", lambda *a, **k: None)
    with pytest.raises(CommandError, match="schon Messdaten"):
        call_command("benchdaten", "--groesse", "M")
