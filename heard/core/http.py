"""Small request helpers shared by views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url

from heard.accounts.models import User


def request_user(request: HttpRequest) -> User:
    """The signed-in user of a view guarded by login_required."""
    assert isinstance(request.user, User)  # noqa: S101 - login_required guarantees it
    return request.user


def login_required_htmx(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """login_required for views that htmx polls: when the session has ended, an htmx request
    is told to load the sign-in page as a whole page (HX-Redirect), instead of the sign-in
    form being swapped into a part of the page."""
    guarded = login_required(view)

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.headers.get("HX-Request") and not request.user.is_authenticated:
            response = HttpResponse(status=204)
            response["HX-Redirect"] = redirect_to_login(
                request.get_full_path(), resolve_url(settings.LOGIN_URL)
            ).url
            return response
        return guarded(request, *args, **kwargs)

    return wrapper
