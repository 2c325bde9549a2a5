"""The base rates of § 247 BGB that ship with the portal, and loading them where they are missing (the data
migration, the demo, tests after a transactional test emptied the tables). Staff add later ones in the portal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

QUELLE = "Deutsche Bundesbank"

# Base rates of § 247 BGB as the Deutsche Bundesbank published them, 1 January and 1 July of each year.
BASISZINSSAETZE = [
    ("2002-01-01", "2.57"), ("2002-07-01", "2.47"), ("2003-01-01", "1.97"), ("2003-07-01", "1.22"),
    ("2004-01-01", "1.14"), ("2004-07-01", "1.13"), ("2005-01-01", "1.21"), ("2005-07-01", "1.17"),
    ("2006-01-01", "1.37"), ("2006-07-01", "1.95"), ("2007-01-01", "2.70"), ("2007-07-01", "3.19"),
    ("2008-01-01", "3.32"), ("2008-07-01", "3.19"), ("2009-01-01", "1.62"), ("2009-07-01", "0.12"),
    ("2010-01-01", "0.12"), ("2010-07-01", "0.12"), ("2011-01-01", "0.12"), ("2011-07-01", "0.37"),
    ("2012-01-01", "0.12"), ("2012-07-01", "0.12"), ("2013-01-01", "-0.13"), ("2013-07-01", "-0.38"),
    ("2014-01-01", "-0.63"), ("2014-07-01", "-0.73"), ("2015-01-01", "-0.83"), ("2015-07-01", "-0.83"),
    ("2016-01-01", "-0.83"), ("2016-07-01", "-0.88"), ("2017-01-01", "-0.88"), ("2017-07-01", "-0.88"),
    ("2018-01-01", "-0.88"), ("2018-07-01", "-0.88"), ("2019-01-01", "-0.88"), ("2019-07-01", "-0.88"),
    ("2020-01-01", "-0.88"), ("2020-07-01", "-0.88"), ("2021-01-01", "-0.88"), ("2021-07-01", "-0.88"),
    ("2022-01-01", "-0.88"), ("2022-07-01", "-0.88"), ("2023-01-01", "1.62"), ("2023-07-01", "3.12"),
    ("2024-01-01", "3.62"), ("2024-07-01", "3.37"), ("2025-01-01", "2.27"), ("2025-07-01", "1.27"),
    ("2026-01-01", "1.27"), ("2026-07-01", "1.52"),
]


def basiszinssaetze_sichern(modell=None) -> int:
    """Create the shipped rates that are missing; `modell` is the historical model in a migration."""
    if modell is None:
        from .rueckforderung import Basiszinssatz as modell
    vorhanden = set(modell.objects.values_list("gueltig_ab", flat=True))
    neu = [modell(gueltig_ab=dt.date.fromisoformat(tag), satz=Decimal(satz), quelle=QUELLE)
           for tag, satz in BASISZINSSAETZE if dt.date.fromisoformat(tag) not in vorhanden]
    modell.objects.bulk_create(neu)
    return len(neu)
