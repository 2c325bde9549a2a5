"""The five report kinds: their parameters, the read that fills them, title, file name, template.

The same parameter form validates the browser's query string, the publishing form and the
command line (which first turns names such as `--programm WiN` into ids), so a report's
parameters mean the same everywhere and can be stored as JSON with the published report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from django import forms
from django.db.models import Model

from kern.formulare import Formular
from beteiligung.models import Sitzung
from kern.zeit import heute
from programme.models import Foerderprogramm
from quartiere.models import Gebiet

from . import inhalte
from .fehler import ParameterFehler
from .models import Berichtsart, Ratsvorlage


def _jahr(label: str = "Jahr", **kwargs) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=2000, max_value=2100, **kwargs)


class ProgrammFeld(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.kurzname} – {obj.name} ({obj.stadt.name})"


class GebietFeld(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.stadt.name})" if obj.stadt_id else obj.name


class SitzungFeld(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.datum:%d.%m.%Y} {obj.gremium.name}: {obj.titel}"


class RatsvorlageParameter(Formular):
    vorlage = forms.ModelChoiceField(label="Ratsvorlage", queryset=Ratsvorlage.objects.select_related(
        "stadt", "programm").order_by("-datum", "-id"))


class ProgrammjahresberichtParameter(Formular):
    programm = ProgrammFeld(label="Förderprogramm", queryset=Foerderprogramm.objects.select_related(
        "stadt", "zustaendig").order_by("stadt__name", "kurzname"))
    jahr = _jahr("Haushaltsjahr")


class QuartiersprofilParameter(Formular):
    gebiet = GebietFeld(label="Gebiet", queryset=Gebiet.objects.quartiere().select_related("stadt", "parent")
                        .order_by("stadt__name", "name"))
    jahr = _jahr(help_text="Stand der Projekte, Sitzungen und des Strukturchecks", required=False)

    def clean_jahr(self):
        return self.cleaned_data["jahr"] or heute().year


class SitzungsdokumentationParameter(Formular):
    sitzung = SitzungFeld(label="Sitzung", queryset=Sitzung.objects.select_related(
        "gremium__gebiet__stadt", "verfasst_von__organisation").order_by("-datum", "-beginn"))


class SozialberichtParameter(Formular):
    stadt = forms.ModelChoiceField(label="Stadt", queryset=Gebiet.objects.staedte().order_by("name"))
    jahr = _jahr("Jahr der Indikatoren")


@dataclass(frozen=True)
class Inhalt:
    """Everything a report needs to be rendered and filed in the archive."""

    art: str
    titel: str
    dateiname_teile: list[str]
    stadt: Gebiet
    absender: str
    kontext: dict
    parameter: dict
    gebiet: Gebiet | None = None
    programm: Foerderprogramm | None = None
    vorlage: Ratsvorlage | None = None
    oeffentlich_vorschlag: bool = False


@dataclass(frozen=True)
class Parameter:
    """A command-line option: flag, help, and how a name given there becomes an id."""

    name: str
    hilfe: str
    aufloesen: Callable[[str, dict], object] | None = None
    pflicht: bool = True


@dataclass(frozen=True)
class Art:
    art: Berichtsart
    beschreibung: str
    formular: type[forms.Form]
    erstellen: Callable[[dict], Inhalt]
    parameter: list[Parameter] = field(default_factory=list)

    @property
    def template(self) -> str:
        return f"berichte/{self.art.value}.html"

    @property
    def titel(self) -> str:
        return self.art.label


def _absender(organisation) -> str:
    return organisation.name if organisation is not None else inhalte.STANDARD_ABSENDER


def _ratsvorlage(d: dict) -> Inhalt:
    vorlage: Ratsvorlage = d["vorlage"]
    return Inhalt(
        art=Berichtsart.RATSVORLAGE, titel=vorlage.betreff, dateiname_teile=[], stadt=vorlage.stadt,
        absender=vorlage.absender, kontext=inhalte.ratsvorlage(vorlage=vorlage), parameter={},
        programm=vorlage.programm, gebiet=vorlage.stadt, vorlage=vorlage,
    )


def _programmjahresbericht(d: dict) -> Inhalt:
    programm, jahr = d["programm"], d["jahr"]
    return Inhalt(
        art=Berichtsart.PROGRAMMJAHRESBERICHT, titel=f"Programmjahresbericht {programm.kurzname} {jahr}",
        dateiname_teile=[programm.kurzname, str(jahr)], stadt=programm.stadt, absender=_absender(programm.zustaendig),
        kontext=inhalte.programmjahresbericht(programm=programm, jahr=jahr), parameter={}, programm=programm,
    )


def _quartiersprofil(d: dict) -> Inhalt:
    gebiet, jahr = d["gebiet"], d["jahr"]
    return Inhalt(
        art=Berichtsart.QUARTIERSPROFIL, titel=f"Quartiersprofil {gebiet.name} {jahr}",
        dateiname_teile=[gebiet.name, str(jahr)], stadt=gebiet.stadt_oder_selbst,
        absender=inhalte.STANDARD_ABSENDER, kontext=inhalte.quartiersprofil(gebiet=gebiet, jahr=jahr),
        parameter={}, gebiet=gebiet,
    )


def _sitzungsdokumentation(d: dict) -> Inhalt:
    sitzung: Sitzung = d["sitzung"]
    gremium = sitzung.gremium
    verfasser = sitzung.verfasst_von
    return Inhalt(
        art=Berichtsart.SITZUNGSDOKUMENTATION, titel=f"Dokumentation: {sitzung.titel}",
        dateiname_teile=[gremium.name, f"{sitzung.datum:%Y-%m-%d}"], stadt=gremium.gebiet.stadt_oder_selbst,
        absender=_absender(verfasser.organisation if verfasser else None),
        kontext=inhalte.sitzungsdokumentation(sitzung=sitzung), parameter={}, gebiet=gremium.gebiet,
        programm=gremium.programm, oeffentlich_vorschlag=sitzung.oeffentlich,
    )


def _sozialbericht(d: dict) -> Inhalt:
    stadt, jahr = d["stadt"], d["jahr"]
    return Inhalt(
        art=Berichtsart.SOZIALBERICHT, titel=f"Sozialbericht-Übersicht {stadt.name} {jahr}",
        dateiname_teile=[stadt.name, str(jahr)], stadt=stadt, absender=inhalte.STANDARD_ABSENDER,
        kontext=inhalte.sozialbericht(stadt=stadt, jahr=jahr), parameter={}, gebiet=stadt,
    )


# --- command-line names -> ids ---------------------------------------------------------------

def _id_oder(wert: str, suche: Callable[[str], list], was: str) -> int:
    if wert.isdigit():
        return int(wert)
    treffer = suche(wert)
    if not treffer:
        raise ParameterFehler(f"{was} „{wert}“ gibt es nicht.")
    if len(treffer) > 1:
        raise ParameterFehler(f"{was} „{wert}“ ist nicht eindeutig ({', '.join(treffer_namen(treffer))}); "
                              f"bitte mit --stadt eingrenzen oder die Nummer angeben.")
    return treffer[0].pk


def treffer_namen(treffer) -> list[str]:
    return [f"{t} [{t.pk}]" for t in treffer]


def _stadt_id(wert: str, alle: dict) -> int:
    return _id_oder(wert, lambda w: list(Gebiet.objects.staedte().filter(name__iexact=w)), "Die Stadt")


def _in_stadt(queryset, alle: dict, feld: str):
    stadt = alle.get("stadt")
    return queryset.filter(**{feld: _stadt_id(stadt, {})}) if stadt else queryset


def _programm_id(wert: str, alle: dict) -> int:
    return _id_oder(wert, lambda w: list(_in_stadt(
        Foerderprogramm.objects.filter(kurzname__iexact=w) | Foerderprogramm.objects.filter(name__iexact=w),
        alle, "stadt_id").distinct()), "Das Förderprogramm")


def _gebiet_id(wert: str, alle: dict) -> int:
    return _id_oder(wert, lambda w: list(_in_stadt(
        Gebiet.objects.quartiere().filter(name__iexact=w).select_related("stadt"), alle, "stadt_id")),
        "Das Gebiet")


def _nummer(wert: str, alle: dict) -> int:
    if not wert.isdigit():
        raise ParameterFehler(f"„{wert}“ ist keine Nummer.")
    return int(wert)


def _ganzzahl(wert: str, alle: dict) -> int:
    if not wert.isdigit():
        raise ParameterFehler(f"„{wert}“ ist keine Jahreszahl.")
    return int(wert)


STADT_ZUM_EINGRENZEN = Parameter("stadt", "Stadt, wenn der Name in mehreren Städten vorkommt, z. B. --stadt Bremen",
                                 None, pflicht=False)

ARTEN: dict[str, Art] = {
    a.art.value: a for a in [
        Art(Berichtsart.RATSVORLAGE, "Vorlage für Rat, Ausschüsse und Bezirksvertretungen mit Beratungsfolge, "
            "Beschlussentwurf, Begründung und finanziellen Auswirkungen.", RatsvorlageParameter, _ratsvorlage,
            [Parameter("vorlage", "Nummer (ID) der Ratsvorlage im Portal, z. B. --vorlage 3", _nummer)]),
        Art(Berichtsart.PROGRAMMJAHRESBERICHT, "Ein Förderprogramm in einem Jahr: Budget, bewilligt, ausgezahlt, "
            "verbleibend je Gebiet und Handlungsfeld, mit Diagrammen und Projektliste.",
            ProgrammjahresberichtParameter, _programmjahresbericht,
            [Parameter("programm", "Kurzname, Name oder ID des Programms, z. B. --programm WiN", _programm_id),
             Parameter("jahr", "Haushaltsjahr, z. B. --jahr 2016", _ganzzahl), STADT_ZUM_EINGRENZEN]),
        Art(Berichtsart.QUARTIERSPROFIL, "Ein Gebiet: Indikatoren im Zeitverlauf mit Stadtwert, Programme, "
            "Quartiersmanagement, Einrichtungen, Projekte, Gremien und Sitzungen, Strukturcheck.",
            QuartiersprofilParameter, _quartiersprofil,
            [Parameter("gebiet", "Name oder ID des Gebiets, z. B. --gebiet Blockdiek", _gebiet_id),
             Parameter("jahr", "Berichtsjahr (Standard: dieses Jahr)", _ganzzahl, pflicht=False),
             STADT_ZUM_EINGRENZEN]),
        Art(Berichtsart.SITZUNGSDOKUMENTATION, "Eine Sitzung wie die Bremerhavener Beiratsdokumentation: "
            "Teilnehmende, Moderation, Hintergrund, Themen nach Punkten, Ergebnisse, Themenspeicher, Ausblick.",
            SitzungsdokumentationParameter, _sitzungsdokumentation,
            [Parameter("sitzung", "Nummer (ID) der Sitzung, z. B. --sitzung 12", _nummer)]),
        Art(Berichtsart.SOZIALBERICHT, "Alle Gebiete einer Stadt nach dem Sozialindex geordnet, die besonders "
            "belasteten hervorgehoben.", SozialberichtParameter, _sozialbericht,
            [Parameter("stadt", "Name oder ID der Stadt, z. B. --stadt Leverkusen", _stadt_id),
             Parameter("jahr", "Jahr der Indikatoren, z. B. --jahr 2024", _ganzzahl)]),
    ]
}


def art_oder_fehler(art: str) -> Art:
    try:
        return ARTEN[art]
    except KeyError:
        raise ParameterFehler(
            f"Die Berichtsart „{art}“ gibt es nicht; möglich sind: {', '.join(ARTEN)}.") from None


def parameter_aus(cleaned: dict) -> dict:
    """JSON-safe parameters: model instances as ids, empty values left out."""
    return {name: (wert.pk if isinstance(wert, Model) else wert) for name, wert in cleaned.items()
            if wert not in (None, "")}


def formular(art: str, daten=None) -> forms.Form:
    return art_oder_fehler(art).formular(daten)


def parameter_pruefen(art: str, parameter: dict) -> forms.Form:
    """The validated parameter form, without reading the report's data; ParameterFehler in German."""
    definition = art_oder_fehler(art)
    form = definition.formular({k: v for k, v in parameter.items() if v not in (None, "")})
    if not form.is_valid():
        fehler = "; ".join(f"{form.fields[f].label if f in form.fields else f}: {' '.join(m)}"
                           for f, m in form.errors.items())
        raise ParameterFehler(f"Die Angaben zum Bericht sind nicht vollständig oder nicht gültig – {fehler}")
    return form


def kurztitel(art: str, form: forms.Form) -> str:
    """A title from the parameters alone (the real one needs the report's data), e.g. for the queue."""
    teile = []
    for name, wert in form.cleaned_data.items():
        if wert in (None, ""):
            continue
        feld = form.fields[name]
        teile.append(feld.label_from_instance(wert) if isinstance(feld, forms.ModelChoiceField) else str(wert))
    return f"{ARTEN[art].titel}: {', '.join(teile)}"[:300]


def inhalt_fuer(art: str, parameter: dict) -> Inhalt:
    """Validate the parameters and read the report's data; ParameterFehler in German if they are wrong."""
    return inhalt_aus_formular(art, parameter_pruefen(art, parameter))


def inhalt_aus_formular(art: str, form: forms.Form) -> Inhalt:
    """The report's data from a validated parameter form."""
    inhalt = ARTEN[art].erstellen(form.cleaned_data)
    return replace(inhalt, parameter=parameter_aus(form.cleaned_data))


def kommandozeile_aufloesen(art: str, werte: dict[str, str | None]) -> dict:
    """Names from the command line -> ids, ready for inhalt_fuer."""
    definition = art_oder_fehler(art)
    ergebnis = {}
    for p in definition.parameter:
        wert = werte.get(p.name)
        if wert is None or p.aufloesen is None:
            continue
        ergebnis[p.name] = p.aufloesen(str(wert), werte)
    return ergebnis
