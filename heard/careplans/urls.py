from django.urls import path

from heard.careplans import views

app_name = "careplans"

TEAM = "care/clients/<uuid:client_id>/care-plan/"

urlpatterns = [
    # The client's own plan.
    path("me/care-plan/", views.my_plan, name="my_plan"),
    path("me/care-plan/edit/", views.my_plan_edit, name="my_plan_edit"),
    path("me/care-plan/versions/", views.my_versions, name="my_versions"),
    path("me/care-plan/compare/", views.my_compare, name="my_compare"),
    path("me/care-plan/print/", views.my_print, name="my_print"),
    path("me/care-plan/pdf/", views.my_pdf, name="my_pdf"),
    path("me/care-plan/comments/", views.my_comment, name="my_comment"),
    path("me/care-plan/agree/", views.my_agree, name="my_agree"),
    path("me/care-plan/choice/", views.my_choice, name="my_choice"),
    path("me/care-plan/ratings/", views.my_rate, name="my_rate"),
    # The care team's view of a client's plan.
    path(TEAM, views.client_plan, name="client_plan"),
    path(TEAM + "edit/", views.client_plan_edit, name="client_plan_edit"),
    path(TEAM + "versions/", views.client_versions, name="client_versions"),
    path(TEAM + "compare/", views.client_compare, name="client_compare"),
    path(TEAM + "print/", views.client_print, name="client_print"),
    path(TEAM + "pdf/", views.client_pdf, name="client_pdf"),
    path(TEAM + "comments/", views.client_comment, name="client_comment"),
    path(TEAM + "agree/", views.client_agree, name="client_agree"),
]
