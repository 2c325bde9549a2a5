import copy
import json
from functools import partial

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kern.aktion import aktion
from kern.export import Spalte
from kern.fehler import Regelverstoss
from kern.exportauftraege import Liste
from kern.listen import gefilterte_liste, seite, seite_ueber_schluessel
from kern.parameter import parameter_ganzzahl
from kern.zeit import heute
from kern.zugriff import objekt_oder_404, verlangen
from programme.models import Bewilligung, Projekt
from quartiere.models import Person

from . import namensliste, selectors, services
from .filters import BeschlussFilter, GremiumFilter
from .forms import (
    AnonymisierenForm,
    AufgabeForm,
    BeschlussForm,
    BewertungForm,
    FoerderBeschlussForm,
    MitgliedForm,
    SitzungForm,
    StatusForm,
    TagesordnungspunktForm,
    MehrereTeilnahmenForm,
    TeilnahmeForm,
    ThemaForm,
    UebernehmenForm,
    UmsetzungForm,
    foerder_auswahl,
    organisationen_fuer,
)
from .models import Aufgabe, Beschluss, Gremium, Sitzung, Teilnahme, Thema, Themenbewertung
from .permissions import (
    kann_aufgabe_erledigen,
    kann_aufgaben_sehen,
    kann_foerderung_beschliessen,
    kann_gremium_bearbeiten,
    kann_namen_sehen,
    kann_personendaten_verwalten,
    kann_sitzung_veroeffentlichen,
)

AUFGABEN_NUR_MIT_NAMEN = "Aufgaben mit verantwortlichen Personen sehen Verwaltung und Quartiersmanagement."
AUFGABE_NICHT_ABHAKEN = "Sie dürfen diese Aufgabe nicht abhaken."
NUR_PERSONENDATEN = "Personendaten verwaltet nur die Verwaltung."


# --- helpers: the access check comes first in every view --------------------------------------


def _gremium(request, pk: int, *, schreiben: bool = False) -> Gremium:
    return objekt_oder_404(request.user, Gremium.objects.select_related("gebiet__stadt", "programm"),
                           schreiben=schreiben, pk=pk)


def _sitzung(request, pk: int, *, schreiben: bool = False) -> Sitzung:
    return objekt_oder_404(
        request.user, Sitzung.objects.select_related("gremium__gebiet__stadt", "verfasst_von__organisation"),
        schreiben=schreiben, pk=pk)


# Action pages of bodies and meetings lead back to the meeting and show its cards beside the form.
_aktion = partial(aktion, kopfzeile="beteiligung/_aktion_kopf.html", seitenleiste="beteiligung/_aktion_seite.html")


def _neue_person(d: dict) -> services.NeuePerson | None:
    if d.get("person") is not None:
        return None
    return services.NeuePerson(vorname=d["vorname"], nachname=d["nachname"], organisation=d["person_organisation"],
                               funktion=d["funktion"])


# --- bodies ----------------------------------------------------------------------------------


def _soll(g) -> str:
    if not g.sitzungen_soll_min:
        return ""
    if g.sitzungen_soll_max and g.sitzungen_soll_max != g.sitzungen_soll_min:
        return f"{g.sitzungen_soll_min}–{g.sitzungen_soll_max}"
    return str(g.sitzungen_soll_min)


GREMIUM_SPALTEN = [
    Spalte("Gremium", lambda g: g.name),
    Spalte("Art", lambda g: g.get_art_display()),
    Spalte("Stadt", lambda g: g.gebiet.stadt.name if g.gebiet.stadt else g.gebiet.name),
    Spalte("Gebiet", lambda g: g.gebiet.name),
    Spalte("Programm", lambda g: g.programm.kurzname if g.programm else ""),
    Spalte("aktiv", lambda g: "ja" if g.aktiv else "nein"),
    Spalte("Sitzungen im Jahr", lambda g: g.gehalten, "zahl"),
    Spalte("Soll je Jahr", _soll),
    Spalte("zuletzt", lambda g: g.zuletzt, "datum"),
    Spalte("nächste", lambda g: g.naechste, "datum"),
]


def _gremienfilter(user, daten) -> GremiumFilter:
    gremien = selectors.gremien_mit_kennzahlen(Gremium.objects.sichtbar_fuer(user), heute().year).order_by(
        "gebiet__stadt__name", "gebiet__name", "name")
    return GremiumFilter(daten, queryset=gremien, user=user)


GREMIEN = Liste("gremien", "Gremien", GREMIUM_SPALTEN, _gremienfilter)


def gremium_liste(request):
    return gefilterte_liste(request, liste=GREMIEN, template="beteiligung/gremium_liste.html",
                            kontext={"jahr": heute().year})


def gremium_detail(request, pk: int):
    gremium = _gremium(request, pk)
    mit_namen = kann_namen_sehen(request.user)
    sitzungen = gremium.sitzungen.order_by("-datum", "-beginn")
    return render(request, "beteiligung/gremium_detail.html", {
        "gremium": gremium,
        "mitglieder": selectors.mitglieder(gremium, mit_namen=mit_namen),
        "mit_namen": mit_namen,
        "sitzungen": list(sitzungen[:50]),
        "jahre": selectors.sitzungen_je_jahr(gremium),
        "beschluesse": list(selectors.offene_beschluesse_laden(
            selectors.offene_beschluesse(Beschluss.objects.filter(sitzung__gremium=gremium)))),
        "themenspeicher": list(gremium.themen.filter(status=Thema.Status.THEMENSPEICHER).order_by("titel")),
        "darf_schreiben": kann_gremium_bearbeiten(request.user, gremium),
    })


def mitglied_neu(request, pk: int):
    gremium = _gremium(request, pk, schreiben=True)
    form = MitgliedForm(request.POST or None, personen=selectors.personen_auswahl(request.user),
                        organisationen=organisationen_fuer(gremium.gebiet))
    return _aktion(
        request, titel=f"Mitglied aufnehmen: {gremium}", form=form, ziel=reverse("beteiligung:gremium", args=[pk]),
        erfolg="Die Mitgliedschaft ist gespeichert.",
        ausfuehren=lambda d: services.mitgliedschaft_anlegen(
            gremium=gremium, durch=request.user, person=d["person"], neue_person=_neue_person(d),
            einwilligung_am=d["einwilligung_am"], organisation=d["organisation"], rolle=d["rolle"],
            beginn=d["beginn"], ende=d["ende"]),
    )


def sitzung_neu(request, pk: int):
    gremium = _gremium(request, pk, schreiben=True)
    form = SitzungForm(request.POST or None, instance=Sitzung(gremium=gremium), neu=True,
                       verfasser=Person.objects.none())
    return _aktion(
        request, titel=f"Sitzung planen: {gremium}", form=form,
        ziel=reverse("beteiligung:gremium", args=[pk]), erfolg="Die Sitzung ist angelegt.",
        weiter=lambda sitzung: reverse("beteiligung:sitzung", args=[sitzung.pk]),
        ausfuehren=lambda d: services.sitzung_anlegen(gremium=gremium, durch=request.user, **d),
    )


# --- meetings --------------------------------------------------------------------------------


def sitzung_detail(request, pk: int):
    sitzung = _sitzung(request, pk)
    mit_namen = kann_namen_sehen(request.user)
    return render(request, "beteiligung/sitzung_detail.html", {
        "doku": selectors.sitzungsdokumentation(sitzung, mit_namen=mit_namen),
        "sitzung": sitzung,
        "darf_schreiben": kann_gremium_bearbeiten(request.user, sitzung.gremium),
        "folgestatus": sorted(services.SITZUNG_UEBERGAENGE[sitzung.status]),
        "darf_veroeffentlichen": kann_sitzung_veroeffentlichen(request.user),
    })


def sitzung_bearbeiten(request, pk: int):
    sitzung = _sitzung(request, pk, schreiben=True)
    # The form writes into its instance while validating; the page keeps showing the stored meeting.
    form = SitzungForm(request.POST or None, instance=copy.copy(sitzung),
                       verfasser=selectors.verfasser_auswahl(request.user))
    return _aktion(
        request, titel=f"Sitzung bearbeiten: {sitzung.titel}", form=form,
        ziel=reverse("beteiligung:sitzung", args=[pk]), erfolg="Die Sitzung ist gespeichert.",
        kontext={"sitzung": sitzung},
        ausfuehren=lambda d: services.sitzung_aendern(sitzung=sitzung, durch=request.user, **d),
    )


def sitzung_status(request, pk: int):
    sitzung = _sitzung(request, pk, schreiben=True)
    form = StatusForm(request.POST or None, erlaubt=sorted(services.SITZUNG_UEBERGAENGE[sitzung.status]),
                      verfasser=selectors.verfasser_auswahl(request.user))
    return _aktion(
        request, titel=f"Status ändern: {sitzung}", form=form, ziel=reverse("beteiligung:sitzung", args=[pk]),
        erfolg="Der Status der Sitzung ist geändert.", kontext={"sitzung": sitzung},
        ausfuehren=lambda d: services.sitzung_status_setzen(sitzung=sitzung, status=d["status"], durch=request.user,
                                                            datum=d["datum"], verfasst_von=d["verfasst_von"]),
    )


def teilnehmende(request, pk: int):
    sitzung = _sitzung(request, pk, schreiben=True)
    form = TeilnahmeForm(request.POST or None, personen=selectors.personen_auswahl(request.user),
                         organisationen=organisationen_fuer(sitzung.gremium.gebiet))
    teilnahmen = sitzung.teilnahmen.select_related("person__organisation", "organisation").order_by(
        "rolle", "person__nachname")
    return _aktion(
        request, titel=f"Teilnehmende: {sitzung}", form=form, template="beteiligung/teilnehmende.html",
        ziel=reverse("beteiligung:teilnehmende", args=[pk]), erfolg="Die Teilnahme ist erfasst.",
        kontext={"sitzung": sitzung, "teilnahmen": teilnahmen},
        ausfuehren=lambda d: services.teilnahme_erfassen(
            sitzung=sitzung, durch=request.user, person=d["person"], neue_person=_neue_person(d),
            einwilligung_am=d["einwilligung_am"], organisation=d["organisation"], rolle=d["rolle"]),
    )


def teilnehmende_mehrere(request, pk: int):
    sitzung = _sitzung(request, pk, schreiben=True)
    personen = selectors.personen_auswahl(request.user)
    suche = request.GET.get("q", "").replace("\x00", "")[:100]  # PostgreSQL refuses NUL in text
    form = MehrereTeilnahmenForm(request.POST or None, personen=personen)
    treffer = namensliste.suchen(personen, suche, gremium_id=sitzung.gremium_id,
                                 ohne=sitzung.teilnahmen.values("person_id"))
    return _aktion(
        request, titel=f"Mehrere Teilnehmende erfassen: {sitzung}", form=form,
        template="beteiligung/teilnehmende_mehrere.html", ziel=reverse("beteiligung:teilnehmende", args=[pk]),
        erfolg="Die Teilnehmenden sind erfasst.",
        kontext={"sitzung": sitzung, "treffer": treffer, "suche": suche,
                 "gewaehlt": {str(w) for w in (form["personen"].value() or [])},
                 "hoechstens": namensliste.HOECHSTENS_TREFFER},
        ausfuehren=lambda d: services.teilnahmen_erfassen(sitzung=sitzung, durch=request.user, personen=d["alle"],
                                                          rolle=d["rolle"]),
    )


@require_POST
def teilnahme_entfernen(request, pk: int):
    teilnahme = objekt_oder_404(request.user, Teilnahme.objects.select_related("sitzung"), schreiben=True, pk=pk)
    services.teilnahme_entfernen(teilnahme=teilnahme, durch=request.user)
    messages.success(request, "Die Teilnahme ist entfernt.")
    return redirect("beteiligung:teilnehmende", pk=teilnahme.sitzung_id)


def tagesordnung(request, pk: int):
    sitzung = _sitzung(request, pk, schreiben=True)
    return _aktion(
        request, titel=f"Tagesordnung: {sitzung}", form=TagesordnungspunktForm(request.POST or None),
        template="beteiligung/tagesordnung.html", ziel=reverse("beteiligung:tagesordnung", args=[pk]),
        erfolg="Der Tagesordnungspunkt ist angelegt.",
        kontext={"sitzung": sitzung, "punkte": sitzung.tagesordnungspunkte.order_by("nummer")},
        ausfuehren=lambda d: services.tagesordnungspunkt_anlegen(sitzung=sitzung, durch=request.user, **d),
    )


# --- topics ----------------------------------------------------------------------------------


def themen(request, pk: int):
    sitzung = _sitzung(request, pk, schreiben=True)
    return _aktion(
        request, titel=f"Themen und Bewertungspunkte: {sitzung}", form=ThemaForm(request.POST or None, stadt=sitzung.gremium.gebiet.stadt_oder_selbst),
        template="beteiligung/themen.html", ziel=reverse("beteiligung:themen", args=[pk]),
        erfolg="Das Thema ist aufgenommen.",
        kontext={"sitzung": sitzung, "karten": selectors.themenkarten(sitzung.themenbewertungen.all()),
                 "speicher": list(selectors.offener_themenspeicher(sitzung))},
        ausfuehren=lambda d: services.thema_einbringen(sitzung=sitzung, durch=request.user, **d),
    )


def thema_uebernehmen(request, pk: int):
    sitzung = _sitzung(request, pk, schreiben=True)
    speicher = selectors.offener_themenspeicher(sitzung)
    form = UebernehmenForm(request.POST or None, themen=speicher, initial={"thema": request.GET.get("thema")})
    return _aktion(
        request, titel=f"Aus dem Themenspeicher übernehmen: {sitzung}", form=form,
        ziel=reverse("beteiligung:themen", args=[pk]), erfolg="Das Thema ist aus dem Themenspeicher übernommen.",
        kontext={"sitzung": sitzung, "speicher": list(speicher)},
        ausfuehren=lambda d: services.thema_uebernehmen(sitzung=sitzung, thema=d["thema"], punkte=d["punkte"],
                                                        durch=request.user),
    )


def bewertung_bearbeiten(request, pk: int):
    bewertung = objekt_oder_404(request.user, Themenbewertung.objects.select_related("thema", "sitzung"),
                                schreiben=True, pk=pk)
    form = BewertungForm(request.POST or None, initial={"punkte": bewertung.punkte, "besprochen": bewertung.besprochen,
                                                        "ergebnis": bewertung.ergebnis})
    return _aktion(
        request, titel=f"Themenkarte: {bewertung.thema}", form=form,
        ziel=reverse("beteiligung:themen", args=[bewertung.sitzung_id]), erfolg="Die Themenkarte ist gespeichert.",
        kontext={"sitzung": bewertung.sitzung},
        ausfuehren=lambda d: services.themenbewertung_aendern(bewertung=bewertung, durch=request.user, **d),
    )


def thema_detail(request, pk: int):
    thema = objekt_oder_404(request.user, Thema.objects.mit_gebiet().select_related("handlungsfeld", "eingebracht_in"),
                            pk=pk)
    return render(request, "beteiligung/thema_detail.html", {
        "thema": thema, "verlauf": selectors.themenverlauf(thema),
    })


# --- decisions -------------------------------------------------------------------------------


def beschluss_neu(request, pk: int):
    sitzung = _sitzung(request, pk, schreiben=True)
    tops = sitzung.tagesordnungspunkte.order_by("nummer")
    mit_foerderung = kann_foerderung_beschliessen(request.user, sitzung.gremium)
    if mit_foerderung:
        antraege, projekte, programme = foerder_auswahl(
            sitzung.gremium, Bewilligung.objects.sichtbar_fuer(request.user),
            Projekt.objects.sichtbar_fuer(request.user))
        form = FoerderBeschlussForm(request.POST or None, tagesordnungspunkte=tops, antraege=antraege,
                                    projekte=projekte, programme=programme,
                                    initial={"jahr": sitzung.datum.year})
    else:
        form = BeschlussForm(request.POST or None, tagesordnungspunkte=tops)

    def fassen(d):
        foerderung = None
        if d.get("betrag") is not None:
            foerderung = services.Foerderung(betrag=d["betrag"], bewilligung=d["bewilligung"], projekt=d["projekt"],
                                             programm=d["programm"], jahr=d["jahr"])
        services.beschluss_fassen(
            sitzung=sitzung, durch=request.user, text=d["text"], art=d["art"], stimmen_ja=d["stimmen_ja"],
            stimmen_nein=d["stimmen_nein"], stimmen_enthaltung=d["stimmen_enthaltung"],
            tagesordnungspunkt=d["tagesordnungspunkt"], foerderung=foerderung)

    return _aktion(request, titel=f"Beschluss erfassen: {sitzung}", form=form, ausfuehren=fassen,
                   ziel=reverse("beteiligung:sitzung", args=[pk]), erfolg="Der Beschluss ist gespeichert.",
                   kontext={"sitzung": sitzung, "mit_foerderung": mit_foerderung})


def _beschluss(request, pk: int, *, schreiben: bool = False) -> Beschluss:
    return objekt_oder_404(
        request.user, Beschluss.objects.mit_gebiet().select_related("tagesordnungspunkt", "bewilligung__projekt",
                                                                    "bewilligung__programm"),
        schreiben=schreiben, pk=pk)


def beschluss_detail(request, pk: int):
    beschluss = _beschluss(request, pk)
    mit_namen = kann_namen_sehen(request.user)
    return render(request, "beteiligung/beschluss_detail.html", {
        "beschluss": beschluss,
        "verlauf": selectors.umsetzungsverlauf(beschluss, mit_namen=mit_namen),
        "mit_namen": mit_namen,
        "aufgaben": list(beschluss.aufgaben.order_by("faellig_am", "id")),
        "darf_schreiben": kann_gremium_bearbeiten(request.user, beschluss.sitzung.gremium),
    })


def beschluss_umsetzung(request, pk: int):
    beschluss = _beschluss(request, pk, schreiben=True)
    form = UmsetzungForm(request.POST or None, initial={"status": beschluss.umsetzungsstatus,
                                                        "vermerk": beschluss.umsetzung_vermerk})
    return _aktion(
        request, titel="Umsetzung des Beschlusses", form=form, ziel=reverse("beteiligung:beschluss", args=[pk]),
        erfolg="Der Stand der Umsetzung ist gespeichert.", kontext={"beschluss": beschluss},
        ausfuehren=lambda d: services.beschluss_umsetzung_setzen(beschluss=beschluss, durch=request.user,
                                                                 status=d["status"], vermerk=d["vermerk"]),
    )


def beschluesse_offen(request):
    gremien = Gremium.objects.sichtbar_fuer(request.user)
    beschluesse = selectors.offene_beschluesse(Beschluss.objects.sichtbar_fuer(request.user))
    filterset = BeschlussFilter(request.GET, queryset=beschluesse, user=request.user, gremien=gremien)
    zeilen = filterset.qs if filterset.is_valid() else beschluesse.none()
    # The order joins four tables over every open decision; the page's 25 rows are read on their own.
    return render(request, "beteiligung/beschluesse_offen.html", {
        "filter": filterset, **seite_ueber_schluessel(request, zeilen, laden=selectors.offene_beschluesse_laden)})


# --- action items ----------------------------------------------------------------------------


def aufgabe_neu(request, pk: int):
    sitzung = _sitzung(request, pk, schreiben=True)
    form = AufgabeForm(request.POST or None, personen=selectors.personen_auswahl(request.user),
                       beschluesse=sitzung.beschluesse.select_related("sitzung").order_by("id"))
    return _aktion(
        request, titel=f"Aufgabe festhalten: {sitzung}", form=form, ziel=reverse("beteiligung:sitzung", args=[pk]),
        erfolg="Die Aufgabe ist gespeichert.", kontext={"sitzung": sitzung},
        ausfuehren=lambda d: services.aufgabe_anlegen(sitzung=sitzung, durch=request.user, **d),
    )


def aufgaben(request):
    verlangen(kann_aufgaben_sehen(request.user), AUFGABEN_NUR_MIT_NAMEN)
    offen = request.GET.get("stand") != "erledigt"
    zeilen = Aufgabe.objects.sichtbar_fuer(request.user).mit_gebiet().select_related("verantwortlich").order_by(
        "erledigt_am" if offen else "-erledigt_am", "faellig_am", "id")
    zeilen = zeilen.filter(erledigt_am__isnull=offen)
    return render(request, "beteiligung/aufgaben.html", {"offen": offen, "heute": heute(),
                                                         **seite(request, zeilen)})


@require_POST
def aufgabe_erledigt(request, pk: int):
    # Whoever sees the item may try; kann_aufgabe_erledigen says who may tick it off.
    aufgabe = objekt_oder_404(request.user, Aufgabe.objects.select_related("sitzung__gremium", "verantwortlich"),
                              pk=pk)
    verlangen(kann_aufgabe_erledigen(request.user, aufgabe), AUFGABE_NICHT_ABHAKEN)
    try:
        services.aufgabe_erledigen(aufgabe=aufgabe, durch=request.user)
    except Regelverstoss as exc:
        messages.error(request, exc.meldung)
    else:
        messages.success(request, f"Erledigt: {aufgabe.text}")
    ziel = request.POST.get("weiter", "")
    return redirect(ziel if ziel.startswith("/") and not ziel.startswith("//") else
                    reverse("beteiligung:sitzung", args=[aufgabe.sitzung_id]))


# --- Strukturcheck ---------------------------------------------------------------------------


STRUKTURCHECK_SEITE = 100


def strukturcheck(request):
    tag = heute()
    jahr = parameter_ganzzahl(request, "jahr", minimum=2000, maximum=tag.year + 1, fehlt=tag.year,
                              ungueltig="Für dieses Jahr gibt es keinen Strukturcheck.")
    # Paged, so a Land with thousands of areas still gets a short page; the check runs for its rows only.
    modelle = selectors.strukturmodelle()
    blatt = seite(request, selectors.strukturcheck_gebiete(request.user, jahr, strukturmodelle=modelle),
                  STRUKTURCHECK_SEITE)
    return render(request, "beteiligung/strukturcheck.html", {
        "jahr": jahr, "jahre": list(range(tag.year, tag.year - 5, -1)), **blatt,
        "matrix": list(selectors.strukturcheck(blatt["seite"].object_list, jahr, strukturmodelle=modelle).values()),
    })


# --- personal data (staff only) --------------------------------------------------------------


def _nur_personendaten(request) -> None:
    verlangen(kann_personendaten_verwalten(request.user), NUR_PERSONENDATEN)


def personen(request):
    _nur_personendaten(request)
    suche = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    return render(request, "beteiligung/personen.html", {
        "suche": suche, **seite(request, selectors.personen_liste(suche)),
    })


def person_export(request, pk: int):
    _nur_personendaten(request)
    person = objekt_oder_404(request.user, Person.objects.select_related("organisation", "user"), pk=pk)
    antwort = HttpResponse(json.dumps(selectors.personendaten(person), ensure_ascii=False, indent=2),
                           content_type="application/json; charset=utf-8")
    antwort["Content-Disposition"] = f'attachment; filename="personendaten-{person.pk}.json"'
    return antwort


def person_anonymisieren(request, pk: int):
    _nur_personendaten(request)
    person = objekt_oder_404(request.user, Person.objects.select_related("organisation"), pk=pk)
    return _aktion(
        request, titel=f"Person anonymisieren: {person}", form=AnonymisierenForm(request.POST or None),
        ziel=reverse("beteiligung:personen"), erfolg="Die Person ist anonymisiert.", kontext={"person": person},
        ausfuehren=lambda d: services.person_anonymisieren(person=person, durch=request.user),
    )
