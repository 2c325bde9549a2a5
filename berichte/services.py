"""Publishing reports: numbers per year without gaps or duplicates, PDFs that never change.

A number is drawn by locking the year's row of Nummernkreis; the lock is held while the PDF
(which carries the number) is rendered and stored, and the counter, the report row and the file
are committed together. So a failed rendering leaves no gap, and two staff publishing at the
same moment get consecutive numbers one after the other.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction

from kern.zeit import heute

from . import ablage, arten, pdf
from .arten import Inhalt
from .fehler import VeroeffentlichungAbgelehnt
from .models import Bericht, Nummernkreis, Ratsvorlage


def _naechste_laufnummer(jahr: int) -> int:
    # Create the year's counter if it is missing (ON CONFLICT DO NOTHING), then lock it.
    Nummernkreis.objects.bulk_create([Nummernkreis(jahr=jahr)], ignore_conflicts=True)
    kreis = Nummernkreis.objects.select_for_update().get(jahr=jahr)
    kreis.letzte_laufnummer += 1
    kreis.save(update_fields=["letzte_laufnummer", "modified"])
    return kreis.letzte_laufnummer


def _ablegen(*, inhalt: Inhalt, jahr: int, laufnummer: int, version: int, ersetzt: Bericht | None,
             datum: dt.date, oeffentlich: bool, durch: User | None) -> Bericht:
    nummer = f"{jahr}/{laufnummer:04d}"
    ergebnis = pdf.pdf_rendern(pdf.html_rendern(inhalt, nummer=nummer, datum=datum, version=version))
    bericht = Bericht(
        art=inhalt.art, titel=inhalt.titel[:300], jahr=jahr, laufnummer=laufnummer, version=version, ersetzt=ersetzt,
        parameter=inhalt.parameter, datum=datum, verfasst_von=durch, oeffentlich=oeffentlich,
        sha256=ergebnis.sha256, sha512=hashlib.sha512(ergebnis.daten).hexdigest(), seiten=ergebnis.seiten, dateigroesse=len(ergebnis.daten),
        gebiet=inhalt.gebiet, programm=inhalt.programm, vorlage=inhalt.vorlage,
        dateiname=ablage.dateiname(art=inhalt.art, teile=inhalt.dateiname_teile, nummer=nummer, version=version),
    )
    bericht.datei.save("bericht.pdf", ContentFile(ergebnis.daten), save=False)
    try:
        bericht.full_clean(exclude=["datei"])
        bericht.save()
    except BaseException:
        # The database rolls back; the file written a moment ago must go with it.
        bericht.datei.storage.delete(bericht.datei.name)
        raise
    return bericht


def bericht_veroeffentlichen(*, art: str, parameter: dict, oeffentlich: bool, durch: User | None,
                             datum: dt.date | None = None) -> Bericht:
    """Render the report, give it the next number of its year and store it for good."""
    inhalt = arten.inhalt_fuer(art, parameter)
    datum = datum or heute()
    with transaction.atomic():
        laufnummer = _naechste_laufnummer(datum.year)
        return _ablegen(inhalt=inhalt, jahr=datum.year, laufnummer=laufnummer, version=1, ersetzt=None,
                        datum=datum, oeffentlich=oeffentlich, durch=durch)


def bericht_korrigieren(*, bericht: Bericht, durch: User | None, oeffentlich: bool | None = None,
                        datum: dt.date | None = None) -> Bericht:
    """A new version of a published report from today's data: same number, version + 1, pointing to
    the version it replaces. The replaced PDF stays as it was."""
    datum = datum or heute()
    with transaction.atomic():
        alt = Bericht.objects.select_for_update().get(pk=bericht.pk)
        nachfolger = Bericht.objects.filter(ersetzt=alt).first()
        if nachfolger is not None:
            raise VeroeffentlichungAbgelehnt(
                f"Version {alt.version} von Nr. {alt.nummer} ist schon durch Version {nachfolger.version} ersetzt; "
                "korrigiert wird immer die neueste Version.")
        inhalt = arten.inhalt_fuer(alt.art, alt.parameter)
        return _ablegen(inhalt=inhalt, jahr=alt.jahr, laufnummer=alt.laufnummer, version=alt.version + 1,
                        ersetzt=alt, datum=datum, oeffentlich=alt.oeffentlich if oeffentlich is None else oeffentlich,
                        durch=durch)


def ratsvorlage_speichern(*, form, beratungen, durch: User | None) -> Ratsvorlage:
    """Save a council paper's text and its consultation rows together (both already validated)."""
    with transaction.atomic():
        vorlage = form.save(commit=False)
        if vorlage.verfasst_von_id is None:
            vorlage.verfasst_von = durch
        vorlage.save()
        beratungen.instance = vorlage
        beratungen.save()
    return vorlage
