"""What every form and filter of the portal shares: German empty choices, one date field and choice
lists that tell apart entries of the same name.

`Formular` and `Modellformular` are the base classes of every form, `Filterliste` (kern.filter) of
every filter. After a form is built, `einrichten` goes once over its fields:

- an empty choice reads LEER_PFLICHT ("– bitte wählen –") where a value is required and
  LEER_OPTIONAL ("keine Angabe") where it is not; filters say LEER_FILTER ("alle"). A label a form
  chose itself ("– neue Person erfassen –") stays;
- every date field takes `DatumEingabe`: a text input typed TT.MM.JJJJ, read in German (ISO too,
  for the date picker and older links), with a German error message; static/js/datum.js adds a
  button beside it that opens the browser's own date picker;
- a choice list names each row that shares its label with another one by its city and its kind,
  where its model has them (fields `stadt` and `art`), e.g. "Blumenthal (Bremen, Ortsteil)",
  "SPD (Leverkusen, Partei / Fraktion)", read in the same query as the rows;
- a choice list's values and labels are kept in the cache per data state (kern.datenstand) and SQL,
  so a list asked again before anything changed costs no query.
"""

from __future__ import annotations

from collections import Counter

from django import forms
from django.db import models
from django.db.models import F
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue

from . import datenstand

LEER_PFLICHT = "– bitte wählen –"
LEER_OPTIONAL = "keine Angabe"
LEER_FILTER = "alle"
# The labels Django and django-filter put in by default ("---------", and "Unbekannt" for a yes/no
# choice left open); any other label was chosen on purpose and is kept.
STANDARD_LEER = {"---------", "Unbekannt", "Unknown", ""}

DATUM_FORMAT = "%d.%m.%Y"
DATUM_EINGABEN = ["%d.%m.%Y", "%Y-%m-%d"]
DATUM_PLATZHALTER = "TT.MM.JJJJ"
DATUM_UNGUELTIG = "Bitte ein Datum als TT.MM.JJJJ eingeben, zum Beispiel 21.11.2026."


class DatumEingabe(forms.DateInput):
    """The one date input of the portal: text typed TT.MM.JJJJ; datum.js adds the picker button."""

    def __init__(self, attrs=None):
        werte = {"placeholder": DATUM_PLATZHALTER, "inputmode": "numeric", "autocomplete": "off",
                 "data-datum": "", "maxlength": "10", "class": "form-control datumsfeld"}
        werte.update(attrs or {})
        super().__init__(attrs=werte, format=DATUM_FORMAT)


def datum_einrichten(feld: forms.DateField) -> None:
    attrs = {k: v for k, v in feld.widget.attrs.items() if k not in ("type", "placeholder")}
    widget = DatumEingabe(attrs)
    widget.is_required = feld.required
    feld.widget = widget
    feld.input_formats = DATUM_EINGABEN
    feld.localize = False
    feld.error_messages = {**feld.error_messages, "invalid": DATUM_UNGUELTIG}


UNTERSCHEIDUNG = ("stadt", "art")


def _unterscheidungsfelder(modell) -> dict[str, tuple[str, dict]]:
    """Annotation name -> (path, choices) of what can tell rows of `modell` apart: its city's name, its kind."""
    felder = {f.name: f for f in modell._meta.get_fields() if f.name in UNTERSCHEIDUNG and f.concrete}
    return {f"unterscheidung_{name}": (f"{name}__name" if felder[name].is_relation else name,
                                       {} if felder[name].is_relation else dict(felder[name].flatchoices))
            for name in UNTERSCHEIDUNG if name in felder}


class EindeutigeAuswahl(ModelChoiceIterator):
    """Choices whose repeated labels carry what tells their rows apart ("city, kind", leaving out what
    the label already says), read in the same query as the choices, so that the number of queries does
    not depend on whether two labels happen to be equal."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if getattr(self.field, "null_label", None) is not None:  # django-filter's "no value" choice
            yield (self.field.null_value, self.field.null_label)
        schluessel = datenstand.abfrage_schluessel(self.queryset)
        if schluessel is None:
            return
        beschriftung = self.field.label_from_instance
        # Values and labels of the rows, once per data state: a page shows the same list to many requests.
        wahl = datenstand.zwischengespeichert(
            "auswahl", self._wahl, schluessel, type(self.field).__qualname__,
            getattr(beschriftung, "__module__", ""), getattr(beschriftung, "__qualname__", ""))
        for wert, name in wahl:
            yield (ModelChoiceIteratorValue(wert, None), name)

    def _wahl(self) -> list[tuple]:
        modell = self.queryset.model
        felder = _unterscheidungsfelder(modell)
        # A label never needs a JSON column (an area's boundary is large): those stay unread.
        gross = [f.name for f in modell._meta.concrete_fields if isinstance(f, models.JSONField)]
        zeilen = list(self.queryset.defer(*gross).annotate(**{name: F(pfad) for name, (pfad, _) in felder.items()}))
        namen = [self.field.label_from_instance(zeile) for zeile in zeilen]
        doppelt = {name for name, anzahl in Counter(namen).items() if anzahl > 1}
        ergebnis = []
        for zeile, name in zip(zeilen, namen):
            if name in doppelt:
                teile = [str(arten.get(wert, wert)) for feld, (_, arten) in felder.items()
                         if (wert := getattr(zeile, feld))]
                if teile := [t for t in teile if t not in name]:
                    name = f"{name} ({', '.join(teile)})"
            ergebnis.append((self.field.prepare_value(zeile), name))
        return ergebnis


def leer_beschriften(feld: forms.Field, text: str | None) -> None:
    if isinstance(feld, forms.ChoiceField) and hasattr(feld, "empty_label"):  # rows, and django-filter's choices
        if feld.empty_label is not None and feld.empty_label in STANDARD_LEER:
            feld.empty_label = text
        return
    if isinstance(feld, forms.ChoiceField) and not callable(getattr(feld, "_choices", None)):
        wahl = list(feld.choices)
        if wahl and wahl[0][0] in ("", None) and wahl[0][1] in STANDARD_LEER:
            feld.choices = [(wahl[0][0], text), *wahl[1:]]
    elif isinstance(feld, forms.NullBooleanField):
        feld.widget = forms.Select(choices=[("", text), ("true", "ja"), ("false", "nein")])


def einrichten(form: forms.BaseForm, *, leer: str | None = None) -> None:
    """Puts the shared rules on every field of `form` (see the module's docstring)."""
    for feld in form.fields.values():
        if isinstance(feld, forms.DateField) and not isinstance(feld, forms.DateTimeField):
            datum_einrichten(feld)
        leer_beschriften(feld, leer or (LEER_PFLICHT if feld.required else LEER_OPTIONAL))
        if isinstance(feld, forms.ModelChoiceField) and not issubclass(feld.iterator, EindeutigeAuswahl):
            feld.iterator = (EindeutigeAuswahl if feld.iterator is ModelChoiceIterator
                             else type("EindeutigeAuswahl", (EindeutigeAuswahl, feld.iterator), {}))
            if hasattr(feld.widget, "choices"):
                feld.widget.choices = feld.choices


class Formular(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        einrichten(self)


class Modellformular(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        einrichten(self)
