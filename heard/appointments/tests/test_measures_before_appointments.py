"""Measures scheduled "before each appointment" follow the appointments booked here.

With the default lead of 2 days (HEARD_MEASURE_LEAD_DAYS), a measure is due from two days
before each appointment until it is answered, and overdue once an appointment has passed
without an answer in its window.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from heard.appointments import services
from heard.appointments.models import Appointment, AppointmentStatus
from heard.instruments import services as measures
from heard.instruments.models import MeasureSchedule
from heard.instruments.schedule import DueStatus
from heard.testing.base import Personas

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("lead_of_two_days"),
]


@pytest.fixture
def lead_of_two_days():
    with override_settings(HEARD_MEASURE_LEAD_DAYS=2, HEARD_MEASURE_GRACE_DAYS=3):
        yield


@pytest.fixture
def schedule(personas: Personas) -> MeasureSchedule:
    return measures.schedule_measure(
        personas.dana,
        client=personas.casey,
        instrument_id="gad-7",
        every_days=None,
        before_appointments=True,
    )


def book(personas: Personas, *, days: float) -> Appointment:
    return services.add_appointment(
        personas.dana, client=personas.casey, starts_at=timezone.now() + timedelta(days=days)
    )


def answer(personas: Personas) -> None:
    measures.record_assessment(
        personas.dana,
        client=personas.casey,
        instrument_id="gad-7",
        answers=[1, 1, 0, 0, 1, 0, 0],
        source="clinician",
    )


def test_nothing_is_due_without_appointments(schedule):
    state = measures.state_of(schedule)
    assert state.status is DueStatus.NOT_DUE
    assert state.due_at is None


def test_not_due_until_the_lead_window_before_the_next_appointment(personas, schedule):
    appointment = book(personas, days=5)
    state = measures.state_of(schedule)
    assert state.status is DueStatus.NOT_DUE
    assert state.due_at == appointment.starts_at - timedelta(days=2)


def test_due_within_the_lead_window(personas, schedule):
    appointment = book(personas, days=1)
    state = measures.state_of(schedule)
    assert state.status is DueStatus.DUE
    assert state.due_at == appointment.starts_at - timedelta(days=2)
    assert measures.due_measures(personas.casey)[0].state.waiting


def test_overdue_after_an_appointment_passed_without_an_answer(personas, schedule):
    appointment = book(personas, days=1)
    later = appointment.starts_at + timedelta(hours=2)
    services.set_appointment_status(
        personas.dana,
        appointment=appointment,
        status=AppointmentStatus.DID_NOT_ATTEND,
        now=later,
    )
    assert measures.state_of(schedule, now=later).status is DueStatus.OVERDUE


def test_not_due_after_answering_for_the_next_appointment(personas, schedule):
    book(personas, days=1)
    assert measures.state_of(schedule).status is DueStatus.DUE
    answer(personas)
    assert measures.state_of(schedule).status is DueStatus.NOT_DUE


def test_answering_covers_the_appointment_after_it_passes(personas, schedule):
    appointment = book(personas, days=1)
    answer(personas)
    later = appointment.starts_at + timedelta(hours=2)
    assert measures.state_of(schedule, now=later).status is DueStatus.NOT_DUE


def test_a_cancelled_appointment_asks_for_nothing(personas, schedule):
    appointment = book(personas, days=1)
    services.set_appointment_status(
        personas.dana, appointment=appointment, status=AppointmentStatus.CANCELLED
    )
    assert measures.state_of(schedule).status is DueStatus.NOT_DUE
    later = appointment.starts_at + timedelta(hours=2)
    assert measures.state_of(schedule, now=later).status is DueStatus.NOT_DUE
