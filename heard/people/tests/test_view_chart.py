"""The client chart (people:client_record): trajectories and one timeline of everything the
care team may see, filtered by kind and period, with sharing, note privacy and audit."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from heard.appointments import services as appointments
from heard.appointments.models import AppointmentStatus, EpisodeCloseReason
from heard.audit.models import AuditEvent
from heard.careplans.models import CarePlan, CarePlanVersion
from heard.checkins.models import CheckIn
from heard.instruments import services as measures
from heard.instruments.models import AssessmentSource
from heard.journal.models import EntryStatus, JournalEntry
from heard.notes import services as notes
from heard.notes.models import NoteKind
from heard.outcomes.tests.service import answers_for
from heard.people import chart, policy
from heard.people import services as people
from heard.people.models import Category
from heard.safety.models import AlertLevel, RiskAlert, SafetyPlan, SafetyPlanVersion, SignalSource
from heard.testing.browser import new_page, sign_in_staff

pytestmark = pytest.mark.django_db

PRIVATE_NOTE = "only-for-me-words"


def record_url(personas, **query) -> str:
    url = reverse("people:client_record", args=[personas.casey.public_id])
    if query:
        from urllib.parse import urlencode

        url += "?" + urlencode(query, doseq=True)
    return url


def _phq9(personas, total: int, days_ago: float):
    return measures.record_assessment(
        personas.dana,
        client=personas.casey,
        instrument_id="phq-9",
        answers=answers_for("phq-9", total),
        source=AssessmentSource.CLINICIAN,
        completed_at=timezone.now() - timedelta(days=days_ago),
    )


@pytest.fixture
def history(personas):
    """Something of every kind in Casey's last 40 days (and one questionnaire 200 days ago),
    with everything shared (check-ins and the journal are private by default)."""
    now = timezone.now()
    casey, dana = personas.casey, personas.dana
    people.set_sharing_choices(
        casey, shared={Category.MEASURES, Category.CHECKINS, Category.JOURNAL, Category.CARE_PLAN}
    )
    _phq9(personas, 6, 200)
    _phq9(personas, 5, 20)
    _phq9(personas, 17, 3)  # reliably worse than 5
    CheckIn.objects.create(
        client=casey, at=now - timedelta(days=2), mood=3, stress=8, note=PRIVATE_NOTE
    )
    JournalEntry.objects.create(
        client=casey,
        title="A long week",
        body="Words",
        status=EntryStatus.SAVED,
        saved_at=now - timedelta(days=4),
        shared_at=now - timedelta(days=4),
    )
    plan = CarePlan.objects.create(client=casey, version=1, started_by=dana, updated_by=dana)
    CarePlanVersion.objects.create(
        plan=plan, number=1, author=dana, client_agreed_at=now - timedelta(days=9)
    )
    safety_plan = SafetyPlan.objects.create(client=casey, version=1, updated_by=casey)
    SafetyPlanVersion.objects.create(plan=safety_plan, number=1, author=casey)
    episode = appointments.open_episode(
        dana,
        client=casey,
        opened_at=now - timedelta(days=30),
        referred_on=timezone.localdate(now - timedelta(days=40)),
    )
    seen = appointments.add_appointment(dana, client=casey, starts_at=now - timedelta(days=7))
    appointments.set_appointment_status(dana, appointment=seen, status=AppointmentStatus.ATTENDED)
    appointments.add_appointment(dana, client=casey, starts_at=now + timedelta(days=7))
    appointments.close_episode(
        dana,
        episode=episode,
        reason=EpisodeCloseReason.COMPLETED,
        closed_at=now - timedelta(days=1),
    )
    signed = notes.create_note(
        dana,
        client=casey,
        template="soap",
        session_date=timezone.localdate(now - timedelta(days=7)),
        fields={"subjective": "Casey talked about work."},
    )
    notes.sign_note(dana, note=signed)
    notes.create_note(dana, client=casey, template="free", fields={"text": "Still writing"})
    notes.create_note(
        dana, client=casey, template="free", kind=NoteKind.PSYCHOTHERAPY, fields={"text": "Mine"}
    )
    RiskAlert.objects.create(
        client=casey,
        organization=personas.org,
        source=SignalSource.CHECKIN,
        level=AlertLevel.URGENT,
        categories=["suicide"],
    )


def _titles(response) -> list[str]:
    return [e.title for e in response.context["chart"].events]


def test_the_chart_shows_every_kind_on_one_timeline_newest_first(personas, client_for, history):
    response = client_for("dana").get(record_url(personas))
    assert response.status_code == 200
    events = response.context["chart"].events
    assert [e.at for e in events] == sorted((e.at for e in events), reverse=True)
    assert {e.kind for e in events} == set(chart.Kind)
    titles = _titles(response)
    assert titles[0] == "Urgent safety alert raised"
    assert "PHQ-9: 17 of 27" in titles
    assert "Check-in" in titles
    assert "Shared a journal entry" in titles
    assert "Care plan version 1" in titles
    assert "Casey Morgan agreed to version 1" in titles
    assert "Safety plan version 1 saved" in titles
    assert "Treatment session: attended" in titles
    assert "Episode of care opened" in titles
    assert "Episode of care closed" in titles
    assert "Session note (SOAP), signed" in titles
    assert "Your draft session note (Free text)" in titles
    assert "Your psychotherapy note (only you can see it)" in titles
    page = response.content.decode()
    # Reliable change on the questionnaire, the referral date, and the entry links.
    worse = next(e for e in events if e.title == "PHQ-9: 17 of 27")
    assert "Reliably worse than last time" in worse.detail
    assert worse.tone == "worse"
    opened = next(e for e in events if e.title == "Episode of care opened")
    assert opened.detail.startswith("Referred ")
    assert "A long week" in page
    # Booked ahead is not history; a check-in's private note never shows.
    assert sum(1 for t in titles if t.startswith("Treatment session")) == 1
    assert PRIVATE_NOTE not in page
    # Trajectories: a PHQ-9 chart with its bands, and mood and stress from check-ins.
    (phq9,) = response.context["chart"].measure_charts
    assert phq9.instrument_name == "PHQ-9"
    assert phq9.has_bands
    assert phq9.has_deterioration
    assert [c.metric for c in response.context["chart"].checkin_charts] == ["mood", "stress"]
    assert "Trajectories" in page


def test_the_period_and_kind_filters(personas, client_for, history):
    c = client_for("dana")
    everything = _titles(c.get(record_url(personas, period="all")))
    assert "PHQ-9: 6 of 27" in everything  # 200 days ago
    assert "PHQ-9: 6 of 27" not in _titles(c.get(record_url(personas)))  # 90 days by default
    only = c.get(record_url(personas, kind=["measure", "note"], period="30"))
    kinds = {e.kind for e in only.context["chart"].events}
    assert kinds == {chart.Kind.MEASURE, chart.Kind.NOTE}
    assert _titles(only).count("PHQ-9: 5 of 27") == 1
    # Unknown values fall back to everything, over 90 days.
    fallback = c.get(record_url(personas, kind="nonsense", period="7000"))
    assert fallback.context["chart"].period == "90"
    assert fallback.context["chart"].kinds == list(chart.Kind)


def test_kinds_the_client_keeps_private_are_not_read_and_the_page_says_so(
    personas, client_for, history
):
    people.set_sharing_choices(personas.casey, shared={Category.CHECKINS})
    AuditEvent.objects.all().delete()
    response = client_for("dana").get(record_url(personas))
    kinds = {e.kind for e in response.context["chart"].events}
    assert chart.Kind.MEASURE not in kinds
    assert chart.Kind.CARE_PLAN not in kinds
    assert chart.Kind.CHECKIN in kinds
    assert chart.Kind.ALERT in kinds  # safety is always shared
    assert response.context["chart"].measure_charts == []
    assert "This person keeps these private, so they are not shown: Questionnaires" in (
        response.content.decode()
    )
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert "measure:list" not in actions
    assert "careplan:plan:versions" not in actions


def test_every_kind_read_on_opening_is_audited(personas, client_for, history):
    AuditEvent.objects.all().delete()
    client_for("dana").get(record_url(personas))
    events = AuditEvent.objects.filter(
        client_id=personas.casey.public_id, actor_id=personas.dana.public_id
    )
    assert set(events.values_list("action", flat=True)) == {
        "client:record:read",
        "safety:alert:list",
        "measure:list",
        "checkin:list",
        "journal:list",
        "careplan:plan:versions",
        "safety:plan:versions",
        "appointment:list",
        "notes:list",
    }
    assert not events.exclude(outcome="success").exists()


def test_other_people_never_see_a_clinicians_draft_or_psychotherapy_note(
    personas, client_for, history
):
    titles = _titles(client_for("sam").get(record_url(personas)))
    assert "Session note (SOAP), signed" in titles
    assert not [t for t in titles if "draft" in t or "psychotherapy" in t]


def test_the_client_opening_their_own_record_sees_no_care_team_records(
    personas, client_for, history
):
    response = client_for("casey").get(record_url(personas))
    assert response.status_code == 200
    kinds = {e.kind for e in response.context["chart"].events}
    assert kinds.isdisjoint({chart.Kind.NOTE, chart.Kind.SAFETY_PLAN, chart.Kind.ALERT})
    assert chart.Kind.MEASURE in kinds
    values = [value for value, _label, _checked in response.context["kind_choices"]]
    assert "note" not in values


def test_strangers_get_a_404(personas, client_for, history):
    assert client_for("eli").get(record_url(personas)).status_code == 404
    assert client_for("olive").get(record_url(personas)).status_code == 404


def test_the_timeline_keeps_the_newest_entries_when_there_are_too_many(
    personas, client_for, monkeypatch
):
    monkeypatch.setattr(chart, "LIMIT", 3)
    people.set_sharing_choices(personas.casey, shared={Category.CHECKINS})
    now = timezone.now()
    for hours in range(5):
        CheckIn.objects.create(client=personas.casey, at=now - timedelta(hours=hours), mood=5)
    response = client_for("dana").get(record_url(personas, kind="checkin"))
    shown = response.context["chart"]
    assert shown.truncated
    assert len(shown.events) == 3
    assert shown.events[0].at == max(c.at for c in CheckIn.objects.all())
    assert "Only the newest entries are shown" in response.content.decode()


def test_an_empty_timeline_says_so_kindly(personas, client_for):
    response = client_for("dana").get(record_url(personas, kind="journal"))
    assert "Nothing to show for this period." in response.content.decode()


def test_the_chart_runs_the_same_queries_however_long_the_history(personas, client_for, history):
    c = client_for("dana")
    c.get(record_url(personas))
    with CaptureQueriesContext(connection) as before:
        c.get(record_url(personas))
    now = timezone.now()
    for days in range(1, 11):
        CheckIn.objects.create(
            client=personas.casey, at=now - timedelta(days=days, hours=1), mood=6
        )
        _phq9(personas, 8, days + 0.5)
        seen = appointments.add_appointment(
            personas.dana, client=personas.casey, starts_at=now - timedelta(days=days, hours=3)
        )
        appointments.set_appointment_status(
            personas.dana, appointment=seen, status=AppointmentStatus.ATTENDED
        )
    with CaptureQueriesContext(connection) as after:
        c.get(record_url(personas))
    assert len(after.captured_queries) == len(before.captured_queries)


def test_shared_categories_agrees_with_shares_one_by_one(personas):
    people.set_sharing_choices(personas.casey, shared={Category.JOURNAL, Category.MEASURES})
    everything = policy.shared_categories(personas.casey)
    for category, _label in Category.choices:
        assert (category in everything) is policy.shares(personas.casey, category)
    # Never chosen: the defaults apply.
    assert policy.shared_categories(personas.cam) == {
        category for category, _label in Category.choices if policy.shares(personas.cam, category)
    }


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_filtering_the_timeline_in_a_browser_swaps_it_and_moves_focus_to_it(
    live_server: Any, personas, browser: Any
) -> None:
    """Dana, at 390 px, keeps only session notes: htmx swaps the chart in place, the address
    keeps the filter, focus lands on the timeline's heading, and no CSP errors."""
    from playwright.sync_api import expect  # the browser extra; never a string eval (CSP)

    now = timezone.now()
    _phq9(personas, 5, 20)
    signed = notes.create_note(
        personas.dana,
        client=personas.casey,
        template="soap",
        session_date=timezone.localdate(now - timedelta(days=2)),
        fields={"subjective": "Talked about sleep."},
    )
    notes.sign_note(personas.dana, note=signed)
    page = new_page(browser)
    sign_in_staff(page, live_server.url, personas.dana)
    page.goto(live_server.url + record_url(personas))
    tags = page.locator(".heard-timeline__tag")
    assert set(tags.all_inner_texts()) == {"QUESTIONNAIRE", "NOTE"}
    for kind in chart.Kind:
        if kind is not chart.Kind.NOTE:
            page.locator(f"label[for=kind-{kind.value}]").click()
    with page.expect_response(lambda r: "kind=note" in r.url):
        page.get_by_role("button", name="Update timeline").click()
    expect(page.locator("#timeline-h")).to_be_focused()
    assert set(tags.all_inner_texts()) == {"NOTE"}
    assert "kind=note" in page.url
    assert page.locator("#chart").count() == 1  # swapped in place, not nested
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.csp_errors == []
