"""Browser test of issue 7's "done when": a clinician opens her caseload and sees the client in
crisis first, opens the chart, writes and signs a SOAP note; her supervisor runs the service
report and its figures match a computation done by hand in this file. Debian's chromium
through Playwright, at phone width (390 px), with the caseload and report also at 1280 px.
Screenshots go to var/screenshots/workspace-*.png.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from heard.accounts import services as accounts
from heard.accounts.models import Role, User
from heard.appointments import services as appointments
from heard.appointments.models import AppointmentStatus, EpisodeCloseReason
from heard.instruments import services as measures
from heard.instruments.models import AssessmentSource
from heard.notes import services as notes
from heard.notes.models import NoteStatus, SessionNote
from heard.people import services as people
from heard.safety.models import AlertLevel, AlertStatus, RiskAlert
from heard.testing.base import PASSWORD, Personas
from heard.testing.browser import new_page
from tests.browser.test_crisis_flow import sign_in_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.VAR_DIR) / "screenshots"

SUBJECTIVE = "Sleeping four hours a night since the move; worried about rent."
OBJECTIVE = "Tired, spoke slowly, good eye contact. PHQ-9 taken in the waiting room."
ASSESSMENT = "Low mood with a clear trigger; made a safety plan together today."
PLAN = "Daily walk before work; call the housing advice line; see again Thursday."


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"workspace-{name}.png"), full_page=True)


def clean(text: str) -> str:
    return " ".join(text.split())


# --- Set-up through the services ----------------------------------------------------------


def phq9(total: int, *, item9: int = 0) -> list[int | None]:
    """PHQ-9 answers adding up to `total`, filling items 1-8 first; item 9 as given."""
    answers: list[int | None] = []
    remaining = total - item9
    for _item in range(8):
        step = min(remaining, 3)
        answers.append(step)
        remaining -= step
    assert remaining == 0, "a total this high needs item 9"
    return [*answers, item9]


def gad7(total: int) -> list[int | None]:
    answers: list[int | None] = []
    remaining = total
    for _item in range(7):
        step = min(remaining, 3)
        answers.append(step)
        remaining -= step
    return answers


def person(personas: Personas, name: str, role: str, **kw: object) -> User:
    email = name.lower().replace(" ", ".") + "@example.org"
    user = accounts.create_account(email=email, password=PASSWORD, full_name=name)
    accounts.add_membership(None, user=user, organization=personas.org, role=role, **kw)  # type: ignore[arg-type]
    return user


def client_of(personas: Personas, name: str, clinician: User) -> User:
    client = person(personas, name, Role.CLIENT)
    people.assign_clinician(None, organization=personas.org, client=client, clinician=clinician)
    return client


def danas_caseload(personas: Personas) -> dict[str, User]:
    """Casey (persona) and three more clients of Dana's. Alphabetically the client in crisis
    (Wren) would come last."""
    now = timezone.now()
    abel = client_of(personas, "Abel Stone", personas.dana)  # nothing flagged
    omar = client_of(personas, "Omar Fischer", personas.dana)  # reliably worse
    for days_ago, total in ((20, 5), (6, 15)):  # PHQ-9 5 -> 15: +10, reliable change is 6
        measures.record_assessment(
            omar,
            client=omar,
            instrument_id="phq-9",
            answers=phq9(total),
            source=AssessmentSource.CLIENT,
            completed_at=now - timedelta(days=days_ago),
        )
    wren = client_of(personas, "Wren Taylor", personas.dana)
    # Item 9 ("thoughts that you would be better off dead...") answered: an urgent alert.
    measures.record_assessment(
        wren,
        client=wren,
        instrument_id="phq-9",
        answers=phq9(14, item9=2),
        source=AssessmentSource.CLIENT,
        completed_at=now - timedelta(hours=1),
    )
    alert = RiskAlert.objects.get(client=wren)
    assert (alert.level, alert.status) == (AlertLevel.URGENT, AlertStatus.OPEN)
    return {"abel": abel, "omar": omar, "wren": wren}


@dataclass(frozen=True)
class Course:
    """One finished course of care: first/last PHQ-9 and GAD-7, attended treatment sessions,
    and days from the opening (no separate referral date) to the first session."""

    phq9: tuple[int, ...]
    gad7: tuple[int, ...]
    sessions: int
    wait_days: int


# Two more clinicians in Sam's team, so Dana's caseload above stays as it is.
RAE = (
    Course((18, 6), (14, 5), sessions=6, wait_days=7),  # R1
    Course((15, 12), (10, 9), sessions=4, wait_days=14),  # R2
    Course((12, 20), (9, 15), sessions=3, wait_days=3),  # R3
    Course((16, 5), (12, 3), sessions=1, wait_days=0),  # R4
)
NOOR = (
    Course((6, 2), (5, 0), sessions=5, wait_days=10),  # N1
    Course((20, 8), (11,), sessions=2, wait_days=21),  # N2
    Course((14, 4), (10, 2), sessions=3, wait_days=2),  # N3
)


def finished_courses(personas: Personas, clinician: User, courses: tuple[Course, ...]) -> None:
    """Each course: an episode opened 65 days ago at local noon and closed 5 days ago, its
    sessions attended on consecutive days, PHQ-9 and GAD-7 on days 1 and 50."""
    zone = timezone.get_current_timezone()
    today = timezone.localdate()
    opened = datetime.combine(today - timedelta(days=65), time(12), tzinfo=zone)
    closed = datetime.combine(today - timedelta(days=5), time(12), tzinfo=zone)
    first_name = clinician.full_name.split()[0]
    for number, course in enumerate(courses, start=1):
        client = client_of(personas, f"{first_name} Client{number}", clinician)
        episode = appointments.open_episode(clinician, client=client, opened_at=opened)
        for day in range(course.sessions):
            booked = appointments.add_appointment(
                clinician,
                client=client,
                starts_at=opened + timedelta(days=course.wait_days + day),
            )
            appointments.set_appointment_status(
                clinician, appointment=booked, status=AppointmentStatus.ATTENDED
            )
        for instrument_id, totals in (("phq-9", course.phq9), ("gad-7", course.gad7)):
            for index, total in enumerate(totals):
                measures.record_assessment(
                    clinician,
                    client=client,
                    instrument_id=instrument_id,
                    answers=phq9(total) if instrument_id == "phq-9" else gad7(total),
                    source=AssessmentSource.CLINICIAN,
                    completed_at=opened + timedelta(days=1 + 49 * index),
                )
        appointments.close_episode(
            clinician, episode=episode, reason=EpisodeCloseReason.COMPLETED, closed_at=closed
        )


# --- The figures, worked out by hand ------------------------------------------------------
#
# NHS Talking Therapies: caseness PHQ-9 >= 10 or GAD-7 >= 8; reliable change PHQ-9 6 points,
# GAD-7 4 points; finished treatment = 2 or more attended treatment sessions; the outcome
# rates count finished courses with a first and last PHQ-9 AND GAD-7 ("paired").
#
#       PHQ-9    GAD-7   sessions finished paired  caseness at start/end   change
# R1    18->6    14->5   6        yes      yes     yes / no  -> recovered  -12, -9: improved
# R2    15->12   10->9   4        yes      yes     yes / yes -> not        -3, -1: no change
# R3    12->20    9->15  3        yes      yes     yes / yes -> not        +8, +6: worse
# R4    16->5    12->3   1        no       -       (not counted: did not finish treatment)
# N1     6->2     5->0   5        yes      yes     no: not in recovery's denominator; -4, -5:
#                                                  improved (GAD-7 -5 is reliable)
# N2    20->8    11      2        yes      no      (no last GAD-7: not counted in rates)
# N3    14->4    10->2   3        yes      yes     yes / no  -> recovered  -10, -8: improved
#
# Rae (R1-R4), 4 ended:
#   recovery 1 of 3 (R1 of R1,R2,R3) = 33.3%; reliable improvement 1 of 3 (R1) = 33.3%;
#   reliable recovery 1 of 3 (R1) = 33.3%; reliable deterioration 1 of 3 (R3) = 33.3%;
#   paired measures 3 of 3 finished = 100.0%; average sessions (6+4+3+1)/4 = 14/4 = 3.5;
#   median wait of 0,3,7,14 = (3+7)/2 = 5.
# Noor (N1-N3), 3 ended:
#   recovery 1 of 1 (N3; N1 started below caseness) = 100.0%; reliable improvement 2 of 2
#   (N1, N3) = 100.0%; reliable recovery 1 of 1 = 100.0%; deterioration 0 of 2 = 0.0%;
#   paired measures 2 of 3 (N1, N3 of N1-N3) = 66.7%; average sessions (5+2+3)/3 = 10/3 = 3.3;
#   median wait of 2,10,21 = 10.
# All (Sam's team), 7 ended:
#   recovery (1+1) of (3+1) = 2 of 4 = 50.0%; reliable improvement (1+2) of (3+2) = 3 of 5
#   = 60.0%; reliable recovery 2 of 4 = 50.0%; deterioration (1+0) of 5 = 20.0%;
#   paired measures (3+2) of (3+3) = 5 of 6 = 83.3%; average sessions 24/7 = 3.43 -> 3.4;
#   median wait of 0,2,3,7,10,14,21 = 7.
#
# Columns: ended, recovery, reliable improvement, reliable recovery, reliable deterioration,
# paired measures, average sessions (courses), median wait (courses with a first session).
EXPECTED = {
    "Noor Haddad": [
        "3",
        "100.0% (1 of 1)",
        "100.0% (2 of 2)",
        "100.0% (1 of 1)",
        "0.0% (0 of 2)",
        "66.7% (2 of 3)",
        "3.3 (3 courses of care)",
        "10 (3 courses of care)",
    ],
    "Rae Lopez": [
        "4",
        "33.3% (1 of 3)",
        "33.3% (1 of 3)",
        "33.3% (1 of 3)",
        "33.3% (1 of 3)",
        "100.0% (3 of 3)",
        "3.5 (4 courses of care)",
        "5 (4 courses of care)",
    ],
    "All": [
        "7",
        "50.0% (2 of 4)",
        "60.0% (3 of 5)",
        "50.0% (2 of 4)",
        "20.0% (1 of 5)",
        "83.3% (5 of 6)",
        "3.4 (7 courses of care)",
        "7 (7 courses of care)",
    ],
}


def report_table(page) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Row label -> the cells after it, as shown (whitespace collapsed)."""
    table = {}
    for row in page.locator("table.heard-table > tbody > tr, table.heard-table > tfoot > tr").all():
        label = clean(row.locator("th").inner_text())
        table[label] = [clean(cell.text_content() or "") for cell in row.locator("td").all()]
    return table


def raw_note_content() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM notes_sessionnote")
        return [row[0] for row in cursor.fetchall()]


# --- The test -----------------------------------------------------------------------------


def test_crisis_first_a_signed_note_and_a_report_that_adds_up(live_server, personas, browser):
    base = live_server.url
    clients = danas_caseload(personas)
    team = personas.sam.memberships.get(role=Role.SUPERVISOR)
    rae = person(personas, "Rae Lopez", Role.CLINICIAN, supervisor=team)
    noor = person(personas, "Noor Haddad", Role.CLINICIAN, supervisor=team)
    finished_courses(personas, rae, RAE)
    finished_courses(personas, noor, NOOR)

    # 1. Dana lands on her caseload: Wren (in crisis) first, though last by name.
    dana = new_page(browser)
    sign_in_staff(dana, base, personas.dana)
    assert dana.get_by_role("heading", level=1).inner_text() == "Your caseload"
    rows = dana.locator("table.heard-caseload tbody tr")
    names = [clean(n) for n in rows.locator("th").all_inner_texts()]
    # text_content: the tags are upper case on screen (CSS) but not in the page.
    needs = [clean(n) for n in rows.locator("td[data-label='Need']").all_text_contents()]
    assert list(zip(names, needs, strict=True)) == [
        ("Wren Taylor", "Safety alert"),
        ("Omar Fischer", "Getting worse"),
        ("Abel Stone", "Nothing flagged"),
        ("Casey Morgan", "Nothing flagged"),
    ]
    assert clean(rows.first.locator("td[data-label='Why']").inner_text()) == (
        "Open safety alert (urgent)"
    )
    assert "Scores got reliably worse" in rows.nth(1).inner_text()
    shot(dana, "caseload-phone")
    dana.set_viewport_size({"width": 1280, "height": 900})
    shot(dana, "caseload-wide")
    dana.set_viewport_size({"width": 390, "height": 844})

    # 2. The chart: the alert at the top, then her session notes.
    rows.first.get_by_role("link", name="Wren Taylor").click()
    dana.wait_for_url(f"**/care/clients/{clients['wren'].public_id}/")
    assert dana.get_by_role("heading", level=1).inner_text() == "Wren Taylor"
    main_headings = dana.locator("main h2").all_text_contents()
    assert clean(main_headings[0]) == "Safety alerts 1 open"
    alert = dana.locator(".heard-alert-item").first
    assert alert.is_visible()
    assert "Urgent" in alert.inner_text()
    shot(dana, "chart-phone")

    # 3. A SOAP note: draft, then signed and locked.
    dana.get_by_role("link", name="Session notes").click()
    dana.wait_for_url("**/notes/")
    dana.get_by_role("link", name="SOAP", exact=True).click()
    dana.get_by_label("Subjective").fill(SUBJECTIVE)
    dana.get_by_label("Objective").fill(OBJECTIVE)
    dana.get_by_label("Assessment").fill(ASSESSMENT)
    dana.get_by_label("Plan", exact=True).fill(PLAN)
    dana.get_by_role("button", name="Save draft").click()
    dana.wait_for_url("**/care/notes/*/")
    assert dana.get_by_text("Draft saved. Sign it when it is ready.").is_visible()
    assert dana.get_by_text("Draft by Dana Reyes").is_visible()
    note = SessionNote.objects.get(client=clients["wren"])
    assert note.status == NoteStatus.DRAFT
    dana.get_by_role("button", name="Save and sign").click()
    dana.get_by_text("Note signed.").wait_for()  # the same address: wait for the message
    assert dana.get_by_text("Signed by Dana Reyes", exact=False).is_visible()
    # Locked: the text shown, no fields to change it, no sign or delete; an addendum instead.
    assert dana.get_by_text(PLAN).is_visible()
    assert dana.locator("form textarea[name='subjective']").count() == 0
    assert dana.get_by_role("button", name="Save and sign").count() == 0
    assert dana.get_by_role("button", name="Delete this draft").count() == 0
    assert dana.get_by_role("heading", name="Addenda").is_visible()
    assert dana.get_by_label("Addendum").is_visible()
    assert dana.get_by_role("button", name="Add addendum").is_visible()
    shot(dana, "note-signed-phone")
    # Through the services: signed by Dana, every field kept; encrypted in the database.
    note.refresh_from_db()
    assert note.status == NoteStatus.SIGNED
    assert note.signed_by == personas.dana
    assert notes.fields_of(note) == {
        "subjective": SUBJECTIVE,
        "objective": OBJECTIVE,
        "assessment": ASSESSMENT,
        "plan": PLAN,
    }
    (stored,) = raw_note_content()
    for words in ("Sleeping four hours", "housing advice", "safety plan", "PHQ-9"):
        assert words not in stored
    assert dana.csp_errors == []

    # 4. Sam runs the service report from the navigation.
    sam = new_page(browser)
    sign_in_staff(sam, base, personas.sam)
    sam.get_by_role("navigation", name="Main").get_by_role("link", name="Service report").click()
    sam.wait_for_url("**/care/reports/")
    assert sam.get_by_role("heading", level=1).inner_text() == "Service report"
    shown = report_table(sam)
    assert shown == EXPECTED  # Dana has no finished courses: no row of her own
    shot(sam, "report-phone")
    sam.set_viewport_size({"width": 1280, "height": 900})
    shot(sam, "report-wide")

    # The CSV export: Rae's row, every rate with its counts.
    with sam.expect_download() as download_info:
        sam.get_by_role("link", name="Download as a spreadsheet (CSV)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("heard-service-report-")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(text)))
    by_group = {line[0]: dict(zip(header, line, strict=True)) for line in lines}
    assert set(by_group) == {"Rae Lopez", "Noor Haddad", "All"}
    rae_row = by_group["Rae Lopez"]
    assert rae_row["Episodes ended"] == "4"
    for rate, (value, count, out_of) in {
        "Recovery": ("33.3%", "1", "3"),
        "Reliable improvement": ("33.3%", "1", "3"),
        "Reliable recovery": ("33.3%", "1", "3"),
        "Reliable deterioration": ("33.3%", "1", "3"),
        "Paired measures": ("100.0%", "3", "3"),
    }.items():
        assert (rae_row[rate], rae_row[f"{rate}: count"], rae_row[f"{rate}: out of"]) == (
            value,
            count,
            out_of,
        )
    assert rae_row["Average sessions"] == "3.5"
    assert by_group["All"]["Recovery: count"] == "2"
    assert by_group["All"]["Recovery: out of"] == "4"
    assert sam.csp_errors == []
