"""The area rule's expected answers per persona, for the QuerySet matrix tests of every app.

Each test builds one row in area A and one in area B per model (rows of no area: just two rows,
named "A" and "B" too) and compares which of them `sichtbar_fuer` and `bearbeitbar_fuer` return.
"""

from __future__ import annotations

from django.db.models import Model

PERSONAS = ("verwaltung", "rat", "qm_a", "qm_b", "ohne_rolle", "anonym")
BEIDE = frozenset({"A", "B"})
KEINE = frozenset()

# persona -> (rows seen, rows changed)
IM_GEBIET = {
    "verwaltung": (BEIDE, BEIDE),
    "rat": (BEIDE, KEINE),
    "qm_a": ({"A"}, {"A"}),
    "qm_b": ({"B"}, {"B"}),
    "ohne_rolle": (KEINE, KEINE),
    "anonym": (KEINE, KEINE),
}
OHNE_GEBIET = {
    "verwaltung": (BEIDE, BEIDE),
    "rat": (BEIDE, KEINE),
    "qm_a": (BEIDE, KEINE),
    "qm_b": (BEIDE, KEINE),
    "ohne_rolle": (KEINE, KEINE),
    "anonym": (KEINE, KEINE),
}
# Read by every role like rows of no area, changed like rows of an area (facilities).
ALLE_ROLLEN_LESEN = {p: (OHNE_GEBIET[p][0], IM_GEBIET[p][1]) for p in PERSONAS}


def je_modell(a: dict, b: dict) -> dict:
    """The rows of area A and of area B (each model -> row) as model -> {"A": row, "B": row}."""
    return {modell: {"A": a[modell], "B": b[modell]} for modell in a}


def antwort(zeilen: dict[str, Model], user) -> tuple[set[str], set[str]]:
    """Which of the named rows (all of one model) the user sees and which they change."""
    namen = {zeile.pk: name for name, zeile in zeilen.items()}
    modell = type(next(iter(zeilen.values())))
    alle = modell.objects.filter(pk__in=namen)
    return ({namen[pk] for pk in alle.sichtbar_fuer(user).values_list("pk", flat=True)},
            {namen[pk] for pk in alle.bearbeitbar_fuer(user).values_list("pk", flat=True)})
