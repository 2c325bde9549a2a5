"""No request answers HTTP 500, whatever it carries (hypothesis).

For every page of the access matrix and every persona, random and hostile values go to every GET
parameter a page reads (the fields of its forms and the parameters the views read directly) and
to every field of every form the page shows staff. A form that shows an error (any answer but a
redirect) has changed no row. Runtime stays bounded: a fixed number of examples per page,
derandomised so the suite runs the same cases each time.
"""

from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.db.models import Max
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.tests.test_zugriffsmatrix import MATRIX, PERSONAS, welt  # noqa: F401 (fixture)

BEISPIELE = 5

# Parameters some views read without a form.
GET_PARAMETER = ["jahr", "stadt", "seite", "format", "sortierung", "thema", "stand", "q", "page", "bearbeiten",
                 "created_since", "created_until", "modified_since", "modified_until", "next", "weiter"]

FEINDLICH = [
    "", " ", "²", "١٢", "-1", "0", "1", "2", "-0", "1.234", "1,5", "1e309", "NaN", "inf", "-inf",
    "99999999999999999999999", "9" * 40, "2026", "0001-01-01T00:00", "9999-12-31T23:59:59", "31.02.2026",
    "2026-02-31", "0000-00-00", "<script>alert(1)</script>", "' OR 1=1 --", "\x00", "a\x00b", "%00", "../../etc",
    "x" * 5000, "null", "true", "[]", "{}", "🙂", "\u202e", "//example.org", "https://example.org/",
]
# Values that once broke a view: a Unicode digit `isdigit()` accepts and `int()` refuses, an id
# past 64 bits, a timestamp whose UTC time lies before year 1. Each goes to each parameter alone.
KRITISCH = ["²", "99999999999999999999999", "0001-01-01T00:00"]
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
WERT = st.one_of(st.sampled_from(FEINDLICH), TEXT, st.integers().map(str))

# Tables a request may touch without changing the portal's data: sessions and the login lockout.
OHNE_PRUEFUNG = {"sessions", "axes", "contenttypes", "auth.permission", "django_tasks_database"}


class _Formulare(HTMLParser):
    """The forms of a page: method, action and field names with the values the page offers."""

    def __init__(self):
        super().__init__()
        self.formulare: list[dict] = []
        self._aktuell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._aktuell = {"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action") or "",
                             "felder": {}}
            self.formulare.append(self._aktuell)
        elif tag in ("input", "select", "textarea") and self._aktuell is not None and attrs.get("name"):
            self._feld = self._aktuell["felder"].setdefault(attrs["name"], [])
            if attrs.get("value"):
                self._feld.append(attrs["value"])
        elif tag == "option" and self._aktuell is not None and attrs.get("value") and hasattr(self, "_feld"):
            self._feld.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._aktuell = None


def formulare(html: str) -> list[dict]:
    leser = _Formulare()
    leser.feed(html)
    return leser.formulare


def fingerabdruck() -> dict:
    """Per table: rows, highest id and latest change; any saved or deleted row changes it."""
    stand = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.app_label in OHNE_PRUEFUNG or meta.label_lower in OHNE_PRUEFUNG:
            continue
        # PostgreSQL has no max() of a UUID (the task queue's ids); there the count tells a new row.
        werte = {} if meta.pk.get_internal_type() == "UUIDField" else {"pk": Max(meta.pk.attname)}
        if "modified" in {f.name for f in meta.concrete_fields}:
            werte["modified"] = Max("modified")
        stand[meta.label] = {"n": model._default_manager.count(), **model._default_manager.aggregate(**werte)}
    return stand


def _wert(kandidaten: list[str]):
    return st.one_of(st.sampled_from(kandidaten), WERT) if kandidaten else WERT


@pytest.mark.parametrize("url_name", sorted(n for n in MATRIX if n not in ("logout", "login")))
def test_random_values_never_answer_500(url_name, welt, client_als, anonym):  # noqa: F811
    kwargs_von, _ = MATRIX[url_name]
    url = reverse(url_name, kwargs=kwargs_von(welt))
    clients = {p: client_als(welt["personas"][p] or anonym) for p in PERSONAS}
    seite = clients["verwaltung"].get(url)
    assert seite.status_code != 500
    gefunden = formulare(seite.content.decode(errors="replace")) if seite.status_code == 200 and \
        seite.get("Content-Type", "").startswith("text/html") else []
    get_felder = dict.fromkeys(GET_PARAMETER, [])
    for formular in gefunden:
        if formular["method"] == "get":
            get_felder |= formular["felder"]
    post_formulare = [f for f in gefunden if f["method"] == "post" and not f["action"].startswith(("/logout",))]

    for name in sorted(get_felder):
        for wert in KRITISCH:
            antwort = clients["verwaltung"].get(url, {name: wert})
            assert antwort.status_code != 500, (url, name, wert)

    @settings(max_examples=BEISPIELE, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def lauf(data):
        persona = data.draw(st.sampled_from(PERSONAS))
        client = clients[persona]
        parameter = {n: data.draw(_wert(get_felder[n])) for n in sorted(get_felder)}
        antwort = client.get(url, parameter)
        assert antwort.status_code != 500, (url, persona, parameter)
        for formular in post_formulare:
            felder = {n: data.draw(_wert(k)) for n, k in formular["felder"].items()}
            vorher = fingerabdruck()
            antwort = client.post(formular["action"] or url, felder)
            assert antwort.status_code != 500, (url, persona, felder)
            if antwort.status_code != 302:
                assert fingerabdruck() == vorher, (url, persona, antwort.status_code, felder)

    lauf()
