"""A clinician records a C-SSRS Screener result; any yes goes down the safety path."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from heard.instruments import cssrs, services
from heard.instruments.models import CssrsResult
from heard.safety.models import RiskAlert

NO = {"wish_to_be_dead": "no", "suicidal_thoughts": "no", "behaviour": "no"}


def url(personas):
    return reverse("instruments:cssrs_record", args=[personas.casey.public_id])


def test_a_negative_result_is_stored_without_an_alert(client_for, personas):
    response = client_for("dana").post(url(personas), NO)
    assert response.status_code == 302
    row = CssrsResult.objects.get()
    assert (row.category, row.critical, row.recorded_by) == ("negative", False, personas.dana)
    assert RiskAlert.objects.count() == 0
    page = client_for("dana").get(
        reverse("instruments:client_measures", args=[personas.casey.public_id])
    )
    assert "negative" in page.content.decode()


def test_a_yes_to_a_plan_is_high_risk_and_raises_an_acute_alert(client_for, personas):
    answers = {
        **NO,
        "suicidal_thoughts": "yes",
        "method": "yes",
        "intent": "no",
        "plan": "yes",
    }
    client_for("dana").post(url(personas), answers)
    row = CssrsResult.objects.get()
    assert row.category == "high"
    alert = RiskAlert.objects.get(client=personas.casey)
    assert (alert.level, alert.source_id) == ("acute", row.public_id)


def test_a_passive_wish_is_positive_and_urgent(personas):
    row = services.record_cssrs(
        personas.dana,
        client=personas.casey,
        answers=cssrs.CssrsAnswers(True, False, None, None, None, False, None),
    )
    assert row.category == "positive"
    assert RiskAlert.objects.get().level == "urgent"


def test_answers_that_break_the_branching_store_nothing(client_for, personas):
    response = client_for("dana").post(url(personas), {**NO, "plan": "yes"}, follow=True)
    assert "only after a yes to question 2" in response.content.decode()
    assert CssrsResult.objects.count() == 0
    assert RiskAlert.objects.count() == 0


def test_a_future_time_is_refused(personas):
    with pytest.raises(ValidationError):
        services.record_cssrs(
            personas.dana,
            client=personas.casey,
            answers=cssrs.CssrsAnswers(False, False, None, None, None, False, None),
            administered_at=timezone.now() + timedelta(days=2),
        )


def test_a_bad_date_is_a_kind_error(client_for, personas):
    response = client_for("dana").post(
        url(personas), {**NO, "administered_at": "yesterday-ish"}, follow=True
    )
    assert "check the date" in response.content.decode()
    assert CssrsResult.objects.count() == 0


@pytest.mark.parametrize("who", ["casey", "eli", "olive"])
def test_only_the_care_team_records(client_for, personas, who):
    assert client_for(who).post(url(personas), NO).status_code == 404
    assert CssrsResult.objects.count() == 0
