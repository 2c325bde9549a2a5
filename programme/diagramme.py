"""The bar charts of a programme year: the same on the programme page and in the annual report."""

from __future__ import annotations

from django.utils.safestring import SafeString

from kern.charts import Reihe, balkendiagramm

from .models import Foerderprogramm


def budget_je_gebiet(*, programm: Foerderprogramm, jahr: int, zeilen) -> SafeString:
    """Budget and granted sum per area (rows of selectors.auslastung_je_gebiet)."""
    return balkendiagramm(
        titel=f"Budget und Bewilligungen {programm.kurzname} {jahr} je Gebiet",
        beschreibung="Balken je Gebiet: Budget und bewilligte Summe in Euro; die Zahlen stehen in der Tabelle.",
        kategorien=[z.bezeichnung for z in zeilen],
        reihen=[Reihe("Budget", [z.budget for z in zeilen]), Reihe("bewilligt", [z.bewilligt for z in zeilen])],
    )


def bewilligt_je_handlungsfeld(*, programm: Foerderprogramm, jahr: int, zeilen) -> SafeString:
    """Granted and paid-out sum per action field (rows of selectors.auslastung_je_handlungsfeld)."""
    return balkendiagramm(
        titel=f"Bewilligungen und Auszahlungen {programm.kurzname} {jahr} je Handlungsfeld",
        beschreibung="Balken je Handlungsfeld: bewilligte und ausgezahlte Summe in Euro; die Zahlen stehen in der "
                     "Tabelle.",
        kategorien=[z.bezeichnung for z in zeilen],
        reihen=[Reihe("bewilligt", [z.bewilligt for z in zeilen], "#5a9e6f"),
                Reihe("ausgezahlt", [z.ausgezahlt for z in zeilen], "#7a6fb0")],
    )
