"""Helpers for the deadline tests: a grant made through the services (so its deadlines are set as in real use),
a clock that the portal reads, and the section of a basket row in a page."""

import datetime as dt
import re
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from programme import services
from programme.models import Zwischennachweis
from testhilfen.programme import BewilligungFactory, FoerderprogrammFactory, JahresbudgetFactory, \
    ProgrammgebietFactory, ProjektFactory
from testhilfen.zuwendung import ProgrammvorgabenFactory, TraegerdatenFactory

JAHR = 2026


def programm_mit_budget(gebiet, *, kurzname="WiN", **vorgaben):
    programm = FoerderprogrammFactory(kurzname=kurzname, stadt=gebiet.stadt_oder_selbst)
    ProgrammgebietFactory(programm=programm, gebiet=gebiet)
    for jahr in (JAHR, JAHR + 1):
        JahresbudgetFactory(programm=programm, jahr=jahr, betrag=Decimal("900000"))
    if vorgaben:
        ProgrammvorgabenFactory(programm=programm, **vorgaben)
    return programm


def projekt_mit_traeger(gebiet, *, titel="Stadtteilmütter", beginn=dt.date(JAHR, 3, 1), ende=dt.date(JAHR + 1, 6, 30),
                        email="kontakt@traeger.example"):
    traeger = TraegerdatenFactory(organisation__stadt=gebiet.stadt_oder_selbst, email=email).organisation
    return ProjektFactory(gebiet=gebiet, traeger=traeger, titel=titel, beginn=beginn, ende=ende,
                          gesamtkosten=Decimal("20000"))


def bewilligen(projekt, programm, *, verwaltung, betrag=Decimal("5000"), jahr=JAHR):
    """Request and grant through the services, as staff do: the grant gets its proof of use and interim proofs."""
    antrag = services.bewilligung_beantragen(projekt=projekt, programm=programm, jahr=jahr, betrag=betrag,
                                             durch=verwaltung, datum=projekt.beginn - dt.timedelta(days=30))
    return services.projekt_bewilligen(bewilligung=antrag, betrag=betrag, durch=verwaltung,
                                       datum=projekt.beginn - dt.timedelta(days=10))


def heute_setzen(monkeypatch, tag: dt.date) -> None:
    """The portal's today (kern.zeit.heute, read by the deadline pages, basket and reminders).

    The URL configuration is loaded first: a module imported while the clock is patched would keep the
    patched `heute` for the rest of the test run."""
    from django.template import engines
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view module now
    for engine in engines.all():
        engine.engine.template_libraries  # noqa: B018 - and every template tag library
    monkeypatch.setattr("kern.zeit.heute", lambda: tag)


def abschnitt(html: str, schluessel: str) -> str:
    """The HTML of one basket row (its section) on the basket page, "" if the page has none."""
    treffer = re.search(rf'<section[^>]*id="korb-{re.escape(schluessel)}".*?</section>', html, re.S)
    return treffer.group(0) if treffer else ""


def anzahl_in(html: str, schluessel: str) -> int | None:
    treffer = re.search(r'class="badge[^"]*anzahl">(\d+)<', abschnitt(html, schluessel))
    return int(treffer.group(1)) if treffer else None


class ZwischennachweisFactory(DjangoModelFactory):
    class Meta:
        model = Zwischennachweis

    bewilligung = factory.SubFactory(BewilligungFactory, bewilligt=True)
    jahr = factory.LazyAttribute(lambda o: o.bewilligung.jahr)
    faellig_am = factory.LazyAttribute(lambda o: dt.date(o.jahr + 1, 4, 30))


class Postfach:
    """An aiosmtpd handler that keeps what arrived: (sorted recipients, parsed message)."""

    def __init__(self):
        self.mails = []

    async def handle_DATA(self, server, session, envelope):
        import email
        from email.policy import default as standard

        self.mails.append((sorted(envelope.rcpt_tos), email.message_from_bytes(envelope.content, policy=standard)))
        return "250 OK"


def freier_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def smtp_server(settings):
    """Starts a real SMTP server on 127.0.0.1 at a free port and points Django's SMTP backend at it; returns
    (mailbox, controller) — stop the controller after the test."""
    from aiosmtpd.controller import Controller

    fach, port = Postfach(), freier_port()
    server = Controller(fach, hostname="127.0.0.1", port=port)
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "sozialplanung@stadt.example"
    return fach, server


class ErinnerungFactory(DjangoModelFactory):
    class Meta:
        model = "programme.Erinnerung"

    bewilligung = factory.SubFactory(BewilligungFactory, bewilligt=True)
    art = "zwischennachweis"
    objekt_id = factory.Sequence(lambda n: n + 1)
    stufe = "vorher"
    faellig_am = dt.date(JAHR + 1, 4, 30)
    gesendet_am = factory.LazyFunction(lambda: dt.datetime(JAHR + 1, 4, 16, 6, 15, tzinfo=dt.timezone.utc))
    empfaenger = "kontakt@traeger.example"
    betreff = "Erinnerung: Zwischennachweis"
