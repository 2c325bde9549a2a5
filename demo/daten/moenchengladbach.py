"""Mönchengladbach: district and quartier work with the fund for civic engagement (100,000 EUR a year).

From the concept for district and quartier work. Pure data, read by the loaders in demo/laden.
"""

import datetime as dt
from decimal import Decimal as D

from quartiere.models import Gebiet, Organisation

from .typen import GEPRUEFT, LAUFEND, G
from .typen import Antragsvorlage as B
from .typen import Nachweisvorlage as N
from .typen import Projektvorlage as P

A = Gebiet.Art
O = Organisation.Art
J = dt.date


# --- Areas ----------------------------------------------------------------------------------------

GEBIETE = (
    G(A.STADT, "Mönchengladbach", "05116000",
      G(A.STADTBEZIRK, "Stadtbezirk Nord", "1",
        G(A.STADTTEIL, "Gladbach", "11"),
        G(A.STADTTEIL, "Eicken", "12", belastet=True)),
      G(A.STADTBEZIRK, "Stadtbezirk Süd", "5",
        G(A.STADTTEIL, "Rheydt", "51", belastet=True),
        G(A.STADTTEIL, "Geneicken", "52")))
)


ZENTRUM = (6.44, 51.18)  # rough centre (longitude, latitude), so a tile layer shows the right region
MAILDOMAIN = "moenchengladbach.example"  # of the people's made-up addresses


# --- Organisations and people ---------------------------------------------------------------------

# (name, short name, kind, parent organisation)
ORGANISATIONEN = [
    ("Sozialdezernat", "Dezernat V", O.RESSORT, None),
    ("Fachbereich Soziales und Wohnen", "FB 50", O.AMT, "Sozialdezernat"),
    ("AWO Kreisverband Mönchengladbach", "AWO Mönchengladbach", O.WOHLFAHRTSVERBAND, None),
    ("Caritasverband für die Region Mönchengladbach", "Caritas Mönchengladbach", O.WOHLFAHRTSVERBAND, None),
    ("Diakonisches Werk Mönchengladbach", "Diakonie Mönchengladbach", O.WOHLFAHRTSVERBAND, None),
    ("DRK Kreisverband Mönchengladbach", "DRK Mönchengladbach", O.WOHLFAHRTSVERBAND, None),
    ("Der Paritätische Mönchengladbach", "Paritätischer Mönchengladbach", O.WOHLFAHRTSVERBAND, None),
    ("SPD-Fraktion im Rat der Stadt Mönchengladbach", "SPD", O.PARTEI, None),
    ("Bürgerverein Eicken e. V.", "", O.VEREIN, None),
    ("Nachbarschaftsinitiative Rheydt-Mitte", "", O.VEREIN, None),
]


# (key, anrede, vorname, nachname, organisation, funktion, ist_verwaltung, einwilligung_am)
PERSONEN = [
    ("mg-dezernat", "Frau", "Sandra", "Hövelmann", "Sozialdezernat",
     "Projektstelle Quartiersarbeit", True, None),
    ("mg-fonds", "Herr", "Robert", "Kleinjans", "Fachbereich Soziales und Wohnen",
     "Geschäftsstelle Fonds für soziales Engagement", True, None),
    ("mg-eicken", "Frau", "Bettina", "Lambertz", "Bürgerverein Eicken e. V.", "Vorstand", False,
     dt.date(2021, 6, 14)),
]


# --- Quartier management and facilities -----------------------------------------------------------

QUARTIERSMANAGEMENTS = []
EINRICHTUNGEN = []


# --- Programmes, programme areas, budgets ---------------------------------------------------------

# (key, kurzname, name, funder, responsible organisation, begin, end, funding rules, description)
PROGRAMME = [
    ("fonds-mg", "Fonds soziales Engagement", "Fonds für soziales Engagement", "stadt",
     "Sozialdezernat", J(2021, 1, 1), None, {"min_betrag": D(5_000), "max_betrag": D(20_000)},
     "100.000 € im Jahr für bürgerschaftliche Projekte; gefördert werden vor allem innovative Ansätze."),
]


# (programme key, area, role, begin, end)
PROGRAMMGEBIETE = [
    ("fonds-mg", "Mönchengladbach", "foerdergebiet", J(2021, 1, 1), None),
]


# (programme key, first year, last year, rows): in each year of the span the budgets of the rows,
# (area or None for the programme's budget, amount in EUR, remark), in this order
BUDGETS = [("fonds-mg", 2021, 2026, [(None, 100_000, "Haushaltsmittel")])]


# --- Projects -------------------------------------------------------------------------------------

# The fund for civic engagement
PROJEKTE = [
    P("Nachbarschaftshilfe Eicken", "Eicken", "Bürgerverein Eicken e. V.", "mg-eicken", ["soz"], ["senioren"],
      "2022-01-01", "2022-12-31", (11_000, 3_000, 0), (60, 72),
      "Ehrenamtliche helfen älteren Nachbarinnen und Nachbarn bei Einkauf und Behördengängen.", "",
      [B("fonds-mg", 2022, 8_000, 8_000, am="2021-11-15", entschieden="2021-12-13", raten=(("01-17", 8_000),),
         nachweis=N("2023-03-13", 8_000, "2023-04-24"))], GEPRUEFT),
    P("Lernpaten Rheydt", "Rheydt", "Caritasverband für die Region Mönchengladbach", None, ["bild"],
      ["kinder", "jugend"], "2023-01-01", "2024-12-31", (30_000, 4_000, 4_000), (40, 44), "", "",
      [B("fonds-mg", 2023, 12_000, 12_000, am="2022-11-14", entschieden="2022-12-12", raten=(("01-16", 12_000),),
         nachweis=N("2024-03-25", 12_000, "2024-05-06")),
       B("fonds-mg", 2024, 10_000, 10_000, am="2023-11-13", entschieden="2023-12-11", raten=(("01-15", 10_000),),
         nachweis=N("2025-03-24", 10_000, "2025-05-05"))], GEPRUEFT),
    P("Kiezküche Rheydt", "Rheydt", "Nachbarschaftsinitiative Rheydt-Mitte", None, ["soz", "ges"],
      ["familien", "allein"], "2026-12-01", "2027-11-30", (9_000, 1_500, 1_000), (50, None), "", "",
      [B("fonds-mg", 2026, 6_500, am="2026-10-26")]),
    P("Quartiersgarten Gladbach", "Gladbach", "Diakonisches Werk Mönchengladbach", None, ["wohn"], ["familien"],
      "2025-04-01", "2025-10-31", (9_000, 2_000, 0), (None, None), "", "",
      [B("fonds-mg", 2025, 5_000, am="2025-02-10", entschieden="2025-03-10",
         abgelehnt="Der Antrag ist unvollständig: die Nutzungsvereinbarung für die Fläche fehlt.")]),
    P("Engagementbörse Mönchengladbach", "Gladbach", "Der Paritätische Mönchengladbach", None, ["soz"], [],
      "2025-01-01", "2025-12-31", (18_000, 3_000, 0), (None, None),
      "Vermittlung von Ehrenamtlichen an Vereine, Initiativen und Einrichtungen.", "",
      [B("fonds-mg", 2025, 15_000, 15_000, am="2024-11-11", entschieden="2024-12-09",
         raten=(("01-15", 7_500), ("07-01", 7_500)), nachweis=N("2026-06-25", 15_000))], LAUFEND),
]
