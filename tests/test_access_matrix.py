"""The access matrix: every role against every registered page and API route.

New URLs are covered automatically: the test walks Django's URL resolver and the published
OpenAPI document. A route that takes a client id is client data: only the client and their
care team (Dana, and her supervisor Sam) may read it. Every other route is checked for leaks:
the response shown to an unrelated person must never contain Casey's name, email or id.
A new URL parameter name fails the test until someone classifies it below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from heard.api.api import api
from heard.instruments import services as measures
from heard.instruments.models import Assessment
from heard.journal import services as journal
from heard.journal.models import JournalEntry
from heard.people import services as people
from heard.people.models import Category
from heard.testing.base import Personas, sign_in

pytestmark = pytest.mark.django_db

# URL parameters that name a client: filled with Casey's id.
CLIENT_PARAMS = {"client_id"}
# Parameters that name something else; filled with a harmless value.
OTHER_PARAMS = {
    "token": "not-a-real-token",
    "uidb64": "MQ",
    "token_id": "00000000-0000-0000-0000-000000000000",
    "path": "nothing.css",
    "url": "nothing",
    "appointment_id": "00000000-0000-0000-0000-000000000000",
    "episode_id": "00000000-0000-0000-0000-000000000000",
    "instrument_id": "phq-9",
    "response_id": "00000000-0000-0000-0000-000000000000",
    "alert_id": "00000000-0000-0000-0000-000000000000",
    "request_id": "00000000-0000-0000-0000-000000000000",
    "schedule_id": "00000000-0000-0000-0000-000000000000",
    # Casey's own assessment in the care-team test below (made with this id).
    "assessment_id": "00000000-0000-0000-0000-0000000000a1",
    "number": "1",
    "checkin_id": "00000000-0000-0000-0000-000000000000",
    # Casey's own shared journal entry in the care-team test below (made with this id).
    "entry_id": "00000000-0000-0000-0000-0000000000e1",
    "slug": "anxiety",
    "goal_key": "0000000000000000",
    "decision_key": "0000000000000000",
    "skill_key": "paced_breathing",
    "recommendation_id": "00000000-0000-0000-0000-000000000000",
    "note_id": "00000000-0000-0000-0000-000000000000",
}
# Routes that are not ours to check (Django's language switch).
SKIP_PREFIXES = ("/i18n/", "/static/")

UNRELATED = ["eli", "cam", "fay", "olive", None]  # None = anonymous
CARE_TEAM = ["dana", "sam", "casey"]


def _walk(
    patterns: list[URLPattern | URLResolver], prefix: str = ""
) -> Iterator[tuple[str, list[str]]]:
    for p in patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            if route.startswith("api/v1/"):
                continue  # the API is walked through its OpenAPI document
            yield from _walk(p.url_patterns, route)
        else:
            yield route, list(p.pattern.regex.groupindex)


def _fill(route: str, client_id: str) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group("name")
        if name in CLIENT_PARAMS:
            return client_id
        return OTHER_PARAMS[name]

    path = re.sub(r"<(?:\w+:)?(?P<name>\w+)>", value, route)
    path = path.lstrip("^").rstrip("$").replace("\\Z", "")
    return "/" + path


def html_routes() -> list[tuple[str, bool]]:
    routes = []
    for route, params in _walk(get_resolver().url_patterns):
        unknown = set(params) - CLIENT_PARAMS - set(OTHER_PARAMS)
        assert not unknown, f"classify URL parameter(s) {unknown} in {route!r} in the access matrix"
        routes.append((route, bool(set(params) & CLIENT_PARAMS)))
    return routes


def api_routes() -> list[tuple[str, str, bool]]:
    doc = api.get_openapi_schema()
    out = []
    for path, ops in doc["paths"].items():
        params = set(re.findall(r"{(\w+)}", path))
        unknown = params - CLIENT_PARAMS - set(OTHER_PARAMS)
        assert not unknown, f"classify API parameter(s) {unknown} in {path!r} in the access matrix"
        for method in ops:
            out.append((method.upper(), path, bool(params & CLIENT_PARAMS)))
    return out


def _client(personas: Personas, name: str | None) -> Client:
    c = Client()
    return sign_in(c, personas.by_name[name]) if name else c


def _markers(personas: Personas, url: str) -> list[bytes]:
    casey = personas.casey
    markers = [casey.full_name.encode(), casey.email.encode()]
    # Her id counts as a leak unless the caller put it in the URL themselves (pages echo
    # the current path, e.g. in the language switcher).
    if str(casey.public_id) not in url:
        markers.append(str(casey.public_id).encode())
    return markers


def test_the_matrix_knows_some_client_data_routes():
    assert any(is_client for _, is_client in html_routes())
    assert any(is_client for _, _, is_client in api_routes())


@pytest.mark.parametrize("who", UNRELATED)
def test_no_page_shows_casey_to_an_unrelated_person(personas, who):
    case_id = str(personas.casey.public_id)
    for route, is_client_data in html_routes():
        if route.startswith(SKIP_PREFIXES):
            continue
        url = _fill(route, case_id)
        for method in ("get", "post"):
            # A fresh sign-in per request: some routes (sign out everywhere) end the session.
            c = _client(personas, who)
            response = getattr(c, method)(url)
            body = response.content
            for marker in _markers(personas, url):
                assert marker not in body, f"{who} saw Casey's data at {method.upper()} {url}"
            if is_client_data:
                assert response.status_code in (302, 404, 405), (
                    f"{who} got {response.status_code} at {method.upper()} {url}"
                )
                if who is not None:
                    assert response.status_code in (404, 405)


@pytest.mark.parametrize("who", UNRELATED)
def test_no_api_route_shows_casey_to_an_unrelated_person(personas, who):
    case_id = str(personas.casey.public_id)
    for method, path, is_client_data in api_routes():
        url = _fill(path.replace("{", "<").replace("}", ">").lstrip("/"), case_id)
        # A fresh sign-in per request: some routes (sign out everywhere) end the session.
        c = _client(personas, who)
        response = c.generic(method, url, content_type="application/json", data="{}")
        for marker in _markers(personas, url):
            assert marker not in response.content, f"{who} saw Casey's data at {method} {url}"
        if is_client_data:
            expected = (401,) if who is None else (404, 405, 422)
            assert response.status_code in expected, (
                f"{who} got {response.status_code} at {method} {url}"
            )


def _caseys_assessment(personas: Personas) -> None:
    """A scored assessment of Casey's whose id is the one the matrix puts in URLs."""
    a = measures.record_assessment(
        personas.casey,
        client=personas.casey,
        instrument_id="gad-2",
        answers=[1, 1],
        source="client",
    )
    Assessment.objects.filter(pk=a.pk).update(public_id=OTHER_PARAMS["assessment_id"])


def _caseys_shared_entry(personas: Personas) -> None:
    """A journal entry Casey shares (sharing turns her journal category on), with the id the
    matrix puts in URLs."""
    result = journal.create_entry(personas.casey, title="", body="A calm day.")
    assert isinstance(result, journal.Saved)
    journal.share_entry(personas.casey, entry=result.entry)
    JournalEntry.objects.filter(pk=result.entry.pk).update(public_id=OTHER_PARAMS["entry_id"])


@pytest.mark.parametrize("who", CARE_TEAM)
def test_casey_and_her_care_team_can_open_her_client_data_routes(personas, who):
    _caseys_assessment(personas)
    _caseys_shared_entry(personas)
    # Check-ins are private by default; Casey shares them so her team's daily view opens.
    people.set_sharing(personas.casey, category=Category.CHECKINS, shared=True)
    c = _client(personas, who)
    case_id = str(personas.casey.public_id)
    for route, is_client_data in html_routes():
        if is_client_data and who != "casey":
            url = _fill(route, case_id)
            response = c.get(url)
            if response.status_code == 405:
                # An action taken by POST only (e.g. opening an episode): the care team's
                # POST is not refused (an empty form gets its errors shown, not a 404).
                response = c.post(url)
                assert response.status_code in (200, 302), (route, response.status_code)
            else:
                assert response.status_code == 200, route
    for method, path, is_client_data in api_routes():
        if is_client_data and method == "GET":
            url = _fill(path.replace("{", "<").replace("}", ">").lstrip("/"), case_id)
            response = c.get(url)
            assert response.status_code == 200, (who, url)
