from django.urls import reverse

from beteiligung.permissions import kann_namen_sehen

from . import access

# (title, url name, who sees it); later entries are added as the pages come.
NAVIGATION = [
    ("Start", "start", lambda user: True),
    ("Projekte", "programme:projekte", lambda user: True),
    ("Programme", "programme:programme", lambda user: True),
    ("Gebiete", "gebiete:liste", lambda user: True),
    ("Berichte", "berichte:archiv", lambda user: True),
    ("Organisationen", "akteure:organisationen", lambda user: True),
    ("Einrichtungen", "akteure:einrichtungen", lambda user: True),
    ("Gremien", "beteiligung:gremien", lambda user: True),
    ("Aufgaben", "beteiligung:aufgaben", kann_namen_sehen),
    ("Nachweise", "programme:nachweise_ueberfaellig", access.ist_verwaltung),
    ("Datenschutz", "beteiligung:personen", access.ist_verwaltung),
]


def _navigation(request) -> list[dict]:
    eintraege = []
    for titel, url_name, darf in NAVIGATION:
        if not darf(request.user):
            continue
        url = reverse(url_name)
        aktiv = request.path == url if url == "/" else request.path.startswith(url)
        eintraege.append({"titel": titel, "url": url, "aktiv": aktiv})
    return eintraege


def rollen(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "rolle": access.rolle_von(user),
        "ist_verwaltung": access.ist_verwaltung(user),
        "ist_qm": access.ist_quartiersmanagement(user),
        "ist_rat": access.ist_rat(user),
        "navigation": _navigation(request),
    }
