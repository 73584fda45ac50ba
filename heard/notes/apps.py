from django.apps import AppConfig


class NotesConfig(AppConfig):
    name = "heard.notes"
    label = "notes"
    verbose_name = "Session notes"
