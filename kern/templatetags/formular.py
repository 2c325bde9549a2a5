"""Form errors for every template: {% load formular %}.

`fehlerliste` collects the errors of forms and formsets for the summary at the top of a form
(kern/_formularfehler.html), each with the id of the field it belongs to; `fehlertitel` puts
"Fehler: " before the page title while a form on the page holds errors.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.forms import BaseForm, BaseFormSet

register = template.Library()


@dataclass(frozen=True)
class Fehler:
    text: str
    ziel: str = ""  # id of the field's first input, "" for errors of the whole form


def _ziel(feld) -> str:
    # Radio and checkbox groups have no label target; their first option is the input to jump to.
    return feld.id_for_label or (f"{feld.auto_id}_0" if feld.auto_id else "")


def _formularfehler(form: BaseForm, vorsatz: str = "") -> list[Fehler]:
    if not form.is_bound:
        return []
    liste = [Fehler(f"{vorsatz}{fehler}") for fehler in form.non_field_errors()]
    for feld in form:
        for fehler in feld.errors:
            name = f"{vorsatz}{feld.label}: " if feld.label else vorsatz
            liste.append(Fehler(f"{name}{fehler}", "" if feld.is_hidden else _ziel(feld)))
    return liste


def _formsetfehler(formset: BaseFormSet, titel: str = "") -> list[Fehler]:
    if not formset.is_bound:
        return []
    kopf = f"{titel}: " if titel else ""
    liste = [Fehler(f"{kopf}{fehler}") for fehler in formset.non_form_errors()]
    for nummer, form in enumerate(formset.forms, start=1):
        liste.extend(_formularfehler(form, f"{titel + ', ' if titel else ''}Zeile {nummer} – "))
    return liste


@register.simple_tag
def fehlerliste(form=None, formset=None, formset_titel: str = "", fehler: str = "") -> list[Fehler]:
    """Every error of `form`, then of `formset` (rows named "Zeile N"), then the refusal `fehler`."""
    liste = []
    if isinstance(form, BaseForm):
        liste.extend(_formularfehler(form))
    if isinstance(formset, BaseFormSet):
        liste.extend(_formsetfehler(formset, formset_titel))
    if fehler:
        liste.append(Fehler(str(fehler)))
    return liste


def hat_fehler(wert) -> bool:
    if isinstance(wert, BaseForm):
        return wert.is_bound and bool(wert.errors)
    if isinstance(wert, BaseFormSet):
        return wert.is_bound and wert.total_error_count() > 0
    return False


@register.simple_tag(takes_context=True)
def fehlertitel(context) -> str:
    """ "Fehler: " while any bound form or formset of the page has errors, or the view passed a
    refusal as `fehler`; otherwise "". """
    werte = context.flatten()
    if isinstance(werte.get("fehler"), str) and werte["fehler"]:
        return "Fehler: "
    return "Fehler: " if any(hat_fehler(wert) for wert in werte.values()) else ""
