"""API authentication: the browser session (with CSRF) or a personal API token."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from heard.accounts import services
from heard.accounts.models import User


class TokenAuth(HttpBearer):
    openapi_description = "A personal API token made on the Account and security page."

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = services.authenticate_api_token(token)
        if user is not None:
            request.user = user
        return user


class HeardSessionAuth(SessionAuth):
    """Django's session cookie; CSRF is checked on unsafe methods."""

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = request.user
        return user if isinstance(user, User) and user.is_authenticated else None


def current_user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)  # noqa: S101 - every route requires auth
    return user
