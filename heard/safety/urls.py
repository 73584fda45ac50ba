from django.urls import path

from heard.safety import plan_views, views

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
    # The safety plan: the client's own, the care team's view of it, and the service worker.
    path("me/safety-plan/", plan_views.my_plan, name="my_plan"),
    path("me/safety-plan/edit/", plan_views.my_plan_edit, name="my_plan_edit"),
    path("me/safety-plan/versions/", plan_views.my_plan_versions, name="my_plan_versions"),
    path("me/safety-plan/pdf/", plan_views.my_plan_pdf, name="my_plan_pdf"),
    path("care/clients/<uuid:client_id>/safety-plan/", plan_views.client_plan, name="client_plan"),
    path(
        "care/clients/<uuid:client_id>/safety-plan/edit/",
        plan_views.client_plan_edit,
        name="client_plan_edit",
    ),
    path(
        "care/clients/<uuid:client_id>/safety-plan/versions/",
        plan_views.client_plan_versions,
        name="client_plan_versions",
    ),
    path(
        "care/clients/<uuid:client_id>/safety-plan/pdf/",
        plan_views.client_plan_pdf,
        name="client_plan_pdf",
    ),
    path("sw.js", plan_views.service_worker, name="service_worker"),
]
