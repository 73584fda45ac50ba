"""NHS Talking Therapies outcomes per episode of care, from episodes built through services.

Each case is worked out by hand from instruments.md §14: caseness PHQ-9 >= 10 or GAD-7 >= 8;
reliable change PHQ-9 6 and GAD-7 4 points; finished treatment = at least two attended
treatment sessions; recovery = at caseness at the start and not at the end; reliable
recovery = recovery and reliable improvement; a reliable increase on either measure is
deterioration (our recorded combination rule, see change.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from heard.accounts import services as accounts
from heard.accounts.models import Role
from heard.appointments import services
from heard.appointments.models import AppointmentKind, AppointmentStatus, Episode
from heard.instruments import services as measures
from heard.instruments.trends import EpisodeSummary, episode_summaries, episode_summary
from heard.people import services as people
from heard.testing.base import Personas

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def answers_for(instrument_id: str, total: int) -> list[int]:
    """Answers adding up to `total`, filling items from the first; PHQ-9 item 9 (thoughts of
    self-harm) stays at 0 so no safety alert is raised."""
    items = {"phq-9": 8, "gad-7": 7}[instrument_id]
    assert total <= 3 * items
    values = [min(3, max(0, total - 3 * n)) for n in range(items)]
    return values + [0] * (9 - items if instrument_id == "phq-9" else 0)


def record(personas: Personas, instrument_id: str, total: int, days: float) -> None:
    measures.record_assessment(
        personas.dana,
        client=personas.casey,
        instrument_id=instrument_id,
        answers=answers_for(instrument_id, total),
        source="clinician",
        completed_at=days_ago(days),
    )


def session(
    personas: Personas,
    days: float,
    *,
    kind: str = AppointmentKind.TREATMENT,
    status: str = AppointmentStatus.ATTENDED,
) -> None:
    appointment = services.add_appointment(
        personas.dana, client=personas.casey, starts_at=days_ago(days), kind=kind
    )
    if status != AppointmentStatus.SCHEDULED:
        services.set_appointment_status(personas.dana, appointment=appointment, status=status)


@dataclass
class Course:
    """An episode from 90 to 10 days ago: first scores at day 85, last at day 15, attended
    treatment sessions at days 80, 60 (and more if asked for)."""

    phq: tuple[int, int]
    gad: tuple[int, int]
    sessions: list[float] = field(default_factory=lambda: [80, 60])
    close: bool = True


def build(personas: Personas, course: Course) -> Episode:
    episode = services.open_episode(personas.dana, client=personas.casey, opened_at=days_ago(90))
    for day in course.sessions:
        session(personas, day)
    for instrument_id, (first, last) in (("phq-9", course.phq), ("gad-7", course.gad)):
        record(personas, instrument_id, first, 85)
        record(personas, instrument_id, last, 15)
    if course.close:
        services.close_episode(
            personas.dana, episode=episode, reason="completed", closed_at=days_ago(10)
        )
    return episode


def summary_of(episode: Episode) -> EpisodeSummary:
    episode.refresh_from_db()
    return episode_summary(episode, now=NOW)


def test_recovery_and_reliable_recovery(personas):
    # PHQ 15 -> 6 (-9, reliable), GAD 12 -> 5 (-7, reliable); at caseness at the start
    # (15 >= 10), below both cut-offs at the end (6 < 10, 5 < 8).
    s = summary_of(build(personas, Course(phq=(15, 6), gad=(12, 5))))
    assert (s.phq9, s.gad7, s.attended_sessions) == ((15, 6), (12, 5), 2)
    o = s.outcome
    assert o.finished_treatment
    assert (o.at_caseness_start, o.at_caseness_end) == (True, False)
    assert o.recovery is True
    assert o.reliable_improvement is True
    assert o.reliable_deterioration is False
    assert o.reliable_recovery is True
    assert o.no_reliable_change is False
    assert o.label == "reliable recovery"


def test_reliable_improvement_without_recovery(personas):
    # PHQ 22 -> 14 (-8, reliable) but still at caseness (14 >= 10); GAD 15 -> 12 (-3, not).
    o = summary_of(build(personas, Course(phq=(22, 14), gad=(15, 12)))).outcome
    assert (o.at_caseness_start, o.at_caseness_end) == (True, True)
    assert o.reliable_improvement is True
    assert o.recovery is False
    assert o.reliable_recovery is False
    assert o.reliable_deterioration is False
    assert (o.phq9_change, o.gad7_change) == ("improvement", "no reliable change")
    assert o.label == "reliable improvement"


def test_recovery_without_reliable_improvement(personas):
    # PHQ 11 -> 8 (-3), GAD 9 -> 6 (-3): below both cut-offs at the end, but neither change is
    # beyond measurement error, so recovery without reliable recovery.
    o = summary_of(build(personas, Course(phq=(11, 8), gad=(9, 6)))).outcome
    assert o.recovery is True
    assert o.reliable_improvement is False
    assert o.reliable_recovery is False
    assert o.no_reliable_change is True
    assert o.label == "recovery"


def test_reliable_deterioration(personas):
    # PHQ 10 -> 17 (+7, reliable increase); GAD 9 -> 10 (+1).
    o = summary_of(build(personas, Course(phq=(10, 17), gad=(9, 10)))).outcome
    assert o.reliable_deterioration is True
    assert o.reliable_improvement is False
    assert o.recovery is False
    assert o.label == "reliable deterioration"


def test_better_on_one_measure_and_worse_on_the_other_counts_as_deterioration(personas):
    # PHQ 18 -> 10 (-8, reliable improvement), GAD 8 -> 13 (+5, reliable deterioration).
    o = summary_of(build(personas, Course(phq=(18, 10), gad=(8, 13)))).outcome
    assert (o.phq9_change, o.gad7_change) == ("improvement", "deterioration")
    assert o.reliable_deterioration is True
    assert o.reliable_improvement is False


def test_not_at_caseness_at_the_start_is_left_out_of_recovery(personas):
    # PHQ 7 and GAD 6 are both below the cut-offs at the start: recovery is not assessed,
    # but reliable change is (GAD 6 -> 1 is -5, reliable; PHQ 7 -> 2 is -5, not).
    o = summary_of(build(personas, Course(phq=(7, 2), gad=(6, 1)))).outcome
    assert o.finished_treatment
    assert o.at_caseness_start is False
    assert o.recovery is None
    assert o.reliable_recovery is None
    assert o.reliable_improvement is True
    assert o.label == "reliable improvement"


def test_an_open_episode_has_no_outcome_yet(personas):
    s = summary_of(build(personas, Course(phq=(15, 6), gad=(12, 5), close=False)))
    # Scores and sessions so far are shown; the outcome waits for the episode to close.
    assert (s.phq9, s.gad7, s.attended_sessions) == ((15, 6), (12, 5), 2)
    assert s.outcome.finished_treatment is False
    assert s.outcome.reliable_improvement is None
    assert s.outcome.recovery is None
    assert s.outcome.label is None


def test_one_attended_session_is_not_a_finished_course(personas):
    s = summary_of(build(personas, Course(phq=(15, 6), gad=(12, 5), sessions=[60])))
    assert s.attended_sessions == 1
    assert s.outcome.finished_treatment is False
    assert s.outcome.recovery is None
    assert s.outcome.label is None


def test_only_one_score_on_a_measure_gives_no_outcome(personas):
    episode = services.open_episode(personas.dana, client=personas.casey, opened_at=days_ago(90))
    session(personas, 80)
    session(personas, 60)
    record(personas, "phq-9", 15, 85)
    record(personas, "phq-9", 6, 15)
    record(personas, "gad-7", 12, 85)  # no last GAD-7
    services.close_episode(personas.dana, episode=episode, reason="completed", closed_at=NOW)
    s = summary_of(episode)
    assert (s.phq9, s.gad7) == ((15, 6), None)
    assert s.outcome.finished_treatment is True
    assert s.outcome.label is None


def test_scores_and_sessions_outside_the_episode_are_ignored(personas):
    # Before the episode opened (day 95) and after it closed (day 5).
    record(personas, "phq-9", 24, 95)
    record(personas, "gad-7", 21, 95)
    session(personas, 95)
    episode = build(personas, Course(phq=(15, 6), gad=(12, 5), sessions=[80]))
    session(personas, 5)
    record(personas, "phq-9", 0, 5)
    record(personas, "gad-7", 21, 5)
    s = summary_of(episode)
    assert (s.phq9, s.gad7) == ((15, 6), (12, 5))
    assert s.attended_sessions == 1
    assert not s.outcome.finished_treatment


def test_the_first_and_last_scores_inside_the_episode_are_paired(personas):
    episode = build(personas, Course(phq=(15, 6), gad=(12, 5)))
    # Scores in between don't change the pair.
    record(personas, "phq-9", 24, 50)
    record(personas, "gad-7", 0, 50)
    assert (summary_of(episode).phq9, summary_of(episode).gad7) == ((15, 6), (12, 5))


def test_only_attended_treatment_sessions_count(personas):
    episode = build(personas, Course(phq=(15, 6), gad=(12, 5), sessions=[80]))
    session(personas, 70, status=AppointmentStatus.CANCELLED)
    session(personas, 65, status=AppointmentStatus.DID_NOT_ATTEND)
    session(personas, 55, status=AppointmentStatus.SCHEDULED)  # never marked
    session(personas, 50, kind=AppointmentKind.FOLLOW_UP)
    session(personas, 45, kind=AppointmentKind.ASSESSMENT)
    s = summary_of(episode)
    assert s.attended_sessions == 1
    assert s.outcome.finished_treatment is False
    assert s.outcome.label is None


def test_sessions_in_another_service_do_not_count(personas):
    other = accounts.create_organization(None, name="Bay Clinic", region="US")
    accounts.add_membership(None, user=personas.casey, organization=other, role=Role.CLIENT)
    accounts.add_membership(None, user=personas.eli, organization=other, role=Role.CLINICIAN)
    people.assign_clinician(None, organization=other, client=personas.casey, clinician=personas.eli)
    episode = build(personas, Course(phq=(15, 6), gad=(12, 5), sessions=[80]))
    bay = services.add_appointment(personas.eli, client=personas.casey, starts_at=days_ago(60))
    services.set_appointment_status(personas.eli, appointment=bay, status="attended")
    assert bay.organization == other
    s = summary_of(episode)
    assert s.attended_sessions == 1
    assert not s.outcome.finished_treatment


def test_summaries_list_each_episode_newest_first(personas):
    first = build(personas, Course(phq=(15, 6), gad=(12, 5)))
    second = services.open_episode(personas.dana, client=personas.casey, opened_at=days_ago(5))
    summaries = episode_summaries(personas.casey, now=NOW)
    assert [s.episode for s in summaries] == [second, first]
    assert summaries[1].outcome.label == "reliable recovery"
    # The new episode starts from nothing: earlier scores and sessions belong to the first.
    assert (summaries[0].phq9, summaries[0].attended_sessions) == (None, 0)
