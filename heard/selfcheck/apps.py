from django.apps import AppConfig


class SelfcheckConfig(AppConfig):
    name = "heard.selfcheck"
    label = "selfcheck"
    verbose_name = "Anonymous self-check"
