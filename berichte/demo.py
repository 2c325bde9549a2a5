"""Demo data of the reports: the Leverkusen council paper 2019/3030 on the social report 2019 with
its six consultation rows, published as in the original, and two further published reports.

Called from portal.demo after the bodies and meetings exist; like every demo loader it looks rows
up by their natural key and creates only what is missing, so loading twice changes nothing.
"""

from __future__ import annotations

import datetime as dt

from beteiligung.models import Gremium, Sitzung
from programme.models import Foerderprogramm
from quartiere.models import Gebiet

from . import services
from .models import Beratung, Bericht, Berichtsart, Nummernkreis, Ratsvorlage

BETREFF = "Sozialbericht 2019 - Gerechte Teilhabe in Leverkusen"
# (body, date, responsibility) in the order of the paper
BERATUNGSFOLGE = [
    ("Bürger- und Umweltausschuss", dt.date(2019, 11, 14), Beratung.Zustaendigkeit.BERATUNG),
    ("Ausschuss für Soziales, Gesundheit und Senioren", dt.date(2019, 11, 18), Beratung.Zustaendigkeit.BERATUNG),
    ("Bezirksvertretung für den Stadtbezirk I", dt.date(2019, 11, 25), Beratung.Zustaendigkeit.BERATUNG),
    ("Bezirksvertretung für den Stadtbezirk II", dt.date(2019, 11, 26), Beratung.Zustaendigkeit.BERATUNG),
    ("Bezirksvertretung für den Stadtbezirk III", dt.date(2019, 11, 28), Beratung.Zustaendigkeit.BERATUNG),
    ("Rat der Stadt Leverkusen", dt.date(2019, 12, 16), Beratung.Zustaendigkeit.ENTSCHEIDUNG),
]
BESCHLUSSENTWURF = """Der Rat der Stadt Leverkusen nimmt den Sozialbericht 2019 „Gerechte Teilhabe in Leverkusen“ zur Kenntnis und beschließt ihn in der vorgelegten Fassung.

Die Verwaltung wird beauftragt, für die sechs besonders belasteten Stadtteile eine Perspektive für die dauerhafte Umsetzung der folgenden drei Bausteine zu entwickeln und dafür Fördermöglichkeiten zu erkunden:
- Beteiligungsebene: zwei bis vier Bürgerversammlungen im Jahr in jedem Quartier
- Umsetzungsebene: ein Quartiersmanagement mit mindestens 50 % Stellenumfang, angesiedelt bei einem vor Ort tätigen Wohlfahrtsverband, und Verfügungsmittel für Projekte
- Steuerungsebene: ein Steuerungskreis aus Fachbereichen der Verwaltung, weiteren Akteuren und dem Quartiersmanagement"""
BEGRUENDUNG = """Der Sozialbericht 2019 beschreibt die soziale Lage in den Stadtteilen Leverkusens anhand kleinräumiger Indikatoren, unter anderem der SGB-II-Quote und der Kinderarmut. In sechs Stadtteilen bündeln sich die Belastungen; hier besteht in besonderem Umfang Bedarf an Stabilisierung und an Unterstützung der im Quartier vorhandenen Bemühungen.

Die Arbeitsgemeinschaft der Wohlfahrtsverbände hat dazu ein ergänzendes Schreiben vorgelegt (siehe Anlage). Aus den Erfahrungen in Rheindorf (Programm Soziale Stadt) und in Manfort (Projekt GLIM) leitet sie drei Faktoren für eine erfolgreiche Quartiersarbeit ab: eine Beteiligungsebene, eine Umsetzungsebene und eine Steuerungsebene.

Eine solche Struktur setzt auf gewachsene Strukturen und Akteure auf und bildet keine Parallelstruktur, etwa zur Sozialraum-AG der Kinder- und Jugendhilfe. Sie erleichtert es zudem, Fördermittel für die Quartiere einzuwerben, insbesondere Bundesmittel zur Bekämpfung von Kinderarmut.

Die Verwaltung schlägt vor, den Bericht zu beschließen und die Umsetzung der drei Bausteine in allen sechs Quartieren vorzubereiten."""
FINANZEN = ("Der Beschluss selbst hat keine unmittelbaren finanziellen Auswirkungen. Die Verfügungsmittel der "
            "Quartiersmanagements werden ab dem Haushaltsjahr 2020 aus dem Verfügungsfonds bereitgestellt; der Stand "
            "der Mittel ist in der folgenden Tabelle aus den Bewilligungen des Quartiersportals wiedergegeben.")
ANLAGEN = ("Sozialbericht 2019 – Gerechte Teilhabe in Leverkusen\n"
           "Ergänzendes Schreiben des Sprechers der Arbeitsgemeinschaft der Wohlfahrtsverbände")


def _veroeffentlicht(art: str, parameter: dict) -> bool:
    return Bericht.objects.filter(art=art, parameter=parameter).exists()


def ratsvorlage_laden(*, verfasst_von) -> Ratsvorlage:
    stadt = Gebiet.objects.get(art=Gebiet.Art.STADT, name="Leverkusen")
    fonds = Foerderprogramm.objects.get(stadt=stadt, kurzname="Verfügungsfonds")
    vorlage = Ratsvorlage.objects.filter(stadt=stadt, betreff=BETREFF).first() or Ratsvorlage.objects.create(
        stadt=stadt, betreff=BETREFF, absender="Der Oberbürgermeister", zeichen="III-zi/neu",
        datum=dt.date(2019, 11, 20), beschlussentwurf=BESCHLUSSENTWURF, begruendung=BEGRUENDUNG,
        finanzielle_auswirkungen=FINANZEN, programm=fonds, haushaltsjahr=2020, anlagen=ANLAGEN,
        verfasst_von=verfasst_von)
    gremien = {g.name: g for g in Gremium.objects.filter(name__in=[name for name, _, _ in BERATUNGSFOLGE])}
    for nr, (name, datum, zustaendigkeit) in enumerate(BERATUNGSFOLGE, start=1):
        if not vorlage.beratungen.filter(reihenfolge=nr).exists():
            Beratung.objects.create(vorlage=vorlage, reihenfolge=nr, gremium=gremien.get(name),
                                    gremium_name="" if name in gremien else name, datum=datum,
                                    zustaendigkeit=zustaendigkeit, oeffentlich=True)
    return vorlage


def laden(*, heute: dt.date, verfasst_von) -> None:
    vorlage = ratsvorlage_laden(verfasst_von=verfasst_von)
    if not Bericht.objects.filter(vorlage=vorlage).exists():
        # Leverkusen's papers of 2019 were numbered up to 2019/3029 before this one.
        kreis, _ = Nummernkreis.objects.get_or_create(jahr=2019)
        if kreis.letzte_laufnummer < 3029 and not Bericht.objects.filter(jahr=2019).exists():
            kreis.letzte_laufnummer = 3029
            kreis.save(update_fields=["letzte_laufnummer", "modified"])
        services.bericht_veroeffentlichen(art=Berichtsart.RATSVORLAGE, parameter={"vorlage": vorlage.pk},
                                          oeffentlich=True, durch=verfasst_von, datum=vorlage.datum)

    win = Foerderprogramm.objects.get(stadt__name="Bremen", kurzname="WiN")
    parameter = {"programm": win.pk, "jahr": 2017}
    if not _veroeffentlicht(Berichtsart.PROGRAMMJAHRESBERICHT, parameter):
        services.bericht_veroeffentlichen(art=Berichtsart.PROGRAMMJAHRESBERICHT, parameter=parameter,
                                          oeffentlich=True, durch=verfasst_von, datum=heute)

    sitzung = Sitzung.objects.get(gremium__name="ZWK-Beirat", datum=dt.date(2022, 3, 28))
    parameter = {"sitzung": sitzung.pk}
    if not _veroeffentlicht(Berichtsart.SITZUNGSDOKUMENTATION, parameter):
        services.bericht_veroeffentlichen(art=Berichtsart.SITZUNGSDOKUMENTATION, parameter=parameter,
                                          oeffentlich=False, durch=verfasst_von,
                                          datum=sitzung.dokumentiert_am or sitzung.datum)
