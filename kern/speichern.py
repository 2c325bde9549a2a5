"""Validate and save one row: the way every service writes a model."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from .fehler import Regelverstoss


def speichern(obj, durch) -> None:
    """Validate and save, recording who for the history; a refusal becomes a Regelverstoss.

    `durch` is the acting user (or None). Field checks and the model's clean() cost no queries.
    The constraints are the database's: only when it refuses a row does full_clean() run, to name
    the broken rule in German.
    """
    obj._history_user = durch
    try:
        obj.clean_fields(exclude=[f.name for f in obj._meta.fields if f.is_relation])
        obj.clean()
    except ValidationError as exc:
        raise Regelverstoss(" ".join(exc.messages)) from exc
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        try:
            obj.full_clean()
        except ValidationError as fehler:
            raise Regelverstoss(" ".join(fehler.messages)) from exc
        raise
