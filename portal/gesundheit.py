"""The health URL for load balancers and monitoring: database, media storage and task queue, no personal data."""

import logging
import uuid

from django.conf import settings

from django.contrib.auth.decorators import login_not_required
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import Count, Max, Min
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

DATENBANK_FEHLT = "Die Datenbank ist nicht erreichbar."
ABLAGE_FEHLT = "Die Dateiablage ist nicht beschreibbar."
WARTESCHLANGE_STEHT = ("Die Warteschlange wird nicht abgearbeitet: die älteste Aufgabe wartet länger als erlaubt. "
                       "Läuft ein Worker (manage.py db_worker)?")


def _datenbank() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _ablage() -> bool:
    # A file of our own under a fresh name: written, read back and removed (S3 works alike).
    name = default_storage.save(f"gesundheit/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as datei:
            return datei.read() == b"ok"
    finally:
        default_storage.delete(name)


def _datenbank_warteschlange() -> bool:
    return any(k["BACKEND"].startswith("django_tasks_db.") for k in settings.TASKS.values())


def warteschlange_kennzahlen() -> dict | None:
    """Waiting tasks, how long the oldest has waited, and when a worker last took one; None without a queue
    in the database (tasks then run at once)."""
    if not _datenbank_warteschlange():
        return None
    from django_tasks_db.models import DBTaskResult

    jetzt = timezone.now()
    wartend = DBTaskResult.objects.ready().aggregate(anzahl=Count("pk"), aelteste=Min("enqueued_at"))
    anzahl = wartend["anzahl"]
    zuletzt = DBTaskResult.objects.aggregate(m=Max("started_at"))["m"]
    return {
        "wartend": anzahl,
        "aelteste_wartet_sekunden": int((jetzt - wartend["aelteste"]).total_seconds()) if anzahl else 0,
        "worker_zuletzt_gesehen": zuletzt.isoformat(timespec="seconds") if zuletzt else None,
    }


def _warteschlange() -> bool:
    kennzahlen = warteschlange_kennzahlen()
    return kennzahlen is None or kennzahlen["aelteste_wartet_sekunden"] <= settings.WARTESCHLANGE_MAX_WARTEZEIT


PRUEFUNGEN = {"datenbank": (_datenbank, DATENBANK_FEHLT), "ablage": (_ablage, ABLAGE_FEHLT),
              "warteschlange": (_warteschlange, WARTESCHLANGE_STEHT)}


@login_not_required
@never_cache
@require_GET
def gesundheit(request):
    ergebnisse, gesund = {}, True
    for name, (pruefung, meldung) in PRUEFUNGEN.items():
        try:
            in_ordnung = pruefung()
        except Exception:
            # The details (host names, paths, credentials in a DSN) go to the log only.
            logger.exception("Gesundheitsprüfung %s fehlgeschlagen", name)
            in_ordnung = False
        ergebnisse[name] = "ok" if in_ordnung else meldung
        gesund = gesund and in_ordnung
    antwort = {"status": "ok" if gesund else "fehler", "pruefungen": ergebnisse}
    if ergebnisse["datenbank"] == "ok" and _datenbank_warteschlange():
        try:
            antwort["warteschlange"] = warteschlange_kennzahlen()
        except Exception:
            logger.exception("Kennzahlen der Warteschlange nicht lesbar")
    return JsonResponse(antwort, status=200 if gesund else 503, json_dumps_params={"ensure_ascii": False})
