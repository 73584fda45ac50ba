from django.apps import AppConfig


class EncfieldConfig(AppConfig):
    name = "heard.core.tests.encfield_app"
    label = "encfield"
    verbose_name = "Encrypted field test app"
    default_auto_field = "django.db.models.BigAutoField"
