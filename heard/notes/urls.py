from django.urls import path

from heard.notes import views

app_name = "notes"

urlpatterns = [
    path("care/clients/<uuid:client_id>/notes/", views.client_notes, name="client_notes"),
    path("care/clients/<uuid:client_id>/notes/new/", views.note_new, name="new"),
    path("care/notes/<uuid:note_id>/", views.note_detail, name="note"),
    path("care/notes/<uuid:note_id>/sign/", views.note_sign, name="sign"),
    path("care/notes/<uuid:note_id>/addenda/", views.note_addendum, name="addendum"),
    path("care/notes/<uuid:note_id>/delete/", views.note_delete, name="delete"),
]
