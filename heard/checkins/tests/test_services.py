"""Recording and editing check-ins: stored encrypted, history kept, text screened."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from heard.audit.models import AuditEvent
from heard.checkins import services
from heard.checkins.models import CheckIn, CheckInRevision
from heard.checkins.rules import Values
from heard.milestones.models import Milestone
from heard.safety.models import RiskAlert


def record(client, **kw):
    key = kw.pop("key", "")
    return services.record_checkin(client, client=client, values=Values(**kw), idempotency_key=key)


def test_a_check_in_is_stored_audited_and_its_text_encrypted(personas):
    casey = personas.casey
    recorded = record(casey, mood=6, note="A long day but okay", what_helped="tea")
    assert recorded.created
    row = CheckIn.objects.get(pk=recorded.checkin.pk)
    assert row.mood == 6
    assert row.note == "A long day but okay"
    with connection.cursor() as cursor:
        cursor.execute("SELECT note, what_helped FROM checkins_checkin WHERE id = %s", [row.pk])
        note, helped = cursor.fetchone()
    assert note.startswith("enc:")
    assert helped.startswith("enc:")
    assert AuditEvent.objects.filter(action="checkin:record", object_id=str(row.public_id)).exists()


def test_the_first_check_in_is_a_milestone_and_the_tenth_another(personas):
    casey = personas.casey
    first = record(casey, mood=5)
    assert first.milestone is not None
    assert first.milestone.kind == "first_checkin"
    for _ in range(8):
        assert record(casey, mood=5).milestone is None
    assert record(casey, mood=5).milestone.kind == "checkins_10"
    assert Milestone.objects.filter(client=casey).count() == 2


def test_bad_values_store_nothing(personas):
    with pytest.raises(ValidationError) as exc:
        record(personas.casey, mood=11, sleep_hours=Decimal(-2))
    assert set(exc.value.message_dict) == {"mood", "sleep_hours"}
    with pytest.raises(ValidationError):
        record(personas.casey, note="x" * 1_000_000)
    with pytest.raises(ValidationError):
        record(personas.casey)  # nothing at all
    assert CheckIn.objects.count() == 0


def test_a_time_in_the_future_is_refused(personas):
    with pytest.raises(ValidationError):
        services.record_checkin(
            personas.casey,
            client=personas.casey,
            values=Values(mood=3),
            at=timezone.now() + timedelta(hours=2),
        )


def test_the_same_idempotency_key_stores_one_check_in(personas):
    one = record(personas.casey, mood=4, key="abc")
    two = record(personas.casey, mood=4, key="abc")
    assert two.checkin.pk == one.checkin.pk
    assert not two.created
    assert CheckIn.objects.count() == 1


def test_a_crisis_in_the_note_raises_an_alert_for_the_care_team(personas, screen_returns):
    screen_returns("urgent", crisis=True, categories=("suicide",))
    recorded = record(personas.casey, note="(crisis words)")
    assert recorded.check is not None
    assert recorded.check.show_crisis_screen
    alert = RiskAlert.objects.get()
    assert alert.source == "checkin"
    assert alert.source_id == recorded.checkin.public_id
    assert CheckIn.objects.filter(pk=recorded.checkin.pk).exists()  # saved first


def test_a_check_in_without_text_is_not_screened(personas, screen_returns):
    screen_returns("acute", crisis=True)
    recorded = record(personas.casey, mood=2)
    assert recorded.check is None
    assert RiskAlert.objects.count() == 0


def test_editing_keeps_what_it_said_before(personas):
    casey = personas.casey
    checkin = record(casey, mood=3, note="first words").checkin
    services.update_checkin(casey, checkin=checkin, values=Values(mood=5, note="second words"))
    checkin.refresh_from_db()
    assert checkin.mood == 5
    assert checkin.revision == 2
    revision = CheckInRevision.objects.get(checkin=checkin)
    assert json.loads(revision.snapshot)["note"] == "first words"
    assert [v.mood for _r, v in services.revisions(checkin)] == [3]
    with connection.cursor() as cursor:
        cursor.execute("SELECT snapshot FROM checkins_checkinrevision WHERE id = %s", [revision.pk])
        assert cursor.fetchone()[0].startswith("enc:")


def test_an_edit_that_changes_nothing_keeps_no_revision(personas):
    checkin = record(personas.casey, mood=3).checkin
    services.update_checkin(personas.casey, checkin=checkin, values=Values(mood=3))
    assert CheckInRevision.objects.count() == 0


def test_changed_text_is_screened_again_under_the_revision(personas, screen_returns):
    casey = personas.casey
    checkin = record(casey, note="fine").checkin
    screen_returns("urgent", crisis=True, categories=("suicide",))
    recorded = services.update_checkin(casey, checkin=checkin, values=Values(note="(crisis)"))
    revision = CheckInRevision.objects.get()
    assert recorded.check.show_crisis_screen
    assert RiskAlert.objects.get().source_id == revision.public_id
    # Changing only the mood does not screen the same words again.
    again = services.update_checkin(casey, checkin=checkin, values=Values(mood=4, note="(crisis)"))
    assert again.check is None


def test_substance_tracking_is_opt_in(personas):
    casey = personas.casey
    with pytest.raises(ValidationError):
        record(casey, alcohol_drinks=2)
    services.set_checkin_settings(casey, track_substances=True)
    assert services.tracks_substances(casey)
    assert record(casey, alcohol_drinks=2).checkin.alcohol_drinks == 2


def test_the_time_zone_is_learned_once_and_can_be_chosen(personas):
    casey = personas.casey
    services.learn_time_zone(casey, "Not/AZone")
    assert casey.time_zone == ""
    services.learn_time_zone(casey, "America/Chicago")
    assert casey.time_zone == "America/Chicago"
    services.learn_time_zone(casey, "Europe/Madrid")  # the person's zone is kept
    assert casey.time_zone == "America/Chicago"
    services.set_checkin_settings(casey, track_substances=False, time_zone="Europe/Madrid")
    casey.refresh_from_db()
    assert casey.time_zone == "Europe/Madrid"
    with pytest.raises(ValidationError):
        services.set_checkin_settings(casey, track_substances=False, time_zone="Mars/Olympus")
    assert not services.valid_time_zone("x" * 65)
