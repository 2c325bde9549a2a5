"""Shared assertions for the database constraint tests of all apps."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction


def constraint_names(app_label: str) -> set[str]:
    return {
        constraint.name
        for model in apps.get_app_config(app_label).get_models()
        for constraint in model._meta.constraints
    }


def _constraint(obj: models.Model, name: str) -> models.BaseConstraint:
    matches = [c for c in obj._meta.constraints if c.name == name]
    assert matches, f"{type(obj).__name__} has no constraint {name!r}"
    return matches[0]


class WrongMessage(AssertionError):
    """full_clean() refused the row, but not with the expected German text."""


# Django formats violation_error_message with %-style placeholders, so a literal "%" must be "%%".
def assert_refused(obj: models.Model, name: str, message: str) -> None:
    """full_clean() refuses the row with the German message, and the database refuses it on its own.

    The database error must name the constraint when it is the only one violated; SQLite
    names check constraints only, not unique ones.
    """
    constraint = _constraint(obj, name)
    assert constraint.violation_error_message.replace("%%", "%") == message

    with pytest.raises(ValidationError) as validation:
        obj.full_clean()

    with pytest.raises(IntegrityError) as integrity, transaction.atomic():
        obj.save()
    names_checked = connection.vendor == "postgresql" or isinstance(constraint, models.CheckConstraint)
    if names_checked and len(validation.value.messages) == 1:
        assert name in str(integrity.value)

    if message not in validation.value.messages:
        raise WrongMessage(f"{message!r} not in {validation.value.messages!r}")


def assert_accepted(obj: models.Model) -> None:
    obj.full_clean()
    with transaction.atomic():
        obj.save()
    assert type(obj).objects.filter(pk=obj.pk).exists()


def changed(factory, **values):
    """Builder of a saved valid row with some fields changed in memory only."""

    def build():
        obj = factory()
        for field, value in values.items():
            setattr(obj, field, value)
        return obj

    return build


def duplicate(factory, *fields, **values):
    """Builder of an unsaved row that repeats a saved one in the given fields."""

    def build():
        first = factory(**values)
        return factory.build(**{field: getattr(first, field) for field in fields}, **values)

    return build
