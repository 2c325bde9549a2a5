"""German error pages for 400, 403, 404 and 500 (settings DEBUG=0; DEBUG=1 shows Django's own).

A refusal raised by our own code (`PermissionDenied("…")`, `Http404("…")`) carries a German reason
meant for the user; it is shown on the page. Django's own messages (English, and sometimes naming
models or URL patterns) are replaced by a generic German text.

The 500 page is rendered without the request, so no context processor, session or database query
can fail while the portal reports a failure; the other pages fall back to that plain rendering too.
"""

import logging

from django.http import HttpResponse
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

# Packages whose refusals speak to the user in German.
EIGENE_PAKETE = frozenset({"kern", "quartiere", "programme", "beteiligung", "berichte", "oparl", "demo", "portal"})

NOTTEXT = ("<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Fehler – Quartiersportal"
           "</title></head><body><h1>Ein Fehler ist aufgetreten</h1><p>Bitte versuchen Sie es später erneut."
           "</p><p><a href=\"/\">Zur Startseite</a></p></body></html>")


def grund_der_ablehnung(exception: BaseException | None) -> str:
    """The exception's message if our own code raised it with a text, else ""."""
    if exception is None or not exception.args or not isinstance(exception.args[0], str):
        return ""
    traceback = exception.__traceback__
    if traceback is None:
        return ""
    while traceback.tb_next is not None:
        traceback = traceback.tb_next
    modul = traceback.tb_frame.f_globals.get("__name__", "")
    return exception.args[0].strip() if modul.partition(".")[0] in EIGENE_PAKETE else ""


def _zurueck(request) -> str:
    """The referring page, if it is one of ours (a way back that needs no script)."""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: the very reason of some 400s
        return ""
    if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={host},
                                                   require_https=request.is_secure()):
        return referer
    return ""


def _seite(request, vorlage: str, status: int, grund: str = "") -> HttpResponse:
    kontext = {"grund": grund}
    if request is not None:
        try:
            kontext["zurueck"] = _zurueck(request)
            inhalt = loader.render_to_string(vorlage, kontext, request=request)
            return HttpResponse(inhalt, status=status)
        except Exception:
            logger.exception("Fehlerseite %s mit Anfragekontext nicht darstellbar", status)
    try:
        inhalt = loader.render_to_string(vorlage, kontext)
    except Exception:
        logger.exception("Fehlerseite %s nicht darstellbar", status)
        inhalt = NOTTEXT
    return HttpResponse(inhalt, status=status)


@requires_csrf_token
def anfrage_fehlerhaft(request, exception=None):
    return _seite(request, "400.html", 400)


@requires_csrf_token
def zugriff_verweigert(request, exception=None):
    return _seite(request, "403.html", 403, grund_der_ablehnung(exception))


@requires_csrf_token
def nicht_gefunden(request, exception=None):
    return _seite(request, "404.html", 404, grund_der_ablehnung(exception))


CSRF_GRUND = ("Das Formular ist abgelaufen oder wurde nicht aus dem Portal gesendet. Bitte laden Sie die Seite "
              "neu und senden Sie es noch einmal; im Browser müssen Cookies für das Portal erlaubt sein.")


def csrf_abgelehnt(request, reason=""):
    return _seite(request, "403.html", 403, CSRF_GRUND)


def serverfehler(request):
    return _seite(None, "500.html", 500)
