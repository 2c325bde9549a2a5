from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kern.export import Spalte
from kern.fehler import Regelverstoss
from kern.exportauftraege import Liste
from kern.listen import gefilterte_liste
from kern.parameter import parameter_id, parameter_jahr
from kern.zugriff import verlangen

from . import selectors, services
from .filters import EinrichtungFilter
from .forms import BestaetigenForm, GewichtFormSet, ImportForm, RanglisteForm, SozialindexForm
from .models import Einrichtung, Gebiet, Importentwurf, Indikator, Sozialindex
from .permissions import kann_indikatoren_importieren, kann_sozialindex_einstellen
from .services import Ablehnung

def import_hochladen(request):
    verlangen(kann_indikatoren_importieren(request.user))
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        indikator = form.cleaned_data["indikator"]
        entwurf = services.importentwurf_anlegen(
            dateiname=form.cleaned_data["datei"].name, inhalt=form.cleaned_data["datei"].read(), durch=request.user,
            indikator=indikator.schluessel if indikator else "")
        return redirect("quartiere:import_vorschau", pk=entwurf.pk)
    return render(request, "quartiere/import_hochladen.html", {
        "form": form, "importe": selectors.letzte_importe(), "max_mb": settings.INDIKATOR_IMPORT_MAX_MB,
    })


def import_vorschau(request, pk):
    """Preview of an uploaded file (GET) and its confirmation (POST): all rows or none are written."""
    verlangen(kann_indikatoren_importieren(request.user))
    entwurf = get_object_or_404(Importentwurf, pk=pk, durch=request.user)
    form = BestaetigenForm(request.POST or None)
    fehler = None
    if request.method == "POST" and form.is_valid():
        try:
            protokoll = services.importentwurf_ausfuehren(entwurf=entwurf, durch=request.user,
                                                          fingerabdruck=form.cleaned_data["fingerabdruck"],
                                                          zahlen_bestaetigt=form.cleaned_data["zahlen_bestaetigt"])
        except Ablehnung as exc:
            fehler = exc.meldung
        else:
            messages.success(request, f"Import von „{protokoll.dateiname}“ gespeichert: {protokoll.neu} neue und "
                                      f"{protokoll.geaendert} geänderte Werte.")
            return redirect("quartiere:import")
    try:
        plan = services.indikatorimport_pruefen(inhalt=bytes(entwurf.inhalt), indikator=entwurf.indikator)
    except Ablehnung as exc:
        plan, fehler = None, exc.meldung
    return render(request, "quartiere/import_vorschau.html", {
        "entwurf": entwurf, "plan": plan, "fehler": fehler,
        "form": BestaetigenForm(initial={"fingerabdruck": plan.fingerabdruck}) if plan else None,
    })


UNBEKANNTE_STADT = "Unbekannte Stadt."


def _stadt_aus_anfrage(request) -> Gebiet | None:
    pk = parameter_id(request, "stadt", ungueltig=UNBEKANNTE_STADT)
    staedte = Gebiet.objects.staedte()
    if pk is not None:
        return get_object_or_404(staedte, pk=pk)
    mit_index = staedte.filter(sozialindex__isnull=False).order_by("name").first()
    return mit_index or staedte.order_by("name").first()


def sozialindex(request):
    stadt = _stadt_aus_anfrage(request)
    jahr = parameter_jahr(request, ungueltig="Für dieses Jahr gibt es keinen Sozialindex.")
    liste = selectors.sozialindex_rangliste(stadt=stadt, jahr=jahr) \
        if stadt else None
    form = RanglisteForm(initial={"stadt": stadt, "jahr": liste.jahr if liste else None},
                         jahre=liste.jahre if liste else [])
    zeilen = [(p, [p.komponenten.get(str(g.indikator_id)) for g in liste.gewichte]) for p in liste.plaetze] \
        if liste else []
    return render(request, "quartiere/sozialindex.html", {
        "stadt": stadt, "liste": liste, "form": form, "zeilen": zeilen,
        "darf_einstellen": kann_sozialindex_einstellen(request.user, stadt),
    })


def sozialindex_einstellungen(request, pk: int):
    verlangen(kann_sozialindex_einstellen(request.user))
    stadt = get_object_or_404(Gebiet.objects.staedte(), pk=pk)
    bestehend = Sozialindex.objects.filter(stadt=stadt).first()
    gewichte = {g.indikator_id: g for g in bestehend.gewichte.all()} if bestehend else {}
    indikatoren = list(Indikator.objects.order_by("name"))
    anfang = [{"indikator": i, "verwenden": i.pk in gewichte,
               "gewicht": gewichte[i.pk].gewicht if i.pk in gewichte else 1,
               "hoeher_ist_schlechter": gewichte[i.pk].hoeher_ist_schlechter if i.pk in gewichte
               else i.hoeher_ist_schlechter} for i in indikatoren]
    form = SozialindexForm(request.POST or None, instance=bestehend or Sozialindex(stadt=stadt))
    formset = GewichtFormSet(request.POST or None, initial=anfang, prefix="gewichte")
    fehler = None
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        auswahl = [(f.cleaned_data["indikator"], f.cleaned_data["gewicht"], f.cleaned_data["hoeher_ist_schlechter"])
                   for f in formset if f.cleaned_data.get("verwenden")]
        try:
            services.sozialindex_festlegen(stadt=stadt, ebene=form.cleaned_data["ebene"],
                                           anzahl_belastet=form.cleaned_data["anzahl_belastet"], gewichte=auswahl)
        except Regelverstoss as exc:
            fehler = exc.meldung
        else:
            messages.success(request, f"Der Sozialindex für {stadt} ist gespeichert und neu berechnet.")
            return redirect(f"{reverse('quartiere:sozialindex')}?stadt={stadt.pk}")
    return render(request, "quartiere/sozialindex_einstellungen.html", {
        "stadt": stadt, "form": form, "formset": formset, "fehler": fehler,
        "zeilen": [(f, _indikator_der_zeile(f, indikatoren)) for f in formset.forms],
    })


def _indikator_der_zeile(form, indikatoren: list[Indikator]) -> Indikator | None:
    wert = form["indikator"].value()
    pk = getattr(wert, "pk", wert)
    return next((i for i in indikatoren if str(i.pk) == str(pk)), None)


@require_POST
def sozialindex_berechnen(request, pk: int):
    verlangen(kann_sozialindex_einstellen(request.user))
    sozialindex = get_object_or_404(Sozialindex.objects.select_related("stadt"), stadt_id=pk)
    ergebnis = services.sozialindex_berechnen(sozialindex=sozialindex)
    messages.success(request, f"Der Sozialindex für {sozialindex.stadt} ist neu berechnet: {len(ergebnis.jahre)} "
                              f"Jahre mit Rangliste, {ergebnis.geaendert} Änderungen.")
    return redirect(f"{reverse('quartiere:sozialindex')}?stadt={pk}")


EINRICHTUNG_SPALTEN = [
    Spalte("Name", lambda e: e.name),
    Spalte("Art", lambda e: e.get_art_display()),
    Spalte("Stadt", lambda e: e.gebiet.stadt.name if e.gebiet.stadt else ""),
    Spalte("Gebiet", lambda e: e.gebiet.name),
    Spalte("Träger", lambda e: e.traeger.name if e.traeger else ""),
    Spalte("Status", lambda e: e.get_status_display()),
    Spalte("Adresse", lambda e: e.adresse),
    Spalte("eröffnet am", lambda e: e.eroeffnet_am, "datum"),
]


def _einrichtungsfilter(user, daten) -> EinrichtungFilter:
    # Facilities are public city data: every role sees all of them.
    einrichtungen = Einrichtung.objects.select_related("gebiet__stadt", "traeger").order_by("name")
    return EinrichtungFilter(daten, queryset=einrichtungen)


EINRICHTUNGEN = Liste("einrichtungen", "Einrichtungen", EINRICHTUNG_SPALTEN, _einrichtungsfilter)


def einrichtung_liste(request):
    return gefilterte_liste(request, liste=EINRICHTUNGEN, template="quartiere/einrichtung_liste.html")
