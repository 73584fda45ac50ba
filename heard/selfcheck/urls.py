from django.urls import path

from heard.selfcheck import views

app_name = "selfcheck"

urlpatterns = [
    path("check/", views.start, name="start"),
    path("check/questions/", views.questions, name="questions"),
    path("check/keep/", views.keep, name="keep"),
]
