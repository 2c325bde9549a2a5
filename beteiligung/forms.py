"""Forms validate and normalise; the services in beteiligung/services.py save."""

from __future__ import annotations

from django import forms
from django.db.models import Q

from kern.formulare import Formular, Modellformular
from kern.formfelder import IdMehrfachauswahl
from kern.zeit import heute
from programme.forms import geld
from programme.models import Bewilligung, Foerderprogramm, Handlungsfeld
from programme.services import ANTRAG_ERLAUBT_IN
from quartiere.models import Gebiet, Organisation, Person

from . import namensliste
from .services import NIEMAND_GEWAEHLT
from .models import Beschluss, Gremium, Mitgliedschaft, Sitzung, Taetigkeit, Teilnahme

DATUM = {"placeholder": "TT.MM.JJJJ"}


def datum(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, localize=True, widget=forms.DateInput(attrs=DATUM), **kwargs)


def uhrzeit(label: str) -> forms.TimeField:
    return forms.TimeField(label=label, required=False, widget=forms.TimeInput(attrs={"placeholder": "HH:MM"},
                                                                               format="%H:%M"))


class PersonFeld(forms.ModelChoiceField):
    """Persons with their organisation; those whose name may not be stored yet are marked."""

    def label_from_instance(self, person: Person) -> str:
        text = f"{person.nachname}, {person.vorname}"
        if person.organisation_id:
            text += f" ({person.organisation})"
        if not person.darf_namentlich_genannt_werden:
            text += " – keine Einwilligung erfasst"
        return text


def organisationen_fuer(gebiet: Gebiet):
    """Organisations of the area's city and those without a city."""
    return Organisation.objects.filter(Q(stadt=gebiet.stadt_oder_selbst) | Q(stadt__isnull=True)).order_by("name")


class PersonWahlForm(Formular):
    """Choose a recorded person, or record a new one; names of non-staff need the consent date."""

    person = PersonFeld(label="erfasste Person", queryset=Person.objects.none(), required=False,
                        empty_label="– neue Person erfassen –")
    vorname = forms.CharField(label="Vorname (neue Person)", max_length=100, required=False)
    nachname = forms.CharField(label="Nachname (neue Person)", max_length=100, required=False)
    person_organisation = forms.ModelChoiceField(label="Organisation der neuen Person", required=False,
                                                 queryset=Organisation.objects.none())
    funktion = forms.CharField(label="Funktion (neue Person)", max_length=200, required=False)
    einwilligung_am = datum("Einwilligung zur Datenverarbeitung am", required=False,
                            help_text="Nötig für Personen, die nicht bei der Verwaltung beschäftigt sind.")

    def __init__(self, *args, personen, organisationen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = personen
        self.fields["person_organisation"].queryset = organisationen

    def clean(self):
        daten = super().clean()
        if daten.get("person") is None and not (daten.get("vorname") and daten.get("nachname")):
            raise forms.ValidationError("Bitte wählen Sie eine erfasste Person oder geben Sie Vor- und Nachnamen an.")
        if daten.get("einwilligung_am") and daten["einwilligung_am"] > heute():
            self.add_error("einwilligung_am", "Das Datum der Einwilligung darf nicht in der Zukunft liegen.")
        return daten


class TeilnahmeForm(PersonWahlForm):
    organisation = forms.ModelChoiceField(label="nimmt teil für", required=False, queryset=Organisation.objects.none(),
                                          help_text="leer: die Organisation der Person")
    rolle = forms.ChoiceField(label="Rolle", choices=Teilnahme.Rolle.choices, initial=Teilnahme.Rolle.TEILNEHMEND)

    def __init__(self, *args, organisationen, **kwargs):
        super().__init__(*args, organisationen=organisationen, **kwargs)
        self.fields["organisation"].queryset = organisationen


class MehrereTeilnahmenForm(Formular):
    """Several recorded persons at once: ticked in the search, and/or a pasted list of names."""

    personen = IdMehrfachauswahl(label="gefundene Personen", queryset=Person.objects.none(), required=False,
                                 widget=forms.CheckboxSelectMultiple)
    namensliste = forms.CharField(
        label="Namensliste", required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Eine Person je Zeile, z. B. „Erika Mustermann“ oder „Mustermann, Erika“; jede Zeile muss genau eine erfasste "
                  "Person treffen, sonst wird niemand eingetragen.")
    rolle = forms.ChoiceField(label="Rolle", choices=Teilnahme.Rolle.choices, initial=Teilnahme.Rolle.TEILNEHMEND)

    def __init__(self, *args, personen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["personen"].queryset = personen

    def clean(self):
        daten = super().clean()
        gewaehlt = list(daten.get("personen") or [])
        zuordnung = namensliste.zuordnen(daten.get("namensliste") or "", self.fields["personen"].queryset)
        for fehler in zuordnung.fehler:
            self.add_error("namensliste", fehler)
        ids = {p.pk for p in gewaehlt}
        daten["alle"] = gewaehlt + [p for p in zuordnung.personen if p.pk not in ids]
        if not self.errors and not daten["alle"]:
            raise forms.ValidationError(NIEMAND_GEWAEHLT)
        return daten


class MitgliedForm(PersonWahlForm):
    organisation = forms.ModelChoiceField(label="vertritt", required=False, queryset=Organisation.objects.none(),
                                          help_text="leer: die Organisation der Person")
    rolle = forms.ChoiceField(label="Rolle", choices=Mitgliedschaft.Rolle.choices,
                              initial=Mitgliedschaft.Rolle.MITGLIED)
    beginn = datum("Mitglied von", required=False)
    ende = datum("Mitglied bis", required=False)

    def __init__(self, *args, organisationen, **kwargs):
        super().__init__(*args, organisationen=organisationen, **kwargs)
        self.fields["organisation"].queryset = organisationen

    def clean(self):
        daten = super().clean()
        if daten.get("beginn") and daten.get("ende") and daten["ende"] < daten["beginn"]:
            self.add_error("ende", "Das Ende darf nicht vor dem Beginn liegen.")
        return daten


class SitzungForm(Modellformular):
    datum = datum("Datum")
    beginn = uhrzeit("Beginn")
    ende = uhrzeit("Ende")
    verfasst_von = PersonFeld(label="Verfasser:in der Dokumentation", queryset=Person.objects.none(), required=False)

    class Meta:
        model = Sitzung
        fields = ["titel", "datum", "beginn", "ende", "ort", "format", "teilnehmendenzahl",
                  "punkte_je_person", "hintergrund", "zusammenfassung", "ausblick", "verfasst_von"]
        widgets = {
            "hintergrund": forms.Textarea(attrs={"rows": 5}),
            "zusammenfassung": forms.Textarea(attrs={"rows": 5}),
            "ausblick": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, verfasser, neu: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verfasst_von"].queryset = verfasser
        if neu:
            for feld in ("teilnehmendenzahl", "zusammenfassung", "ausblick", "verfasst_von"):
                del self.fields[feld]

    def clean(self):
        daten = super().clean()
        if daten.get("beginn") and daten.get("ende") and daten["ende"] < daten["beginn"]:
            self.add_error("ende", "Das Ende darf nicht vor dem Beginn liegen.")
        return daten


class StatusForm(Formular):
    status = forms.ChoiceField(label="neuer Status")
    datum = datum("dokumentiert am", required=False, help_text="nur beim Abschluss der Dokumentation; leer: heute")
    verfasst_von = PersonFeld(label="Verfasser:in der Dokumentation", queryset=Person.objects.none(), required=False)

    def __init__(self, *args, erlaubt: list[str], verfasser, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, Sitzung.Status(s).label) for s in erlaubt]
        self.fields["verfasst_von"].queryset = verfasser


class TagesordnungspunktForm(Formular):
    titel = forms.CharField(label="Titel", max_length=250)
    text = forms.CharField(label="Inhalt / Ergebnis", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ThemaForm(Formular):
    titel = forms.CharField(label="Thema", max_length=250)
    beschreibung = forms.CharField(label="Beschreibung", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    handlungsfeld = forms.ModelChoiceField(label="Handlungsfeld", queryset=Handlungsfeld.objects.all(),
                                           required=False)
    punkte = forms.IntegerField(label="Bewertungspunkte", min_value=0, max_value=999, initial=0)
    besprochen = forms.BooleanField(label="in dieser Sitzung besprochen", required=False)
    ergebnis = forms.CharField(label="Ergebnis", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, stadt: Gebiet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handlungsfeld"].queryset = Handlungsfeld.objects.fuer_staedte([stadt.pk]).order_by("name")


class UebernehmenForm(Formular):
    thema = forms.ModelChoiceField(label="Thema aus dem Themenspeicher", queryset=None)
    punkte = forms.IntegerField(label="Bewertungspunkte in dieser Sitzung", min_value=0, max_value=999, initial=0)

    def __init__(self, *args, themen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].queryset = themen


class BewertungForm(Formular):
    punkte = forms.IntegerField(label="Bewertungspunkte", min_value=0, max_value=999)
    besprochen = forms.BooleanField(label="besprochen", required=False)
    ergebnis = forms.CharField(label="Ergebnis", widget=forms.Textarea(attrs={"rows": 4}), required=False)


class BeschlussForm(Formular):
    text = forms.CharField(label="Beschlusstext", widget=forms.Textarea(attrs={"rows": 4}))
    art = forms.ChoiceField(label="Art", choices=Beschluss.Art.choices, initial=Beschluss.Art.BESCHLUSS)
    stimmen_ja = forms.IntegerField(label="Ja-Stimmen", min_value=0, required=False)
    stimmen_nein = forms.IntegerField(label="Nein-Stimmen", min_value=0, required=False)
    stimmen_enthaltung = forms.IntegerField(label="Enthaltungen", min_value=0, required=False)
    tagesordnungspunkt = forms.ModelChoiceField(label="zu Tagesordnungspunkt", queryset=None, required=False)

    def __init__(self, *args, tagesordnungspunkte, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tagesordnungspunkt"].queryset = tagesordnungspunkte

    def clean(self):
        daten = super().clean()
        if daten.get("art") == Beschluss.Art.KONSENS and daten.get("stimmen_nein"):
            self.add_error("stimmen_nein", "Ein Konsens hat keine Gegenstimmen.")
        return daten


class FoerderBeschlussForm(BeschlussForm):
    """A decision of an area forum that may also grant funding (staff record it)."""

    bewilligung = forms.ModelChoiceField(label="offener Förderantrag", queryset=None, required=False,
                                         empty_label="– kein Antrag / neuer Antrag –")
    projekt = forms.ModelChoiceField(label="oder Projekt (neuer Antrag)", queryset=None, required=False)
    programm = forms.ModelChoiceField(label="Förderprogramm (neuer Antrag)", queryset=None, required=False)
    jahr = forms.IntegerField(label="Haushaltsjahr (neuer Antrag)", min_value=2000, max_value=2100, required=False)
    betrag = geld("bewilligter Betrag (€)", required=False,
                  help_text="leer lassen, wenn der Beschluss keine Förderung bewilligt")

    def __init__(self, *args, antraege, projekte, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bewilligung"].queryset = antraege
        self.fields["projekt"].queryset = projekte
        self.fields["programm"].queryset = programme

    def clean(self):
        daten = super().clean()
        betrag = daten.get("betrag")
        neu = any(daten.get(f) for f in ("projekt", "programm", "jahr"))
        if daten.get("bewilligung") and neu:
            raise forms.ValidationError("Wählen Sie entweder einen offenen Antrag oder Projekt, Programm und Jahr "
                                        "für einen neuen Antrag.")
        if betrag is None and (daten.get("bewilligung") or neu):
            self.add_error("betrag", "Bitte geben Sie den bewilligten Betrag an.")
        if betrag is not None and not daten.get("bewilligung") and not all(
                daten.get(f) for f in ("projekt", "programm", "jahr")):
            raise forms.ValidationError("Für eine Förderung wählen Sie einen offenen Antrag oder Projekt, Programm "
                                        "und Haushaltsjahr.")
        return daten


def _im_gebiet(feld: str, gebiet: Gebiet) -> Q:
    """The area or an area up to three levels below it (Stadtbezirk > Stadtteil > Ortsteil > Quartier)."""
    bedingung = Q(**{feld: gebiet})
    for tiefe in range(1, 4):
        bedingung |= Q(**{f"{feld}{'__parent' * tiefe}": gebiet})
    return bedingung


def foerder_auswahl(gremium: Gremium, bewilligungen, projekte):
    """Requests and projects an area forum may decide on: those of its area and the areas below,
    from the querysets the user may see."""
    g = gremium.gebiet
    antraege = (
        bewilligungen.filter(_im_gebiet("projekt__gebiet", g), status=Bewilligung.Status.BEANTRAGT,
                             beschluss__isnull=True)
        .select_related("projekt", "programm").order_by("projekt__titel")
    )
    projekte = projekte.filter(_im_gebiet("gebiet", g), status__in=ANTRAG_ERLAUBT_IN).order_by("titel")
    programme = Foerderprogramm.objects.filter(stadt=g.stadt_oder_selbst).order_by("kurzname")
    return antraege, projekte, programme


class UmsetzungForm(Formular):
    status = forms.ChoiceField(label="Stand der Umsetzung", choices=Beschluss.Umsetzung.choices)
    vermerk = forms.CharField(label="Vermerk", widget=forms.Textarea(attrs={"rows": 3}), required=False,
                              help_text="Was ist geschehen? Bei „verworfen“ bitte begründen.")


class AufgabeForm(Formular):
    text = forms.CharField(label="Aufgabe", max_length=500)
    verantwortlich = PersonFeld(label="verantwortlich", queryset=Person.objects.none(), required=False)
    faellig_am = datum("zu erledigen bis", required=False)
    beschluss = forms.ModelChoiceField(label="zu Beschluss", queryset=None, required=False)

    def __init__(self, *args, personen, beschluesse, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verantwortlich"].queryset = personen
        self.fields["beschluss"].queryset = beschluesse


class AnonymisierenForm(Formular):
    bestaetigt = forms.BooleanField(
        label="Ich habe geprüft, dass die Daten dieser Person nicht mehr benötigt werden. Name und Kontaktdaten "
              "werden unwiderruflich entfernt.")


class TaetigkeitForm(Modellformular):
    """A work-log entry of the quartier management, quick enough for the start page.

    It validates only; services.taetigkeit_erfassen saves. The areas offered are the user's."""

    class Meta:
        model = Taetigkeit
        fields = ["datum", "gebiet", "titel", "handlungsfeld", "erreichte_personen", "beschreibung"]
        widgets = {"beschreibung": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, gebiete, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebiet"].queryset = gebiete
        self.fields["handlungsfeld"].queryset = Handlungsfeld.objects.fuer_staedte(
            gebiete.values("stadt_id")).order_by("name")
        if gebiete.count() == 1:
            self.fields["gebiet"].initial = gebiete.first()


class BestaetigungForm(Formular):
    # Sent only by the confirmation page's button: a bare POST publishes nothing.
    bestaetigt = forms.BooleanField(widget=forms.HiddenInput, initial=True, required=False)

    def clean(self):
        daten = super().clean()
        if not daten.get("bestaetigt"):
            raise forms.ValidationError("Bitte bestätigen Sie die Veröffentlichung.")
        return daten


class RueckzugForm(Formular):
    grund = forms.CharField(label="Grund des Rückzugs", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                            help_text="Steht bei der Sitzung; Öffentlichkeit und OParl sehen ihn nicht.")
