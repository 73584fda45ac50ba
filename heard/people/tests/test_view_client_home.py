"""The client's home page: a skill to try (with why) and whether the care plan needs them."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from heard.careplans import services as plans
from heard.checkins import services as checkins
from heard.checkins.rules import Values
from heard.testing.base import Personas, sign_in

pytestmark = pytest.mark.django_db

HOME = reverse("people:client_home")


def test_a_skill_suggestion_follows_todays_check_in(personas: Personas) -> None:
    casey = sign_in(Client(), personas.casey)
    calm = casey.get(HOME).content.decode()
    assert "A skill to try" in calm
    assert "Your stress was high" not in calm

    checkins.record_checkin(personas.casey, client=personas.casey, values=Values(stress=9))

    stressed = casey.get(HOME).content.decode()
    assert "Your stress was high in today&#x27;s check-in (9 of 10)" in stressed


def test_a_new_plan_version_asks_for_the_clients_agreement_until_given(
    personas: Personas,
) -> None:
    casey = sign_in(Client(), personas.casey)
    waiting = "There is a new version of your care plan"
    assert waiting not in casey.get(HOME).content.decode()

    saved = plans.save_plan(
        personas.dana,
        client=personas.casey,
        content={"goals": [{"text": "Sleep through the night"}]},
        base_revision=0,
    )
    assert waiting in casey.get(HOME).content.decode()

    plans.agree_to_plan(personas.casey, plan=saved.plan, version_number=saved.plan.version)
    assert waiting not in casey.get(HOME).content.decode()


def test_staff_see_no_client_cards(personas: Personas) -> None:
    response = sign_in(Client(), personas.dana).get(HOME)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your care team" in page
    assert "A skill to try" not in page
    assert "My care plan" not in page
