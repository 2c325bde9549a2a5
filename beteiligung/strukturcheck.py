"""The Strukturcheck: per area and year the three building blocks of the Leverkusen paper
(participation, implementation, steering), computed from the data in a fixed number of queries.
Which bodies count for participation and steering, and how often they should meet, is set per
programme or city (Strukturmodell); without one the Leverkusen model applies.

Read through beteiligung.selectors (strukturcheck, strukturcheck_gebiete, strukturcheck_matrix);
templates/beteiligung/_strukturcheck.html renders one area, _strukturcheck_matrix.html many.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet

from kern.format import datum, euro_text, prozent
from kern.zeit import heute
from programme.models import Jahresbudget, Programmgebiet
from quartiere.models import Gebiet, Quartiersmanagement

from .models import SITZUNG_STATTGEFUNDEN, Gremium, Sitzung, Strukturmodell


def _anzahl(n: int, einzahl: str, mehrzahl: str) -> str:
    return f"{n} {einzahl if n == 1 else mehrzahl}"


# --- Strukturcheck ---------------------------------------------------------------------------

GRUEN, GELB, ROT = "gruen", "gelb", "rot"
FARBTEXT = {GRUEN: "grün", GELB: "gelb", ROT: "rot"}
MINDEST_STELLENANTEIL = Decimal("50")


@dataclass(frozen=True)
class Modell:
    """Which kinds of body form the participation and steering levels, and the meetings a year expected."""

    name: str
    beteiligung_arten: tuple[str, ...]
    beteiligung_soll_min: int
    beteiligung_soll_max: int
    steuerung_arten: tuple[str, ...]
    steuerung_soll_min: int = 1


# The Leverkusen paper: 2-4 citizens' assemblies a year and a steering circle that meets.
LEVERKUSENER_MODELL = Modell("Leverkusener Modell", (Gremium.Art.BUERGERVERSAMMLUNG,), 2, 4,
                             (Gremium.Art.STEUERUNGSKREIS,), 1)
SOLL_VERSAMMLUNGEN_MIN = LEVERKUSENER_MODELL.beteiligung_soll_min
SOLL_VERSAMMLUNGEN_MAX = LEVERKUSENER_MODELL.beteiligung_soll_max


def modell_aus(zeile: Strukturmodell) -> Modell:
    return Modell(zeile.name, tuple(zeile.beteiligung_arten), zeile.beteiligung_soll_min, zeile.beteiligung_soll_max,
                  tuple(zeile.steuerung_arten), zeile.steuerung_soll_min)


@dataclass(frozen=True)
class Worte:
    """How the texts of a block name a kind of body: none set up, one meeting, several, the body itself."""

    keins: str
    einzahl: str
    mehrzahl: str
    der: str


WORTE = {
    Gremium.Art.BUERGERVERSAMMLUNG: Worte("keine Bürgerversammlung als Gremium", "Bürgerversammlung", "Bürgerversammlungen",
                                          "Die Bürgerversammlung"),
    Gremium.Art.GEBIETSFORUM: Worte("kein WiN-Forum (Gebietsforum)", "Sitzung des WiN-Forums",
                                    "Sitzungen des WiN-Forums", "Das WiN-Forum"),
    Gremium.Art.STEUERUNGSKREIS: Worte("kein Steuerungskreis", "Sitzung des Steuerungskreises",
                                       "Sitzungen des Steuerungskreises", "Der Steuerungskreis"),
}


def worte(arten: tuple[str, ...], ebene: str) -> Worte:
    if len(arten) == 1 and arten[0] in WORTE:
        return WORTE[arten[0]]
    namen = " oder ".join("WiN-Forum" if a == Gremium.Art.GEBIETSFORUM else Gremium.Art(a).label for a in arten)
    return Worte(f"kein Gremium der {ebene} ({namen})", f"Sitzung der {ebene}", f"Sitzungen der {ebene}",
                 "Das Gremium")


@dataclass(frozen=True)
class Baustein:
    titel: str
    farbe: str
    begruendung: str

    @property
    def farbe_text(self) -> str:
        return FARBTEXT[self.farbe]


@dataclass(frozen=True)
class Strukturcheck:
    """The three building blocks of an area in a year (Leverkusen: Beteiligung, Umsetzung, Steuerung)."""

    gebiet: Gebiet
    jahr: int
    stichtag: dt.date
    beteiligung: Baustein
    umsetzung: Baustein
    steuerung: Baustein
    modell: Modell = None

    @property
    def bausteine(self) -> tuple[Baustein, Baustein, Baustein]:
        return (self.beteiligung, self.umsetzung, self.steuerung)


def stichtag_fuer(jahr: int, heute_: dt.date | None = None) -> dt.date:
    """The day the check looks at: today in the current year, else the year's last (or first) day."""
    heute_ = heute_ or heute()
    if jahr < heute_.year:
        return dt.date(jahr, 12, 31)
    if jahr > heute_.year:
        return dt.date(jahr, 1, 1)
    return heute_


def _beteiligung(gebiet: Gebiet, jahr: int, stichtag: dt.date, gremien: list[Gremium], modell: Modell) -> Baustein:
    titel = "Beteiligung"
    w = worte(modell.beteiligung_arten, "Beteiligungsebene")
    versammlungen = [g for g in gremien if g.art in modell.beteiligung_arten]
    if not versammlungen:
        return Baustein(titel, ROT, f"Für {gebiet} ist {w.keins} eingerichtet.")
    soll_min = max((g.sitzungen_soll_min for g in versammlungen if g.sitzungen_soll_min),
                   default=modell.beteiligung_soll_min)
    soll_max = max([g.sitzungen_soll_max for g in versammlungen if g.sitzungen_soll_max]
                   + [soll_min if any(g.sitzungen_soll_min for g in versammlungen)
                      else max(modell.beteiligung_soll_max, soll_min)])
    soll = f"{soll_min}–{soll_max}" if soll_max > soll_min else str(soll_min)
    gehalten = sum(g.gehalten for g in versammlungen)
    geplant = min((g.naechste for g in versammlungen if g.naechste), default=None)
    naechste = f" Die nächste ist für den {datum(geplant)} geplant." if geplant else ""
    if gehalten >= soll_min:
        mehr = f", mehr als die vorgesehenen {soll_max}" if gehalten > soll_max else ""
        return Baustein(titel, GRUEN, f"{_anzahl(gehalten, w.einzahl, w.mehrzahl)} {jahr} "
                                      f"durchgeführt (Soll {soll} im Jahr{mehr}).")
    if gehalten > 0:
        erst = "Erst" if stichtag < dt.date(jahr, 12, 31) else "Nur"
        return Baustein(titel, GELB, f"{erst} {gehalten} von mindestens {soll_min} {w.mehrzahl} {jahr} "
                                     f"durchgeführt (Soll {soll} im Jahr).{naechste}")
    if geplant:
        return Baustein(titel, GELB, f"{jahr} hat noch keine {w.einzahl} stattgefunden (Soll {soll} im Jahr)."
                                     f"{naechste}")
    return Baustein(titel, ROT, f"{jahr} hat keine {w.einzahl} stattgefunden und keine ist geplant "
                                f"(Soll {soll} im Jahr).")


def _umsetzung(jahr: int, stichtag: dt.date, stellen: list[Quartiersmanagement],
               fonds: list[Jahresbudget]) -> Baustein:
    titel = "Umsetzung"
    summe_fonds = sum((b.betrag for b in fonds), Decimal("0"))
    fonds_text = (f"Verfügungsfonds {jahr}: {euro_text(summe_fonds)}" if fonds
                  else f"für {jahr} ist kein Verfügungsfonds budgetiert")
    if not stellen:
        return Baustein(titel, ROT, f"Am {datum(stichtag)} läuft kein Quartiersmanagement; {fonds_text}.")
    anteil = sum((s.stellenanteil for s in stellen), Decimal("0"))
    traeger = ", ".join(sorted({str(s.traeger) for s in stellen}))
    befristung = ("unbefristet" if any(s.befristet_bis is None for s in stellen)
                  else f"befristet bis {datum(max(s.befristet_bis for s in stellen))}")
    stelle = f"Quartiersmanagement mit {prozent(anteil, None)} ({traeger}, {befristung})"
    if anteil < MINDEST_STELLENANTEIL:
        return Baustein(titel, GELB, f"{stelle} – weniger als die nötigen {prozent(MINDEST_STELLENANTEIL, None)}; "
                                     f"{fonds_text}.")
    if not fonds:
        return Baustein(titel, GELB, f"{stelle} vorhanden, aber {fonds_text}.")
    return Baustein(titel, GRUEN, f"{stelle} und {fonds_text}.")


def _steuerung(gebiet: Gebiet, jahr: int, gremien: list[Gremium], modell: Modell) -> Baustein:
    titel = "Steuerung"
    w = worte(modell.steuerung_arten, "Steuerungsebene")
    kreise = [g for g in gremien if g.art in modell.steuerung_arten]
    if not kreise:
        return Baustein(titel, ROT, f"Für {gebiet} ist {w.keins} eingerichtet.")
    wer = f"{w.der} „{kreise[0].name}“" if len(kreise) == 1 else "Die Gremien der Steuerungsebene"
    gehalten = sum(g.gehalten for g in kreise)
    zuletzt = max((g.zuletzt for g in kreise if g.zuletzt), default=None)
    geplant = min((g.naechste for g in kreise if g.naechste), default=None)
    soll = modell.steuerung_soll_min
    if gehalten and gehalten >= soll:
        return Baustein(titel, GRUEN, f"{wer} hat {jahr} {gehalten}-mal getagt, zuletzt am {datum(zuletzt)}"
                                      + (f" (Soll mindestens {soll}-mal im Jahr)." if soll > 1 else "."))
    if gehalten:
        return Baustein(titel, GELB, f"{wer} hat {jahr} erst {gehalten}-mal von mindestens {soll}-mal getagt, "
                                     f"zuletzt am {datum(zuletzt)}.")
    if geplant:
        return Baustein(titel, GELB, f"{wer} hat {jahr} noch nicht getagt; die nächste Sitzung ist für den "
                                     f"{datum(geplant)} geplant.")
    return Baustein(titel, ROT, f"{wer} hat {jahr} nicht getagt, und keine Sitzung ist geplant.")


def modelle_fuer(gebiete: list[Gebiet], jahr: int, zeilen: list[Strukturmodell] | None = None) -> dict[int, Modell]:
    """The model each area follows: its programme's (in the year), else its city's, else Leverkusen's.
    One query (none when the models are given), one more where a programme has a model of its own."""
    zeilen = list(Strukturmodell.objects.all()) if zeilen is None else zeilen
    je_stadt = {z.stadt_id: modell_aus(z) for z in zeilen if z.stadt_id}
    je_programm = {z.programm_id: modell_aus(z) for z in zeilen if z.programm_id}
    programme: dict[int, list[int]] = defaultdict(list)
    if je_programm:
        for gebiet_id, programm_id in (
            Programmgebiet.objects.filter(gebiet_id__in=[g.id for g in gebiete], programm_id__in=je_programm,
                                          beginn__year__lte=jahr)
            .filter(Q(ende__isnull=True) | Q(ende__year__gte=jahr)).order_by("programm_id")
            .values_list("gebiet_id", "programm_id")
        ):
            programme[gebiet_id].append(programm_id)
    return {g.id: next((je_programm[p] for p in programme[g.id]), None)
            or je_stadt.get(g.stadt_id or g.id, LEVERKUSENER_MODELL) for g in gebiete}


def gezaehlte_arten(modelle: Iterable[Modell]) -> set[str]:
    return {a for m in modelle for a in m.beteiligung_arten + m.steuerung_arten}


def strukturcheck(gebiete: Iterable[Gebiet], jahr: int, *, stichtag: dt.date | None = None,
                  strukturmodelle: list[Strukturmodell] | None = None) -> dict[int, Strukturcheck]:
    """The Strukturcheck of each area for a year, keyed by area id in the order given.

    Four queries whatever the number of areas (one more if `gebiete` is an unevaluated queryset, and
    one more where a programme has a model of its own).

    The kinds of body counted and their targets come from the area's model (`modelle_fuer`); the
    Leverkusen model counts citizens' assemblies and steering circles:

    - Beteiligung: citizens' assemblies (bodies of kind Bürgerversammlung of the area) held or
      documented in the year against the body's target (default 2-4). Green when the minimum is
      reached; amber when some were held but fewer, or none yet but one is planned for the rest
      of the year; red when there is no such body, or none was held and none is planned.
    - Umsetzung: the quartier-management positions running on the reference day (their shares
      added up) and disposal-fund budgets (programmes marked Verfügungsfonds) of the area and
      year. Green with >= 50 % and a fund; amber when one of the two is missing or short; red
      without a running position.
    - Steuerung: a steering circle of the area that met in the year. Green when it met; amber
      when it has not met yet but a meeting is planned; red without a circle or any meeting.

    Only active bodies of the area itself count (not those of areas above or below it). The
    reference day is today in the current year, 31 December for past years, 1 January for
    future ones.
    """
    gebiete = list(gebiete)
    stichtag = stichtag or stichtag_fuer(jahr)
    ids = [g.id for g in gebiete]
    modelle = modelle_fuer(gebiete, jahr, strukturmodelle)
    gehalten = Q(sitzungen__datum__year=jahr, sitzungen__status__in=SITZUNG_STATTGEFUNDEN)
    geplant = Q(sitzungen__datum__year=jahr, sitzungen__datum__gte=stichtag,
                sitzungen__status=Sitzung.Status.GEPLANT)
    gremien_je_gebiet: dict[int, list[Gremium]] = defaultdict(list)
    for gremium in (
        Gremium.objects.filter(gebiet_id__in=ids, aktiv=True, art__in=gezaehlte_arten(modelle.values()))
        .annotate(gehalten=Count("sitzungen", filter=gehalten), zuletzt=Max("sitzungen__datum", filter=gehalten),
                  naechste=Min("sitzungen__datum", filter=geplant))
        .order_by("name")
    ):
        gremien_je_gebiet[gremium.gebiet_id].append(gremium)
    stellen_je_gebiet: dict[int, list[Quartiersmanagement]] = defaultdict(list)
    for stelle in Quartiersmanagement.objects.aktiv_am(stichtag).filter(gebiet_id__in=ids).select_related("traeger"):
        stellen_je_gebiet[stelle.gebiet_id].append(stelle)
    fonds_je_gebiet: dict[int, list[Jahresbudget]] = defaultdict(list)
    for budget in Jahresbudget.objects.filter(programm__ist_verfuegungsfonds=True, jahr=jahr, gebiet_id__in=ids,
                                              betrag__gt=0):
        fonds_je_gebiet[budget.gebiet_id].append(budget)
    return {
        g.id: Strukturcheck(
            gebiet=g, jahr=jahr, stichtag=stichtag,
            beteiligung=_beteiligung(g, jahr, stichtag, gremien_je_gebiet[g.id], modelle[g.id]),
            umsetzung=_umsetzung(jahr, stichtag, stellen_je_gebiet[g.id], fonds_je_gebiet[g.id]),
            steuerung=_steuerung(g, jahr, gremien_je_gebiet[g.id], modelle[g.id]),
            modell=modelle[g.id],
        )
        for g in gebiete
    }


def strukturmodelle() -> list[Strukturmodell]:
    """The configured building-block models, read once per page and handed to both reads below."""
    return list(Strukturmodell.objects.all())


def strukturcheck_gebiete(user: User | AnonymousUser, jahr: int, *, stichtag: dt.date | None = None,
                          strukturmodelle: list[Strukturmodell] | None = None) -> QuerySet[Gebiet]:
    """Areas the Strukturcheck is about: below city level, and with neighbourhood work to check —
    a running QM position, the flag 'besonders belastet', membership of a funding programme in
    the year, or an active citizens' assembly or steering circle."""
    stichtag = stichtag or stichtag_fuer(jahr)
    qm = Quartiersmanagement.objects.aktiv_am(stichtag).filter(gebiet=OuterRef("pk"))
    programm = Programmgebiet.objects.filter(gebiet=OuterRef("pk"), beginn__year__lte=jahr).filter(
        Q(ende__isnull=True) | Q(ende__year__gte=jahr))
    zeilen = list(Strukturmodell.objects.all()) if strukturmodelle is None else strukturmodelle
    arten = gezaehlte_arten([LEVERKUSENER_MODELL, *map(modell_aus, zeilen)])
    gremium = Gremium.objects.filter(gebiet=OuterRef("pk"), aktiv=True, art__in=arten)
    gebiete = (
        Gebiet.objects.quartiere()
        .filter(Q(besonders_belastet=True) | Exists(qm) | Exists(programm) | Exists(gremium))
        .select_related("stadt")
        .defer("grenze", "stadt__grenze")  # boundaries are large and no check reads them
        .order_by("stadt__name", "name")
    )
    return gebiete.arbeit_sichtbar_fuer(user)


def strukturcheck_matrix(user: User | AnonymousUser, jahr: int, *,
                         stichtag: dt.date | None = None) -> list[Strukturcheck]:
    """All areas of `strukturcheck_gebiete` with their check: five queries (six with a programme model)."""
    zeilen = list(Strukturmodell.objects.all())
    gebiete = strukturcheck_gebiete(user, jahr, stichtag=stichtag, strukturmodelle=zeilen)
    return list(strukturcheck(gebiete, jahr, stichtag=stichtag, strukturmodelle=zeilen).values())
