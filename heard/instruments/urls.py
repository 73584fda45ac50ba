from django.urls import path

from heard.instruments import views

app_name = "instruments"

urlpatterns = [
    path("me/measures/", views.my_measures, name="my_measures"),
    path("me/measures/start/<slug:instrument_id>/", views.start, name="start"),
    path("me/measures/<uuid:assessment_id>/", views.take, name="take"),
    path("me/measures/<uuid:assessment_id>/q/<int:number>/", views.question, name="question"),
    path("me/measures/<uuid:assessment_id>/support/", views.support, name="support"),
    path("me/measures/<uuid:assessment_id>/result/", views.result, name="result"),
    path("care/clients/<uuid:client_id>/measures/", views.client_measures, name="client_measures"),
    path(
        "care/clients/<uuid:client_id>/measures/<uuid:assessment_id>/",
        views.assessment_detail,
        name="assessment_detail",
    ),
    path(
        "care/clients/<uuid:client_id>/measures/schedule/",
        views.schedule_create,
        name="schedule_create",
    ),
    path(
        "care/clients/<uuid:client_id>/measures/cssrs/",
        views.cssrs_record,
        name="cssrs_record",
    ),
    path("care/schedules/<uuid:schedule_id>/end/", views.schedule_end, name="schedule_end"),
]
