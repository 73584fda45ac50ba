"""The site with a stand-in skill page (skills:skill), whatever the skills app has built."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, include, path

from heard.urls import urlpatterns as site


def _skill(request: HttpRequest, key: str) -> HttpResponse:
    return HttpResponse(key)


stand_in = ([path("skills/<slug:key>/", _skill, name="skill")], "skills")


def _is_skills(p: URLPattern | URLResolver) -> bool:
    return isinstance(p, URLResolver) and p.namespace == "skills"


urlpatterns: list[URLPattern | URLResolver] = [path("", include(stand_in))]
urlpatterns += [p for p in site if isinstance(p, URLPattern | URLResolver) and not _is_skills(p)]
