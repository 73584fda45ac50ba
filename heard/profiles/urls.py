from django.urls import path

from heard.profiles import views

app_name = "profiles"

urlpatterns = [
    path("me/profile/", views.my_profile, name="my_profile"),
    path("care/clients/<uuid:client_id>/profile/", views.client_profile, name="client_profile"),
]
