"""Strukturcheck: the three building blocks of the Leverkusen paper, each colour with its reason."""

import datetime as dt
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from beteiligung.models import Gremium, Sitzung
from beteiligung.selectors import strukturcheck, strukturcheck_gebiete, strukturcheck_matrix
from testhilfen.beteiligung import GremiumFactory, SitzungFactory
from testhilfen.programme import FoerderprogrammFactory, JahresbudgetFactory, ProgrammgebietFactory
from testhilfen.quartiere import GebietFactory, OrganisationFactory, QuartiersmanagementFactory

JAHR = 2025
STICHTAG = dt.date(2025, 6, 1)  # mid-year: meetings after it are still to come
HELD = Sitzung.Status.DURCHGEFUEHRT


def check(gebiet, jahr=JAHR, stichtag=STICHTAG):
    return strukturcheck([gebiet], jahr, stichtag=stichtag)[gebiet.id]


def versammlung(gebiet, name="Bürgerversammlung A", **kwargs):
    return GremiumFactory(gebiet=gebiet, name=name, art=Gremium.Art.BUERGERVERSAMMLUNG,
                          sitzungen_soll_min=2, sitzungen_soll_max=4, **kwargs)


def sitzungen(gremium, *tage, status=HELD):
    for tag in tage:
        SitzungFactory(gremium=gremium, datum=tag, status=status)


# --- Beteiligung -----------------------------------------------------------------------------

def test_participation_red_without_a_citizens_assembly(gebiet_a):
    GremiumFactory(gebiet=gebiet_a, art=Gremium.Art.BEIRAT)
    b = check(gebiet_a).beteiligung
    assert (b.farbe, b.begruendung) == ("rot", "Für Quartier A ist keine Bürgerversammlung als Gremium eingerichtet.")


def test_participation_green_when_the_minimum_is_held(gebiet_a):
    bv = versammlung(gebiet_a)
    sitzungen(bv, dt.date(2025, 2, 3), dt.date(2025, 5, 12))
    sitzungen(bv, dt.date(2024, 10, 1), dt.date(2024, 11, 1))  # other years do not count
    b = check(gebiet_a).beteiligung
    assert (b.farbe, b.begruendung) == ("gruen", "2 Bürgerversammlungen 2025 durchgeführt (Soll 2–4 im Jahr).")


def test_participation_green_says_when_more_than_planned(gebiet_a):
    bv = versammlung(gebiet_a)
    sitzungen(bv, *[dt.date(2025, m, 1) for m in (1, 2, 3, 4, 5)])
    b = check(gebiet_a).beteiligung
    assert b.farbe == "gruen"
    assert b.begruendung == ("5 Bürgerversammlungen 2025 durchgeführt (Soll 2–4 im Jahr, mehr als die "
                             "vorgesehenen 4).")


def test_participation_amber_when_fewer_than_the_minimum(gebiet_a):
    bv = versammlung(gebiet_a)
    sitzungen(bv, dt.date(2025, 3, 10))
    sitzungen(bv, dt.date(2025, 9, 10), status=Sitzung.Status.GEPLANT)
    b = check(gebiet_a).beteiligung
    assert (b.farbe, b.begruendung) == ("gelb", "Erst 1 von mindestens 2 Bürgerversammlungen 2025 durchgeführt "
                                                "(Soll 2–4 im Jahr). Die nächste ist für den 10.09.2025 geplant.")


def test_participation_amber_in_a_past_year_with_too_few(gebiet_a):
    bv = versammlung(gebiet_a)
    sitzungen(bv, dt.date(2025, 3, 10))
    b = check(gebiet_a, stichtag=dt.date(2025, 12, 31)).beteiligung
    assert (b.farbe, b.begruendung) == ("gelb", "Nur 1 von mindestens 2 Bürgerversammlungen 2025 durchgeführt "
                                                "(Soll 2–4 im Jahr).")


def test_participation_amber_when_none_yet_but_one_is_planned(gebiet_a):
    bv = versammlung(gebiet_a)
    sitzungen(bv, dt.date(2025, 9, 10), dt.date(2025, 11, 5), status=Sitzung.Status.GEPLANT)
    b = check(gebiet_a).beteiligung
    assert (b.farbe, b.begruendung) == ("gelb", "2025 hat noch keine Bürgerversammlung stattgefunden (Soll 2–4 im "
                                                "Jahr). Die nächste ist für den 10.09.2025 geplant.")


def test_participation_red_when_none_held_and_none_planned(gebiet_a):
    bv = versammlung(gebiet_a)
    # Planned for a day already past and never marked as held: neither held nor still to come.
    sitzungen(bv, dt.date(2025, 4, 1), status=Sitzung.Status.GEPLANT)
    versammlung(gebiet_a, aktiv=False, name="alte Versammlung")
    b = check(gebiet_a).beteiligung
    assert (b.farbe, b.begruendung) == ("rot", "2025 hat keine Bürgerversammlung stattgefunden und keine ist "
                                               "geplant (Soll 2–4 im Jahr).")


def test_participation_target_defaults_to_the_leverkusen_two_to_four(gebiet_a):
    bv = GremiumFactory(gebiet=gebiet_a, art=Gremium.Art.BUERGERVERSAMMLUNG, sitzungen_soll_min=None,
                        sitzungen_soll_max=None)
    sitzungen(bv, dt.date(2025, 3, 10))
    assert "von mindestens 2 Bürgerversammlungen 2025 durchgeführt (Soll 2–4 im Jahr)" in check(
        gebiet_a).beteiligung.begruendung


# --- Umsetzung -------------------------------------------------------------------------------

@pytest.fixture
def caritas(stadt):
    return OrganisationFactory(name="Caritasverband", kurzname="Caritas", stadt=stadt)


@pytest.fixture
def verfuegungsfonds(stadt):
    return FoerderprogrammFactory(kurzname="VF", name="Verfügungsfonds", stadt=stadt, ist_verfuegungsfonds=True)


def test_implementation_red_without_a_running_qm(gebiet_a, caritas):
    QuartiersmanagementFactory(gebiet=gebiet_a, traeger=caritas, befristet_bis=dt.date(2025, 3, 31))
    u = check(gebiet_a).umsetzung
    assert (u.farbe, u.begruendung) == ("rot", "Am 01.06.2025 läuft kein Quartiersmanagement; für 2025 ist kein "
                                               "Verfügungsfonds budgetiert.")


def test_implementation_green_with_half_a_position_and_a_disposal_fund(gebiet_a, caritas, verfuegungsfonds):
    QuartiersmanagementFactory(gebiet=gebiet_a, traeger=caritas, stellenanteil=Decimal("50"))
    JahresbudgetFactory(programm=verfuegungsfonds, jahr=JAHR, gebiet=gebiet_a, betrag=Decimal("10000"))
    u = check(gebiet_a).umsetzung
    assert (u.farbe, u.begruendung) == ("gruen", "Quartiersmanagement mit 50\u00a0% (Caritas, unbefristet) und "
                                                 "Verfügungsfonds 2025: 10.000,00 €.")


def test_implementation_amber_without_a_disposal_fund(gebiet_a, caritas, stadt):
    QuartiersmanagementFactory(gebiet=gebiet_a, traeger=caritas, stellenanteil=Decimal("75"),
                               befristet_bis=dt.date(2026, 12, 31))
    # A budget of an ordinary programme is no disposal fund.
    JahresbudgetFactory(programm=FoerderprogrammFactory(stadt=stadt), jahr=JAHR, gebiet=gebiet_a)
    u = check(gebiet_a).umsetzung
    assert (u.farbe, u.begruendung) == ("gelb", "Quartiersmanagement mit 75\u00a0% (Caritas, befristet bis "
                                                "31.12.2026) vorhanden, aber für 2025 ist kein Verfügungsfonds "
                                                "budgetiert.")


def test_implementation_amber_below_half_a_position(gebiet_a, caritas, verfuegungsfonds):
    QuartiersmanagementFactory(gebiet=gebiet_a, traeger=caritas, stellenanteil=Decimal("37.5"))
    JahresbudgetFactory(programm=verfuegungsfonds, jahr=JAHR, gebiet=gebiet_a, betrag=Decimal("5000"))
    u = check(gebiet_a).umsetzung
    assert (u.farbe, u.begruendung) == ("gelb", "Quartiersmanagement mit 37,5\u00a0% (Caritas, unbefristet) – "
                                                "weniger als die nötigen 50\u00a0%; Verfügungsfonds 2025: "
                                                "5.000,00 €.")


def test_two_quarter_positions_add_up_to_half(gebiet_a, caritas, verfuegungsfonds):
    QuartiersmanagementFactory(gebiet=gebiet_a, traeger=caritas, stellenanteil=Decimal("25"))
    QuartiersmanagementFactory(gebiet=gebiet_a, traeger=caritas, stellenanteil=Decimal("25"))
    JahresbudgetFactory(programm=verfuegungsfonds, jahr=JAHR, gebiet=gebiet_a, betrag=Decimal("5000"))
    assert check(gebiet_a).umsetzung.farbe == "gruen"


# --- Steuerung -------------------------------------------------------------------------------

def steuerungskreis(gebiet):
    return GremiumFactory(gebiet=gebiet, name="Steuerungskreis Rheindorf", art=Gremium.Art.STEUERUNGSKREIS)


def test_steering_red_without_a_steering_circle(gebiet_a):
    s = check(gebiet_a).steuerung
    assert (s.farbe, s.begruendung) == ("rot", "Für Quartier A ist kein Steuerungskreis eingerichtet.")


def test_steering_green_when_the_circle_met(gebiet_a):
    kreis = steuerungskreis(gebiet_a)
    sitzungen(kreis, dt.date(2025, 2, 11))
    SitzungFactory(gremium=kreis, datum=dt.date(2025, 5, 12), status=Sitzung.Status.DOKUMENTIERT,
                   dokumentiert_am=dt.date(2025, 5, 20))
    s = check(gebiet_a).steuerung
    assert (s.farbe, s.begruendung) == ("gruen", "Der Steuerungskreis „Steuerungskreis Rheindorf“ hat 2025 2-mal "
                                                 "getagt, zuletzt am 12.05.2025.")


def test_steering_amber_when_a_meeting_is_planned(gebiet_a):
    kreis = steuerungskreis(gebiet_a)
    sitzungen(kreis, dt.date(2024, 11, 3))
    sitzungen(kreis, dt.date(2025, 7, 1), status=Sitzung.Status.GEPLANT)
    s = check(gebiet_a).steuerung
    assert (s.farbe, s.begruendung) == ("gelb", "Der Steuerungskreis „Steuerungskreis Rheindorf“ hat 2025 noch "
                                                "nicht getagt; die nächste Sitzung ist für den 01.07.2025 geplant.")


def test_steering_red_when_the_circle_did_not_meet(gebiet_a):
    kreis = steuerungskreis(gebiet_a)
    sitzungen(kreis, dt.date(2024, 11, 3))
    s = check(gebiet_a, stichtag=dt.date(2025, 12, 31)).steuerung
    assert (s.farbe, s.begruendung) == ("rot", "Der Steuerungskreis „Steuerungskreis Rheindorf“ hat 2025 nicht "
                                               "getagt, und keine Sitzung ist geplant.")


# --- areas, queries, rendering ---------------------------------------------------------------

@pytest.mark.parametrize("anzahl", [2, 25])
def test_strukturcheck_takes_four_queries_for_any_number_of_areas(stadt, anzahl, django_assert_num_queries):
    gebiete = []
    for i in range(anzahl):
        gebiet = GebietFactory(parent=stadt)
        steuerungskreis(gebiet)
        sitzungen(versammlung(gebiet), dt.date(2025, 3, 1))
        QuartiersmanagementFactory(gebiet=gebiet)
        gebiete.append(gebiet)
    with django_assert_num_queries(4):
        ergebnis = strukturcheck(gebiete, JAHR, stichtag=STICHTAG)
    assert list(ergebnis) == [g.id for g in gebiete]


def test_matrix_covers_areas_with_neighbourhood_work(stadt, gebiet_a, gebiet_b, verwaltung, qm_a, qm_b):
    # gebiet_a and gebiet_b have running QM positions (the personas qm_a and qm_b).
    GebietFactory(parent=stadt, name="Manfort", besonders_belastet=True)
    im_programm = GebietFactory(parent=stadt, name="Blockdiek")
    ProgrammgebietFactory(gebiet=im_programm, programm=FoerderprogrammFactory(stadt=stadt),
                          beginn=dt.date(2020, 1, 1))
    mit_kreis = GebietFactory(parent=stadt, name="Rheindorf")
    steuerungskreis(mit_kreis)
    programm_vorbei = GebietFactory(parent=stadt, name="Huckelriede")
    ProgrammgebietFactory(gebiet=programm_vorbei, programm=FoerderprogrammFactory(stadt=stadt),
                          beginn=dt.date(2014, 1, 1), ende=dt.date(2016, 12, 31))
    GebietFactory(parent=stadt, name="Ruhiges Viertel")
    namen = [g.name for g in strukturcheck_gebiete(verwaltung, JAHR, stichtag=STICHTAG)]
    assert namen == ["Blockdiek", "Manfort", "Quartier A", "Quartier B", "Rheindorf"]
    assert [c.gebiet.name for c in strukturcheck_matrix(qm_b, JAHR, stichtag=STICHTAG)] == ["Quartier B"]


def test_block_partial_says_colour_and_reason_in_words(gebiet_a):
    kreis = steuerungskreis(gebiet_a)
    sitzungen(kreis, dt.date(2025, 2, 11))
    html = " ".join(render_to_string("beteiligung/_strukturcheck.html",
                                     {"strukturcheck": check(gebiet_a), "ebene": "h3"}).split())
    assert '<h3 class="h5"' in html
    assert "Strukturcheck 2025" in html
    assert "grün</span> Der Steuerungskreis „Steuerungskreis Rheindorf“ hat 2025 1-mal getagt" in html
    assert "rot</span> Für Quartier A ist keine Bürgerversammlung als Gremium eingerichtet." in html


def test_strukturcheck_page_per_year_and_role(client_als, verwaltung, rat, qm_b, gebiet_a):
    kreis = steuerungskreis(gebiet_a)
    sitzungen(kreis, dt.date(2025, 2, 11))
    url = reverse("beteiligung:strukturcheck")
    response = client_als(rat).get(url, {"jahr": "2025"})
    assert response.status_code == 200
    assert "hat 2025 1-mal getagt, zuletzt am 11.02.2025" in response.content.decode()
    assert "Quartier A" not in client_als(qm_b).get(url, {"jahr": "2025"}).content.decode()
    assert client_als(verwaltung).get(url, {"jahr": "abc"}).status_code == 404


@pytest.mark.parametrize("anzahl", [2, 20])
def test_strukturcheck_page_query_count_is_fixed(client_als, verwaltung, stadt, anzahl,
                                                 django_assert_max_num_queries):
    for i in range(anzahl):
        gebiet = GebietFactory(parent=stadt, besonders_belastet=True)
        sitzungen(steuerungskreis(gebiet), dt.date(2025, 3, 1))
    client = client_als(verwaltung)
    # The page is paged (one query counts the areas) and reads the building-block models once; one query reads
    # the data state of the cached choice lists and count (kern.datenstand).
    with django_assert_max_num_queries(10):
        response = client.get(reverse("beteiligung:strukturcheck"), {"jahr": "2025"})
    assert len(response.context["matrix"]) == anzahl
