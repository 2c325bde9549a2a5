"""Staff's check of a proof of use: the page shows the computed reclaim, confirming it files the check note as a
PDF/UA-1 document with the figures; the note is for staff and the area's managers only."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from berichte import pruefvermerk
from programme import nachweis_services, services
from programme.nachweis import Pruefvermerk
from testhilfen.nachweis import foerderung
from testhilfen.pdftext import text_aus_pdf
from testhilfen.pdfua import pruefen

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def eingereicht(gebiet_a, verwaltung, qm_a):
    bewilligung = foerderung(gebiet=gebiet_a, verwaltung=verwaltung, qm=qm_a)
    nachweis = bewilligung.verwendungsnachweis
    nachweis_services.angaben_speichern(nachweis=nachweis, durch=qm_a, sachbericht="Zwölf Lesepaten lasen mit "
                                        "Kindern.", teilnehmende=48, eigenmittel=D("7500"), drittmittel=D("0"))
    for datum, betrag, kategorie in ((dt.date(2026, 4, 1), "11000.00", "personal"),
                                     (dt.date(2026, 5, 1), "3000.00", "sachkosten")):
        nachweis_services.beleg_hinzufuegen(nachweis=nachweis, durch=qm_a, datum=datum, empfaenger="Träger",
                                            zweck="Ausgabe", betrag=D(betrag), kategorie=kategorie)
    return services.verwendungsnachweis_einreichen(nachweis=nachweis, durch=qm_a)


def test_pruefseite_zeigt_die_berechnete_rueckforderung_und_bestaetigen_legt_den_vermerk_ab(eingereicht, client_als,
                                                                                            verwaltung):
    staff = client_als(verwaltung)
    url = reverse("pruefvermerk:pruefen", args=[eingereicht.pk])
    seite = staff.get(url).content.decode()
    assert "Zurückzufordern: 500,00\xa0€" in seite
    assert "Anteilfinanzierung: 50 % der zuwendungsfähigen Ausgaben von 14.000,00 € = 7.000,00 €." in seite
    antwort = staff.post(url, {"rueckforderung": "0", "text": "Geprüft.", "datum": "01.12.2026",
                               "nicht_zuwendungsfaehig": "0"})
    assert antwort.status_code == 400 and "ergibt eine Rückforderung von 500,00 €" in antwort.content.decode()
    assert not Pruefvermerk.objects.exists()
    antwort = staff.post(url, {"rueckforderung": "500,00", "text": "Belege vollständig, sachlich richtig.",
                               "datum": "01.12.2026", "nicht_zuwendungsfaehig": "0"})
    assert antwort.status_code == 302
    eingereicht.refresh_from_db()
    eingereicht.bewilligung.refresh_from_db()
    assert eingereicht.bewilligung.betrag_zurueckgefordert == D("500.00")
    assert eingereicht.pruefvermerk.zuwendung_festgesetzt == D("7000.00")


def test_pruefvermerk_pdf_enthaelt_die_zahlen_und_ist_pdf_ua(eingereicht, verwaltung):
    vermerk = pruefvermerk.pruefung_abschliessen(nachweis=eingereicht, durch=verwaltung, rueckforderung=D("500.00"),
                                                 text="Belege vollständig, sachlich richtig.",
                                                 datum=dt.date(2026, 12, 1))
    daten = pruefvermerk.geprueft_lesen(vermerk)
    text = " ".join(text_aus_pdf(daten).split())
    assert "Prüfvermerk zum Verwendungsnachweis" in text
    assert "11.000,00 €" in text and "12.000,00 €" in text and "14.000,00 €" in text
    assert "Rückforderung 500,00 €" in text
    assert "Zuwendung nach Prüfung 7.000,00 €" in text
    assert "Belege vollständig, sachlich richtig." in text
    befund = pruefen(daten)
    assert befund.pdfua_teil == "1" and daten.startswith(b"%PDF-1.7")
    assert befund.marked and befund.lang == "de-DE" and befund.titel_anzeigen
    assert befund.titel.startswith("Prüfvermerk zum Verwendungsnachweis")
    assert befund.tags["H1"] == 1 and befund.tags["Table"] >= 2 and befund.tabellen_ohne_kopf == 0
    assert befund.mcids_ohne_element == []
    for nummer, artefakte in enumerate(befund.artefakte, start=1):
        assert f"Seite {nummer} von {vermerk.seiten}" in dict(artefakte).get("/Footer", "")


@pytest.mark.parametrize("persona, status", [("verwaltung", 200), ("qm_a", 200), ("qm_b", 404), ("rat", 404)])
def test_pruefvermerk_pdf_nur_fuer_verwaltung_und_eigenes_gebiet(eingereicht, verwaltung, client_als, request,
                                                                 persona, status):
    vermerk = pruefvermerk.pruefung_abschliessen(nachweis=eingereicht, durch=verwaltung, rueckforderung=D("500.00"),
                                                 text="Geprüft.")
    antwort = client_als(request.getfixturevalue(persona)).get(reverse("pruefvermerk:pdf", args=[vermerk.pk]))
    assert antwort.status_code == status
    if status == 200:
        assert antwort["Content-Type"] == "application/pdf"


def test_pruefen_nur_die_verwaltung(eingereicht, client_als, qm_a, rat):
    url = reverse("pruefvermerk:pruefen", args=[eingereicht.pk])
    assert client_als(qm_a).get(url).status_code == 403
    assert client_als(qm_a).post(url, {"rueckforderung": "500,00", "text": "x", "datum": "01.12.2026"}
                                 ).status_code == 403
    assert client_als(rat).get(url).status_code == 403
    assert not Pruefvermerk.objects.exists()
