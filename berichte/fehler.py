"""Refusals of the reports app: each carries a German message for the page or the command line."""

from kern.fehler import Regelverstoss


class BerichtFehler(Regelverstoss):
    """Any refusal of the reports app."""


class ParameterFehler(BerichtFehler):
    """The report's parameters are missing or wrong."""


class RenderFehler(BerichtFehler):
    """The report could not be rendered (e.g. it refers to a file outside the portal)."""


class VeroeffentlichungAbgelehnt(BerichtFehler):
    """Publishing or correcting was refused; nothing was stored."""


class MitzeichnungAbgelehnt(BerichtFehler):
    """A co-signature of a council paper was refused; nothing was recorded."""
