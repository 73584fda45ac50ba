from django.urls import path

from heard.learn import views

app_name = "learn"

urlpatterns = [
    path("learn/", views.article_list, name="articles"),
    path("learn/<slug:slug>/", views.article_detail, name="article"),
]
