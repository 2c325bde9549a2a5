"""The action view: a form whose valid POST runs one service call; a refusal shows beside the form."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect, render

from .fehler import Regelverstoss


def aktion(request, *, titel: str, form, ausfuehren: Callable[[dict], object], ziel: str, erfolg: str,
           kontext: dict | None = None, template: str = "kern/aktion.html",
           weiter: Callable[[object], str] | None = None, kopfzeile: str | None = None,
           seitenleiste: str | None = None):
    """Render `form`; on a valid POST call `ausfuehren(cleaned_data)` and redirect with `erfolg`.

    After success the user goes to `ziel`, or to `weiter(result of the call)` where given; a
    Regelverstoss becomes a form error and nothing is redirected. `kopfzeile` and `seitenleiste`
    name partials that kern/aktion.html shows above the title and beside the form.
    """
    if request.method == "POST" and form.is_valid():
        try:
            ergebnis = ausfuehren(form.cleaned_data)
        except Regelverstoss as exc:
            form.add_error(None, exc.meldung)
        else:
            messages.success(request, erfolg)
            return redirect(weiter(ergebnis) if weiter else ziel)
    return render(request, template, {"titel": titel, "form": form, "zurueck": ziel, "kopfzeile": kopfzeile,
                                      "seitenleiste": seitenleiste, **(kontext or {})})
