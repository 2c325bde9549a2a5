"""Indicator import: every accepted format gives the same values; bad rows are reported by line and
nothing is written."""

import codecs
from decimal import Decimal

import pytest
from django.utils import timezone

from quartiere import services
from quartiere.einlesen import FALSCHE_SPALTENZAHL, KEINE_ZAHL, dezimal_erkennen
from quartiere.models import Indikatorimport, Indikatorwert
from quartiere.services import (
    DOPPELTE_ZEILE,
    GEBIET_NICHT_EINDEUTIG,
    IMPORT_MIT_FEHLERN,
    UNBEKANNTER_INDIKATOR,
    UNBEKANNTES_GEBIET,
    Ablehnung,
)
from testhilfen.quartiere import GebietFactory, IndikatorFactory, IndikatorwertFactory, StadtFactory

pytestmark = pytest.mark.django_db

# The same eight values in every format: two areas, two indicators, two years.
ERWARTET = {
    ("01", "einwohner", 2023): Decimal("12345.0000"),
    ("01", "einwohner", 2024): Decimal("12410.0000"),
    ("01", "sgb2_quote", 2023): Decimal("21.5000"),
    ("01", "sgb2_quote", 2024): Decimal("22.2500"),
    ("02", "einwohner", 2023): Decimal("8765.0000"),
    ("02", "einwohner", 2024): Decimal("8801.0000"),
    ("02", "sgb2_quote", 2023): Decimal("7.1000"),
    ("02", "sgb2_quote", 2024): Decimal("6.9000"),
}

LANG_DEUTSCH = """Gebiet;Indikator;Jahr;Wert
Südstadt;einwohner;2023;12.345
Südstadt;einwohner;2024;12.410
Südstadt;sgb2_quote;2023;21,5
Südstadt;sgb2_quote;2024;22,25
Nordviertel;einwohner;2023;8.765
Nordviertel;einwohner;2024;8.801
Nordviertel;sgb2_quote;2023;7,1
Nordviertel;sgb2_quote;2024;6,9
"""

LANG_PUNKT = """kennziffer,indikator,jahr,wert
01,einwohner,2023,12345
01,einwohner,2024,12410
01,sgb2_quote,2023,21.5
01,sgb2_quote,2024,22.25
02,einwohner,2023,8765
02,einwohner,2024,8801
02,sgb2_quote,2023,7.1
02,sgb2_quote,2024,6.9
"""

LANG_KOMMA_IN_ZITATEN = """Gebiet,Indikator,Jahr,Wert
"Südstadt",einwohner,2023,"12.345"
"Südstadt",einwohner,2024,"12.410"
"Südstadt",sgb2_quote,2023,"21,5"
"Südstadt",sgb2_quote,2024,"22,25"
"Nordviertel",einwohner,2023,"8.765"
"Nordviertel",einwohner,2024,"8.801"
"Nordviertel",sgb2_quote,2023,"7,1"
"Nordviertel",sgb2_quote,2024,"6,9"
"""

BREIT_DEUTSCH = """Nr;Gebietsname;Indikator;2023;2024
01;Südstadt;einwohner;12.345;12.410
01;Südstadt;sgb2_quote;21,5;22,25
02;Nordviertel;einwohner;8.765;8.801
02;Nordviertel;sgb2_quote;7,1;6,9
"""

BREIT_PUNKT = """Gebiet,Indikator,2023,2024
Südstadt,einwohner,12345.0,12410.0
Südstadt,sgb2_quote,21.50,22.25
Nordviertel,einwohner,8765.0,8801.0
Nordviertel,sgb2_quote,7.10,6.90
"""

BREIT_TAB = "Gebiet\tIndikator\t2023\t2024\r\nSüdstadt\teinwohner\t12345\t12410\r\nSüdstadt\tsgb2_quote\t21,5\t22,25\r\n" \
            "Nordviertel\teinwohner\t8765\t8801\r\nNordviertel\tsgb2_quote\t7,1\t6,9\r\n"

FORMATE = [
    pytest.param(LANG_DEUTSCH.encode("utf-8"), "lang", "UTF-8", id="lang-semikolon-deutsch-utf8"),
    pytest.param(codecs.BOM_UTF8 + LANG_DEUTSCH.encode("utf-8"), "lang", "UTF-8 mit BOM", id="lang-utf8-bom"),
    pytest.param(LANG_DEUTSCH.encode("cp1252"), "lang", "Windows-1252", id="lang-windows-1252"),
    pytest.param(LANG_PUNKT.encode("utf-8"), "lang", "UTF-8", id="lang-komma-punkt-kennziffer"),
    pytest.param(LANG_KOMMA_IN_ZITATEN.encode("utf-8"), "lang", "UTF-8", id="lang-komma-deutsch-zitiert"),
    pytest.param(BREIT_DEUTSCH.encode("cp1252"), "breit", "Windows-1252", id="breit-semikolon-deutsch-1252"),
    pytest.param(codecs.BOM_UTF8 + BREIT_PUNKT.encode("utf-8"), "breit", "UTF-8 mit BOM", id="breit-komma-punkt"),
    pytest.param(BREIT_TAB.encode("utf-8"), "breit", "UTF-8", id="breit-tabulator-crlf"),
    pytest.param(codecs.BOM_UTF16_LE + BREIT_DEUTSCH.encode("utf-16-le"), "breit", "UTF-16", id="breit-utf16"),
]


@pytest.fixture
def daten():
    stadt = StadtFactory(name="Musterstadt")
    gebiete = {"01": GebietFactory(parent=stadt, name="Südstadt", kennziffer="01"),
               "02": GebietFactory(parent=stadt, name="Nordviertel", kennziffer="02")}
    IndikatorFactory(schluessel="einwohner", name="Einwohner", einheit="Personen", hoeher_ist_schlechter=False)
    IndikatorFactory(schluessel="sgb2_quote", name="SGB-II-Quote")
    return gebiete


def _werte():
    return {(w.gebiet.kennziffer, w.indikator.schluessel, w.jahr): w.wert
            for w in Indikatorwert.objects.select_related("gebiet", "indikator")}


@pytest.mark.parametrize("inhalt, format_, kodierung", FORMATE)
def test_every_accepted_format_imports_the_same_values(daten, verwaltung, inhalt, format_, kodierung):
    plan = services.indikatorimport_pruefen(inhalt=inhalt)
    assert plan.fehler == []
    assert (plan.datei.format, plan.datei.kodierung) == (format_, kodierung)
    assert len(plan.neu) == 8 and plan.geaendert == []

    protokoll = services.indikatorimport_ausfuehren(inhalt=inhalt, dateiname="werte.csv", durch=verwaltung,
                                                    zahlen_bestaetigt=True)

    assert _werte() == ERWARTET
    assert not Indikatorwert.objects.filter(ist_prognose=True).exists()
    assert (protokoll.neu, protokoll.geaendert, protokoll.unveraendert, protokoll.zeilen) == (8, 0, 0, 8)
    assert protokoll.durch == verwaltung and protokoll.dateiname == "werte.csv" and len(protokoll.sha256) == 64
    assert protokoll.format == format_


def test_reimport_changes_only_what_differs_and_the_record_says_so(daten, verwaltung):
    services.indikatorimport_ausfuehren(inhalt=LANG_DEUTSCH.encode(), dateiname="a.csv", durch=verwaltung,
                                        zahlen_bestaetigt=True)
    neu = LANG_DEUTSCH.replace("Nordviertel;sgb2_quote;2024;6,9", "Nordviertel;sgb2_quote;2024;7,0") \
        + "Nordviertel;sgb2_quote;2022;7,3\n"
    plan = services.indikatorimport_pruefen(inhalt=neu.encode())
    assert [(a.gebiet, a.jahr, a.alt, a.neu) for a in plan.geaendert] == [
        ("Nordviertel (02)", 2024, Decimal("6.9000"), Decimal("7.0000"))]
    assert [(a.jahr, a.neu) for a in plan.neu] == [(2022, Decimal("7.3000"))]
    assert plan.unveraendert == 7

    protokoll = services.indikatorimport_ausfuehren(inhalt=neu.encode(), dateiname="b.csv", durch=None,
                                                    quelle=Indikatorimport.Quelle.BEFEHL, zahlen_bestaetigt=True)
    assert (protokoll.neu, protokoll.geaendert, protokoll.unveraendert) == (1, 1, 7)
    assert _werte()[("02", "sgb2_quote", 2024)] == Decimal("7.0000")
    assert Indikatorimport.objects.count() == 2


def test_years_after_this_year_are_forecasts_unless_the_file_says(daten):
    naechstes = timezone.localdate().year + 1
    inhalt = f"Gebiet;Indikator;Jahr;Wert\nSüdstadt;einwohner;{naechstes};12.500\n".encode()
    plan = services.indikatorimport_pruefen(inhalt=inhalt)
    assert plan.neu[0].prognose is True
    breit = f"Gebiet;Indikator;2024;Prognose 2030;2035 (P)\nSüdstadt;einwohner;12.410;12.000;11.800\n".encode()
    plan = services.indikatorimport_pruefen(inhalt=breit)
    assert [(a.jahr, a.prognose) for a in plan.neu] == [(2024, False), (2030, True), (2035, True)]
    lang = "Gebiet;Indikator;Jahr;Wert;Prognose\nSüdstadt;einwohner;2025;12.000;ja\nSüdstadt;einwohner;2024;1;\n"
    plan = services.indikatorimport_pruefen(inhalt=lang.encode())
    assert [(a.jahr, a.prognose) for a in plan.neu] == [(2025, True), (2024, False)]


def test_each_kind_of_bad_row_is_reported_with_its_line_and_nothing_is_written(daten, verwaltung):
    bestehend = IndikatorwertFactory(gebiet=daten["01"], indikator__schluessel="kinderarmut", jahr=2020,
                                     wert=Decimal("30"))
    inhalt = """Gebiet;Indikator;Jahr;Wert
Südstadt;einwohner;2023;12.345
Weststadt;einwohner;2023;1.000
Südstadt;arbeitslosigkeit;2023;5
Nordviertel;sgb2_quote;2023;viel
Südstadt;einwohner;2023;12.346
Südstadt;kinderarmut;2020;31
Nordviertel;sgb2_quote;20x3;5
Südstadt;kinderarmut;2021;1;2;3
""".encode()
    plan = services.indikatorimport_pruefen(inhalt=inhalt)
    assert [str(f) for f in plan.fehler] == [
        "Zeile 3: " + UNBEKANNTES_GEBIET.format("Weststadt"),
        "Zeile 4: " + UNBEKANNTER_INDIKATOR.format("arbeitslosigkeit"),
        "Zeile 5: " + KEINE_ZAHL.format("viel"),
        "Zeile 6: " + DOPPELTE_ZEILE.format("Südstadt (01)", "einwohner", 2023, 2),
        "Zeile 8: ungültiges Jahr: „20x3“",
        "Zeile 9: " + FALSCHE_SPALTENZAHL.format(6, 4),
    ]
    assert str(plan.fehler[0]) == "Zeile 3: unbekanntes Gebiet: „Weststadt“"
    assert str(plan.fehler[2]) == "Zeile 5: keine Zahl: „viel“"
    assert str(plan.fehler[3]) == "Zeile 6: doppelte Zeile: Südstadt (01) / einwohner / 2023 steht schon in Zeile 2"

    with pytest.raises(Ablehnung) as fehler:
        services.indikatorimport_ausfuehren(inhalt=inhalt, dateiname="fehler.csv", durch=verwaltung)

    assert fehler.value.meldung == IMPORT_MIT_FEHLERN.format(6)
    assert [f.zeile for f in fehler.value.fehler] == [3, 4, 5, 6, 8, 9]
    assert list(Indikatorwert.objects.all()) == [bestehend]
    bestehend.refresh_from_db()
    assert bestehend.wert == Decimal("30.0000")
    assert not Indikatorimport.objects.exists()


def test_an_area_name_in_two_cities_needs_the_city_or_the_number(daten):
    andere = StadtFactory(name="Nachbarstadt")
    GebietFactory(parent=andere, name="Südstadt", kennziffer="77")
    inhalt = "Gebiet;Indikator;Jahr;Wert\nSüdstadt;einwohner;2023;1\n".encode()
    plan = services.indikatorimport_pruefen(inhalt=inhalt)
    assert [f.grund for f in plan.fehler] == [GEBIET_NICHT_EINDEUTIG.format("Südstadt", "Musterstadt, Nachbarstadt")]
    mit_stadt = "Stadt;Gebiet;Indikator;Jahr;Wert\nNachbarstadt;Südstadt;einwohner;2023;1\n".encode()
    plan = services.indikatorimport_pruefen(inhalt=mit_stadt)
    assert plan.fehler == [] and plan.neu[0].gebiet == "Südstadt (77)"
    nummer = "Kennziffer;Indikator;Jahr;Wert\n1;einwohner;2023;1\n".encode()
    assert services.indikatorimport_pruefen(inhalt=nummer).neu[0].gebiet == "Südstadt (01)"


@pytest.mark.parametrize("inhalt, meldung", [
    (b"", "Die Datei ist leer."),
    (b"Gebiet\nSuedstadt\n", "Die Kopfzeile hat nur eine Spalte"),
    (b"Ort;Jahr;Wert\nx;2023;1\n", "Keine Gebietsspalte gefunden"),
    (b"Gebiet;Jahr;Wert\nx;2023;1\n", "Keine Indikatorspalte gefunden"),
    (b"Gebiet;Indikator;Zahl\nx;y;1\n", "Format nicht erkannt"),
    (b"PK\x03\x04rest", "Das ist eine Excel- oder ZIP-Datei"),
    (b"Gebiet;Indikator;Jahr;Wert\n\x81\x8d\x8f;a;2023;1\n", "weder UTF-8 noch Windows-1252"),
])
def test_unreadable_files_are_refused_in_german(daten, inhalt, meldung):
    with pytest.raises(Ablehnung) as fehler:
        services.indikatorimport_pruefen(inhalt=inhalt)
    assert meldung in fehler.value.meldung


def test_a_file_without_indicator_column_takes_the_indicator_given(daten):
    inhalt = "Gebiet;2023;2024\nSüdstadt;21,5;22,25\nNordviertel;7,1;6,9\n".encode()
    plan = services.indikatorimport_pruefen(inhalt=inhalt, indikator="sgb2_quote")
    assert plan.fehler == [] and len(plan.neu) == 4


def test_placeholders_for_missing_values_are_skipped(daten):
    inhalt = "Gebiet;Indikator;2022;2023;2024\nSüdstadt;sgb2_quote;.;–;22,25\n".encode()
    plan = services.indikatorimport_pruefen(inhalt=inhalt)
    assert plan.fehler == [] and [a.jahr for a in plan.neu] == [2024] and plan.datei.ohne_wert == 2


def test_decimal_convention_follows_the_cells_and_else_the_separator():
    assert dezimal_erkennen(["12,5", "1.234"], ",") == "komma"
    assert dezimal_erkennen(["12.5", "1.234"], ";") == "punkt"
    assert dezimal_erkennen(["1.234", "12"], ";") == "komma"
    assert dezimal_erkennen(["1.234", "12"], ",") == "punkt"


def test_a_few_thousand_rows_import_in_reasonable_time(verwaltung):
    import time

    stadt = StadtFactory(name="Großstadt")
    gebiete = GebietFactory.create_batch(100, parent=stadt)
    for schluessel in ("a", "b", "c"):
        IndikatorFactory(schluessel=schluessel, einheit="Punkte")
    zeilen = ["Kennziffer;Indikator;Jahr;Wert"] + [
        f"{g.kennziffer};{s};{j};{(g.pk * j) % 997},{j % 10}" for g in gebiete for s in ("a", "b", "c")
        for j in range(2015, 2025)]
    inhalt = "\n".join(zeilen).encode()
    beginn = time.perf_counter()
    protokoll = services.indikatorimport_ausfuehren(inhalt=inhalt, dateiname="gross.csv", durch=verwaltung)
    dauer = time.perf_counter() - beginn
    assert protokoll.neu == 3000 and Indikatorwert.objects.count() == 3000
    assert dauer < 20, f"Import von 3000 Zeilen dauerte {dauer:.1f} s"
