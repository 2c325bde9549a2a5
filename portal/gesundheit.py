"""The health URL for load balancers and monitoring: database and media storage, no personal data."""

import logging
import uuid

from django.contrib.auth.decorators import login_not_required
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

DATENBANK_FEHLT = "Die Datenbank ist nicht erreichbar."
ABLAGE_FEHLT = "Die Dateiablage ist nicht beschreibbar."


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


PRUEFUNGEN = {"datenbank": (_datenbank, DATENBANK_FEHLT), "ablage": (_ablage, ABLAGE_FEHLT)}


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
    return JsonResponse({"status": "ok" if gesund else "fehler", "pruefungen": ergebnisse},
                        status=200 if gesund else 503, json_dumps_params={"ensure_ascii": False})
