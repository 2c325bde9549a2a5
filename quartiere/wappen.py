"""A city's coat of arms or logo: which files it may be and where they are stored."""

import uuid

from django.core.exceptions import ValidationError

# Image types a city's coat of arms or logo may have, by file ending.
WAPPEN_TYPEN = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
WAPPEN_HOECHSTENS = 512 * 1024
WAPPEN_UNGUELTIG = "Das Wappen muss eine SVG-, PNG- oder JPEG-Datei von höchstens 512 KB sein."


def wappen_pfad(gebiet: "Gebiet", dateiname: str) -> str:
    endung = "." + dateiname.rsplit(".", 1)[-1].lower() if "." in dateiname else ""
    return f"wappen/{uuid.uuid4().hex}{endung}"


def wappen_pruefen(datei) -> None:
    endung = "." + datei.name.rsplit(".", 1)[-1].lower() if "." in datei.name else ""
    if endung not in WAPPEN_TYPEN or datei.size > WAPPEN_HOECHSTENS:
        raise ValidationError(WAPPEN_UNGUELTIG)
    datei.seek(0)
    anfang = datei.read(512)
    datei.seek(0)
    erkannt = (anfang.startswith(b"\x89PNG") if endung == ".png" else anfang.startswith(b"\xff\xd8")
               if endung in (".jpg", ".jpeg") else b"<svg" in anfang or anfang.lstrip().startswith(b"<?xml"))
    if not erkannt:
        raise ValidationError(WAPPEN_UNGUELTIG)
