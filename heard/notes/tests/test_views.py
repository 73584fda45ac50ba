"""Session note pages: list, write, edit a draft, sign, addenda, delete; who sees what."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from heard.appointments import services as appointments
from heard.audit.labels import ACTION_LABELS
from heard.audit.models import AuditEvent
from heard.notes import services
from heard.notes.models import NoteAddendum, NoteKind, NoteStatus, SessionNote

pytestmark = pytest.mark.django_db


def list_url(personas) -> str:
    return reverse("notes:client_notes", args=[personas.casey.public_id])


def new_url(personas, template: str = "") -> str:
    url = reverse("notes:new", args=[personas.casey.public_id])
    return f"{url}?template={template}" if template else url


def note_url(note, name: str = "notes:note") -> str:
    return reverse(name, args=[note.public_id])


def test_the_addresses(personas):
    assert list_url(personas) == f"/care/clients/{personas.casey.public_id}/notes/"
    assert new_url(personas) == f"/care/clients/{personas.casey.public_id}/notes/new/"


def test_dana_sees_progress_notes_newest_first_and_her_psychotherapy_notes_apart(
    personas, client_for, note_by
):
    older = note_by(signed=True)
    SessionNote.objects.filter(pk=older.pk).update(session_date=datetime.date(2026, 1, 5))
    note_by(signed=True, template="dap", data="x")
    note_by(kind=NoteKind.PSYCHOTHERAPY)
    body = client_for("dana").get(list_url(personas)).content.decode()
    assert body.index("DAP note") < body.index("5 January 2026")
    assert "only you can see these" in body
    assert "Write a note" in body
    assert f"{new_url(personas, 'birp')}" in body


def test_sam_sees_signed_progress_notes_but_not_danas_psychotherapy_notes(
    personas, client_for, note_by
):
    signed = note_by(signed=True)
    private = note_by(kind=NoteKind.PSYCHOTHERAPY, signed=True, subjective="Private words.")
    sam = client_for("sam")
    body = sam.get(list_url(personas)).content.decode()
    assert note_url(signed) in body
    assert note_url(private) not in body
    assert "only you can see these" not in body
    assert "Write a note" not in body
    assert "Slept better" in sam.get(note_url(signed)).content.decode()
    assert sam.get(note_url(private)).status_code == 404
    # Sam reads, but the clinicians who treat Casey write.
    page = sam.get(new_url(personas, "soap"))
    assert page.status_code == 200
    assert "written by the clinicians who treat" in page.content.decode()
    sam.post(new_url(personas), {"template": "soap", "session_date": "2026-01-05"})
    assert SessionNote.objects.count() == 2


@pytest.mark.parametrize("who", ["eli", "casey", "cam", "fay", "olive"])
def test_anyone_off_the_care_team_gets_404(personas, client_for, note_by, who):
    note = note_by(signed=True)
    c = client_for(who)
    assert c.get(list_url(personas)).status_code == 404
    assert c.get(new_url(personas, "soap")).status_code == 404
    assert c.get(note_url(note)).status_code == 404
    for name in ("notes:sign", "notes:addendum", "notes:delete"):
        assert c.post(note_url(note, name), {"text": "x"}).status_code == 404
    assert not NoteAddendum.objects.exists()


def test_visitors_are_asked_to_sign_in(personas, note_by):
    note = note_by()
    assert Client().get(list_url(personas)).status_code == 302
    assert Client().get(note_url(note)).status_code == 302


def test_the_new_page_offers_the_templates_then_the_templates_fields(personas, client_for):
    c = client_for("dana")
    chooser = c.get(new_url(personas)).content.decode()
    assert 'name="template" value="birp"' in chooser
    form = c.get(new_url(personas, "birp")).content.decode()
    for label in ("Behaviour", "Intervention", "Response", "Plan", "Session date"):
        assert label in form
    assert "Only you will ever see them." in form


def test_dana_writes_edits_and_signs_a_note(personas, client_for):
    c = client_for("dana")
    today = timezone.localdate().isoformat()
    response = c.post(
        new_url(personas),
        {"template": "soap", "kind": "progress", "session_date": today, "plan": "Walk daily."},
    )
    note = SessionNote.objects.get()
    assert response.url == note_url(note)
    page = c.get(note_url(note)).content.decode()
    assert "Walk daily." in page
    assert "Once signed, this note can't be changed. You can add an addendum." in page
    c.post(
        note_url(note),
        {"session_date": today, "revision": "1", "plan": "Walk daily.", "subjective": "Tired."},
    )
    note.refresh_from_db()
    assert (note.revision, services.fields_of(note)["subjective"]) == (2, "Tired.")
    assert c.post(note_url(note, "notes:sign")).status_code == 302
    note.refresh_from_db()
    assert note.status == NoteStatus.SIGNED
    # Signed: no edit form any more, and a POST does not change it.
    page = c.get(note_url(note)).content.decode()
    assert 'name="plan"' not in page
    assert "Add addendum" in page
    c.post(note_url(note), {"session_date": today, "revision": "2", "plan": "Changed."})
    note.refresh_from_db()
    assert services.fields_of(note)["plan"] == "Walk daily."
    c.post(note_url(note, "notes:addendum"), {"text": "Forgot: sleep improved."})
    assert "Forgot: sleep improved." in c.get(note_url(note)).content.decode()


def test_a_save_from_a_stale_page_keeps_the_text_and_says_so(personas, client_for, note_by):
    note = note_by()
    services.update_note(personas.dana, note=note, fields={"plan": "Newer."}, base_revision=1)
    today = timezone.localdate().isoformat()
    response = client_for("dana").post(
        note_url(note), {"session_date": today, "revision": "1", "plan": "My older typing."}
    )
    assert response.status_code == 409
    assert "My older typing." in response.content.decode()
    assert "changed somewhere else" in response.content.decode()
    note.refresh_from_db()
    assert services.fields_of(note)["plan"] == "Newer."


def test_bad_input_is_shown_on_the_form(personas, client_for, note_by):
    note = note_by()
    c = client_for("dana")
    future = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    assert c.post(note_url(note), {"session_date": future, "revision": "1"}).status_code == 422
    too_long = c.post(
        note_url(note),
        {"session_date": timezone.localdate().isoformat(), "revision": "1", "plan": "x" * 10_001},
    )
    assert too_long.status_code == 422
    assert "10,000 characters or fewer" in too_long.content.decode()
    bad_kind = c.post(
        new_url(personas),
        {"template": "free", "kind": "other", "session_date": timezone.localdate().isoformat()},
    )
    assert "Please choose the kind of note." in bad_kind.content.decode()
    assert SessionNote.objects.count() == 1


def test_an_empty_note_is_not_signed_and_a_draft_takes_no_addendum(personas, client_for):
    note = services.create_note(personas.dana, client=personas.casey, template="free")
    c = client_for("dana")
    c.post(note_url(note, "notes:addendum"), {"text": "Too early."})
    c.post(note_url(note, "notes:sign"))
    note.refresh_from_db()
    assert note.status == NoteStatus.DRAFT
    assert not NoteAddendum.objects.exists()


def test_sam_can_neither_sign_nor_add_to_danas_notes(personas, client_for, note_by):
    signed = note_by(signed=True)
    sam = client_for("sam")
    sam.post(note_url(signed, "notes:addendum"), {"text": "From supervision."})
    sam.post(note_url(signed, "notes:delete"))
    assert not NoteAddendum.objects.exists()
    assert SessionNote.objects.filter(pk=signed.pk).exists()
    assert "Add addendum" not in sam.get(note_url(signed)).content.decode()


def test_an_empty_addendum_is_refused(personas, client_for, note_by):
    signed = note_by(signed=True)
    client_for("dana").post(note_url(signed, "notes:addendum"), {"text": ""})
    client_for("dana").post(note_url(signed, "notes:addendum"), {"text": "x" * 5001})
    assert not NoteAddendum.objects.exists()


def test_dana_deletes_a_draft(personas, client_for, note_by):
    note = note_by()
    response = client_for("dana").post(note_url(note, "notes:delete"))
    assert response.url == list_url(personas)
    assert not SessionNote.objects.exists()


def test_the_note_page_is_audited_without_its_text(personas, client_for, note_by):
    note = note_by(signed=True, subjective="Words only for the note.")
    client_for("sam").get(note_url(note))
    event = AuditEvent.objects.filter(action="notes:read").get()
    assert event.client_id == personas.casey.public_id
    assert "Words" not in repr(event.extra)


def test_the_list_runs_a_fixed_number_of_queries(
    personas, client_for, note_by, django_assert_max_num_queries
):
    for _ in range(5):
        note_by(signed=True)
    c = client_for("dana")
    with django_assert_max_num_queries(30):
        assert c.get(list_url(personas)).status_code == 200


def test_the_client_record_links_the_care_team_to_session_notes(personas, client_for):
    record = reverse("people:client_record", args=[personas.casey.public_id])
    assert list_url(personas) in client_for("dana").get(record).content.decode()
    # Casey opens her own record, but session notes are the care team's.
    casey_page = client_for("casey").get(record)
    assert casey_page.status_code == 200
    assert list_url(personas) not in casey_page.content.decode()


def test_the_access_report_names_notes_without_their_kind(personas, client_for, note_by):
    note_by(kind=NoteKind.PSYCHOTHERAPY, signed=True)
    words = [
        str(ACTION_LABELS[e.action]) for e in AuditEvent.objects.filter(action__startswith="notes:")
    ]
    assert words == ["Wrote a session note", "Signed a session note"]


def test_save_and_sign_keeps_what_was_typed_then_locks_the_note(personas, client_for, note_by):
    note = note_by()
    response = client_for("dana").post(
        note_url(note),
        {
            "session_date": timezone.localdate().isoformat(),
            "revision": "1",
            "subjective": "Typed just before signing.",
            "sign": "1",
        },
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.status == NoteStatus.SIGNED
    assert services.fields_of(note)["subjective"] == "Typed just before signing."


def test_a_new_note_can_be_about_an_appointment_that_happened(personas, client_for):
    when = timezone.now() - datetime.timedelta(hours=2)
    appointment = appointments.add_appointment(personas.dana, client=personas.casey, starts_at=when)
    c = client_for("dana")
    form = c.get(new_url(personas, "free")).content.decode()
    assert f'value="{appointment.public_id}"' in form
    c.post(
        new_url(personas),
        {
            "template": "free",
            "kind": "progress",
            "session_date": timezone.localdate().isoformat(),
            "appointment": str(appointment.public_id),
            "text": "Session went well.",
        },
    )
    note = SessionNote.objects.get()
    assert note.appointment == appointment
    assert "About the appointment on" in c.get(note_url(note)).content.decode()
