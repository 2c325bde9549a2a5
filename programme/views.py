from collections import defaultdict
from functools import partial

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from kern.aktion import aktion
from kern.datenstand import zwischengespeichert
from kern.export import Spalte
from kern.fehler import Regelverstoss
from kern.exportauftraege import Liste
from kern.listen import gefilterte_liste, seite
from kern.parameter import parameter_jahr
from kern import zeit
from kern.zeit import heute
from kern.zugriff import objekt_oder_404, verlangen
from quartiere.models import Gebiet, Organisation
from quartiere.zugriff import sichtbare_gebiet_ids

from . import (diagramme, fristen, mittelabruf_selectors, rueckforderung_selectors, selectors, services, statusmaschine,
               zuwendung_selectors)
from .filters import OrganisationFilter, ProjektFilter
from .forms import (
    AblehnenForm,
    AntragForm,
    AuszahlungForm,
    BewilligenForm,
    BudgetForm,
    NachweisEinreichenForm,
    NachweisPruefenForm,
    ProjektForm,
    RueckzahlungForm,
    StatusForm,
)
from .models import Auszahlung, Bewilligung, Foerderprogramm, Jahresbudget, Projekt, Verwendungsnachweis
from .permissions import (
    kann_auszahlen,
    kann_bewilligen,
    kann_budget_festlegen,
    kann_historie_sehen,
    kann_nachweise_pruefen,
    kann_projekt_bearbeiten,
    kann_projekte_erfassen,
    kann_status_setzen,
)


def programm_liste(request):
    jahr = heute().year
    return render(request, "programme/programm_liste.html", {
        "jahr": jahr,
        "budgets": selectors.budgetstand_je_programm(jahr=jahr),
        "programme": Foerderprogramm.objects.sichtbar_fuer(request.user).select_related("stadt", "zustaendig")
        .order_by("stadt__name", "kurzname"),
    })


KEIN_PROGRAMMJAHR = "Für dieses Jahr gibt es im Programm keine Daten."


def _jahr_aus_anfrage(request, jahre: list[int]) -> int:
    """The year asked for, else this year, else the programme's latest year before it."""
    jahr = parameter_jahr(request, ungueltig=KEIN_PROGRAMMJAHR)
    if jahr is not None:
        if jahr not in jahre:
            raise Http404(KEIN_PROGRAMMJAHR)
        return jahr
    aktuell = heute().year
    bisher = [j for j in jahre if j <= aktuell]
    return aktuell if aktuell in jahre or not jahre else (bisher[-1] if bisher else jahre[0])


def programm_detail(request, pk: int):
    programm = objekt_oder_404(request.user, Foerderprogramm.objects.select_related("stadt", "zustaendig"), pk=pk)
    jahre = zwischengespeichert("programmjahre", lambda: selectors.programmjahre(programm), programm.pk)
    jahr = _jahr_aus_anfrage(request, jahre)
    gebiet_ids = sichtbare_gebiet_ids(request.user)

    def zahlen():
        stand = selectors.programmjahr(programm=programm, jahr=jahr, gebiet_ids=gebiet_ids)
        return (stand, selectors.auslastung_je_handlungsfeld(programm=programm, jahr=jahr, gebiet_ids=gebiet_ids),
                diagramme.budget_je_gebiet(programm=programm, jahr=jahr, zeilen=stand.je_gebiet))

    # The year's money per area and action field, until the next committed change (kern.datenstand).
    stand, je_handlungsfeld, diagramm = zwischengespeichert(
        "programmjahr", zahlen, programm.pk, jahr, "alle" if gebiet_ids is None else sorted(gebiet_ids))
    return render(request, "programme/programm_detail.html", {
        "programm": programm, "jahr": jahr, "jahre": jahre, "je_gebiet": stand.zeilen, "stand": stand,
        "je_handlungsfeld": je_handlungsfeld, "gesamt": stand.gesamt, "diagramm": diagramm,
        "nur_eigene_gebiete": gebiet_ids is not None,
        "darf_budget_festlegen": kann_budget_festlegen(request.user, programm),
        "budget_historie": selectors.budget_historie(programm=programm, jahr=jahr)
        if kann_historie_sehen(request.user, programm) else None,
    })


def _projekt(request, pk: int, *, schreiben: bool = False) -> Projekt:
    return objekt_oder_404(request.user, Projekt.objects.select_related("gebiet__stadt", "traeger", "ansprechperson"),
                           schreiben=schreiben, pk=pk)


def projekt_detail(request, pk: int):
    projekt = _projekt(request, pk)
    bewilligungen = list(
        projekt.bewilligungen.select_related("programm__vorgaben", "gebiet", "verwendungsnachweis", "entschieden_von")
        .prefetch_related(Prefetch("auszahlungen", queryset=Auszahlung.objects.order_by("datum")))
        .order_by("jahr", "programm__kurzname")
    )
    darf_bearbeiten = kann_projekt_bearbeiten(request.user, projekt)
    return render(request, "programme/projekt_detail.html", {
        "projekt": projekt,
        "handlungsfelder": list(projekt.handlungsfelder.all()),
        "zielgruppen": list(projekt.zielgruppen.all()),
        "bewilligungen": bewilligungen,
        "darf_bearbeiten": darf_bearbeiten,
        "darf_bewilligen": kann_bewilligen(request.user),
        "darf_auszahlen": kann_auszahlen(request.user),
        "darf_nachweise_pruefen": kann_nachweise_pruefen(request.user),
        "darf_beantragen": darf_bearbeiten and projekt.status in services.ANTRAG_ERLAUBT_IN,
        "folgestatus": _erlaubte_status(request.user, projekt) if darf_bearbeiten else [],
        "historie": selectors.projekt_historie(projekt) if kann_historie_sehen(request.user, projekt) else None,
        **zuwendung_selectors.projektseite(projekt, request.user),  # grant law: operator, plan, notices
        **rueckforderung_selectors.projektseite(projekt, request.user),  # reclaims with interest
        **fristen.projektseite(projekt, request.user, zeit.heute(), darf_bearbeiten=darf_bearbeiten),
        **mittelabruf_selectors.projektseite(bewilligungen, request.user, projekt),  # fund calls of the grants
    })


def _erlaubte_status(user, projekt: Projekt) -> list[str]:
    # Steps that move money happen through their own forms; only the others are offered here.
    return [s for s in statusmaschine.von_hand_erreichbar(projekt.status) if kann_status_setzen(user, projekt, s)]


# Every action page of a grant shows the application, the budget and the payouts beside its form.
_aktion = partial(aktion, seitenleiste="programme/_aktion_seite.html")


def antrag_stellen(request, pk: int):
    projekt = _projekt(request, pk, schreiben=True)
    programme = Foerderprogramm.objects.filter(programmgebiete__gebiet__in=_gebietskette(projekt)).distinct()
    form = AntragForm(request.POST or None, programme=programme, initial={"jahr": projekt.beginn.year})
    return _aktion(
        request, titel=f"Förderung beantragen: {projekt}", form=form, ziel=projekt_url(projekt),
        erfolg="Der Antrag ist gestellt.", kontext={"projekt": projekt},
        ausfuehren=lambda d: services.bewilligung_beantragen(
            projekt=projekt, programm=d["programm"], jahr=d["jahr"], betrag=d["betrag"], durch=request.user,
            begruendung=d["begruendung"]),
    )


def _gebietskette(projekt: Projekt) -> list[int]:
    return [gebiet.id for gebiet in projekt.gebiet.vorfahren()]


def projekt_url(projekt: Projekt) -> str:
    return reverse("programme:projekt", args=[projekt.pk])


def _bewilligung(request, pk: int, erlaubt) -> Bewilligung:
    """The grant behind a staff-only action page; `erlaubt` is the action's permission."""
    verlangen(erlaubt(request.user))
    return objekt_oder_404(request.user, Bewilligung.objects.select_related("projekt", "programm", "gebiet"), pk=pk)


def _budgetkontext(bewilligung: Bewilligung) -> dict:
    zeilen = selectors.auslastung_je_gebiet(programm=bewilligung.programm, jahr=bewilligung.jahr,
                                            gebiet_ids=[bewilligung.gebiet_id])
    return {"bewilligung": bewilligung, "budgetzeile": zeilen[0] if zeilen else None}


def bewilligen(request, pk: int):
    bewilligung = _bewilligung(request, pk, kann_bewilligen)
    form = BewilligenForm(request.POST or None, initial={"betrag": bewilligung.betrag_beantragt})
    return _aktion(
        request, titel=f"Bewilligen: {bewilligung}", form=form, ziel=projekt_url(bewilligung.projekt),
        erfolg="Die Förderung ist bewilligt.", kontext=_budgetkontext(bewilligung),
        ausfuehren=lambda d: services.projekt_bewilligen(bewilligung=bewilligung, betrag=d["betrag"],
                                                         durch=request.user, datum=d["datum"]),
    )


def ablehnen(request, pk: int):
    bewilligung = _bewilligung(request, pk, kann_bewilligen)
    form = AblehnenForm(request.POST or None)
    return _aktion(
        request, titel=f"Antrag ablehnen: {bewilligung}", form=form, ziel=projekt_url(bewilligung.projekt),
        erfolg="Der Antrag ist abgelehnt.", kontext=_budgetkontext(bewilligung),
        ausfuehren=lambda d: services.bewilligung_ablehnen(bewilligung=bewilligung, durch=request.user,
                                                           begruendung=d["begruendung"], datum=d["datum"]),
    )


def auszahlen(request, pk: int):
    bewilligung = _bewilligung(request, pk, kann_auszahlen)
    ausgezahlt = bewilligung.auszahlungen.summe()
    form = AuszahlungForm(request.POST or None)
    return _aktion(
        request, titel=f"Auszahlung anweisen: {bewilligung}", form=form, ziel=projekt_url(bewilligung.projekt),
        erfolg="Die Auszahlung ist angewiesen.",
        kontext={**_budgetkontext(bewilligung), "ausgezahlt": ausgezahlt,
                 "auszahlbar": (bewilligung.betrag_bewilligt or 0) - ausgezahlt},
        ausfuehren=lambda d: services.auszahlung_anweisen(bewilligung=bewilligung, betrag=d["betrag"],
                                                          durch=request.user, datum=d["datum"],
                                                          bemerkung=d["bemerkung"]),
    )


def rueckzahlung(request, pk: int):
    bewilligung = _bewilligung(request, pk, kann_auszahlen)
    form = RueckzahlungForm(request.POST or None, initial={"betrag": bewilligung.rueckzahlung_offen})
    return _aktion(
        request, titel=f"Rückzahlung verbuchen: {bewilligung}", form=form, ziel=projekt_url(bewilligung.projekt),
        erfolg="Die Rückzahlung ist verbucht.", kontext=_budgetkontext(bewilligung),
        ausfuehren=lambda d: services.rueckzahlung_verbuchen(bewilligung=bewilligung, betrag=d["betrag"],
                                                             durch=request.user),
    )


def _nachweis(request, pk: int, *, schreiben: bool) -> Verwendungsnachweis:
    return objekt_oder_404(
        request.user, Verwendungsnachweis.objects.select_related("bewilligung__projekt", "bewilligung__programm"),
        schreiben=schreiben, pk=pk)


def nachweis_einreichen(request, pk: int):
    nachweis = _nachweis(request, pk, schreiben=True)
    form = NachweisEinreichenForm(request.POST or None)
    return _aktion(
        request, titel=f"Verwendungsnachweis einreichen: {nachweis.bewilligung}", form=form,
        ziel=projekt_url(nachweis.bewilligung.projekt), erfolg="Der Verwendungsnachweis ist eingereicht.",
        ausfuehren=lambda d: services.verwendungsnachweis_einreichen(nachweis=nachweis, verwendet=d["verwendet"],
                                                                     durch=request.user, datum=d["datum"]),
    )


def nachweis_pruefen(request, pk: int):
    verlangen(kann_nachweise_pruefen(request.user))
    nachweis = _nachweis(request, pk, schreiben=True)
    form = NachweisPruefenForm(request.POST or None)
    return _aktion(
        request, titel=f"Verwendungsnachweis prüfen: {nachweis.bewilligung}", form=form,
        ziel=projekt_url(nachweis.bewilligung.projekt), erfolg="Der Verwendungsnachweis ist geprüft.",
        kontext={"nachweis": nachweis, "ausgezahlt": nachweis.bewilligung.auszahlungen.summe()},
        ausfuehren=lambda d: services.verwendungsnachweis_pruefen(
            nachweis=nachweis, rueckforderung=d["rueckforderung"], durch=request.user, bemerkung=d["bemerkung"],
            datum=d["datum"]),
    )


def status_setzen(request, pk: int):
    projekt = _projekt(request, pk, schreiben=True)
    form = StatusForm(request.POST or None, erlaubt=_erlaubte_status(request.user, projekt))
    return _aktion(
        request, titel=f"Status ändern: {projekt}", form=form, ziel=projekt_url(projekt),
        erfolg="Der Status ist geändert.", kontext={"projekt": projekt},
        ausfuehren=lambda d: services.projekt_status_setzen(projekt=projekt, status=d["status"], durch=request.user),
    )


def budget_festlegen(request, pk: int):
    verlangen(kann_budget_festlegen(request.user))
    programm = objekt_oder_404(request.user, Foerderprogramm.objects.all(), pk=pk)
    gebiete = Gebiet.objects.filter(programmgebiete__programm=programm).distinct()
    form = BudgetForm(request.POST or None, gebiete=gebiete, initial={"jahr": parameter_jahr(request, fehlt=heute().year)})
    budgets = Jahresbudget.objects.filter(programm=programm).select_related("gebiet").order_by("-jahr", "gebiet__name")
    return _aktion(
        request, titel=f"Budget festlegen: {programm}", form=form,
        ziel=reverse("programme:programm", args=[programm.pk]), erfolg="Das Budget ist gespeichert.",
        kontext={"budgets": budgets[:40]},
        ausfuehren=lambda d: services.jahresbudget_festlegen(
            programm=programm, jahr=d["jahr"], gebiet=d["gebiet"], betrag=d["betrag"], durch=request.user,
            bemerkung=d["bemerkung"]),
    )


NACHWEISE_SEITE = 50


def ueberfaellige_verwendungsnachweise(request):
    verlangen(kann_nachweise_pruefen(request.user))
    blatt = seite(request, selectors.ueberfaellige_nachweise(Verwendungsnachweis.objects.sichtbar_fuer(request.user)),
                  NACHWEISE_SEITE)
    return render(request, "programme/nachweise_ueberfaellig.html", {"nachweise": blatt["seite"].object_list, **blatt})


PROJEKT_SPALTEN = [
    Spalte("Titel", lambda p: p.titel),
    Spalte("Stadt", lambda p: p.gebiet.stadt.name if p.gebiet.stadt else p.gebiet.name),
    Spalte("Gebiet", lambda p: p.gebiet.name),
    Spalte("Träger", lambda p: p.traeger.name if p.traeger else ""),
    Spalte("Status", lambda p: p.get_status_display()),
    Spalte("Beginn", lambda p: p.beginn, "datum"),
    Spalte("Ende", lambda p: p.ende, "datum"),
    Spalte("Gesamtkosten (€)", lambda p: p.gesamtkosten, "geld"),
    Spalte("Eigenmittel (€)", lambda p: p.eigenmittel, "geld"),
    Spalte("Drittmittel (€)", lambda p: p.drittmittel, "geld"),
    Spalte("Teilnehmende geplant", lambda p: p.teilnehmende_geplant, "zahl"),
    Spalte("Teilnehmende erreicht", lambda p: p.teilnehmende_erreicht, "zahl"),
    Spalte("Handlungsfelder", lambda p: p.handlungsfelder_text),
    Spalte("Zielgruppen", lambda p: p.zielgruppen_text),
]


def _mit_namenslisten(projekte):
    """The projects block by block, each with its action fields and target groups as text: two
    queries a block instead of a prefetched queryset per project."""
    block = []
    for projekt in projekte.iterator(chunk_size=EXPORTBLOCK):
        block.append(projekt)
        if len(block) == EXPORTBLOCK:
            yield from _namen_setzen(block)
            block = []
    yield from _namen_setzen(block)


NAMENSLISTEN = (("handlungsfelder", "handlungsfeld"), ("zielgruppen", "zielgruppe"))


def _namen_setzen(block: list[Projekt], felder=NAMENSLISTEN) -> list[Projekt]:
    ids = [p.pk for p in block]
    for feld, ziel in felder:
        namen = defaultdict(list)
        durch = getattr(Projekt, feld).through.objects.filter(projekt_id__in=ids)
        for projekt_id, name in durch.order_by(f"{ziel}__name").values_list("projekt_id", f"{ziel}__name"):
            namen[projekt_id].append(name)
        for p in block:
            setattr(p, f"{feld}_text", ", ".join(namen[p.pk]))
    return block


EXPORTBLOCK = 2000


def _projektfilter(user, daten) -> ProjektFilter:
    projekte = (
        Projekt.objects.sichtbar_fuer(user)
        .select_related("gebiet__stadt", "traeger")
        .defer("gebiet__grenze", "gebiet__stadt__grenze")
        .order_by("-beginn", "titel", "pk")
    )
    return ProjektFilter(daten, queryset=projekte, user=user)


# The page shows each project's action fields as text: one query for the page's names, no model per name.
PROJEKTE = Liste("projekte", "Projekte", PROJEKT_SPALTEN, _projektfilter, exportzeilen=_mit_namenslisten,
                 seitenzeilen=lambda seite: _namen_setzen(seite, NAMENSLISTEN[:1]))


def projekt_liste(request):
    return gefilterte_liste(request, liste=PROJEKTE, template="programme/projekt_liste.html",
                            kontext={"darf_erfassen": kann_projekte_erfassen(request.user)})


def _projektformular(request, projekt: Projekt | None):
    form = ProjektForm(request.POST or None, instance=projekt, gebiete=Gebiet.objects.arbeitsgebiete_fuer(request.user),
                       organisationen=Organisation.objects.order_by("name"))
    if request.method == "POST" and form.is_valid():
        try:
            projekt = services.projekt_speichern(durch=request.user, daten=form.cleaned_data, projekt=projekt)
        except Regelverstoss as exc:
            form.add_error(None, exc.meldung)
        else:
            messages.success(request, "Das Projekt ist gespeichert.")
            return redirect(projekt_url(projekt))
    return render(request, "programme/projekt_formular.html", {
        "form": form, "projekt": projekt, "organisationen": form.fields["traeger"].queryset,
    })


KEINE_PROJEKTE = "Sie können keine Projekte erfassen."


def projekt_anlegen(request):
    verlangen(kann_projekte_erfassen(request.user), KEINE_PROJEKTE)
    return _projektformular(request, None)


def projekt_bearbeiten(request, pk: int):
    return _projektformular(request, _projekt(request, pk, schreiben=True))


ORGANISATION_SPALTEN = [
    Spalte("Name", lambda o: o.name),
    Spalte("Kurzname", lambda o: o.kurzname),
    Spalte("Art", lambda o: o.get_art_display()),
    Spalte("Stadt", lambda o: o.stadt.name if o.stadt else ""),
    Spalte("übergeordnet", lambda o: o.parent.name if o.parent else ""),
    Spalte("Adresse", lambda o: o.adresse),
    Spalte("Projekte als Träger", lambda o: o.anzahl_projekte, "zahl"),
]


def _organisationsfilter(user, daten) -> OrganisationFilter:
    # Organisations are public city data: every role sees all of them, with the count of projects
    # they run (which is why the list lives here and not in quartiere).
    organisationen = (Organisation.objects.select_related("stadt", "parent")
                      .annotate(anzahl_projekte=Count("projekte", distinct=True)).order_by("name"))
    return OrganisationFilter(daten, queryset=organisationen)


ORGANISATIONEN = Liste("organisationen", "Organisationen", ORGANISATION_SPALTEN, _organisationsfilter)


def organisation_liste(request):
    return gefilterte_liste(request, liste=ORGANISATIONEN, template="programme/organisation_liste.html")
