"""Notices on grants: the PDF says what the law asks, numbers and versions like published reports, never public."""

import datetime as dt
import hashlib
from decimal import Decimal

import pytest
from django.urls import reverse

from berichte import bescheide
from kern.fehler import Regelverstoss
from programme import services, zuwendung_services
from programme.zuwendung import Bescheid, Finanzierungsart
from programme.zuwendung_services import Zeile
from testhilfen.pdftext import text_aus_pdf
from testhilfen.programme import FoerderprogrammFactory, JahresbudgetFactory, ProgrammgebietFactory, ProjektFactory
from testhilfen.zuwendung import (
    NebenbestimmungenFactory,
    ProgrammvorgabenFactory,
    RechtsbehelfFactory,
    TraegerdatenFactory,
)

pytestmark = pytest.mark.django_db
D = Decimal
JAHR = 2026
RECHTSBEHELF = ("Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage beim Verwaltungsgericht "
                "Musterstadt erhoben werden.")


@pytest.fixture
def bewilligt(gebiet_a, verwaltung, qm_a):
    programm = FoerderprogrammFactory(kurzname="WiN", name="Wohnen in Nachbarschaften", stadt=gebiet_a.stadt,
                                      max_foerderquote=D("50"))
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_a)
    JahresbudgetFactory(programm=programm, jahr=JAHR, betrag=D("100000"))
    ProgrammvorgabenFactory(programm=programm, finanzierungsart=Finanzierungsart.ANTEIL, foerderquote=D("50"))
    RechtsbehelfFactory(stadt=gebiet_a.stadt, text=RECHTSBEHELF)
    NebenbestimmungenFactory(programm=programm, text="Auf Plakaten ist {programm} als Geldgeber zu nennen.")
    traeger = TraegerdatenFactory(organisation__name="Nachbarschaftstreff Musterstadt e. V.",
                                  organisation__stadt=gebiet_a.stadt, strasse="Lindenstraße 7", plz="12345",
                                  ort="Musterstadt").organisation
    projekt = ProjektFactory(titel="Lesepaten im Quartier", gebiet=gebiet_a, traeger=traeger,
                             beginn=dt.date(JAHR, 3, 1), ende=dt.date(JAHR, 12, 31))
    zuwendung_services.finanzierungsplan_speichern(projekt=projekt, durch=qm_a, zeilen=[
        Zeile("personal", JAHR, D("12000"), "Koordination"), Zeile("sachkosten", JAHR, D("3000"), "Bücher"),
        Zeile("eigenmittel", JAHR, D("7500")), Zeile("zuwendung", JAHR, D("7500"), programm=programm)])
    antrag = services.bewilligung_beantragen(projekt=projekt, programm=programm, jahr=JAHR, betrag=None, durch=qm_a,
                                             datum=dt.date(JAHR, 1, 20))
    return services.projekt_bewilligen(bewilligung=antrag, betrag=D("7500"), durch=verwaltung,
                                       datum=dt.date(JAHR, 2, 10))


def _text(bescheid: Bescheid) -> str:
    # One line, as a reader copies the sentences across the PDF's line breaks.
    with bescheid.datei.open("rb") as datei:
        return " ".join(text_aus_pdf(datei.read()).split())


def test_zuwendungsbescheid_nennt_betrag_zeitraum_aktenzeichen_und_rechtsbehelf(bewilligt, verwaltung):
    bescheid = bescheide.bescheid_erlassen(bewilligung=bewilligt, durch=verwaltung, datum=dt.date(JAHR, 2, 12))
    text = _text(bescheid)
    assert (bescheid.nummer, bescheid.aktenzeichen, bescheid.art) == ("2026/0001", "ZW-WiN-2026/0001",
                                                                       Bescheid.Art.ZUWENDUNG)
    assert "7.500,00 € (in Worten: siebentausendfünfhundert Euro)" in text
    assert "Bewilligungszeitraum: 01.03.2026 bis 31.12.2026" in text
    assert "ZW-WiN-2026/0001" in text
    assert RECHTSBEHELF in text
    assert "Anteilfinanzierung" in text and "50 % der zuwendungsfähigen Ausgaben" in text
    assert "(ANBest-P)" in text
    assert "Auf Plakaten ist Wohnen in Nachbarschaften als Geldgeber zu nennen." in text
    assert "Lindenstraße 7" in text and "12345 Musterstadt" in text
    assert "Anlage: Finanzierungsplan (Fassung 1)" in text and "15.000,00 €" in text
    assert bescheid.sha256 == hashlib.sha256(bescheid.datei.open("rb").read()).hexdigest()


def test_ablehnungsbescheid_nennt_die_gruende(bewilligt, gebiet_a, verwaltung, qm_a):
    zweites = ProjektFactory(gebiet=gebiet_a, traeger=bewilligt.projekt.traeger, beginn=dt.date(JAHR, 5, 1),
                             ende=dt.date(JAHR, 12, 31))
    antrag = services.bewilligung_beantragen(projekt=zweites, programm=bewilligt.programm, jahr=JAHR,
                                             betrag=D("3000"), durch=qm_a, datum=dt.date(JAHR, 3, 1))
    services.bewilligung_ablehnen(bewilligung=antrag, durch=verwaltung, datum=dt.date(JAHR, 3, 10),
                                  begruendung="Das Vorhaben ist bereits durch ein anderes Programm gefördert.")
    bescheid = bescheide.bescheid_erlassen(bewilligung=antrag, durch=verwaltung, datum=dt.date(JAHR, 3, 11))
    text = _text(bescheid)
    assert bescheid.art == Bescheid.Art.ABLEHNUNG
    assert "Ablehnungsbescheid" in text and "lehne ich ab" in text
    assert "Das Vorhaben ist bereits durch ein anderes Programm gefördert." in text
    assert RECHTSBEHELF in text


def test_ohne_rechtsbehelfsbelehrung_kein_bescheid(bewilligt, verwaltung):
    bewilligt.programm.stadt.textbausteine.all().delete()
    with pytest.raises(Regelverstoss) as fehler:
        bescheide.bescheid_erlassen(bewilligung=bewilligt, durch=verwaltung)
    assert fehler.value.meldung == "Für Musterstadt ist noch keine Rechtsbehelfsbelehrung hinterlegt (Textbausteine)."
    assert not Bescheid.objects.exists()


def test_aenderungsbescheid_behaelt_nummer_neue_fassung_erste_datei_unveraendert(bewilligt, verwaltung):
    erster = bescheide.bescheid_erlassen(bewilligung=bewilligt, durch=verwaltung, datum=dt.date(JAHR, 2, 12))
    with erster.datei.open("rb") as datei:
        vorher = datei.read()
    with pytest.raises(Regelverstoss):
        bescheide.bescheid_erlassen(bewilligung=bewilligt, durch=verwaltung)
    neu = bescheide.aenderungsbescheid_erlassen(bescheid=erster, durch=verwaltung, datum=dt.date(JAHR, 6, 1),
                                                anlass="Die Ansprechperson des Trägers hat gewechselt.")
    assert (neu.nummer, neu.version, neu.ersetzt_id, neu.aktenzeichen) == (erster.nummer, 2, erster.pk,
                                                                           erster.aktenzeichen)
    assert neu.art == Bescheid.Art.AENDERUNG and neu.datei.name != erster.datei.name
    erster.refresh_from_db()
    with erster.datei.open("rb") as datei:
        assert datei.read() == vorher
    assert hashlib.sha256(vorher).hexdigest() == erster.sha256
    text = _text(neu)
    assert "Änderungsbescheid zum Zuwendungsbescheid vom 12.02.2026" in text
    assert "Die Ansprechperson des Trägers hat gewechselt." in text
    with pytest.raises(Regelverstoss) as fehler:
        bescheide.aenderungsbescheid_erlassen(bescheid=erster, durch=verwaltung, anlass="noch einmal")
    assert "schon durch Version 2 ersetzt" in fehler.value.meldung
    erster.sha256 = "0" * 64
    with pytest.raises(Exception):
        erster.save()


def test_bestandskraft_einen_monat_nach_versand_oder_mit_verzicht(bewilligt, verwaltung):
    bescheid = bescheide.bescheid_erlassen(bewilligung=bewilligt, durch=verwaltung, datum=dt.date(JAHR, 2, 12))
    with pytest.raises(Regelverstoss) as fehler:
        bescheide.rechtsbehelfsverzicht_erfassen(bescheid=bescheid, durch=verwaltung, datum=dt.date(JAHR, 2, 13))
    assert fehler.value.meldung == bescheide.NOCH_NICHT_VERSANDT
    bescheid = bescheide.bescheid_versenden(bescheid=bescheid, durch=verwaltung, datum=dt.date(JAHR, 2, 13))
    assert bescheid.bestandskraeftig_am == dt.date(JAHR, 3, 13)
    bescheid = bescheide.rechtsbehelfsverzicht_erfassen(bescheid=bescheid, durch=verwaltung,
                                                        datum=dt.date(JAHR, 2, 20))
    assert (bescheid.verzicht_am, bescheid.bestandskraeftig_am) == (dt.date(JAHR, 2, 20), dt.date(JAHR, 2, 20))


def test_nur_die_verwaltung_erlaesst_bescheide(bewilligt, qm_a):
    with pytest.raises(Regelverstoss) as fehler:
        bescheide.bescheid_erlassen(bewilligung=bewilligt, durch=qm_a)
    assert fehler.value.meldung == bescheide.NUR_VERWALTUNG


@pytest.mark.parametrize(("persona", "status"), [
    ("verwaltung", 200), ("qm_a", 200), ("qm_b", 404), ("rat", 404), ("anonym", 302)])
def test_bescheid_sehen_verwaltung_und_qm_des_gebiets_nie_der_rat(bewilligt, verwaltung, persona, status,
                                                                     request, client_als):
    bescheid = bescheide.bescheid_erlassen(bewilligung=bewilligt, durch=verwaltung, datum=dt.date(JAHR, 2, 12))
    client = client_als(request.getfixturevalue(persona))
    for url in (reverse("bescheide:bescheid", args=[bescheid.pk]), reverse("bescheide:pdf", args=[bescheid.pk])):
        antwort = client.get(url)
        assert antwort.status_code == status, url
    if status == 200:
        assert antwort["Content-Type"] == "application/pdf"
        assert antwort["Cache-Control"] == "private, no-store"


def test_bescheid_erlassen_ueber_die_projektseite(bewilligt, verwaltung, client_als):
    client = client_als(verwaltung)
    seite = client.get(reverse("programme:projekt", args=[bewilligt.projekt_id]))
    assert "Bescheid erlassen" in seite.content.decode()
    assert client.get(reverse("bescheide:erlassen", args=[bewilligt.pk])).status_code == 405
    antwort = client.post(reverse("bescheide:erlassen", args=[bewilligt.pk]))
    bescheid = Bescheid.objects.get()
    assert antwort.status_code == 302 and antwort["Location"] == reverse("bescheide:bescheid", args=[bescheid.pk])
    seite = client.get(reverse("programme:projekt", args=[bewilligt.projekt_id])).content.decode()
    assert f"Zuwendungsbescheid {bescheid.nummer}" in seite and "Anteilfinanzierung (50 %)" in seite


def test_bescheid_erlassen_verweigert_qm(bewilligt, qm_a, client_als):
    assert client_als(qm_a).post(reverse("bescheide:erlassen", args=[bewilligt.pk])).status_code == 403
    assert not Bescheid.objects.exists()


def test_vorschau_im_browser_speichert_nichts(bewilligt, verwaltung, rat, client_als):
    url = reverse("bescheide:vorschau", args=[bewilligt.pk])
    assert client_als(rat).get(url).status_code == 403
    seite = client_als(verwaltung).get(url).content.decode()
    assert "siebentausendfünfhundert Euro" in seite and "(Entwurf)" in seite
    assert not Bescheid.objects.exists()


def test_bescheidliste_zeigt_dem_qm_nur_die_eigenen(bewilligt, verwaltung, qm_a, qm_b, rat, client_als):
    bescheid = bescheide.bescheid_erlassen(bewilligung=bewilligt, durch=verwaltung, datum=dt.date(JAHR, 2, 12))
    url = reverse("bescheide:liste")
    assert bescheid.aktenzeichen in client_als(qm_a).get(url).content.decode()
    assert bescheid.aktenzeichen not in client_als(qm_b).get(url).content.decode()
    assert client_als(rat).get(url).status_code == 403
