"""Safety alerts: raised through one path, seen by the care team, acknowledged, resolved."""

import uuid

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from heard.audit.models import AuditEvent, Outcome
from heard.people import services as people
from heard.safety import access, services
from heard.safety.models import AlertStatus, RiskAlert


def raise_for(client, source_id=None):
    return services.raise_safety_signal(
        client=client,
        source="measure",
        source_id=source_id,
        level="urgent",
        categories=["suicide"],
        reason="PHQ-9 question 9: Several days",
    )


def test_one_source_raises_one_alert_and_notifies_the_team_without_detail(
    personas, django_capture_on_commit_callbacks
):
    source = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True):
        first = raise_for(personas.casey, source)
        again = raise_for(personas.casey, source)
    assert first.pk == again.pk
    assert first.organization == personas.org
    assert RiskAlert.objects.count() == 1
    assert [m.to for m in mail.outbox] == [[personas.dana.email]]
    text = (
        mail.outbox[0].subject + mail.outbox[0].body + mail.outbox[0].alternatives[0][0]
    ).lower()
    for secret in ("casey", "phq", "question 9", "suicid"):
        assert secret not in text
    assert AuditEvent.objects.filter(action="safety:alert:raise").count() == 1


def test_without_a_source_id_each_signal_is_kept(personas):
    raise_for(personas.casey)
    raise_for(personas.casey)
    assert RiskAlert.objects.count() == 2


def test_a_client_without_a_care_team_still_gets_an_alert_row(
    personas, django_capture_on_commit_callbacks
):
    people.end_assignment(None, assignment=personas.casey.care_received.get())
    with django_capture_on_commit_callbacks(execute=True):
        alert = raise_for(personas.casey)
    assert alert.pk is not None
    assert mail.outbox == []


def test_the_reason_is_encrypted_at_rest(personas):
    from django.db import connection

    alert = raise_for(personas.casey)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reason FROM safety_riskalert WHERE id = %s", [alert.pk])
        (raw,) = cursor.fetchone()
    assert "PHQ" not in raw
    assert raw.startswith("enc:")


def test_acknowledge_then_resolve(personas):
    alert = raise_for(personas.casey)
    services.acknowledge_alert(personas.dana, alert=alert)
    services.acknowledge_alert(personas.sam, alert=alert)  # idempotent: Dana keeps it
    alert.refresh_from_db()
    assert alert.status == AlertStatus.ACKNOWLEDGED
    assert alert.acknowledged_by == personas.dana
    with pytest.raises(ValidationError):
        services.resolve_alert(personas.dana, alert=alert, note="   ")
    services.resolve_alert(personas.dana, alert=alert, note="Called Casey; safe; plan updated.")
    alert.refresh_from_db()
    assert alert.status == AlertStatus.RESOLVED
    assert alert.resolution_note.startswith("Called")


def test_resolving_an_open_alert_also_acknowledges_it(personas):
    alert = services.resolve_alert(personas.sam, alert=raise_for(personas.casey), note="Seen.")
    assert alert.acknowledged_by == personas.sam


def test_visible_alerts_follow_the_care_team(personas):
    alert = raise_for(personas.casey)
    assert list(access.visible_alerts(personas.dana)) == [alert]
    assert list(access.visible_alerts(personas.sam)) == [alert]
    assert list(access.visible_alerts(personas.eli)) == []
    services.resolve_alert(personas.dana, alert=alert, note="Done.")
    assert list(access.visible_alerts(personas.dana)) == []
    assert list(access.visible_alerts(personas.dana, include_resolved=True)) == [alert]


def test_access_alert_checks_the_care_team_and_audits(personas):
    alert = raise_for(personas.casey)
    assert access.access_alert(personas.dana, alert.public_id, action="x:read") == alert
    for who, ident in (
        (personas.eli, alert.public_id),
        (personas.casey, alert.public_id),
        (personas.dana, uuid.uuid4()),
        (personas.dana, "not-a-uuid"),
    ):
        with pytest.raises(Http404):
            access.access_alert(who, ident, action="x:read")
    assert AuditEvent.objects.filter(action="x:read", outcome=Outcome.DENIED).count() == 4


def test_the_caseload_shows_open_alerts_first_with_a_count(client_for, personas):
    raise_for(personas.casey)
    page = client_for("dana").get(reverse("people:caseload")).content.decode()
    assert "1 open" in page
    assert page.index("Safety alerts") < page.index("People you care for")
    assert "Casey" in page
    # The reason (clinical) is on the client's record, not the caseload.
    assert "question 9" not in page
    record = client_for("dana").get(
        reverse("people:client_record", args=[personas.casey.public_id])
    )
    assert "question 9" in record.content.decode()
    assert (
        "No open safety alerts"
        in client_for("eli").get(reverse("people:caseload")).content.decode()
    )


def test_acknowledge_and_resolve_through_the_pages(client_for, personas):
    alert = raise_for(personas.casey)
    dana = client_for("dana")
    record = reverse("people:client_record", args=[personas.casey.public_id])
    response = dana.post(
        reverse("safety:alert_acknowledge", args=[alert.public_id]), {"next": record}
    )
    assert response["Location"] == record
    response = dana.post(
        reverse("safety:alert_resolve", args=[alert.public_id]),
        {"note": "", "next": "https://evil.example/"},
        follow=True,
    )
    assert "Please say briefly what was done" in response.content.decode()
    alert.refresh_from_db()
    assert alert.status == AlertStatus.ACKNOWLEDGED
    dana.post(reverse("safety:alert_resolve", args=[alert.public_id]), {"note": "Spoke today."})
    alert.refresh_from_db()
    assert alert.status == AlertStatus.RESOLVED


@pytest.mark.parametrize("who", ["eli", "casey", "olive"])
def test_others_cannot_act_on_an_alert(client_for, personas, who):
    alert = raise_for(personas.casey)
    c = client_for(who)
    assert c.post(reverse("safety:alert_acknowledge", args=[alert.public_id])).status_code == 404
    assert (
        c.post(reverse("safety:alert_resolve", args=[alert.public_id]), {"note": "x"}).status_code
        == 404
    )
    alert.refresh_from_db()
    assert alert.status == AlertStatus.OPEN
