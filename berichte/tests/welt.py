"""Objects for the access matrix in portal/tests/test_zugriffsmatrix.py."""

from .factories import BerichtFactory, RatsvorlageFactory


def berichte_welt(gebiet_a) -> dict:
    return {
        "bericht": BerichtFactory(oeffentlich=True, gebiet=gebiet_a),
        "bericht_intern": BerichtFactory(oeffentlich=False, gebiet=gebiet_a),
        "vorlage": RatsvorlageFactory(stadt=gebiet_a.stadt),
    }
