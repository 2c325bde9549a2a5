"""Objects for the access matrix in portal/tests/test_zugriffsmatrix.py."""

from .factories import BerichtFactory, RatsvorlageFactory


def berichte_welt(gebiet_a, settings, tmp_path) -> dict:
    # The matrix stores small PDFs; they go to a throwaway directory, not to var/media.
    settings.MEDIA_ROOT = tmp_path / "media"
    return {
        "bericht": BerichtFactory(oeffentlich=True, gebiet=gebiet_a),
        "bericht_intern": BerichtFactory(oeffentlich=False, gebiet=gebiet_a),
        "vorlage": RatsvorlageFactory(stadt=gebiet_a.stadt),
    }
