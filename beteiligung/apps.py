from django.apps import AppConfig


class BeteiligungConfig(AppConfig):
    name = "beteiligung"
    verbose_name = "Beteiligung und Steuerung"
