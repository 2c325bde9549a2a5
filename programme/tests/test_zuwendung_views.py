"""Pages of grant law: operator page (IBAN in full only for staff), financing plan form, type of financing,
early start, text blocks with preview and the refusal of unknown placeholders."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from programme.zuwendung import Finanzierungsart, Finanzierungsplan, Textbaustein, VorzeitigerBeginn, Zuwendung
from testhilfen.programme import BewilligungFactory, FoerderprogrammFactory, ProgrammgebietFactory, ProjektFactory
from testhilfen.zuwendung import TraegerdatenFactory

pytestmark = pytest.mark.django_db
D = Decimal
IBAN = "DE89370400440532013000"


@pytest.fixture
def traeger(stadt):
    return TraegerdatenFactory(organisation__stadt=stadt, iban=IBAN)


@pytest.mark.parametrize(("persona", "iban"), [
    ("verwaltung", "DE89 3704 0044 0532 0130 00"), ("rat", "DE89 •••• •••• •••• ••30 00"),
    ("qm_a", "DE89 •••• •••• •••• ••30 00")])
def test_iban_voll_nur_fuer_die_verwaltung(traeger, gebiet_a, persona, iban, request, client_als):
    client = client_als(request.getfixturevalue(persona))
    seite = client.get(reverse("zuwendung:traeger", args=[traeger.organisation_id])).content.decode()
    assert f'id="iban">{iban}<' in seite
    projekt = ProjektFactory(gebiet=gebiet_a, traeger=traeger.organisation)
    seite = client.get(reverse("programme:projekt", args=[projekt.pk])).content.decode()
    assert f'id="projekt-iban">{iban}<' in seite
    if persona != "verwaltung":
        assert "3704 0044" not in seite


def test_trägerangaben_pruefen_die_iban(stadt, verwaltung, rat, client_als):
    organisation = TraegerdatenFactory(organisation__stadt=stadt).organisation
    url = reverse("zuwendung:traeger_bearbeiten", args=[organisation.pk])
    assert client_als(rat).get(url).status_code == 403
    daten = {"rechtsform": "ev", "strasse": "Weg 1", "plz": "28325", "ort": "Bremen", "iban": "DE89 3704 0044 0532 0130 01",
             "bic": "COBADEFFXXX"}
    antwort = client_als(verwaltung).post(url, daten)
    assert "Die Prüfziffern stimmen nicht" in antwort.content.decode()
    organisation.traegerdaten.refresh_from_db()
    assert organisation.traegerdaten.strasse == "Musterweg 12"
    daten["iban"] = "de89 3704 0044 0532 0130 00"
    assert client_als(verwaltung).post(url, daten).status_code == 302
    organisation.traegerdaten.refresh_from_db()
    assert (organisation.traegerdaten.iban, organisation.traegerdaten.strasse) == (IBAN, "Weg 1")


def _plan_daten(zeilen):
    daten = {"plan-TOTAL_FORMS": str(len(zeilen)), "plan-INITIAL_FORMS": "0", "plan-MIN_NUM_FORMS": "0",
             "plan-MAX_NUM_FORMS": "200"}
    for i, zeile in enumerate(zeilen):
        daten.update({f"plan-{i}-{k}": v for k, v in zeile.items()})
    return daten


def test_finanzierungsplan_im_formular(gebiet_a, gebiet_b, qm_a, qm_b, client_als):
    programm = FoerderprogrammFactory(stadt=gebiet_a.stadt)
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_a)
    projekt = ProjektFactory(gebiet=gebiet_a, beginn=dt.date(2026, 1, 1), ende=dt.date(2026, 12, 31))
    url = reverse("zuwendung:finanzierungsplan", args=[projekt.pk])
    assert client_als(qm_b).get(url).status_code == 404
    zeilen = [{"kategorie": "personal", "jahr": "2026", "betrag": "8.000,00", "bezeichnung": "Leitung"},
              {"kategorie": "eigenmittel", "jahr": "2026", "betrag": "4.000"},
              {"kategorie": "zuwendung", "jahr": "2026", "betrag": "3.999,99", "programm": str(programm.pk)}]
    antwort = client_als(qm_a).post(url, _plan_daten(zeilen))
    assert "nicht ausgeglichen: Ausgaben 8.000,00 €, Einnahmen 7.999,99 €" in antwort.content.decode()
    assert not Finanzierungsplan.objects.exists()
    zeilen[2]["betrag"] = "4.000,00"
    zeilen.append({"kategorie": "drittmittel", "jahr": "2026", "betrag": "0"})
    antwort = client_als(qm_a).post(url, _plan_daten(zeilen))
    assert "Bitte den Geldgeber der Drittmittel angeben." in antwort.content.decode()
    antwort = client_als(qm_a).post(url, _plan_daten(zeilen[:3]))
    assert antwort.status_code == 302
    seite = client_als(qm_a).get(reverse("programme:projekt", args=[projekt.pk])).content.decode()
    assert "Finanzierungsplan (Fassung 1)" in seite and "ausgeglichen" in seite
    projekt.refresh_from_db()
    assert projekt.gesamtkosten == D("8000.00")


def test_finanzierungsart_festlegen_nur_verwaltung(gebiet_a, verwaltung, qm_a, client_als):
    bewilligung = BewilligungFactory(projekt__gebiet=gebiet_a, programm__max_foerderquote=D("50"))
    url = reverse("zuwendung:finanzierungsart", args=[bewilligung.pk])
    assert client_als(qm_a).get(url).status_code == 403
    daten = {"finanzierungsart": "anteil", "foerderquote": "60", "beginn": "01.01.2026", "ende": "31.12.2026"}
    antwort = client_als(verwaltung).post(url, {**daten, "beginn": bewilligung.projekt.beginn.strftime("%d.%m.%Y"),
                                                "ende": bewilligung.projekt.ende.strftime("%d.%m.%Y")})
    assert f"{bewilligung.programm} fördert höchstens 50 %." in antwort.content.decode()
    daten.update(foerderquote="45", beginn=bewilligung.projekt.beginn.strftime("%d.%m.%Y"),
                 ende=bewilligung.projekt.ende.strftime("%d.%m.%Y"))
    assert client_als(verwaltung).post(url, daten).status_code == 302
    zuwendung = Zuwendung.objects.get(bewilligung=bewilligung)
    assert (zuwendung.finanzierungsart, zuwendung.foerderquote) == (Finanzierungsart.ANTEIL, D("45.00"))
    seite = client_als(qm_a).get(reverse("programme:projekt", args=[bewilligung.projekt_id])).content.decode()
    assert "Anteilfinanzierung (45 %)" in seite


def test_vorzeitigen_beginn_erfassen(gebiet_a, verwaltung, qm_a, client_als):
    projekt = ProjektFactory(gebiet=gebiet_a)
    url = reverse("zuwendung:vorzeitiger_beginn", args=[projekt.pk])
    assert client_als(qm_a).post(url, {"erlaubt_am": "01.02.2026"}).status_code == 403
    assert client_als(verwaltung).post(url, {"erlaubt_am": "01.02.2026"}).status_code == 302
    assert VorzeitigerBeginn.objects.get(projekt=projekt).erlaubt_am == dt.date(2026, 2, 1)
    seite = client_als(qm_a).get(reverse("programme:projekt", args=[projekt.pk])).content.decode()
    assert "zugelassen am 01.02.2026" in seite


def test_textbaustein_unbekannter_platzhalter_wird_abgelehnt_vorschau_fuellt(stadt, verwaltung, rat, client_als):
    url = reverse("zuwendung:textbaustein_neu")
    assert client_als(rat).get(url).status_code == 403
    client = client_als(verwaltung)
    daten = {"art": "rechtsbehelf", "stadt": str(stadt.pk),
             "text": "Widerspruch bei der {behoerde} in {stadt} bis {frist}."}
    antwort = client.post(url, daten).content.decode()
    assert "Unbekannte Platzhalter: {frist}." in antwort
    assert not Textbaustein.objects.exists()
    daten["text"] = "Widerspruch bei der {behoerde} der Stadt {stadt}, Betrag {betrag_in_worten}."
    antwort = client.post(url, {**daten, "vorschau": "1"}).content.decode()
    assert "Widerspruch bei der Sozialplanung der Stadt Musterstadt, Betrag siebentausendfünfhundert Euro." in antwort
    assert not Textbaustein.objects.exists()
    assert client.post(url, daten).status_code == 302
    assert Textbaustein.objects.get().stadt == stadt
    liste = client.get(reverse("zuwendung:textbausteine")).content.decode()
    assert "Rechtsbehelfsbelehrung (je Stadt)" in liste


def test_traegerseite_zeigt_de_minimis_summe(traeger, gebiet_a, rat, client_als):
    from testhilfen.zuwendung import ProgrammvorgabenFactory

    programm = FoerderprogrammFactory(stadt=gebiet_a.stadt)
    ProgrammvorgabenFactory(programm=programm, de_minimis=True)
    heute = dt.date.today()
    for betrag, tage in ((D("1200.50"), 10), (D("800.00"), 400), (D("5000.00"), 3 * 366)):
        BewilligungFactory(bewilligt=True, programm=programm, projekt__gebiet=gebiet_a,
                           projekt__traeger=traeger.organisation, betrag_beantragt=betrag,
                           entschieden_am=heute - dt.timedelta(days=tage))
    seite = client_als(rat).get(reverse("zuwendung:traeger", args=[traeger.organisation_id])).content.decode()
    assert 'id="de-minimis-summe">2.000,50\xa0€<' in seite
