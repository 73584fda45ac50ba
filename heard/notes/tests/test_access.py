"""Who reads which session notes: the care team reads signed progress notes; drafts and
psychotherapy notes are their author's alone; everyone else gets 404."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from heard.appointments import services as appointments
from heard.audit.models import AuditEvent
from heard.notes import access, services
from heard.notes.models import NoteKind
from heard.people import services as people
from heard.people.models import CareAssignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def notes(personas, note_by):
    signed = note_by(signed=True)
    draft = note_by()
    private = note_by(kind=NoteKind.PSYCHOTHERAPY, signed=True)
    private_draft = note_by(kind=NoteKind.PSYCHOTHERAPY)
    return signed, draft, private, private_draft


def test_dana_reads_all_her_notes_and_sees_her_psychotherapy_notes_apart(personas, notes):
    signed, draft, private, private_draft = notes
    client, progress, psychotherapy = access.visible_notes(personas.dana, personas.casey.public_id)
    assert client == personas.casey
    assert set(progress) == {signed, draft}
    assert set(psychotherapy) == {private, private_draft}
    for note in notes:
        assert access.access_note(personas.dana, note.public_id) == note
    assert AuditEvent.objects.filter(action="notes:read", outcome="success").count() == 4


def test_sam_reads_signed_progress_notes_but_never_psychotherapy_notes_or_drafts(personas, notes):
    signed, draft, private, private_draft = notes
    _client, progress, psychotherapy = access.visible_notes(personas.sam, personas.casey.public_id)
    assert list(progress) == [signed]
    assert list(psychotherapy) == []
    assert access.access_note(personas.sam, signed.public_id) == signed
    for hidden in (draft, private, private_draft):
        with pytest.raises(Http404):
            access.access_note(personas.sam, hidden.public_id)


def test_another_clinician_on_the_team_never_sees_danas_psychotherapy_notes(personas, notes):
    signed, _draft, private, _private_draft = notes
    people.assign_clinician(
        None, organization=personas.org, client=personas.casey, clinician=personas.eli
    )
    _client, progress, psychotherapy = access.visible_notes(personas.eli, personas.casey.public_id)
    assert list(progress) == [signed]
    assert list(psychotherapy) == []
    with pytest.raises(Http404):
        access.access_note(personas.eli, private.public_id)


@pytest.mark.parametrize("who", ["eli", "casey", "cam", "fay", "olive"])
def test_anyone_off_the_care_team_gets_404(personas, notes, who):
    signed, *_ = notes
    user = personas.by_name[who]
    with pytest.raises(Http404):
        access.visible_notes(user, personas.casey.public_id)
    with pytest.raises(Http404):
        access.access_note(user, signed.public_id)
    with pytest.raises(Http404):
        access.access_client_for_notes(user, personas.casey.public_id)
    assert AuditEvent.objects.filter(outcome="denied").count() == 3


def test_a_clinician_who_left_the_team_loses_even_their_own_notes(personas, notes):
    signed, *_ = notes
    assignment = CareAssignment.objects.get(client=personas.casey, clinician=personas.dana)
    people.end_assignment(None, assignment=assignment)
    with pytest.raises(Http404):
        access.access_note(personas.dana, signed.public_id)


def test_visitors_and_unknown_ids_get_404(personas, notes):
    visitor = AnonymousUser()
    with pytest.raises(Http404):
        access.visible_notes(visitor, personas.casey.public_id)
    with pytest.raises(Http404):
        access.access_note(visitor, notes[0].public_id)
    for bad in ("not-a-uuid", uuid.uuid4()):
        with pytest.raises(Http404):
            access.access_note(personas.dana, bad)


def test_the_treating_organization_is_only_for_treating_clinicians(personas):
    assert access.treating_organization(personas.dana, personas.casey) == personas.org
    assert access.treating_organization(personas.sam, personas.casey) is None
    assert access.access_client_for_notes(personas.sam, personas.casey.public_id) == personas.casey


def test_addenda_are_listed_oldest_first(personas, notes):
    signed = notes[0]
    first = services.add_addendum(personas.dana, note=signed, text="First.")
    second = services.add_addendum(personas.dana, note=signed, text="Second.")
    assert list(access.note_addenda(signed)) == [first, second]


def test_only_appointments_that_have_begun_can_be_linked(personas):
    now = timezone.now()
    past = appointments.add_appointment(
        personas.dana, client=personas.casey, starts_at=now - datetime.timedelta(days=1)
    )
    appointments.add_appointment(
        personas.dana, client=personas.casey, starts_at=now + datetime.timedelta(days=1)
    )
    assert list(access.linkable_appointments(personas.casey)) == [past]
