"""Interest under § 49a Abs. 3 and 4 VwVfG against hand-computed examples, to the cent (kern.zinsen).

Rates used (Deutsche Bundesbank, § 247 BGB): 01.07.2023 3,12 %, 01.01.2024 3,62 %, 01.07.2024 3,37 %.
Method: act/365, days from the day after the start to the end day inclusive, each period rounded half up."""

import datetime as dt
from decimal import Decimal as D

import pytest

from kern import zinsen

SAETZE = [zinsen.Basiszins(dt.date(2023, 7, 1), D("3.12")), zinsen.Basiszins(dt.date(2024, 1, 1), D("3.62")),
          zinsen.Basiszins(dt.date(2024, 7, 1), D("3.37"))]


def test_interest_across_a_change_of_the_base_rate_to_the_cent():
    # 10.000,00 € from 15.05.2024 (not counted, § 187 Abs. 1 BGB) to 30.09.2024 (counted):
    #   16.05.-30.06.2024: 46 days at 3,62 + 5 = 8,62 %: 10000 * 0.0862 * 46 / 365 = 108.6356... -> 108,64 €
    #   01.07.-30.09.2024: 92 days at 3,37 + 5 = 8,37 %: 10000 * 0.0837 * 92 / 365 = 210.9699... -> 210,97 €
    #   together 319,61 €
    verlauf = zinsen.verlauf(kapital=D("10000.00"), beginn=dt.date(2024, 5, 15), ende=dt.date(2024, 9, 30),
                             saetze=SAETZE)
    assert [(a.von, a.bis, a.tage, a.zinssatz, a.zinsen) for a in verlauf.abschnitte] == [
        (dt.date(2024, 5, 16), dt.date(2024, 6, 30), 46, D("8.62"), D("108.64")),
        (dt.date(2024, 7, 1), dt.date(2024, 9, 30), 92, D("8.37"), D("210.97")),
    ]
    assert verlauf.zinsen == D("319.61")
    assert (verlauf.kapital_offen, verlauf.offen) == (D("10000.00"), D("10319.61"))


def test_a_partial_repayment_settles_interest_first_and_then_lowers_the_principal():
    # 4.000,00 € paid on 15.08.2024. Interest accrued by then:
    #   16.05.-30.06.: 46 days at 8,62 % on 10.000 = 108,64 €; 01.07.-15.08.: 46 days at 8,37 %:
    #   10000 * 0.0837 * 46 / 365 = 105.4849... -> 105,48 €; together 214,12 €.
    # § 367 Abs. 1 BGB: 214,12 € on interest, 3.785,88 € on the principal, which becomes 6.214,12 €.
    #   16.08.-30.09.: 46 days at 8,37 % on 6.214,12: 6214.12 * 0.0837 * 46 / 365 = 65.5496... -> 65,55 €
    # Interest 279,67 € instead of 319,61 € without the payment; open on 30.09.: 6.214,12 € + 65,55 €.
    verlauf = zinsen.verlauf(kapital=D("10000.00"), beginn=dt.date(2024, 5, 15), ende=dt.date(2024, 9, 30),
                             saetze=SAETZE, zahlungen=[zinsen.Zahlung(dt.date(2024, 8, 15), D("4000.00"))])
    assert [(v.auf_zinsen, v.auf_kapital) for v in verlauf.verrechnungen] == [(D("214.12"), D("3785.88"))]
    assert [a.zinsen for a in verlauf.abschnitte] == [D("108.64"), D("105.48"), D("65.55")]
    assert verlauf.abschnitte[-1].kapital == D("6214.12")
    assert (verlauf.zinsen, verlauf.zinsen_offen, verlauf.kapital_offen) == (D("279.67"), D("65.55"), D("6214.12"))


def test_abs_4_interest_on_funds_paid_out_and_spent_late():
    # 5.000,00 € paid out on 01.12.2023, spent on 15.03.2024 (§ 49a Abs. 4 VwVfG):
    #   02.12.-31.12.2023: 30 days at 3,12 + 5 = 8,12 %: 5000 * 0.0812 * 30 / 365 = 33.3698... -> 33,37 €
    #   01.01.-15.03.2024: 75 days (31 + 29 + 15) at 8,62 %: 5000 * 0.0862 * 75 / 365 = 88.5616... -> 88,56 €
    #   together 121,93 €; nothing of the 5.000 € is owed, a payment of 100 € settles interest only.
    verlauf = zinsen.verlauf(kapital=D("5000.00"), beginn=dt.date(2023, 12, 1), ende=dt.date(2024, 3, 15),
                             saetze=SAETZE, nur_zinsen=True,
                             zahlungen=[zinsen.Zahlung(dt.date(2024, 5, 2), D("100.00"))])
    assert [(a.tage, a.zinsen) for a in verlauf.abschnitte] == [(30, D("33.37")), (75, D("88.56"))]
    assert verlauf.zinsen == D("121.93")
    assert (verlauf.kapital_offen, verlauf.zinsen_offen, verlauf.offen) == (D("0.00"), D("21.93"), D("21.93"))


def test_a_negative_base_rate_lowers_the_rate_and_unchanged_half_years_make_one_period():
    saetze = [zinsen.Basiszins(dt.date(2021, 7, 1), D("-0.88")), zinsen.Basiszins(dt.date(2022, 1, 1), D("-0.88"))]
    # 1.000 € from 30.12.2021 to 31.03.2022: 31.12.2021 and 90 days of 2022 = 91 days at -0,88 + 5 = 4,12 %,
    # one period across 01.01.2022 (same rate): 1000 * 0.0412 * 91 / 365 = 10.2717... -> 10,27 €
    verlauf = zinsen.verlauf(kapital=D("1000"), beginn=dt.date(2021, 12, 30), ende=dt.date(2022, 3, 31),
                             saetze=saetze)
    assert [(a.tage, a.zinssatz, a.zinsen) for a in verlauf.abschnitte] == [(91, D("4.12"), D("10.27"))]


def test_days_after_the_last_recorded_half_year_are_provisional_and_days_before_the_first_rate_refused():
    verlauf = zinsen.verlauf(kapital=D("1000"), beginn=dt.date(2024, 12, 1), ende=dt.date(2025, 2, 1), saetze=SAETZE)
    assert [a.vorlaeufig for a in verlauf.abschnitte] == [False, True]
    assert verlauf.vorlaeufig
    with pytest.raises(zinsen.KeinBasiszins):
        zinsen.verlauf(kapital=D("1000"), beginn=dt.date(2023, 1, 1), ende=dt.date(2023, 8, 1), saetze=SAETZE)
