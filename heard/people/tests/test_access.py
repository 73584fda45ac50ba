from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from heard.accounts import services as accounts
from heard.accounts.models import Role
from heard.audit.models import AuditEvent
from heard.people import access, services
from heard.people.models import CareAssignment, Category

pytestmark = pytest.mark.django_db


def test_it_lets_the_care_team_clinician_open_the_record_and_audits_it(personas):
    client = access.access_client(
        personas.dana, personas.casey.public_id, category=None, action="client:record:read"
    )
    assert client == personas.casey
    event = AuditEvent.objects.get(action="client:record:read")
    assert event.actor_id == personas.dana.public_id
    assert event.client_id == personas.casey.public_id
    assert event.outcome == "success"


def test_it_hides_clients_from_clinicians_not_on_the_team_and_audits_the_denial(personas):
    with pytest.raises(Http404):
        access.access_client(personas.eli, personas.casey.public_id, category=None, action="x:read")
    event = AuditEvent.objects.get(action="x:read")
    assert event.outcome == "denied"
    assert event.client_id == personas.casey.public_id


@pytest.mark.parametrize("name", ["fay", "olive", "cam"])
def test_it_hides_clients_from_facilitators_admins_and_other_clients(personas, name):
    with pytest.raises(Http404):
        access.access_client(
            personas.by_name[name], personas.casey.public_id, category=None, action="x:read"
        )


def test_missing_and_forbidden_look_the_same(personas):
    with pytest.raises(Http404):
        access.access_client(personas.dana, uuid.uuid4(), category=None, action="x:read")
    with pytest.raises(Http404):
        access.access_client(personas.dana, "not-a-uuid", category=None, action="x:read")
    # A staff member's public id is not a client id.
    with pytest.raises(Http404):
        access.access_client(personas.dana, personas.eli.public_id, category=None, action="x:read")


def test_a_client_reads_their_own_record_without_an_audit_event(personas):
    assert (
        access.access_client(
            personas.casey, personas.casey.public_id, category=Category.JOURNAL, action="self:read"
        )
        == personas.casey
    )
    assert not AuditEvent.objects.filter(action="self:read").exists()


def test_supervisor_sees_their_supervisees_clients_only(personas):
    assert (
        access.access_client(personas.sam, personas.casey.public_id, category=None, action="x")
        == personas.casey
    )
    with pytest.raises(Http404):  # Cam's clinician (Eli) is not supervised by Sam
        access.access_client(personas.sam, personas.cam.public_id, category=None, action="x")


def test_it_respects_what_the_client_chooses_to_share(personas):
    # Check-ins are private by default.
    with pytest.raises(Http404):
        access.access_client(
            personas.dana, personas.casey.public_id, category=Category.CHECKINS, action="x"
        )
    services.set_sharing(personas.casey, category=Category.CHECKINS, shared=True)
    access.access_client(
        personas.dana, personas.casey.public_id, category=Category.CHECKINS, action="x"
    )
    services.set_sharing(personas.casey, category=Category.MEASURES, shared=False)
    with pytest.raises(Http404):
        access.access_client(
            personas.dana, personas.casey.public_id, category=Category.MEASURES, action="x"
        )


def test_safety_is_always_shared_and_cannot_be_turned_off(personas):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.set_sharing(personas.casey, category=Category.SAFETY, shared=False)
    access.access_client(
        personas.dana, personas.casey.public_id, category=Category.SAFETY, action="x"
    )


def test_ending_an_assignment_takes_effect_immediately(personas):
    assignment = CareAssignment.objects.get(client=personas.casey, clinician=personas.dana)
    services.end_assignment(personas.olive, assignment=assignment)
    with pytest.raises(Http404):
        access.access_client(personas.dana, personas.casey.public_id, category=None, action="x")
    assert personas.casey not in access.visible_clients(personas.dana)


def test_future_and_past_assignments_grant_nothing(personas):
    now = timezone.now()
    CareAssignment.objects.create(
        organization=personas.org,
        client=personas.cam,
        clinician=personas.dana,
        active_from=now + timedelta(days=1),
    )
    with pytest.raises(Http404):
        access.access_client(personas.dana, personas.cam.public_id, category=None, action="x")


def test_a_deactivated_membership_ends_access(personas):
    membership = personas.dana.memberships.get(role=Role.CLINICIAN)
    accounts.deactivate_membership(personas.olive, membership=membership)
    with pytest.raises(Http404):
        access.access_client(personas.dana, personas.casey.public_id, category=None, action="x")
    client_membership = personas.cam.memberships.get(role=Role.CLIENT)
    accounts.deactivate_membership(personas.olive, membership=client_membership)
    with pytest.raises(Http404):
        access.access_client(personas.eli, personas.cam.public_id, category=None, action="x")


def test_visible_clients_lists_only_the_care_team_caseload(personas):
    assert list(access.visible_clients(personas.dana)) == [personas.casey]
    assert list(access.visible_clients(personas.eli)) == [personas.cam]
    assert list(access.visible_clients(personas.sam)) == [personas.casey]
    assert list(access.visible_clients(personas.olive)) == []
    assert list(access.visible_clients(personas.fay)) == []


def test_access_report_lists_staff_events_about_me_only(personas):
    access.access_client(
        personas.dana, personas.casey.public_id, category=None, action="client:record:read"
    )
    access.access_client(
        personas.eli, personas.cam.public_id, category=None, action="client:record:read"
    )
    events = list(access.visible_access_events(personas.casey))
    assert [e.actor_id for e in events if e.action == "client:record:read"] == [
        personas.dana.public_id
    ]
    assert all(e.client_id == personas.casey.public_id for e in events)
