"""Start pages, programme pages, choice lists and row counts keep what they computed in the cache until the
data changes (kern.datenstand)."""

from decimal import Decimal

import pytest
from django.db.models import F
from django.urls import reverse

from kern.models import Datenstand
from programme.models import Auszahlung
from programme.services import auszahlung_anweisen
from quartiere import services as quartiere_services
from quartiere.models import Gebiet
from testhilfen.programme import BewilligungFactory, JahresbudgetFactory, ProjektFactory, dieses_jahr
from testhilfen.quartiere import GebietFactory, IndikatorFactory, IndikatorwertFactory, OrganisationFactory, StadtFactory

D = Decimal


@pytest.fixture
def bewilligung(gebiet_a):
    budget = JahresbudgetFactory(programm__stadt=gebiet_a.stadt, programm__kurzname="Cachetest")
    return BewilligungFactory(bewilligt=True, programm=budget.programm, gebiet=gebiet_a, jahr=dieses_jahr(),
                              projekt=ProjektFactory(gebiet=gebiet_a, bewilligt=True), betrag_beantragt=D("5000.00"))


def _budgetzeile(client) -> str:
    seite = client.get(reverse("start")).content.decode()
    zeile = seite[seite.index(">Cachetest<"):]
    return zeile[:zeile.index("</tr>")]


def test_a_payout_shows_on_the_staff_start_page_at_once(client_als, verwaltung, bewilligung):
    client = client_als(verwaltung)
    assert "1.234,56\xa0€" not in _budgetzeile(client)

    auszahlung_anweisen(bewilligung=bewilligung, betrag=D("1234.56"), durch=verwaltung)

    assert "1.234,56\xa0€" in _budgetzeile(client)


def test_a_change_committed_elsewhere_reaches_the_cached_page_with_the_shared_data_state(
        client_als, verwaltung, bewilligung):
    client = client_als(verwaltung)
    auszahlung_anweisen(bewilligung=bewilligung, betrag=D("1000.00"), durch=verwaltung)
    assert "1.000,00\xa0€" in _budgetzeile(client)

    # Another process changes the payout and commits: this process learns of it only by the shared number.
    Auszahlung.objects.filter(bewilligung=bewilligung).update(betrag=D("2000.00"))
    assert "2.000,00\xa0€" not in _budgetzeile(client)  # still the cached figure

    if not Datenstand.objects.filter(pk=1).update(stand=F("stand") + 1):
        Datenstand.objects.create(pk=1, stand=1)
    assert "2.000,00\xa0€" in _budgetzeile(client)


def test_burdened_areas_flagged_by_the_index_show_on_the_council_start_page(client_als, rat, verwaltung):
    stadt = StadtFactory(name="Indexstadt")
    gebiete = {n: GebietFactory(parent=stadt, name=f"Ortsteil {n}", art=Gebiet.Art.STADTTEIL) for n in "ABCD"}
    x = IndikatorFactory(schluessel="x", hoeher_ist_schlechter=True)
    for name, wert in zip("ABCD", (10, 20, 30, 40)):
        IndikatorwertFactory(gebiet=gebiete[name], indikator=x, jahr=2024, wert=D(wert))
    quartiere_services.sozialindex_festlegen(stadt=stadt, ebene=Gebiet.Art.STADTTEIL, anzahl_belastet=1,
                                             gewichte=[(x, D(1), True)])
    client = client_als(rat)
    seite = client.get(reverse("start")).content.decode()
    assert "Ortsteil D" in seite and "Ortsteil A" not in seite

    # The import writes its values and the new flags in bulk, without model signals.
    quartiere_services.indikatorimport_ausfuehren(inhalt=b"Gebiet;Indikator;Jahr;Wert\nOrtsteil A;x;2024;100\n",
                                                  dateiname="x.csv", durch=verwaltung)

    seite = client.get(reverse("start")).content.decode()
    assert "Ortsteil A" in seite and "Ortsteil D" not in seite


def test_the_council_start_page_names_twenty_burdened_areas_and_links_to_all(client_als, rat):
    stadt = StadtFactory(name="Großstadt")
    for i in range(23):
        GebietFactory(parent=stadt, name=f"Belastet {i:02d}", besonders_belastet=True)
    seite = client_als(rat).get(reverse("start")).content.decode()
    assert "Belastet 19" in seite and "Belastet 20" not in seite
    assert f'href="{reverse("gebiete:liste")}?belastet=ja">Alle 23 besonders belasteten Gebiete</a>' in seite


def test_choice_lists_and_row_counts_come_from_the_cache_until_something_changes(
        client_als, verwaltung, gebiet_a, django_assert_max_num_queries):
    ProjektFactory.create_batch(3, gebiet=gebiet_a)
    client = client_als(verwaltung)
    url = reverse("programme:projekte")
    erste = client.get(url).content.decode()
    assert "3 Einträge" in erste and "Träger Neu am Platz" not in erste
    with django_assert_max_num_queries(9):  # session, user, roles, data state, the 25 rows and their labels
        assert client.get(url).status_code == 200

    OrganisationFactory(name="Träger Neu am Platz", stadt=gebiet_a.stadt)
    ProjektFactory(gebiet=gebiet_a)

    danach = client.get(url).content.decode()
    assert "Träger Neu am Platz</option>" in danach and "4 Einträge" in danach


def test_a_payout_shows_on_the_programme_page_at_once(client_als, verwaltung, bewilligung):
    client = client_als(verwaltung)
    url = reverse("programme:programm", args=[bewilligung.programm.pk]) + f"?jahr={dieses_jahr()}"
    assert "1.234,56\xa0€" not in client.get(url).content.decode()

    auszahlung_anweisen(bewilligung=bewilligung, betrag=D("1234.56"), durch=verwaltung)

    assert "1.234,56\xa0€" in client.get(url).content.decode()
