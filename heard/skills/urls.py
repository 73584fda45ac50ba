from django.urls import URLPattern

app_name = "skills"

urlpatterns: list[URLPattern] = []
