"""The public part for visitors without a login: the start page with the public reports and meetings,
the accessibility statement (`erklaerung.py`), the feedback form for barriers and the page in Leichte Sprache.

Nothing here shows a non-public row or a participant's name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.shortcuts import redirect, render
from django.utils import timezone

from kern.formulare import Formular, Modellformular
from berichte.models import Bericht, Berichtsart
from beteiligung.models import Sitzung
from kern.rollen import ist_verwaltung
from kern.zeit import heute
from kern.zugriff import verlangen
from quartiere.models import Gebiet

from .anmeldeschutz import client_adresse
from .models import Barrieremeldung

BERICHTE_JE_SEITE = 20
SITZUNGEN_ANZAHL = 8
# Feedback: at most this many messages an hour from one address, and from all addresses together.
MELDUNGEN_JE_ADRESSE_UND_STUNDE = 5
MELDUNGEN_JE_STUNDE = 100
ZU_VIELE_MELDUNGEN = ("Von Ihrer Adresse sind in der letzten Stunde schon mehrere Meldungen eingegangen. Bitte "
                      "versuchen Sie es später noch einmal oder schreiben Sie uns eine E-Mail.")
ZU_VIELE_MELDUNGEN_INSGESAMT = ("Gerade gehen sehr viele Meldungen ein. Bitte versuchen Sie es später noch einmal "
                                "oder schreiben Sie uns eine E-Mail.")
DANKE = ("Vielen Dank für Ihre Meldung. Wir antworten Ihnen innerhalb eines Monats, wenn Sie eine "
         "E-Mail-Adresse angegeben haben.")


class BerichtSuche(Formular):
    """The search over the public reports; every value is checked, a wrong one gets a German message."""

    q = forms.CharField(label="Titel enthält", max_length=200, required=False)
    stadt = forms.ModelChoiceField(label="Stadt", queryset=Gebiet.objects.none(), required=False,
                                   empty_label="alle Städte")
    art = forms.ChoiceField(label="Art", required=False, choices=[("", "alle Arten"), *Berichtsart.choices])
    jahr = forms.TypedChoiceField(label="Jahr", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, berichte: QuerySet[Bericht], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stadt"].queryset = Gebiet.objects.staedte().order_by("name")
        jahre = berichte.order_by("-jahr").values_list("jahr", flat=True).distinct()
        self.fields["jahr"].choices = [("", "alle Jahre"), *((j, str(j)) for j in jahre)]
        for name, feld in self.fields.items():
            feld.widget.attrs["class"] = "form-control" if name == "q" else "form-select"

    @property
    def gesucht(self) -> bool:
        """A search with at least one valid value was sent."""
        if not self.is_bound:
            return False
        self.is_valid()  # fills cleaned_data with the valid values
        return any(self.cleaned_data.values())

    def filtern(self, berichte: QuerySet[Bericht]) -> QuerySet[Bericht]:
        """The reports matching every valid value; a wrong value is named above the form and left out."""
        if not self.is_bound:
            return berichte
        self.is_valid()
        daten = self.cleaned_data
        if daten.get("q"):
            berichte = berichte.filter(titel__icontains=daten["q"])
        if s := daten.get("stadt"):
            berichte = berichte.filter(Q(gebiet=s) | Q(gebiet__stadt=s) | Q(programm__stadt=s) | Q(vorlage__stadt=s))
        if daten.get("art"):
            berichte = berichte.filter(art=daten["art"])
        if daten.get("jahr"):
            berichte = berichte.filter(jahr=daten["jahr"])
        return berichte


# Both reads below ask `oeffentlich()`, which leaves withdrawn reports and meetings out.
def oeffentliche_berichte() -> QuerySet[Bericht]:
    """The latest version of every public report, newest first."""
    return (Bericht.objects.oeffentlich().aktuell().select_related("gebiet__stadt", "programm__stadt", "vorlage__stadt")
            .order_by("-datum", "-jahr", "-laufnummer"))


def oeffentliche_sitzungen() -> dict[str, list[Sitzung]]:
    sitzungen = Sitzung.objects.oeffentlich().select_related("gremium__gebiet__stadt")
    return {
        "kommende": list(sitzungen.filter(datum__gte=heute()).order_by("datum", "beginn")[:SITZUNGEN_ANZAHL]),
        "vergangene": list(sitzungen.filter(datum__lt=heute()).order_by("-datum", "-beginn")[:SITZUNGEN_ANZAHL]),
    }


@login_not_required
def startseite(request):
    """What the portal is, its public reports and meetings, and the ways in for everyone else."""
    berichte = oeffentliche_berichte()
    suche = BerichtSuche(request.GET or None, berichte=berichte)
    seite = Paginator(suche.filtern(berichte), BERICHTE_JE_SEITE).get_page(request.GET.get("seite"))
    abfrage = request.GET.copy()
    abfrage.pop("seite", None)
    return render(request, "portal/oeffentlich/start.html", {
        "suche": suche, "seite": seite, "abfrage": abfrage.urlencode(),
        "gesucht": suche.gesucht,
        **oeffentliche_sitzungen(),
    })


@login_not_required
def leichte_sprache(request):
    return render(request, "portal/oeffentlich/leichte_sprache.html")


class MeldungForm(Modellformular):
    # A field people never see (hidden by CSS, out of the tab order); bots fill every field they find.
    homepage = forms.CharField(label="Homepage (bitte leer lassen)", required=False, max_length=200)

    class Meta:
        model = Barrieremeldung
        fields = ["seite", "beschreibung", "name", "email"]
        labels = {"seite": "Welche Seite oder Datei ist betroffen? (Adresse oder Titel)",
                  "beschreibung": "Was ist die Barriere?", "name": "Ihr Name (freiwillig)",
                  "email": "Ihre E-Mail-Adresse für die Antwort (freiwillig)"}
        help_texts = {"beschreibung": "Beschreiben Sie bitte, was nicht funktioniert und womit Sie arbeiten "
                                      "(z. B. Bildschirmleser, Vergrößerung, nur Tastatur)."}
        widgets = {"beschreibung": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["homepage"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        for name, feld in self.fields.items():
            feld.widget.attrs.setdefault("class", "form-control")

    @property
    def ist_spam(self) -> bool:
        return bool(self.cleaned_data.get("homepage"))


def absender_schluessel(request) -> str:
    """A keyed hash of the client's address: enough to count its messages, useless to find it."""
    adresse = client_adresse(request) or "unbekannt"
    return hmac.new(settings.SECRET_KEY.encode(), adresse.encode(), hashlib.sha256).hexdigest()


def _zu_viele(schluessel: str) -> str | None:
    seit = timezone.now() - dt.timedelta(hours=1)
    letzte_stunde = Barrieremeldung.objects.filter(created__gte=seit)
    if letzte_stunde.filter(absender_schluessel=schluessel).count() >= MELDUNGEN_JE_ADRESSE_UND_STUNDE:
        return ZU_VIELE_MELDUNGEN
    if letzte_stunde.count() >= MELDUNGEN_JE_STUNDE:
        return ZU_VIELE_MELDUNGEN_INSGESAMT
    return None


@login_not_required
def melden(request):
    form = MeldungForm(request.POST if request.method == "POST" else None)
    fehler = ""
    if request.method == "POST" and form.is_valid():
        if form.ist_spam:
            # Looks like success, so a bot learns nothing; nothing is stored.
            messages.success(request, DANKE)
            return redirect("barrierefreiheit_melden")
        schluessel = absender_schluessel(request)
        fehler = _zu_viele(schluessel)
        if not fehler:
            meldung = form.save(commit=False)
            meldung.absender_schluessel = schluessel
            meldung.save()
            messages.success(request, DANKE)
            return redirect("barrierefreiheit_melden")
    return render(request, "portal/oeffentlich/melden.html", {"form": form, "fehler": fehler},
                  status=429 if fehler else 200)


def meldungen(request):
    """Staff: every feedback message with its answer deadline, the open ones first."""
    verlangen(ist_verwaltung(request.user))
    return render(request, "portal/oeffentlich/meldungen.html", {
        "meldungen": Barrieremeldung.objects.sichtbar_fuer(request.user)[:200],
    })
