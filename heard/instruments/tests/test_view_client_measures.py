"""The care team's view of a client's measures: scores, trends, schedules."""

import pytest
from django.urls import reverse

from heard.audit.models import AuditEvent, Outcome
from heard.instruments import services
from heard.instruments.models import MeasureSchedule
from heard.people import services as people


@pytest.fixture
def scored(personas):
    casey = personas.casey
    return [
        services.record_assessment(
            casey, client=casey, instrument_id="phq-9", answers=answers, source="client"
        )
        for answers in ([2, 2, 2, 2, 2, 2, 2, 2, 1], [1, 1, 1, 1, 1, 1, 1, 1, 0])
    ]


def url(personas):
    return reverse("instruments:client_measures", args=[personas.casey.public_id])


def test_dana_sees_trends_full_detail_and_the_read_is_audited(client_for, personas, scored):
    page = client_for("dana").get(url(personas)).content.decode()
    assert "PHQ-9" in page
    assert 'role="img"' in page
    assert "improvement" in page  # 17 -> 8: reliable improvement (>= 6)
    assert AuditEvent.objects.filter(
        action="measure:list", actor_id=personas.dana.public_id, outcome=Outcome.SUCCESS
    ).exists()
    detail = client_for("dana").get(
        reverse(
            "instruments:assessment_detail", args=[personas.casey.public_id, scored[0].public_id]
        )
    )
    text = detail.content.decode()
    assert "moderately severe" in text
    assert "(critical answer)" in text
    assert "Thoughts that you would be better off dead" in text
    assert AuditEvent.objects.filter(
        action="measure:read", object_id=str(scored[0].public_id)
    ).exists()


@pytest.mark.parametrize("who", ["eli", "fay", "olive", "cam"])
def test_others_get_404(client_for, personas, scored, who):
    assert client_for(who).get(url(personas)).status_code == 404
    detail = reverse(
        "instruments:assessment_detail", args=[personas.casey.public_id, scored[0].public_id]
    )
    assert client_for(who).get(detail).status_code == 404


def test_when_casey_stops_sharing_measures_dana_gets_404(client_for, personas, scored):
    people.set_sharing(personas.casey, category="measures", shared=False)
    assert client_for("dana").get(url(personas)).status_code == 404
    assert AuditEvent.objects.filter(action="measure:list", outcome=Outcome.DENIED).exists()


def test_dana_schedules_and_stops_a_measure(client_for, personas):
    dana = client_for("dana")
    create = reverse("instruments:schedule_create", args=[personas.casey.public_id])
    response = dana.post(create, {"instrument": "phq-9", "every_days": "14"})
    assert response.status_code == 302
    schedule = MeasureSchedule.objects.get(active=True)
    assert (schedule.instrument, schedule.every_days) == ("phq-9", 14)
    page = dana.get(url(personas)).content.decode()
    assert "Every 14 days" in page
    # The client sees it waiting.
    mine = client_for("casey").get(reverse("instruments:my_measures")).content.decode()
    assert "Ready for you now" in mine
    dana.post(reverse("instruments:schedule_end", args=[schedule.public_id]))
    schedule.refresh_from_db()
    assert not schedule.active


def test_a_schedule_without_a_rhythm_is_refused_kindly(client_for, personas):
    dana = client_for("dana")
    create = reverse("instruments:schedule_create", args=[personas.casey.public_id])
    response = dana.post(create, {"instrument": "phq-9"}, follow=True)
    assert "Choose how often" in response.content.decode()
    assert MeasureSchedule.objects.count() == 0


@pytest.mark.parametrize("who", ["casey", "eli"])
def test_only_the_care_team_schedules(client_for, personas, who):
    create = reverse("instruments:schedule_create", args=[personas.casey.public_id])
    response = client_for(who).post(create, {"instrument": "phq-9", "every_days": "14"})
    assert response.status_code == 404
    assert MeasureSchedule.objects.count() == 0


def test_only_the_care_team_stops_a_schedule(client_for, personas):
    schedule = services.schedule_measure(
        personas.dana,
        client=personas.casey,
        instrument_id="gad-7",
        every_days=7,
        before_appointments=False,
    )
    for who in ("casey", "eli"):
        response = client_for(who).post(
            reverse("instruments:schedule_end", args=[schedule.public_id])
        )
        assert response.status_code == 404
    schedule.refresh_from_db()
    assert schedule.active
