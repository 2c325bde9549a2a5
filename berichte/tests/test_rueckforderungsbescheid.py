"""The reclaim notice: amount, reason, legal basis, interest periods and day-count method, deadline with the
city's account, legal remedies; numbered like every notice, stored with its SHA-256, PDF/UA-1."""

import datetime as dt
import hashlib
from decimal import Decimal as D

import pytest
from django.urls import reverse

from berichte import bescheide, rueckforderungsbescheid
from kern.fehler import Regelverstoss
from programme import rueckforderung_services as rs
from programme.rueckforderung import Kassenverbindung, Rueckforderung
from programme.zuwendung import Bescheid
from testhilfen.pdftext import text_aus_pdf
from testhilfen.pdfua import pruefen
from testhilfen.rueckforderung import RECHTSBEHELF, ausgezahlt_und_geprueft, programm_2024

pytestmark = pytest.mark.django_db


@pytest.fixture
def rueckforderung(gebiet_a, verwaltung):
    bewilligung = ausgezahlt_und_geprueft(programm_2024(gebiet_a.stadt, [gebiet_a]), gebiet_a, verwaltung)
    return rs.rueckforderung_festsetzen(bewilligung=bewilligung, art=Rueckforderung.Art.NACHWEIS, betrag=D("4000"),
                                        grund="Die Honorare blieben um 4.000 € unter dem Finanzierungsplan.",
                                        durch=verwaltung, datum=dt.date(2024, 5, 20))


def _daten(bescheid: Bescheid) -> bytes:
    with bescheid.datei.open("rb") as datei:
        return datei.read()


def test_the_notice_states_amount_rate_periods_day_count_deadline_and_account(rueckforderung, verwaltung):
    bescheid = rueckforderungsbescheid.rueckforderungsbescheid_erlassen(rueckforderung=rueckforderung,
                                                                       durch=verwaltung, datum=dt.date(2024, 9, 30))
    daten = _daten(bescheid)
    text = " ".join(text_aus_pdf(daten).split())
    assert (bescheid.art, bescheid.nummer, bescheid.aktenzeichen) == (Bescheid.Art.RUECKFORDERUNG, "2024/0001",
                                                                       "RF-WiN-2024/0001")
    assert bescheid.sha256 == hashlib.sha256(daten).hexdigest()
    assert "Rückforderungsbescheid" in text
    assert "fordere ich 4.000,00 € (in Worten: viertausend Euro) zurück" in text
    assert "Die Honorare blieben um 4.000 € unter dem Finanzierungsplan." in text
    assert "§ 49a Abs. 1 VwVfG" in text and "Nr. 2 ANBest-P" in text
    assert "fünf Prozentpunkten über dem jeweiligen Basiszinssatz (§ 247 BGB)" in text
    # The two rate periods up to the day of the notice (hand-computed in programme/tests/test_rueckforderung_services).
    assert "16.05.2024 30.06.2024 46 4.000,00 € 3,62 % 8,62 % 43,45 €" in text
    assert "01.07.2024 30.09.2024 92 4.000,00 € 3,37 % 8,37 % 84,39 €" in text
    assert "Zinsen bis zum 30.09.2024 127,84 €" in text
    assert "Zinsjahr zu 365 Tagen (act/365)" in text and "§ 187 Abs. 1 BGB" in text
    assert "§ 367 Abs. 1 BGB" in text
    assert "Zu zahlen sind bis zum 30.10.2024" in text and "zusammen 4.127,84 €" in text
    kasse = Kassenverbindung.objects.get()
    assert "Stadtkasse Musterstadt" in text and kasse.iban_lesbar in text
    assert RECHTSBEHELF in text
    rueckforderung.refresh_from_db()
    assert (rueckforderung.bescheid, rueckforderung.zahlungsfrist) == (bescheid, dt.date(2024, 10, 30))


def test_the_notice_is_pdf_ua_1_with_its_table_headers(rueckforderung, verwaltung):
    bescheid = rueckforderungsbescheid.rueckforderungsbescheid_erlassen(rueckforderung=rueckforderung,
                                                                       durch=verwaltung, datum=dt.date(2024, 9, 30))
    befund = pruefen(_daten(bescheid))
    assert befund.pdfua_teil == "1"
    assert befund.marked and befund.tags["Document"] == 1 and befund.lang == "de-DE"
    assert befund.titel.startswith("Rückforderungsbescheid RF-WiN-2024/0001") and befund.titel_anzeigen
    assert befund.tags["H1"] == 1, befund.tags
    assert befund.tags["Table"] >= 1 and befund.tabellen_ohne_kopf == 0
    assert befund.mcids_ohne_element == []
    for nummer, artefakte in enumerate(befund.artefakte, start=1):
        assert f"Seite {nummer} von {bescheid.seiten}" in dict(artefakte).get("/Footer", "")


def test_one_notice_per_reclaim_in_the_common_number_series_and_no_amending_notice(rueckforderung, verwaltung,
                                                                                     qm_a):
    with pytest.raises(Regelverstoss, match="Nur die Verwaltung"):
        rueckforderungsbescheid.rueckforderungsbescheid_erlassen(rueckforderung=rueckforderung, durch=qm_a)
    zuwendung = bescheide.bescheid_erlassen(bewilligung=rueckforderung.bewilligung, durch=verwaltung,
                                            datum=dt.date(2024, 9, 1))
    bescheid = rueckforderungsbescheid.rueckforderungsbescheid_erlassen(rueckforderung=rueckforderung,
                                                                       durch=verwaltung, datum=dt.date(2024, 9, 30))
    assert (zuwendung.nummer, bescheid.nummer) == ("2024/0001", "2024/0002")
    text = " ".join(text_aus_pdf(_daten(bescheid)).split())
    assert "Von der mit Bescheid vom 01.09.2024 bewilligten Zuwendung von 10.000,00 €" in text
    with pytest.raises(Regelverstoss, match="schon der Bescheid Nr. 2024/0002"):
        rueckforderungsbescheid.rueckforderungsbescheid_erlassen(rueckforderung=rueckforderung, durch=verwaltung)
    with pytest.raises(Regelverstoss, match="ändert nur einen Zuwendungsbescheid"):
        bescheide.aenderungsbescheid_erlassen(bescheid=bescheid, anlass="anders", durch=verwaltung)


def test_without_the_city_account_no_notice(rueckforderung, verwaltung):
    Kassenverbindung.objects.all().delete()
    with pytest.raises(Regelverstoss) as fehler:
        rueckforderungsbescheid.rueckforderungsbescheid_erlassen(rueckforderung=rueckforderung, durch=verwaltung)
    assert fehler.value.meldung == ("Für Musterstadt ist noch keine Bankverbindung der Stadtkasse hinterlegt; sie "
                                    "gehört in jeden Rückforderungsbescheid.")
    assert not Bescheid.objects.exists()


def test_staff_issue_the_notice_from_the_project_page(rueckforderung, verwaltung, client_als, rat):
    url = reverse("rueckforderungsbescheide:erlassen", args=[rueckforderung.pk])
    assert client_als(rat).post(url).status_code == 403
    antwort = client_als(verwaltung).post(url)
    bescheid = Bescheid.objects.get(art=Bescheid.Art.RUECKFORDERUNG)
    assert antwort.status_code == 302 and antwort.url == reverse("bescheide:bescheid", args=[bescheid.pk])
    seite = client_als(verwaltung).get(reverse("bescheide:bescheid", args=[bescheid.pk])).content.decode()
    assert "Rückforderungsbescheid Nr." in seite and "Änderungsbescheid</a>" not in seite
    assert client_als(rat).get(reverse("bescheide:pdf", args=[bescheid.pk])).status_code == 404
