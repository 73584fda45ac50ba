"""The service report against an independent computation over the rows the test created."""

from __future__ import annotations

import statistics
from datetime import timedelta

import pytest
from django.utils import timezone

from heard.outcomes import access, rules, services
from heard.outcomes.tests.service import SPECS, Spec, build

pytestmark = pytest.mark.django_db


def expected(specs: list[Spec]) -> dict[str, tuple[int, int] | float | int | None]:
    """NHS Talking Therapies figures worked out by hand: caseness PHQ-9 >= 10 or GAD-7 >= 8,
    reliable change 6 (PHQ-9) and 4 (GAD-7) points, finished = two or more sessions."""
    recovered = reliable_recovered = at_caseness = improved = worse = assessed = 0
    finished = paired = 0
    for spec in specs:
        if spec.sessions < 2:
            continue
        finished += 1
        if len(spec.phq9) < 2 or len(spec.gad7) < 2:
            continue
        paired += 1
        assessed += 1
        (p0, p1), (g0, g1) = spec.phq9, spec.gad7
        up = p1 - p0 >= 6 or g1 - g0 >= 4
        down = (p0 - p1 >= 6 or g0 - g1 >= 4) and not up
        worse += up
        improved += down
        if p0 >= 10 or g0 >= 8:
            at_caseness += 1
            recovered_now = not (p1 >= 10 or g1 >= 8)
            recovered += recovered_now
            reliable_recovered += recovered_now and down
    waits = [spec.wait_days for spec in specs if spec.wait_days is not None]
    return {
        "episodes": len(specs),
        "recovery": (recovered, at_caseness),
        "reliable_recovery": (reliable_recovered, at_caseness),
        "reliable_improvement": (improved, assessed),
        "reliable_deterioration": (worse, assessed),
        "measure_completion": (paired, finished),
        "average_sessions": round(sum(spec.sessions for spec in specs) / len(specs), 1),
        "median_wait_days": float(statistics.median(waits)),
    }


def actual(figures: rules.Figures) -> dict[str, tuple[int, int] | float | int | None]:
    result: dict[str, tuple[int, int] | float | int | None] = {"episodes": figures.episodes}
    for name in rules.RATE_NAMES:
        rate: rules.Rate = getattr(figures, name)
        result[name] = (rate.numerator, rate.denominator)
    result["average_sessions"] = figures.average_sessions
    result["median_wait_days"] = figures.median_wait_days
    return result


def in_period(specs: tuple[Spec, ...], clinician: str | None = None) -> list[Spec]:
    return [
        spec
        for spec in specs
        if spec.ended_days_ago is not None
        and spec.ended_days_ago < 365
        and clinician in (None, spec.clinician)
    ]


def run(user, group_by: str) -> services.Report:
    today = timezone.localdate()
    return services.service_report(
        user,
        access.report_scope(user),
        start=today - timedelta(days=365),
        end=today,
        group_by=group_by,
    )


def test_the_supervisors_team_report_matches_a_computation_by_hand(personas) -> None:
    build(personas)
    report = run(personas.sam, "clinician")
    dana = in_period(SPECS, "dana")
    assert [g.label for g in report.groups] == ["Dana Reyes"]  # Eli is not Sam's supervisee
    assert actual(report.groups[0]) == expected(dana)
    assert actual(report.total) == expected(dana)
    # The figures themselves, so a mistake shared by both computations still shows.
    assert expected(dana) == {
        "episodes": 6,
        "recovery": (1, 3),
        "reliable_recovery": (1, 3),
        "reliable_improvement": (2, 4),
        "reliable_deterioration": (1, 4),
        "measure_completion": (4, 5),
        "average_sessions": 3.5,
        "median_wait_days": 8.5,
    }


def test_the_program_report_covers_the_whole_service(personas) -> None:
    build(personas)
    report = run(personas.olive, "program")
    everyone = in_period(SPECS)
    assert [g.label for g in report.groups] == ["Harbor Counselling"]
    assert actual(report.groups[0]) == expected(everyone)
    assert report.aggregate_only


def test_by_month_every_episode_lands_in_the_month_it_ended(personas) -> None:
    build(personas)
    report = run(personas.sam, "month")
    ended = rules.month_key(timezone.localdate() - timedelta(days=5))
    assert [(g.label, g.episodes) for g in report.groups] == [(ended, 8)]


def test_a_report_cannot_be_grouped_in_a_way_its_scope_forbids(personas) -> None:
    today = timezone.localdate()
    with pytest.raises(ValueError, match="cannot be grouped"):
        services.service_report(
            None, access.report_scope(personas.olive), start=today, end=today, group_by="clinician"
        )


def test_running_a_report_is_audited(personas) -> None:
    from heard.audit.models import AuditEvent

    run(personas.sam, "program")
    assert AuditEvent.objects.filter(action="outcomes:report:read").count() == 1


def test_the_clinician_of_record_is_the_one_caring_when_the_episode_ended(personas) -> None:
    from heard.people.models import CareAssignment

    # Cam moves from Eli to Dana 30 days ago; the episode ends 5 days ago.
    build(personas, (Spec("eli", (18, 6), (14, 5), sessions=6, wait_days=7),))
    client = CareAssignment.objects.get(clinician=personas.eli, client__email="client0@example.org")
    now = timezone.now()
    CareAssignment.objects.filter(pk=client.pk).update(
        active_from=now - timedelta(days=90), active_to=now - timedelta(days=30)
    )
    CareAssignment.objects.create(
        organization=personas.org,
        client=client.client,
        clinician=personas.dana,
        active_from=now - timedelta(days=30),
    )
    report = run(personas.sam, "clinician")
    assert [(g.label, g.episodes) for g in report.groups] == [("Dana Reyes", 1)]
    # Had it ended before the move, it would be Eli's, and not in Sam's team report.
    CareAssignment.objects.filter(clinician=personas.dana).update(
        active_from=now - timedelta(days=2)
    )
    assert run(personas.sam, "clinician").groups == []
