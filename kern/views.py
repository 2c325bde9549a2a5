"""The page of an export order: how far it got, and the file once it is stored."""

from __future__ import annotations

from django.conf import settings
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from . import exportauftraege
from .export import XLSX_TYP
from .models import Exportauftrag
from .zugriff import objekt_oder_404

DATEI_FEHLT = "Die Datei dieses Exports ist nicht mehr vorhanden. Bitte exportieren Sie erneut."
INHALTSTYP = {Exportauftrag.Format.CSV: "text/csv; charset=utf-8", Exportauftrag.Format.XLSX: XLSX_TYP}


def _auftrag(request, pk: int) -> Exportauftrag:
    auftrag = objekt_oder_404(request.user, Exportauftrag.objects.all(), pk=pk)
    if auftrag.status == Exportauftrag.Status.LAEUFT and exportauftraege.liegengeblieben(auftrag):
        exportauftraege.liegengebliebene_beenden()
        auftrag.refresh_from_db()
    return auftrag


def _kontext(auftrag: Exportauftrag) -> dict:
    wartend = auftrag.status == Exportauftrag.Status.WARTEND
    return {"auftrag": auftrag, "position": exportauftraege.position_in_warteschlange(auftrag) if wartend else None,
            "aufbewahrung_stunden": settings.EXPORT_AUFBEWAHRUNG_STUNDEN}


def auftrag(request, pk: int):
    """Asks again by itself (static script, or the reload link) until the file is stored or the export failed."""
    return render(request, "kern/exportauftrag.html", _kontext(_auftrag(request, pk)))


def auftrag_stand(request, pk: int):
    eintrag = _auftrag(request, pk)
    return JsonResponse({"abgeschlossen": eintrag.abgeschlossen, "status": eintrag.status,
                         "html": render_to_string("kern/_exportauftrag_stand.html", _kontext(eintrag), request)})


def herunterladen(request, pk: int):
    eintrag = _auftrag(request, pk)
    if eintrag.status != Exportauftrag.Status.FERTIG or not eintrag.datei:
        raise Http404(DATEI_FEHLT)
    try:
        datei = eintrag.datei.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404(DATEI_FEHLT) from exc
    antwort = FileResponse(datei, as_attachment=True, filename=eintrag.dateiname,
                           content_type=INHALTSTYP[eintrag.format])
    antwort["Cache-Control"] = "private, no-store"
    return antwort
