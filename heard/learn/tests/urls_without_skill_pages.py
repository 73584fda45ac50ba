"""The site with no skill pages at all (skills:skill does not resolve)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

from heard.urls import urlpatterns as site


def _is_skills(p: URLPattern | URLResolver) -> bool:
    return isinstance(p, URLResolver) and p.namespace == "skills"


urlpatterns: list[URLPattern | URLResolver] = [
    p for p in site if isinstance(p, URLPattern | URLResolver) and not _is_skills(p)
]
