"""What every loader shares: the context of one load, the idempotent get-or-update and the stable spread.

Every loader looks rows up by their natural key and writes only what is missing or changed, so loading
twice leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.contrib.auth.models import User

from demo.daten import STAEDTE
from kern.speichern import speichern
from quartiere.models import Gebiet, Organisation, Person


@dataclass
class Kontext:
    """The rows of one load by their keys in demo.daten, filled step by step."""

    heute: dt.date
    gebiete: dict[str, Gebiet] = field(default_factory=dict)
    staedte: dict[str, Gebiet] = field(default_factory=dict)
    orgs: dict[tuple[str, str], Organisation] = field(default_factory=dict)
    personen: dict[str, Person] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    programme: dict[str, object] = field(default_factory=dict)
    handlungsfelder: dict[str, object] = field(default_factory=dict)
    zielgruppen: dict[str, object] = field(default_factory=dict)
    projekte: dict[str, object] = field(default_factory=dict)
    bewilligungen: dict[tuple[str, str, int], object] = field(default_factory=dict)
    gremien: dict[str, object] = field(default_factory=dict)
    # Meetings held and filled in, whose documentation is closed once all their parts are recorded.
    zu_dokumentieren: dict[int, tuple[dt.date, Person | None]] = field(default_factory=dict)

    def org(self, stadt: str, name: str) -> Organisation:
        return self.orgs[(stadt, name)]

    @property
    def verwaltung(self) -> User:
        return self.users["verwaltung"]


def sichern(model, defaults: dict | None = None, **lookup):
    """get_or_create that also updates changed fields, and saves nothing when all is equal.

    For master data that staff keep in the admin (areas, organisations, people, bodies, programmes):
    each row is validated like every service's write (kern.speichern), by the loading system.
    """
    defaults = defaults or {}
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **defaults)
        speichern(obj, None)
        return obj
    geaendert = [k for k, v in defaults.items() if getattr(obj, k) != v]
    if geaendert:
        for k in geaendert:
            setattr(obj, k, defaults[k])
        speichern(obj, None)
    return obj


def m2m_setzen(manager, objekte) -> None:
    neu = {o.pk for o in objekte}
    if set(manager.values_list("pk", flat=True)) != neu:
        manager.set(objekte)


def je_stadt(name: str) -> list[tuple[str, object]]:
    """(city, entry) for the entries of the table `name` of every city module, in loading order."""
    return [(stadt.GEBIETE.name, eintrag) for stadt in STAEDTE for eintrag in getattr(stadt, name)]


def streuung(text: str) -> float:
    """A stable number in [0, 1) per name, so the values look different but never change."""
    return int(hashlib.md5(text.encode()).hexdigest()[:6], 16) / 0x1000000


def datum(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def monatsende(d: dt.date) -> dt.date:
    naechster = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return naechster - dt.timedelta(days=1)
