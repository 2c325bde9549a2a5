"""Expensive figures kept in the cache until the data they come from changes.

The key of a cached figure holds the data state: the number in the one row of `Datenstand`, which
grows after every committed transaction that saved, deleted or re-linked a row of the portal's
apps (`DATENSTAND_APPS`), and a counter of this process that grows at once with each such change,
so that the process that made a change never reads an older figure, even before its commit.
Every process of every host reads the same row, so a change made in one is seen by all with
their next request; the values themselves stay in each process's own cache.

Changes that bypass the model signals (`QuerySet.update()`, `bulk_create`) call `geaendert()`
themselves. The key also holds the date (deadlines and "next meetings" move at midnight).
"""

from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

from .zeit import heute

T = TypeVar("T")

SCHLUESSEL_PRAEFIX = "datenstand"
_lokal = itertools.count(1)
_lokaler_stand = 0


# Within a request the shared number is read once (DatenstandMiddleware); the own counter every time.
_anfrage: ContextVar[dict | None] = ContextVar("datenstand_anfrage", default=None)


def stand() -> str:
    """The data state as seen by this process now: the shared number and the process's own counter."""
    from .models import Datenstand

    gemerkt = _anfrage.get()
    geteilt = None if gemerkt is None else gemerkt.get("geteilt")
    if geteilt is None:
        geteilt = Datenstand.objects.filter(pk=1).values_list("stand", flat=True).first() or 0
        if gemerkt is not None:
            gemerkt["geteilt"] = geteilt
    return f"{geteilt}.{_lokaler_stand}"


class DatenstandMiddleware:
    """Lets every cached figure of a request share one read of the data state."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        marke = _anfrage.set({})
        try:
            return self.get_response(request)
        finally:
            _anfrage.reset(marke)


def _erhoehen() -> None:
    from .models import Datenstand

    if not Datenstand.objects.filter(pk=1).update(stand=F("stand") + 1):
        Datenstand.objects.get_or_create(pk=1, defaults={"stand": 1})


def neu_beginnen() -> None:
    """After the data was replaced as a whole (a restored backup brings back an older number): a number no
    state had before, the time in milliseconds, far above any count of transactions."""
    from .models import Datenstand

    Datenstand.objects.update_or_create(pk=1, defaults={"stand": time.time_ns() // 1_000_000})


def geaendert(using: str = DEFAULT_DB_ALIAS) -> None:
    """Marks the data as changed: at once for this process, for all others once the transaction commits
    (at once outside a transaction). One write per transaction, however many rows it changes."""
    global _lokaler_stand
    _lokaler_stand = next(_lokal)
    verbindung = connections[using]
    if any(aufgabe is _erhoehen for _, aufgabe, _ in verbindung.run_on_commit):
        return
    transaction.on_commit(_erhoehen, using=using, robust=True)


def zwischengespeichert(teil: str, berechnen: Callable[[], T], *schluessel, datenstand: str | None = None) -> T:
    """`berechnen()` once per data state, day and `schluessel` (for example the user it is computed for, or
    the SQL of the query it runs)."""
    datenstand = datenstand or stand()
    # Key parts can be long (a query's SQL): hashed, so that every cache backend takes the key.
    teile = hashlib.sha256("\x1f".join(map(str, schluessel)).encode()).hexdigest()
    voll = ":".join([SCHLUESSEL_PRAEFIX, teil, datenstand, heute().isoformat(), teile])
    wert = cache.get(voll)
    if wert is None:
        wert = berechnen()
        cache.set(voll, wert, settings.DATENSTAND_CACHE_SEKUNDEN)
    return wert


def abfrage_schluessel(queryset) -> str | None:
    """What identifies a queryset's rows for the cache: its database and SQL with parameters; None for a
    queryset that asks nothing (`none()`)."""
    try:
        return f"{queryset.db}:{queryset.query}"
    except EmptyResultSet:
        return None


def _betroffen(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    return meta is not None and meta.app_label in settings.DATENSTAND_APPS and meta.label not in AUSGENOMMEN


# Rows that are not data any figure is computed from: the data state itself and the progress of orders.
AUSGENOMMEN = {"kern.Datenstand", "kern.Exportauftrag"}


def _signal(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if _betroffen(sender):
        geaendert(using)


def verbinden() -> None:
    post_save.connect(_signal, dispatch_uid="datenstand_post_save")
    post_delete.connect(_signal, dispatch_uid="datenstand_post_delete")
    m2m_changed.connect(_m2m, dispatch_uid="datenstand_m2m")


def _m2m(sender, action: str, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear") and _betroffen(sender):
        geaendert(using)
