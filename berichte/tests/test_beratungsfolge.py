"""The consultation rows of a council paper: they number themselves, and offer the bodies of the paper's city."""

import re

import pytest
from django.urls import reverse

from beteiligung.models import Gremium
from berichte.models import Beratung, Ratsvorlage
from testhilfen.berichte import BeratungFactory, RatsvorlageFactory
from testhilfen.beteiligung import GremiumFactory
from testhilfen.quartiere import GebietFactory, StadtFactory


def _nummern(html: str) -> list[str]:
    return re.findall(r'name="beratung-\d+-reihenfolge" value="(\d*)"', html)


def _optionen(html: str) -> set[str]:
    auswahl = re.findall(r'<select name="beratung-0-gremium".*?</select>', html, re.S)[0]
    # The empty choice ("keine Angabe") aside.
    return {text.strip() for text in re.findall(r'<option value="[^"]+"[^>]*>([^<]*)</option>', auswahl)}


@pytest.fixture
def bremen(stadt):
    andere = StadtFactory(name="Andere Stadt")
    quartier = GebietFactory(parent=stadt, name="Blockdiek")
    return {
        "deputation": GremiumFactory(gebiet=stadt, art=Gremium.Art.DEPUTATION, name="Deputation für Soziales"),
        "rat": GremiumFactory(gebiet=stadt, art=Gremium.Art.RAT, name="Stadtbürgerschaft"),
        "forum": GremiumFactory(gebiet=quartier, art=Gremium.Art.GEBIETSFORUM, name="WiN-Forum Blockdiek"),
        "fremd": GremiumFactory(gebiet=andere, art=Gremium.Art.RAT, name="Rat der anderen Stadt"),
    }


def _daten(stadt, zeilen: list[dict], initial: int = 0) -> dict:
    daten = {"stadt": stadt.pk, "absender": "Der Senator", "datum": "20.11.2019", "betreff": "Sozialbericht",
             "beratung-TOTAL_FORMS": str(len(zeilen)), "beratung-INITIAL_FORMS": str(initial),
             "beratung-MIN_NUM_FORMS": "0", "beratung-MAX_NUM_FORMS": "1000"}
    for i, zeile in enumerate(zeilen):
        daten |= {f"beratung-{i}-{k}": v for k, v in {"zustaendigkeit": "beratung", **zeile}.items()}
    return daten


def test_new_rows_number_themselves_one_two_three(client_als, verwaltung):
    html = client_als(verwaltung).get(reverse("berichte:vorlage_neu")).content.decode()
    assert _nummern(html) == ["1", "2", "3"]


def test_new_rows_of_a_paper_go_on_from_its_last_row(client_als, verwaltung, stadt):
    vorlage = RatsvorlageFactory(stadt=stadt)
    for nr in (1, 2):
        BeratungFactory(vorlage=vorlage, reihenfolge=nr)
    html = client_als(verwaltung).get(reverse("berichte:vorlage_bearbeiten", args=[vorlage.pk])).content.decode()
    assert _nummern(html) == ["1", "2", "3", "4", "5"]


def test_a_number_given_twice_is_refused(client_als, verwaltung, stadt):
    daten = _daten(stadt, [{"reihenfolge": "1", "gremium_name": "Beirat Ost"},
                           {"reihenfolge": "1", "gremium_name": "Beirat West"}])
    antwort = client_als(verwaltung).post(reverse("berichte:vorlage_neu"), daten)
    assert antwort.status_code == 200
    assert "Die Nummer 1 ist in der Beratungsfolge mehrfach vergeben." in antwort.content.decode()
    assert not Ratsvorlage.objects.exists()


def test_the_bodies_offered_are_those_of_the_papers_city(client_als, verwaltung, stadt, bremen):
    vorlage = RatsvorlageFactory(stadt=stadt)
    html = client_als(verwaltung).get(reverse("berichte:vorlage_bearbeiten", args=[vorlage.pk])).content.decode()
    assert _optionen(html) == {"Deputation für Soziales", "Stadtbürgerschaft", "WiN-Forum Blockdiek"}


def test_a_body_of_another_city_is_refused(client_als, verwaltung, stadt, bremen):
    daten = _daten(stadt, [{"reihenfolge": "1", "gremium": bremen["fremd"].pk}])
    antwort = client_als(verwaltung).post(reverse("berichte:vorlage_neu"), daten)
    assert antwort.status_code == 200 and "keine gültige Auswahl" in antwort.content.decode()
    assert not Beratung.objects.exists()


def test_free_text_is_only_for_bodies_the_portal_does_not_know(client_als, verwaltung, stadt, bremen):
    client = client_als(verwaltung)
    antwort = client.post(reverse("berichte:vorlage_neu"),
                          _daten(stadt, [{"reihenfolge": "1", "gremium_name": "stadtbürgerschaft"}]))
    assert antwort.status_code == 200
    assert "„stadtbürgerschaft“ ist im Portal erfasst: bitte wählen Sie es in der Spalte Gremium." \
        in antwort.content.decode()
    assert not Ratsvorlage.objects.exists()
    antwort = client.post(reverse("berichte:vorlage_neu"), _daten(stadt, [
        {"reihenfolge": "1", "gremium": bremen["deputation"].pk},
        {"reihenfolge": "2", "gremium_name": "Beirat Osterholz"}]))
    assert antwort.status_code == 302
    zeilen = list(Beratung.objects.order_by("reihenfolge").values_list("reihenfolge", "gremium__name", "gremium_name"))
    assert zeilen == [(1, "Deputation für Soziales", ""), (2, None, "Beirat Osterholz")]
