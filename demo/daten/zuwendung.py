"""Grant law in the demo: the programmes' defaults, invented operator addresses and bank accounts, the text
blocks of the notices. Every address, account and register number here is invented; the bank code starts
with 9, which no German bank uses, and the IBANs only pass the check digits."""

ANTEIL, FEHLBEDARF, FESTBETRAG = "anteil", "fehlbedarf", "festbetrag"

# programme key -> (type of financing, share %, de-minimis)
VORGABEN = {
    "win": (ANTEIL, 50, False),
    "win2": (ANTEIL, 50, False),
    "win-flankierend": (ANTEIL, 50, False),
    "soziale-stadt-hb": (FEHLBEDARF, None, False),
    "los": (FEHLBEDARF, None, True),
    "gesundheit": (FEHLBEDARF, None, False),
    "vf-hb": (FESTBETRAG, None, False),
    "zwk": (FEHLBEDARF, None, False),
    "soziale-stadt-lev": (FEHLBEDARF, None, False),
    "vf-lev": (FESTBETRAG, None, False),
    "fonds-mg": (FEHLBEDARF, None, True),
}

# city -> (postcode prefix, town, streets)
ORTE = {
    "Bremen": ("283", "Bremen", ["Am Kleinen Feld", "Lindenhofstraße", "Weidenweg", "Uhlandstraße", "Heideweg"]),
    "Bremerhaven": ("275", "Bremerhaven", ["Kastanienallee", "Am Deich", "Fährstraße", "Ulmenweg"]),
    "Leverkusen": ("513", "Leverkusen", ["Rheinblick", "Lerchenweg", "Am Wasserturm", "Birkenallee"]),
    "Mönchengladbach": ("410", "Mönchengladbach", ["Am Stadtgarten", "Eichenweg", "Talstraße", "Nordring"]),
}
BANKLEITZAHL = "99907000"
BIC = "DEMODEB1XXX"

# organisation kind -> legal form (programme.zuwendung.Rechtsform)
RECHTSFORMEN = {"wohlfahrtsverband": "ev", "verein": "ev", "traeger": "ggmbh", "wohnungsunternehmen": "gmbh",
                "schule": "kommune", "amt": "kommune", "ressort": "kommune"}

_WIDERSPRUCH = ("Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. Der "
                "Widerspruch ist schriftlich, in elektronischer Form oder zur Niederschrift bei der {behoerde}, Stadt "
                "{stadt}, einzulegen.")
_KLAGE = ("Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage beim Verwaltungsgericht {gericht} "
          "erhoben werden. Die Klage ist schriftlich oder zu Protokoll der Urkundsbeamtin oder des Urkundsbeamten der "
          "Geschäftsstelle des Gerichts zu erheben.")
RECHTSBEHELF = {
    "Bremen": _WIDERSPRUCH,
    "Bremerhaven": _WIDERSPRUCH,
    "Leverkusen": _KLAGE.replace("{gericht}", "Köln, Appellhofplatz, 50667 Köln"),
    "Mönchengladbach": _KLAGE.replace("{gericht}", "Düsseldorf, Bastionstraße 39, 40213 Düsseldorf"),
}

NEBENBESTIMMUNGEN = {
    "win": "In der Öffentlichkeitsarbeit ist auf die Förderung aus {programm} hinzuweisen. Das zuständige WiN-Forum "
           "ist über den Verlauf des Projekts „{projekt}“ zu unterrichten.",
    "win2": "In der Öffentlichkeitsarbeit ist auf die Förderung aus {programm} hinzuweisen. Das zuständige WiN-Forum "
            "ist über den Verlauf des Projekts „{projekt}“ zu unterrichten.",
    "vf-hb": "Die Mittel des Verfügungsfonds sind bis zum {ende} zu verwenden; nicht verbrauchte Mittel sind "
             "unaufgefordert zurückzuzahlen.",
    "vf-lev": "Die Mittel des Verfügungsfonds sind bis zum {ende} zu verwenden; nicht verbrauchte Mittel sind "
              "unaufgefordert zurückzuzahlen.",
}
AUSZAHLUNG = {
    "vf-hb": "Der Festbetrag von {betrag} wird nach Bestandskraft dieses Bescheids in einer Summe ausgezahlt.",
    "vf-lev": "Der Festbetrag von {betrag} wird nach Bestandskraft dieses Bescheids in einer Summe ausgezahlt.",
}

TEXTE = [("nebenbestimmungen", NEBENBESTIMMUNGEN), ("auszahlung", AUSZAHLUNG)]

# Expenses of a year in a demo plan: staff, material, fees (the rest).
AUFTEILUNG = [("personal", "Projektkoordination", 60), ("sachkosten", "Material und Raumkosten", 25),
              ("honorare", "Honorare Referentinnen und Referenten", 15)]
DRITTMITTELGEBER = "Stiftungen und Spenden"
