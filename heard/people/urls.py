from django.urls import path

from heard.people import views

app_name = "people"

urlpatterns = [
    path("me/", views.client_home, name="client_home"),
    path("me/sharing/", views.sharing, name="sharing"),
    path("me/sharing/update/", views.sharing_update, name="sharing_update"),
    path("me/access-report/", views.access_report, name="access_report"),
    path("care/", views.caseload, name="caseload"),
    path("care/clients/<uuid:client_id>/", views.client_record, name="client_record"),
    path(
        "care/clients/<uuid:client_id>/reassign/",
        views.caseload_reassign,
        name="caseload_reassign",
    ),
]
