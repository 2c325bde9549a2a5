from django.apps import AppConfig


class QuartiereConfig(AppConfig):
    name = "quartiere"
    verbose_name = "Quartiere und Akteure"
