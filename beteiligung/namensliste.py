"""A pasted list of persons present, one name a line, matched against the persons a user may pick.

A line is "Vorname Nachname" or "Nachname, Vorname", with or without a title ("Dr.") and with or
without what follows in brackets or after a dash ("Anna Schulz (AWO)", "Anna Schulz – Kita"); case
and spaces do not matter. Each line must name exactly one person: `zuordnen` returns the persons
and, per line that names none or several, a German sentence saying which line and why. The caller
takes the persons only if there is no such sentence (all or nothing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from quartiere.models import Person

HOECHSTENS_ZEILEN = 200
KEINE_PERSON = "Zeile {zeile} „{text}“: keine erfasste Person dieses Namens – bitte erst erfassen oder in der Suche wählen."
MEHRDEUTIG = "Zeile {zeile} „{text}“: {anzahl} Personen dieses Namens ({namen}) – bitte in der Suche wählen."
DOPPELT = "Zeile {zeile} „{text}“: dieselbe Person wie in Zeile {frueher}."
ZU_VIELE_ZEILEN = "Die Liste hat {anzahl} Zeilen; bitte höchstens {hoechstens} auf einmal einfügen."
TITEL = re.compile(r"^(?:(?:dr|prof|dipl)\.?(?:-\w+\.?)?\s+)+", re.IGNORECASE)


@dataclass
class Zuordnung:
    personen: list[Person] = field(default_factory=list)
    fehler: list[str] = field(default_factory=list)


def _schluessel(text: str) -> str:
    return " ".join(text.casefold().split())


def _name_der_zeile(zeile: str) -> tuple[str, str] | None:
    """(first names, surname) of a line, or None if it holds no name."""
    text = re.split(r"\s[–—-]\s|\(", zeile, maxsplit=1)[0].strip()
    if "," in text:
        nachname, _, vorname = text.partition(",")
    else:
        teile = text.split()
        if len(teile) < 2:
            return ("", _schluessel(text)) if text else None
        vorname, nachname = " ".join(teile[:-1]), teile[-1]
    vorname, nachname = TITEL.sub("", vorname.strip()), TITEL.sub("", nachname.strip())
    return (_schluessel(vorname), _schluessel(nachname)) if nachname else None


def _beschreibung(person: Person) -> str:
    return f"{person.name}, {person.organisation}" if person.organisation_id else person.name


def zuordnen(text: str, personen: QuerySet[Person]) -> Zuordnung:
    """Matches each line of `text` against `personen` (one query for all lines)."""
    zeilen = [(nummer, zeile.strip()) for nummer, zeile in enumerate(text.splitlines(), start=1) if zeile.strip()]
    ergebnis = Zuordnung()
    if len(zeilen) > HOECHSTENS_ZEILEN:
        ergebnis.fehler.append(ZU_VIELE_ZEILEN.format(anzahl=len(zeilen), hoechstens=HOECHSTENS_ZEILEN))
        return ergebnis
    namen = {nummer: _name_der_zeile(zeile) for nummer, zeile in zeilen}
    nachnamen = {name[1] for name in namen.values() if name}
    bedingung = Q()
    for nachname in nachnamen:
        bedingung |= Q(nachname__iexact=nachname)
    kandidaten = (list(personen.filter(bedingung).select_related("organisation").order_by("nachname", "vorname", "pk"))
                  if nachnamen else [])
    gesehen: dict[int, int] = {}
    for nummer, zeile in zeilen:
        name = namen[nummer]
        treffer = [p for p in kandidaten if name and _schluessel(p.nachname) == name[1]
                   and (not name[0] or _schluessel(p.vorname) == name[0])]
        if not treffer:
            ergebnis.fehler.append(KEINE_PERSON.format(zeile=nummer, text=zeile))
        elif len(treffer) > 1:
            ergebnis.fehler.append(MEHRDEUTIG.format(zeile=nummer, text=zeile, anzahl=len(treffer),
                                                     namen="; ".join(_beschreibung(p) for p in treffer)))
        elif treffer[0].pk in gesehen:
            ergebnis.fehler.append(DOPPELT.format(zeile=nummer, text=zeile, frueher=gesehen[treffer[0].pk]))
        else:
            gesehen[treffer[0].pk] = nummer
            ergebnis.personen.append(treffer[0])
    return ergebnis


HOECHSTENS_TREFFER = 50


def suchen(personen: QuerySet[Person], suche: str, *, gremium_id: int, ohne: QuerySet) -> list[Person]:
    """Persons to tick for a meeting: those whose name or organisation holds every word of `suche`,
    or without a search the body's members; never those listed already (`ohne`: their ids)."""
    treffer = personen.exclude(pk__in=ohne)
    if suche.strip():
        for wort in suche.split()[:5]:
            treffer = treffer.filter(Q(vorname__icontains=wort) | Q(nachname__icontains=wort)
                                     | Q(organisation__name__icontains=wort) | Q(organisation__kurzname__icontains=wort))
    else:
        treffer = treffer.filter(mitgliedschaften__gremium_id=gremium_id)
    return list(treffer.distinct().select_related("organisation").order_by("nachname", "vorname")[:HOECHSTENS_TREFFER])
