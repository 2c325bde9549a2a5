from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from kern.format import messwert
from quartiere import services
from quartiere.models import Indikatorimport
from quartiere.services import Ablehnung

ANZEIGE = 50


class Command(BaseCommand):
    help = ("Importiert Indikatorwerte aus einer CSV-Datei (Lang- oder Breitform). Mit --dry-run wird nur "
            "angezeigt, was hinzukäme und was sich änderte. Enthält eine Zeile einen Fehler, wird nichts gespeichert.")

    def add_arguments(self, parser):
        parser.add_argument("datei", help="Pfad der CSV-Datei")
        parser.add_argument("--dry-run", action="store_true", help="nur prüfen und anzeigen, nichts speichern")
        parser.add_argument("--indikator", default="", help="Indikatorschlüssel für Dateien ohne Indikatorspalte")
        parser.add_argument("--zahlen-bestaetigt", action="store_true",
                            help="zweifach lesbare Zahlen wie 1.234 so speichern, wie sie gelesen wurden")
        parser.add_argument("--benutzer", default="", help="Benutzername, unter dem der Import protokolliert wird")

    def handle(self, *args, datei, dry_run, indikator, benutzer, zahlen_bestaetigt, **options):
        pfad = Path(datei)
        if not pfad.is_file():
            raise CommandError(f"Datei nicht gefunden: {pfad}")
        inhalt = pfad.read_bytes()
        durch = None
        if benutzer:
            try:
                durch = get_user_model().objects.get(username=benutzer)
            except get_user_model().DoesNotExist:
                raise CommandError(f"Unbekannter Benutzer: {benutzer}") from None
        try:
            plan = services.indikatorimport_pruefen(inhalt=inhalt, indikator=indikator)
        except Ablehnung as exc:
            raise CommandError(exc.meldung) from exc
        d = plan.datei
        self.stdout.write(f"{pfad.name}: {'Langform' if d.format == 'lang' else 'Breitform'}, {d.kodierung}, "
                          f"Trennzeichen {d.trennzeichen_name}, "
                          f"Dezimalzeichen {'Komma' if d.dezimal == 'komma' else 'Punkt'}")
        for hinweis in d.hinweise:
            self.stdout.write(f"Hinweis: {hinweis}")
        for m in d.mehrdeutig[:ANZEIGE]:
            self.stdout.write(f"Zweifach lesbar: Zeile {m.zeile}, {m.jahr}: „{m.text}“ gelesen als {m.gelesen_text}, "
                              f"nicht {m.anders_text}")
        if plan.fehler:
            for fehler in plan.fehler:
                self.stderr.write(str(fehler))
            raise CommandError(services.IMPORT_MIT_FEHLERN.format(len(plan.fehler)))
        for titel, zeilen in (("neu", plan.neu), ("geändert", plan.geaendert)):
            for a in zeilen[:ANZEIGE]:
                alt = f"{messwert(a.alt, hoechstens=4)} → " if a.alt is not None else ""
                self.stdout.write(f"  {titel}: Zeile {a.zeile}: {a.gebiet} · {a.indikator} · {a.jahr}: {alt}"
                                  f"{messwert(a.neu, hoechstens=4)}{' (Prognose)' if a.prognose else ''}")
            if len(zeilen) > ANZEIGE:
                self.stdout.write(f"  … und {len(zeilen) - ANZEIGE} weitere ({titel})")
        zusammenfassung = (f"{len(plan.neu)} neu, {len(plan.geaendert)} geändert, {plan.unveraendert} unverändert"
                           f"{f', {d.ohne_wert} Zellen ohne Wert übersprungen' if d.ohne_wert else ''}")
        if dry_run:
            self.stdout.write(f"Probelauf: {zusammenfassung}. Es wurde nichts gespeichert.")
            return
        try:
            protokoll = services.indikatorimport_ausfuehren(
                inhalt=inhalt, dateiname=pfad.name, durch=durch, quelle=Indikatorimport.Quelle.BEFEHL,
                indikator=indikator, fingerabdruck=plan.fingerabdruck, zahlen_bestaetigt=zahlen_bestaetigt)
        except Ablehnung as exc:
            for fehler in exc.fehler:
                self.stderr.write(str(fehler))
            raise CommandError(exc.meldung) from exc
        self.stdout.write(self.style.SUCCESS(
            f"Gespeichert: {protokoll.neu} neu, {protokoll.geaendert} geändert, {protokoll.unveraendert} unverändert."))
