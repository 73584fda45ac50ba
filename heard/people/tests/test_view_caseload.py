"""The caseload page: ranked by need, filters and search, live updates, supervisor reassign."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from heard.accounts import services as accounts
from heard.accounts.models import Role, User
from heard.appointments import services as appointments
from heard.appointments.models import AppointmentStatus
from heard.audit.models import AuditEvent
from heard.checkins import services as checkins
from heard.checkins.rules import Values
from heard.instruments import services as measures
from heard.instruments.models import MeasureSchedule
from heard.people import access, needs
from heard.people import services as people
from heard.people.models import CareAssignment, Category
from heard.people.ranking import Facts
from heard.safety import services as safety
from heard.safety.models import RiskAlert
from heard.testing.base import PASSWORD, Personas
from heard.testing.browser import new_page

pytestmark = pytest.mark.django_db

CASELOAD = reverse("people:caseload")


def _client(personas: Personas, name: str, email: str, **kw: object) -> User:
    """Another client of Dana's (or of whoever is named in `kw`)."""
    user = accounts.create_account(email=email, password=PASSWORD, full_name=name)
    accounts.add_membership(None, user=user, organization=personas.org, role=Role.CLIENT)
    people.assign_clinician(
        None,
        organization=personas.org,
        client=user,
        clinician=kw.get("clinician", personas.dana),  # type: ignore[arg-type]
    )
    return user


def _teammate(personas: Personas) -> User:
    rae = accounts.create_account(email="rae@example.org", password=PASSWORD, full_name="Rae Lopez")
    accounts.add_membership(
        None,
        user=rae,
        organization=personas.org,
        role=Role.CLINICIAN,
        supervisor=personas.sam.memberships.get(role=Role.SUPERVISOR),
    )
    return rae


def _alert(client: User, level: str = "acute") -> None:
    safety.raise_safety_signal(
        client=client,
        source="measure",
        source_id=None,
        level=level,
        categories=["ideation"],
        reason="test",
    )


def _names_in_order(page: str, *names: str) -> list[str]:
    return sorted(names, key=page.index)


def test_dana_sees_casey_first_when_casey_has_an_open_alert(
    personas: Personas, client_for: Callable[[str], Client]
) -> None:
    _client(personas, "Aaron Abbott", "aaron@example.org")
    dana = client_for("dana")
    page = dana.get(CASELOAD).content.decode()
    table = page[page.index("Who needs you first") :]
    assert _names_in_order(table, "Aaron Abbott", "Casey Morgan") == [
        "Aaron Abbott",
        "Casey Morgan",
    ]

    _alert(personas.casey)

    page = dana.get(CASELOAD).content.decode()
    table = page[page.index("Who needs you first") :]
    assert _names_in_order(table, "Aaron Abbott", "Casey Morgan") == [
        "Casey Morgan",
        "Aaron Abbott",
    ]
    assert "Open safety alert (acute)" in table


def test_reasons_name_overdue_questionnaires_worse_scores_and_missed_contact(
    personas: Personas, client_for: Callable[[str], Client]
) -> None:
    now = timezone.now()
    measures.record_assessment(
        personas.casey,
        client=personas.casey,
        instrument_id="phq-9",
        answers=[0] * 9,
        source="client",
        completed_at=now - timedelta(days=40),
    )
    measures.record_assessment(
        personas.casey,
        client=personas.casey,
        instrument_id="phq-9",
        answers=[2, 2, 2, 2, 2, 2, 2, 2, 0],
        source="client",
        completed_at=now - timedelta(days=30),
    )
    measures.schedule_measure(
        personas.dana,
        client=personas.casey,
        instrument_id="gad-7",
        every_days=7,
        before_appointments=False,
    )
    MeasureSchedule.objects.filter(client=personas.casey).update(starts_at=now - timedelta(days=10))

    page = client_for("dana").get(CASELOAD).content.decode()
    assert "Scores got reliably worse" in page
    assert "A questionnaire is overdue" in page
    assert "No contact for 30 days" in page
    assert "Getting worse" in page


def test_search_and_need_filters_work_without_javascript(
    personas: Personas, client_for: Callable[[str], Client]
) -> None:
    _client(personas, "Aaron Abbott", "aaron@example.org")
    _alert(personas.casey)
    dana = client_for("dana")

    found = dana.get(CASELOAD, {"q": "aar"}).content.decode()
    table = found[found.index("Who needs you first") :]
    assert "Aaron Abbott" in table
    assert "Casey Morgan" not in table.split("</table>")[0]

    alerts_only = dana.get(CASELOAD, {"need": "alerts"}).content.decode()
    table = alerts_only[alerts_only.index("Who needs you first") :]
    assert "Casey Morgan" in table
    assert "Aaron Abbott" not in table

    attention = dana.get(CASELOAD, {"need": "attention"}).content.decode()
    assert "Aaron Abbott" not in attention[attention.index("Who needs you first") :]

    nobody = dana.get(CASELOAD, {"q": "zzz"}).content.decode()
    assert "No one matches these filters." in nobody
    # An unknown filter falls back to everyone.
    everyone = dana.get(CASELOAD, {"need": "bogus"}).content.decode()
    assert "Aaron Abbott" in everyone[everyone.index("Who needs you first") :]


def test_htmx_polls_get_only_the_list_and_a_204_when_nothing_changed(
    personas: Personas, client_for: Callable[[str], Client]
) -> None:
    dana = client_for("dana")
    full = dana.get(CASELOAD)
    assert full.context["fingerprint"]
    fingerprint = full.context["fingerprint"]

    partial = dana.get(CASELOAD, HTTP_HX_REQUEST="true")
    body = partial.content.decode()
    assert partial.status_code == 200
    assert "<html" not in body
    assert 'id="caseload-list"' in body
    assert 'hx-trigger="every 30s"' in body
    assert "Updated" in body

    unchanged = dana.get(CASELOAD, {"since": fingerprint}, HTTP_HX_REQUEST="true")
    assert unchanged.status_code == 204

    _alert(personas.casey)
    changed = dana.get(CASELOAD, {"since": fingerprint}, HTTP_HX_REQUEST="true")
    assert changed.status_code == 200
    body = changed.content.decode()
    assert "Open safety alert" in body
    # The alerts above the list and the "Updated" status are swapped in out of band.
    assert '<div id="caseload-alerts" hx-swap-oob="innerHTML">' in body
    assert '<div id="caseload-status" hx-swap-oob="innerHTML">Updated</div>' in body

    # A colleague acknowledging the alert changes what Dana's page shows, though not the order.
    fingerprint = changed.context["fingerprint"]
    assert dana.get(CASELOAD, {"since": fingerprint}, HTTP_HX_REQUEST="true").status_code == 204
    safety.acknowledge_alert(personas.sam, alert=RiskAlert.objects.get(client=personas.casey))
    acknowledged = dana.get(CASELOAD, {"since": fingerprint}, HTTP_HX_REQUEST="true")
    assert acknowledged.status_code == 200
    assert "Sam Okafor" in acknowledged.content.decode()


def test_sam_sees_his_team_with_the_clinician_and_can_filter_by_clinician(
    personas: Personas, client_for: Callable[[str], Client]
) -> None:
    rae = _teammate(personas)
    _client(personas, "Robin Reed", "robin@example.org", clinician=rae)
    sam = client_for("sam")
    page = sam.get(CASELOAD).content.decode()
    assert "Casey Morgan" in page
    assert "Robin Reed" in page
    assert "Dana Reyes" in page
    # Eli is not in Sam's team: his client never shows.
    assert "Cam Tran" not in page

    only_rae = sam.get(CASELOAD, {"clinician": str(rae.public_id)}).content.decode()
    table = only_rae[only_rae.index("Who needs you first") :].split("</table>")[0]
    assert "Robin Reed" in table
    assert "Casey Morgan" not in table


def test_sam_reassigns_casey_to_another_clinician_in_his_team(
    personas: Personas, client_for: Callable[[str], Client]
) -> None:
    rae = _teammate(personas)
    sam = client_for("sam")
    assert "Reassign Casey" in sam.get(CASELOAD).content.decode()

    response = sam.post(
        reverse("people:caseload_reassign", args=[personas.casey.public_id]),
        {
            "to_clinician": str(rae.public_id),
            "from_clinician": str(personas.dana.public_id),
            "reason": "caseload_balance",
        },
        follow=True,
    )

    assert "Casey Morgan has a new clinician." in response.content.decode()
    assert [a.clinician for a in CareAssignment.objects.active().filter(client=personas.casey)] == [
        rae
    ]
    assert AuditEvent.objects.filter(action="care:assignment:reassign").exists()


def test_dana_cannot_reassign_and_eli_sees_nothing_of_casey(
    personas: Personas, client_for: Callable[[str], Client]
) -> None:
    rae = _teammate(personas)
    url = reverse("people:caseload_reassign", args=[personas.casey.public_id])
    data = {"to_clinician": str(rae.public_id), "reason": "other"}

    dana = client_for("dana")
    assert "Reassign Casey" not in dana.get(CASELOAD).content.decode()
    response = dana.post(url, data, follow=True)
    assert "clinicians you supervise" in response.content.decode()

    eli = client_for("eli")
    assert eli.post(url, data).status_code == 404
    assert "Casey" not in eli.get(CASELOAD).content.decode()
    assert "Casey" not in eli.get(CASELOAD, HTTP_HX_REQUEST="true").content.decode()
    assert [a.clinician for a in CareAssignment.objects.active().filter(client=personas.casey)] == [
        personas.dana
    ]


def test_a_bad_reassign_form_says_what_is_missing(
    personas: Personas, client_for: Callable[[str], Client]
) -> None:
    url = reverse("people:caseload_reassign", args=[personas.casey.public_id])
    response = client_for("sam").post(url, {}, follow=True)
    page = response.content.decode()
    assert "Choose a clinician." in page
    assert "Choose a reason for the change." in page


def test_anonymous_visitors_are_sent_to_sign_in() -> None:
    assert Client().get(CASELOAD).status_code == 302
    assert (
        Client().post("/care/clients/00000000-0000-0000-0000-000000000000/reassign/").status_code
        == 302
    )


def test_the_page_query_count_does_not_grow_with_the_caseload(
    personas: Personas,
    client_for: Callable[[str], Client],
    django_assert_max_num_queries: Any,  # pytest-django's fixture
) -> None:
    now = timezone.now()
    dana = client_for("dana")

    def add_clients(start: int, count: int) -> None:
        for i in range(start, start + count):
            user = _client(personas, f"Client {i:02d}", f"c{i}@example.org")
            measures.record_assessment(
                user, client=user, instrument_id="gad-7", answers=[1] * 7, source="client"
            )
            appointment = appointments.add_appointment(
                personas.dana, client=user, starts_at=now - timedelta(days=3)
            )
            appointments.set_appointment_status(
                personas.dana, appointment=appointment, status=AppointmentStatus.ATTENDED
            )
            appointments.open_episode(personas.dana, client=user)
            if i % 3 == 0:
                _alert(user, "urgent")

    # Dana's own caseload, and Sam's view of it as her supervisor (the clinician is read too).
    sam = client_for("sam")
    add_clients(0, 2)
    dana.get(CASELOAD)  # warm up (session, sites)
    sam.get(CASELOAD)
    with django_assert_max_num_queries(60) as small:
        dana.get(CASELOAD)
    with django_assert_max_num_queries(60) as small_team:
        sam.get(CASELOAD)
    add_clients(2, 10)
    with django_assert_max_num_queries(60) as large:
        page = dana.get(CASELOAD).content.decode()
    with django_assert_max_num_queries(60) as large_team:
        team_page = sam.get(CASELOAD).content.decode()
    assert "Client 11" in page
    assert "Client 11" in team_page
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(large_team.captured_queries) == len(small_team.captured_queries)


# --- needs.gather: the facts, directly ----------------------------------------------------------


def _dana_facts(personas: Personas) -> dict[int, Facts]:
    assignments = access.visible_assignments(personas.dana).select_related("client")
    return needs.gather(list(assignments), now=timezone.now())


def test_facts_respect_what_the_client_shares(personas: Personas) -> None:
    now = timezone.now()
    for answers, days in (([0] * 9, 20), ([2, 2, 2, 2, 2, 2, 2, 2, 0], 10)):
        measures.record_assessment(
            personas.casey,
            client=personas.casey,
            instrument_id="phq-9",
            answers=answers,
            source="client",
            completed_at=now - timedelta(days=days),
        )
    checkins.record_checkin(personas.casey, client=personas.casey, values=Values(mood=5))

    facts = _dana_facts(personas)[personas.casey.pk]
    assert facts.deteriorated
    # Check-ins are private by default: the latest contact Dana can see is the questionnaire.
    assert facts.days_since_contact == 10

    people.set_sharing(personas.casey, category=Category.CHECKINS, shared=True)
    assert _dana_facts(personas)[personas.casey.pk].days_since_contact == 0

    people.set_sharing(personas.casey, category=Category.MEASURES, shared=False)
    hidden = _dana_facts(personas)[personas.casey.pk]
    assert not hidden.deteriorated
    assert hidden.overdue_measures == 0


def test_sessions_in_the_open_episode_without_improvement_are_not_on_track(
    personas: Personas,
) -> None:
    now = timezone.now()
    appointments.open_episode(
        personas.dana, client=personas.casey, opened_at=now - timedelta(days=60)
    )
    for week in range(6):
        appointment = appointments.add_appointment(
            personas.dana, client=personas.casey, starts_at=now - timedelta(days=50 - 7 * week)
        )
        appointments.set_appointment_status(
            personas.dana, appointment=appointment, status=AppointmentStatus.ATTENDED
        )
    facts = _dana_facts(personas)[personas.casey.pk]
    assert facts.episode_sessions == 6
    assert not facts.improved_in_episode
    assert facts.days_since_contact == 15

    for answers, days in (([2, 2, 2, 2, 2, 2, 2, 2, 0], 40), ([0] * 9, 5)):
        measures.record_assessment(
            personas.casey,
            client=personas.casey,
            instrument_id="phq-9",
            answers=answers,
            source="client",
            completed_at=now - timedelta(days=days),
        )
    assert _dana_facts(personas)[personas.casey.pk].improved_in_episode


def test_gathering_takes_the_same_few_queries_for_one_client_or_ten(
    personas: Personas, django_assert_max_num_queries: Any
) -> None:
    for i in range(10):
        user = _client(personas, f"Client {i:02d}", f"c{i}@example.org")
        measures.record_assessment(
            user, client=user, instrument_id="gad-7", answers=[1] * 7, source="client"
        )
        appointments.open_episode(personas.dana, client=user)
        measures.schedule_measure(
            personas.dana,
            client=user,
            instrument_id="phq-9",
            every_days=7,
            before_appointments=True,
        )
        _alert(user, "concern")
    assignments = list(access.visible_assignments(personas.dana).select_related("client"))
    assert len(assignments) == 11
    # Sharing (2), alerts, episodes, questionnaires, appointments, check-ins, schedules.
    with django_assert_max_num_queries(8):
        facts = needs.gather(assignments, now=timezone.now())
    assert len(facts) == 11
    assert all(f.open_alerts == 1 for pk, f in facts.items() if pk != personas.casey.pk)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_caseload_fits_a_phone_without_csp_errors(
    live_server: Any, personas: Personas, browser: Any
) -> None:
    """Sam's team caseload at 390 px: stacked rows, no horizontal scrolling, no CSP errors."""
    _teammate(personas)
    _alert(personas.casey)
    base = live_server.url
    page = new_page(browser)
    page.goto(f"{base}/account/login/")
    page.get_by_label("Email").fill(personas.sam.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/account/mfa/setup/**")
    device = TOTPDevice.objects.get(user=personas.sam, confirmed=False)
    page.get_by_label("Code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    page.get_by_role("link", name="I've saved them, continue").click()
    page.wait_for_url(f"{base}/care/")
    assert page.get_by_text("Open safety alert (acute)").is_visible()
    page.get_by_text("Reassign Casey Morgan").click()
    assert page.get_by_label("New clinician").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.csp_errors == []
    shots = Path(settings.VAR_DIR) / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "caseload-supervisor-390.png"), full_page=True)


def test_when_the_session_has_ended_a_poll_sends_the_whole_page_to_sign_in(db: None) -> None:
    caseload = reverse("people:caseload")
    polled = Client().get(caseload, HTTP_HX_REQUEST="true")
    assert polled.status_code == 204
    assert polled["HX-Redirect"].startswith(reverse("accounts:login"))
    assert "next=/care/" in polled["HX-Redirect"]
    # A plain request is redirected as before.
    assert Client().get(caseload).status_code == 302


def test_a_supervisor_can_only_choose_a_clinician_from_their_team(
    personas: Personas, client_for: Callable[[str], Client]
) -> None:
    url = reverse("people:caseload_reassign", args=[personas.casey.public_id])
    # Eli is a clinician in the service, but he does not report to Sam.
    data = {"to_clinician": str(personas.eli.public_id), "reason": "other"}
    response = client_for("sam").post(url, data, follow=True)
    assert "Choose a clinician in your team." in response.content.decode()
    assert [a.clinician for a in CareAssignment.objects.active().filter(client=personas.casey)] == [
        personas.dana
    ]


def test_the_navigation_badge_counts_the_open_alerts_the_page_lists(
    personas: Personas, client_for: Callable[[str], Client]
) -> None:
    # The caseload counts its badge from the alerts it lists, not with another query.
    second = _client(personas, "Robin Hale", "robin@example.org")
    _alert(personas.casey)
    _alert(second)
    badge = '<span class="heard-nav__badge">{n}<span class="usa-sr-only"> open safety alerts'
    page = client_for("dana").get(CASELOAD).content.decode()
    assert badge.format(n=2) in page
    # An acknowledged alert is still listed, but no longer counted as open.
    safety.acknowledge_alert(personas.dana, alert=RiskAlert.objects.filter(client=second).get())
    page = client_for("dana").get(CASELOAD).content.decode()
    assert '<span class="heard-nav__badge">1<span class="usa-sr-only"> open safety alert<' in page
    # Someone else's caseload shows no badge for Dana's clients.
    assert "heard-nav__badge" not in client_for("eli").get(CASELOAD).content.decode()
