"""The form renderer: Django's own, with its commonest widgets (inputs and selects) built in Python.

Django renders every widget through its template engine, a `<select>` once per option (an include with
an attribute loop each); a filter form of ten fields with a few hundred options spent more time there than
the rest of its page. These functions produce the markup of Django's templates `input.html`, `select.html`
and `select_option.html` from the same widget context, escaped as the templates escape; every other
template (and a select whose options use another template) goes to the engine as before.
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape

OPTION = "django/forms/widgets/select_option.html"
EINGABEN = {f"django/forms/widgets/{name}.html" for name in (
    "input", "text", "number", "email", "url", "password", "search", "tel", "date", "datetime", "time", "hidden")}
AUSWAHL = {"django/forms/widgets/select.html"}


def _text(wert) -> str:
    """As `{{ wert|stringformat:'s' }}` renders: str, escaped unless already safe."""
    return conditional_escape(wert if isinstance(wert, str) else "%s" % (wert,))


def _attribute(attrs: dict) -> str:
    teile = []
    for name, wert in attrs.items():
        if wert is False:
            continue
        teile.append(f" {conditional_escape(name)}" if wert is True else f' {conditional_escape(name)}="{_text(wert)}"')
    return "".join(teile)


def eingabe(widget: dict) -> str:
    wert = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    return f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{wert}{_attribute(widget["attrs"])}>\n'


def _beschriftung(label) -> str:
    # As `{{ option.label }}`: localized like any template variable, then escaped.
    return conditional_escape(label if isinstance(label, str) else str(localize(label)))


def auswahl(widget: dict) -> str | None:
    teile = [f'<select name="{_text(widget["name"])}"{_attribute(widget["attrs"])}>']
    for gruppe, optionen, _ in widget["optgroups"]:
        if gruppe:
            teile.append(f'\n  <optgroup label="{_text(gruppe)}">')
        for option in optionen:
            if option["template_name"] != OPTION:
                return None
            teile.append(f'\n  <option value="{_text(option["value"])}"{_attribute(option["attrs"])}>'
                         f'{_beschriftung(option["label"])}</option>\n')
        if gruppe:
            teile.append("\n  </optgroup>")
    teile.append("\n</select>\n")
    return "".join(teile)


class Renderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in EINGABEN:
            return eingabe(context["widget"])
        if template_name in AUSWAHL:
            html = auswahl(context["widget"])
            if html is not None:
                return html
        return super().render(template_name, context, request)
