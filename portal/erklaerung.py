"""The accessibility statement kept by staff (§ 12b BGG, BITV 2.0 § 7): the state of conformity, the known
gaps with their reasons and alternatives, and the day it was last checked are data, edited in the portal
by staff, each change kept in the history; the rest of the statement (legal basis, feedback,
arbitration) is the page's fixed text.

Until staff first save it, the public page shows the statement as the portal ships it (STANDARD).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import User
from django.db import transaction
from django.shortcuts import redirect, render

from kern.formulare import Modellformular
from kern.rollen import ist_verwaltung
from kern.speichern import speichern
from kern.zeit import heute
from kern.zugriff import verlangen

from .models import Barrierefreiheitserklaerung, BekannterMangel

NUR_VERWALTUNG = "Die Erklärung zur Barrierefreiheit pflegt die Verwaltung."
GESPEICHERT = "Die Erklärung zur Barrierefreiheit ist gespeichert und öffentlich sichtbar."
PRUEFDATUM_IN_DER_ZUKUNFT = "Das Datum der Prüfung kann nicht in der Zukunft liegen."


@dataclass(frozen=True)
class Mangel:
    titel: str
    beschreibung: str
    alternative: str


STANDARD_STAND = dt.date(2026, 12, 1)
STANDARD_ERLAEUTERUNG = "Die unten genannten Inhalte sind noch nicht vollständig barrierefrei."
STANDARD_MAENGEL = [
    Mangel("Karte der Gebiete",
           "Die Umrisse der Gebiete auf der Karte sind mit Bildschirmleser und Tastatur nur eingeschränkt erfassbar.",
           "Die Liste der Gebiete und jede Gebietsseite enthalten dieselben Angaben als Text und Tabellen."),
    Mangel("Diagramme",
           "Diagramme in Berichten und auf Übersichtsseiten geben die Zahlen nur zusammengefasst als "
           "Bildbeschreibung wieder.",
           "Dieselben Zahlen stehen jeweils in einer Tabelle daneben."),
    Mangel("Ältere PDF-Berichte",
           "Veröffentlichte Berichte werden nie verändert. Berichte, die vor dem 01.12.2026 veröffentlicht wurden, "
           "tragen noch keine Kennzeichnung nach PDF/UA und lesen Kopf- und Fußzeilen vor.",
           "Wir senden Ihnen den Bericht auf Anfrage in einer barrierefreien Fassung."),
    Mangel("Stammdatenverwaltung",
           "Die Verwaltungsoberfläche für Stammdaten (nur für Mitarbeitende) ist nicht eigens geprüft.",
           "Alle Aufgaben der täglichen Arbeit sind auch in den geprüften Seiten des Portals möglich."),
]


def aktuelle_erklaerung() -> tuple[Barrierefreiheitserklaerung, list]:
    """The statement and its gaps as the public page shows them: the one staff keep, else the shipped one
    (not saved); two queries."""
    erklaerung = Barrierefreiheitserklaerung.objects.order_by("pk").first()
    if erklaerung is None:
        return Barrierefreiheitserklaerung(geprueft_am=STANDARD_STAND, erlaeuterung=STANDARD_ERLAEUTERUNG), \
            list(STANDARD_MAENGEL)
    return erklaerung, list(erklaerung.maengel.all())


def zu_bearbeiten() -> tuple[Barrierefreiheitserklaerung, list[dict]]:
    """The statement staff edit, and the gaps to offer as new rows: the saved statement (its gaps are its
    rows), else the shipped one, not saved until staff save it."""
    erklaerung = Barrierefreiheitserklaerung.objects.order_by("pk").first()
    if erklaerung is not None:
        return erklaerung, []
    return Barrierefreiheitserklaerung(geprueft_am=STANDARD_STAND, erlaeuterung=STANDARD_ERLAEUTERUNG), [
        {"titel": m.titel, "beschreibung": m.beschreibung, "alternative": m.alternative, "reihenfolge": nummer}
        for nummer, m in enumerate(STANDARD_MAENGEL, start=1)]


class ErklaerungForm(Modellformular):
    class Meta:
        model = Barrierefreiheitserklaerung
        fields = ["vereinbarkeit", "erlaeuterung", "geprueft_am"]
        widgets = {"erlaeuterung": forms.Textarea(attrs={"rows": 3}),
                   "geprueft_am": forms.DateInput(format="%d.%m.%Y")}
        help_texts = {"geprueft_am": "TT.MM.JJJJ; das Datum, an dem die Erklärung zuletzt am Portal geprüft wurde"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["geprueft_am"].input_formats = ["%d.%m.%Y", "%Y-%m-%d"]

    def clean_geprueft_am(self):
        tag = self.cleaned_data["geprueft_am"]
        if tag > heute():
            raise forms.ValidationError(PRUEFDATUM_IN_DER_ZUKUNFT)
        return tag


def maengel_formset(extra: int = 1):
    return forms.inlineformset_factory(
        Barrierefreiheitserklaerung, BekannterMangel, fields=["titel", "beschreibung", "alternative", "reihenfolge"],
        extra=extra, can_delete=True, max_num=50, validate_max=True,
        widgets={"beschreibung": forms.Textarea(attrs={"rows": 2}), "alternative": forms.Textarea(attrs={"rows": 2})})


def erklaerung_speichern(*, form: ErklaerungForm, maengel, durch: User) -> Barrierefreiheitserklaerung:
    """The statement and its gaps together (both validated; the first save stores the shipped statement as
    edited); the history records who changed what."""
    verlangen(ist_verwaltung(durch), NUR_VERWALTUNG)
    with transaction.atomic():
        erklaerung = form.save(commit=False)
        erklaerung.bearbeitet_von = durch
        speichern(erklaerung, durch)
        maengel.instance = erklaerung
        maengel.save()
    return erklaerung


@login_not_required
def erklaerung(request):
    erklaerung, maengel = aktuelle_erklaerung()
    return render(request, "portal/oeffentlich/barrierefreiheit.html", {
        "erklaerung": erklaerung, "maengel": maengel, "stand": erklaerung.geprueft_am,
        "darf_bearbeiten": ist_verwaltung(request.user)})


def erklaerung_bearbeiten(request):
    verlangen(ist_verwaltung(request.user), NUR_VERWALTUNG)
    erklaerung, vorschlaege = zu_bearbeiten()
    form = ErklaerungForm(request.POST or None, instance=erklaerung)
    if request.method == "POST":
        # The shipped gaps come back as posted rows: compared with no initial value, each counts as entered.
        maengel = maengel_formset(extra=max(1, len(vorschlaege)))(request.POST, instance=erklaerung, prefix="mangel")
    else:
        maengel = maengel_formset(extra=len(vorschlaege) + 1)(instance=erklaerung, prefix="mangel",
                                                               initial=vorschlaege)
    if request.method == "POST" and form.is_valid() and maengel.is_valid():
        erklaerung_speichern(form=form, maengel=maengel, durch=request.user)
        messages.success(request, GESPEICHERT)
        return redirect("barrierefreiheit")
    return render(request, "portal/oeffentlich/erklaerung_bearbeiten.html", {
        "form": form, "maengel": maengel, "erklaerung": erklaerung,
        "fassungen": (erklaerung.history.select_related("history_user").order_by("-history_date")[:20]
                      if erklaerung.pk else [])})
