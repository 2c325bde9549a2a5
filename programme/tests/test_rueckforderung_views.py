"""Pages of reclaims: the project page's reclaims, the open claims per role, repayments in the programme's
figures, the base rates, and a fixed number of queries on the list."""

import datetime as dt
import re
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programme import rueckforderung_services as rs
from programme.rueckforderung import Basiszinssatz, Rueckforderung
from testhilfen.rueckforderung import ausgezahlt_und_geprueft, programm_2024

pytestmark = pytest.mark.django_db


@pytest.fixture
def programm(gebiet_a, gebiet_b):
    return programm_2024(gebiet_a.stadt, [gebiet_a, gebiet_b])


def _rueckforderung(programm, gebiet, durch, *, titel="Lesepaten im Quartier", erste=True):
    bewilligung = ausgezahlt_und_geprueft(programm, gebiet, durch, titel=titel, mit_bescheiddaten=erste)
    return rs.rueckforderung_festsetzen(bewilligung=bewilligung, art=Rueckforderung.Art.NACHWEIS, betrag=D("4000"),
                                        grund="Ausgaben unter Plan.", durch=durch, datum=dt.date(2024, 5, 20))


def _kennzahl(text, name):
    return re.search(rf'id="kennzahl-{name}">([^<]*)<', text).group(1)


def test_a_repayment_booked_on_its_page_reaches_the_programme_figures(programm, gebiet_a, verwaltung, client_als):
    rueckforderung = _rueckforderung(programm, gebiet_a, verwaltung)
    url = reverse("rueckforderung:rueckzahlung", args=[rueckforderung.pk])
    client = client_als(verwaltung)
    zu_viel = client.post(url, {"betrag": "9.000,00", "datum": "30.09.2024"}).content.decode()
    assert "Offen sind am 30.09.2024 höchstens 4.127,84 €" in zu_viel
    programmseite = reverse("programme:programm", args=[programm.pk])
    assert _kennzahl(client.get(programmseite, {"jahr": 2024}).content.decode(), "zurueckgezahlt") == "0,00\u00a0€"
    antwort = client.post(url, {"betrag": "4.000,00", "datum": "30.09.2024", "bemerkung": "Überweisung"})
    assert antwort.status_code == 302
    # 127,84 € settle the interest up to 30.09.2024, 3.872,16 € count as repaid on the grant.
    text = client.get(programmseite, {"jahr": 2024}).content.decode()
    assert _kennzahl(text, "zurueckgefordert") == "4.000,00\u00a0€"
    assert _kennzahl(text, "zurueckgezahlt") == "3.872,16\u00a0€"


def test_the_project_page_shows_reclaims_with_open_amount_and_interest_to_date(programm, gebiet_a, verwaltung, qm_a,
                                                                               qm_b, rat, client_als):
    rueckforderung = _rueckforderung(programm, gebiet_a, verwaltung)
    seite = reverse("programme:projekt", args=[rueckforderung.bewilligung.projekt_id])
    text = client_als(verwaltung).get(seite).content.decode()
    tabelle = re.search(r'id="tabelle-rueckforderungen">(.*?)</table>', text, re.S).group(1)
    assert "Erstattung nach Prüfung des Verwendungsnachweises" in tabelle and "15.05.2024" in tabelle
    abschnitt = re.search(r'id="rueckforderungen-titel".*?</section>', text, re.S).group(0)
    assert "4.000,00\u00a0€" in tabelle and "Rückzahlung verbuchen" in abschnitt and "Bescheid erlassen" in abschnitt
    assert "Rückforderung festsetzen (WiN 2024)" in text
    historie = re.search(r'id="tabelle-historie">(.*?)</table>', text, re.S).group(1)
    assert re.search(r"<td>verwaltung</td><td>Rückforderung angelegt</td>", historie)
    manager = client_als(qm_a).get(seite).content.decode()
    assert "tabelle-rueckforderungen" in manager and "Rückzahlung verbuchen</a>" not in re.search(
        r'id="rueckforderungen-titel".*?</section>', manager, re.S).group(0)
    assert "Rückforderungen</h2>" not in client_als(rat).get(seite).content.decode()
    assert client_als(qm_b).get(seite).status_code == 404


def test_open_claims_per_role_and_filter(programm, gebiet_a, gebiet_b, verwaltung, qm_a, qm_b, rat, client_als):
    _rueckforderung(programm, gebiet_a, verwaltung)
    _rueckforderung(programm, gebiet_b, verwaltung, titel="Stadtteilfest B", erste=False)
    url = reverse("rueckforderung:offene")
    alle = client_als(verwaltung).get(url).content.decode()
    assert "Lesepaten im Quartier" in alle and "Stadtteilfest B" in alle and "Rückzahlung verbuchen" in alle
    eigene = client_als(qm_a).get(url).content.decode()
    assert "Lesepaten im Quartier" in eigene and "Stadtteilfest B" not in eigene
    assert "Rückzahlung verbuchen" not in eigene
    assert "Stadtteilfest B" in client_als(qm_b).get(url).content.decode()
    assert client_als(rat).get(url).status_code == 403
    assert client_als(qm_a).get(reverse("rueckforderung:festsetzen",
                                        args=[Rueckforderung.objects.first().bewilligung_id])).status_code == 403
    anderes = programm_2024(gebiet_a.stadt, [], budget="1000", kurzname="LOS")
    gefiltert = client_als(verwaltung).get(url, {"programm": anderes.pk}).content.decode()
    assert "Keine offenen Rückforderungen." in gefiltert
    nach_stadt = client_als(verwaltung).get(url, {"stadt": gebiet_a.stadt.pk}).content.decode()
    assert "Lesepaten im Quartier" in nach_stadt


def _abfragen(client, url) -> int:
    with CaptureQueriesContext(connection) as abfragen:
        assert client.get(url).status_code == 200
    return len(abfragen)


def test_the_list_of_open_claims_runs_a_fixed_number_of_queries(programm, gebiet_a, verwaltung, client_als):
    client = client_als(verwaltung)
    url = reverse("rueckforderung:offene")
    _rueckforderung(programm, gebiet_a, verwaltung)
    wenige = _abfragen(client, url)
    for i in range(4):
        _rueckforderung(programm, gebiet_a, verwaltung, titel=f"Projekt {i}", erste=False)
    assert Rueckforderung.objects.count() == 5
    assert _abfragen(client, url) == wenige


def test_setting_more_than_reclaimable_on_the_page_is_refused_and_changes_nothing(programm, gebiet_a, verwaltung,
                                                                                 client_als):
    bewilligung = ausgezahlt_und_geprueft(programm, gebiet_a, verwaltung)
    url = reverse("rueckforderung:festsetzen", args=[bewilligung.pk])
    antwort = client_als(verwaltung).post(url, {"art": "nachweis", "betrag": "4.000,01", "grund": "zu viel",
                                               "datum": "20.05.2024"})
    assert "höchstens 4.000,00 €" in antwort.content.decode()
    assert not Rueckforderung.objects.exists()
    antwort = client_als(verwaltung).post(url, {"art": "nachweis", "betrag": "4.000,00", "grund": "Ausgaben unter Plan",
                                               "datum": "20.05.2024"})
    assert antwort.status_code == 302
    assert Rueckforderung.objects.get().wirksam_ab == dt.date(2024, 5, 15)


def test_staff_add_a_base_rate_and_the_list_shows_it_with_the_rate_of_49a(verwaltung, client_als):
    client = client_als(verwaltung)
    falsch = client.post(reverse("rueckforderung:basiszinssatz_neu"), {"gueltig_ab": "15.01.2027", "satz": "1,52",
                                                                        "quelle": "Deutsche Bundesbank"})
    assert "nur zum 1. Januar und zum 1. Juli" in falsch.content.decode()
    antwort = client.post(reverse("rueckforderung:basiszinssatz_neu"), {"gueltig_ab": "01.01.2027", "satz": "-0,12",
                                                                         "quelle": "Deutsche Bundesbank"})
    assert antwort.status_code == 302
    assert Basiszinssatz.objects.get(gueltig_ab=dt.date(2027, 1, 1)).satz == D("-0.12")
    text = client.get(reverse("rueckforderung:basiszinssaetze")).content.decode()
    assert "01.01.2027</td><td class=\"zahl\">-0,12\u00a0%</td><td class=\"zahl\">4,88\u00a0%" in text
    assert "01.07.2026</td><td class=\"zahl\">1,52\u00a0%</td><td class=\"zahl\">6,52\u00a0%" in text
