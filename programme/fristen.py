"""Deadlines of grants: when interim proofs and proofs of use are due, and which deadlines are open, met or
overdue.

Each kind of deadline is one `Fristart` in the registry `FRISTARTEN`: the model whose rows are the deadlines,
the field with the due date, the field that says the deadline was met, and the action that meets it. The
project page, the overview of deadlines, the work basket and the reminders all read the registry, so a new
kind is registered in a few lines and shows everywhere. For the fund calls that must be spent in time:

    fristart_registrieren(Fristart(
        schluessel="mittelabruf", titel="Verwendung abgerufener Mittel", modell="programme.Mittelabruf",
        faellig="verwenden_bis", erfuellt="verwendet_am", bedingung=Q(status="genehmigt"),
        ueberfaellige=lambda user, stichtag: mittelabruf_selectors.nicht_fristgerecht_verwendet(user, stichtag)))
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from django.apps import apps
from django.db.models import F, Q, QuerySet, Value
from django.db.models.fields import CharField

from kern.format import datum as datum_text

from .zuwendung_regeln import monate_spaeter, vorgaben

OFFEN, ERFUELLT, UEBERFAELLIG = "offen", "erfuellt", "ueberfaellig"
ZUSTAENDE = {OFFEN: "offen", ERFUELLT: "erfüllt", UEBERFAELLIG: "überfällig"}


# --- due dates -----------------------------------------------------------------------------------

def zeitraum(bewilligung, zuwendung=None) -> tuple[dt.date, dt.date]:
    """The funding period of a grant: its Zuwendung's, else the project's run."""
    if zuwendung is not None:
        return zuwendung.beginn, zuwendung.ende
    return bewilligung.projekt.beginn, bewilligung.projekt.ende


def nachweis_faellig_am(bewilligung, zuwendung=None) -> dt.date:
    """The proof of use is due the programme's number of months (default 6) after the funding period."""
    return monate_spaeter(zeitraum(bewilligung, zuwendung)[1], vorgaben(bewilligung.programm).nachweis_frist_monate)


def zwischennachweis_faellig_am(programm, jahr: int) -> dt.date:
    """The interim proof of a year is due on the programme's day of the next year (default 30 April)."""
    v = vorgaben(programm)
    return dt.date(jahr + 1, v.zwischennachweis_monat, v.zwischennachweis_tag)


def zwischennachweis_jahre(bewilligung, zuwendung=None) -> list[int]:
    """The years of the funding period after which the project still runs (ANBest-P 6.1: the purpose is not
    fulfilled by the end of the budget year), each of which needs an interim proof."""
    beginn, ende = zeitraum(bewilligung, zuwendung)
    return list(range(beginn.year, min(ende.year + 1, bewilligung.projekt.ende.year)))


# --- the registry of deadline kinds -------------------------------------------------------------------

@dataclass(frozen=True)
class Fristart:
    schluessel: str
    titel: str
    modell: str  # "app.Model"; its QuerySet has sichtbar_fuer and a `bewilligung` foreign key
    faellig: str = "faellig_am"
    erfuellt: str = "eingereicht_am"
    bedingung: Q = field(default_factory=Q)
    aktion: str = ""  # URL name (pk of the row) of the step that meets the deadline
    aktion_titel: str = "Einreichen"
    # Optional read of the overdue rows where the kind has its own selector.
    ueberfaellige: Callable[..., QuerySet] | None = None

    def zeilen(self) -> QuerySet:
        """Every deadline of the kind, unscoped: for the reminders, which run without a user."""
        return apps.get_model(self.modell).objects.filter(self.bedingung)

    def alle(self, user) -> QuerySet:
        return apps.get_model(self.modell).objects.sichtbar_fuer(user).filter(self.bedingung)

    def offene(self, user=None) -> QuerySet:
        return (self.zeilen() if user is None else self.alle(user)).filter(**{f"{self.erfuellt}__isnull": True})

    def ueberfaellig(self, user, stichtag: dt.date) -> QuerySet:
        if self.ueberfaellige is not None:
            return self.ueberfaellige(user, stichtag)
        return self.offene(user).filter(**{f"{self.faellig}__lt": stichtag})

    def im_zustand(self, queryset: QuerySet, zustand: str, stichtag: dt.date) -> QuerySet:
        if zustand == ERFUELLT:
            return queryset.filter(**{f"{self.erfuellt}__isnull": False})
        offen = queryset.filter(**{f"{self.erfuellt}__isnull": True})
        if zustand == UEBERFAELLIG:
            return offen.filter(**{f"{self.faellig}__lt": stichtag})
        return offen.filter(**{f"{self.faellig}__gte": stichtag}) if zustand == OFFEN else queryset


FRISTARTEN: dict[str, Fristart] = {}


def fristart_registrieren(art: Fristart) -> Fristart:
    FRISTARTEN[art.schluessel] = art
    return art


ZWISCHENNACHWEIS = fristart_registrieren(Fristart(
    schluessel="zwischennachweis", titel="Zwischennachweis", modell="programme.Zwischennachweis",
    aktion="fristen:zwischennachweis_einreichen"))
VERWENDUNGSNACHWEIS = fristart_registrieren(Fristart(
    schluessel="verwendungsnachweis", titel="Verwendungsnachweis", modell="programme.Verwendungsnachweis",
    aktion="programme:nachweis_einreichen"))
# Called funds must be spent by their spend-by day (programme.mittelabruf); the operator reports the day.
MITTELVERWENDUNG = fristart_registrieren(Fristart(
    schluessel="mittelabruf", titel="Verwendung abgerufener Mittel", modell="programme.Mittelabruf",
    faellig="verwenden_bis", erfuellt="verwendet_am", bedingung=Q(status="genehmigt"),
    aktion="mittelabruf:verwendet", aktion_titel="Verwendung melden"))


# --- deadlines as rows ------------------------------------------------------------------------------

@dataclass
class Frist:
    art: Fristart
    objekt_id: int
    bewilligung_id: int
    faellig_am: dt.date
    erfuellt_am: dt.date | None
    stichtag: dt.date
    bewilligung: object = None
    jahr: int | None = None
    objekt: object = None  # the row itself, where it was loaded

    @property
    def zustand(self) -> str:
        if self.erfuellt_am is not None:
            return ERFUELLT
        return UEBERFAELLIG if self.faellig_am < self.stichtag else OFFEN

    @property
    def zustand_text(self) -> str:
        text = ZUSTAENDE[self.zustand]
        if self.erfuellt_am is not None:
            text += f" am {datum_text(self.erfuellt_am)}" + (" (verspätet)" if self.erfuellt_am > self.faellig_am
                                                              else "")
        return text

    @property
    def tage(self) -> int | None:
        """Days left until the deadline (negative: days overdue); None once met."""
        return None if self.erfuellt_am is not None else (self.faellig_am - self.stichtag).days

    @property
    def tage_text(self) -> str:
        if self.tage is None:
            return "–"
        if self.tage < 0:
            return f"seit {-self.tage} Tag{'en' if self.tage < -1 else ''} überfällig"
        return "heute fällig" if self.tage == 0 else f"noch {self.tage} Tag{'e' if self.tage > 1 else ''}"

    @property
    def titel(self) -> str:
        return f"{self.art.titel} {self.jahr}" if self.jahr else self.art.titel


def frist_aus(art: Fristart, obj, stichtag: dt.date) -> Frist:
    return Frist(art=art, objekt_id=obj.pk, bewilligung_id=obj.bewilligung_id, faellig_am=getattr(obj, art.faellig),
                 erfuellt_am=getattr(obj, art.erfuellt), stichtag=stichtag, jahr=getattr(obj, "jahr", None),
                 objekt=obj)


def fristen_des_projekts(projekt, user, stichtag: dt.date) -> dict[int, list[Frist]]:
    """Per grant of the project, its deadlines by due date: one query per kind."""
    je_bewilligung: dict[int, list[Frist]] = {}
    for art in FRISTARTEN.values():
        for obj in art.alle(user).filter(bewilligung__projekt=projekt):
            je_bewilligung.setdefault(obj.bewilligung_id, []).append(frist_aus(art, obj, stichtag))
    for zeilen in je_bewilligung.values():
        zeilen.sort(key=lambda f: (f.faellig_am, f.art.schluessel))
    return je_bewilligung


def _zn_aktionen(user, fristen_der_bewilligung: list[Frist], darf_bearbeiten: bool) -> list[dict]:
    from django.urls import reverse

    from .permissions import kann_nachweise_pruefen

    aktionen = []
    for f in fristen_der_bewilligung:
        if f.art is not ZWISCHENNACHWEIS:
            continue
        if f.erfuellt_am is None and darf_bearbeiten:
            aktionen.append({"titel": f"Zwischennachweis {f.jahr} einreichen",
                             "url": reverse(ZWISCHENNACHWEIS.aktion, args=[f.objekt_id])})
        elif f.erfuellt_am is not None and f.objekt.geprueft_am is None and kann_nachweise_pruefen(user):
            aktionen.append({"titel": f"Zwischennachweis {f.jahr} prüfen",
                             "url": reverse("fristen:zwischennachweis_pruefen", args=[f.objekt_id])})
    return aktionen


def projektseite(projekt, user, stichtag: dt.date, *, darf_bearbeiten: bool) -> dict:
    """The project page's deadlines per grant with the interim proof steps, and the reminders sent;
    None for roles that see no deadlines. A fixed number of queries."""
    from .fristen_models import Erinnerung
    from .permissions import kann_fristen_sehen

    if not kann_fristen_sehen(user):
        return {"fristen_je_bewilligung": None}
    je_bewilligung = fristen_des_projekts(projekt, user, stichtag)
    zeilen = [{"bewilligung": b, "fristen": je_bewilligung[b.pk],
               "aktionen": _zn_aktionen(user, je_bewilligung[b.pk], darf_bearbeiten)}
              for b in projekt.bewilligungen.select_related("programm").order_by("jahr", "programm__kurzname")
              if b.pk in je_bewilligung]
    return {"fristen_je_bewilligung": zeilen,
            "erinnerungen": list(Erinnerung.objects.sichtbar_fuer(user).filter(bewilligung__projekt=projekt)
                                 .order_by("-gesendet_am")[:20])}


# --- the overview: all kinds in one ordered, paged query ----------------------------------------------

SPALTEN = ("f_art", "f_id", "f_bewilligung", "f_faellig", "f_erfuellt")


def _als_zeilen(art: Fristart, queryset: QuerySet) -> QuerySet:
    return queryset.annotate(
        f_art=Value(art.schluessel, output_field=CharField()), f_id=F("pk"), f_bewilligung=F("bewilligung_id"),
        f_faellig=F(art.faellig), f_erfuellt=F(art.erfuellt),
    ).values_list(*SPALTEN)


def fristen_uebersicht(user, *, stichtag: dt.date, arten: list[str] | None = None, zustand: str = "",
                       bedingung: Callable[[QuerySet], QuerySet] | None = None) -> QuerySet | None:
    """The deadlines of all kinds the user sees as one queryset of value rows ordered by due date, so a page of
    it is one query; `bedingung` narrows each kind's rows by its grant (programme, city, area)."""
    teile = []
    for art in FRISTARTEN.values():
        if arten and art.schluessel not in arten:
            continue
        queryset = art.im_zustand(art.alle(user), zustand, stichtag)
        teile.append(_als_zeilen(art, bedingung(queryset) if bedingung else queryset).order_by())
    if not teile:
        return None
    erste, *weitere = teile
    return (erste.union(*weitere, all=True) if weitere else erste).order_by("f_faellig", "f_art", "f_id")


def fristen_laden(werte: list[tuple], stichtag: dt.date) -> list[Frist]:
    """Turns one page of `fristen_uebersicht` into deadline rows with their grants (one query)."""
    from .models import Bewilligung

    bewilligungen = Bewilligung.objects.select_related("projekt__gebiet", "programm").defer(
        "projekt__gebiet__grenze").in_bulk({w[2] for w in werte})
    zeilen = []
    for art, pk, bewilligung_id, faellig, erfuellt in werte:
        zeilen.append(Frist(art=FRISTARTEN[art], objekt_id=pk, bewilligung_id=bewilligung_id, faellig_am=faellig,
                            erfuellt_am=erfuellt, stichtag=stichtag, bewilligung=bewilligungen.get(bewilligung_id)))
    return zeilen
