"""The one base class of refusals: a change or request the portal turns down, with a German reason."""


class Regelverstoss(Exception):
    """A refused change; `meldung` is the German text shown to the user (also `str(fehler)`)."""

    def __init__(self, meldung: str):
        super().__init__(meldung)
        self.meldung = meldung
