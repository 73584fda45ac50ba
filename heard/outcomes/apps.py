from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "heard.outcomes"
    label = "outcomes"
    verbose_name = "Service outcome reports"
