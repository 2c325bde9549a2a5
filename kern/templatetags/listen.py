from django import forms, template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.inclusion_tag("kern/_sortierkopf.html", takes_context=True)
def sortierkopf(context, feld: str, titel: str, klasse: str = ""):
    """A column header that sorts by `feld` (and reverses on the second click), keeping the filter."""
    request = context["request"]
    aktuell = request.GET.get("sortierung", "")
    parameter = request.GET.copy()
    parameter.pop("seite", None)
    parameter["sortierung"] = f"-{feld}" if aktuell == feld else feld
    richtung = "ascending" if aktuell == feld else "descending" if aktuell == f"-{feld}" else None
    return {"url": "?" + parameter.urlencode(), "titel": titel, "richtung": richtung, "klasse": klasse}


def _crispy_klasse(feld, klasse: str) -> None:
    """What crispy-forms' `crispy_field` does to the widget: its class name, then Bootstrap's classes."""
    widget = feld.field.widget
    name = type(widget).__name__.lower()
    vorhanden = widget.attrs.get("class", "")
    klassen = (vorhanden if name in vorhanden else f"{vorhanden} {name}").split()
    klassen += [k for k in klasse.split() if k not in klassen]
    widget.attrs["class"] = " ".join(klassen)


def _einfach(feld) -> bool:
    widget = feld.field.widget
    if feld.is_hidden or getattr(widget, "widgets", None) or getattr(widget, "allow_multiple_selected", False):
        return False
    if isinstance(widget, (forms.CheckboxInput, forms.RadioSelect, forms.FileInput)):
        return False
    return isinstance(widget, (forms.Select, forms.widgets.Input))


@register.simple_tag
def filterfeld(feld) -> str:
    """A filter field as crispy-forms' Bootstrap 5 `as_crispy_field` lays it out (label, widget, errors, help),
    built directly for the plain inputs and selects of filter forms; other widgets go through crispy-forms."""
    if not _einfach(feld):
        from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field

        return as_crispy_field(feld)
    fehler = " is-invalid" if feld.errors else ""
    _crispy_klasse(feld, ("form-select" if isinstance(feld.field.widget, forms.Select) else "form-control") + fehler)
    pflicht = feld.field.required
    teile = [format_html('<div id="div_{}" class="mb-3{}">', feld.auto_id,
                         f" {feld.css_classes()}" if feld.css_classes() else "")]
    if feld.label:
        teile.append(format_html('<label for="{}" class="form-label{}">{}{}</label>', feld.id_for_label,
                                 " requiredField" if pflicht else "", feld.label,
                                 mark_safe('<span class="asteriskField">*</span>') if pflicht else ""))
    teile.append(str(feld))
    if feld.errors:
        teile.append(format_html('<div id="{}_error" class="invalid-feedback">', feld.errors.field_id))
        teile += [format_html('<p id="error_{}_{}"><strong>{}</strong></p>', nr, feld.auto_id, fehlertext)
                  for nr, fehlertext in enumerate(feld.errors, start=1)]
        teile.append("</div>")
    if feld.help_text:
        teile.append(format_html('<div id="{}_helptext" class="form-text">{}</div>', feld.auto_id,
                                 mark_safe(feld.help_text)))
    teile.append("</div>")
    return mark_safe("".join(teile))
