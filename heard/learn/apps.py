from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "heard.learn"
    label = "learn"
    verbose_name = "Psychoeducation articles"
