import factory
from django.contrib.auth.models import Group, User
from factory.django import DjangoModelFactory

PASSWORT = "geheim-fuer-tests"


class UserFactory(DjangoModelFactory):
    """A login; `gruppe` is a role name from kern.rollen.Rolle."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"benutzer{n}")
    first_name = factory.Sequence(lambda n: f"Vorname{n}")
    last_name = factory.Sequence(lambda n: f"Nachname{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password(PASSWORT)

    @factory.post_generation
    def gruppe(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get_or_create(name=extracted)[0])
