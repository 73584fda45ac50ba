from django.urls import URLPattern

app_name = "careplans"

urlpatterns: list[URLPattern] = []
