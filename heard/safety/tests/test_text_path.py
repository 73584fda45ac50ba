"""The one path for client text: saved first, screened, crisis screen shown, alert raised —
and when screening fails or hangs, the person still sees help and the team is still told."""

import threading
import uuid
from types import SimpleNamespace

import pytest
from django.core import mail
from django.urls import reverse

from heard.audit.models import AuditEvent
from heard.people import services as people
from heard.safety import services
from heard.safety.models import ContactRequest, RiskAlert
from heard.testing.base import sign_in

REACH_OUT = reverse("safety:reach_out")


def finding(level="urgent", *, crisis=True, about="self", categories=("suicide",)):
    return SimpleNamespace(
        level=level,
        categories=categories,
        crisis=crisis,
        about=about,
        explanation='Talks about wanting to die ("I want to die").',
    )


@pytest.fixture
def screen_returns(monkeypatch):
    """Make the screener return a fixed finding (the engine has its own tests)."""

    def install(result):
        monkeypatch.setattr(services, "_screener", lambda: lambda text, lang: result)

    return install


def check(client, text="I want to die"):
    return services.screen_client_text(client=client, text=text, source_id=uuid.uuid4())


def test_a_crisis_finding_raises_an_alert_and_asks_for_the_crisis_screen(personas, screen_returns):
    screen_returns(finding())
    result = check(personas.casey)
    assert result.show_crisis_screen
    assert not result.failed
    assert result.alert is not None
    assert result.alert.level == "urgent"
    assert result.alert.reason.startswith("Talks about wanting to die")


def test_worry_about_someone_else_is_not_a_crisis_of_the_writer(personas, screen_returns):
    screen_returns(finding("concern", crisis=False, about="someone_else"))
    result = check(personas.casey, "my friend talks about ending it")
    assert not result.show_crisis_screen
    assert result.show_helping_someone
    assert result.alert is None
    assert RiskAlert.objects.count() == 0


def test_nothing_found_raises_nothing(personas, screen_returns):
    screen_returns(finding("none", crisis=False, about="", categories=()))
    result = check(personas.casey, "the exam is killing me")
    assert not result.show_crisis_screen
    assert result.alert is None


def test_a_concern_about_the_writer_alerts_only_when_the_caller_asks(personas, screen_returns):
    screen_returns(finding("concern", crisis=False))
    assert check(personas.casey).alert is None
    result = services.screen_client_text(
        client=personas.casey, text="hmm", source_id=uuid.uuid4(), alert_from="concern"
    )
    assert result.alert is not None
    assert result.alert.level == "concern"


def test_when_screening_raises_the_fail_safe_shows_help_and_alerts(personas, monkeypatch):
    def broken():
        def run(text, lang):
            raise RuntimeError("injected fault")

        return run

    monkeypatch.setattr(services, "_screener", broken)
    result = check(personas.casey)
    assert result.failed
    assert result.show_crisis_screen
    assert result.alert.source == "unscreened"
    assert result.alert.level == "urgent"


def test_when_screening_hangs_the_fail_safe_takes_over_at_the_deadline(
    personas, monkeypatch, settings
):
    settings.HEARD_SCREENING_TIMEOUT_MS = 50
    release = threading.Event()

    def slow():
        def run(text, lang):
            release.wait(5)
            return finding()

        return run

    monkeypatch.setattr(services, "_screener", slow)
    try:
        result = check(personas.casey)
    finally:
        release.set()
    assert result.failed
    assert result.show_crisis_screen
    assert result.alert.source == "unscreened"


# --- Asking the care team to get in touch (pages) -----------------------------------------------


def test_a_plain_request_reaches_the_care_team_without_detail(
    client, personas, django_capture_on_commit_callbacks
):
    sign_in(client, personas.casey)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REACH_OUT, {"how": "phone", "note": "", "key": "k1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("safety:reach_out_sent")
    request = ContactRequest.objects.get()
    assert request.how == "phone"
    assert [m.to for m in mail.outbox] == [[personas.dana.email]]
    assert "casey" not in (mail.outbox[0].subject + mail.outbox[0].body).lower()
    assert AuditEvent.objects.filter(action="safety:contact:request").count() == 1


def test_a_note_at_risk_goes_to_the_crisis_screen_and_is_saved(client, personas, screen_returns):
    screen_returns(finding())
    sign_in(client, personas.casey)
    response = client.post(REACH_OUT, {"how": "any", "note": "I want to die", "key": "k2"})
    request = ContactRequest.objects.get()
    assert request.note == "I want to die"
    alert = RiskAlert.objects.get()
    assert alert.source == "text"
    assert alert.source_id == request.public_id
    assert request.alert == alert
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('safety:support')}?saved=1&alert={alert.public_id}"
    page = client.get(response["Location"])
    body = page.content.decode()
    assert "What you wrote is saved" in body
    assert 'href="tel:988"' in body
    assert "You've asked your care team to get in touch" in body


def test_a_failed_screen_still_shows_the_crisis_screen(client, personas, monkeypatch):
    monkeypatch.setattr(services, "_screener", lambda: None)  # calling None raises
    sign_in(client, personas.casey)
    response = client.post(REACH_OUT, {"how": "any", "note": "anything", "key": "k3"})
    assert "unscreened=1" in response["Location"]
    assert RiskAlert.objects.get().source == "unscreened"
    assert ContactRequest.objects.get().note == "anything"


def test_worry_about_a_friend_shows_how_to_help_them(client, personas, screen_returns):
    screen_returns(finding("concern", crisis=False, about="someone_else"))
    sign_in(client, personas.casey)
    response = client.post(REACH_OUT, {"how": "any", "note": "my friend", "key": "k4"}, follow=True)
    assert b"When you're worried about someone" in response.content
    assert RiskAlert.objects.count() == 0


def test_a_double_submit_sends_one_request(client, personas, screen_returns):
    screen_returns(finding("none", crisis=False, about="", categories=()))
    sign_in(client, personas.casey)
    for _ in range(2):
        client.post(REACH_OUT, {"how": "text", "note": "call me", "key": "same"})
    assert ContactRequest.objects.count() == 1


def test_a_long_note_is_refused_kindly_and_nothing_is_saved(client, personas):
    sign_in(client, personas.casey)
    response = client.post(REACH_OUT, {"how": "any", "note": "x" * 4001, "key": "k5"})
    assert response.status_code == 200
    assert b"Please keep the note under 4000 characters" in response.content
    assert ContactRequest.objects.count() == 0


def test_an_unknown_way_to_be_contacted_is_refused(personas):
    with pytest.raises(services.ValidationError):
        services.ask_care_team(personas.casey, how="pigeon")
    with pytest.raises(services.ValidationError):
        services.ask_care_team(personas.casey, how="any", note="x" * 4001)
    assert ContactRequest.objects.count() == 0


def test_someone_elses_alert_cannot_be_attached(personas):
    theirs = services.raise_safety_signal(
        client=personas.cam, source="text", source_id=None, level="urgent", categories=[], reason=""
    )
    with pytest.raises(services.ValidationError):
        services.ask_care_team(personas.casey, how="any", alert=theirs)


def test_without_a_care_team_there_is_no_form_and_nothing_is_saved(client, personas):
    people.end_assignment(None, assignment=personas.casey.care_received.get())
    sign_in(client, personas.casey)
    page = client.get(REACH_OUT)
    assert b"You don't have a care team in Heard yet" in page.content
    client.post(REACH_OUT, {"how": "any", "key": "k6"})
    assert ContactRequest.objects.count() == 0


def test_the_care_team_sees_the_request_and_marks_it_done(client, personas, screen_returns):
    screen_returns(finding("none", crisis=False, about="", categories=()))
    request, _ = services.ask_care_team(personas.casey, how="phone", note="please call after 5")
    sign_in(client, personas.dana)
    record = client.get(reverse("people:client_record", args=[personas.casey.public_id]))
    assert b"please call after 5" in record.content
    caseload = client.get(reverse("people:caseload"))
    assert b"Asked to be contacted" in caseload.content
    # The caseload lists who asked, never the note itself.
    assert b"please call after 5" not in caseload.content
    done = reverse("safety:contact_done", args=[request.public_id])
    assert client.post(done).status_code == 302
    request.refresh_from_db()
    assert request.status == "done"
    assert request.done_by == personas.dana
    # Marking it again (another tab) changes nothing.
    services.complete_contact_request(personas.sam, request=request)
    request.refresh_from_db()
    assert request.done_by == personas.dana
    assert b"Asked to be contacted" not in client.get(reverse("people:caseload")).content


def test_an_unrelated_clinician_cannot_touch_the_request(client, personas):
    request, _ = services.ask_care_team(personas.casey, how="phone")
    sign_in(client, personas.eli)
    done = reverse("safety:contact_done", args=[request.public_id])
    assert client.post(done).status_code == 404
    assert client.post(reverse("safety:contact_done", args=[uuid.uuid4()])).status_code == 404
    request.refresh_from_db()
    assert request.status == "open"


# --- The crisis screen --------------------------------------------------------------------------


def test_the_crisis_screen_is_never_a_login_wall(client):
    response = client.get(reverse("safety:support"))
    assert response.status_code == 302
    assert response["Location"] == reverse("safety:help_now")


def test_the_crisis_screen_offers_lines_plan_and_the_care_team(client, personas):
    sign_in(client, personas.casey)
    body = client.get(reverse("safety:support")).content.decode()
    assert "Support is here for you" in body
    assert 'href="tel:988"' in body
    assert 'href="sms:741741' in body
    assert 'id="heard-plan-heading"' in body or "safety plan" in body.lower()
    assert "Ask my care team to get in touch" in body
    assert AuditEvent.objects.filter(action="safety:crisis:shown").count() == 1


def test_the_crisis_screen_ignores_someone_elses_alert(client, personas):
    theirs = services.raise_safety_signal(
        client=personas.cam, source="text", source_id=None, level="urgent", categories=[], reason=""
    )
    sign_in(client, personas.casey)
    response = client.get(reverse("safety:support") + f"?alert={theirs.public_id}")
    assert response.context["alert"] is None


def test_my_space_keeps_support_in_view_until_the_team_resolves_the_alert(client, personas):
    alert = services.raise_safety_signal(
        client=personas.casey,
        source="text",
        source_id=None,
        level="urgent",
        categories=[],
        reason="",
    )
    sign_in(client, personas.casey)
    home = reverse("people:client_home")
    assert b"Support is here whenever you need it" in client.get(home).content
    services.acknowledge_alert(personas.dana, alert=alert)
    assert b"Support is here whenever you need it" in client.get(home).content
    services.resolve_alert(personas.dana, alert=alert, note="Called; safe, plan reviewed.")
    assert b"Support is here whenever you need it" not in client.get(home).content


def test_the_questionnaire_support_page_offers_to_ask_the_care_team(client, personas):
    from heard.instruments import services as measures

    assessment = measures.start_assessment(
        personas.casey, client=personas.casey, instrument_id="phq-9"
    )
    for number in range(1, 10):
        measures.answer_item(personas.casey, assessment=assessment, number=number, value=1)
    sign_in(client, personas.casey)
    page = client.get(reverse("instruments:support", args=[assessment.public_id]))
    body = page.content.decode()
    alert = RiskAlert.objects.get()
    assert f'value="{alert.public_id}"' in body
    client.post(REACH_OUT, {"how": "any", "alert": str(alert.public_id), "key": "k7"})
    assert ContactRequest.objects.get().alert == alert
    page = client.get(reverse("instruments:support", args=[assessment.public_id]))
    assert b"You've asked your care team to get in touch" in page.content
