from django.db import migrations

ROLLEN = ("Verwaltung", "Quartiersmanagement", "Rat")


def gruppen_anlegen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLLEN:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(gruppen_anlegen, migrations.RunPython.noop)]
