from django.apps import AppConfig


class CareplansConfig(AppConfig):
    name = "heard.careplans"
    label = "careplans"
    verbose_name = "Care plans"
