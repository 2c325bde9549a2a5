"""The social index: a small hand-computed example, ties, history per year and flags."""

import math
from decimal import Decimal

import pytest

from quartiere import selectors, services
from quartiere.models import Gebiet, Sozialindexrang
from quartiere.services import KEIN_INDIKATOR_IM_INDEX, Ablehnung
from quartiere.sozialindex import Gewichtung, rangliste
from testhilfen.quartiere import GebietFactory, IndikatorFactory, IndikatorwertFactory, StadtFactory

D = Decimal


def test_hand_computed_example_gives_the_expected_ranks():
    # X (higher is worse, weight 2): 10 20 30 40 -> mean 25, sd √125 -> z = -3 -1 1 3 (in units of 1/√5)
    # Y (lower is worse, weight 1):   4  2  8  6 -> mean 5, sd √5 -> z = -1 -3 3 1, flipped: 1 3 -3 -1
    # S = (2·zX + zY) / 3 = -5, 1, -1, 5 (in units of 1/(3√5)) -> ranks D 1, B 2, C 3, A 4
    werte = {1: {"A": D(10), "B": D(20), "C": D(30), "D": D(40)}, 2: {"A": D(4), "B": D(2), "C": D(8), "D": D(6)}}
    gewichte = [Gewichtung(1, D(2), True), Gewichtung(2, D(1), False)]

    plaetze = rangliste(werte, gewichte, anzahl_belastet=2)

    assert [(p.gebiet_id, p.rang) for p in plaetze] == [("D", 1), ("B", 2), ("C", 3), ("A", 4)]
    einheit = 1 / (3 * math.sqrt(5))
    assert [round(p.wert, 6) for p in plaetze] == [round(f * einheit, 6) for f in (5, 1, -1, -5)]
    assert [p.besonders_belastet for p in plaetze] == [True, True, False, False]
    assert plaetze[0].komponenten == pytest.approx({1: 3 / math.sqrt(5), 2: -1 / math.sqrt(5)})
    assert {p.anzahl for p in plaetze} == {4}


def test_equal_scores_share_a_rank_and_constant_indicators_count_zero():
    werte = {1: {"A": D(1), "B": D(5), "C": D(5), "D": D(9)}, 2: {"A": D(3), "B": D(3), "C": D(3), "D": D(3)}}
    plaetze = rangliste(werte, [Gewichtung(1, D(1), True), Gewichtung(2, D(5), True)], anzahl_belastet=2,
                        namen={"B": "Beta", "C": "Alpha"})
    assert [(p.gebiet_id, p.rang) for p in plaetze] == [("D", 1), ("C", 2), ("B", 2), ("A", 4)]
    assert [p.besonders_belastet for p in plaetze] == [True, True, True, False]
    assert plaetze[1].komponenten[2] == 0.0


def test_only_areas_with_every_indicator_are_ranked_and_two_are_needed():
    werte = {1: {"A": D(1), "B": D(2), "C": D(3)}, 2: {"A": D(1), "B": D(2)}}
    gewichte = [Gewichtung(1, D(1), True), Gewichtung(2, D(1), True)]
    assert [p.gebiet_id for p in rangliste(werte, gewichte, anzahl_belastet=1)] == ["B", "A"]
    assert rangliste({1: {"A": D(1)}}, gewichte[:1], anzahl_belastet=1) == []
    assert rangliste(werte, [], anzahl_belastet=1) == []


@pytest.fixture
def stadt_mit_werten(db):
    stadt = StadtFactory(name="Indexstadt")
    gebiete = {n: GebietFactory(parent=stadt, name=n, art=Gebiet.Art.STADTTEIL) for n in "ABCD"}
    x = IndikatorFactory(schluessel="x", hoeher_ist_schlechter=True)
    y = IndikatorFactory(schluessel="y", hoeher_ist_schlechter=False)
    for jahr, xs, ys in ((2024, (10, 20, 30, 40), (4, 2, 8, 6)), (2023, (40, 20, 30, 10), (4, 2, 8, 6))):
        for name, xv, yv in zip("ABCD", xs, ys):
            IndikatorwertFactory(gebiet=gebiete[name], indikator=x, jahr=jahr, wert=D(xv))
            IndikatorwertFactory(gebiet=gebiete[name], indikator=y, jahr=jahr, wert=D(yv))
    # A forecast never enters the index.
    IndikatorwertFactory(gebiet=gebiete["A"], indikator=x, jahr=2030, wert=D(99), ist_prognose=True)
    IndikatorwertFactory(gebiet=gebiete["A"], indikator=y, jahr=2030, wert=D(0), ist_prognose=True)
    return stadt, gebiete, x, y


def test_index_service_ranks_every_year_keeps_history_and_flags_the_latest(stadt_mit_werten):
    stadt, gebiete, x, y = stadt_mit_werten
    GebietFactory(parent=stadt, name="Sonstwo", art=Gebiet.Art.STADTTEIL, besonders_belastet=True)

    services.sozialindex_festlegen(stadt=stadt, ebene=Gebiet.Art.STADTTEIL, anzahl_belastet=2,
                                   gewichte=[(x, D(2), True), (y, D(1), False)])

    raenge = {(r.jahr, r.gebiet.name): r.rang for r in Sozialindexrang.objects.select_related("gebiet")}
    assert raenge == {(2024, "D"): 1, (2024, "B"): 2, (2024, "C"): 3, (2024, "A"): 4,
                      (2023, "A"): 1, (2023, "B"): 2, (2023, "C"): 3, (2023, "D"): 4}
    belastet = set(Gebiet.objects.filter(besonders_belastet=True).values_list("name", flat=True))
    assert belastet == {"D", "B"}

    verlauf = selectors.rangverlauf(gebiete["D"])
    assert [(p.jahr, p.rang, p.vorjahresrang, p.veraenderung) for p in verlauf] == [(2023, 4, None, None),
                                                                                   (2024, 1, 4, 3)]
    liste = selectors.sozialindex_rangliste(stadt=stadt)
    assert liste.jahr == 2024 and liste.jahre == [2023, 2024] and liste.vorjahr == 2023
    assert [(p.gebiet.name, p.rang, p.vorjahresrang) for p in liste.plaetze] == [
        ("D", 1, 4), ("B", 2, 2), ("C", 3, 3), ("A", 4, 1)]
    assert [g.indikator.schluessel for g in liste.gewichte] == ["x", "y"]


def test_index_is_recalculated_after_each_import(stadt_mit_werten, verwaltung):
    stadt, gebiete, x, y = stadt_mit_werten
    services.sozialindex_festlegen(stadt=stadt, ebene=Gebiet.Art.STADTTEIL, anzahl_belastet=1,
                                   gewichte=[(x, D(1), True)])
    assert Gebiet.objects.get(besonders_belastet=True).name == "D"

    services.indikatorimport_ausfuehren(inhalt=b"Gebiet;Indikator;Jahr;Wert\nA;x;2024;100\n", dateiname="x.csv",
                                        durch=verwaltung)

    assert Gebiet.objects.get(besonders_belastet=True).name == "A"
    assert Sozialindexrang.objects.get(gebiet=gebiete["A"], jahr=2024).rang == 1


def test_index_needs_an_indicator_and_changes_nothing_when_refused(stadt_mit_werten):
    stadt, *_ = stadt_mit_werten
    with pytest.raises(Ablehnung) as fehler:
        services.sozialindex_festlegen(stadt=stadt, ebene=Gebiet.Art.STADTTEIL, anzahl_belastet=1, gewichte=[])
    assert fehler.value.meldung == KEIN_INDIKATOR_IM_INDEX
    assert not Sozialindexrang.objects.exists()


def test_changing_the_level_clears_the_flags_of_the_former_level(stadt_mit_werten):
    stadt, gebiete, x, y = stadt_mit_werten
    services.sozialindex_festlegen(stadt=stadt, ebene=Gebiet.Art.STADTTEIL, anzahl_belastet=1,
                                   gewichte=[(x, D(1), True)])
    services.sozialindex_festlegen(stadt=stadt, ebene=Gebiet.Art.QUARTIER, anzahl_belastet=1,
                                   gewichte=[(x, D(1), True)])
    assert not Gebiet.objects.filter(besonders_belastet=True).exists()
    assert not Sozialindexrang.objects.exists()


def test_recalculating_unchanged_data_writes_nothing(stadt_mit_werten):
    stadt, gebiete, x, y = stadt_mit_werten
    index = services.sozialindex_festlegen(stadt=stadt, ebene=Gebiet.Art.STADTTEIL, anzahl_belastet=2,
                                           gewichte=[(x, D(2), True), (y, D(1), False)])
    vorher = {r.pk: r.modified for r in Sozialindexrang.objects.all()}

    again = services.sozialindex_festlegen(stadt=stadt, ebene=Gebiet.Art.STADTTEIL, anzahl_belastet=2,
                                           gewichte=[(x, D("2.00"), True), (y, D(1), False)])

    assert again.pk == index.pk
    assert {r.pk: r.modified for r in Sozialindexrang.objects.all()} == vorher
    assert services.sozialindex_berechnen(sozialindex=index).geaendert == 0


def test_saving_the_index_in_the_admin_recalculates_it(stadt_mit_werten, client):
    from django.contrib.auth.models import User
    from django.urls import reverse

    stadt, gebiete, x, y = stadt_mit_werten
    client.force_login(User.objects.create_superuser("admin", "admin@example.org", "geheim-und-lang-genug"))
    antwort = client.post(reverse("admin:quartiere_sozialindex_add"), {
        "stadt": stadt.pk, "ebene": "stadtteil", "anzahl_belastet": 1,
        "gewichte-TOTAL_FORMS": 1, "gewichte-INITIAL_FORMS": 0, "gewichte-MIN_NUM_FORMS": 0,
        "gewichte-MAX_NUM_FORMS": 1000, "gewichte-0-indikator": x.pk, "gewichte-0-gewicht": "1",
        "gewichte-0-hoeher_ist_schlechter": "on",
    })
    assert antwort.status_code == 302, antwort.content.decode()[:2000]
    assert Sozialindexrang.objects.filter(jahr=2024, rang=1, gebiet=gebiete["D"]).exists()
    assert Gebiet.objects.get(besonders_belastet=True) == gebiete["D"]
