from django.urls import path

from heard.skills import views

app_name = "skills"

urlpatterns = [
    path("skills/", views.library_page, name="library"),
    path("skills/suggestions/<uuid:recommendation_id>/dismiss/", views.dismiss, name="dismiss"),
    path("skills/<slug:skill_key>/", views.skill_page, name="skill"),
    path("skills/<slug:skill_key>/favourite/", views.favourite, name="favourite"),
    path("me/practice/", views.my_practice, name="my_practice"),
    path("care/clients/<uuid:client_id>/skills/", views.client_practice, name="client_practice"),
]
