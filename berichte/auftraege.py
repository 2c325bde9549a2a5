"""Publishing in the task queue: the request files an order and answers at once, a worker renders.

`veroeffentlichung_beauftragen` and `korrektur_beauftragen` check what can be checked without
rendering (rights, parameters, the version to correct), store a Veroeffentlichungsauftrag and
enqueue `auftrag_ausfuehren` in the same transaction, so an order never exists without its task.
The worker (`manage.py db_worker`) runs the publishing service; the order records how far it got,
which the publishing page shows, and the report it produced.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from kern.fehler import Regelverstoss

from . import arten, services
from .fehler import VeroeffentlichungAbgelehnt
from .models import Bericht, Veroeffentlichungsauftrag

logger = logging.getLogger("berichte.auftraege")

UNERWARTETER_FEHLER = ("Der Bericht konnte nicht erzeugt werden; es wurde keine Nummer vergeben und nichts "
                       "gespeichert. Die technischen Einzelheiten stehen im Protokoll.")
Status = Veroeffentlichungsauftrag.Status
SCHON_IN_ARBEIT = "Dieser Bericht wird schon veröffentlicht; sein Auftrag ist noch nicht abgeschlossen."
ABGEBROCHEN = ("Die Erstellung wurde abgebrochen: das PDF war nach {minuten} Minuten noch nicht fertig (der Prozess, "
               "der es erstellte, wurde vermutlich beendet). Es wurde keine Nummer vergeben und nichts gespeichert; "
               "bitte veröffentlichen Sie den Bericht erneut.")


def _beauftragen(auftrag: Veroeffentlichungsauftrag) -> Veroeffentlichungsauftrag:
    # A second click on the confirmation would publish the same report twice, under two numbers; an order
    # whose worker died no longer counts as open.
    liegengebliebene_beenden()
    gleich = Veroeffentlichungsauftrag.objects.offen().filter(art=auftrag.art, ersetzt=auftrag.ersetzt)
    if any(offen.parameter == auftrag.parameter for offen in gleich):
        raise VeroeffentlichungAbgelehnt(SCHON_IN_ARBEIT)
    with transaction.atomic():
        auftrag.save()
        auftrag_ausfuehren.enqueue(auftrag.pk)
    auftrag.refresh_from_db()
    return auftrag


def veroeffentlichung_beauftragen(*, art: str, parameter: dict, oeffentlich: bool,
                                  durch: User) -> Veroeffentlichungsauftrag:
    services.veroeffentlichen_pruefen(durch)
    form = arten.parameter_pruefen(art, parameter)
    services.vorlage_pruefen(form.cleaned_data.get("vorlage"), oeffentlich)
    return _beauftragen(Veroeffentlichungsauftrag(
        art=art, titel=arten.kurztitel(art, form), parameter=arten.parameter_aus(form.cleaned_data),
        oeffentlich=oeffentlich, beauftragt_von=durch))


def korrektur_beauftragen(*, bericht: Bericht, oeffentlich: bool, durch: User) -> Veroeffentlichungsauftrag:
    services.veroeffentlichen_pruefen(durch)
    services.korrektur_pruefen(bericht)
    return _beauftragen(Veroeffentlichungsauftrag(
        art=bericht.art, titel=f"{bericht.titel} (Version {bericht.version + 1})"[:300], parameter=bericht.parameter,
        oeffentlich=oeffentlich, ersetzt=bericht, beauftragt_von=durch))


def _stand(auftrag: Veroeffentlichungsauftrag, status: str, **felder) -> None:
    auftrag.status = status
    for feld, wert in felder.items():
        setattr(auftrag, feld, wert)
    auftrag.save(update_fields=["status", "modified", *felder])


def ausfuehren(auftrag_id: int) -> str:
    """Publish what the order asks for; the order ends as done (with its report) or failed (with the reason)."""
    with transaction.atomic():
        auftrag = Veroeffentlichungsauftrag.objects.select_for_update(of=("self",)).select_related(
            "ersetzt", "beauftragt_von").get(pk=auftrag_id)
        if auftrag.status != Status.WARTEND:
            return auftrag.status
        _stand(auftrag, Status.LAEUFT, gestartet_am=timezone.now())
    try:
        if auftrag.ersetzt_id:
            bericht = services.bericht_korrigieren(bericht=auftrag.ersetzt, durch=auftrag.beauftragt_von,
                                                   oeffentlich=auftrag.oeffentlich)
        else:
            bericht = services.bericht_veroeffentlichen(art=auftrag.art, parameter=auftrag.parameter,
                                                        oeffentlich=auftrag.oeffentlich, durch=auftrag.beauftragt_von)
    except Regelverstoss as exc:
        _stand(auftrag, Status.FEHLGESCHLAGEN, meldung=exc.meldung, beendet_am=timezone.now())
        return auftrag.status
    except Exception:
        logger.exception("Veröffentlichungsauftrag %s fehlgeschlagen", auftrag_id)
        _stand(auftrag, Status.FEHLGESCHLAGEN, meldung=UNERWARTETER_FEHLER, beendet_am=timezone.now())
        raise
    _stand(auftrag, Status.FERTIG, bericht=bericht, titel=bericht.titel, beendet_am=timezone.now())
    return auftrag.status


@task()
def auftrag_ausfuehren(auftrag_id: int) -> str:
    return ausfuehren(auftrag_id)


def _zeitgrenze(jetzt: dt.datetime) -> dt.datetime:
    return jetzt - dt.timedelta(minutes=settings.VEROEFFENTLICHUNG_ZEITLIMIT_MINUTEN)


def liegengeblieben(auftrag: Veroeffentlichungsauftrag) -> bool:
    return (auftrag.status == Status.LAEUFT and auftrag.gestartet_am is not None
            and auftrag.gestartet_am < _zeitgrenze(timezone.now()))


def liegengebliebene_beenden(jetzt: dt.datetime | None = None) -> int:
    """Orders "wird erstellt" for longer than VEROEFFENTLICHUNG_ZEITLIMIT_MINUTEN lost their worker (killed
    mid-render): they are marked failed, so the same report can be ordered again. The number is taken only
    after rendering, so none was used; should the worker still finish, its order ends as published."""
    jetzt = jetzt or timezone.now()
    return Veroeffentlichungsauftrag.objects.filter(status=Status.LAEUFT, gestartet_am__lt=_zeitgrenze(jetzt)).update(
        status=Status.FEHLGESCHLAGEN, beendet_am=jetzt, modified=jetzt,
        meldung=ABGEBROCHEN.format(minuten=settings.VEROEFFENTLICHUNG_ZEITLIMIT_MINUTEN))


def position_in_warteschlange(auftrag: Veroeffentlichungsauftrag) -> int:
    """1 for the next order a worker takes (orders are taken oldest first)."""
    return Veroeffentlichungsauftrag.objects.filter(status=Status.WARTEND, pk__lte=auftrag.pk).count()


def erwartete_nummer(jahr: int) -> str:
    """The number a report published now would get: the counter plus the new reports queued before it."""
    vor = Veroeffentlichungsauftrag.objects.offen().filter(ersetzt__isnull=True, created__year=jahr).count()
    return f"{jahr}/{services.erwartete_laufnummer(jahr) + vor:04d}"

