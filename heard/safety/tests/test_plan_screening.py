"""The safety plan is client text too: new lines are screened, and only immediate risk alerts
(a plan describes hard times by design). Uses the real screening engine."""

from __future__ import annotations

import pytest
from django.urls import reverse

from heard.safety import plan_rules, plan_services, services
from heard.safety.models import RiskAlert, SafetyPlan

EDIT = "/me/safety-plan/edit/"


def content(**steps):
    plan = plan_rules.empty_plan()
    plan.update(steps)
    return plan


def test_warning_signs_about_dark_thoughts_do_not_alert(personas):
    plan_services.save_plan(
        personas.casey,
        client=personas.casey,
        content=content(warning_signs=["When I start thinking I want to die"]),
        based_on_version=0,
    )
    assert RiskAlert.objects.count() == 0


def test_a_line_that_shows_immediate_risk_alerts_once(personas):
    plan = plan_services.save_plan(
        personas.casey,
        client=personas.casey,
        content=content(
            warning_signs=["I have the pills ready and I'm going to take them tonight"]
        ),
        based_on_version=0,
    )
    alert = RiskAlert.objects.get()
    assert alert.level == "acute"
    assert alert.source == "safety_plan"
    # Saving again with the same line and a new coping idea doesn't alert again.
    plan_services.save_plan(
        personas.casey,
        client=personas.casey,
        content=content(
            warning_signs=["I have the pills ready and I'm going to take them tonight"],
            coping=["A walk"],
        ),
        based_on_version=plan.version,
    )
    assert RiskAlert.objects.count() == 1


def test_what_a_clinician_types_is_not_screened_as_a_disclosure(personas):
    plan_services.save_plan(
        personas.dana,
        client=personas.casey,
        content=content(
            warning_signs=["I have the pills ready and I'm going to take them tonight"]
        ),
        based_on_version=0,
    )
    assert RiskAlert.objects.count() == 0


def test_the_client_sees_the_crisis_screen_after_saving_such_a_line(personas, client_for):
    c = client_for("casey")
    response = c.post(
        EDIT,
        {"based_on": "0", "warning_signs-0": "I'm going to kill myself tonight, I have a rope"},
    )
    alert = RiskAlert.objects.get()
    assert response["Location"] == f"{reverse('safety:support')}?saved=1&alert={alert.public_id}"
    # The plan is saved all the same.
    assert SafetyPlan.objects.get(client=personas.casey).version == 1


def test_if_screening_fails_the_plan_is_saved_and_help_shown(personas, client_for, monkeypatch):
    monkeypatch.setattr(services, "_screener", lambda: None)
    c = client_for("casey")
    response = c.post(EDIT, {"based_on": "0", "coping-0": "Music"})
    alert = RiskAlert.objects.get()
    assert alert.source == "unscreened"
    assert "/me/support/" in response["Location"]
    assert SafetyPlan.objects.get(client=personas.casey).version == 1


@pytest.mark.parametrize("step", ["people_to_ask", "professionals"])
def test_names_and_numbers_are_not_screened(personas, step):
    plan_services.save_plan(
        personas.casey,
        client=personas.casey,
        content=content(**{step: [{"name": "Kill Bill fan club", "phone": "555 123 4567"}]}),
        based_on_version=0,
    )
    assert RiskAlert.objects.count() == 0
