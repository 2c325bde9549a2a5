"""The check of a proof of use: actual against planned figures per plan category (ANBest-P 1.2) and the
recalculation of the grant by its type of financing. Pure arithmetic plus the few reads it needs; nothing
here writes, and nothing imports programme.services (services calls in here).

How this portal reads ANBest-P 1.2 ("Einzelansätze dürfen um bis zu 20 v. H. überschritten werden, soweit
die Überschreitung durch entsprechende Einsparungen bei anderen Einzelansätzen ausgeglichen werden kann"):

* Each expense line of the plan (one per category of the grant's year) may exceed its planned amount by up
  to 20 % of that amount; such an excess is never flagged (where no savings offset it, the total rises and
  the operator bears it: the grant never exceeds the granted amount).
* The part of an excess beyond those 20 % is covered as far as savings in other lines (planned minus actual,
  summed over every line below its plan) offset it; the savings are spent on the lines in the plan's
  category order. What remains uncovered flags the line and is proposed as not eligible.
* So exactly 20 % is not flagged, 20 % + 0,01 € without savings is, and an excess of any size that savings
  elsewhere offset is not. A category that the plan does not have has a planned amount of 0 €.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from kern.format import euro_text, messwert

from .models import NULL_EURO, Verwendungsnachweis
from .nachweis import AUSGABEKATEGORIEN, Beleg, Nachweisangaben, Nachweissumme
from .zuwendung import Finanzierungsart, Planposition, Zuwendung
from .zuwendung_regeln import aktueller_plan, zuwendung_berechnen

CENT = Decimal("0.01")
TOLERANZ = Decimal("0.20")
KATEGORIEN = dict(AUSGABEKATEGORIEN)


@dataclass
class Vergleichszeile:
    kategorie: str
    plan: Decimal
    ist: Decimal
    gedeckt: Decimal = NULL_EURO  # the part beyond 20 % that savings elsewhere offset
    ungedeckt: Decimal = NULL_EURO  # the part beyond 20 % that nothing offsets

    @property
    def bezeichnung(self) -> str:
        return KATEGORIEN[self.kategorie]

    @property
    def abweichung(self) -> Decimal:
        return self.ist - self.plan

    @property
    def abweichung_prozent(self) -> Decimal | None:
        return None if not self.plan else (self.abweichung * 100 / self.plan).quantize(Decimal("0.1"))

    @property
    def grenze(self) -> Decimal:
        """The most the line may reach without needing savings elsewhere: plan + 20 %."""
        return (self.plan * (1 + TOLERANZ)).quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def ueber_grenze(self) -> Decimal:
        return max(self.ist - self.grenze, NULL_EURO)

    @property
    def einsparung(self) -> Decimal:
        return max(self.plan - self.ist, NULL_EURO)

    @property
    def markiert(self) -> bool:
        return self.ungedeckt > 0


@dataclass
class Vergleich:
    zeilen: list[Vergleichszeile] = field(default_factory=list)

    @property
    def plan(self) -> Decimal:
        return sum((z.plan for z in self.zeilen), NULL_EURO)

    @property
    def ist(self) -> Decimal:
        return sum((z.ist for z in self.zeilen), NULL_EURO)

    @property
    def einsparungen(self) -> Decimal:
        return sum((z.einsparung for z in self.zeilen), NULL_EURO)

    @property
    def ungedeckt(self) -> Decimal:
        """Proposed as not eligible: the uncovered excesses beyond 20 %."""
        return sum((z.ungedeckt for z in self.zeilen), NULL_EURO)

    @property
    def markierte(self) -> list[Vergleichszeile]:
        return [z for z in self.zeilen if z.markiert]


def vergleichen(plan: dict[str, Decimal], ist: dict[str, Decimal]) -> Vergleich:
    """Actual against planned per category, with the 20 % rule as the module docstring reads it."""
    zeilen = [Vergleichszeile(kategorie=k, plan=plan.get(k, NULL_EURO), ist=ist.get(k, NULL_EURO))
              for k in KATEGORIEN if k in plan or k in ist]
    vergleich = Vergleich(zeilen=zeilen)
    rest = vergleich.einsparungen
    for z in zeilen:
        if z.ueber_grenze > 0:
            z.gedeckt = min(z.ueber_grenze, rest)
            rest -= z.gedeckt
            z.ungedeckt = z.ueber_grenze - z.gedeckt
    return vergleich


@dataclass
class Neuberechnung:
    art: str
    ausgaben: Decimal
    nicht_zuwendungsfaehig: Decimal
    eigenmittel: Decimal
    drittmittel: Decimal
    bewilligt: Decimal
    ausgezahlt: Decimal
    festgesetzt: Decimal
    schritte: list[str] = field(default_factory=list)

    @property
    def zuwendungsfaehig(self) -> Decimal:
        return self.ausgaben - self.nicht_zuwendungsfaehig

    @property
    def rueckforderung(self) -> Decimal:
        """Paid out minus due, where positive."""
        return max(self.ausgezahlt - self.festgesetzt, NULL_EURO)

    @property
    def nachzahlung(self) -> Decimal:
        """Due but not yet paid (the held-back final instalment), where nothing is reclaimed."""
        return max(self.festgesetzt - self.ausgezahlt, NULL_EURO)

    @property
    def art_bezeichnung(self) -> str:
        return Finanzierungsart(self.art).label


def _schritt_der_art(art: str, n: Neuberechnung, quote, fest, roh: Decimal) -> str:
    zf = euro_text(n.zuwendungsfaehig)
    if art == Finanzierungsart.ANTEIL:
        return f"Anteilfinanzierung: {messwert(quote)} % der zuwendungsfähigen Ausgaben von {zf} = {euro_text(roh)}."
    if art == Finanzierungsart.FEHLBEDARF:
        return (f"Fehlbedarfsfinanzierung: zuwendungsfähige Ausgaben {zf} − Eigenmittel {euro_text(n.eigenmittel)} "
                f"− Drittmittel {euro_text(n.drittmittel)} = {euro_text(roh)}.")
    if art == Finanzierungsart.FESTBETRAG:
        if n.zuwendungsfaehig < fest:
            return (f"Festbetragsfinanzierung: Die zuwendungsfähigen Ausgaben von {zf} unterschreiten den Festbetrag "
                    f"von {euro_text(fest)}; die Zuwendung sinkt auf die Ausgaben.")
        return f"Festbetragsfinanzierung: Festbetrag {euro_text(fest)} (zuwendungsfähige Ausgaben {zf})."
    return f"Vollfinanzierung: die zuwendungsfähigen Ausgaben von {zf}."


def neu_berechnen(*, zuwendung: Zuwendung | None, bewilligt: Decimal, ausgezahlt: Decimal, ausgaben: Decimal,
                  nicht_zuwendungsfaehig: Decimal, eigenmittel: Decimal, drittmittel: Decimal) -> Neuberechnung:
    """The grant due from the checked actual figures, never above `bewilligt`, with each step in German.

    A grant without a recorded type of financing (from before grant law) counts as full financing of its
    eligible expenses, which is how its proofs were checked before."""
    art = zuwendung.finanzierungsart if zuwendung else Finanzierungsart.VOLL
    quote = zuwendung.foerderquote if zuwendung else None
    fest = (zuwendung.festbetrag if zuwendung and zuwendung.festbetrag is not None else bewilligt)
    n = Neuberechnung(art=art, ausgaben=ausgaben, nicht_zuwendungsfaehig=nicht_zuwendungsfaehig,
                      eigenmittel=eigenmittel, drittmittel=drittmittel, bewilligt=bewilligt, ausgezahlt=ausgezahlt,
                      festgesetzt=NULL_EURO)
    roh = zuwendung_berechnen(art=art, ausgaben=n.zuwendungsfaehig, eigenmittel=eigenmittel, drittmittel=drittmittel,
                              foerderquote=quote, festbetrag=fest)
    n.festgesetzt = min(roh, bewilligt)
    n.schritte.append(f"Nachgewiesene Ausgaben {euro_text(ausgaben)}, davon nicht zuwendungsfähig "
                      f"{euro_text(nicht_zuwendungsfaehig)}: zuwendungsfähig {euro_text(n.zuwendungsfaehig)}.")
    n.schritte.append(_schritt_der_art(art, n, quote, fest, roh))
    if roh > bewilligt:
        n.schritte.append(f"Höchstens der bewilligte Betrag von {euro_text(bewilligt)}.")
    n.schritte.append(f"Zuwendung nach Prüfung: {euro_text(n.festgesetzt)}.")
    if n.rueckforderung:
        n.schritte.append(f"Ausgezahlt {euro_text(ausgezahlt)} − Zuwendung {euro_text(n.festgesetzt)} = "
                          f"Rückforderung {euro_text(n.rueckforderung)}.")
    elif n.nachzahlung:
        n.schritte.append(f"Ausgezahlt sind erst {euro_text(ausgezahlt)}: noch auszuzahlen sind "
                          f"{euro_text(n.nachzahlung)}.")
    else:
        n.schritte.append("Ausgezahlt ist genau die Zuwendung: nichts zurückzufordern, nichts nachzuzahlen.")
    return n


# --- reads --------------------------------------------------------------------------------------

def hat_einzelangaben(nachweis: Verwendungsnachweis) -> bool:
    """Whether the proof has the detailed figures (narrative, receipts or totals) rather than one sum."""
    return Nachweisangaben.objects.filter(nachweis=nachweis).exists()


def angaben(nachweis: Verwendungsnachweis) -> Nachweisangaben | None:
    return Nachweisangaben.objects.filter(nachweis=nachweis).first()


def ist_je_kategorie(nachweis: Verwendungsnachweis, *, einfach: bool) -> dict[str, Decimal]:
    """Actual expenses per category: the receipts' sums, or a simple proof's totals."""
    quelle = Nachweissumme.objects if einfach else Beleg.objects
    werte: dict[str, Decimal] = {}
    for kategorie, betrag in quelle.filter(nachweis=nachweis).values_list("kategorie", "betrag"):
        werte[kategorie] = werte.get(kategorie, NULL_EURO) + betrag
    return werte


def plan_je_kategorie(nachweis: Verwendungsnachweis) -> dict[str, Decimal] | None:
    """The planned expenses per category of the grant's year in the project's current plan; None: no plan."""
    bewilligung = nachweis.bewilligung
    plan = aktueller_plan(bewilligung.projekt)
    if plan is None:
        return None
    werte: dict[str, Decimal] = {}
    for p in plan.positionen.filter(jahr=bewilligung.jahr, kategorie__in=Planposition.AUSGABEN):
        werte[p.kategorie] = werte.get(p.kategorie, NULL_EURO) + p.betrag
    return werte


def plan_einnahmen(nachweis: Verwendungsnachweis) -> tuple[Decimal, Decimal]:
    """Own funds and other income (third-party funds and other programmes' grants) of the grant's year in the
    plan, the defaults of the actual figures a proof states."""
    bewilligung = nachweis.bewilligung
    plan = aktueller_plan(bewilligung.projekt)
    if plan is None:
        return NULL_EURO, NULL_EURO
    eigen = dritt = NULL_EURO
    for p in plan.positionen.filter(jahr=bewilligung.jahr).exclude(kategorie__in=Planposition.AUSGABEN):
        if p.kategorie == Planposition.Kategorie.EIGENMITTEL:
            eigen += p.betrag
        elif p.kategorie == Planposition.Kategorie.DRITTMITTEL or p.programm_id != bewilligung.programm_id:
            dritt += p.betrag
    return eigen, dritt


@dataclass
class Pruefung:
    """Everything the check page and the check note show of one proof."""

    angaben: Nachweisangaben
    ist: dict[str, Decimal]
    vergleich: Vergleich | None  # None: the project has no financing plan
    neuberechnung: Neuberechnung

    @property
    def ausgaben(self) -> Decimal:
        return sum(self.ist.values(), NULL_EURO)


def pruefung(nachweis: Verwendungsnachweis, *, ausgezahlt: Decimal,
             nicht_zuwendungsfaehig: Decimal | None = None) -> Pruefung | None:
    """The comparison and the recalculation; `nicht_zuwendungsfaehig` defaults to the uncovered excesses."""
    daten = angaben(nachweis)
    if daten is None:
        return None
    ist = ist_je_kategorie(nachweis, einfach=daten.einfach)
    plan = plan_je_kategorie(nachweis)
    vergleich = vergleichen(plan, ist) if plan is not None else None
    if nicht_zuwendungsfaehig is None:
        nicht_zuwendungsfaehig = vergleich.ungedeckt if vergleich else NULL_EURO
    bewilligung = nachweis.bewilligung
    zuwendung = Zuwendung.objects.filter(bewilligung=bewilligung).first()
    neu = neu_berechnen(zuwendung=zuwendung, bewilligt=bewilligung.betrag_bewilligt, ausgezahlt=ausgezahlt,
                        ausgaben=sum(ist.values(), NULL_EURO), nicht_zuwendungsfaehig=nicht_zuwendungsfaehig,
                        eigenmittel=daten.eigenmittel, drittmittel=daten.drittmittel)
    return Pruefung(angaben=daten, ist=ist, vergleich=vergleich, neuberechnung=neu)
