"""The work basket (Arbeitskorb): what staff must decide, check or send next, and what a quartier management must
submit next and by when.

The basket is a list of provider functions, one per row kind. A provider takes the basket's filter and the
number of entries to show (0: counts only, as the start page card needs) and returns a `Korbzeile`, or None
where the row is not for the user's role:

    def anbieter(f: Korbfilter, anzahl: int) -> Korbzeile | None

Most providers hand a scoped queryset to `zeile()`, which applies the filters, counts per programme (one query,
which gives the total too) and loads the first entries (one more). A row from another module is added to
ANBIETER_VERWALTUNG or ANBIETER_QM in a few lines; the deadline kinds of programme.fristen add their rows by
themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from django.contrib.auth.models import User
from django.db.models import Count, F, Q, QuerySet
from django.urls import reverse

from kern import zeit
from kern.format import datum as datum_text, euro_text
from kern.rollen import ist_quartiersmanagement, ist_verwaltung
from programme import fristen
from programme.fristen_forms import FristfilterForm
from programme.models import Bescheid, Bewilligung, Rueckforderung, Verwendungsnachweis, Zwischennachweis
from programme.mittelabruf_selectors import offene_mittelabrufe
from programme.rueckforderung_selectors import offene_rueckforderungen

from .models import Barrieremeldung


@dataclass(frozen=True)
class Korbfilter:
    user: User
    stichtag: dt.date
    werte: dict = field(default_factory=dict)  # the valid choices of FristfilterForm: stadt, programm
    nur: str = ""  # the one row shown with all its entries (up to ALLE); the others are counted only


# The basket page lists one row completely up to this many entries.
ALLE = 200


@dataclass
class Eintrag:
    text: str
    url: str
    aktion: str
    datum: dt.date | None = None
    datum_titel: str = ""
    zusatz: str = ""
    dringend: bool = False


@dataclass
class Korbzeile:
    schluessel: str
    titel: str
    anzahl: int
    link: str
    eintraege: list[Eintrag] = field(default_factory=list)
    je_programm: list[tuple[str, int]] = field(default_factory=list)
    hinweis: str = ""


Anbieter = Callable[[Korbfilter, int], "Korbzeile | None"]


def zeile(f: Korbfilter, *, schluessel: str, titel: str, queryset: QuerySet, eintrag: Callable[[object], Eintrag],
          link: str, anzahl: int, pfad: str | None = "bewilligung", hinweis: str = "") -> Korbzeile:
    """A basket row from a scoped queryset whose rows lead to a grant through `pfad` ("": they are grants,
    None: they belong to none)."""
    if f.nur:
        anzahl = ALLE if f.nur == schluessel else 0
    if pfad is not None:
        queryset = FristfilterForm.bewilligungen_einschraenken(queryset, f.werte, pfad)
        kurzname = f"{pfad}__programm__kurzname" if pfad else "programm__kurzname"
        zahlen = list(queryset.order_by().values_list(kurzname).annotate(n=Count("pk")).order_by(kurzname))
        gesamt = sum(n for _, n in zahlen)
    else:
        zahlen, gesamt = [], queryset.count()
    eintraege = [eintrag(obj) for obj in queryset[:anzahl]] if anzahl and gesamt else []
    return Korbzeile(schluessel=schluessel, titel=titel, anzahl=gesamt, link=link, eintraege=eintraege,
                     je_programm=zahlen, hinweis=hinweis)


def _projekt_url(bewilligung: Bewilligung) -> str:
    return reverse("programme:projekt", args=[bewilligung.projekt_id])


def _mit_bewilligung(queryset: QuerySet, pfad: str = "bewilligung") -> QuerySet:
    return queryset.select_related(f"{pfad}__projekt", f"{pfad}__programm").defer(f"{pfad}__gebiet__grenze")


def _zusatz(b: Bewilligung) -> str:
    return f"{b.programm.kurzname} {b.jahr}"


# --- staff -------------------------------------------------------------------------------------------

def antraege(f: Korbfilter, anzahl: int) -> Korbzeile | None:
    if not ist_verwaltung(f.user):
        return None
    qs = (Bewilligung.objects.sichtbar_fuer(f.user).filter(status=Bewilligung.Status.BEANTRAGT)
          .select_related("projekt", "programm").order_by("beantragt_am", "pk"))
    return zeile(f, schluessel="antraege", titel="Anträge zu entscheiden", queryset=qs, pfad="", anzahl=anzahl,
                 link=reverse("arbeitskorb") + "?zeile=antraege",
                 eintrag=lambda b: Eintrag(b.projekt.titel, reverse("programme:bewilligen", args=[b.pk]), "Entscheiden",
                                           b.beantragt_am, "beantragt am",
                                           f"{_zusatz(b)} · {euro_text(b.betrag_beantragt)}"))


def mittelabrufe(f: Korbfilter, anzahl: int) -> Korbzeile | None:
    if not ist_verwaltung(f.user):
        return None
    return zeile(f, schluessel="mittelabrufe", titel="Mittelabrufe zu genehmigen", queryset=offene_mittelabrufe(f.user),
                 anzahl=anzahl, link=reverse("mittelabruf:offen"),
                 eintrag=lambda a: Eintrag(a.bewilligung.projekt.titel, reverse("mittelabruf:genehmigen", args=[a.pk]),
                                           "Entscheiden", a.beantragt_am, "beantragt am",
                                           f"{_zusatz(a.bewilligung)} · {euro_text(a.betrag)} · verwenden bis "
                                           f"{datum_text(a.verwenden_bis)}"))


def nachweise_pruefen(f: Korbfilter, anzahl: int) -> Korbzeile | None:
    if not ist_verwaltung(f.user):
        return None
    qs = _mit_bewilligung(Verwendungsnachweis.objects.sichtbar_fuer(f.user).filter(
        eingereicht_am__isnull=False, geprueft_am__isnull=True)).order_by("eingereicht_am", "pk")
    return zeile(f, schluessel="nachweise_pruefen", titel="Verwendungsnachweise zu prüfen", queryset=qs,
                 anzahl=anzahl, link=reverse("arbeitskorb") + "?zeile=nachweise_pruefen",
                 eintrag=lambda n: Eintrag(n.bewilligung.projekt.titel,
                                           reverse("programme:nachweis_pruefen", args=[n.pk]), "Prüfen",
                                           n.eingereicht_am, "eingereicht am", _zusatz(n.bewilligung)))


def zwischennachweise_pruefen(f: Korbfilter, anzahl: int) -> Korbzeile | None:
    if not ist_verwaltung(f.user):
        return None
    qs = _mit_bewilligung(Zwischennachweis.objects.sichtbar_fuer(f.user).filter(
        eingereicht_am__isnull=False, geprueft_am__isnull=True)).order_by("eingereicht_am", "pk")
    return zeile(f, schluessel="zwischennachweise_pruefen", titel="Zwischennachweise zu prüfen", queryset=qs,
                 anzahl=anzahl, link=reverse("arbeitskorb") + "?zeile=zwischennachweise_pruefen",
                 eintrag=lambda z: Eintrag(f"{z.bewilligung.projekt.titel} ({z.jahr})",
                                           reverse("fristen:zwischennachweis_pruefen", args=[z.pk]), "Prüfen",
                                           z.eingereicht_am, "eingereicht am", _zusatz(z.bewilligung)))


def _ueberfaellig(art: fristen.Fristart) -> Anbieter:
    """Staff's row of one deadline kind's overdue deadlines (every registered kind gets one)."""

    def anbieter(f: Korbfilter, anzahl: int) -> Korbzeile | None:
        if not ist_verwaltung(f.user):
            return None
        qs = _mit_bewilligung(art.ueberfaellig(f.user, f.stichtag)).order_by(art.faellig, "pk")
        return zeile(f, schluessel=f"ueberfaellig_{art.schluessel}", titel=f"Überfällig: {art.titel}", queryset=qs,
                     anzahl=anzahl, link=reverse("fristen:uebersicht") + f"?art={art.schluessel}&zustand=ueberfaellig",
                     eintrag=lambda o: Eintrag(o.bewilligung.projekt.titel, _projekt_url(o.bewilligung),
                                               "Nachfassen", getattr(o, art.faellig), "fällig seit",
                                               _zusatz(o.bewilligung), dringend=True))

    return anbieter


def bescheide_offen(f: Korbfilter, anzahl: int) -> Korbzeile | None:
    if not ist_verwaltung(f.user):
        return None
    qs = (Bescheid.objects.sichtbar_fuer(f.user).aktuell()
          .filter(Q(versandt_am__isnull=True) | Q(bestandskraeftig_am__isnull=True)
                  | Q(bestandskraeftig_am__gt=f.stichtag))
          .select_related("bewilligung__projekt", "bewilligung__programm").order_by("datum", "pk"))

    def eintrag(b: Bescheid) -> Eintrag:
        if b.versandt_am is None:
            return Eintrag(f"{b} · {b.bewilligung.projekt.titel}", reverse("bescheide:versandt", args=[b.pk]),
                           "Versand vermerken", b.datum, "vom", "noch nicht versandt")
        stand = f"bestandskräftig ab {datum_text(b.bestandskraeftig_am)}" if b.bestandskraeftig_am else ""
        return Eintrag(f"{b} · {b.bewilligung.projekt.titel}", reverse("bescheide:bescheid", args=[b.pk]),
                       "Öffnen", b.versandt_am, "versandt am", f"noch nicht bestandskräftig {stand}".strip())

    return zeile(f, schluessel="bescheide", titel="Bescheide nicht versandt oder noch nicht bestandskräftig",
                 queryset=qs, anzahl=anzahl, link=reverse("arbeitskorb") + "?zeile=bescheide", eintrag=eintrag)


def rueckforderungen_offen(f: Korbfilter, anzahl: int) -> Korbzeile | None:
    """Reclaims a checked proof of use put on a grant that no reclaim itemises yet: the reclaim to set."""
    if not ist_verwaltung(f.user):
        return None
    qs = (Bewilligung.objects.sichtbar_fuer(f.user)
          .filter(betrag_zurueckgefordert__gt=0, betrag_zurueckgezahlt__lt=F("betrag_zurueckgefordert"))
          .exclude(rueckforderungen__art__in=[Rueckforderung.Art.NACHWEIS, Rueckforderung.Art.WIDERRUF])
          .select_related("projekt", "programm").order_by("entschieden_am", "pk"))
    return zeile(f, schluessel="rueckforderungen", titel="Rückforderungen festzusetzen", queryset=qs, pfad="",
                 anzahl=anzahl, link=reverse("arbeitskorb") + "?zeile=rueckforderungen",
                 eintrag=lambda b: Eintrag(b.projekt.titel, reverse("rueckforderung:festsetzen", args=[b.pk]),
                                           "Rückforderung festsetzen", None, "",
                                           f"{_zusatz(b)} · offen {euro_text(b.rueckzahlung_offen)}"))


def forderungen_offen(f: Korbfilter, anzahl: int) -> Korbzeile | None:
    """Reclaims set and not yet settled: a notice to issue, or a repayment to watch for."""
    if not ist_verwaltung(f.user):
        return None

    def eintrag(r: Rueckforderung) -> Eintrag:
        if r.bescheid_id is None:
            return Eintrag(r.bewilligung.projekt.titel, _projekt_url(r.bewilligung), "Bescheid erlassen",
                           r.festgesetzt_am, "festgesetzt am",
                           f"{_zusatz(r.bewilligung)} · {euro_text(r.betrag)} · noch ohne Bescheid")
        return Eintrag(r.bewilligung.projekt.titel, reverse("rueckforderung:rueckzahlung", args=[r.pk]),
                       "Zahlung verbuchen", r.zahlungsfrist, "zu zahlen bis",
                       f"{_zusatz(r.bewilligung)} · {euro_text(r.betrag)} · {r.bescheid}",
                       dringend=r.zahlungsfrist is not None and r.zahlungsfrist < f.stichtag)

    return zeile(f, schluessel="forderungen", titel="Offene Rückforderungen", anzahl=anzahl,
                 queryset=offene_rueckforderungen(f.user), link=reverse("rueckforderung:offene"), eintrag=eintrag)


def barrieremeldungen(f: Korbfilter, anzahl: int) -> Korbzeile | None:
    """Accessibility feedback, to answer within a month (§ 12b BGG); it belongs to no programme or city."""
    if not ist_verwaltung(f.user):
        return None
    qs = Barrieremeldung.objects.sichtbar_fuer(f.user).offen().order_by("created", "pk")
    return zeile(f, schluessel="barrieremeldungen", titel="Meldungen zur Barrierefreiheit zu beantworten",
                 queryset=qs, pfad=None, anzahl=anzahl, link=reverse("barrierefreiheit_meldungen"),
                 hinweis="Antwort binnen eines Monats; unabhängig von Stadt und Programm.",
                 eintrag=lambda m: Eintrag(m.beschreibung[:80], reverse("barrierefreiheit_meldungen"), "Beantworten",
                                           m.antwort_bis, "Antwort bis", dringend=m.ueberfaellig))


# --- quartier management ----------------------------------------------------------------------------

def _einzureichen(art: fristen.Fristart) -> Anbieter:
    """A manager's row of one deadline kind: what is still to submit, soonest first."""

    def anbieter(f: Korbfilter, anzahl: int) -> Korbzeile | None:
        if not ist_quartiersmanagement(f.user):
            return None
        qs = _mit_bewilligung(art.offene(f.user)).order_by(art.faellig, "pk")

        def eintrag(o) -> Eintrag:
            frist = fristen.frist_aus(art, o, f.stichtag)
            titel = f"{o.bewilligung.projekt.titel}" + (f" ({frist.jahr})" if frist.jahr else "")
            url = reverse(art.aktion, args=[o.pk]) if art.aktion else _projekt_url(o.bewilligung)
            return Eintrag(titel, url, art.aktion_titel, frist.faellig_am, "fällig am",
                           f"{_zusatz(o.bewilligung)} · {frist.tage_text}", dringend=frist.zustand == fristen.UEBERFAELLIG)

        return zeile(f, schluessel=f"einreichen_{art.schluessel}", titel=f"Einzureichen: {art.titel}", queryset=qs,
                     anzahl=anzahl, link=reverse("fristen:uebersicht") + f"?art={art.schluessel}", eintrag=eintrag)

    return anbieter


def anbieter_verwaltung() -> list[Anbieter]:
    return [antraege, mittelabrufe, nachweise_pruefen, zwischennachweise_pruefen,
            *(_ueberfaellig(art) for art in fristen.FRISTARTEN.values()),
            bescheide_offen, rueckforderungen_offen, forderungen_offen, barrieremeldungen]


def anbieter_qm() -> list[Anbieter]:
    return [_einzureichen(art) for art in fristen.FRISTARTEN.values()]


def arbeitskorb(user, *, werte: dict | None = None, anzahl: int = 10, stichtag: dt.date | None = None,
                nur: str = "") -> list[Korbzeile]:
    """The basket's rows for the user's role: staff's, or a manager's for their areas."""
    f = Korbfilter(user=user, stichtag=stichtag or zeit.heute(), werte=werte or {}, nur=nur)
    anbieter = anbieter_verwaltung() if ist_verwaltung(user) else anbieter_qm()
    return [z for a in anbieter if (z := a(f, anzahl)) is not None]
