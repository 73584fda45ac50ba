"""Journal access: one's own entries only; the care team sees an entry only while it is shared
and the journal category is on; everyone else gets the same 404 as for no entry."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from heard.accounts.models import Membership
from heard.audit.models import AuditEvent
from heard.journal import access, services
from heard.journal.tests.conftest import NOTHING
from heard.people import services as people
from heard.people.models import Category

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(personas, screen_returns, write):
    """Casey's entry, shared with her care team."""
    screen_returns(NOTHING)
    saved = write(personas.casey, "For my care team.")
    services.share_entry(personas.casey, entry=saved.entry)
    return saved.entry


def end_client_membership(user) -> None:
    Membership.objects.filter(user=user).update(is_active=False)


# --- Keeping a journal -----------------------------------------------------------------------


def test_only_active_clients_keep_a_journal(personas):
    assert access.can_keep_journal(personas.casey)
    assert not access.can_keep_journal(AnonymousUser())
    assert not access.can_keep_journal(personas.dana)
    personas.cam.is_active = False
    assert not access.can_keep_journal(personas.cam)


def test_own_journal_is_for_clients_and_anyone_who_still_has_entries(personas, shared):
    assert list(access.own_journal(personas.casey)) == [shared]
    with pytest.raises(Http404):
        access.own_journal(AnonymousUser())
    with pytest.raises(Http404):
        access.own_journal(personas.eli)
    # Care ended: Casey can still read (and export) what she wrote.
    end_client_membership(personas.casey)
    assert list(access.own_journal(personas.casey)) == [shared]


def test_own_entries_are_newest_first(personas, write, screen_returns):
    screen_returns(NOTHING)
    first = write(personas.casey, "one").entry
    second = write(personas.casey, "two").entry
    assert list(access.own_entries(personas.casey)) == [second, first]


# --- One's own entry ----------------------------------------------------------------------------


def test_the_writer_reads_and_writes_their_own_entry(personas, shared):
    assert access.access_own_entry(personas.casey, shared.public_id) == shared
    assert access.access_own_entry(personas.casey, str(shared.public_id), for_write=True) == shared


@pytest.mark.parametrize("who", ["cam", "dana", "eli", "sam", "olive"])
def test_nobody_else_opens_an_entry_even_the_care_team(personas, shared, who):
    with pytest.raises(Http404):
        access.access_own_entry(personas.by_name[who], shared.public_id)


def test_visitors_and_bad_ids_get_404(personas, shared):
    with pytest.raises(Http404):
        access.access_own_entry(AnonymousUser(), shared.public_id)
    with pytest.raises(Http404):
        access.access_own_entry(personas.casey, "not-an-id")
    with pytest.raises(Http404):
        access.access_own_entry(personas.casey, uuid.uuid4())


def test_after_care_ends_entries_can_be_read_but_not_written(personas, shared):
    end_client_membership(personas.casey)
    assert access.access_own_entry(personas.casey, shared.public_id) == shared
    with pytest.raises(Http404):
        access.access_own_entry(personas.casey, shared.public_id, for_write=True)


def test_versions_newest_first(personas, shared):
    services.save_entry(personas.casey, entry=shared, title="", body="Changed")
    assert [r.number for r in access.entry_revisions(shared)] == [2, 1]
    assert access.latest_revision(shared).number == 2
    assert access.latest_revision(services.start_entry(personas.casey)) is None


# --- The care team ------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["dana", "sam"])
def test_the_care_team_sees_shared_entries_audited(personas, shared, screen_returns, write, who):
    write(personas.casey, "Private.")
    client, entries = access.visible_shared_entries(personas.by_name[who], personas.casey.public_id)
    assert client == personas.casey
    assert list(entries) == [shared]
    assert AuditEvent.objects.filter(
        action="journal:list", actor_id=personas.by_name[who].public_id, outcome="success"
    ).exists()
    _client, entry = access.access_shared_entry(
        personas.by_name[who], personas.casey.public_id, shared.public_id
    )
    assert entry == shared
    assert AuditEvent.objects.filter(action="journal:read", outcome="success").count() == 1


@pytest.mark.parametrize("who", ["eli", "fay", "olive", "cam"])
def test_anyone_else_gets_404_and_the_attempt_is_audited(personas, shared, who):
    user = personas.by_name[who]
    with pytest.raises(Http404):
        access.visible_shared_entries(user, personas.casey.public_id)
    with pytest.raises(Http404):
        access.access_shared_entry(user, personas.casey.public_id, shared.public_id)
    assert AuditEvent.objects.filter(actor_id=user.public_id, outcome="denied").count() == 2


def test_an_unshared_entry_is_hidden_from_dana_at_once(personas, shared):
    services.unshare_entry(personas.casey, entry=shared)
    _client, entries = access.visible_shared_entries(personas.dana, personas.casey.public_id)
    assert list(entries) == []
    with pytest.raises(Http404):
        access.access_shared_entry(personas.dana, personas.casey.public_id, shared.public_id)
    denied = AuditEvent.objects.get(action="journal:read", outcome="denied")
    assert denied.extra == {"reason": "entry"}


def test_turning_the_journal_category_off_hides_every_shared_entry(personas, shared):
    people.set_sharing(personas.casey, category=Category.JOURNAL, shared=False)
    with pytest.raises(Http404):
        access.visible_shared_entries(personas.dana, personas.casey.public_id)
    with pytest.raises(Http404):
        access.access_shared_entry(personas.dana, personas.casey.public_id, shared.public_id)
    # Casey herself sees what her team sees: nothing while the switch is off.
    _client, entries = access.visible_shared_entries(personas.casey, personas.casey.public_id)
    assert list(entries) == []


def test_a_bad_entry_id_is_404_for_the_care_team(personas, shared):
    with pytest.raises(Http404):
        access.access_shared_entry(personas.dana, personas.casey.public_id, "nope")
