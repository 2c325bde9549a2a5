"""Each kind rendered to PDF: its extracted text carries the figures of the database."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from berichte import inhalte
from beteiligung.models import Gremium, Teilnahme
from testhilfen.beteiligung import (
    AufgabeFactory,
    BeschlussFactory,
    GremiumFactory,
    SitzungFactory,
    TeilnahmeFactory,
    ThemaFactory,
    ThemenbewertungFactory,
)
from testhilfen.programme import (
    AuszahlungFactory,
    BewilligungFactory,
    FoerderprogrammFactory,
    HandlungsfeldFactory,
    JahresbudgetFactory,
    ProgrammgebietFactory,
    ProjektFactory,
)
from quartiere.models import Gebiet
from quartiere.services import sozialindex_festlegen
from testhilfen.quartiere import (
    EinrichtungFactory,
    GebietFactory,
    IndikatorFactory,
    IndikatorwertFactory,
    OrganisationFactory,
    PersonFactory,
    QuartiersmanagementFactory,
    StadtFactory,
)

from testhilfen.berichte import BeratungFactory, RatsvorlageFactory
from testhilfen.pdftext import rendern

D = Decimal
pytestmark = pytest.mark.django_db


def test_programmjahresbericht_shows_budget_grants_and_every_project(gebiet_a, gebiet_b):
    programm = FoerderprogrammFactory(kurzname="WiN", name="Wohnen in Nachbarschaften", stadt=gebiet_a.stadt)
    JahresbudgetFactory(programm=programm, jahr=2016, betrag=D("1750000"))
    JahresbudgetFactory(programm=programm, jahr=2016, gebiet=gebiet_a, betrag=D("60000"))
    gesundheit = HandlungsfeldFactory(name="Gesundheit")
    bewilligungen = []
    for gebiet, betrag, titel in [(gebiet_a, "12500.50", "Stadtteilmütter"), (gebiet_a, "7000", "Lesepaten"),
                                  (gebiet_b, "32001", "Quartiersküche")]:
        projekt = ProjektFactory(titel=titel, gebiet=gebiet, bewilligt=True, gesamtkosten=D("100000"),
                                 beginn=dt.date(2016, 1, 1), ende=dt.date(2016, 12, 31), handlungsfelder=[gesundheit])
        bewilligungen.append(BewilligungFactory(bewilligt=True, projekt=projekt, programm=programm, jahr=2016,
                                                gebiet=gebiet, betrag_beantragt=D(betrag)))
    AuszahlungFactory(bewilligung=bewilligungen[0], betrag=D("5000"))

    text, seiten = rendern("programmjahresbericht", {"programm": programm.pk, "jahr": 2016})

    assert sum(b.betrag_bewilligt for b in bewilligungen) == D("51501.50")
    assert "Programmjahresbericht WiN 2016" in text
    assert re.search(r"1\.750\.000,00 € 51\.501,50 € 0,00 € 51\.501,50 € 5\.000,00 € 0,00 € 1\.698\.498,50 € 2,9 %",
                     text), text
    assert re.search(r"Summe 51\.501,50 € 0,00 € 5\.000,00 €", text)
    assert re.search(r"Quartier A 60\.000,00 € 19\.500,50 € 0,00 € 19\.500,50 € 5\.000,00 € 40\.499,50 € 32,5 % 2", text)
    # Quartier B has no budget of its own: its grant comes out of the part not given to areas.
    assert re.search(r"nicht\s+auf\s+Gebiete\s+verteilt\s+1\.690\.000,00 € – – – – 1\.657\.999,00 €", text), text
    assert re.search(r"Programm\s+gesamt\s+1\.750\.000,00 € 51\.501,50 € 0,00 € 51\.501,50 € 5\.000,00 € "
                     r"1\.698\.498,50 €", text)
    assert re.search(r"Gesundheit 51\.501,50 € 0,00 € 51\.501,50 € 5\.000,00 € 3", text)
    for titel in ("Stadtteilmütter", "Lesepaten", "Quartiersküche"):
        assert titel in text
    assert f"Seite 1 von {seiten}" in text
    assert "Nr. 2026/0001" in text


LEVERKUSEN_BERATUNGSFOLGE = [
    ("Bürger- und Umweltausschuss", dt.date(2019, 11, 14), "beratung"),
    ("Ausschuss für Soziales, Gesundheit und Senioren", dt.date(2019, 11, 18), "beratung"),
    ("Bezirksvertretung für den Stadtbezirk I", dt.date(2019, 11, 25), "beratung"),
    ("Bezirksvertretung für den Stadtbezirk II", dt.date(2019, 11, 26), "beratung"),
    ("Bezirksvertretung für den Stadtbezirk III", dt.date(2019, 11, 28), "beratung"),
    ("Rat der Stadt Leverkusen", dt.date(2019, 12, 16), "entscheidung"),
]


def test_ratsvorlage_has_the_leverkusen_header_and_every_consultation_row():
    stadt = StadtFactory(name="Leverkusen")
    rat = GremiumFactory(name="Rat der Stadt Leverkusen", art=Gremium.Art.RAT, gebiet=stadt)
    quartier = GebietFactory(parent=stadt, name="Rheindorf")
    programm = FoerderprogrammFactory(kurzname="Soziale Stadt", stadt=stadt)
    JahresbudgetFactory(programm=programm, jahr=2020, gebiet=quartier, betrag=D("180000"))
    BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=quartier, bewilligt=True), programm=programm,
                       jahr=2020, gebiet=quartier, betrag_beantragt=D("20000"))
    vorlage = RatsvorlageFactory(stadt=stadt, betreff="Sozialbericht 2019 - Gerechte Teilhabe in Leverkusen",
                                 programm=programm, haushaltsjahr=2020, anlagen="Sozialbericht 2019\nSchreiben der AGW")
    for nr, (name, datum, zustaendigkeit) in enumerate(LEVERKUSEN_BERATUNGSFOLGE, start=1):
        if name == rat.name:
            BeratungFactory(vorlage=vorlage, reihenfolge=nr, gremium=rat, gremium_name="", datum=datum,
                            zustaendigkeit=zustaendigkeit)
        else:
            BeratungFactory(vorlage=vorlage, reihenfolge=nr, gremium_name=name, datum=datum,
                            zustaendigkeit=zustaendigkeit)

    text, _ = rendern("ratsvorlage", {"vorlage": vorlage.pk}, nummer="2019/3030")

    assert "Stadt Leverkusen" in text and "Vorlage Nr. 2019/3030" in text
    assert "Der Oberbürgermeister" in text and "III-zi/neu" in text and "20.11.2019" in text
    zeilen = text.splitlines()
    for name, datum, zustaendigkeit in LEVERKUSEN_BERATUNGSFOLGE:
        erwartet = f"{name} {datum:%d.%m.%Y} {'Entscheidung' if zustaendigkeit == 'entscheidung' else 'Beratung'} öffentlich"
        assert erwartet in zeilen, erwartet
    assert "Sozialbericht 2019 - Gerechte Teilhabe in Leverkusen" in text
    assert re.search(r"Rheindorf 180\.000,00 € 20\.000,00 € 0,00 € 20\.000,00 € 0,00 € 160\.000,00 € 1", text)
    anlagen = text[text.index("Anlagen:"):]
    assert "Sozialbericht 2019" in anlagen and "Schreiben der AGW" in anlagen


def test_sitzungsdokumentation_ranks_topics_by_votes_and_names_no_participant():
    stadt = StadtFactory(name="Bremerhaven")
    gremium = GremiumFactory(name="ZWK-Beirat", art=Gremium.Art.BEIRAT, gebiet=stadt)
    sozialplanung = OrganisationFactory(name="Sozialreferat, Sozialplanung", stadt=stadt)
    hesse = PersonFactory(vorname="Klaus-Martin", nachname="Hesse", ist_verwaltung=True, organisation=sozialplanung)
    sitzung = SitzungFactory(gremium=gremium, titel="Erstes Treffen des ZWK-Beirats", datum=dt.date(2022, 3, 28),
                             beginn=dt.time(15, 30), ende=dt.time(17), ort="Stadthaus 1",
                             hintergrund="Ziel von ZWK ist die Gestaltung des demografischen Wandels.",
                             ausblick="Die Zukunftswerkstätten folgen im Sommer.", verfasst_von=hesse,
                             dokumentiert=True, dokumentiert_am=dt.date(2022, 3, 31))
    TeilnahmeFactory(sitzung=sitzung, person=hesse, organisation=sozialplanung, rolle=Teilnahme.Rolle.MODERATION)
    TeilnahmeFactory(sitzung=sitzung, person=PersonFactory(vorname="Regina", nachname="Sommer",
                                                           einwilligung_am=dt.date(2022, 1, 1)),
                     organisation=OrganisationFactory(name="Stadtplanungsamt", stadt=stadt))
    TeilnahmeFactory(sitzung=sitzung, person=PersonFactory(vorname="Geheim", nachname="Ohnezustimmung"),
                     organisation=OrganisationFactory(name="Seniorenbeirat", stadt=stadt))
    themen = [("Familien und Jugendliche", 9, True, "Jugendliche früh einbinden."),
              ("Senioren und Seniorenprojekte", 7, True, "Prozesse verzahnen."),
              ("Migration / Integration", 5, True, ""),
              ("Gesundheitsprävention", 4, False, ""),
              ("Wohnraum", 2, False, "")]
    for titel, punkte, besprochen, ergebnis in themen:
        ThemenbewertungFactory(thema=ThemaFactory(gremium=gremium, titel=titel), sitzung=sitzung, punkte=punkte,
                               besprochen=besprochen, ergebnis=ergebnis)
    BeschlussFactory(sitzung=sitzung, text="Der Beirat unterstützt die Auswahl der Modellquartiere.",
                     art="empfehlung")
    AufgabeFactory(sitzung=sitzung, text="Quartiersprofile erstellen", verantwortlich=hesse)

    text, _ = rendern("sitzungsdokumentation", {"sitzung": sitzung.pk})

    assert "Erstes Treffen des ZWK-Beirats" in text
    assert "am 28. März 2022, 15:30 – 17:00 Uhr, Stadthaus 1" in text
    for rang, (titel, punkte, besprochen, _) in enumerate(themen, start=1):
        zeile = f"{rang} {titel} – {punkte} {'besprochen' if besprochen else 'Themenspeicher'}"
        assert zeile in text.splitlines(), zeile
    assert "Jugendliche früh einbinden." in text
    assert "Familien und Jugendliche (9 Punkte)" in text
    # Council and the public read reports: participants appear by organisation only, even with consent.
    assert "Stadtplanungsamt" in text and "Regina" not in text
    assert "Seniorenbeirat" in text and "Ohnezustimmung" not in text
    assert "Klaus-Martin Hesse (Sozialreferat, Sozialplanung)" in text
    assert "Ziel von ZWK" in text and "Die Zukunftswerkstätten folgen im Sommer." in text
    assert "Der Beirat unterstützt die Auswahl der Modellquartiere." in text
    assert "Quartiersprofile erstellen" in text
    assert "Bremerhaven, 31. März 2022" in text


def test_quartiersprofil_shows_indicators_money_qm_facilities_and_structure_check():
    stadt = StadtFactory(name="Bremen")
    blockdiek = GebietFactory(parent=stadt, name="Blockdiek", art=Gebiet.Art.ORTSTEIL, quartierstyp="Großwohnsiedlung")
    nachbar = GebietFactory(parent=stadt, name="Ellener Feld", art=Gebiet.Art.ORTSTEIL)
    sgb2 = IndikatorFactory(name="SGB-II-Quote", einheit="%")
    for jahr, eigen, anders in [(2023, "21.4", "15.0"), (2024, "21.3", "16.0"), (2025, "21.1", "17.0")]:
        IndikatorwertFactory(indikator=sgb2, gebiet=blockdiek, jahr=jahr, wert=D(eigen))
        IndikatorwertFactory(indikator=sgb2, gebiet=nachbar, jahr=jahr, wert=D(anders))
    traeger = OrganisationFactory(name="Diakonisches Werk Bremen", stadt=stadt)
    QuartiersmanagementFactory(gebiet=blockdiek, traeger=traeger, stellenanteil=D("50"), beginn=dt.date(2016, 1, 1),
                               personen=[PersonFactory(vorname="Miriam", nachname="Kaminski", ist_verwaltung=True)])
    EinrichtungFactory(gebiet=blockdiek, name="Kinder- und Familienzentrum Blockdiek", traeger=traeger)
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=stadt)
    ProgrammgebietFactory(programm=programm, gebiet=blockdiek)
    JahresbudgetFactory(programm=programm, jahr=2025, gebiet=blockdiek, betrag=D("138000"))
    projekt = ProjektFactory(titel="Sprachcafé Blockdiek", gebiet=blockdiek, bewilligt=True, beginn=dt.date(2025, 1, 1),
                             ende=dt.date(2025, 12, 31))
    BewilligungFactory(bewilligt=True, projekt=projekt, programm=programm, jahr=2025, gebiet=blockdiek,
                       betrag_beantragt=D("6000"))
    versammlung = GremiumFactory(name="Bürgerversammlung Blockdiek", art=Gremium.Art.BUERGERVERSAMMLUNG,
                                 gebiet=blockdiek, sitzungen_soll_min=2, sitzungen_soll_max=4)
    SitzungFactory(gremium=versammlung, titel="Versammlung im Mai", datum=dt.date(2025, 5, 6), durchgefuehrt=True)

    text, _ = rendern("quartiersprofil", {"gebiet": blockdiek.pk, "jahr": 2025})

    assert "Quartiersprofil Blockdiek" in text and "Großwohnsiedlung" in text
    assert re.search(r"SGB-II-Quote \(%\) 21,4 18,2 21,3 18,7 21,1 19,1", text), text
    assert re.search(r"WiN – .* 138\.000,00 € 6\.000,00 € 0,00 € 0,00 € 132\.000,00 €", text)
    assert "Diakonisches Werk Bremen 50 % seit 01.01.2016 unbefristet Miriam Kaminski" in text
    assert "Kinder- und Familienzentrum Blockdiek" in text
    assert "Sprachcafé Blockdiek" in text and "Summe 6.000,00 €" in text
    assert "06.05.2025 Bürgerversammlung Blockdiek Versammlung im Mai" in text
    fliesstext = " ".join(text.split())
    assert "Beteiligung gelb Nur 1 von mindestens 2 Bürgerversammlungen 2025 durchgeführt" in fliesstext
    assert "Umsetzung gelb Quartiersmanagement mit 50 % (Diakonisches Werk Bremen, unbefristet)" in fliesstext
    assert "Steuerung rot Für Blockdiek ist kein Steuerungskreis eingerichtet." in fliesstext
    # The indicator chart is the area page's: the mean of the same level as a grey dashed line.
    diagramm = inhalte.quartiersprofil(gebiet=blockdiek, jahr=2025)["indikatordiagramme"][0]["svg"]
    assert "Mittel Ortsteil Bremen" in diagramm and 'stroke="#6c6c6c"' in diagramm


def test_sozialbericht_ranks_all_areas_and_marks_the_burdened():
    stadt = StadtFactory(name="Leverkusen")
    quote = IndikatorFactory(name="SGB-II-Quote", einheit="%")
    werte = {"Rheindorf": "26.2", "Manfort": "19.3", "Opladen": "14.0", "Wiesdorf": "8.1", "Schlebusch": "5.3"}
    for name, wert in werte.items():
        gebiet = GebietFactory(parent=stadt, name=name, art=Gebiet.Art.STADTTEIL)
        IndikatorwertFactory(indikator=quote, gebiet=gebiet, jahr=2024, wert=D(wert))
    sozialindex_festlegen(stadt=stadt, ebene=Gebiet.Art.STADTTEIL, anzahl_belastet=2,
                          gewichte=[(quote, D("1"), True)])

    text, _ = rendern("sozialbericht", {"stadt": stadt.pk, "jahr": 2024})

    assert "Sozialbericht-Übersicht Leverkusen 2024" in text
    zeilen = text.splitlines()
    for rang, (name, wert) in enumerate(werte.items(), start=1):
        marke = " BESONDERS BELASTET" if rang <= 2 else ""
        muster = rf"{rang} {name}{marke} -?\d,\d\d {wert.replace('.', ',')}"
        assert any(re.fullmatch(muster, z) for z in zeilen), (muster, zeilen)
    fliesstext = " ".join(text.split())
    assert "Die 2 Gebiete mit den höchsten Indexwerten gelten als besonders belastet: Rheindorf, Manfort." in fliesstext
