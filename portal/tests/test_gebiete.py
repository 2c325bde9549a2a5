"""Area list, area page and map: content, scoping of projects per persona, fixed query counts."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from testhilfen.beteiligung import GremiumFactory, SitzungFactory
from testhilfen.programme import FoerderprogrammFactory, ProgrammgebietFactory, ProjektFactory
from quartiere import services
from quartiere.models import Gebiet
from testhilfen.quartiere import (
    EinrichtungFactory,
    GebietFactory,
    IndikatorFactory,
    IndikatorwertFactory,
    PersonFactory,
    QuartiersmanagementFactory,
)

QUADRAT = {"type": "Polygon", "coordinates": [[[8.8, 53.0], [8.9, 53.0], [8.9, 53.1], [8.8, 53.1], [8.8, 53.0]]]}


def _flaeche(i: int) -> dict:
    x, y = 8.0 + (i % 20) * 0.01, 53.0 + (i // 20) * 0.01
    return {"type": "Polygon", "coordinates": [[[x, y], [x + 0.009, y], [x + 0.009, y + 0.009], [x, y + 0.009],
                                                [x, y]]]}


@pytest.fixture
def indikatoren(db):
    return {
        "einwohner": IndikatorFactory(schluessel="einwohner", name="Einwohner", einheit="Personen",
                                      hoeher_ist_schlechter=False),
        "sgb2_quote": IndikatorFactory(schluessel="sgb2_quote", name="SGB-II-Quote", einheit="%"),
    }


def _gebiete_mit_werten(stadt, anzahl: int, indikatoren, *, jahre=(2023, 2024)):
    gebiete = [GebietFactory(parent=stadt, name=f"Gebiet {i:03d}", grenze=_flaeche(i)) for i in range(anzahl)]
    for i, g in enumerate(gebiete):
        for jahr in jahre:
            IndikatorwertFactory(gebiet=g, indikator=indikatoren["einwohner"], jahr=jahr, wert=Decimal(1000 + i))
            IndikatorwertFactory(gebiet=g, indikator=indikatoren["sgb2_quote"], jahr=jahr,
                                 wert=Decimal(i % 17) + Decimal(jahr - 2020) / 10)
    return gebiete


# --- list -----------------------------------------------------------------------------------------

def test_area_list_filters_sorts_and_keeps_the_filter_in_the_url(client_als, rat, gebiet_a, gebiet_b, indikatoren):
    gebiet_a.besonders_belastet = True
    gebiet_a.quartierstyp = "Großwohnsiedlung"
    gebiet_a.save()
    programm = FoerderprogrammFactory(stadt=gebiet_a.stadt, kurzname="WiN")
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_b, beginn=dt.date(2020, 1, 1))
    IndikatorwertFactory(gebiet=gebiet_b, indikator=indikatoren["einwohner"], jahr=2024, wert=Decimal("12345"))
    client = client_als(rat)

    def namen(**params):
        text = client.get(reverse("gebiete:liste"), params).content.decode()
        return re.findall(r'<td><a href="/gebiete/\d+/">([^<]+)</a>', text)

    assert namen() == ["Quartier A", "Quartier B"]
    assert namen(belastet="ja") == ["Quartier A"]
    assert namen(belastet="nein") == ["Quartier B"]
    assert namen(q="wohnsiedl") == ["Quartier A"]
    assert namen(programm=programm.pk) == ["Quartier B"]
    assert namen(art="stadtteil") == []
    assert namen(stadt=gebiet_a.stadt.pk, sortierung="-name") == ["Quartier B", "Quartier A"]
    text = client.get(reverse("gebiete:liste"), {"programm": programm.pk}).content.decode()
    assert "12.345" in text and "WiN" in text and "WiN (Musterstadt)" in text
    assert "sortierung=name&amp;programm=" in text or "programm=%d&amp;sortierung=" % programm.pk in text


def test_area_list_pages_and_exports_exactly_the_filtered_rows(client_als, verwaltung, stadt):
    for i in range(30):
        GebietFactory(parent=stadt, name=f"Gebiet {i:02d}", besonders_belastet=i < 3)
    client = client_als(verwaltung)
    seite2 = client.get(reverse("gebiete:liste"), {"seite": 2}).content.decode()
    assert "Seite 2 von 2" in seite2 and "Gebiet 29" in seite2 and "Gebiet 00" not in seite2
    antwort = client.get(reverse("gebiete:liste"), {"belastet": "ja", "format": "csv"})
    zeilen = antwort.getvalue().decode("utf-8-sig").strip().splitlines()
    assert zeilen[0].startswith("Name;Art;übergeordnetes Gebiet;Stadt;Kennziffer")
    assert [z.split(";")[0] for z in zeilen[1:]] == ["Gebiet 00", "Gebiet 01", "Gebiet 02"]
    xlsx = client.get(reverse("gebiete:liste"), {"format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize("anzahl", [10, 200])
def test_area_list_runs_a_fixed_number_of_queries(client_als, rat, stadt, indikatoren, anzahl,
                                                  django_assert_max_num_queries):
    gebiete = _gebiete_mit_werten(stadt, anzahl, indikatoren, jahre=(2024,))
    programm = FoerderprogrammFactory(stadt=stadt)
    for g in gebiete[:25]:
        ProgrammgebietFactory(programm=programm, gebiet=g, beginn=dt.date(2020, 1, 1))
    client = client_als(rat)
    with django_assert_max_num_queries(9):
        assert client.get(reverse("gebiete:liste")).status_code == 200


# --- area page ------------------------------------------------------------------------------------

@pytest.fixture
def gebietsseite(gebiet_a, gebiet_b, indikatoren):
    jahr = dt.date.today().year
    programm = FoerderprogrammFactory(stadt=gebiet_a.stadt, kurzname="WiN", name="Wohnen in Nachbarschaften")
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_a, beginn=dt.date(2016, 1, 1), ende=dt.date(2029, 12, 31))
    EinrichtungFactory(gebiet=gebiet_a, name="Haus der Familie")
    qm = QuartiersmanagementFactory(gebiet=gebiet_a, traeger__name="Diakonie", stellenanteil=Decimal("50"))
    qm.personen.add(PersonFactory(vorname="Mia", nachname="Nennbar", einwilligung_am=dt.date(2024, 1, 1)),
                    PersonFactory(vorname="Ohne", nachname="Einwilligung"))
    ProjektFactory(gebiet=gebiet_a, titel="Sprachcafé im Quartier A")
    ProjektFactory(gebiet=gebiet_b, titel="Projekt im Quartier B")
    gremium = GremiumFactory(gebiet=gebiet_a, name="Steuerungskreis A")
    SitzungFactory(gremium=gremium, titel="Frühjahrssitzung", datum=dt.date(jahr, 1, 15), durchgefuehrt=True)
    for g, basis in ((gebiet_a, 20), (gebiet_b, 10)):
        for j in range(2020, 2025):
            IndikatorwertFactory(gebiet=g, indikator=indikatoren["sgb2_quote"], jahr=j, wert=Decimal(basis + j - 2020))
    IndikatorwertFactory(gebiet=gebiet_a, indikator=indikatoren["sgb2_quote"], jahr=jahr + 3, wert=Decimal("30"),
                         ist_prognose=True)
    services.sozialindex_festlegen(stadt=gebiet_a.stadt, ebene=Gebiet.Art.QUARTIER, anzahl_belastet=1,
                                   gewichte=[(indikatoren["sgb2_quote"], Decimal(1), True)])
    return gebiet_a


def test_area_page_shows_programmes_qm_facilities_bodies_indicators_and_rank(client_als, verwaltung, gebietsseite):
    text = client_als(verwaltung).get(reverse("gebiete:detail", args=[gebietsseite.pk])).content.decode()
    assert "WiN" in text and "Fördergebiet" in text and "01.01.2016 – 31.12.2029" in text
    assert "Diakonie" in text and "50\u00a0% einer Vollzeitstelle" in text
    assert "Mia Nennbar" in text and "Einwilligung" not in text and "(Name nicht freigegeben)" in text
    assert "Haus der Familie" in text
    assert "Steuerungskreis A" in text and "Frühjahrssitzung" in text
    assert "Sprachcafé im Quartier A" in text and "Projekt im Quartier B" not in text
    assert 'id="rang-aktuell"' in text and "Rang 1</span> von 2 Gebieten (2024)" in text
    # Chart: accessible SVG plus the same numbers in a table, forecast marked.
    assert text.count("<svg") == 1 and "<title" in text and "<desc" in text
    assert "SGB-II-Quote in Quartier A" in text and "Prognose" in text and "(P)" in text
    assert "Mittel Quartier Musterstadt" in text and "24\u00a0%" not in text
    assert re.search(r"<td class=\"zahl\">24</td><td class=\"zahl\">19</td>", text), "Wert und Mittel 2024"


@pytest.mark.parametrize("persona, sieht_projekt, sieht_gremien", [
    ("verwaltung", True, True), ("rat", True, True), ("qm_a", True, True), ("qm_b", False, False),
])
def test_area_page_scopes_projects_and_bodies_per_persona(client_als, request, gebietsseite, qm_a, qm_b, rat,
                                                          verwaltung, persona, sieht_projekt, sieht_gremien):
    antwort = client_als(request.getfixturevalue(persona)).get(reverse("gebiete:detail", args=[gebietsseite.pk]))
    assert antwort.status_code == 200
    text = antwort.content.decode()
    assert ("Sprachcafé im Quartier A" in text) is sieht_projekt
    assert ("Frühjahrssitzung" in text) is sieht_gremien
    assert "Projekt im Quartier B" not in text
    assert "SGB-II-Quote" in text and "Diakonie" in text  # the area itself is public city data


@pytest.mark.parametrize("anzahl", [10, 200])
def test_area_page_runs_a_fixed_number_of_queries(client_als, verwaltung, gebiet_a, indikatoren, anzahl,
                                                  django_assert_max_num_queries):
    jahre = range(2025 - anzahl // 10, 2025)
    for schluessel, indikator in indikatoren.items():
        for j in jahre:
            IndikatorwertFactory(gebiet=gebiet_a, indikator=indikator, jahr=j, wert=Decimal(j % 7))
    ProjektFactory.create_batch(anzahl // 5, gebiet=gebiet_a)
    EinrichtungFactory.create_batch(anzahl // 10, gebiet=gebiet_a)
    for _ in range(anzahl // 20):
        SitzungFactory(gremium=GremiumFactory(gebiet=gebiet_a), durchgefuehrt=True,
                       datum=dt.date.today() - dt.timedelta(days=3))
    client = client_als(verwaltung)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("gebiete:detail", args=[gebiet_a.pk])).status_code == 200


# --- map ------------------------------------------------------------------------------------------

def test_map_has_no_external_url_without_a_tile_url(client_als, rat, stadt, indikatoren, settings):
    settings.MAP_TILE_URL = ""
    _gebiete_mit_werten(stadt, 3, indikatoren)
    client = client_als(rat)
    for params in ({}, {"faerbung": "i-sgb2_quote"}, {"faerbung": "belastet"}):
        text = client.get(reverse("gebiete:karte"), params).content.decode()
        assert "leaflet.js" in text and "karten-daten" in text
        assert "http://" not in text and "https://" not in text, re.findall(r"https?://\S+", text)
        assert "data-kachel-url" not in text


def test_map_uses_a_tile_layer_only_where_configured(client_als, rat, stadt, indikatoren, settings):
    settings.MAP_TILE_URL = "https://kacheln.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Beispiel"
    _gebiete_mit_werten(stadt, 2, indikatoren)
    text = client_als(rat).get(reverse("gebiete:karte")).content.decode()
    assert 'data-kachel-url="https://kacheln.example.org/{z}/{x}/{y}.png"' in text


def test_map_colours_by_indicator_with_legend_and_by_programme(client_als, rat, stadt, indikatoren):
    gebiete = _gebiete_mit_werten(stadt, 5, indikatoren)
    programm = FoerderprogrammFactory(stadt=stadt, kurzname="WiN")
    ProgrammgebietFactory(programm=programm, gebiet=gebiete[0], beginn=dt.date(2020, 1, 1))
    client = client_als(rat)
    text = client.get(reverse("gebiete:karte"), {"stadt": stadt.pk, "faerbung": "i-sgb2_quote"}).content.decode()
    assert "SGB-II-Quote 2024" in text and 'id="legende"' in text and "0,4 bis 1,4\u00a0%" not in text
    assert "über " in text and "dunkler = ungünstiger" in text
    daten = re.search(r'<script id="karten-daten" type="application/json">(.*?)</script>', text, re.S).group(1)
    assert daten.count('"Feature"') == 5
    text = client.get(reverse("gebiete:karte"), {"stadt": stadt.pk, "faerbung": f"p-{programm.pk}"}).content.decode()
    assert "WiN: Programmgebiete heute" in text and "Fördergebiet seit 01.01.2020" in text
    assert text.count("nicht im Programm") >= 4


@pytest.mark.parametrize("anzahl", [10, 200])
def test_map_runs_a_fixed_number_of_queries(client_als, rat, stadt, indikatoren, anzahl,
                                            django_assert_max_num_queries):
    _gebiete_mit_werten(stadt, anzahl, indikatoren, jahre=(2024,))
    client = client_als(rat)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("gebiete:karte"), {"faerbung": "i-sgb2_quote"}).status_code == 200


def test_map_loads_simplified_boundaries_from_its_own_cached_url(client_als, rat, stadt,
                                                                 django_assert_max_num_queries):
    ring = [[8.0 + i / 1000, 53.0 + (i % 7) / 1000] for i in range(300)]
    gebiet = GebietFactory(parent=stadt, art="stadtteil", name="Vahr",
                           grenze={"type": "Polygon", "coordinates": [ring + [ring[0]]]})
    client = client_als(rat)
    seite = client.get(reverse("gebiete:karte"), {"stadt": stadt.pk}).content.decode()
    url = reverse("gebiete:karte_daten") + f"?stadt={stadt.pk}&amp;ebene=stadtteil"
    assert f'data-grenzen-url="{url}"' in seite and "8.299" not in seite
    antwort = client.get(reverse("gebiete:karte_daten"), {"stadt": stadt.pk, "ebene": "stadtteil"})
    assert antwort["Content-Type"] == "application/geo+json" and antwort["ETag"]
    feature = antwort.json()["features"][0]
    assert feature["id"] == gebiet.pk and len(feature["geometry"]["coordinates"][0]) <= 62
    assert feature["geometry"]["coordinates"][0][0] == feature["geometry"]["coordinates"][0][-1]
    nochmal = client.get(reverse("gebiete:karte_daten"), {"stadt": stadt.pk, "ebene": "stadtteil"},
                         headers={"If-None-Match": antwort["ETag"]})
    assert nochmal.status_code == 304
    with django_assert_max_num_queries(4):  # session, user, roles, the ETag; the boundaries come from the cache
        assert client.get(reverse("gebiete:karte_daten"), {"stadt": stadt.pk, "ebene": "stadtteil"}).json() == \
            antwort.json()
    assert client.get(reverse("gebiete:karte_daten"), {"stadt": "x", "ebene": "stadtteil"}).status_code == 404
