from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "heard.checkins"
    label = "checkins"
    verbose_name = "Daily check-ins and insights"
