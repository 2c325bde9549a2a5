"""The demo's submitted proofs of use: a part has a narrative and receipts, so the check can be tried."""

from decimal import Decimal

from programme import nachweis_regeln
from programme.models import Verwendungsnachweis
from programme.nachweis import Beleg, Nachweisangaben


def test_ein_teil_der_eingereichten_nachweise_hat_belege_und_laesst_sich_pruefen(demodaten):
    offen = Verwendungsnachweis.objects.filter(eingereicht_am__isnull=False, geprueft_am__isnull=True)
    mit_angaben = offen.filter(angaben__isnull=False)
    assert 0 < mit_angaben.count() < offen.count()
    for nachweis in mit_angaben:
        summe = sum(Beleg.objects.filter(nachweis=nachweis).values_list("betrag", flat=True), Decimal(0))
        assert summe == nachweis.verwendet > 0
        pruefung = nachweis_regeln.pruefung(nachweis, ausgezahlt=nachweis.bewilligung.auszahlungen.summe())
        assert pruefung.neuberechnung.festgesetzt <= nachweis.bewilligung.betrag_bewilligt
    assert any(nachweis_regeln.pruefung(n, ausgezahlt=n.bewilligung.auszahlungen.summe()).neuberechnung.rueckforderung
               for n in mit_angaben)
    assert Nachweisangaben.objects.filter(nachweis__in=mit_angaben, sachbericht__startswith="Das Projekt").exists()
