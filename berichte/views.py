from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from kern.parameter import id_wert
from kern.zeit import heute
from kern.zugriff import objekt_oder_404, verlangen
from quartiere.models import Gebiet

from . import ablage, arten, auftraege, pdf, services
from .fehler import BerichtFehler
from .filters import BerichtFilter
from .forms import BeratungFormSet, RatsvorlageForm, RueckzugForm, VeroeffentlichenForm
from .models import Bericht, Mitzeichnung, Ratsvorlage, Veroeffentlichungsauftrag
from .permissions import (
    kann_berichte_erstellen,
    kann_berichte_zurueckziehen,
    kann_nichtoeffentliche_berichte_lesen,
    kann_ratsvorlagen_bearbeiten,
)

BERICHT_NICHT_GEFUNDEN = "Diesen Bericht gibt es nicht oder er ist nicht öffentlich."


def _bericht(request, pk: int) -> Bericht:
    return objekt_oder_404(request.user, Bericht.objects.select_related("gebiet", "programm", "vorlage", "ersetzt"),
                           nicht_gefunden=BERICHT_NICHT_GEFUNDEN, pk=pk)


@login_not_required
def archiv(request):
    sichtbar = Bericht.objects.sichtbar_fuer(request.user)
    alle_sichtbar = kann_nichtoeffentliche_berichte_lesen(request.user)
    filter = BerichtFilter(request.GET or None, queryset=sichtbar.aktuell().select_related("gebiet", "programm"),
                           sichtbar=sichtbar, mit_sichtbarkeit=alle_sichtbar)
    seite = Paginator(filter.qs.order_by("-jahr", "-laufnummer"), 50).get_page(request.GET.get("seite"))
    abfrage = request.GET.copy()
    abfrage.pop("seite", None)
    return render(request, "berichte/archiv.html", {
        "filter": filter, "seite": seite, "abfrage": abfrage.urlencode(),
        "darf_erstellen": kann_berichte_erstellen(request.user),
        "alle_sichtbar": alle_sichtbar,
        "auftraege": list(Veroeffentlichungsauftrag.objects.sichtbar_fuer(request.user).offen().order_by("pk")),
    })


@login_not_required
def bericht_detail(request, pk: int):
    bericht = _bericht(request, pk)
    versionen = (Bericht.objects.sichtbar_fuer(request.user)
                 .filter(jahr=bericht.jahr, laufnummer=bericht.laufnummer).order_by("-version"))
    neueste = max((v.version for v in versionen), default=bericht.version)
    return render(request, "berichte/bericht_detail.html", {
        "bericht": bericht, "versionen": versionen, "ist_neueste": bericht.version >= neueste,
        "nachfolger": Bericht.objects.filter(ersetzt=bericht).first(),
        "darf_korrigieren": (kann_berichte_erstellen(request.user) and bericht.version >= neueste
                             and not bericht.zurueckgezogen),
        "darf_zurueckziehen": kann_berichte_zurueckziehen(request.user) and not bericht.zurueckgezogen,
        "form": VeroeffentlichenForm(initial={"oeffentlich": bericht.oeffentlich}),
    })


@login_not_required
def herunterladen(request, pk: int):
    bericht = _bericht(request, pk)
    try:
        daten = ablage.geprueft_lesen(bericht)
    except ablage.DateiUngueltig as exc:
        return render(request, "berichte/datei_ungueltig.html", {"bericht": bericht, "meldung": exc.meldung},
                      status=409)
    antwort = HttpResponse(daten, content_type="application/pdf")
    antwort["Content-Disposition"] = ablage.content_disposition(bericht.dateiname)
    antwort["Content-Length"] = str(len(daten))
    antwort["ETag"] = f'"{bericht.sha256}"'
    # Only a file the public may fetch may be cached by others; a replaced one is for staff alone.
    oeffentlich = Bericht.objects.oeffentlich().filter(pk=bericht.pk).exists()
    antwort["Cache-Control"] = "public, max-age=86400" if oeffentlich else "private, no-store"
    return antwort


def neu(request):
    verlangen(kann_berichte_erstellen(request.user))
    return render(request, "berichte/neu.html", {
        # One form per kind on the page: ids carry the kind, so no two fields share one.
        "arten": [(definition, definition.formular(auto_id=f"id_{name}_%s"))
                  for name, definition in arten.ARTEN.items()],
    })


def _art(art: str) -> arten.Art:
    if art not in arten.ARTEN:
        raise Http404("Diese Berichtsart gibt es nicht.")
    return arten.ARTEN[art]


def vorschau(request, art: str):
    """Without parameters the form; with them the report as the browser preview or, with format=pdf, as a
    draft PDF without a number."""
    verlangen(kann_berichte_erstellen(request.user))
    definition = _art(art)
    werte = {k: v for k, v in request.GET.items() if k in definition.formular.base_fields}
    form = definition.formular(werte or None)
    if not werte or "bearbeiten" in request.GET or not form.is_valid():
        return render(request, "berichte/parameter.html", {"definition": definition, "form": form})
    inhalt = arten.inhalt_aus_formular(art, form)
    if request.GET.get("format") == "pdf":
        try:
            ergebnis = pdf.pdf_rendern(pdf.html_rendern(inhalt))
        except BerichtFehler as exc:
            messages.error(request, exc.meldung)
            return redirect(f"{reverse('berichte:vorschau', args=[art])}?{urlencode(inhalt.parameter)}&bearbeiten=1")
        antwort = HttpResponse(ergebnis.daten, content_type="application/pdf")
        antwort["Content-Disposition"] = ablage.content_disposition(
            ablage.dateiname(art=art, teile=inhalt.dateiname_teile, nummer="Entwurf", version=1), als_anhang=False)
        antwort["Cache-Control"] = "private, no-store"
        return antwort
    return HttpResponse(pdf.html_rendern(inhalt, vorschau=True, request=request,
                                         extra={"oeffentlich_vorschlag": inhalt.oeffentlich_vorschlag}))


def _vorschau_url(art: str, parameter: dict) -> str:
    return f"{reverse('berichte:vorschau', args=[art])}?{urlencode(parameter)}&bearbeiten=1"


def _nach_auftrag(request, auftrag: Veroeffentlichungsauftrag):
    """Done already (a queue that runs at once): the report; else the page that shows how far it got."""
    if auftrag.status == Veroeffentlichungsauftrag.Status.FERTIG:
        messages.success(request, f"Der Bericht ist als Nr. {auftrag.bericht.nummer} veröffentlicht.")
        return redirect("berichte:bericht", pk=auftrag.bericht_id)
    return redirect("berichte:auftrag", pk=auftrag.pk)


def _sitzung_der_dokumentation(art: str, form):
    return form.cleaned_data.get("sitzung") if art == "sitzungsdokumentation" else None


@require_POST
def veroeffentlichen(request, art: str):
    """First the confirmation page (kind, number, visibility, who sees what), then the order to the queue."""
    verlangen(kann_berichte_erstellen(request.user))
    definition = _art(art)
    parameter = {k: v for k, v in request.POST.items() if k in definition.formular.base_fields}
    form = VeroeffentlichenForm(request.POST)
    form.is_valid()
    oeffentlich = form.cleaned_data["oeffentlich"]
    try:
        if not form.cleaned_data["bestaetigt"]:
            parameter_form = arten.parameter_pruefen(art, parameter)
            services.vorlage_pruefen(parameter_form.cleaned_data.get("vorlage"), oeffentlich)
            return render(request, "berichte/bestaetigen.html", {
                "art": definition, "titel": arten.kurztitel(art, parameter_form), "oeffentlich": oeffentlich,
                "nummer": auftraege.erwartete_nummer(heute().year), "parameter": parameter,
                "ziel": reverse("berichte:veroeffentlichen", args=[art]), "zurueck": _vorschau_url(art, parameter),
                "sitzung": _sitzung_der_dokumentation(art, parameter_form),
            })
        auftrag = auftraege.veroeffentlichung_beauftragen(art=art, parameter=parameter, oeffentlich=oeffentlich,
                                                          durch=request.user)
    except BerichtFehler as exc:
        messages.error(request, exc.meldung)
        return redirect(_vorschau_url(art, parameter))
    return _nach_auftrag(request, auftrag)


@require_POST
def korrigieren(request, pk: int):
    verlangen(kann_berichte_erstellen(request.user))
    bericht = _bericht(request, pk)
    form = VeroeffentlichenForm(request.POST)
    form.is_valid()
    oeffentlich = form.cleaned_data["oeffentlich"]
    try:
        if not form.cleaned_data["bestaetigt"]:
            services.korrektur_pruefen(bericht)
            return render(request, "berichte/bestaetigen.html", {
                "art": arten.ARTEN[bericht.art], "titel": bericht.titel, "oeffentlich": oeffentlich,
                "bericht": bericht, "version": bericht.version + 1, "parameter": {},
                "ziel": reverse("berichte:korrigieren", args=[pk]), "zurueck": reverse("berichte:bericht", args=[pk]),
            })
        auftrag = auftraege.korrektur_beauftragen(bericht=bericht, oeffentlich=oeffentlich, durch=request.user)
    except BerichtFehler as exc:
        messages.error(request, exc.meldung)
        return redirect("berichte:bericht", pk=bericht.pk)
    return _nach_auftrag(request, auftrag)


def _auftrag(request, pk: int) -> Veroeffentlichungsauftrag:
    verlangen(kann_berichte_erstellen(request.user))
    eintrag = objekt_oder_404(request.user, Veroeffentlichungsauftrag.objects.select_related("bericht", "ersetzt"),
                              pk=pk)
    if auftraege.liegengeblieben(eintrag):
        auftraege.liegengebliebene_beenden()
        eintrag.refresh_from_db()
    return eintrag


def _auftrag_kontext(auftrag: Veroeffentlichungsauftrag) -> dict:
    wartend = auftrag.status == Veroeffentlichungsauftrag.Status.WARTEND
    return {"auftrag": auftrag, "position": auftraege.position_in_warteschlange(auftrag) if wartend else None}


def auftrag(request, pk: int):
    """How far the publishing has got; the page asks again by itself until the report is stored."""
    return render(request, "berichte/auftrag.html", _auftrag_kontext(_auftrag(request, pk)))


def auftrag_stand(request, pk: int):
    eintrag = _auftrag(request, pk)
    return JsonResponse({"abgeschlossen": eintrag.abgeschlossen, "status": eintrag.status,
                         "html": render_to_string("berichte/_auftrag_stand.html", _auftrag_kontext(eintrag), request)})


def zurueckziehen(request, pk: int):
    verlangen(kann_berichte_zurueckziehen(request.user))
    bericht = _bericht(request, pk)
    form = RueckzugForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.bericht_zurueckziehen(bericht=bericht, grund=form.cleaned_data["grund"], durch=request.user)
        except BerichtFehler as exc:
            form.add_error(None, exc.meldung)
        else:
            messages.success(request, f"Nr. {bericht.nummer} ist zurückgezogen. Die Öffentlichkeit, der Rat und "
                                      "das Quartiersmanagement sehen ihn nicht mehr.")
            return redirect("berichte:bericht", pk=bericht.pk)
    versionen = Bericht.objects.filter(jahr=bericht.jahr, laufnummer=bericht.laufnummer).order_by("version")
    return render(request, "berichte/zurueckziehen.html", {"bericht": bericht, "form": form,
                                                           "versionen": versionen})


def vorlagen(request):
    verlangen(kann_ratsvorlagen_bearbeiten(request.user))
    liste = (Ratsvorlage.objects.select_related("stadt", "programm")
             .annotate(zeilen=Count("beratungen", distinct=True), zuletzt=Max("berichte__id"),
                       mitzeichnende=Count("mitzeichnungen", distinct=True),
                       mitgezeichnet=Count("mitzeichnungen", distinct=True,
                                           filter=Q(mitzeichnungen__gezeichnet_am__isnull=False))))
    return render(request, "berichte/vorlagen.html", {"vorlagen": liste})


def _stadt_der_vorlage(request, vorlage: Ratsvorlage) -> Gebiet | None:
    """The city the consultation rows choose their bodies from: the one posted, else the paper's."""
    if request.method == "POST":
        pk = id_wert(request.POST.get("stadt", ""))
        return Gebiet.objects.staedte().filter(pk=pk).first() if pk else None
    return vorlage.stadt if vorlage.stadt_id else None


def vorlage_bearbeiten(request, pk: int | None = None):
    verlangen(kann_ratsvorlagen_bearbeiten(request.user))
    vorlage = get_object_or_404(Ratsvorlage, pk=pk) if pk else Ratsvorlage()
    form = RatsvorlageForm(request.POST or None, instance=vorlage)
    beratungen = BeratungFormSet(request.POST or None, instance=vorlage, prefix="beratung",
                                 stadt=_stadt_der_vorlage(request, vorlage))
    if request.method == "POST" and form.is_valid() and beratungen.is_valid():
        vorlage = services.ratsvorlage_speichern(form=form, beratungen=beratungen, durch=request.user)
        messages.success(request, "Die Ratsvorlage ist gespeichert.")
        return redirect(f"{reverse('berichte:vorschau', args=['ratsvorlage'])}?vorlage={vorlage.pk}")
    return render(request, "berichte/vorlage_formular.html", {
        "form": form, "beratungen": beratungen, "vorlage": vorlage if pk else None,
        "mitzeichnungen": vorlage.mitzeichnungen.select_related("organisation") if pk else []})


@require_POST
def mitzeichnen(request, pk: int):
    verlangen(kann_ratsvorlagen_bearbeiten(request.user))
    mitzeichnung = get_object_or_404(Mitzeichnung.objects.select_related("organisation"), pk=pk)
    try:
        services.ratsvorlage_mitzeichnen(mitzeichnung=mitzeichnung, durch=request.user)
    except BerichtFehler as exc:
        messages.error(request, exc.meldung)
    else:
        messages.success(request, f"Die Vorlage ist für „{mitzeichnung.organisation.name}“ mitgezeichnet.")
    return redirect("berichte:vorlage_bearbeiten", pk=mitzeichnung.vorlage_id)

