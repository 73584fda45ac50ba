"""The web shell every page shares: Quick exit, navigation by role, language, help link."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage import default_storage
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from heard.accounts.middleware import SESSION_IS_STAFF
from heard.accounts.models import User
from heard.core import context_processors
from heard.testing.base import Personas

HELP = "/help-now/"


def labels(response: Any) -> list[str]:
    return [label for _, label in response.context["nav_items"]]


def shell_request(user: User | None = None, *, path: str = "/") -> HttpRequest:
    request = RequestFactory().get(path)
    request.user = user or AnonymousUser()
    request.session = SessionStore()
    request._messages = default_storage(request)  # type: ignore[attr-defined]
    return request


# --- Quick exit ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_visitors_get_a_quick_exit_that_works_without_javascript(client, settings) -> None:
    settings.HEARD_QUICK_EXIT_URL = "https://weather.example/"
    response = client.get(HELP)
    assert response.context["show_quick_exit"] is True
    body = response.content.decode()
    link = re.search(r'<a class="heard-quick-exit"[^>]*>', body)
    assert link is not None
    assert 'href="https://weather.example/"' in link.group(0)
    assert 'data-quick-exit-url="https://weather.example/"' in link.group(0)
    assert 'rel="noreferrer"' in link.group(0)
    assert "Quick exit" in body
    assert "or press Esc" in body


@pytest.mark.django_db
def test_clients_get_a_quick_exit(client_for) -> None:
    response = client_for("casey").get(HELP)
    assert response.context["show_quick_exit"] is True
    assert "heard-quick-exit" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["dana", "sam", "fay", "olive"])
def test_staff_do_not_get_a_quick_exit(client_for, name: str) -> None:
    response = client_for(name).get(HELP)
    assert response.context["show_quick_exit"] is False
    assert 'class="heard-quick-exit"' not in response.content.decode()


@pytest.mark.django_db
def test_the_staff_flag_in_the_session_is_trusted_without_a_query(
    personas: Personas, django_assert_num_queries
) -> None:
    request = shell_request(personas.casey)
    request.session[SESSION_IS_STAFF] = True
    with django_assert_num_queries(0):
        assert context_processors.show_quick_exit(request) is False


@pytest.mark.django_db
def test_without_the_session_flag_it_asks_the_database(personas: Personas) -> None:
    assert context_processors.show_quick_exit(shell_request(personas.casey)) is True
    assert context_processors.show_quick_exit(shell_request(personas.dana)) is False


def test_a_request_without_a_user_or_session_gets_a_quick_exit() -> None:
    assert context_processors.show_quick_exit(RequestFactory().get("/")) is True


# --- Navigation ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_visitors_have_no_navigation(client) -> None:
    assert list(client.get(HELP).context["nav_items"]) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "casey",
            [
                "My space",
                "Check in",
                "Journal",
                "Insights",
                "Skills",
                "My care plan",
                "Learn",
                "My safety plan",
                "About me",
                "What I share",
                "Who saw my record",
                "Account and security",
            ],
        ),
        ("dana", ["Caseload", "Account and security"]),
        ("sam", ["Caseload", "Service report", "Account and security"]),
        ("fay", ["Account and security"]),
        ("olive", ["Organization", "Service report", "Account and security"]),
    ],
)
def test_the_navigation_follows_the_persons_roles(client_for, name, expected) -> None:
    assert labels(client_for(name).get(HELP)) == expected


@pytest.mark.django_db
def test_the_current_page_is_marked(personas: Personas) -> None:
    path = reverse("people:client_home")
    html = render_to_string("base.html", request=shell_request(personas.casey, path=path))
    assert f'href="{path}" aria-current="page"' in html


def test_a_url_that_does_not_exist_yet_is_left_out(monkeypatch) -> None:
    monkeypatch.setattr(
        context_processors,
        "NAV",
        (("nowhere:page", "Nowhere", None), ("safety:help_now", "Help", None)),
    )
    assert context_processors.nav_items_for(set()) == [(HELP, "Help")]


@pytest.mark.django_db
def test_partials_do_not_pay_for_the_navigation(personas: Personas, django_assert_num_queries):
    request = shell_request(personas.casey)
    request.session[SESSION_IS_STAFF] = False
    with django_assert_num_queries(0):
        context = context_processors.shell(request)
    with django_assert_num_queries(1):
        assert len(list(context["nav_items"])) == 12
        assert context["show_plan_link"]  # the same query answers "is this a client?"


# --- The page frame -----------------------------------------------------------------------


@pytest.mark.django_db
def test_every_page_has_the_frame(client) -> None:
    body = client.get(HELP).content.decode()
    assert '<html lang="en"' in body
    assert '<a class="usa-skipnav heard-skipnav" href="#main-content">' in body
    assert '<main id="main-content"' in body
    assert f'<a class="heard-help-link" href="{HELP}">Need help now?</a>' in body
    assert 'name="htmx-config"' in body
    assert '"includeIndicatorStyles":false' in body
    # The language switcher is a plain POST form with a visible button.
    assert f'action="{reverse("set_language")}" method="post"' in body
    assert '<input name="next" type="hidden" value="/help-now/">' in body
    assert '<option value="es" lang="es"' in body
    # No sign-out for visitors.
    assert "Sign out" not in body


@pytest.mark.django_db
def test_signed_in_people_can_sign_out(client_for) -> None:
    body = client_for("casey").get(HELP).content.decode()
    assert f'action="{reverse("accounts:logout")}"' in body
    assert "Sign out" in body


@pytest.mark.django_db
def test_pages_have_no_inline_script_or_style(client) -> None:
    body = client.get(HELP).content.decode()
    assert "<style" not in body
    assert " style=" not in body
    for tag in re.findall(r"<script[^>]*>", body):
        assert " src=" in tag
    assert "usa-banner" not in body  # not a government site


@pytest.mark.django_db
def test_messages_are_shown_as_status_alerts(personas: Personas) -> None:
    request = shell_request(personas.casey)
    messages.success(request, "Saved.")
    messages.error(request, "Not saved.")
    html = render_to_string("base.html", request=request)
    assert 'usa-alert--success" role="status"' in html
    assert 'usa-alert--error" role="status"' in html
    assert "Not saved." in html


# --- Error pages --------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_404_page_is_kind_and_offers_help(client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "We can't find that page" in body
    assert 'class="heard-quick-exit"' in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("template", "text"),
    [("403.html", "isn't available to you"), ("429.html", "take a short pause")],
)
def test_the_other_error_pages_render(template: str, text: str) -> None:
    html = render_to_string(template, request=shell_request())
    assert text in html
    assert HELP in html


def test_the_500_page_needs_no_request(settings) -> None:
    settings.HEARD_QUICK_EXIT_URL = "https://weather.example/"
    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert 'href="/help-now/"' in html
    assert 'data-quick-exit-url="https://weather.example/"' in html
