from django.urls import URLPattern

app_name = "safetyplan"

urlpatterns: list[URLPattern] = []
