from django.urls import path

from heard.appointments import views

app_name = "appointments"

urlpatterns = [
    path(
        "care/clients/<uuid:client_id>/appointments/",
        views.client_appointments,
        name="client_appointments",
    ),
    path(
        "care/clients/<uuid:client_id>/appointments/add/",
        views.appointment_add,
        name="appointment_add",
    ),
    path(
        "care/appointments/<uuid:appointment_id>/status/",
        views.appointment_status,
        name="appointment_status",
    ),
    path("care/clients/<uuid:client_id>/episodes/open/", views.episode_open, name="episode_open"),
    path("care/episodes/<uuid:episode_id>/close/", views.episode_close, name="episode_close"),
]
