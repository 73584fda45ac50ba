"""Writing session notes: draft, sign (locks it), addenda, conflicts, audit without text."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import timezone

from heard.appointments import services as appointments
from heard.audit.models import AuditEvent
from heard.notes import services
from heard.notes.models import NoteAddendum, NoteKind, NoteStatus, SessionNote
from heard.people import services as people

pytestmark = pytest.mark.django_db


def test_a_note_starts_as_a_draft_in_the_clinicians_service(personas, note_by):
    note = note_by()
    assert note.status == NoteStatus.DRAFT
    assert note.organization == personas.org
    assert note.revision == 1
    assert services.fields_of(note)["subjective"] == "Slept better this week."
    event = AuditEvent.objects.get(action="notes:note:create")
    assert event.client_id == personas.casey.public_id
    assert event.object_id == str(note.public_id)


@pytest.mark.parametrize("who", ["sam", "eli", "olive"])
def test_only_a_clinician_treating_the_client_writes_notes(personas, who):
    with pytest.raises(services.NoteLocked):
        services.create_note(personas.by_name[who], client=personas.casey, template="free")
    assert not SessionNote.objects.exists()


def test_an_unknown_kind_or_template_is_refused(personas):
    with pytest.raises(services.NoteProblem):
        services.create_note(personas.dana, client=personas.casey, template="free", kind="x")
    with pytest.raises(services.NoteProblem):
        services.create_note(personas.dana, client=personas.casey, template="x")


def test_the_author_changes_a_draft_and_each_save_moves_the_revision(personas, note_by):
    note = note_by()
    services.update_note(
        personas.dana, note=note, fields={"plan": "Practise breathing."}, base_revision=1
    )
    note.refresh_from_db()
    assert note.revision == 2
    assert services.fields_of(note)["plan"] == "Practise breathing."
    assert services.fields_of(note)["subjective"] == ""
    # The same content again writes nothing.
    services.update_note(
        personas.dana, note=note, fields={"plan": "Practise breathing."}, base_revision=2
    )
    assert note.revision == 2
    assert AuditEvent.objects.filter(action="notes:note:update").count() == 1


def test_a_save_from_a_stale_page_is_refused_as_a_conflict(personas, note_by):
    note = note_by()
    services.update_note(personas.dana, note=note, fields={"plan": "One"}, base_revision=1)
    with pytest.raises(services.NoteConflict) as caught:
        services.update_note(personas.dana, note=note, fields={"plan": "Two"}, base_revision=1)
    assert caught.value.current_revision == 2
    assert services.fields_of(note)["plan"] == "One"
    with pytest.raises(services.NoteConflict):
        services.sign_note(personas.dana, note=note, base_revision=1)


def test_only_the_author_changes_signs_or_deletes_a_draft(personas, note_by):
    note = note_by()
    people.assign_clinician(
        None, organization=personas.org, client=personas.casey, clinician=personas.eli
    )
    for attempt in (
        lambda: services.update_note(personas.eli, note=note, fields={}, base_revision=1),
        lambda: services.sign_note(personas.eli, note=note),
        lambda: services.delete_draft(personas.eli, note=note),
    ):
        with pytest.raises(services.NoteLocked):
            attempt()
    note.refresh_from_db()
    assert note.status == NoteStatus.DRAFT


def test_a_signed_note_can_never_be_changed_or_deleted(personas, note_by):
    note = note_by()
    services.sign_note(personas.dana, note=note, base_revision=1)
    note.refresh_from_db()
    assert note.status == NoteStatus.SIGNED
    assert note.signed_by == personas.dana
    assert note.signed_at is not None
    with pytest.raises(services.NoteLocked):
        services.update_note(personas.dana, note=note, fields={"plan": "New"}, base_revision=1)
    with pytest.raises(services.NoteLocked):
        services.sign_note(personas.dana, note=note)
    with pytest.raises(services.NoteLocked):
        services.delete_draft(personas.dana, note=note)
    note.refresh_from_db()
    assert services.fields_of(note)["subjective"] == "Slept better this week."


def test_an_empty_note_cannot_be_signed(personas, note_by):
    note = services.create_note(personas.dana, client=personas.casey, template="free")
    with pytest.raises(services.NoteProblem):
        services.sign_note(personas.dana, note=note)
    assert not note.is_signed


def test_addenda_go_only_on_signed_notes(personas, note_by):
    note = note_by()
    with pytest.raises(services.NoteLocked):
        services.add_addendum(personas.dana, note=note, text="Too early.")
    services.sign_note(personas.dana, note=note)
    addendum = services.add_addendum(personas.dana, note=note, text=" Session ran 60 min. ")
    assert addendum.text == "Session ran 60 min."
    assert list(note.addenda.all()) == [addendum]


def test_another_treating_clinician_may_add_an_addendum_but_not_a_supervisor(personas, note_by):
    note = note_by(signed=True)
    with pytest.raises(services.NoteLocked):
        services.add_addendum(personas.sam, note=note, text="From supervision.")
    with pytest.raises(services.NoteLocked):
        services.add_addendum(personas.eli, note=note, text="Not on the team.")
    people.assign_clinician(
        None, organization=personas.org, client=personas.casey, clinician=personas.eli
    )
    services.add_addendum(personas.eli, note=note, text="Covered the next session.")
    assert NoteAddendum.objects.filter(note=note, author=personas.eli).count() == 1


def test_an_empty_addendum_is_refused(personas, note_by):
    note = note_by(signed=True)
    with pytest.raises(services.NoteProblem):
        services.add_addendum(personas.dana, note=note, text="  ")


def test_the_author_deletes_a_draft(personas, note_by):
    note = note_by()
    services.delete_draft(personas.dana, note=note)
    assert not SessionNote.objects.exists()
    assert AuditEvent.objects.filter(action="notes:note:delete").count() == 1


def test_audit_events_never_carry_the_text(personas, note_by):
    note = note_by(kind=NoteKind.PSYCHOTHERAPY, subjective="Secret words here.")
    services.update_note(
        personas.dana, note=note, fields={"plan": "Another secret."}, base_revision=1
    )
    services.sign_note(personas.dana, note=note)
    services.add_addendum(personas.dana, note=note, text="Addendum secret.")
    events = AuditEvent.objects.filter(action__startswith="notes:")
    assert events.count() == 4
    dump = repr([(e.action, e.extra, e.object_type) for e in events])
    for secret in ("Secret", "secret", "psychotherapy"):
        assert secret not in dump


def raw(table: str, column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - fixed names
        return [row[0] for row in cursor.fetchall()]


def test_note_text_and_addenda_are_encrypted_at_rest(personas, note_by):
    note = note_by(subjective="Talked about the panic on the bus.", signed=True)
    services.add_addendum(personas.dana, note=note, text="Bus route changed.")
    stored = raw("notes_sessionnote", "content")
    assert stored
    assert all(v.startswith("enc:") for v in stored)
    assert "panic" not in repr(stored)
    addenda = raw("notes_noteaddendum", "text")
    assert addenda
    assert all(v.startswith("enc:") for v in addenda)
    assert "Bus" not in repr(addenda)
    note.refresh_from_db()
    assert "panic" in note.content


def test_a_note_joins_the_open_episode_and_only_the_clients_own_appointment(personas):
    episode = appointments.open_episode(personas.dana, client=personas.casey)
    caseys = appointments.add_appointment(
        personas.dana, client=personas.casey, starts_at=timezone.now()
    )
    cams = appointments.add_appointment(personas.eli, client=personas.cam, starts_at=timezone.now())
    linked = services.create_note(
        personas.dana, client=personas.casey, template="free", appointment=caseys
    )
    assert (linked.episode, linked.appointment) == (episode, caseys)
    other = appointments.open_episode(personas.eli, client=personas.cam)
    stray = services.create_note(
        personas.dana, client=personas.casey, template="free", appointment=cams, episode=other
    )
    assert (stray.episode, stray.appointment) == (None, None)
