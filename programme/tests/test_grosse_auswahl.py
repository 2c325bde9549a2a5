"""Filters with thousands of choices offer only the chosen city's areas and operators."""

import pytest
from django.urls import reverse

from kern import auswahl
from testhilfen.programme import ProjektFactory
from testhilfen.quartiere import GebietFactory, OrganisationFactory, StadtFactory

LISTE = reverse("programme:projekte")


@pytest.fixture
def zwei_staedte(db):
    nord, sued = StadtFactory(name="Nordstadt"), StadtFactory(name="Südstadt")
    for stadt in (nord, sued):
        for i in range(3):
            GebietFactory(parent=stadt, name=f"{stadt.name} Quartier {i}")
            OrganisationFactory(stadt=stadt, name=f"Träger {i} {stadt.name}")
    return nord, sued


def _optionen(html: str, feld: str) -> str:
    start = html.index(f'name="{feld}"')
    return html[start:html.index("</select>", start)]


def test_small_choice_lists_offer_every_area(client_als, verwaltung, zwei_staedte):
    html = client_als(verwaltung).get(LISTE).content.decode()
    assert "Südstadt Quartier 2" in _optionen(html, "gebiet") and "Nordstadt Quartier 0" in _optionen(html, "gebiet")
    assert auswahl.HINWEIS not in html


def test_large_choice_lists_offer_the_chosen_citys_areas_only(client_als, verwaltung, zwei_staedte, monkeypatch):
    monkeypatch.setattr(auswahl, "GROSSE_AUSWAHL", 4)
    nord, sued = zwei_staedte
    client = client_als(verwaltung)
    ohne_stadt = client.get(LISTE).content.decode()
    # Only the empty choice ("alle") is left.
    assert _optionen(ohne_stadt, "gebiet").count("<option") == 1
    assert _optionen(ohne_stadt, "traeger").count("<option") == 1
    assert auswahl.HINWEIS in ohne_stadt
    html = client.get(LISTE, {"stadt": nord.pk}).content.decode()
    assert "Nordstadt Quartier 1" in _optionen(html, "gebiet") and "Südstadt" not in _optionen(html, "gebiet")
    assert "Träger 2 Nordstadt" in _optionen(html, "traeger") and "Südstadt" not in _optionen(html, "traeger")


def test_a_chosen_area_stays_valid_and_filters(client_als, verwaltung, zwei_staedte, monkeypatch):
    monkeypatch.setattr(auswahl, "GROSSE_AUSWAHL", 4)
    gebiet = zwei_staedte[1].untergebiete.order_by("name").first()
    ProjektFactory(gebiet=gebiet, titel="Sprachcafé Süd")
    ProjektFactory(gebiet=zwei_staedte[0].untergebiete.first(), titel="Stadtteilfest Nord")
    html = client_als(verwaltung).get(LISTE, {"gebiet": gebiet.pk}).content.decode()
    assert "Sprachcafé Süd" in html and "Stadtteilfest Nord" not in html
    assert f'value="{gebiet.pk}" selected' in _optionen(html, "gebiet")
