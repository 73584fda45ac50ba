from django.urls import path

from heard.safety import views

app_name = "safety"

urlpatterns = [
    path("help-now/", views.help_now, name="help_now"),
    path(
        "care/alerts/<uuid:alert_id>/acknowledge/",
        views.alert_acknowledge,
        name="alert_acknowledge",
    ),
    path("care/alerts/<uuid:alert_id>/resolve/", views.alert_resolve, name="alert_resolve"),
]
