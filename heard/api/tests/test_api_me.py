from __future__ import annotations

import functools
import re

import pytest
from django.test import Client
from django.urls import reverse
from ninja.operation import PathView

from heard.accounts import services
from heard.api.api import api

pytestmark = pytest.mark.django_db


def test_me_needs_authentication():
    assert Client().get("/api/v1/me").status_code == 401


def test_me_with_a_session(personas, client_for):
    body = client_for("casey").get("/api/v1/me").json()
    assert body["email"] == "casey@example.org"
    assert body["memberships"][0]["role"] == "client"


def test_me_with_a_personal_api_token_and_revocation(personas):
    new = services.create_api_token(personas.dana, name="script")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {new.secret}"}
    assert Client().get("/api/v1/me", **auth).json()["email"] == "dana@example.org"
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION="Bearer hrd_wrong").status_code == 401
    services.revoke_api_token(personas.dana, token=new.token)
    assert Client().get("/api/v1/me", **auth).status_code == 401


def test_tokens_are_made_and_revoked_on_the_security_page(personas, client_for):
    c = client_for("casey")
    page = c.post(reverse("accounts:api_token_create"), {"name": "my script"})
    secret = page.context["secret"]
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    token = personas.casey.api_tokens.get()
    assert secret not in token.token_hash
    # Someone else cannot revoke it.
    assert (
        client_for("cam")
        .post(reverse("accounts:api_token_revoke", args=[token.public_id]))
        .status_code
        == 404
    )
    c.post(reverse("accounts:api_token_revoke", args=[token.public_id]))
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


def test_openapi_document_is_published():
    doc = Client().get("/api/v1/openapi.json").json()
    assert doc["info"]["title"] == "Heard API"


def test_every_api_route_is_in_the_openapi_document():
    """Fails when a route is mounted but missing from the published document."""
    doc = api.get_openapi_schema()
    patterns, _app, _ns = api.urls
    mounted: set[tuple[str, str]] = set()
    for pattern in patterns:
        if isinstance(pattern.callback, functools.partial):
            continue  # the OpenAPI document and docs page themselves
        # ninja wraps each PathView in a closure; find it among the closure's cells.
        cells = [c.cell_contents for c in pattern.callback.__closure__ or ()]
        path_view = next(c for c in cells if isinstance(c, PathView))
        route = "/api/v1/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))
        for op in path_view.operations:
            if not op.include_in_schema:
                continue
            for method in op.methods:
                mounted.add((route.rstrip("/") or "/", method.lower()))
    documented = {(p.rstrip("/"), m) for p, ops in doc["paths"].items() for m in ops}
    assert mounted, "no API routes found: the walk itself is broken"
    assert mounted - documented == set()
    for expected in ("/api/v1/me", "/api/v1/clients", "/api/v1/clients/{client_id}"):
        assert (expected, "get") in mounted
