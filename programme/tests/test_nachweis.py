"""The proof of use in detail: receipts by hand and from a file (all rows or none), the 20 % rule at its
boundary, the recalculation by type of financing to the cent, and reclaim = paid out − due."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from kern.fehler import Regelverstoss
from programme import nachweis_regeln, nachweis_services, services
from programme.nachweis import Beleg
from programme.nachweis_regeln import neu_berechnen, vergleichen
from programme.zuwendung import Finanzierungsart, Zuwendung
from testhilfen.nachweis import belegliste, foerderung

pytestmark = pytest.mark.django_db
D = Decimal


def _angaben(nachweis, durch, **extra):
    return nachweis_services.angaben_speichern(nachweis=nachweis, durch=durch, sachbericht="Zwölf Lesepaten lasen "
                                               "wöchentlich mit Grundschulkindern.", teilnehmende=48,
                                               eigenmittel=D("7500"), drittmittel=D("0"), **extra)


@pytest.fixture
def nachweis(gebiet_a, verwaltung, qm_a):
    bewilligung = foerderung(gebiet=gebiet_a, verwaltung=verwaltung, qm=qm_a)
    _angaben(bewilligung.verwendungsnachweis, qm_a)
    return bewilligung.verwendungsnachweis


def test_belegimport_mit_einer_fehlerhaften_zeile_schreibt_nichts_und_nennt_zeile_und_spalte(nachweis, qm_a):
    datei = belegliste("15.03.2026;Buchhandlung Lesezeit;Kinderbücher;1.234,56;Sachausgaben",
                       "01.04.2026;Honorarkraft Meier;Leseförderung;12,3x;Honorare",
                       "02.04.2026;Stadtwerke;Strom;80,00;Miete")
    with pytest.raises(nachweis_services.Importfehler) as fehler:
        nachweis_services.belege_importieren(nachweis=nachweis, durch=qm_a, inhalt=datei)
    assert fehler.value.meldung == "2 Zeile(n) der Datei sind fehlerhaft; es wurde nichts importiert."
    texte = [str(f) for f in fehler.value.fehler]
    assert texte[0] == "Zeile 3: Spalte „Betrag“: keine Zahl: „12,3x“"
    assert texte[1].startswith("Zeile 4: Spalte „Kategorie“: unbekannte Kategorie „Miete“")
    assert not Beleg.objects.exists()


def test_belegimport_liest_deutsche_betraege_und_datumsgrenzen(nachweis, qm_a):
    datei = belegliste("15.03.2026;Buchhandlung Lesezeit;Kinderbücher;1.234,56;Sachausgaben",
                       "2026-04-01;Honorarkraft Meier;Leseförderung;\"2.000,00 €\";honorare")
    belege = nachweis_services.belege_importieren(nachweis=nachweis, durch=qm_a, inhalt=datei)
    assert [(b.betrag, b.kategorie) for b in belege] == [(D("1234.56"), "sachkosten"), (D("2000.00"), "honorare")]
    with pytest.raises(nachweis_services.Importfehler) as fehler:
        nachweis_services.belege_importieren(nachweis=nachweis, durch=qm_a, inhalt=belegliste(
            "28.02.2026;Vorab GmbH;Einkauf;10,00;Sachausgaben"))
    assert str(fehler.value.fehler[0]) == ("Zeile 2: Spalte „Datum“: Datum 28.02.2026 außerhalb des "
                                           "Bewilligungszeitraums (01.03.2026 bis 31.12.2026)")
    assert Beleg.objects.count() == 2


def test_belegimport_aus_excel_und_kaputte_dateien(nachweis, qm_a):
    mappe = Workbook()
    blatt = mappe.active
    blatt.append(["Datum", "Empfänger", "Zweck", "Betrag", "Kategorie", "Belegnr."])
    blatt.append([dt.datetime(2026, 5, 4), "Druckerei", "Flyer", 321.09, "Sachausgaben", "B-17"])
    puffer = io.BytesIO()
    mappe.save(puffer)
    belege = nachweis_services.belege_importieren(nachweis=nachweis, durch=qm_a, inhalt=puffer.getvalue())
    assert [(b.datum, b.betrag) for b in belege] == [(dt.date(2026, 5, 4), D("321.09"))]
    for kaputt in (b"PK\x03\x04kaputt", b"\x00\x01\x02", b"Datum;Betrag\n1.1.2026;5\n"):
        with pytest.raises(nachweis_services.Importfehler):
            nachweis_services.belege_importieren(nachweis=nachweis, durch=qm_a, inhalt=kaputt)
    assert Beleg.objects.count() == 1


@pytest.mark.parametrize("ist_personal, ist_sach, markiert, ungedeckt", [
    (D("1200.00"), D("1000.00"), False, D("0.00")),  # exactly 20 % over: allowed
    (D("1200.01"), D("1000.00"), True, D("0.01")),   # one cent beyond 20 %, no savings: flagged
    (D("1500.00"), D("700.00"), False, D("0.00")),   # 50 % over, savings of 300 € offset it
    (D("1500.00"), D("800.00"), True, D("100.00")),  # savings cover 200 € of the 300 € beyond 20 %
])
def test_zwanzig_prozent_regel_an_der_grenze(ist_personal, ist_sach, markiert, ungedeckt):
    vergleich = vergleichen({"personal": D("1000.00"), "sachkosten": D("1000.00")},
                            {"personal": ist_personal, "sachkosten": ist_sach})
    personal = vergleich.zeilen[0]
    assert (personal.markiert, personal.ungedeckt, vergleich.ungedeckt) == (markiert, ungedeckt, ungedeckt)
    assert not vergleich.zeilen[1].markiert


def test_kategorie_ohne_planansatz_braucht_einsparungen():
    vergleich = vergleichen({"personal": D("1000.00")}, {"personal": D("1000.00"), "honorare": D("50.00")})
    assert [(z.kategorie, z.markiert, z.ungedeckt) for z in vergleich.zeilen] == [
        ("personal", False, D("0")), ("honorare", True, D("50.00"))]


def _neu(art, *, ausgaben, eigen="0", dritt="0", quote=None, fest=None, bewilligt="7500.00", ausgezahlt="7500.00",
         nicht_zf="0"):
    zuwendung = Zuwendung(finanzierungsart=art, foerderquote=D(quote) if quote else None,
                          festbetrag=D(fest) if fest else None)
    return neu_berechnen(zuwendung=zuwendung, bewilligt=D(bewilligt), ausgezahlt=D(ausgezahlt), ausgaben=D(ausgaben),
                         nicht_zuwendungsfaehig=D(nicht_zf), eigenmittel=D(eigen), drittmittel=D(dritt))


@pytest.mark.parametrize("art, werte, festgesetzt, rueckforderung, nachzahlung", [
    # 50 % of 14.000 − 100 not eligible = 6.950,00
    (Finanzierungsart.ANTEIL, {"ausgaben": "14000.00", "quote": "50", "nicht_zf": "100.00"}, "6950.00", "550.00", "0"),
    # 33,33 % of 10.000,01 = 3.333,0033 → 3.333,00
    (Finanzierungsart.ANTEIL, {"ausgaben": "10000.01", "quote": "33.33"}, "3333.00", "4167.00", "0"),
    # 14.321,09 − 5.000 own − 2.000 third = 7.321,09
    (Finanzierungsart.FEHLBEDARF, {"ausgaben": "14321.09", "eigen": "5000", "dritt": "2000"}, "7321.09", "178.91",
     "0"),
    # the gap of 8.000 is capped at the 7.500 granted
    (Finanzierungsart.FEHLBEDARF, {"ausgaben": "15000.00", "eigen": "7000"}, "7500.00", "0", "0"),
    # fixed amount kept while the expenses do not fall below it
    (Finanzierungsart.FESTBETRAG, {"ausgaben": "9000.00", "fest": "7500.00"}, "7500.00", "0", "0"),
    (Finanzierungsart.FESTBETRAG, {"ausgaben": "7123.45", "fest": "7500.00"}, "7123.45", "376.55", "0"),
    (Finanzierungsart.VOLL, {"ausgaben": "7499.99"}, "7499.99", "0.01", "0"),
    # only 6.000 paid out so far: 1.499,99 are still payable
    (Finanzierungsart.VOLL, {"ausgaben": "7499.99", "ausgezahlt": "6000.00"}, "7499.99", "0", "1499.99"),
])
def test_neuberechnung_je_finanzierungsart(art, werte, festgesetzt, rueckforderung, nachzahlung):
    n = _neu(art, **werte)
    assert (n.festgesetzt, n.rueckforderung, n.nachzahlung) == (D(festgesetzt), D(rueckforderung), D(nachzahlung))
    assert n.schritte[-1].endswith(".")


def test_pruefung_setzt_rueckforderung_ausgezahlt_minus_zuwendung(nachweis, qm_a, verwaltung):
    for datum, betrag, kategorie in ((dt.date(2026, 4, 1), "11000.00", "personal"),
                                     (dt.date(2026, 5, 1), "3000.00", "sachkosten")):
        nachweis_services.beleg_hinzufuegen(nachweis=nachweis, durch=qm_a, datum=datum, empfaenger="Träger",
                                            zweck="Ausgabe", betrag=D(betrag), kategorie=kategorie)
    eingereicht = services.verwendungsnachweis_einreichen(nachweis=nachweis, durch=qm_a)
    assert eingereicht.verwendet == D("14000.00")
    with pytest.raises(Regelverstoss) as fehler:
        services.verwendungsnachweis_pruefen(nachweis=nachweis, durch=verwaltung, rueckforderung=D("0"))
    assert fehler.value.meldung.startswith("Die Neuberechnung ergibt eine Rückforderung von 500,00 €")
    geprueft = services.verwendungsnachweis_pruefen(nachweis=nachweis, durch=verwaltung, rueckforderung=D("500.00"))
    bewilligung = geprueft.bewilligung
    bewilligung.refresh_from_db()
    # Anteil 50 % of 14.000 = 7.000 due; 7.500 paid out → 500 reclaimed.
    assert (geprueft.zuwendung_festgesetzt, geprueft.rueckforderung) == (D("7000.00"), D("500.00"))
    assert bewilligung.betrag_zurueckgefordert == D("7500.00") - D("7000.00")


def test_manager_nur_eigene_gebiete_und_nur_vor_dem_einreichen(nachweis, qm_a, qm_b, rat, verwaltung):
    beleg = dict(datum=dt.date(2026, 4, 1), empfaenger="X", zweck="Y", betrag=D("10"), kategorie="personal")
    for fremd in (qm_b, rat):
        with pytest.raises(Regelverstoss, match="nicht in einem Ihrer Gebiete"):
            nachweis_services.beleg_hinzufuegen(nachweis=nachweis, durch=fremd, **beleg)
    nachweis_services.beleg_hinzufuegen(nachweis=nachweis, durch=qm_a, **beleg)
    services.verwendungsnachweis_einreichen(nachweis=nachweis, durch=qm_a)
    with pytest.raises(Regelverstoss) as fehler:
        nachweis_services.beleg_hinzufuegen(nachweis=nachweis, durch=qm_a, **beleg)
    assert fehler.value.meldung == nachweis_services.SCHON_EINGEREICHT
    nachweis_services.beleg_hinzufuegen(nachweis=nachweis, durch=verwaltung, **beleg)
    nachweis.refresh_from_db()
    assert nachweis.verwendet == D("20.00")


def test_einfacher_nachweis_nur_wo_das_programm_ihn_erlaubt(gebiet_a, verwaltung, qm_a):
    streng = foerderung(gebiet=gebiet_a, verwaltung=verwaltung, qm=qm_a).verwendungsnachweis
    with pytest.raises(Regelverstoss, match="verlangt einen Verwendungsnachweis mit Belegliste"):
        _angaben(streng, qm_a, einfach=True)


def test_einfacher_nachweis_mit_summen(gebiet_b, verwaltung, qm_b):
    nachweis = foerderung(gebiet=gebiet_b, verwaltung=verwaltung, qm=qm_b, einfach=True).verwendungsnachweis
    _angaben(nachweis, qm_b, einfach=True)
    nachweis_services.summen_speichern(nachweis=nachweis, durch=qm_b, summen={"personal": D("12000"),
                                                                              "sachkosten": D("3900.00")})
    assert services.verwendungsnachweis_einreichen(nachweis=nachweis, durch=qm_b).verwendet == D("15900.00")
    pruefung = nachweis_regeln.pruefung(nachweis, ausgezahlt=D("7500"))
    # Material 30 % over plan (900 €; 300 € beyond the 20 %), no savings: flagged, 300 € proposed not eligible.
    assert [z.markiert for z in pruefung.vergleich.zeilen] == [False, True]
    assert pruefung.neuberechnung.zuwendungsfaehig == D("15600.00")
    assert pruefung.neuberechnung.festgesetzt == D("7500.00")
