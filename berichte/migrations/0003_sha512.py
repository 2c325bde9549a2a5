import hashlib

from django.db import migrations, models


def pruefsummen_nachtragen(apps, schema_editor):
    """SHA-512 of the stored PDFs published before the field existed; a missing file keeps it empty."""
    Bericht = apps.get_model("berichte", "Bericht")
    for bericht in Bericht.objects.filter(sha512="").iterator():
        try:
            with bericht.datei.open("rb") as datei:
                daten = datei.read()
        except (FileNotFoundError, OSError, ValueError):
            continue
        if hashlib.sha256(daten).hexdigest() == bericht.sha256:
            Bericht.objects.filter(pk=bericht.pk).update(sha512=hashlib.sha512(daten).hexdigest())


class Migration(migrations.Migration):

    dependencies = [
        ("berichte", "0002_rueckzug_und_auftraege"),
    ]

    operations = [
        migrations.AddField(
            model_name="bericht",
            name="sha512",
            field=models.CharField(blank=True, max_length=128, verbose_name="SHA-512"),
        ),
        migrations.RunPython(pruefsummen_nachtragen, migrations.RunPython.noop),
    ]
