"""The type of financing computes the grant (hand-computed examples), and the plan must balance per year."""

from dataclasses import dataclass
from decimal import Decimal

import pytest

from kern.fehler import Regelverstoss
from programme.zuwendung import Finanzierungsart
from programme.zuwendung_regeln import ausgleich_pruefen, plansummen, zuwendung_berechnen

D = Decimal
A = Finanzierungsart


@pytest.mark.parametrize(("art", "werte", "ergebnis"), [
    # 50 % of 12,345.67 € = 6,172.835 -> 6,172.84 € (commercial rounding)
    (A.ANTEIL, {"ausgaben": D("12345.67"), "foerderquote": D("50")}, D("6172.84")),
    # 40 % of 20,000 € = 8,000 €, but the grant of 7,500 € caps it (recalculation)
    (A.ANTEIL, {"ausgaben": D("20000"), "foerderquote": D("40"), "hoechstbetrag": D("7500")}, D("7500.00")),
    # 20,000 € cost - 4,000 € own - 6,500 € third-party = 9,500 € gap
    (A.FEHLBEDARF, {"ausgaben": D("20000"), "eigenmittel": D("4000"), "drittmittel": D("6500")}, D("9500.00")),
    # the gap shrinks to 5,500 € when costs fall to 16,000 €; the grant of 9,500 € is only a cap
    (A.FEHLBEDARF, {"ausgaben": D("16000"), "eigenmittel": D("4000"), "drittmittel": D("6500"),
                    "hoechstbetrag": D("9500")}, D("5500.00")),
    # own and third-party funds cover everything: no gap, never negative
    (A.FEHLBEDARF, {"ausgaben": D("1000"), "eigenmittel": D("800"), "drittmittel": D("400")}, D("0.00")),
    # a fixed 1,500 € stays 1,500 € when costs are 1,800 €
    (A.FESTBETRAG, {"ausgaben": D("1800"), "festbetrag": D("1500")}, D("1500.00")),
    # ... but falls to the costs when they are only 1,200 €
    (A.FESTBETRAG, {"ausgaben": D("1200"), "festbetrag": D("1500")}, D("1200.00")),
    # full financing: all 3,210.50 € of costs
    (A.VOLL, {"ausgaben": D("3210.50")}, D("3210.50")),
    (A.VOLL, {"ausgaben": D("3210.50"), "hoechstbetrag": D("3000")}, D("3000.00")),
])
def test_zuwendung_je_finanzierungsart(art, werte, ergebnis):
    assert zuwendung_berechnen(art=art, **werte) == ergebnis


def test_anteil_ohne_quote_und_festbetrag_ohne_betrag_sind_fehler():
    with pytest.raises(ValueError):
        zuwendung_berechnen(art=A.ANTEIL, ausgaben=D("100"))
    with pytest.raises(ValueError):
        zuwendung_berechnen(art=A.FESTBETRAG, ausgaben=D("100"))


@dataclass
class P:
    kategorie: str
    jahr: int
    betrag: Decimal
    programm_id: int | None = None


def test_plan_muss_je_jahr_ausgeglichen_sein():
    zeilen = [P("personal", 2026, D("6000")), P("sachkosten", 2026, D("4000")), P("eigenmittel", 2026, D("5000")),
              P("zuwendung", 2026, D("5000"), 1),
              P("honorare", 2027, D("3000")), P("drittmittel", 2027, D("1000")), P("zuwendung", 2027, D("1999.99"), 1)]
    summen = plansummen(zeilen)
    assert summen[2026].ausgaben == D("10000") and summen[2026].einnahmen == D("10000")
    assert summen[2026].ausgeglichen and not summen[2027].ausgeglichen
    with pytest.raises(Regelverstoss) as fehler:
        ausgleich_pruefen(summen)
    assert fehler.value.meldung == ("Der Finanzierungsplan ist für 2027 nicht ausgeglichen: Ausgaben 3.000,00 €, "
                                    "Einnahmen 2.999,99 €.")
    zeilen[-1].betrag = D("2000")
    ausgleich_pruefen(plansummen(zeilen))
