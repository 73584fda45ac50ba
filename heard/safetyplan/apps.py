from django.apps import AppConfig


class SafetyPlanConfig(AppConfig):
    name = "heard.safetyplan"
    label = "safetyplan"
    verbose_name = "Safety plans"
