"""The staff start page counts the Strukturcheck and lists only the areas with a red building block."""

from django.urls import reverse

from portal import dashboard
from testhilfen.quartiere import GebietFactory


def test_start_page_counts_the_strukturcheck_and_lists_red_areas_only(client_als, verwaltung, stadt, monkeypatch):
    for i in range(3):
        GebietFactory(parent=stadt, name=f"Belastet {i}", besonders_belastet=True)
    monkeypatch.setattr(dashboard, "ROTE_ZEILEN", 2)
    html = client_als(verwaltung).get(reverse("start")).content.decode()
    assert "3 Gebiete, 0 Bausteine grün, 0 gelb, 9 rot." in html
    assert "3 Gebiete mit rotem Baustein (die ersten 2)" in html
    assert "Belastet 0" in html and "Belastet 1" in html and "Belastet 2" not in html
    assert "Ganzer Strukturcheck, auch anderer Jahre" in html


def test_strukturcheck_page_is_paged(client_als, verwaltung, stadt, monkeypatch):
    from beteiligung import views

    for i in range(3):
        GebietFactory(parent=stadt, name=f"Belastet {i}", besonders_belastet=True)
    monkeypatch.setattr(views, "STRUKTURCHECK_SEITE", 2)
    client = client_als(verwaltung)
    erste = client.get(reverse("beteiligung:strukturcheck")).content.decode()
    assert "Seite 1 von 2" in erste and "Belastet 1" in erste and "Belastet 2" not in erste
    zweite = client.get(reverse("beteiligung:strukturcheck"), {"seite": 2}).content.decode()
    assert "Belastet 2" in zweite and "Belastet 0" not in zweite
