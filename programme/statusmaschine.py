"""The life cycle of a project: every allowed status change, the one way each may happen, and in
which project states requests, grants and payouts are accepted.

The services of programme.services move a project only through `status_wechseln`, naming the way;
a change of status that touches money happens only in the service that moves the money.
ARCHITECTURE.md draws this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from kern.fehler import Regelverstoss

from .models import Projekt

S = Projekt.Status

# The ways a project changes its status.
ANTRAG = "antrag"  # bewilligung_beantragen: a request is made
BEWILLIGUNG = "bewilligung"  # projekt_bewilligen: a request is granted
ABLEHNUNG = "ablehnung"  # bewilligung_ablehnen: the last open request is refused
AUSZAHLUNG = "auszahlung"  # auszahlung_anweisen: the first payout
PRUEFUNG = "pruefung"  # verwendungsnachweis_pruefen / projekt_abschliessen: every proof of use checked
HAND = "hand"  # projekt_status_setzen: the status form on the project page


@dataclass(frozen=True)
class Uebergang:
    von: str
    nach: str
    wege: frozenset[str]
    bedingung: str

    @property
    def von_hand(self) -> bool:
        return HAND in self.wege


UEBERGAENGE: tuple[Uebergang, ...] = (
    Uebergang(S.ENTWURF, S.BEANTRAGT, frozenset({ANTRAG}), "ein Antrag auf Förderung gestellt wird"),
    Uebergang(S.BEANTRAGT, S.BEWILLIGT, frozenset({BEWILLIGUNG}), "die Verwaltung einen Antrag bewilligt"),
    Uebergang(S.BEANTRAGT, S.ABGELEHNT, frozenset({ABLEHNUNG}),
              "die Verwaltung den letzten offenen Antrag ablehnt"),
    Uebergang(S.BEANTRAGT, S.ENTWURF, frozenset({HAND}), "die offenen Anträge dabei zurückgezogen werden"),
    Uebergang(S.BEWILLIGT, S.LAUFEND, frozenset({AUSZAHLUNG, HAND}), "die erste Auszahlung angewiesen wird oder das Projekt beginnt"),
    Uebergang(S.LAUFEND, S.ABGESCHLOSSEN, frozenset({HAND}), "kein Antrag mehr offen ist"),
    Uebergang(S.ABGESCHLOSSEN, S.NACHWEIS_GEPRUEFT, frozenset({PRUEFUNG}),
              "alle Verwendungsnachweise des Projekts geprüft sind"),
)
_TABELLE = {(u.von, u.nach): u for u in UEBERGAENGE}

# Project states in which each money step is accepted.
ANTRAG_ERLAUBT_IN = frozenset({S.ENTWURF, S.BEANTRAGT, S.BEWILLIGT, S.LAUFEND})
BEWILLIGUNG_ERLAUBT_IN = frozenset({S.BEANTRAGT, S.BEWILLIGT, S.LAUFEND})
AUSZAHLUNG_ERLAUBT_IN = frozenset({S.BEWILLIGT, S.LAUFEND, S.ABGESCHLOSSEN})

STATUS_UNZULAESSIG = "Ein Projekt im Status „{von}“ kann nicht in den Status „{nach}“ wechseln."
NUR_UEBER = "Den Status „{nach}“ bekommt ein Projekt nur, wenn {bedingung}; von Hand lässt er sich nicht setzen."
VORGANG_IN_STATUS_UNZULAESSIG = "Für ein Projekt im Status „{status}“ kann {vorgang}."


def uebergang(von: str, nach: str) -> Uebergang | None:
    return _TABELLE.get((von, nach))


def von_hand_erreichbar(von: str) -> list[str]:
    """The states a project in `von` may be moved to with the status form."""
    return [u.nach for u in UEBERGAENGE if u.von == von and u.von_hand]


def uebergang_pruefen(projekt: Projekt, nach: str, weg: str) -> Uebergang:
    """The transition from the project's status to `nach` by `weg`, or the German refusal."""
    u = uebergang(projekt.status, nach)
    if u is None:
        raise Regelverstoss(STATUS_UNZULAESSIG.format(von=S(projekt.status).label, nach=S(nach).label))
    if weg not in u.wege:
        raise Regelverstoss(NUR_UEBER.format(nach=S(nach).label, bedingung=u.bedingung))
    return u


def vorgang_pruefen(projekt: Projekt, erlaubt_in: frozenset[str], vorgang: str) -> None:
    """Refuse a request, grant or payout on a project whose state does not allow it."""
    if projekt.status not in erlaubt_in:
        raise Regelverstoss(VORGANG_IN_STATUS_UNZULAESSIG.format(status=projekt.get_status_display(),
                                                                 vorgang=vorgang))
