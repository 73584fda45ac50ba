"""A small service built through the real services, for the report tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from heard.accounts import services as accounts
from heard.accounts.models import Role, User
from heard.appointments import services as appointments
from heard.appointments.models import AppointmentStatus, EpisodeCloseReason
from heard.instruments import services as measures
from heard.instruments.models import AssessmentSource
from heard.instruments.registry import get_instrument
from heard.people import services as people
from heard.testing.base import PASSWORD, Personas


def answers_for(instrument_id: str, total: int) -> list[int | None]:
    """Answers adding up to `total`, filling items from the first."""
    values: list[int | None] = []
    remaining = total
    for item in get_instrument(instrument_id).scored_items:
        step = min(remaining, item.max_value - item.min_value)
        values.append(item.min_value + step)
        remaining -= step
    return values


@dataclass(frozen=True)
class Spec:
    """One client's course of care: first/last totals (None: not taken), sessions, wait."""

    clinician: str
    phq9: tuple[int, ...]
    gad7: tuple[int, ...]
    sessions: int
    wait_days: int | None  # from referral; None: no appointment at all
    ended_days_ago: int | None = 5  # None: still open
    referred_days_before: int = 0  # the referral came this many days before the opening


# Dana (supervised by Sam) and Eli (not supervised).
SPECS = (
    Spec("dana", (18, 6), (14, 5), sessions=6, wait_days=7),  # recovery, reliable recovery
    # No reliable change; referred 10 days before the episode opened, first seen 4 days after.
    Spec("dana", (15, 12), (10, 9), sessions=4, wait_days=14, referred_days_before=10),
    Spec("dana", (12, 20), (9, 15), sessions=3, wait_days=3),  # deterioration
    Spec("dana", (6, 2), (5, 1), sessions=5, wait_days=10),  # improvement, not at caseness
    Spec("dana", (20, 8), (11,), sessions=2, wait_days=21),  # finished, GAD-7 not paired
    Spec("dana", (16, 5), (12, 3), sessions=1, wait_days=0),  # did not finish treatment
    Spec("eli", (14, 4), (10, 2), sessions=3, wait_days=2),  # recovery
    Spec("eli", (), (), sessions=0, wait_days=None),  # no appointment at all
    Spec("eli", (19, 3), (15, 2), sessions=4, wait_days=5, ended_days_ago=500),  # out of period
    Spec("dana", (19, 3), (15, 2), sessions=4, wait_days=5, ended_days_ago=None),  # still open
)


def build(personas: Personas, specs: tuple[Spec, ...] = SPECS) -> list[User]:
    """One client per spec, with their episode, attended sessions and measures."""
    now = timezone.now()
    clients = []
    for number, spec in enumerate(specs):
        clinician = getattr(personas, spec.clinician)
        client = accounts.create_account(
            email=f"client{number}@example.org", password=PASSWORD, full_name=f"Client {number}"
        )
        accounts.add_membership(None, user=client, organization=personas.org, role=Role.CLIENT)
        people.assign_clinician(None, organization=personas.org, client=client, clinician=clinician)
        ended = None if spec.ended_days_ago is None else now - timedelta(days=spec.ended_days_ago)
        opened = (ended or now) - timedelta(days=60)
        referred = timezone.localdate(opened) - timedelta(days=spec.referred_days_before)
        episode = appointments.open_episode(
            clinician, client=client, opened_at=opened, referred_on=referred
        )
        wait_after_opening = (spec.wait_days or 0) - spec.referred_days_before
        for index in range(spec.sessions if spec.wait_days is not None else 0):
            assert spec.wait_days is not None
            booked = appointments.add_appointment(
                clinician,
                client=client,
                starts_at=opened + timedelta(days=wait_after_opening + index),
            )
            appointments.set_appointment_status(
                clinician, appointment=booked, status=AppointmentStatus.ATTENDED
            )
        for instrument_id, totals in (("phq-9", spec.phq9), ("gad-7", spec.gad7)):
            for index, total in enumerate(totals):
                when: datetime = opened + timedelta(days=1 + 50 * index)
                measures.record_assessment(
                    clinician,
                    client=client,
                    instrument_id=instrument_id,
                    answers=answers_for(instrument_id, total),
                    source=AssessmentSource.CLINICIAN,
                    completed_at=when,
                )
        if ended is not None:
            appointments.close_episode(
                clinician, episode=episode, reason=EpisodeCloseReason.COMPLETED, closed_at=ended
            )
        clients.append(client)
    return clients
