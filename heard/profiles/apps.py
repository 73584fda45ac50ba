from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "heard.profiles"
    label = "profiles"
    verbose_name = "Person-centred profiles"
