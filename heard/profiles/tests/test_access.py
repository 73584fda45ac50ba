"""Profile access: who reads and writes a profile, what is audited, and 404 for everyone
else (100% branch coverage of access.py)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from heard.accounts.models import Membership
from heard.audit.models import AuditEvent, Outcome
from heard.people import services as people
from heard.people.models import Category
from heard.profiles import access

pytestmark = pytest.mark.django_db


def end_care(user) -> None:
    Membership.objects.filter(user=user).update(is_active=False)


def events(action: str, outcome: str = Outcome.SUCCESS) -> int:
    return AuditEvent.objects.filter(action=action, outcome=outcome).count()


def test_only_active_clients_keep_a_profile(personas):
    assert access.can_keep_profile(personas.casey)
    assert not access.can_keep_profile(AnonymousUser())
    assert not access.can_keep_profile(personas.dana)
    personas.cam.is_active = False
    assert not access.can_keep_profile(personas.cam)


def test_a_blank_profile_starts_from_the_account(personas):
    casey = personas.casey
    casey.preferred_name = "Case"
    casey.language = "es"
    blank = access.profile_of(casey)
    assert blank.pk is None
    assert not blank.is_saved
    assert (blank.chosen_name, blank.language) == ("Case", "es")
    # A language the app does not speak is left unchosen.
    casey.language = "fr"
    assert access.blank_profile(casey).language == ""


def test_profile_of_finds_the_saved_profile(personas, screened, save):
    save(personas.casey, "care", modalities=["video"])
    assert access.profile_of(personas.casey).modalities == ["video"]


def test_a_client_reads_and_writes_their_own_profile_untraced(personas):
    profile = access.own_profile(personas.casey, for_write=True)
    assert profile.client == personas.casey
    assert access.own_profile(personas.casey) is not None
    assert not AuditEvent.objects.filter(action__startswith="profile").exists()


@pytest.mark.parametrize("who", ["dana", "eli", "olive", "fay", "sam"])
def test_staff_have_no_profile_of_their_own(personas, who):
    with pytest.raises(Http404):
        access.own_profile(personas.by_name[who])


def test_visitors_have_no_profile(personas):
    with pytest.raises(Http404):
        access.own_profile(AnonymousUser())


def test_after_care_ends_a_saved_profile_can_be_read_but_not_changed(personas, screened, save):
    save(personas.casey, "what_matters", strengths="Kind")
    end_care(personas.casey)
    assert access.own_profile(personas.casey).strengths == "Kind"
    with pytest.raises(Http404):
        access.own_profile(personas.casey, for_write=True)


def test_after_care_ends_with_nothing_saved_there_is_no_profile(personas):
    end_care(personas.casey)
    with pytest.raises(Http404):
        access.own_profile(personas.casey)


@pytest.mark.parametrize("who", ["dana", "sam"])
def test_the_care_team_reads_the_profile_audited(personas, screened, save, who):
    save(personas.casey, "gentle", when_overwhelmed="Quiet")
    client, profile = access.access_client_profile(personas.by_name[who], personas.casey.public_id)
    assert client == personas.casey
    assert profile.when_overwhelmed == "Quiet"
    assert events("profile:read") == 1


@pytest.mark.parametrize("who", ["eli", "olive", "fay", "cam"])
def test_anyone_else_gets_404_and_the_attempt_is_audited(personas, who):
    with pytest.raises(Http404):
        access.access_client_profile(personas.by_name[who], personas.casey.public_id)
    assert events("profile:read", Outcome.DENIED) == 1


def test_a_profile_kept_private_is_404_for_the_care_team(personas):
    people.set_sharing(personas.casey, category=Category.PROFILE, shared=False)
    with pytest.raises(Http404):
        access.access_client_profile(personas.dana, personas.casey.public_id)
    # The client still sees what the team would see.
    assert access.access_client_profile(personas.casey, personas.casey.public_id)


def test_the_record_summary_is_shown_and_audited_for_the_care_team(personas, screened, save):
    save(personas.casey, "gentle", approach_with_care="Hospitals")
    profile = access.visible_profile(personas.dana, personas.casey)
    assert profile is not None
    assert profile.approach_with_care == "Hospitals"
    assert events("profile:summary:read") == 1
    # The client looking at their own leaves no trace.
    assert access.visible_profile(personas.casey, personas.casey) is not None
    assert events("profile:summary:read") == 1


def test_a_blank_summary_is_not_audited(personas):
    profile = access.visible_profile(personas.dana, personas.casey)
    assert profile is not None
    assert not profile.is_saved
    assert events("profile:summary:read") == 0


def test_the_record_summary_is_hidden_when_the_profile_is_private(personas, screened, save):
    save(personas.casey, "gentle", approach_with_care="Hospitals")
    people.set_sharing(personas.casey, category=Category.PROFILE, shared=False)
    assert access.visible_profile(personas.dana, personas.casey) is None
    assert access.visible_profile(personas.eli, personas.casey) is None
    assert events("profile:summary:read") == 0
