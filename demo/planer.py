"""The planner of the everyday projects: the WiN areas' yearly projects and the small actions of the disposal funds.

The hand-written projects of demo.daten use the local budgets only thinly. The planner adds the everyday
projects of every WiN area and year and the small actions of the disposal funds. Every choice comes from a
hash of area, year and theme, so each load plans exactly the same projects; a project that exists (title and
area) is skipped. It only plans: demo.laden.programme creates what it plans through the services.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.models import User

from demo.daten import bremen, gemeinsam, leverkusen
from demo.daten.typen import Thema
from demo.laden import konten
from demo.laden.basis import Kontext, je_stadt, monatsende, streuung
from programme.models import Bewilligung, Projekt
from quartiere.models import Gebiet, Organisation, Person, Quartiersmanagement

VF_TRAEGER = {**bremen.VF_TRAEGER, **leverkusen.VF_TRAEGER}
ANSPRECHPERSONEN = {**bremen.ANSPRECHPERSONEN, **leverkusen.ANSPRECHPERSONEN}


@dataclass
class Antrag:
    """One year's request of a planned project and what became of it."""
    jahr: int
    am: dt.date
    beantragt: int
    entschieden: dt.date | None = None
    bewilligt: int | None = None
    ablehnung: str = ""
    raten: list[tuple[dt.date, int]] = field(default_factory=list)
    nachweis: tuple | None = None  # (submitted, used, checked or None, reclaimed, remark)


@dataclass
class Vorhaben:
    """A planned project with its requests, as far as they lie before the load date."""
    titel: str
    gebiet: Gebiet
    programm: object
    thema: Thema
    traeger: Organisation
    person: Person | None
    durch: User
    beginn: dt.date
    ende: dt.date
    kosten: tuple[int, int, int]
    teilnehmende: tuple[int, int]
    antraege: list[Antrag]
    abschluss: dt.date | None = None


@dataclass
class _Linie:
    """A WiN project while it is planned: theme, years and the amount granted in each year."""
    programm: str
    thema: Thema
    start: int
    bis: int
    faktor: float
    betraege: dict[int, int] = field(default_factory=dict)


def _s(*teile) -> float:
    return streuung("/".join(str(t) for t in teile))


def _tag(jahr: int, tage: float) -> dt.date:
    return dt.date(jahr, 1, 1) + dt.timedelta(days=int(tage))


def _tage(d: dt.date, tage: float) -> dt.date:
    return d + dt.timedelta(days=int(tage))


def _monatsanfang_nach(d: dt.date) -> dt.date:
    return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def _hunderter(betrag: float, einheit: int = 100) -> int:
    return int(round(betrag / einheit)) * einheit


def _kosten(beantragt: int, s1: float, s2: float, hoechstanteil: float) -> tuple[int, int, int]:
    """Total, own and third-party funds, so that the programme carries at most `hoechstanteil`."""
    anteil = hoechstanteil * (0.6 + 0.4 * s1)
    gesamt = max(-(-int(beantragt / anteil) // 100) * 100, int(-(-beantragt // hoechstanteil)))
    rest = gesamt - beantragt
    eigen = min(rest, _hunderter(rest * (0.25 + 0.5 * s2), 10))
    return gesamt, eigen, rest - eigen


def _themenfolge(themen: list[Thema], gebiet: str, jahr: int) -> list[Thema]:
    """Themes in the order an area picks them in a year; each area keeps a few core themes over the years,
    among them two of the larger ones."""
    def nach_gebiet(auswahl):
        return sorted(auswahl, key=lambda t: _s("kern", gebiet, t.key))

    gross = [t for t in themen if t.obergrenze >= 50_000]
    kern = {t.key for t in nach_gebiet(gross)[:2] + nach_gebiet([t for t in themen if t not in gross])[:2]}
    return sorted(themen, key=lambda t: _s("thema", gebiet, jahr, t.key) - (0.4 if t.key in kern else 0))


def _raten(betrag: int, erste: dt.date, jahr: int, einmal: bool) -> list[tuple[dt.date, int]]:
    """Payouts of a year's grant: larger grants in two instalments, the second before mid-December."""
    zweite = min(_tage(erste, 150), dt.date(jahr, 12, 10))
    if betrag <= 12_000 or einmal or zweite <= erste:
        return [(erste, betrag)]
    halb = _hunderter(betrag / 2)
    return [(erste, halb), (zweite, betrag - halb)]


class _Planer:
    def __init__(self, k: Kontext):
        self.k = k
        self.heute = k.heute
        self.verwaltung = k.verwaltung
        self.manager = konten.quartiersmanager(k)
        self.vorhanden = set(Projekt.objects.values_list("titel", "gebiet_id"))
        # Grants of the hand-written projects, which the generated ones complement.
        titel = {spec.titel for _, spec in je_stadt("PROJEKTE")}
        self.bereits: dict[tuple[int, int, int], int] = {}
        for b in Bewilligung.objects.bewilligt().filter(projekt__titel__in=titel).only(
                "programm_id", "jahr", "gebiet_id", "betrag_bewilligt"):
            schluessel = (b.programm_id, b.jahr, b.gebiet_id)
            self.bereits[schluessel] = self.bereits.get(schluessel, 0) + int(b.betrag_bewilligt)
        self.stellen: dict[int, list[tuple[int, int]]] = {}
        for qm in Quartiersmanagement.objects.prefetch_related("personen"):
            for person in qm.personen.all():
                self.stellen.setdefault(person.pk, []).append(
                    (qm.beginn.year if qm.beginn else 0, qm.befristet_bis.year if qm.befristet_bis else 9999))

    def antragsteller(self, gebiet: Gebiet) -> User:
        """The area's manager if they have a login, else the staff."""
        return next((u for u in self.manager if konten.darf_im_gebiet_arbeiten(u, gebiet)), self.verwaltung)

    def traeger(self, gebiet: Gebiet, auswahl: tuple[str, ...], thema: Thema, jahr: int):
        passend = [t for t in auswahl if t in thema.traeger] or [t for t in auswahl if t in bremen.WOHLFAHRT] or \
            list(auswahl)
        name = passend[int(_s("traeger", gebiet.name, jahr, thema.key) * len(passend))]
        key = ANSPRECHPERSONEN.get((gebiet.name, name)) or ANSPRECHPERSONEN.get((None, name))
        person = self.k.personen.get(key) if key else None
        if person is not None and person.pk in self.stellen and not any(
                von <= jahr <= bis for von, bis in self.stellen[person.pk]):
            person = None  # not in office that year
        return self.k.org(gebiet.stadt.name, name), person

    def vorhaben(self, *, programm, gebiet: Gebiet, thema: Thema, jahre: tuple[int, int], auswahl: tuple[str, ...],
                 hoechstanteil: float, antraege: list[Antrag], summe: int, beginn: dt.date, ende: dt.date,
                 abschluss: dt.date | None = None) -> Vorhaben | None:
        """The project with its requests up to today; None if it exists already or lies in the future."""
        varianten = thema.titel
        vorlage = varianten[int(_s("titel", gebiet.name, jahre[0], thema.key) * len(varianten))]
        zeitraum = str(jahre[0]) if jahre[0] == jahre[1] else f"{jahre[0]}–{jahre[1]}"
        ort = bremen.IN_GEBIET.get(gebiet.name, f"in {gebiet.name}")
        titel = f"{vorlage.format(g=gebiet.name, in_g=ort)} {zeitraum}"
        h = self.heute
        antraege = [a for a in antraege if a.am <= h]
        if (titel, gebiet.pk) in self.vorhanden or not antraege:
            return None
        for a in antraege:
            if a.entschieden and a.entschieden > h:
                a.entschieden, a.bewilligt, a.ablehnung = None, None, ""
            if a.bewilligt is None:
                a.raten, a.nachweis = [], None
            a.raten = [(d, b) for d, b in a.raten if d <= h]
            if a.nachweis and a.nachweis[0] > h:
                a.nachweis = None
            elif a.nachweis and a.nachweis[2] and a.nachweis[2] > h:
                a.nachweis = (*a.nachweis[:2], None, 0, "")
        raten = [d for a in antraege for d, _ in a.raten]
        abschluss = max(abschluss, *raten) if abschluss and raten else None  # closed after the last payout
        if abschluss and abschluss > h:
            abschluss = None
        traeger, person = self.traeger(gebiet, auswahl, thema, jahre[0])
        lo, hi = thema.teilnehmende
        geplant = lo + int((hi - lo) * _s("tn", titel))
        return Vorhaben(titel=titel, gebiet=gebiet, programm=programm, thema=thema, traeger=traeger, person=person,
                        durch=self.antragsteller(gebiet), beginn=beginn, ende=ende,
                        kosten=_kosten(summe, _s("quote", titel), _s("eigen", titel), hoechstanteil),
                        teilnehmende=(geplant, round(geplant * (0.8 + 0.4 * _s("erreicht", titel)))),
                        antraege=antraege, abschluss=abschluss)



def _nachweis_planen(name: str, linie: _Linie, jahr: int, gezahlt: int, heute: dt.date) -> tuple | None:
    """The proof of use of a past year: checked after a few weeks, for the last year partly still open."""
    key = (name, linie.thema.key, linie.start, jahr)
    sn, sp, sr, st = (_s(x, *key) for x in ("nachweis", "pruefung", "rueck", "status"))
    eingereicht = _tag(jahr + 1, 45 + 120 * sn)
    geprueft = _tage(eingereicht, 25 + 80 * sp)
    rueck = max(50, _hunderter(gezahlt * (0.02 + 0.05 * sp), 10)) if sr < 0.12 else 0
    grund = bremen.RUECKFORDERUNGSGRUENDE[int(sr * 100) % len(bremen.RUECKFORDERUNGSGRUENDE)] if rueck else ""
    alter = heute.year - jahr
    if alter >= 3 or (alter == 2 and (jahr < linie.bis or st >= 0.15)) or (alter == 1 and st < 0.45):
        return eingereicht, gezahlt - rueck, geprueft, rueck, grund
    if alter == 2 or st < 0.9:
        return eingereicht, gezahlt, None, 0, ""
    return None  # overdue


def _win_linie(p: _Planer, gebiet: Gebiet, l: _Linie) -> Vorhaben | None:
    h, name, thema = p.heute, gebiet.name, l.thema
    antraege = []
    erstes = min(l.betraege)
    for jahr, betrag in sorted(l.betraege.items()):
        key = (name, thema.key, l.start, jahr)
        sa, se, sz, sw, sp = (_s(x, *key) for x in "aezwp")
        if jahr > erstes:  # the follow-up request at the beginning of the year
            am = _tag(jahr, 4 + 30 * sa)
        elif thema.zeitraum or jahr < h.year:
            am = _tag(jahr, 7 + 75 * sa)
        else:
            am = _tag(jahr, 7 + max(0, (h - dt.date(jahr, 1, 8)).days - 21) * sa)
        entschieden = _tage(am, 12 + 22 * se)
        if jahr == erstes:
            if thema.zeitraum:
                (m1, d1), (m2, d2) = thema.zeitraum
                beginn, ende = dt.date(jahr, m1, d1), dt.date(jahr, m2, d2)
            else:
                beginn = min(_monatsanfang_nach(entschieden), dt.date(jahr, 12, 1))
                ende = dt.date(l.bis, 12, 31) if l.bis >= h.year or sz < 0.6 else dt.date(l.bis, 11, 30)
        kuerzung = _hunderter(betrag * (0.05 + 0.1 * sw)) if sw < 0.25 else 0
        a = Antrag(jahr=jahr, am=am, beantragt=betrag + kuerzung, entschieden=entschieden, bewilligt=betrag)
        erste = max(_tage(entschieden, 7 + 10 * sz), beginn - dt.timedelta(days=14))
        a.raten = _raten(betrag, erste, jahr, bool(thema.zeitraum))
        if jahr == l.bis < h.year and sw > 0.85:  # the last payout a little below the grant
            d, letzte = a.raten[-1]
            a.raten[-1] = (d, letzte - max(50, _hunderter(betrag * (0.02 + 0.05 * sp), 50)))
        if jahr < h.year:
            a.nachweis = _nachweis_planen(name, l, jahr, sum(b for _, b in a.raten), h)
        elif thema.zeitraum:
            a.nachweis = (_tage(ende, 28 + 30 * sz), betrag, None, 0, "")
        antraege.append(a)
    abschluss = None
    if l.bis < h.year or (thema.zeitraum and _tage(ende, 42) <= h):
        abschluss = _tage(ende, 10 + 20 * _s("abschluss", name, thema.key, l.start))
    # Later years of a project that runs on are planned at the average amount.
    geplant = sum(a.beantragt for a in antraege)
    summe = geplant + (l.bis - max(l.betraege)) * geplant // len(antraege)
    return p.vorhaben(programm=p.k.programme[l.programm], gebiet=gebiet, thema=thema, jahre=(l.start, l.bis),
                      auswahl=bremen.WIN_TRAEGER[name], hoechstanteil=0.5, antraege=antraege, summe=summe,
                      beginn=beginn, ende=ende, abschluss=abschluss)


def _win_gebiet(p: _Planer, gebiet: Gebiet, jahre: list[tuple[str, int, int]]) -> list[Vorhaben]:
    """The projects of one WiN area: each year a few projects share the chosen part of the local budget,
    none much above its theme's usual size; many run on for two or three years with a request each year."""
    h, name = p.heute, gebiet.name
    linien: list[_Linie] = []
    weitere: list[Vorhaben] = []
    for key, jahr, budget in jahre:
        programm = p.k.programme[key]
        laufend = jahr == h.year
        s = _s("anteil", name, jahr)
        anteil = 0.40 + 0.35 * s if laufend else 0.70 + 0.25 * s
        rest = _hunderter(budget * anteil) - p.bereits.get((programm.pk, jahr, gebiet.pk), 0)
        diesjahr = [l for l in linien if l.programm == key and l.start < jahr <= l.bis]
        mindestens = 2 + int(1.6 * _s("anzahl", name, jahr))
        themen = [t for t in _themenfolge(bremen.WIN_THEMEN, name, jahr)
                  if t.key not in {l.thema.key for l in diesjahr}]
        while themen and len(diesjahr) < 7 and (
                len(diesjahr) < mindestens or sum(l.thema.obergrenze * l.faktor for l in diesjahr) < rest):
            thema = themen.pop(0)
            sd = _s("dauer", name, jahr, thema.key)
            dauer = 1 if thema.zeitraum or sd < 0.3 else (2 if sd < 0.65 else 3)
            linie = _Linie(key, thema, jahr, min(jahr + dauer - 1, bremen.WIN_PERIODE_BIS[key]),
                           0.75 + 0.25 * _s("faktor", name, jahr, thema.key))
            linien.append(linie)
            diesjahr.append(linie)
        if diesjahr and rest > 1000 * len(diesjahr):
            gewichte = [l.thema.obergrenze * l.faktor * (0.85 + 0.15 * _s("jahr", name, jahr, l.thema.key))
                        for l in diesjahr]
            betraege = [_hunderter(rest * g / sum(gewichte)) for g in gewichte[:-1]]
            for l, betrag in zip(diesjahr, betraege + [rest - sum(betraege)]):
                l.betraege[jahr] = betrag
        weitere += _win_ohne_geld(p, programm, gebiet, jahr, themen)
    return [v for v in [_win_linie(p, gebiet, l) for l in linien if l.betraege] + weitere if v]


def _win_ohne_geld(p: _Planer, programm, gebiet: Gebiet, jahr: int, frei: list[Thema]) -> list[Vorhaben]:
    """Requests that got no money: open ones in the running year and a few refusals."""
    h, name = p.heute, gebiet.name
    laufend = jahr == h.year
    plan = []
    frei = [t for t in frei if not t.zeitraum]
    if laufend and _s("offen", name, jahr) < 0.45 and frei:
        thema = frei.pop(0)
        betrag = _hunderter(thema.obergrenze * (0.3 + 0.4 * _s("offen-betrag", name, jahr)))
        am = max(dt.date(jahr, 1, 2), h - dt.timedelta(days=3 + int(35 * _s("offen-am", name, jahr))))
        beginn = min(_monatsanfang_nach(am), dt.date(jahr, 12, 1))
        ende = monatsende(dt.date(beginn.year + (beginn.month > 5), (beginn.month + 6) % 12 + 1, 1))
        plan.append(p.vorhaben(programm=programm, gebiet=gebiet, thema=thema, jahre=(jahr, jahr),
                               auswahl=bremen.WIN_TRAEGER[name], hoechstanteil=0.5, summe=betrag, beginn=beginn,
                               ende=ende, antraege=[Antrag(jahr=jahr, am=am, beantragt=betrag)]))
    if _s("abgelehnt", name, jahr) < (0.2 if laufend else 0.1) and frei:
        thema = frei.pop(0)
        betrag = _hunderter(thema.obergrenze * (0.4 + 0.5 * _s("abgelehnt-betrag", name, jahr)))
        am = _tag(jahr, 30 + 60 * _s("abgelehnt-am", name, jahr))
        entschieden = _tage(am, 21 + 20 * _s("abgelehnt-e", name, jahr))
        grund = bremen.ABLEHNUNGEN[int(_s("grund", name, jahr) * len(bremen.ABLEHNUNGEN))].format(jahr=jahr)
        plan.append(p.vorhaben(programm=programm, gebiet=gebiet, thema=thema, jahre=(jahr, jahr),
                               auswahl=bremen.WIN_TRAEGER[name], hoechstanteil=0.5, summe=betrag,
                               beginn=_monatsanfang_nach(entschieden), ende=dt.date(jahr, 12, 31),
                               antraege=[Antrag(jahr=jahr, am=am, beantragt=betrag, entschieden=entschieden,
                                                ablehnung=grund)]))
    return plan


def _vf_jahr(p: _Planer, programm, gebiet: Gebiet, jahr: int, budget: int) -> list[Vorhaben]:
    """Small actions of a disposal fund in one year, each at most the fund's maximum."""
    h, name = p.heute, gebiet.name
    laufend = jahr == h.year
    ziel = _hunderter(budget * (0.55 + 0.35 * _s("vf-anteil", name, jahr)), 50)
    rest = ziel - p.bereits.get((programm.pk, jahr, gebiet.pk), 0)
    hoechstens = int(programm.max_betrag or 1500)
    gewichte = [0.7 + 0.6 * _s("vf-betrag", name, jahr, i) for i in range(max(3, -(-rest // 1300)))]
    betraege = [min(hoechstens, _hunderter(rest * g / sum(gewichte), 50)) for g in gewichte[:-1]]
    betraege.append(min(hoechstens, rest - sum(betraege)))
    betraege = [b for b in betraege if b >= 250]
    themen = _themenfolge(gemeinsam.VF_AKTIONEN, name, jahr)
    if laufend and _s("vf-offen", name, jahr) < 0.3:
        betraege.append(_hunderter(500 + 900 * _s("vf-offen-betrag", name, jahr), 50))  # not decided yet
    spanne = 300 if not laufend else max(0, (h - dt.date(jahr, 1, 15)).days - 20)
    plan = []
    for i, (thema, betrag) in enumerate(zip(themen, betraege)):
        sa, se, sz, sn, sp = (_s("vf", x, name, jahr, thema.key) for x in "aeznp")
        offen = laufend and i == len(betraege) - 1 and _s("vf-offen", name, jahr) < 0.3
        if thema.zeitraum and not offen:
            (m1, d1), (m2, d2) = thema.zeitraum
            beginn, ende = dt.date(jahr, m1, d1), dt.date(jahr, m2, d2)
            am = _tage(beginn, -30 - 20 * sa)
        else:
            am = h - dt.timedelta(days=3 + int(20 * sa)) if offen else _tag(jahr, 14 + spanne * sa)
            beginn = min(_tage(am, 21 + 21 * sz), dt.date(jahr, 12, 31))
            ende = min(_tage(beginn, 60 * sz), dt.date(jahr, 12, 31))
        a = Antrag(jahr=jahr, am=am, beantragt=betrag)
        abschluss = None
        if not offen:
            a.entschieden, a.bewilligt = _tage(am, 7 + 10 * se), betrag
            a.raten = [(_tage(a.entschieden, 5 + 10 * sz), betrag)]
            abschluss = max(_tage(ende, 7 + 7 * sn), a.raten[0][0])
            eingereicht = _tage(abschluss, 7 + 30 * sn)
            a.nachweis = (eingereicht, betrag, _tage(eingereicht, 14 + 30 * sp) if sp < 0.75 else None, 0, "")
        plan.append(p.vorhaben(programm=programm, gebiet=gebiet, thema=thema, jahre=(jahr, jahr),
                               auswahl=VF_TRAEGER[name], hoechstanteil=1.0, antraege=[a], summe=betrag,
                               beginn=beginn, ende=ende, abschluss=abschluss))
    return [v for v in plan if v]



def planen(k: Kontext, budgets: list[tuple[str, int, str | None, int, str]]) -> list[Vorhaben]:
    """The everyday projects up to today: WiN in every area and year of its budgets, the disposal funds' small
    actions in the last and the current year."""
    p = _Planer(k)
    win: dict[str, list[tuple[str, int, int]]] = {}
    plan: list[Vorhaben] = []
    for key, jahr, gebietname, betrag, _ in budgets:
        if gebietname is None or jahr > k.heute.year:
            continue
        if key in bremen.WIN_PERIODE_BIS and jahr >= 2016:
            win.setdefault(gebietname, []).append((key, jahr, betrag))
        elif key in gemeinsam.ALLTAG_VERFUEGUNGSFONDS and jahr >= k.heute.year - 1:
            plan += _vf_jahr(p, k.programme[key], k.gebiete[gebietname], jahr, betrag)
    for gebietname, jahre in win.items():
        plan += _win_gebiet(p, k.gebiete[gebietname], sorted(jahre, key=lambda j: j[1]))
    return plan


@dataclass(frozen=True)
class Schritt:
    """One step of a planned project; `antrag` is the index of its request (-1 for the closing)."""

    datum: dt.date
    rang: int  # the order of steps on the same day
    antrag: int
    art: str
    betrag: int | None = None


def schritte(v: Vorhaben) -> list[Schritt]:
    """The steps of a planned project in the order of their dates: requests, decisions, payouts, closing,
    proofs of use submitted and checked."""
    liste = []
    for i, a in enumerate(v.antraege):
        liste.append(Schritt(a.am, 0, i, "antrag"))
        if a.entschieden:
            liste.append(Schritt(a.entschieden, 1, i, "entscheidung"))
        liste += [Schritt(d, 2, i, "rate", b) for d, b in a.raten]
        if a.nachweis:
            liste.append(Schritt(a.nachweis[0], 4, i, "einreichen"))
            if a.nachweis[2]:
                liste.append(Schritt(a.nachweis[2], 5, i, "pruefen"))
    if v.abschluss:
        liste.append(Schritt(v.abschluss, 3, -1, "abschluss"))
    return sorted(liste, key=lambda s: (s.datum, s.rang, s.antrag))
