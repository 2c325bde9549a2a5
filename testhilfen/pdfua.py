"""What a PDF/UA-1 check reads from a PDF: catalogue, XMP metadata, structure tree and the marked
content of each page (pypdf only; veraPDF is not installed from the package registries)."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field

import pypdf
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NumberObject


@dataclass
class Befund:
    marked: bool
    lang: str
    titel: str
    titel_anzeigen: bool
    xmp: str
    tags: Counter = field(default_factory=Counter)  # structure type -> count
    tabellen_ohne_kopf: int = 0
    bilder_ohne_alt: int = 0
    mcids_ohne_element: list = field(default_factory=list)  # (page, mcid) in content, not in the tree
    artefakte: list = field(default_factory=list)  # per page: [(subtype, text)]

    @property
    def pdfua_teil(self) -> str | None:
        treffer = re.search(r'pdfuaid:part(?:="|>)(\d)', self.xmp)
        return treffer.group(1) if treffer else None

    @property
    def xmp_titel(self) -> str | None:
        treffer = re.search(r"<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>", self.xmp, re.S)
        return treffer.group(1) if treffer else None


def _obj(wert):
    return wert.get_object() if isinstance(wert, IndirectObject) else wert


def _baum(element, befund: Befund, gefunden: set, seite_von: dict) -> None:
    element = _obj(element)
    if isinstance(element, ArrayObject):
        for kind in element:
            _baum(kind, befund, gefunden, seite_von)
        return
    if not isinstance(element, DictionaryObject):
        return
    if element.get("/Type") == "/MCR":
        gefunden.add((seite_von.get(_obj(element["/Pg"]).indirect_reference.idnum), int(element["/MCID"])))
        return
    typ = element.get("/S")
    if typ is None:
        return
    befund.tags[str(typ)[1:]] += 1
    if typ == "/Figure" and not element.get("/Alt"):
        befund.bilder_ohne_alt += 1
    if typ == "/Table" and not _hat(element, "/TH"):
        befund.tabellen_ohne_kopf += 1
    seite = seite_von.get(_obj(element["/Pg"]).indirect_reference.idnum) if "/Pg" in element else None
    kinder = _obj(element.get("/K"))
    for kind in kinder if isinstance(kinder, ArrayObject) else ([kinder] if kinder is not None else []):
        kind = _obj(kind)
        if isinstance(kind, NumberObject):
            gefunden.add((seite, int(kind)))
        else:
            _baum(kind, befund, gefunden, seite_von)


def _hat(element, typ: str) -> bool:
    kinder = _obj(element.get("/K"))
    for kind in kinder if isinstance(kinder, ArrayObject) else [kinder]:
        kind = _obj(kind)
        if isinstance(kind, DictionaryObject) and (kind.get("/S") == typ or _hat(kind, typ)):
            return True
    return False


def _markierungen(seite) -> tuple[set[int], list[tuple[str, str]]]:
    """MCIDs of the page's content, and the text inside each pagination artefact with its subtype."""
    mcids, artefakte, stapel = set(), [], []

    def davor(operator, argumente, cm, tm):
        if operator in (b"BDC", b"BMC"):
            merkmale = _obj(argumente[1]) if operator == b"BDC" and len(argumente) > 1 else {}
            if isinstance(merkmale, DictionaryObject) and "/MCID" in merkmale:
                mcids.add(int(merkmale["/MCID"]))
            art = None
            if argumente[0] == "/Artifact" and isinstance(merkmale, DictionaryObject) \
                    and merkmale.get("/Type") == "/Pagination":
                art = str(merkmale.get("/Subtype", ""))
                artefakte.append([art, ""])
            stapel.append(art)
        elif operator == b"EMC" and stapel:
            stapel.pop()

    def text(inhalt, cm, tm, schrift, groesse):
        for art in reversed(stapel):
            if art is not None:
                artefakte[-1][1] += inhalt
                break

    seite.extract_text(visitor_operand_before=davor, visitor_text=text)
    return mcids, [(art, " ".join(t.split())) for art, t in artefakte]


def pruefen(daten: bytes) -> Befund:
    leser = pypdf.PdfReader(io.BytesIO(daten))
    katalog = leser.trailer["/Root"]
    metadaten = _obj(katalog.get("/Metadata"))
    befund = Befund(
        marked=bool(_obj(katalog.get("/MarkInfo", {})).get("/Marked")),
        lang=str(katalog.get("/Lang", "")),
        titel=str((leser.metadata or {}).get("/Title", "")),
        titel_anzeigen=bool(_obj(katalog.get("/ViewerPreferences", {})).get("/DisplayDocTitle")),
        xmp=metadaten.get_data().decode("utf-8") if metadaten is not None else "",
    )
    seite_von = {s.indirect_reference.idnum: i for i, s in enumerate(leser.pages)}
    gefunden: set = set()
    wurzel = _obj(katalog.get("/StructTreeRoot"))
    if wurzel is not None:
        _baum(wurzel.get("/K"), befund, gefunden, seite_von)
    for nummer, seite in enumerate(leser.pages):
        mcids, artefakte = _markierungen(seite)
        befund.mcids_ohne_element += sorted((nummer, m) for m in mcids if (nummer, m) not in gefunden)
        befund.artefakte.append(artefakte)
    return befund
