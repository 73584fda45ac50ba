from django.apps import AppConfig


class SkillsConfig(AppConfig):
    name = "heard.skills"
    label = "skills"
    verbose_name = "Skills library and practice"
