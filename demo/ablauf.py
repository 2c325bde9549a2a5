"""The order in which the demo data is loaded, in one transaction: places and people first, then money,
bodies and meetings, last the published documents that show them."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from kern import zeit

from .laden import (beteiligung, berichte, fristen, karte, konten, mittelabruf, nachweis, programme, quartiere,
                    rueckforderung, zuwendung)
from .laden.basis import Kontext

SCHRITTE = [
    quartiere.gebiete_laden,
    quartiere.organisationen_laden,
    quartiere.personen_laden,
    konten.logins_laden,
    quartiere.quartiersmanagements_laden,
    quartiere.einrichtungen_laden,
    quartiere.indikatoren_laden,
    karte.karte_und_sozialindex_laden,
    programme.vokabular_laden,
    programme.programme_laden,
    zuwendung.vorgaben_laden,
    programme.projekte_laden,
    programme.alltagsprojekte_laden,
    zuwendung.plaene_und_bescheide_laden,
    fristen.zwischennachweise_laden,
    nachweis.nachweise_laden,
    rueckforderung.rueckforderungen_laden,
    mittelabruf.mittelabrufe_laden,
    beteiligung.zwk_beirat_laden,
    beteiligung.leverkusen_quartiere_laden,
    beteiligung.leverkusen_rat_laden,
    beteiligung.win_foren_laden,
    beteiligung.zugabe_laden,
    beteiligung.sitzungen_dokumentieren,
    beteiligung.strukturmodelle_laden,
    beteiligung.taetigkeiten_laden,
    berichte.berichte_laden,
]


def laden(heute: dt.date | None = None) -> Kontext:
    k = Kontext(heute=heute or zeit.heute())
    with transaction.atomic():
        for schritt in SCHRITTE:
            schritt(k)
    return k
