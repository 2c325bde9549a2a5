"""Plausible statistics: values inside each indicator's range, files with values, one report per bad row,
and values such as `1.234` confirmed by the staff before they are stored."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quartiere import services
from quartiere.einlesen import KEINE_WERTE
from quartiere.models import Importentwurf, Indikatorimport, Indikatorwert
from testhilfen.quartiere import GebietFactory, IndikatorFactory, StadtFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def daten():
    stadt = StadtFactory(name="Musterstadt")
    GebietFactory(parent=stadt, name="Südstadt", kennziffer="01")
    GebietFactory(parent=stadt, name="Nordviertel", kennziffer="02")
    IndikatorFactory(schluessel="einwohner", name="Einwohner", einheit="Personen")
    IndikatorFactory(schluessel="sgb2_quote", name="SGB-II-Quote", einheit="%")
    IndikatorFactory(schluessel="kinderarmut", name="Kinderarmut", einheit="%")
    IndikatorFactory(schluessel="dichte", name="Dichte", einheit="EW/ha", untergrenze=Decimal("1"),
                     obergrenze=Decimal("500"))


def _fehler(inhalt: str) -> list[str]:
    with pytest.raises(services.Ablehnung) as info:
        services.indikatorimport_ausfuehren(inhalt=inhalt.encode(), dateiname="x.csv", durch=None)
    assert not Indikatorwert.objects.exists() and not Indikatorimport.objects.exists()
    return [str(f) for f in info.value.fehler] or [info.value.meldung]


def test_values_outside_an_indicators_range_are_reported_per_row(daten):
    fehler = _fehler("Gebiet;Indikator;Jahr;Wert\n"
                     "Südstadt;kinderarmut;2024;-5\n"
                     "Südstadt;sgb2_quote;2024;150\n"
                     "Nordviertel;einwohner;2024;-7000\n"
                     "Nordviertel;dichte;2024;501\n"
                     "Nordviertel;sgb2_quote;2024;100\n")
    assert fehler == [
        "Zeile 2: außerhalb des erlaubten Bereichs von Kinderarmut (0 bis 100 %): „-5“",
        "Zeile 3: außerhalb des erlaubten Bereichs von SGB-II-Quote (0 bis 100 %): „150“",
        "Zeile 4: außerhalb des erlaubten Bereichs von Einwohner (ab 0 Personen): „-7000“",
        "Zeile 5: außerhalb des erlaubten Bereichs von Dichte (1 bis 500 EW/ha): „501“",
    ]


def test_a_file_with_a_header_and_no_values_is_refused(daten):
    assert _fehler("Gebiet;Indikator;Jahr;Wert\n") == [KEINE_WERTE]
    assert _fehler("Gebiet;Indikator;2023;2024\nSüdstadt;sgb2_quote;-;.\n") == [KEINE_WERTE]


def test_a_bad_row_of_a_wide_file_is_reported_once_with_its_columns(daten):
    assert _fehler("Gebiet;Indikator;2022;2023;2024\n"
                   "Ostend;sgb2_quote;1;2;3\n"
                   "Südstadt;sgb2_quote;abc;2;x1\n"
                   "Nordviertel;sgb2_quote;101;50;-1\n") == [
        "Zeile 2: unbekanntes Gebiet: „Ostend“",
        "Zeile 3: Spalte 2022: keine Zahl: „abc“; Spalte 2024: keine Zahl: „x1“",
        "Zeile 4: außerhalb des erlaubten Bereichs von SGB-II-Quote (0 bis 100 %): Spalte 2022: „101“, "
        "Spalte 2024: „-1“",
    ]


AMBIG = "Gebiet;Indikator;Jahr;Wert\nSüdstadt;einwohner;2024;1.234\nSüdstadt;sgb2_quote;2024;21,5\n"


def test_an_ambiguous_german_number_is_flagged_in_the_preview_and_needs_confirming(daten, client_als, verwaltung):
    client = client_als(verwaltung)
    client.post(reverse("quartiere:import"), {"datei": SimpleUploadedFile("werte.csv", AMBIG.encode())})
    entwurf = Importentwurf.objects.get()
    url = reverse("quartiere:import_vorschau", args=[entwurf.pk])
    html = client.get(url).content.decode()
    assert "1 Werte lassen sich zweifach lesen." in html
    assert '<td>1.234</td><td class="zahl">1.234</td><td class="zahl">1,234</td>' in html
    assert 'name="zahlen_bestaetigt"' in html
    fingerabdruck = services.indikatorimport_pruefen(inhalt=AMBIG.encode()).fingerabdruck

    antwort = client.post(url, {"fingerabdruck": fingerabdruck})
    assert antwort.status_code == 200
    assert "1 Wert wie „1.234“ lassen sich mit Tausender- oder Dezimaltrennzeichen lesen." in antwort.content.decode()
    assert not Indikatorwert.objects.exists()

    antwort = client.post(url, {"fingerabdruck": fingerabdruck, "zahlen_bestaetigt": "on"})
    assert antwort.status_code == 302
    assert sorted(Indikatorwert.objects.values_list("wert", flat=True)) == [Decimal("21.5"), Decimal("1234")]


def test_a_file_without_ambiguous_numbers_needs_no_confirmation(daten):
    inhalt = "Gebiet;Indikator;Jahr;Wert\nSüdstadt;einwohner;2024;1.234,0\nSüdstadt;sgb2_quote;2024;21,5\n"
    assert services.indikatorimport_pruefen(inhalt=inhalt.encode()).datei.mehrdeutig == []
    services.indikatorimport_ausfuehren(inhalt=inhalt.encode(), dateiname="x.csv", durch=None)
    assert Indikatorwert.objects.count() == 2
