"""The report's days are the service's local days, whatever the database (the times are read
as the database's text for speed, then converted here)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.utils import timezone

from heard.appointments import services as appointments
from heard.appointments.models import (
    Appointment,
    AppointmentKind,
    AppointmentStatus,
    Episode,
    EpisodeCloseReason,
)
from heard.outcomes import services
from heard.testing.base import Personas

pytestmark = pytest.mark.django_db

# Times whose local day differs from the UTC day west or east of Greenwich (Chicago moves to
# summer time at 08:00 UTC on 8 March 2026; Kathmandu is 5:45 ahead).
OPENED = datetime(2026, 3, 8, 5, 30, tzinfo=UTC)
FIRST_SESSION = datetime(2026, 3, 8, 18, 20, 0, 500_000, tzinfo=UTC)
CLOSED = datetime(2026, 6, 1, 0, 15, tzinfo=UTC)
LOCAL_DAYS = {
    "UTC": (date(2026, 3, 8), date(2026, 3, 8), date(2026, 6, 1)),
    "America/Chicago": (date(2026, 3, 7), date(2026, 3, 8), date(2026, 5, 31)),
    "Asia/Kathmandu": (date(2026, 3, 8), date(2026, 3, 9), date(2026, 6, 1)),
}


@pytest.mark.parametrize("zone", LOCAL_DAYS)
def test_episode_days_are_local_days(personas: Personas, zone: str) -> None:
    with timezone.override(zone):
        episode = appointments.open_episode(personas.dana, client=personas.casey, opened_at=OPENED)
        appointments.close_episode(
            personas.dana, episode=episode, reason=EpisodeCloseReason.COMPLETED, closed_at=CLOSED
        )
        Appointment.objects.create(
            organization=personas.org,
            client=personas.casey,
            clinician=personas.dana,
            starts_at=FIRST_SESSION,
            kind=AppointmentKind.TREATMENT,
            status=AppointmentStatus.ATTENDED,
        )
        [row] = services.episode_rows(
            Episode.objects.all(), start=date(2026, 1, 1), end=date(2026, 12, 31)
        )
        days = (row.opened_on, row.first_session_on, row.closed_on)
        assert days == tuple(timezone.localdate(t) for t in (OPENED, FIRST_SESSION, CLOSED))
    assert days == LOCAL_DAYS[zone]
