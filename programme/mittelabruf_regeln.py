"""The arithmetic of calling funds, without queries: the spending window of a programme and what of a grant
may still be called. The services and the pages both use it, so the page shows what the service accepts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kern.format import messwert
from kern.rollen import ist_quartiersmanagement, ist_verwaltung

from .models import NULL_EURO, Projekt
from .permissions import kann_projekt_bearbeiten
from .zuwendung import Programmvorgaben
from .zuwendung_regeln import monate_spaeter

CENT = Decimal("0.01")

# singular and dative plural of each unit, as in "binnen einer Woche", "binnen 6 Wochen"
EINHEITEN = {"tage": ("einem Tag", "Tagen"), "wochen": ("einer Woche", "Wochen"), "monate": ("einem Monat", "Monaten")}


def fristtext(vorgaben: Programmvorgaben) -> str:
    """'6 Wochen', '2 Monaten', 'einer Woche': the window as it follows 'binnen'."""
    einzahl, mehrzahl = EINHEITEN[vorgaben.abruf_frist_einheit]
    return einzahl if vorgaben.abruf_frist == 1 else f"{vorgaben.abruf_frist} {mehrzahl}"


def abrufregel(vorgaben: Programmvorgaben) -> str:
    """The programme's rule on calling funds as one German sentence for the pages."""
    teile = [f"Mittel werden abgerufen, soweit sie binnen {fristtext(vorgaben)} verwendet werden",
             "in Teilbeträgen" if vorgaben.abruf_teilbetraege else "in einem einzigen Abruf"]
    if vorgaben.abruf_schlussrate:
        teile.append(f"eine Schlussrate von {messwert(vorgaben.abruf_schlussrate)} % erst nach Prüfung des "
                     "Verwendungsnachweises")
    return "; ".join(teile) + "."


def _spaeter(tag: dt.date, anzahl: int, einheit: str) -> dt.date:
    if einheit == "tage":
        return tag + dt.timedelta(days=anzahl)
    if einheit == "wochen":
        return tag + dt.timedelta(weeks=anzahl)
    return monate_spaeter(tag, anzahl)


def spaetestens_verwenden(vorgaben: Programmvorgaben, abruf_am: dt.date) -> dt.date:
    """The last day by which money called on `abruf_am` may be spent."""
    return _spaeter(abruf_am, vorgaben.abruf_frist, vorgaben.abruf_frist_einheit)


def fruehester_abruf(vorgaben: Programmvorgaben, verwenden_bis: dt.date) -> dt.date:
    """The first day on which a call for money spent by `verwenden_bis` may be made."""
    anzahl, einheit = vorgaben.abruf_frist, vorgaben.abruf_frist_einheit
    tag = _spaeter(verwenden_bis, -anzahl, einheit)
    # Months are uneven: 31 March less one month is 28 February, whose window ends on 28 March.
    while _spaeter(tag, anzahl, einheit) < verwenden_bis:
        tag += dt.timedelta(days=1)
    return tag


@dataclass(frozen=True)
class Abrufstand:
    """What of a grant is paid, asked for, held back and still callable."""

    bewilligt: Decimal
    ausgezahlt: Decimal
    offen: Decimal  # requested, not yet decided
    einbehalt: Decimal  # the final instalment held back until the proof of use is checked
    schlussrate_prozent: Decimal
    nach_pruefung: bool  # the proof of use is checked: what is called now is the final instalment
    gesperrt: bool  # a reclaim is set: nothing more is paid
    abrufbar: Decimal


def abrufstand(*, bewilligt: Decimal | None, zurueckgefordert: Decimal, ausgezahlt: Decimal, offen: Decimal,
               vorgaben: Programmvorgaben, geprueft: bool, verwendet: Decimal | None) -> Abrufstand:
    """Before the check the grant less the held-back final instalment may be called; after a check that
    reclaimed nothing the rest up to the proven expenses (a grant never exceeds them); after a reclaim nothing."""
    bewilligt = bewilligt or NULL_EURO
    prozent = vorgaben.abruf_schlussrate
    gesperrt = zurueckgefordert > 0
    if gesperrt:
        einbehalt, obergrenze = NULL_EURO, NULL_EURO
    elif not geprueft:
        einbehalt = (bewilligt * prozent / 100).quantize(CENT, rounding=ROUND_HALF_UP)
        obergrenze = bewilligt - einbehalt
    else:
        einbehalt = NULL_EURO
        obergrenze = bewilligt if verwendet is None else min(bewilligt, verwendet)
    abrufbar = max(obergrenze - ausgezahlt - offen, NULL_EURO)
    return Abrufstand(bewilligt=bewilligt, ausgezahlt=ausgezahlt, offen=offen, einbehalt=einbehalt,
                      schlussrate_prozent=prozent, nach_pruefung=geprueft and not gesperrt, gesperrt=gesperrt,
                      abrufbar=abrufbar)


# --- who may -----------------------------------------------------------------------------------

def kann_mittelabrufe_sehen(user) -> bool:
    """Staff, and managers for their areas' projects (MittelabrufQuerySet.sichtbar_fuer); never council."""
    return ist_verwaltung(user) or ist_quartiersmanagement(user)


def kann_mittel_abrufen(user, projekt: Projekt) -> bool:
    """Call funds and report them spent: staff, and the managers of the project's area."""
    return kann_mittelabrufe_sehen(user) and kann_projekt_bearbeiten(user, projekt)


def kann_mittelabrufe_entscheiden(user) -> bool:
    return ist_verwaltung(user)
