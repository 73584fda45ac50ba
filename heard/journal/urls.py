from django.urls import path

from heard.journal import views

app_name = "journal"

urlpatterns = [
    path("me/journal/", views.entry_list, name="entries"),
    path("me/journal/new/", views.entry_new, name="new"),
    path("me/journal/export.csv", views.export_csv, name="export_csv"),
    path("me/journal/export.json", views.export_json, name="export_json"),
    path("me/journal/<uuid:entry_id>/", views.entry_detail, name="entry_detail"),
    path("me/journal/<uuid:entry_id>/edit/", views.entry_edit, name="entry_edit"),
    path("me/journal/<uuid:entry_id>/delete/", views.entry_delete, name="entry_delete"),
    # What a client shares, for their care team (linked from the client record by the
    # integrator).
    path("care/clients/<uuid:client_id>/journal/", views.client_entries, name="client_entries"),
    path(
        "care/clients/<uuid:client_id>/journal/<uuid:entry_id>/",
        views.client_entry,
        name="client_entry",
    ),
]
