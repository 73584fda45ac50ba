from django.apps import AppConfig


class MilestonesConfig(AppConfig):
    name = "heard.milestones"
    label = "milestones"
    verbose_name = "Milestones"
