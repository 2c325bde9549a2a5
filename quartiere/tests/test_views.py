"""Staff pages of the indicator import and the social index pages."""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quartiere.models import Gebiet, Importentwurf, Indikatorimport, Indikatorwert, Sozialindex
from quartiere.services import VORSCHAU_VERALTET
from testhilfen.quartiere import GebietFactory, IndikatorFactory, IndikatorwertFactory

DATEI = "Gebiet;Indikator;Jahr;Wert\nQuartier A;sgb2_quote;2024;21,5\nQuartier B;sgb2_quote;2024;7,25\n"


@pytest.fixture
def sgb2(db):
    return IndikatorFactory(schluessel="sgb2_quote", name="SGB-II-Quote")


def _hochladen(client, inhalt: str | bytes, name: str = "werte.csv", **extra):
    daten = inhalt.encode("utf-8") if isinstance(inhalt, str) else inhalt
    return client.post(reverse("quartiere:import"), {"datei": SimpleUploadedFile(name, daten, "text/csv"), **extra})


def test_upload_preview_confirm_writes_all_rows_and_records_the_import(client_als, verwaltung, gebiet_a, gebiet_b,
                                                                       sgb2):
    client = client_als(verwaltung)
    antwort = _hochladen(client, DATEI)
    entwurf = Importentwurf.objects.get()
    assert antwort.status_code == 302 and antwort.url == reverse("quartiere:import_vorschau", args=[entwurf.pk])

    vorschau = client.get(antwort.url).content.decode()
    assert 'id="anzahl-neu">2<' in vorschau and "Import bestätigen" in vorschau
    assert "Quartier A" in vorschau and "21,5" in vorschau and "Langform" in vorschau and "Semikolon" in vorschau
    assert not Indikatorwert.objects.exists(), "the preview writes nothing"
    assert 'name="datei"' not in vorschau and DATEI not in vorschau, "the content stays on the server"

    fingerabdruck = vorschau.split('name="fingerabdruck" value="')[1].split('"')[0]
    antwort = client.post(reverse("quartiere:import_vorschau", args=[entwurf.pk]), {"fingerabdruck": fingerabdruck})
    assert antwort.status_code == 302 and antwort.url == reverse("quartiere:import")
    assert sorted(Indikatorwert.objects.values_list("wert", flat=True)) == [Decimal("7.25"), Decimal("21.5")]
    protokoll = Indikatorimport.objects.get()
    assert (protokoll.durch, protokoll.dateiname, protokoll.neu, protokoll.geaendert) == (verwaltung, "werte.csv", 2, 0)
    assert not Importentwurf.objects.exists()
    seite = client.get(antwort.url).content.decode()
    assert "gespeichert: 2 neue und 0 geänderte Werte" in seite and "werte.csv" in seite


def test_preview_lists_bad_rows_with_line_and_offers_no_confirmation(client_als, verwaltung, gebiet_a, sgb2):
    client = client_als(verwaltung)
    antwort = _hochladen(client, DATEI + "Quartier A;sgb2_quote;2024;8\nQuartier A;kinder;2024;5\n")
    vorschau = client.get(antwort.url).content.decode()
    assert "Die Datei enthält" not in vorschau
    assert "5 Fehler – es wird nichts gespeichert." not in vorschau
    assert "3 Fehler – es wird nichts gespeichert." in vorschau
    assert '<td class="zahl">3</td><td>unbekanntes Gebiet: „Quartier B“</td>' in vorschau
    assert '<td class="zahl">4</td><td>doppelte Zeile: Quartier A' in vorschau
    assert '<td class="zahl">5</td><td>unbekannter Indikator: „kinder“</td>' in vorschau
    assert "Import bestätigen" not in vorschau
    # Forcing the confirmation anyway writes nothing.
    entwurf = Importentwurf.objects.get()
    antwort = client.post(reverse("quartiere:import_vorschau", args=[entwurf.pk]), {"fingerabdruck": "x" * 64})
    assert antwort.status_code == 200 and "Die Datei enthält 3 Fehler; es wurde nichts gespeichert." in \
        antwort.content.decode()
    assert not Indikatorwert.objects.exists() and not Indikatorimport.objects.exists()


def test_confirming_a_stale_preview_writes_nothing(client_als, verwaltung, gebiet_a, gebiet_b, sgb2):
    client = client_als(verwaltung)
    url = _hochladen(client, DATEI).url
    fingerabdruck = client.get(url).content.decode().split('name="fingerabdruck" value="')[1].split('"')[0]
    IndikatorwertFactory(gebiet=gebiet_a, indikator=sgb2, jahr=2024, wert=Decimal("3"))  # changed meanwhile
    antwort = client.post(url, {"fingerabdruck": fingerabdruck})
    assert antwort.status_code == 200 and VORSCHAU_VERALTET in antwort.content.decode()
    assert Indikatorwert.objects.get().wert == Decimal("3") and not Indikatorimport.objects.exists()
    assert 'id="anzahl-geaendert">1<' in antwort.content.decode()


def test_upload_size_is_limited_with_a_german_message(client_als, verwaltung, settings):
    settings.INDIKATOR_IMPORT_MAX_MB = 1
    antwort = _hochladen(client_als(verwaltung), b"Gebiet;Indikator;Jahr;Wert\n" + b"x" * (1024 * 1024 + 10))
    assert antwort.status_code == 200
    assert "Die Datei ist zu groß: erlaubt sind höchstens 1 MB, diese Datei hat 1,0 MB." in antwort.content.decode()
    assert not Importentwurf.objects.exists()


@pytest.mark.parametrize("name, inhalt, meldung", [
    ("werte.xlsx", b"PK\x03\x04", "Bitte eine CSV-Datei hochladen (Endung .csv oder .txt)."),
    ("leer.csv", b"", "Die Datei ist leer."),
])
def test_wrong_files_are_refused_in_german(client_als, verwaltung, name, inhalt, meldung):
    antwort = _hochladen(client_als(verwaltung), inhalt, name)
    assert meldung in antwort.content.decode() and not Importentwurf.objects.exists()


def test_an_unreadable_file_shows_why_in_the_preview(client_als, verwaltung):
    client = client_als(verwaltung)
    antwort = _hochladen(client, "Spalte1,Spalte2\n1,2\n")
    text = client.get(antwort.url).content.decode()
    assert "Keine Gebietsspalte gefunden" in text and "Import bestätigen" not in text


@pytest.mark.parametrize("persona", ["rat", "qm_a"])
def test_import_is_staff_only(client_als, request, persona, verwaltung):
    client = client_als(request.getfixturevalue(persona))
    assert client.get(reverse("quartiere:import")).status_code == 403
    assert _hochladen(client, DATEI).status_code == 403
    entwurf = Importentwurf.objects.create(durch=verwaltung, dateiname="a.csv", inhalt=DATEI.encode())
    assert client.post(reverse("quartiere:import_vorschau", args=[entwurf.pk]), {"fingerabdruck": "x"}).status_code \
        == 403
    assert not Indikatorwert.objects.exists()


def test_a_draft_belongs_to_the_user_who_uploaded_it(client_als, verwaltung, gruppen):
    from kern.rollen import Rolle
    from testhilfen.konten import UserFactory

    andere = UserFactory(username="verwaltung2", gruppe=Rolle.VERWALTUNG)
    entwurf = Importentwurf.objects.create(durch=andere, dateiname="a.csv", inhalt=DATEI.encode())
    assert client_als(verwaltung).get(reverse("quartiere:import_vorschau", args=[entwurf.pk])).status_code == 404


@pytest.fixture
def rangliste(stadt, sgb2):
    gebiete = [GebietFactory(parent=stadt, name=f"G{i}", art=Gebiet.Art.STADTTEIL) for i in range(4)]
    for jahr in (2023, 2024):
        for i, g in enumerate(gebiete):
            IndikatorwertFactory(gebiet=g, indikator=sgb2, jahr=jahr, wert=Decimal(i if jahr == 2024 else 3 - i))
    return gebiete


def test_staff_set_indicators_weights_and_n_and_everyone_sees_the_ranking_with_the_method(
        client_als, verwaltung, rat, stadt, rangliste, sgb2):
    einwohner = IndikatorFactory(schluessel="einwohner", name="Einwohner", hoeher_ist_schlechter=False)
    client = client_als(verwaltung)
    url = reverse("quartiere:sozialindex_einstellungen", args=[stadt.pk])
    formular = client.get(url).content.decode()
    assert "SGB-II-Quote" in formular and "Einwohner" in formular
    indikatoren = sorted([sgb2, einwohner], key=lambda i: i.name)
    daten = {"ebene": "stadtteil", "anzahl_belastet": "1", "gewichte-TOTAL_FORMS": "2",
             "gewichte-INITIAL_FORMS": "2"}
    for n, ind in enumerate(indikatoren):
        daten[f"gewichte-{n}-indikator"] = ind.pk
        daten[f"gewichte-{n}-gewicht"] = "1,5"
        if ind == sgb2:
            daten[f"gewichte-{n}-verwenden"] = "on"
            daten[f"gewichte-{n}-hoeher_ist_schlechter"] = "on"
    antwort = client.post(url, daten)
    assert antwort.status_code == 302
    index = Sozialindex.objects.get(stadt=stadt)
    assert [(g.indikator, g.gewicht, g.hoeher_ist_schlechter) for g in index.gewichte.all()] == [
        (sgb2, Decimal("1.5"), True)]
    assert list(Gebiet.objects.filter(besonders_belastet=True).values_list("name", flat=True)) == ["G3"]

    text = client_als(rat).get(reverse("quartiere:sozialindex"), {"stadt": stadt.pk}).content.decode()
    assert "Sozialindex Musterstadt 2024" in text
    assert "z<sub>i,g</sub> = (x<sub>i,g</sub> − x̄<sub>i</sub>) / s<sub>i</sub>" in text
    assert "S<sub>g</sub> = Σ<sub>i</sub> w<sub>i</sub> · d<sub>i</sub> · z<sub>i,g</sub>" in text
    assert "/einstellungen/" not in text and "Neu berechnen" not in text
    zeilen = text.split('id="rangliste"')[1].split("</table>")[0]
    assert [n for n in ("G3", "G2", "G1", "G0") if n in zeilen] == ["G3", "G2", "G1", "G0"]
    assert zeilen.index("G3") < zeilen.index("G2")
    assert re.search(r"3 <span class=\"small\">Plätze belasteter", zeilen)
    assert re.search(r"3 <span class=\"small\">Plätze weniger belastet", zeilen)
    vorjahr = client_als(rat).get(reverse("quartiere:sozialindex"), {"stadt": stadt.pk, "jahr": 2023}).content.decode()
    assert "Sozialindex Musterstadt 2023" in vorjahr


def test_settings_refuse_an_index_without_indicator(client_als, verwaltung, stadt, rangliste, sgb2):
    url = reverse("quartiere:sozialindex_einstellungen", args=[stadt.pk])
    antwort = client_als(verwaltung).post(url, {
        "ebene": "stadtteil", "anzahl_belastet": "1", "gewichte-TOTAL_FORMS": "1", "gewichte-INITIAL_FORMS": "1",
        "gewichte-0-indikator": sgb2.pk, "gewichte-0-gewicht": "1"})
    assert antwort.status_code == 200 and "Der Sozialindex braucht mindestens einen Indikator." in \
        antwort.content.decode()
    assert not Sozialindex.objects.exists()


def test_recalculation_is_a_staff_post(client_als, verwaltung, rat, stadt, rangliste, sgb2):
    from quartiere import services

    services.sozialindex_festlegen(stadt=stadt, ebene="stadtteil", anzahl_belastet=1, gewichte=[(sgb2, 1, True)])
    url = reverse("quartiere:sozialindex_berechnen", args=[stadt.pk])
    assert client_als(verwaltung).get(url).status_code == 405
    assert client_als(rat).post(url).status_code == 403
    antwort = client_als(verwaltung).post(url, follow=True)
    assert "neu berechnet: 2 Jahre mit Rangliste, 0 Änderungen" in antwort.content.decode()


def test_a_city_without_index_says_so(client_als, rat, stadt):
    text = client_als(rat).get(reverse("quartiere:sozialindex")).content.decode()
    assert "Für Musterstadt ist noch kein Sozialindex eingerichtet." in text


@pytest.mark.parametrize("anzahl", [10, 200])
def test_ranking_page_runs_a_fixed_number_of_queries(client_als, rat, stadt, sgb2, anzahl,
                                                     django_assert_max_num_queries):
    from quartiere import services

    gebiete = GebietFactory.create_batch(anzahl, parent=stadt, art=Gebiet.Art.STADTTEIL)
    for jahr in (2023, 2024):
        Indikatorwert.objects.bulk_create([Indikatorwert(gebiet=g, indikator=sgb2, jahr=jahr, wert=i % 13)
                                           for i, g in enumerate(gebiete)])
    services.sozialindex_festlegen(stadt=stadt, ebene="stadtteil", anzahl_belastet=5, gewichte=[(sgb2, 1, True)])
    client = client_als(rat)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("quartiere:sozialindex"), {"stadt": stadt.pk}).status_code == 200


@pytest.mark.parametrize("anzahl", [10, 200])
def test_import_pages_run_a_fixed_number_of_queries(client_als, verwaltung, gebiet_a, sgb2, anzahl,
                                                    django_assert_max_num_queries):
    Indikatorimport.objects.bulk_create([
        Indikatorimport(dateiname=f"{i}.csv", sha256="0" * 64, durch=verwaltung, format="lang", kodierung="UTF-8",
                        trennzeichen="Semikolon", zeilen=1, neu=1, geaendert=0, unveraendert=0) for i in range(anzahl)])
    zeilen = "".join(f"Quartier A;sgb2_quote;{1900 + i};{i}\n" for i in range(anzahl))
    entwurf = Importentwurf.objects.create(durch=verwaltung, dateiname="a.csv",
                                           inhalt=("Gebiet;Indikator;Jahr;Wert\n" + zeilen).encode())
    client = client_als(verwaltung)
    with django_assert_max_num_queries(6):
        assert client.get(reverse("quartiere:import")).status_code == 200
    with django_assert_max_num_queries(9):
        assert client.get(reverse("quartiere:import_vorschau", args=[entwurf.pk])).status_code == 200
