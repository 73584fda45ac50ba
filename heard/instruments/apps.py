from django.apps import AppConfig


class InstrumentsConfig(AppConfig):
    name = "heard.instruments"
    label = "instruments"
    verbose_name = "Measures"
