"""python manage.py bericht KIND [parameters] -o FILE.pdf: render a report without publishing it."""

import argparse
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from berichte import arten, pdf
from berichte.fehler import BerichtFehler


def _uebersicht() -> str:
    zeilen = ["Berichtsarten und ihre Parameter:", ""]
    for name, definition in arten.ARTEN.items():
        optionen = " ".join(f"--{p.name} {p.name.upper()}" if p.pflicht else f"[--{p.name} {p.name.upper()}]"
                            for p in definition.parameter)
        zeilen.append(f"  {name} {optionen} -o DATEI.pdf")
        for p in definition.parameter:
            zeilen.append(f"      --{p.name:<9} {p.hilfe}{'' if p.pflicht else ' (optional)'}")
        zeilen.append("")
    zeilen += [
        "Beispiele:",
        "  python manage.py bericht programmjahresbericht --programm WiN --jahr 2016 -o win-2016.pdf",
        "  python manage.py bericht quartiersprofil --gebiet Blockdiek -o blockdiek.pdf",
        "  python manage.py bericht sitzungsdokumentation --sitzung 12 -o sitzung.pdf",
        "  python manage.py bericht sozialbericht --stadt Leverkusen --jahr 2024 -o sozialbericht.pdf",
        "  python manage.py bericht ratsvorlage --vorlage 1 -o vorlage.pdf",
        "",
        "Mit -o DATEI.html entsteht die HTML-Fassung (dieselbe Vorlage wie das PDF). Der Bericht wird nicht",
        "veröffentlicht und erhält keine Nummer; veröffentlicht wird im Portal unter „Berichte“.",
    ]
    return "\n".join(zeilen)


class Command(BaseCommand):
    help = "Erzeugt einen Bericht als PDF-Entwurf (ohne Nummer, nicht veröffentlicht)."

    def create_parser(self, prog_name, subcommand, **kwargs):
        return super().create_parser(prog_name, subcommand, formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=_uebersicht(), **kwargs)

    def add_arguments(self, parser):
        unter = parser.add_subparsers(dest="art", required=True, metavar="ART", title="Berichtsarten",
                                      description=", ".join(arten.ARTEN))
        for name, definition in arten.ARTEN.items():
            p = unter.add_parser(name, help=definition.beschreibung, description=definition.beschreibung)
            for parameter in definition.parameter:
                p.add_argument(f"--{parameter.name}", required=parameter.pflicht, help=parameter.hilfe,
                               metavar=parameter.name.upper())
            p.add_argument("-o", "--ausgabe", required=True, metavar="DATEI",
                           help="Zieldatei: .pdf für das PDF, .html für die HTML-Fassung")

    def handle(self, *args, **optionen):
        art, ziel = optionen["art"], Path(optionen["ausgabe"])
        werte = {p.name: optionen.get(p.name) for p in arten.ARTEN[art].parameter}
        try:
            inhalt = arten.inhalt_fuer(art, arten.kommandozeile_aufloesen(art, werte))
            html = pdf.html_rendern(inhalt)
            if ziel.suffix.lower() in (".html", ".htm"):
                ziel.write_text(html, encoding="utf-8")
                self.stdout.write(f"{inhalt.titel}: HTML geschrieben nach {ziel}")
                return
            ergebnis = pdf.pdf_rendern(html)
        except BerichtFehler as exc:
            raise CommandError(exc.meldung) from exc
        ziel.write_bytes(ergebnis.daten)
        self.stdout.write(f"{inhalt.titel}: {ergebnis.seiten} Seite(n), {len(ergebnis.daten) // 1024} KB, "
                          f"geschrieben nach {ziel}")
