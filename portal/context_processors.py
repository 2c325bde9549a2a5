from django.urls import reverse

from berichte.bescheide import kann_bescheide_sehen
from beteiligung.permissions import kann_aufgaben_sehen, kann_personendaten_verwalten
from kern.rollen import hat_rolle, ist_quartiersmanagement, ist_rat, ist_verwaltung, rolle_von
from programme.mittelabruf_regeln import kann_mittelabrufe_entscheiden
from programme.permissions import kann_fristen_sehen, kann_nachweise_pruefen


def alle(user) -> bool:
    return True


# Top-level entries and menus: (title, url name, who sees it) or (title, [entries], who sees it).
# A login without a role reaches only its start page and the public archive (kern.zugriff).
NAVIGATION = [
    ("Start", "start", alle),
    ("Arbeitskorb", "arbeitskorb", kann_fristen_sehen),
    ("Projekte", "programme:projekte", hat_rolle),
    ("Programme", [
        ("Förderprogramme", "programme:programme", hat_rolle),
        ("Überfällige Verwendungsnachweise", "programme:nachweise_ueberfaellig", kann_nachweise_pruefen),
        ("Verwendungsnachweise zur Prüfung", "nachweis:zu_pruefen", kann_nachweise_pruefen),
        ("Fristen", "fristen:uebersicht", kann_fristen_sehen),
        ("Versandte Erinnerungen", "fristen:erinnerungen", kann_fristen_sehen),
        ("Offene Mittelabrufe", "mittelabruf:offen", kann_mittelabrufe_entscheiden),
        ("Bescheide", "bescheide:liste", kann_bescheide_sehen),
        ("Textbausteine der Bescheide", "zuwendung:textbausteine", ist_verwaltung),
        ("Offene Rückforderungen", "rueckforderung:offene", kann_bescheide_sehen),
        ("Basiszinssätze", "rueckforderung:basiszinssaetze", ist_verwaltung),
    ], alle),
    ("Quartiere", [
        ("Gebiete", "gebiete:liste", hat_rolle),
        ("Organisationen", "akteure:organisationen", hat_rolle),
        ("Einrichtungen", "akteure:einrichtungen", hat_rolle),
    ], alle),
    ("Beteiligung", [
        ("Gremien", "beteiligung:gremien", hat_rolle),
        ("Aufgaben", "beteiligung:aufgaben", kann_aufgaben_sehen),
        ("Datenschutz", "beteiligung:personen", kann_personendaten_verwalten),
        ("Verarbeitungsverzeichnis", "verarbeitungsverzeichnis", ist_verwaltung),
    ], alle),
    ("Berichte", "berichte:archiv", alle),
]


def _eintrag(request, titel: str, url_name: str) -> dict:
    url = reverse(url_name)
    aktiv = request.path == url if url == "/" else request.path.startswith(url)
    return {"titel": titel, "url": url, "aktiv": aktiv}


def _navigation(request) -> list[dict]:
    eintraege = []
    for titel, ziel, darf in NAVIGATION:
        if not darf(request.user):
            continue
        if isinstance(ziel, str):
            eintraege.append(_eintrag(request, titel, ziel))
            continue
        kinder = [_eintrag(request, t, z) for t, z, d in ziel if d(request.user)]
        if kinder:
            eintraege.append({"titel": titel, "kinder": kinder, "aktiv": any(k["aktiv"] for k in kinder)})
    return eintraege


def rollen(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "rolle": rolle_von(user),
        "ist_verwaltung": ist_verwaltung(user),
        "ist_qm": ist_quartiersmanagement(user),
        "ist_rat": ist_rat(user),
        "navigation": _navigation(request),
    }
