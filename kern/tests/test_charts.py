import xml.etree.ElementTree as ET
from decimal import Decimal

from django.utils import translation

from kern.charts import Reihe, abweichungsdiagramm, balkendiagramm, liniendiagramm

SVG = "{http://www.w3.org/2000/svg}"


def _diagramm(**kwargs):
    with translation.override("de"):
        return liniendiagramm(**{
            "titel": "SGB-II-Quote in Blockdiek", "beschreibung": "Blockdiek und Stadtmittel je Jahr.",
            "jahre": [2022, 2023, 2024, 2025, 2026],
            "reihen": [Reihe("Blockdiek", [Decimal("21.5"), Decimal("22.25"), None, Decimal("23"), Decimal("24")]),
                       Reihe("Mittel", [Decimal("12"), Decimal("12.5"), Decimal("13"), Decimal("13"), Decimal("13")])],
            "einheit": "%", **kwargs})


def test_line_chart_is_accessible_svg_with_title_description_and_point_labels():
    svg = _diagramm(prognose_ab=2026)
    wurzel = ET.fromstring(svg)
    assert wurzel.get("role") == "img"
    kennungen = wurzel.get("aria-labelledby").split()
    assert wurzel.find(f"{SVG}title").get("id") == kennungen[0]
    assert wurzel.find(f"{SVG}title").text == "SGB-II-Quote in Blockdiek"
    assert wurzel.find(f"{SVG}desc").text == "Blockdiek und Stadtmittel je Jahr."
    # Four points of the area (one year without value) and five of the average, each with its value.
    assert len(wurzel.findall(f"{SVG}circle")) == 4
    hinweise = [t.text for t in wurzel.iter(f"{SVG}title")][1:]
    assert "Blockdiek 2023: 22,2 %" in hinweise or "Blockdiek 2023: 22,3 %" in hinweise
    assert "Mittel 2022: 12,0 %" in hinweise
    # A gap splits the area's line into two pieces; the average is one line.
    assert len(wurzel.findall(f"{SVG}polyline")) == 3
    assert "Prognose" in svg and "<script" not in svg


def test_line_chart_marks_no_forecast_without_forecast_years_and_is_empty_without_data():
    assert "Prognose" not in _diagramm()
    assert liniendiagramm(titel="x", beschreibung="y", jahre=[], reihen=[]) == ""
    assert liniendiagramm(titel="x", beschreibung="y", jahre=[2024], reihen=[Reihe("a", [None])]) == ""


def test_line_chart_axis_uses_german_numbers():
    with translation.override("de"):
        svg = liniendiagramm(titel="Einwohner", beschreibung="d", jahre=[2023, 2024],
                             reihen=[Reihe("A", [Decimal("12345"), Decimal("12410")])], einheit="Personen")
    assert "12.350" in svg or "12.360" in svg or "12.400" in svg
    assert ">2023<" in svg and ">2.023<" not in svg


def test_bar_chart_names_its_series_and_writes_german_amounts():
    svg = balkendiagramm(titel="Budget je Gebiet", beschreibung="d", kategorien=["Quartier A", "Quartier B"],
                         reihen=[Reihe("Budget", [Decimal("60000"), Decimal("1250.5")]),
                                 Reihe("bewilligt", [Decimal("19500.5"), None])])
    wurzel = ET.fromstring(svg)
    texte = [t.text for t in wurzel.iter(f"{SVG}text")]
    assert "Budget" in texte and "bewilligt" in texte and "Quartier B" in texte
    assert "60.000 €" in texte and "19.500 €" in texte
    assert balkendiagramm(titel="x", beschreibung="y", kategorien=[], reihen=[]) == ""


def test_deviation_chart_marks_bars_and_rounds_scores():
    svg = abweichungsdiagramm(titel="Sozialindex", beschreibung="d", kategorien=["A", "B"],
                              werte=[Decimal("1.235"), Decimal("-0.5")], markiert=[True, False])
    texte = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "1,24" in texte and "-0,50" in texte and "stärker belastet →" in texte


def test_a_legend_too_wide_for_one_row_takes_a_row_per_series():
    def legende(breite):
        svg = _diagramm(breite=breite, reihen=[Reihe("Blockdiek", [Decimal("21.5")] * 5),
                                               Reihe("Mittel Stadtteil Leverkusen", [Decimal("12")] * 5)])
        return [(t.get("x"), t.get("y")) for t in ET.fromstring(svg).iter(f"{SVG}text")
                if t.text in ("Blockdiek", "Mittel Stadtteil Leverkusen")]

    assert legende(640) == [("92", "16"), ("312", "16")]
    assert legende(420) == [("92", "16"), ("92", "30")]
