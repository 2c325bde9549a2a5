"""Typed reading of query parameters: a bad value is None (or a German 404), never an exception.

`str.isdigit()` is true for "²" and other Unicode digits that `int()` refuses, and `int()` takes
numbers far past what a database column holds; these helpers accept plain ASCII digits only, in a
given range.
"""

from __future__ import annotations

import re

from django.http import Http404

_GANZZAHL = re.compile(r"[0-9]{1,18}")
# The largest id a 64-bit primary key holds.
GROESSTE_ID = 2**63 - 1
JAHR_MIN, JAHR_MAX = 1900, 2100


def ganzzahl(wert: object, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
    """The integer written as plain ASCII digits within [minimum, maximum], else None."""
    if not isinstance(wert, str) or not _GANZZAHL.fullmatch(wert.strip()):
        return None
    zahl = int(wert.strip())
    if (minimum is not None and zahl < minimum) or (maximum is not None and zahl > maximum):
        return None
    return zahl


def id_wert(wert: object) -> int | None:
    """A primary key as sent in a URL or form: 1 up to the largest 64-bit id, else None."""
    return ganzzahl(wert, minimum=1, maximum=GROESSTE_ID)


def parameter_ganzzahl(request, name: str, *, minimum: int | None = None, maximum: int | None = None,
                       fehlt: int | None = None, ungueltig: str) -> int | None:
    """The GET parameter `name` as an integer; `fehlt` when absent or empty, 404 with `ungueltig` when bad."""
    wert = request.GET.get(name, "")
    if wert == "":
        return fehlt
    zahl = ganzzahl(wert, minimum=minimum, maximum=maximum)
    if zahl is None:
        raise Http404(ungueltig)
    return zahl


def parameter_jahr(request, *, name: str = "jahr", fehlt: int | None = None,
                   ungueltig: str = "Dieses Jahr gibt es nicht.") -> int | None:
    return parameter_ganzzahl(request, name, minimum=JAHR_MIN, maximum=JAHR_MAX, fehlt=fehlt, ungueltig=ungueltig)


def parameter_id(request, name: str, *, ungueltig: str) -> int | None:
    return parameter_ganzzahl(request, name, minimum=1, maximum=GROESSTE_ID, ungueltig=ungueltig)
