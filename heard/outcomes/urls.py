from django.urls import path

from heard.outcomes import views

app_name = "outcomes"

urlpatterns = [
    path("care/reports/", views.report, name="report"),
    path("care/reports/export.csv", views.export_csv, name="export_csv"),
]
