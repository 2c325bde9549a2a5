"""PDF/UA-1 for every document: what WeasyPrint's `pdf_variant="pdf/ua-1"` does not do itself.

WeasyPrint 70 with `pdf/ua-1` writes PDF 1.7, the structure tree (`pdf_tags`), `/MarkInfo`, `/Lang`
from `<html lang>`, the title from `<title>` (shown by the viewer, `DisplayDocTitle`) and the PDF/UA
identifier `pdfuaid:part="1"` in the XMP metadata. The page margin boxes, though (our running header
and the footer "Seite X von Y"), it marks as tagged content that no structure element reaches, so a
screen reader may read them on every page, and PDF/UA checkers count content that is neither tagged
nor an artefact. PDF/UA-1 wants pagination artefacts there (ISO 14289-1, 7.8; ISO 32000-1, 14.8.2.2):
`/Artifact <</Type /Pagination /Subtype /Header>> BDC … EMC`, outside the structure tree.

`einrichten()` wraps two functions of WeasyPrint's so that it does exactly that: drawing a margin box
writes it as a pagination artefact without marked-content ids, and the structure tree skips margin
boxes. Both are looked up by name at run time inside WeasyPrint, so wrapping the module attributes is
enough; the rest of WeasyPrint stays as it is. berichte/tests/test_pdfua.py checks the result for
every document kind.
"""

from __future__ import annotations

import pydyf
from weasyprint import draw as _draw
from weasyprint.formatting_structure import boxes
from weasyprint.pdf import tags as _tags


def _art(box: boxes.MarginBox) -> str:
    keyword = getattr(box, "at_keyword", "") or ""
    if keyword.startswith("@top"):
        return "/Header"
    if keyword.startswith("@bottom"):
        return "/Footer"
    return ""


def _als_artefakt(zeichnen):
    def zeichne_stapelkontext(stream, stacking_context):
        box = stacking_context.box
        if not isinstance(box, boxes.MarginBox) or stream._tags is None:
            return zeichnen(stream, stacking_context)
        merkmale = pydyf.Dictionary({"Type": "/Pagination"})
        if art := _art(box):
            merkmale["Subtype"] = art
        markierungen, stream._tags = stream._tags, None  # no MCIDs inside the artefact
        stream.begin_marked_content("Artifact", merkmale)
        try:
            return zeichnen(stream, stacking_context)
        finally:
            stream.end_marked_content()
            stream._tags = markierungen

    zeichne_stapelkontext.__wrapped__ = zeichnen
    return zeichne_stapelkontext


def _ohne_randfelder(baum):
    def baue(box, *args, **kwargs):
        if isinstance(box, boxes.MarginBox):
            return iter(())
        return baum(box, *args, **kwargs)

    baue.__wrapped__ = baum
    return baue


def einrichten() -> None:
    """Idempotent: margin boxes become pagination artefacts in every PDF rendered from now on."""
    if not hasattr(_draw.draw_stacking_context, "__wrapped__"):
        _draw.draw_stacking_context = _als_artefakt(_draw.draw_stacking_context)
    if not hasattr(_tags._build_box_tree, "__wrapped__"):
        _tags._build_box_tree = _ohne_randfelder(_tags._build_box_tree)
