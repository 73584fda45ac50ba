from django.urls import include, path

from heard.api.api import api
from heard.core import views as core_views

urlpatterns = [
    path("", core_views.index, name="home"),
    path("", include("heard.accounts.urls")),
    path("", include("heard.people.urls")),
    path("", include("heard.safety.urls")),
    path("", include("heard.instruments.urls")),
    path("", include("heard.appointments.urls")),
    path("", include("heard.selfcheck.urls")),
    path("", include("heard.checkins.urls")),
    path("", include("heard.journal.urls")),
    path("", include("heard.milestones.urls")),
    path("", include("heard.profiles.urls")),
    path("", include("heard.careplans.urls")),
    path("", include("heard.skills.urls")),
    path("", include("heard.learn.urls")),
    path("", include("heard.notes.urls")),
    path("", include("heard.outcomes.urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
