"""Documents: the Leverkusen council paper 2019/3030 on the social report 2019 with its six consultation rows,
published as in the original, a programme report of Bremen's WiN and the documentation of the ZWK board's
first meeting. The paper's co-signatures are recorded as given before its date, as in 2019. Publishing goes
through berichte.services; the paper's text and rows are written get-or-update,
as the editing service takes the staff's bound form."""

from __future__ import annotations

from berichte import services
from berichte.models import Beratung, Bericht, Berichtsart, Mitzeichnung, Nummernkreis, Ratsvorlage
from demo.daten import bremen, bremerhaven, leverkusen

from .basis import Kontext, sichern


def ratsvorlage_laden(k: Kontext) -> Ratsvorlage:
    daten = dict(leverkusen.RATSVORLAGE)
    betreff = daten.pop("betreff")
    daten.update(programm=k.programme[daten["programm"]], verfasst_von=k.verwaltung)
    vorlage = sichern(Ratsvorlage, defaults=daten, stadt=k.staedte["Leverkusen"], betreff=betreff)
    for amt, name, datum in leverkusen.MITZEICHNUNGEN:
        sichern(Mitzeichnung, defaults={"gezeichnet_am": datum, "gezeichnet_name": name}, vorlage=vorlage,
                organisation=k.orgs[("Leverkusen", amt)])
    for nr, (name, _, _, datum, zustaendigkeit) in enumerate(leverkusen.BERATUNGSFOLGE, start=1):
        gremium = k.gremien.get(name)
        sichern(Beratung, defaults={"gremium": gremium, "gremium_name": "" if gremium else name, "datum": datum,
                                    "zustaendigkeit": zustaendigkeit, "oeffentlich": True},
                vorlage=vorlage, reihenfolge=nr)
    return vorlage


def _ratsvorlage_veroeffentlichen(k: Kontext, vorlage: Ratsvorlage) -> None:
    if Bericht.objects.filter(vorlage=vorlage).exists():
        return
    jahr = vorlage.datum.year
    kreis, _ = Nummernkreis.objects.get_or_create(jahr=jahr)
    if kreis.letzte_laufnummer < leverkusen.VORIGE_VORLAGENNUMMER and not Bericht.objects.filter(jahr=jahr).exists():
        kreis.letzte_laufnummer = leverkusen.VORIGE_VORLAGENNUMMER
        kreis.save(update_fields=["letzte_laufnummer", "modified"])
    services.bericht_veroeffentlichen(art=Berichtsart.RATSVORLAGE, parameter={"vorlage": vorlage.pk},
                                      oeffentlich=True, durch=k.verwaltung, datum=vorlage.datum)


def _veroeffentlichen(k: Kontext, art: str, parameter: dict, *, oeffentlich: bool, datum) -> None:
    if not Bericht.objects.filter(art=art, parameter=parameter).exists():
        services.bericht_veroeffentlichen(art=art, parameter=parameter, oeffentlich=oeffentlich, durch=k.verwaltung,
                                          datum=datum)


def berichte_laden(k: Kontext) -> None:
    _ratsvorlage_veroeffentlichen(k, ratsvorlage_laden(k))
    bericht = bremen.PROGRAMMJAHRESBERICHT
    _veroeffentlichen(k, Berichtsart.PROGRAMMJAHRESBERICHT,
                      {"programm": k.programme[bericht["programm"]].pk, "jahr": bericht["jahr"]},
                      oeffentlich=bericht["oeffentlich"], datum=k.heute)
    doku = bremerhaven.SITZUNGSDOKUMENTATION
    sitzung = k.gremien[doku["gremium"]].sitzungen.get(datum=doku["datum"])
    _veroeffentlichen(k, Berichtsart.SITZUNGSDOKUMENTATION, {"sitzung": sitzung.pk}, oeffentlich=doku["oeffentlich"],
                      datum=sitzung.dokumentiert_am or sitzung.datum)
