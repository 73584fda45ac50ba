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
    path("me/support/", views.support, name="support"),
    path("me/reach-out/", views.reach_out, name="reach_out"),
    path("me/reach-out/sent/", views.reach_out_sent, name="reach_out_sent"),
    path(
        "care/contact-requests/<uuid:request_id>/done/",
        views.contact_done,
        name="contact_done",
    ),
]
