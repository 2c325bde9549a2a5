import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from programme.models import Projekt
from testhilfen.programme import (
    BewilligungFactory,
    FoerderprogrammFactory,
    HandlungsfeldFactory,
    ProjektFactory,
    ZielgruppeFactory,
)
from testhilfen.quartiere import OrganisationFactory

D = Decimal
LISTE = reverse("programme:projekte")


def csv_zeilen(response):
    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_list_shows_only_visible_projects(client_als, gebiet_a, gebiet_b, qm_a, qm_b, verwaltung, rat):
    ProjektFactory(gebiet=gebiet_a, titel="Sprachcafé A")
    ProjektFactory(gebiet=gebiet_b, titel="Stadtteilfest B")
    for user, sichtbar, unsichtbar in ((qm_a, "Sprachcafé A", "Stadtteilfest B"),
                                       (qm_b, "Stadtteilfest B", "Sprachcafé A")):
        text = client_als(user).get(LISTE).content.decode()
        assert sichtbar in text and unsichtbar not in text
    for user in (verwaltung, rat):
        text = client_als(user).get(LISTE).content.decode()
        assert "Sprachcafé A" in text and "Stadtteilfest B" in text


def test_filters_combine_and_stay_in_the_url(client_als, gebiet_a, gebiet_b, verwaltung):
    gesundheit = HandlungsfeldFactory(name="Gesundheit")
    senioren = ZielgruppeFactory(name="Seniorinnen und Senioren")
    programm = FoerderprogrammFactory(stadt=gebiet_a.stadt)
    treffer = ProjektFactory(gebiet=gebiet_a, titel="Gesundheitstreff", handlungsfelder=[gesundheit],
                             zielgruppen=[senioren], beginn=dt.date(2024, 3, 1), ende=dt.date(2025, 6, 30),
                             status=Projekt.Status.LAUFEND)
    BewilligungFactory(projekt=treffer, programm=programm, jahr=2024)
    ProjektFactory(gebiet=gebiet_a, titel="Gesundheitstag 2020", handlungsfelder=[gesundheit],
                   beginn=dt.date(2020, 1, 1), ende=dt.date(2020, 12, 31))
    ProjektFactory(gebiet=gebiet_b, titel="Jugendcafé", status=Projekt.Status.LAUFEND)
    client = client_als(verwaltung)
    parameter = {"q": "gesundheit", "jahr": "2025", "status": "laufend", "handlungsfeld": gesundheit.pk,
                 "zielgruppe": senioren.pk, "gebiet": gebiet_a.pk, "stadt": gebiet_a.stadt.pk,
                 "programm": programm.pk, "traeger": treffer.traeger.pk}
    response = client.get(LISTE, parameter)
    assert [p.titel for p in response.context["zeilen"]] == ["Gesundheitstreff"]
    # Paging links and export links keep the filter.
    assert "q=gesundheit" in response.context["parameter"]
    assert "format=csv" in response.content.decode()


def test_manager_cannot_filter_by_a_foreign_area(client_als, gebiet_a, gebiet_b, qm_b):
    ProjektFactory(gebiet=gebiet_a, titel="Sprachcafé A")
    response = client_als(qm_b).get(LISTE, {"gebiet": gebiet_a.pk})
    assert response.status_code == 200
    assert "Sprachcafé A" not in response.content.decode()
    assert gebiet_a not in response.context["filter"].form.fields["gebiet"].queryset
    assert response.context["filter"].errors


def test_sorting_by_column(client_als, gebiet_a, verwaltung):
    ProjektFactory(gebiet=gebiet_a, titel="Bbb", gesamtkosten=D("300"), eigenmittel=0)
    ProjektFactory(gebiet=gebiet_a, titel="Aaa", gesamtkosten=D("500"), eigenmittel=0)
    ProjektFactory(gebiet=gebiet_a, titel="Ccc", gesamtkosten=D("100"), eigenmittel=0)
    client = client_als(verwaltung)
    assert [p.titel for p in client.get(LISTE, {"sortierung": "titel"}).context["zeilen"]] == ["Aaa", "Bbb", "Ccc"]
    assert [p.titel for p in client.get(LISTE, {"sortierung": "-gesamtkosten"}).context["zeilen"]] == \
        ["Aaa", "Bbb", "Ccc"]
    assert 'aria-sort="ascending"' in client.get(LISTE, {"sortierung": "titel"}).content.decode()


def test_csv_export_holds_exactly_the_filtered_rows_with_plain_numbers(client_als, gebiet_a, gebiet_b, verwaltung):
    ProjektFactory(gebiet=gebiet_a, titel="Sprachcafé", gesamtkosten=D("1234567.89"), eigenmittel=D("1000"))
    ProjektFactory(gebiet=gebiet_b, titel="Stadtteilfest")
    response = client_als(verwaltung).get(LISTE, {"gebiet": gebiet_a.pk, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    kopf, *zeilen = csv_zeilen(response)
    assert kopf[:3] == ["Titel", "Stadt", "Gebiet"]
    assert [z[0] for z in zeilen] == ["Sprachcafé"]
    assert zeilen[0][kopf.index("Gesamtkosten (€)")] == "1234567,89"


def test_exports_neutralise_formulas(client_als, gebiet_a, verwaltung):
    ProjektFactory(gebiet=gebiet_a, titel="=HYPERLINK(\"http://x\")",
                   traeger=OrganisationFactory(name="@Träger", stadt=gebiet_a.stadt))
    client = client_als(verwaltung)
    kopf, zeile = csv_zeilen(client.get(LISTE, {"format": "csv"}))
    assert zeile[0] == "'=HYPERLINK(\"http://x\")"
    assert zeile[kopf.index("Träger")] == "'@Träger"
    blatt = load_workbook(io.BytesIO(client.get(LISTE, {"format": "xlsx"}).getvalue())).active
    assert blatt["A2"].value == "'=HYPERLINK(\"http://x\")"
    assert blatt["A2"].data_type == "s"


def test_xlsx_has_german_headers_and_real_numbers(client_als, gebiet_a, verwaltung):
    ProjektFactory(gebiet=gebiet_a, titel="HIPPY", gesamtkosten=D("12500.50"), eigenmittel=D("6250.25"),
                   beginn=dt.date(2026, 2, 1), ende=dt.date(2026, 11, 30))
    response = client_als(verwaltung).get(LISTE, {"format": "xlsx"})
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    blatt = load_workbook(io.BytesIO(response.getvalue())).active
    kopf = [c.value for c in blatt[1]]
    spalte = kopf.index("Gesamtkosten (€)") + 1
    zelle = blatt.cell(row=2, column=spalte)
    assert zelle.value == pytest.approx(12500.50)
    assert isinstance(zelle.value, float)
    assert "€" in zelle.number_format
    beginn = blatt.cell(row=2, column=kopf.index("Beginn") + 1)
    assert beginn.value.date() == dt.date(2026, 2, 1) and beginn.number_format == "DD.MM.YYYY"


def test_manager_b_export_holds_no_row_of_area_a(client_als, gebiet_a, gebiet_b, qm_b):
    ProjektFactory(gebiet=gebiet_a, titel="Geheim A")
    ProjektFactory(gebiet=gebiet_b, titel="Eigen B")
    client = client_als(qm_b)
    _, *zeilen = csv_zeilen(client.get(LISTE, {"format": "csv"}))
    assert [z[0] for z in zeilen] == ["Eigen B"]
    blatt = load_workbook(io.BytesIO(client.get(LISTE, {"format": "xlsx"}).getvalue())).active
    assert [r[0] for r in blatt.iter_rows(min_row=2, values_only=True)] == ["Eigen B"]


def test_unknown_export_format_is_404(client_als, verwaltung):
    assert client_als(verwaltung).get(LISTE, {"format": "pdf"}).status_code == 404


@pytest.mark.parametrize("anzahl", [10, 200])
def test_list_and_exports_have_fixed_query_counts(client_als, gebiet_a, verwaltung, anzahl,
                                                  django_assert_max_num_queries):
    traeger = OrganisationFactory(stadt=gebiet_a.stadt)
    felder = [HandlungsfeldFactory(), HandlungsfeldFactory()]
    for _ in range(anzahl):
        ProjektFactory(gebiet=gebiet_a, traeger=traeger, handlungsfelder=felder)
    client = client_als(verwaltung)
    for parameter in ({}, {"format": "csv"}, {"format": "xlsx"}, {"q": "Projekt", "sortierung": "-titel"}):
        with django_assert_max_num_queries(16):
            assert client.get(LISTE, parameter).status_code == 200


def formular(**werte):
    daten = {"titel": "Nachbarschaftsgarten", "beginn": "2026-04-01", "ende": "2026-10-31",
             "gesamtkosten": "12.000,00", "eigenmittel": "6.000,00", "drittmittel": "0",
             "teilnehmende_geplant": "40", "beschreibung": "Gemeinsam gärtnern.", "ziele": ""}
    daten.update(werte)
    return daten


def test_manager_creates_project_in_own_area(client_als, gebiet_a, qm_a):
    traeger = OrganisationFactory(name="AWO Kreisverband", stadt=gebiet_a.stadt)
    gesundheit = HandlungsfeldFactory(name="Gesundheit")
    response = client_als(qm_a).post(reverse("programme:projekt_neu"), formular(
        gebiet=gebiet_a.pk, traeger="AWO Kreisverband", handlungsfelder=[gesundheit.pk]))
    assert response.status_code == 302
    projekt = Projekt.objects.get(titel="Nachbarschaftsgarten")
    assert (projekt.gebiet, projekt.traeger, projekt.status) == (gebiet_a, traeger, Projekt.Status.ENTWURF)
    assert projekt.gesamtkosten == D("12000.00") and projekt.erstellt_von == qm_a
    assert list(projekt.handlungsfelder.all()) == [gesundheit]
    assert projekt.history.first().history_user == qm_a


def test_manager_cannot_create_project_in_foreign_area(client_als, gebiet_a, gebiet_b, qm_a):
    response = client_als(qm_a).post(reverse("programme:projekt_neu"), formular(gebiet=gebiet_b.pk))
    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen." in response.content.decode()
    assert not Projekt.objects.exists()


@pytest.mark.parametrize("werte, meldung", [
    ({"ende": "2026-03-01"}, "Das Ende darf nicht vor dem Beginn liegen."),
    ({"gesamtkosten": "-5"}, "Dieser Wert muss größer oder gleich 0 sein."),
    ({"eigenmittel": "9.000,00", "drittmittel": "4.000,00"},
     "Eigen- und Drittmittel zusammen dürfen die Gesamtkosten nicht übersteigen."),
    ({"traeger": "Unbekannter Verein"}, "Bitte einen Träger aus der Liste wählen."),
    ({"gesamtkosten": "zwölftausend"}, "Bitte eine Zahl eingeben."),
])
def test_bad_input_gets_german_message_and_changes_nothing(client_als, gebiet_a, qm_a, werte, meldung):
    response = client_als(qm_a).post(reverse("programme:projekt_neu"), formular(gebiet=gebiet_a.pk, **werte))
    assert response.status_code == 200
    assert meldung in response.content.decode()
    assert not Projekt.objects.exists()


def test_lowering_costs_below_the_programme_share_is_refused(client_als, gebiet_a, qm_a):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt, max_foerderquote=D("50"))
    projekt = ProjektFactory(gebiet=gebiet_a, gesamtkosten=D("20000"), eigenmittel=D("10000"), beantragt=True)
    BewilligungFactory(projekt=projekt, programm=programm, betrag_beantragt=D("10000"))
    response = client_als(qm_a).post(reverse("programme:projekt_bearbeiten", args=[projekt.pk]), formular(
        gebiet=gebiet_a.pk, gesamtkosten="18.000,00", eigenmittel="8.000,00"))
    assert response.status_code == 200
    assert ("Bei Gesamtkosten von 18.000,00 € darf WiN höchstens 9.000,00 € tragen; beantragt oder bewilligt "
            "sind 10.000,00 €.") in response.content.decode()
    projekt.refresh_from_db()
    assert projekt.gesamtkosten == D("20000.00")


def test_edit_keeps_status_and_is_scoped(client_als, gebiet_a, qm_a, qm_b, rat):
    projekt = ProjektFactory(gebiet=gebiet_a, laufend=True, titel="Alt")
    url = reverse("programme:projekt_bearbeiten", args=[projekt.pk])
    assert client_als(qm_b).post(url, formular(gebiet=gebiet_a.pk)).status_code == 404
    assert client_als(rat).post(url, formular(gebiet=gebiet_a.pk)).status_code == 403
    assert client_als(qm_a).post(url, formular(gebiet=gebiet_a.pk, titel="Neu")).status_code == 302
    projekt.refresh_from_db()
    assert (projekt.titel, projekt.status) == ("Neu", Projekt.Status.LAUFEND)
