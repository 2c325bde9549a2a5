"""Exports too large for their request: the list files an order, a worker writes the file.

Each exportable list declares itself once as a `Liste` (name, columns, how to build its filterset for a
user and the query parameters); `kern.listen.gefilterte_liste` renders it, streams small exports and
hands large ones to `beauftragen`, which stores an Exportauftrag and enqueues `export_ausfuehren` in the
same transaction. The worker rebuilds the filterset for the requester (their scope, as it is when the
export runs), writes CSV or XLSX into a temporary file and stores it in the media storage only when
every row is written: a failed export leaves its order "fehlgeschlagen" with a German message and no
file. `aufraeumen` removes finished orders and their files after the retention period and ends orders
a killed worker left "wird erstellt".
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django_tasks import task

from .export import Spalte, csv_schreiben, xlsx_schreiben
from .models import Exportauftrag
from .zeit import heute

logger = logging.getLogger("kern.exportauftraege")

Status = Exportauftrag.Status
UNERWARTETER_FEHLER = ("Der Export konnte nicht erstellt werden; es wurde keine Datei gespeichert. Die technischen "
                       "Einzelheiten stehen im Protokoll. Bitte versuchen Sie es später noch einmal.")
FILTER_UNGUELTIG = "Der Export wurde nicht erstellt: die Filterangaben sind nicht (mehr) gültig."
LISTE_UNBEKANNT = "Der Export wurde nicht erstellt: diese Liste gibt es nicht mehr."
ABGEBROCHEN = ("Der Export wurde abgebrochen: er war nach {minuten} Minuten noch nicht fertig (der Prozess, der ihn "
               "erstellte, wurde vermutlich beendet). Es wurde keine Datei gespeichert; bitte exportieren Sie erneut.")
# Parameters of the page, not of the filter.
OHNE = ("format", "seite")

_LISTEN: dict[str, Liste] = {}


@dataclass(frozen=True)
class Liste:
    """An exportable list: `filterset(user, daten)` builds its filterset (scoped to the user) from the
    query parameters; `exportzeilen`, if given, turns the filtered queryset into the rows to export, and
    `seitenzeilen` the rows of one page (a list) into the rows the page shows."""

    name: str
    titel: str
    spalten: list[Spalte]
    filterset: Callable
    exportzeilen: Callable | None = None
    seitenzeilen: Callable | None = None
    dateiname_praefix: str = ""
    blatt: str = "Export"

    def __post_init__(self):
        vorhanden = _LISTEN.get(self.name)
        if vorhanden is not None and vorhanden.filterset is not self.filterset:
            raise ValueError(f"Exportliste {self.name!r} ist schon vergeben.")
        _LISTEN[self.name] = self

    def dateiname(self) -> str:
        return f"{self.dateiname_praefix or self.titel}_{heute():%Y-%m-%d}"

    def zeilen(self, zeilen):
        """The rows to export from the filtered queryset."""
        return self.exportzeilen(zeilen) if self.exportzeilen is not None else zeilen


def liste(name: str) -> Liste | None:
    """The list of that name; in a worker the lists are declared once the URLconf's views are imported."""
    if name not in _LISTEN:
        import_module(settings.ROOT_URLCONF)
    return _LISTEN.get(name)


def schwelle(format_: str) -> int:
    return settings.EXPORT_SCHWELLE_XLSX if format_ == Exportauftrag.Format.XLSX else settings.EXPORT_SCHWELLE_CSV


def filterdaten(daten: QueryDict) -> dict[str, list[str]]:
    return {schluessel: werte for schluessel, werte in daten.lists() if schluessel not in OHNE}


def _querydict(parameter: dict[str, list[str]]) -> QueryDict:
    daten = QueryDict(mutable=True)
    for schluessel, werte in parameter.items():
        daten.setlist(schluessel, list(werte))
    return daten


def beauftragen(*, liste_: Liste, format_: str, daten: QueryDict, zeilen_gesamt: int, durch) -> Exportauftrag:
    auftrag = Exportauftrag(beauftragt_von=durch, art=liste_.name, titel=liste_.titel, format=format_,
                            parameter=filterdaten(daten), zeilen_gesamt=zeilen_gesamt,
                            dateiname=f"{liste_.dateiname()}.{format_}")
    with transaction.atomic():
        auftrag.save()
        export_ausfuehren.enqueue(auftrag.pk)
    auftrag.refresh_from_db()
    return auftrag


def _stand(auftrag: Exportauftrag, status: str, **felder) -> None:
    auftrag.status = status
    for name, wert in felder.items():
        setattr(auftrag, name, wert)
    auftrag.save(update_fields=["status", *felder])


def _fortschritt(auftrag_id: int) -> Callable[[int], None]:
    def melden(anzahl: int) -> None:
        Exportauftrag.objects.filter(pk=auftrag_id, status=Status.LAEUFT).update(zeilen_fertig=anzahl)
    return melden


def _schreiben(auftrag: Exportauftrag, liste_: Liste, filterset) -> None:
    """Writes the file into a temporary file and stores it only when complete."""
    schreiber = xlsx_schreiben if auftrag.format == Exportauftrag.Format.XLSX else csv_schreiben
    extra = {"blatt": liste_.blatt} if auftrag.format == Exportauftrag.Format.XLSX else {}
    with tempfile.TemporaryFile() as datei:
        anzahl = schreiber(datei, liste_.spalten, liste_.zeilen(filterset.qs), fortschritt=_fortschritt(auftrag.pk),
                           **extra)
        datei.seek(0)
        auftrag.datei.save(auftrag.dateiname, File(datei), save=False)
    try:
        _stand(auftrag, Status.FERTIG, datei=auftrag.datei.name, zeilen_fertig=anzahl, beendet_am=timezone.now())
    except Exception:
        auftrag.datei.delete(save=False)
        raise


def ausfuehren(auftrag_id: int) -> str:
    """Writes the export the order asks for; the order ends done (with its file) or failed (with the reason)."""
    with transaction.atomic():
        auftrag = Exportauftrag.objects.select_for_update(of=("self",)).select_related("beauftragt_von").get(
            pk=auftrag_id)
        if auftrag.status != Status.WARTEND:
            return auftrag.status
        _stand(auftrag, Status.LAEUFT, gestartet_am=timezone.now())
    liste_ = liste(auftrag.art)
    if liste_ is None:
        _stand(auftrag, Status.FEHLGESCHLAGEN, meldung=LISTE_UNBEKANNT, beendet_am=timezone.now())
        return auftrag.status
    filterset = liste_.filterset(auftrag.beauftragt_von, _querydict(auftrag.parameter) or None)
    if filterset.is_bound and not filterset.is_valid():
        _stand(auftrag, Status.FEHLGESCHLAGEN, meldung=FILTER_UNGUELTIG, beendet_am=timezone.now())
        return auftrag.status
    try:
        _schreiben(auftrag, liste_, filterset)
    except Exception:
        logger.exception("Exportauftrag %s fehlgeschlagen", auftrag_id)
        auftrag.datei = ""
        _stand(auftrag, Status.FEHLGESCHLAGEN, datei="", meldung=UNERWARTETER_FEHLER, beendet_am=timezone.now())
        raise
    return auftrag.status


@task()
def export_ausfuehren(auftrag_id: int) -> str:
    return ausfuehren(auftrag_id)


def _zeitgrenze(jetzt: dt.datetime | None = None) -> dt.datetime:
    return (jetzt or timezone.now()) - dt.timedelta(minutes=settings.EXPORT_ZEITLIMIT_MINUTEN)


def liegengeblieben(auftrag: Exportauftrag) -> bool:
    return auftrag.status == Status.LAEUFT and auftrag.gestartet_am is not None and auftrag.gestartet_am < _zeitgrenze()


def liegengebliebene_beenden(jetzt: dt.datetime | None = None) -> int:
    """Orders "wird erstellt" for longer than EXPORT_ZEITLIMIT_MINUTEN: their worker is gone; they fail."""
    jetzt = jetzt or timezone.now()
    return Exportauftrag.objects.filter(status=Status.LAEUFT, gestartet_am__lt=_zeitgrenze(jetzt)).update(
        status=Status.FEHLGESCHLAGEN, meldung=ABGEBROCHEN.format(minuten=settings.EXPORT_ZEITLIMIT_MINUTEN),
        beendet_am=jetzt)


def alte_entfernen(jetzt: dt.datetime | None = None) -> int:
    """Finished orders older than EXPORT_AUFBEWAHRUNG_STUNDEN go, with their files."""
    grenze = (jetzt or timezone.now()) - dt.timedelta(hours=settings.EXPORT_AUFBEWAHRUNG_STUNDEN)
    alte = Exportauftrag.objects.filter(status__in=[Status.FERTIG, Status.FEHLGESCHLAGEN], beendet_am__lt=grenze)
    anzahl = 0
    for auftrag in alte.iterator():
        if auftrag.datei:
            auftrag.datei.delete(save=False)
        auftrag.delete()
        anzahl += 1
    return anzahl


def position_in_warteschlange(auftrag: Exportauftrag) -> int:
    return Exportauftrag.objects.filter(status=Status.WARTEND, pk__lte=auftrag.pk).count()

