from django.urls import path

from heard.safety import views

app_name = "safety"

urlpatterns = [
    path("help-now/", views.help_now, name="help_now"),
]
