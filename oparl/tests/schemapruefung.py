"""A small validator for the part of JSON Schema that the OParl 1.1 schemas use.

The schemas in `schema/` use `type`, `required`, `properties`, `items`, `pattern` and `format` (url, date,
date-time), plus two keywords of their own: `schema` names the schema file of an embedded object, and
`references` names the object type a URL points to ("externalList" for the URL of a list whose entries
follow `items.schema`). Unknown properties are allowed, as OParl allows vendor properties.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

VERZEICHNIS = Path(__file__).parent / "schema"
TYPEN = {
    "object": lambda w: isinstance(w, dict), "array": lambda w: isinstance(w, list),
    "string": lambda w: isinstance(w, str), "boolean": lambda w: isinstance(w, bool),
    "integer": lambda w: isinstance(w, int) and not isinstance(w, bool),
    "number": lambda w: isinstance(w, (int, float)) and not isinstance(w, bool),
}
_DATUM_ZEIT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@cache
def schema(name: str) -> dict:
    """A schema by file name ("Meeting.json") or by object type ("Meeting")."""
    return json.loads((VERZEICHNIS / (name if name.endswith(".json") else f"{name}.json")).read_text("utf-8"))


def _format_fehler(wert: str, format: str) -> str | None:
    if format == "url":
        teile = urlsplit(wert)
        return None if teile.scheme in ("http", "https") and teile.netloc else "keine absolute URL"
    muster, lesen, grund = {
        "date-time": (_DATUM_ZEIT, lambda w: dt.datetime.fromisoformat(w.replace("Z", "+00:00")),
                      "kein Zeitpunkt nach RFC 3339 mit Zeitzone"),
        "date": (re.compile(r"\d{4}-\d{2}-\d{2}$"), dt.date.fromisoformat, "kein Datum JJJJ-MM-TT"),
    }.get(format, (None, None, None))
    if muster is None:
        return None
    try:
        return None if muster.match(wert) and lesen(wert) else grund
    except ValueError:
        return grund


@dataclass
class Ergebnis:
    fehler: list[str] = field(default_factory=list)
    # (URL, referenced object type) and (URL of an external list, schema of its entries)
    verweise: list[tuple[str, str]] = field(default_factory=list)
    listen: list[tuple[str, str]] = field(default_factory=list)


def pruefen(wert, regel: dict, pfad: str = "$", ergebnis: Ergebnis | None = None) -> Ergebnis:
    ergebnis = ergebnis or Ergebnis()
    typ = regel.get("type")
    if typ and not TYPEN[typ](wert):
        ergebnis.fehler.append(f"{pfad}: erwartet {typ}, gefunden {type(wert).__name__}")
        return ergebnis
    if isinstance(wert, str):
        if "pattern" in regel and not re.search(regel["pattern"], wert):
            ergebnis.fehler.append(f"{pfad}: {wert!r} passt nicht zu {regel['pattern']}")
        if "format" in regel and (grund := _format_fehler(wert, regel["format"])):
            ergebnis.fehler.append(f"{pfad}: {wert!r} ist {grund}")
        verweis = regel.get("references")
        if verweis == "externalList":
            ergebnis.listen.append((wert, regel["items"]["schema"]))
        elif verweis:
            ergebnis.verweise.append((wert, verweis))
    if isinstance(wert, list) and "items" in regel:
        for i, eintrag in enumerate(wert):
            pruefen(eintrag, {**regel["items"], **({"references": regel["references"]}
                                                  if "references" in regel and isinstance(eintrag, str) else {})},
                    f"{pfad}[{i}]", ergebnis)
    if isinstance(wert, dict):
        if "schema" in regel:
            pruefen(wert, schema(regel["schema"]), pfad, ergebnis)
        for name in regel.get("required", []):
            if name not in wert:
                ergebnis.fehler.append(f"{pfad}: Pflichtfeld {name} fehlt")
        for name, unterregel in regel.get("properties", {}).items():
            if name in wert:
                pruefen(wert[name], unterregel, f"{pfad}.{name}", ergebnis)
    return ergebnis


def objekt_pruefen(objekt: dict) -> Ergebnis:
    """An OParl object against the schema its `type` names."""
    typ = objekt.get("type", "") if isinstance(objekt, dict) else ""
    name = typ.rsplit("/", 1)[-1]
    if not typ.startswith("https://schema.oparl.org/1.1/") or not (VERZEICHNIS / f"{name}.json").is_file():
        return Ergebnis(fehler=[f"$: unbekannter Typ {typ!r}"])
    return pruefen(objekt, schema(name))
