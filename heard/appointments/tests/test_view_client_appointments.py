"""The care team's "Appointments and episodes" page for one client, and its actions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from heard.appointments import services
from heard.appointments.models import (
    Appointment,
    AppointmentKind,
    AppointmentStatus,
    Episode,
    EpisodeCloseReason,
)
from heard.audit.models import AuditEvent
from heard.instruments import services as measures
from heard.people import services as people
from heard.people.models import Category

pytestmark = pytest.mark.django_db


def page_url(personas) -> str:
    return reverse("appointments:client_appointments", args=[personas.casey.public_id])


def add_url(personas) -> str:
    return reverse("appointments:appointment_add", args=[personas.casey.public_id])


def open_url(personas) -> str:
    return reverse("appointments:episode_open", args=[personas.casey.public_id])


def status_url(appointment: Appointment) -> str:
    return reverse("appointments:appointment_status", args=[appointment.public_id])


def close_url(episode: Episode) -> str:
    return reverse("appointments:episode_close", args=[episode.public_id])


def _appointment(personas, *, days: float, **kw) -> Appointment:
    return services.add_appointment(
        personas.dana, client=personas.casey, starts_at=timezone.now() + timedelta(days=days), **kw
    )


def _actions(action: str, outcome: str = "success") -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action, outcome=outcome))


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --- Who may open the page ------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(personas):
    episode = services.open_episode(personas.dana, client=personas.casey)
    appointment = _appointment(personas, days=-1)
    responses = [
        Client().get(page_url(personas)),
        Client().post(add_url(personas), {"date": "2030-01-01", "time": "09:00"}),
        Client().post(open_url(personas)),
        Client().post(status_url(appointment), {"status": "attended"}),
        Client().post(close_url(episode), {"reason": "completed"}),
    ]
    for response in responses:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    assert Appointment.objects.get().status == AppointmentStatus.SCHEDULED
    assert Episode.objects.get().is_open


@pytest.mark.parametrize("who", ["eli", "casey", "olive"])
def test_people_outside_the_care_team_get_a_404_even_the_client(personas, client_for, who):
    # Clients don't manage their appointments and episodes here.
    c = client_for(who)
    assert c.get(page_url(personas)).status_code == 404
    assert c.post(add_url(personas), {"date": "2030-01-01", "time": "09:00"}).status_code == 404
    assert c.post(open_url(personas)).status_code == 404
    assert not Appointment.objects.exists()
    assert not Episode.objects.exists()
    assert _actions("appointment:list", "denied")


@pytest.mark.parametrize("who", ["dana", "sam"])
def test_the_care_team_sees_upcoming_and_past_appointments(personas, client_for, who):
    soon = _appointment(personas, days=3, kind=AppointmentKind.ASSESSMENT)
    later = _appointment(personas, days=10)
    yesterday = _appointment(personas, days=-1)
    last_week = _appointment(personas, days=-7)
    services.set_appointment_status(
        personas.dana, appointment=last_week, status=AppointmentStatus.DID_NOT_ATTEND
    )
    response = client_for(who).get(page_url(personas))
    assert response.status_code == 200
    assert response.context["upcoming"] == [soon, later]
    assert response.context["past"] == [yesterday, last_week]  # newest first
    body = response.content.decode()
    assert "Casey Morgan" in body
    assert "Did not attend" in body
    assert "Mark attended" in body
    assert _actions("appointment:list")


def test_future_appointments_offer_only_cancelling(personas, client_for):
    _appointment(personas, days=3)
    body = client_for("dana").get(page_url(personas)).content.decode()
    assert 'value="cancelled"' in body
    assert 'value="attended"' not in body
    assert 'value="did_not_attend"' not in body


def test_the_client_record_links_to_the_page(personas, client_for):
    record = client_for("dana").get(
        reverse("people:client_record", args=[personas.casey.public_id])
    )
    assert page_url(personas) in record.content.decode()


# --- Booking -----------------------------------------------------------------------------------


@override_settings(TIME_ZONE="America/New_York")
def test_booking_reads_the_time_in_the_site_time_zone(personas, client_for):
    response = client_for("dana").post(
        add_url(personas),
        {"date": "2030-07-01", "time": "09:30", "kind": "treatment", "duration_minutes": "45"},
    )
    assert response.status_code == 302
    assert response["Location"] == page_url(personas)
    appointment = Appointment.objects.get()
    # 09:30 in New York in July (EDT, UTC-4) is 13:30 UTC.
    assert appointment.starts_at == datetime(2030, 7, 1, 13, 30, tzinfo=UTC)
    assert appointment.duration_minutes == 45
    assert appointment.clinician == personas.dana
    assert _actions("appointment:create")
    page = client_for("dana").get(page_url(personas))
    assert "America/New_York" in page.content.decode()
    assert "Mon 1 Jul 2030, 09:30" in page.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"time": "09:30"}, "Enter the date of the appointment."),
        ({"date": "2030-02-30", "time": "09:30"}, "Enter a real date"),
        ({"date": "2030-07-01"}, "Enter the time the appointment starts."),
        (
            {"date": "2030-07-01", "time": "09:30", "duration_minutes": "0"},
            "at least 5 minutes",
        ),
        ({"date": "2030-07-01", "time": "09:30", "duration_minutes": "600"}, "at most 480 minutes"),
        ({"date": "2030-07-01", "time": "09:30", "duration_minutes": "ten"}, "whole number"),
        ({"date": "2030-07-01", "time": "09:30", "kind": "party"}, "Choose a kind"),
    ],
)
def test_a_bad_booking_says_what_is_wrong_and_stores_nothing(personas, client_for, data, message):
    full = {"kind": "treatment", "duration_minutes": "50", **data}
    response = client_for("dana").post(add_url(personas), full)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Appointment.objects.exists()
    # Only the access check was audited (no event names a stored appointment).
    assert [e.object_id for e in _actions("appointment:create")] == [""]


# --- What happened -----------------------------------------------------------------------------


def test_marking_an_appointment_attended(personas, client_for):
    appointment = _appointment(personas, days=-1)
    response = client_for("dana").post(status_url(appointment), {"status": "attended"}, follow=True)
    assert response.redirect_chain[-1][0] == page_url(personas)
    assert "Saved: Attended." in _messages(response)
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.ATTENDED
    # Audited twice: access to the appointment, and the change itself with the new status.
    events = _actions("appointment:status")
    assert len(events) == 2
    assert {"status": "attended"} in [e.extra for e in events]


def test_a_future_appointment_cannot_be_marked_attended(personas, client_for):
    appointment = _appointment(personas, days=2)
    response = client_for("dana").post(status_url(appointment), {"status": "attended"}, follow=True)
    assert "An appointment can't be attended before it starts." in _messages(response)
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.SCHEDULED


def test_an_unknown_status_is_refused_kindly(personas, client_for):
    appointment = _appointment(personas, days=-1)
    response = client_for("dana").post(status_url(appointment), {"status": "late"}, follow=True)
    assert "Choose what happened." in _messages(response)
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.SCHEDULED


def test_others_cannot_mark_casey_appointments(personas, client_for):
    appointment = _appointment(personas, days=-1)
    for who in ("eli", "casey"):
        response = client_for(who).post(status_url(appointment), {"status": "attended"})
        assert response.status_code == 404
    assert Client().post(status_url(appointment)).status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.SCHEDULED
    assert len(_actions("appointment:status", "denied")) == 2


def test_the_status_action_only_accepts_post(personas, client_for):
    appointment = _appointment(personas, days=-1)
    assert client_for("dana").get(status_url(appointment)).status_code == 405


# --- Episodes ----------------------------------------------------------------------------------


def test_opening_and_closing_an_episode(personas, client_for):
    c = client_for("dana")
    response = c.post(open_url(personas), follow=True)
    assert "Episode of care opened." in _messages(response)
    episode = Episode.objects.get()
    assert episode.is_open
    assert len(_actions("episode:open")) == 2  # access, then the service
    assert close_url(episode) in response.content.decode()

    response = c.post(close_url(episode), {"reason": "completed"}, follow=True)
    assert "Episode of care closed." in _messages(response)
    episode.refresh_from_db()
    assert episode.close_reason == EpisodeCloseReason.COMPLETED
    assert len(_actions("episode:close")) == 2
    assert "Treatment completed" in response.content.decode()


def test_an_episode_can_record_an_earlier_referral_date(personas, client_for):
    c = client_for("dana")
    referred = timezone.localdate() - timedelta(days=12)
    response = c.post(open_url(personas), {"referred_on": referred.isoformat()}, follow=True)
    assert "Episode of care opened." in _messages(response)
    episode = Episode.objects.get()
    assert episode.referred_on == referred
    assert episode.referral_date == referred
    assert referred.strftime("%-d %b %Y") in response.content.decode()


def test_without_a_referral_date_the_referral_is_the_opening_day(personas, client_for):
    client_for("dana").post(open_url(personas), {"referred_on": ""})
    episode = Episode.objects.get()
    assert episode.referred_on is None
    assert episode.referral_date == timezone.localdate(episode.opened_at)


@pytest.mark.parametrize(
    ("referred_on", "message"),
    [
        ("2026-02-30", "Enter a real date, for example 2026-03-14."),
        ("2999-01-01", "The referral date can't be after the day the episode opens."),
    ],
)
def test_a_bad_referral_date_is_refused_kindly(personas, client_for, referred_on, message):
    response = client_for("dana").post(
        open_url(personas), {"referred_on": referred_on}, follow=True
    )
    assert message in _messages(response)
    assert not Episode.objects.exists()


def test_a_second_open_episode_is_refused_kindly(personas, client_for):
    c = client_for("dana")
    c.post(open_url(personas))
    response = c.post(open_url(personas), follow=True)
    assert "This client already has an open episode of care." in _messages(response)
    assert Episode.objects.count() == 1


def test_closing_needs_a_reason(personas, client_for):
    episode = services.open_episode(personas.dana, client=personas.casey)
    response = client_for("dana").post(close_url(episode), {"reason": ""}, follow=True)
    assert "Choose why this episode is ending." in _messages(response)
    episode.refresh_from_db()
    assert episode.is_open


def test_closing_an_already_closed_episode_is_refused_kindly(personas, client_for):
    episode = services.open_episode(personas.dana, client=personas.casey)
    services.close_episode(personas.dana, episode=episode, reason=EpisodeCloseReason.COMPLETED)
    response = client_for("sam").post(close_url(episode), {"reason": "other"}, follow=True)
    assert "This episode is already closed." in _messages(response)
    episode.refresh_from_db()
    assert episode.close_reason == EpisodeCloseReason.COMPLETED


def test_others_cannot_close_casey_episode(personas, client_for):
    episode = services.open_episode(personas.dana, client=personas.casey)
    for who in ("eli", "casey"):
        assert client_for(who).post(close_url(episode), {"reason": "other"}).status_code == 404
    episode.refresh_from_db()
    assert episode.is_open


# --- Outcomes ----------------------------------------------------------------------------------


def _finished_episode(personas) -> Episode:
    now = timezone.now()
    episode = services.open_episode(
        personas.dana, client=personas.casey, opened_at=now - timedelta(days=60)
    )
    for days in (50, 40):
        appointment = _appointment(personas, days=-days)
        services.set_appointment_status(
            personas.dana, appointment=appointment, status=AppointmentStatus.ATTENDED
        )
    for days, phq, gad in (
        (55, [3, 3, 3, 3, 3, 0, 0, 0, 0], [3, 3, 3, 3, 0, 0, 0]),
        (35, [1] * 6 + [0] * 3, [1] * 5 + [0] * 2),
    ):
        for instrument_id, answers in (("phq-9", phq), ("gad-7", gad)):
            measures.record_assessment(
                personas.dana,
                client=personas.casey,
                instrument_id=instrument_id,
                answers=answers,
                source="clinician",
                completed_at=now - timedelta(days=days),
            )
    services.close_episode(
        personas.dana,
        episode=episode,
        reason=EpisodeCloseReason.COMPLETED,
        closed_at=now - timedelta(days=30),
    )
    return episode


def test_the_page_shows_each_episodes_outcome(personas, client_for):
    _finished_episode(personas)
    response = client_for("dana").get(page_url(personas))
    (summary,) = response.context["outcomes"]
    assert summary.phq9 == (15, 6)
    assert summary.gad7 == (12, 5)
    body = response.content.decode()
    assert "15 → 6" in body
    assert "Reliable recovery" in body


def test_outcomes_stay_hidden_when_the_client_does_not_share_measures(personas, client_for):
    _finished_episode(personas)
    people.set_sharing(personas.casey, category=Category.MEASURES, shared=False)
    response = client_for("dana").get(page_url(personas))
    assert response.status_code == 200
    assert response.context["outcomes"] == []
    body = response.content.decode()
    assert "15 → 6" not in body
    assert "Reliable recovery" not in body
    assert "chosen not to share their questionnaire answers" in body
    # The episode itself (dates, reason) is part of the care relationship and still shown.
    assert "Treatment completed" in body


def test_the_page_needs_the_same_queries_however_many_appointments(personas, client_for):
    c = client_for("dana")
    services.open_episode(personas.dana, client=personas.casey)
    _appointment(personas, days=-2)
    c.get(page_url(personas))  # the first request of a session does some extra work
    with CaptureQueriesContext(connection) as one:
        assert c.get(page_url(personas)).status_code == 200
    for days in (-20, -10, 5, 15):
        _appointment(personas, days=days)
    with CaptureQueriesContext(connection) as five:
        assert c.get(page_url(personas)).status_code == 200
    assert len(five) == len(one)
