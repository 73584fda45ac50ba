from django.urls import path

from heard.checkins import views

app_name = "checkins"

urlpatterns = [
    path("me/checkin/", views.checkin, name="checkin"),
    path("me/checkins/", views.history, name="history"),
    path("me/checkins/settings/", views.settings_page, name="settings"),
    path("me/checkins/export.csv", views.export_csv, name="export_csv"),
    path("me/checkins/export.json", views.export_json, name="export_json"),
    path("me/checkins/<uuid:checkin_id>/", views.detail, name="detail"),
    path("me/checkins/<uuid:checkin_id>/edit/", views.edit, name="edit"),
    path("me/insights/", views.insights, name="insights"),
    path("care/clients/<uuid:client_id>/daily/", views.client_daily, name="client_daily"),
]
