"""Publishing reports: numbers per year without gaps or duplicates, PDFs that never change.

The PDF carries its number, yet no lock is held while WeasyPrint renders (a large report takes
many seconds): the report is rendered with the number it is expected to get, the year's counter
plus one. Then a short transaction locks the year's row of Nummernkreis; if the counter still
stands where it stood, it takes the number and stores the file and the report row together. If
another publication took that number meanwhile, the report is rendered again with the next one.
So a failed rendering takes no number and leaves no file, and two staff publishing at the same
moment get consecutive numbers.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from kern.format import datum
from kern.zeit import heute
from quartiere.models import Person

from . import ablage, arten, pdf
from .arten import Inhalt
from .fehler import MitzeichnungAbgelehnt, VeroeffentlichungAbgelehnt
from .models import Bericht, Mitzeichnung, Nummernkreis, Ratsvorlage
from .permissions import kann_berichte_erstellen, kann_berichte_zurueckziehen

# Each attempt loses only to a publication that took the number meanwhile, so this bounds how many
# reports of one year may be published at the very same moment.
VERSUCHE = 10

NUR_VERWALTUNG_VEROEFFENTLICHT = "Berichte veröffentlicht nur die Verwaltung."
ZU_VIELE_GLEICHZEITIG = ("Gerade werden sehr viele Berichte zugleich veröffentlicht; dieser hat keine Nummer "
                         "erhalten. Bitte veröffentlichen Sie ihn noch einmal.")
SCHON_ERSETZT = ("Version {version} von Nr. {nummer} ist schon durch Version {neu} ersetzt; korrigiert wird immer "
                 "die neueste Version.")
ZURUECKGEZOGEN_NICHT_KORRIGIERBAR = "Nr. {nummer} ist zurückgezogen; ein zurückgezogener Bericht wird nicht korrigiert."
NUR_VERWALTUNG_ZIEHT_ZURUECK = "Berichte zieht nur die Verwaltung zurück."
RUECKZUG_OHNE_GRUND = "Bitte geben Sie an, warum der Bericht zurückgezogen wird."
SCHON_ZURUECKGEZOGEN = "Nr. {nummer} ist schon am {datum} zurückgezogen worden."

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


def veroeffentlichen_pruefen(durch: User | None) -> None:
    # None: the portal itself (demo data, commands); a person must be staff.
    if durch is not None and not kann_berichte_erstellen(durch):
        raise VeroeffentlichungAbgelehnt(NUR_VERWALTUNG_VEROEFFENTLICHT)


def erwartete_laufnummer(jahr: int) -> int:
    """The number the next report of the year gets if no other is published before it."""
    letzte = Nummernkreis.objects.filter(jahr=jahr).values_list("letzte_laufnummer", flat=True).first()
    return (letzte or 0) + 1


def _nummer_nehmen(jahr: int, laufnummer: int) -> bool:
    """Inside a transaction: take the number if it is still the next one; the row stays locked until commit."""
    # Create the year's counter if it is missing (ON CONFLICT DO NOTHING), then lock it.
    Nummernkreis.objects.bulk_create([Nummernkreis(jahr=jahr)], ignore_conflicts=True)
    kreis = Nummernkreis.objects.select_for_update().get(jahr=jahr)
    if kreis.letzte_laufnummer + 1 != laufnummer:
        return False
    kreis.letzte_laufnummer = laufnummer
    kreis.save(update_fields=["letzte_laufnummer", "modified"])
    return True


def _rendern(inhalt: Inhalt, *, nummer: str, datum: dt.date, version: int) -> pdf.Pdf:
    return pdf.pdf_rendern(pdf.html_rendern(inhalt, nummer=nummer, datum=datum, version=version))


def _ablegen(*, inhalt: Inhalt, ergebnis: pdf.Pdf, jahr: int, laufnummer: int, version: int,
             ersetzt: Bericht | None, datum: dt.date, oeffentlich: bool, durch: User | None) -> Bericht:
    vorlage_pruefen(inhalt.vorlage, oeffentlich)
    nummer = f"{jahr}/{laufnummer:04d}"
    bericht = Bericht(
        art=inhalt.art, titel=inhalt.titel[:300], jahr=jahr, laufnummer=laufnummer, version=version, ersetzt=ersetzt,
        parameter=inhalt.parameter, datum=datum, verfasst_von=durch, oeffentlich=oeffentlich,
        sha256=ergebnis.sha256, sha512=hashlib.sha512(ergebnis.daten).hexdigest(), seiten=ergebnis.seiten,
        dateigroesse=len(ergebnis.daten),
        gebiet=inhalt.gebiet, programm=inhalt.programm, vorlage=inhalt.vorlage,
        dateiname=ablage.dateiname(art=inhalt.art, teile=inhalt.dateiname_teile, nummer=nummer, version=version),
    )
    bericht._history_user = durch

    def pruefen_und_sichern():
        bericht.full_clean(exclude=["datei"])
        bericht.save()

    ablage.mit_datei_speichern(bericht, "bericht.pdf", ergebnis.daten, pruefen_und_sichern)
    return bericht


def vorlage_pruefen(vorlage: Ratsvorlage | None, oeffentlich: bool) -> None:
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
    veroeffentlichen_pruefen(durch)
    inhalt = arten.inhalt_fuer(art, parameter)
    vorlage_pruefen(inhalt.vorlage, oeffentlich)
    datum = datum or heute()
    for _ in range(VERSUCHE):
        laufnummer = erwartete_laufnummer(datum.year)
        ergebnis = _rendern(inhalt, nummer=f"{datum.year}/{laufnummer:04d}", datum=datum, version=1)
        with transaction.atomic():
            if _nummer_nehmen(datum.year, laufnummer):
                return _ablegen(inhalt=inhalt, ergebnis=ergebnis, jahr=datum.year, laufnummer=laufnummer, version=1,
                                ersetzt=None, datum=datum, oeffentlich=oeffentlich, durch=durch)
    raise VeroeffentlichungAbgelehnt(ZU_VIELE_GLEICHZEITIG)


def korrektur_pruefen(bericht: Bericht) -> None:
    if bericht.zurueckgezogen:
        raise VeroeffentlichungAbgelehnt(ZURUECKGEZOGEN_NICHT_KORRIGIERBAR.format(nummer=bericht.nummer))
    nachfolger = Bericht.objects.filter(ersetzt=bericht).first()
    if nachfolger is not None:
        raise VeroeffentlichungAbgelehnt(SCHON_ERSETZT.format(version=bericht.version, nummer=bericht.nummer,
                                                              neu=nachfolger.version))


def bericht_korrigieren(*, bericht: Bericht, durch: User | None, oeffentlich: bool | None = None,
                        datum: dt.date | None = None) -> Bericht:
    """A new version of a published report from today's data: same number, version + 1, pointing to
    the version it replaces. The replaced PDF stays as it was."""
    veroeffentlichen_pruefen(durch)
    datum = datum or heute()
    bericht = Bericht.objects.get(pk=bericht.pk)
    korrektur_pruefen(bericht)
    inhalt = arten.inhalt_fuer(bericht.art, bericht.parameter)
    ergebnis = _rendern(inhalt, nummer=bericht.nummer, datum=datum, version=bericht.version + 1)
    with transaction.atomic():
        # Checked again under the lock: another correction may have been stored while this one rendered.
        alt = Bericht.objects.select_for_update().get(pk=bericht.pk)
        korrektur_pruefen(alt)
        return _ablegen(inhalt=inhalt, ergebnis=ergebnis, jahr=alt.jahr, laufnummer=alt.laufnummer,
                        version=alt.version + 1, ersetzt=alt, datum=datum,
                        oeffentlich=alt.oeffentlich if oeffentlich is None else oeffentlich, durch=durch)


def bericht_zurueckziehen(*, bericht: Bericht, grund: str, durch: User) -> list[Bericht]:
    """Withdraw a published report, every version of its number: it stays in the archive for staff,
    marked with date and reason; nobody else sees it or its PDF, OParl shows it as deleted."""
    if not kann_berichte_zurueckziehen(durch):
        raise VeroeffentlichungAbgelehnt(NUR_VERWALTUNG_ZIEHT_ZURUECK)
    grund = (grund or "").strip()
    if not grund:
        raise VeroeffentlichungAbgelehnt(RUECKZUG_OHNE_GRUND)
    with transaction.atomic():
        versionen = list(Bericht.objects.select_for_update()
                         .filter(jahr=bericht.jahr, laufnummer=bericht.laufnummer).order_by("version"))
        offen = [v for v in versionen if not v.zurueckgezogen]
        if not offen:
            datum = timezone.localtime(versionen[-1].zurueckgezogen_am).strftime("%d.%m.%Y")
            raise VeroeffentlichungAbgelehnt(SCHON_ZURUECKGEZOGEN.format(nummer=bericht.nummer, datum=datum))
        jetzt = timezone.now()
        for version in offen:
            version.zurueckgezogen_am, version.rueckzugsgrund = jetzt, grund
            version._history_user = durch
            version.save(update_fields=["zurueckgezogen_am", "rueckzugsgrund", "modified"])
    return versionen


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
        zeile = Mitzeichnung.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=mitzeichnung.pk)
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
