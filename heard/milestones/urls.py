from django.urls import path

from heard.milestones import views

app_name = "milestones"

urlpatterns = [
    path("me/milestones/", views.my_milestones, name="mine"),
]
