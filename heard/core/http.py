"""Small request helpers shared by views."""

from __future__ import annotations

from django.http import HttpRequest

from heard.accounts.models import User


def request_user(request: HttpRequest) -> User:
    """The signed-in user of a view guarded by login_required."""
    assert isinstance(request.user, User)  # noqa: S101 - login_required guarantees it
    return request.user
