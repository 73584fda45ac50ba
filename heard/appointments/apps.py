from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "heard.appointments"
    label = "appointments"
    verbose_name = "Appointments and episodes of care"
