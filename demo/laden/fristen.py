"""Deadlines in the demo: the grants made by the loaders before have their interim proofs (set by the grant
service). Most past ones are submitted shortly before their deadline and checked two weeks later, through the
services; some stay unchecked and some overdue, so the work basket shows every row kind."""

from __future__ import annotations

import datetime as dt

from programme import fristen_services
from programme.models import Zwischennachweis

from .basis import Kontext

SACHBERICHT = ("Das Projekt lief im Jahr {jahr} wie geplant: die Angebote fanden regelmäßig statt, die Zielgruppen "
               "wurden erreicht; die Mittel des Jahres wurden für Honorare und Sachkosten verwendet. Im Folgejahr "
               "wird es fortgesetzt.")


def zwischennachweise_laden(k: Kontext) -> None:
    offen = (Zwischennachweis.objects.filter(eingereicht_am__isnull=True, faellig_am__lt=k.heute)
             .select_related("bewilligung__projekt").order_by("faellig_am", "pk"))
    for zn in offen:
        # Decided by the row itself, so loading twice changes nothing.
        if zn.bewilligung_id % 9 == 4:
            continue  # stays overdue
        eingereicht = max(dt.date(zn.jahr + 1, 1, 15), zn.faellig_am - dt.timedelta(days=3 + zn.pk % 20))
        zn = fristen_services.zwischennachweis_einreichen(zwischennachweis=zn, sachbericht=SACHBERICHT.format(
            jahr=zn.jahr), durch=k.verwaltung, datum=eingereicht)
        geprueft = eingereicht + dt.timedelta(days=14)
        if zn.pk % 7 != 3 and geprueft < k.heute:
            fristen_services.zwischennachweis_pruefen(zwischennachweis=zn, durch=k.verwaltung, datum=geprueft)
