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

from kern.format import datum
from kern.zeit import heute
from quartiere.models import Person

from . import ablage, arten, pdf
from .arten import Inhalt
from .fehler import MitzeichnungAbgelehnt, VeroeffentlichungAbgelehnt
from .models import Bericht, Mitzeichnung, Nummernkreis, Ratsvorlage

MITZEICHNUNG_FEHLT = ("Die Ratsvorlage ist noch nicht von allen genannten Ämtern mitgezeichnet; es fehlt: {aemter}. "
                      "Erst nach allen Mitzeichnungen kann sie veröffentlicht werden.")
VORLAGE_NICHTOEFFENTLICH = ("Die Ratsvorlage ist als nichtöffentlich gekennzeichnet und kann nur nichtöffentlich "
                            "veröffentlicht werden.")
SCHON_MITGEZEICHNET = "„{amt}“ hat diese Vorlage schon am {datum} mitgezeichnet."
NICHT_IM_AMT = ("Mitzeichnen kann nur, wer als Person im Portal zu „{amt}“ gehört; Ihr Benutzerkonto ist keiner "
                "Person dieses Amtes zugeordnet.")
# A change of these fields changes what was co-signed: the co-signatures start again.
GEZEICHNETER_INHALT = ("vorlagenart", "betreff", "beschlussentwurf", "begruendung", "finanzielle_auswirkungen",
                       "programm", "haushaltsjahr", "anlagen")


def _naechste_laufnummer(jahr: int) -> int:
    # Create the year's counter if it is missing (ON CONFLICT DO NOTHING), then lock it.
    Nummernkreis.objects.bulk_create([Nummernkreis(jahr=jahr)], ignore_conflicts=True)
    kreis = Nummernkreis.objects.select_for_update().get(jahr=jahr)
    kreis.letzte_laufnummer += 1
    kreis.save(update_fields=["letzte_laufnummer", "modified"])
    return kreis.letzte_laufnummer


def _ablegen(*, inhalt: Inhalt, jahr: int, laufnummer: int, version: int, ersetzt: Bericht | None,
             datum: dt.date, oeffentlich: bool, durch: User | None) -> Bericht:
    _vorlage_pruefen(inhalt.vorlage, oeffentlich)
    nummer = f"{jahr}/{laufnummer:04d}"
    ergebnis = pdf.pdf_rendern(pdf.html_rendern(inhalt, nummer=nummer, datum=datum, version=version))
    bericht = Bericht(
        art=inhalt.art, titel=inhalt.titel[:300], jahr=jahr, laufnummer=laufnummer, version=version, ersetzt=ersetzt,
        parameter=inhalt.parameter, datum=datum, verfasst_von=durch, oeffentlich=oeffentlich,
        sha256=ergebnis.sha256, sha512=hashlib.sha512(ergebnis.daten).hexdigest(), seiten=ergebnis.seiten,
        dateigroesse=len(ergebnis.daten),
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


def _vorlage_pruefen(vorlage: Ratsvorlage | None, oeffentlich: bool) -> None:
    """A council paper is published only once every department named on it has co-signed, and a
    non-public paper never as public."""
    if vorlage is None:
        return
    if oeffentlich and not vorlage.oeffentlich:
        raise VeroeffentlichungAbgelehnt(VORLAGE_NICHTOEFFENTLICH)
    offen = [m.organisation.name for m in vorlage.mitzeichnungen.select_related("organisation") if not m.gezeichnet]
    if offen:
        raise VeroeffentlichungAbgelehnt(MITZEICHNUNG_FEHLT.format(aemter=", ".join(offen)))


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
    """Save a council paper's text, its consultation rows and the departments that co-sign it together (all
    already validated). A changed text needs its co-signatures again."""
    with transaction.atomic():
        vorlage = form.save(commit=False)
        if vorlage.verfasst_von_id is None:
            vorlage.verfasst_von = durch
        vorlage.save()
        beratungen.instance = vorlage
        beratungen.save()
        _mitzeichnende_setzen(vorlage, form.cleaned_data.get("mitzeichnende") or [],
                              neu_zeichnen=bool(set(form.changed_data) & set(GEZEICHNETER_INHALT)))
    return vorlage


def _mitzeichnende_setzen(vorlage: Ratsvorlage, aemter, *, neu_zeichnen: bool) -> None:
    ids = {amt.pk for amt in aemter}
    vorlage.mitzeichnungen.exclude(organisation_id__in=ids).delete()
    vorhanden = set(vorlage.mitzeichnungen.values_list("organisation_id", flat=True))
    Mitzeichnung.objects.bulk_create([Mitzeichnung(vorlage=vorlage, organisation_id=pk) for pk in ids - vorhanden])
    if neu_zeichnen:
        vorlage.mitzeichnungen.update(gezeichnet_am=None, gezeichnet_name="", gezeichnet_von=None)


def ratsvorlage_mitzeichnen(*, mitzeichnung: Mitzeichnung, durch: User) -> Mitzeichnung:
    """Co-sign a council paper for a department named on it, as a person of that department (or of a unit
    below it), with today's date."""
    with transaction.atomic():
        zeile = Mitzeichnung.objects.select_for_update().select_related("organisation").get(pk=mitzeichnung.pk)
        amt = zeile.organisation
        if zeile.gezeichnet:
            raise MitzeichnungAbgelehnt(SCHON_MITGEZEICHNET.format(amt=amt.name, datum=datum(zeile.gezeichnet_am)))
        person = Person.objects.filter(user=durch).select_related("organisation").first()
        if person is None or person.organisation is None or amt.pk not in (person.organisation_id,
                                                                          person.organisation.parent_id):
            raise MitzeichnungAbgelehnt(NICHT_IM_AMT.format(amt=amt.name))
        zeile.gezeichnet_am = heute()
        zeile.gezeichnet_name = " ".join(t for t in (person.titel, person.vorname, person.nachname) if t)
        zeile.gezeichnet_von = durch
        zeile.full_clean()
        zeile.save()
    return zeile
