"""python manage.py bericht KIND [parameters] -o FILE.pdf"""

import re
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from berichte.management.commands.bericht import Command
from testhilfen.programme import BewilligungFactory, FoerderprogrammFactory, JahresbudgetFactory, ProjektFactory
from testhilfen.quartiere import GebietFactory, StadtFactory

from testhilfen.pdftext import text_aus_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def win(gebiet_a):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt)
    JahresbudgetFactory(programm=programm, jahr=2016, betrag=Decimal("90000"))
    BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=gebiet_a, bewilligt=True), programm=programm,
                       jahr=2016, gebiet=gebiet_a, betrag_beantragt=Decimal("8765.40"))
    return programm


def test_renders_a_programme_year_by_its_short_name(win, tmp_path):
    ziel = tmp_path / "win-2016.pdf"
    ausgabe = StringIO()
    call_command("bericht", "programmjahresbericht", "--programm", "WiN", "--jahr", "2016", "-o", str(ziel),
                 stdout=ausgabe)
    text = text_aus_pdf(ziel.read_bytes())
    assert "Programmjahresbericht WiN 2016" in text and "8.765,40 €" in text
    assert "Entwurf – nicht veröffentlicht" in text
    assert re.match(r"Programmjahresbericht WiN 2016: \d+ Seite\(n\), \d+ KB, geschrieben nach ", ausgabe.getvalue())


def test_html_output_and_area_by_name(tmp_path, stadt):
    GebietFactory(parent=stadt, name="Blockdiek")
    ziel = tmp_path / "blockdiek.html"
    call_command("bericht", "quartiersprofil", "--gebiet", "blockdiek", "--jahr", "2025", "-o", str(ziel),
                 stdout=StringIO())
    html = ziel.read_text(encoding="utf-8")
    assert "<h1>Quartiersprofil Blockdiek</h1>" in html and 'class="werkzeugleiste"' not in html


def test_unknown_and_ambiguous_names_are_refused_in_german(tmp_path):
    with pytest.raises(CommandError, match="Das Förderprogramm „Gibtsnicht“ gibt es nicht."):
        call_command("bericht", "programmjahresbericht", "--programm", "Gibtsnicht", "--jahr", "2016",
                     "-o", str(tmp_path / "x.pdf"))
    for name in ("Bremen", "Bremerhaven"):
        GebietFactory(parent=StadtFactory(name=name), name="Mitte")
    with pytest.raises(CommandError, match="„Mitte“ ist nicht eindeutig .*--stadt"):
        call_command("bericht", "quartiersprofil", "--gebiet", "Mitte", "-o", str(tmp_path / "x.pdf"))
    call_command("bericht", "quartiersprofil", "--gebiet", "Mitte", "--stadt", "Bremerhaven",
                 "-o", str(tmp_path / "mitte.pdf"), stdout=StringIO())
    assert (tmp_path / "mitte.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(CommandError, match="Ratsvorlage"):
        call_command("bericht", "ratsvorlage", "--vorlage", "4711", "-o", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_help_lists_every_kind_with_its_parameters():
    hilfe = Command().create_parser("manage.py", "bericht").format_help()
    for zeile in ("ratsvorlage --vorlage VORLAGE -o DATEI.pdf",
                  "programmjahresbericht --programm PROGRAMM --jahr JAHR [--stadt STADT] -o DATEI.pdf",
                  "quartiersprofil --gebiet GEBIET [--jahr JAHR] [--stadt STADT] -o DATEI.pdf",
                  "sitzungsdokumentation --sitzung SITZUNG -o DATEI.pdf",
                  "sozialbericht --stadt STADT --jahr JAHR -o DATEI.pdf",
                  "--programm WiN", "--gebiet Blockdiek", "--stadt Leverkusen"):
        assert zeile in hilfe, zeile
