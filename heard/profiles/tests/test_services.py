"""Profile services: saving one section at a time, the account kept in step, conflicts,
refused input, encryption at rest, screening after saving, and what the recommender reads."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from heard.audit.models import AuditEvent
from heard.profiles import services
from heard.profiles.models import TEXT_MAX_CHARS, Profile
from heard.profiles.tests.conftest import SOMEONE_ELSE, finding
from heard.safety.models import RiskAlert, SignalSource

pytestmark = pytest.mark.django_db


def update(client, section, data, base_revision=0, actor=None):
    return services.update_profile(
        actor or client, client=client, section=section, data=data, base_revision=base_revision
    )


def raw(column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM profiles_profile")  # noqa: S608 - fixed names
        return [row[0] for row in cursor.fetchall()]


# --- Saving sections ---------------------------------------------------------------------------


def test_each_section_saves_on_its_own_and_is_audited(personas, screened):
    casey = personas.casey
    update(casey, "about", {"chosen_name": "Case", "pronouns": "they/them", "language": "en"})
    update(
        casey,
        "what_matters",
        {"what_matters": "My sister", "strengths": "Patient", "helpful_kinds": ["breathing"]},
        base_revision=1,
    )
    update(
        casey,
        "care",
        {"modalities": ["video", "phone"], "accessibility_needs": "Captions please"},
        base_revision=2,
    )
    result = update(
        casey,
        "gentle",
        {
            "approach_with_care": "My father",
            "careful_tags": ["memories"],
            "when_overwhelmed": "Quiet and water",
            "contact_methods": ["app"],
            "contact_notes": "Evenings",
        },
        base_revision=3,
    )
    profile = Profile.objects.get(client=casey)
    assert result.changed
    assert result.profile.pk == profile.pk
    assert profile.revision == 4
    assert profile.section_revisions == {"about": 1, "what_matters": 2, "care": 3, "gentle": 4}
    assert (profile.chosen_name, profile.pronouns, profile.what_matters) == (
        "Case",
        "they/them",
        "My sister",
    )
    assert profile.modalities == ["video", "phone"]
    assert profile.careful_tags == ["memories"]
    assert profile.filled_sections == ["about", "what_matters", "care", "gentle"]
    events = AuditEvent.objects.filter(action="profile:update").order_by("seq")
    assert [e.extra["section"] for e in events] == ["about", "what_matters", "care", "gentle"]
    assert events[3].extra["fields"] == [
        "approach_with_care",
        "careful_tags",
        "when_overwhelmed",
        "contact_methods",
        "contact_notes",
    ]
    # The audit trail names fields, never what was written.
    assert "father" not in repr([e.extra for e in events])


def test_fields_left_out_keep_their_value(personas, screened, save):
    save(personas.casey, "what_matters", what_matters="Music", strengths="Kind")
    save(personas.casey, "what_matters", strengths="Brave")
    profile = Profile.objects.get()
    assert (profile.what_matters, profile.strengths) == ("Music", "Brave")


def test_the_chosen_name_and_language_are_kept_on_the_account(personas, screened, save):
    casey = personas.casey
    result = save(casey, "about", chosen_name="  Kit  ", language="es")
    casey.refresh_from_db()
    assert casey.preferred_name == "Kit"
    assert casey.display_name == "Kit"
    assert casey.language == "es"
    assert result.language_changed
    # Clearing the language choice leaves the account's language as it is.
    result = save(casey, "about", language="")
    casey.refresh_from_db()
    assert casey.language == "es"
    assert not result.language_changed


def test_a_first_profile_starts_from_the_account(personas, screened, save):
    casey = personas.casey
    casey.preferred_name = "Case"
    casey.save()
    save(casey, "care", modalities=["text"])
    profile = Profile.objects.get()
    assert profile.chosen_name == "Case"
    assert profile.language == "en"


def test_saving_the_same_again_stores_nothing(personas, screened, save):
    save(personas.casey, "what_matters", strengths="Kind")
    screened.clear()
    again = save(personas.casey, "what_matters", strengths="Kind\r\n")
    assert not again.changed
    assert again.check is None
    assert screened == []
    assert Profile.objects.get().revision == 1
    assert AuditEvent.objects.filter(action="profile:update").count() == 1


def test_lists_follow_the_vocabulary_order_without_repeats(personas, screened, save):
    save(personas.casey, "gentle", contact_methods=["text_message", "app", "app"])
    assert Profile.objects.get().contact_methods == ["app", "text_message"]


def test_only_the_client_edits_their_profile(personas):
    with pytest.raises(PermissionDenied):
        update(personas.casey, "care", {"modalities": ["video"]}, actor=personas.dana)
    assert not Profile.objects.exists()


def test_text_is_encrypted_at_rest(personas, screened, save):
    save(personas.casey, "gentle", approach_with_care="Hospitals", when_overwhelmed="Music")
    for column in ("approach_with_care", "when_overwhelmed"):
        assert all(v.startswith("enc:") for v in raw(column)), column
    assert "Hospitals" not in repr(raw("approach_with_care"))


# --- Conflicts ---------------------------------------------------------------------------------


def test_a_stale_save_of_the_same_section_is_refused(personas, screened):
    casey = personas.casey
    update(casey, "what_matters", {"strengths": "First tab"})
    with pytest.raises(services.ProfileConflict) as raised:
        # A second tab opened at revision 0 never saw "First tab".
        update(casey, "what_matters", {"strengths": "Second tab"}, base_revision=0)
    assert raised.value.section == "what_matters"
    assert raised.value.profile.strengths == "First tab"
    assert "changed somewhere else" in raised.value.message
    assert Profile.objects.get().strengths == "First tab"


def test_another_section_saves_from_an_older_revision(personas, screened):
    casey = personas.casey
    update(casey, "what_matters", {"strengths": "Kind"})
    result = update(casey, "care", {"modalities": ["phone"]}, base_revision=0)
    assert result.profile.revision == 2
    assert result.profile.strengths == "Kind"


def test_a_revision_from_the_future_is_a_conflict(personas, screened):
    with pytest.raises(services.ProfileConflict):
        update(personas.casey, "care", {"modalities": ["phone"]}, base_revision=5)
    assert not Profile.objects.exists()


# --- Refused input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "data", "field", "words"),
    [
        ("nowhere", {}, "section", "parts of the profile"),
        ("about", {"strengths": "x"}, "strengths", "no such field"),
        ("what_matters", {"helpful_kinds": ["flying"]}, "helpful_kinds", "flying"),
        ("gentle", {"careful_tags": "memories"}, "careful_tags", "list of choices"),
        ("care", {"modalities": ["carrier_pigeon"]}, "modalities", "carrier_pigeon"),
        ("gentle", {"contact_methods": [3]}, "contact_methods", "list of choices"),
        ("care", {"cultural_faith": 42}, "cultural_faith", "send text"),
        ("about", {"language": "fr"}, "language", "English or Spanish"),
        ("about", {"chosen_name": "Two\nlines"}, "chosen_name", "one line"),
        ("about", {"pronouns": "x" * 41}, "pronouns", "40 characters"),
        (
            "what_matters",
            {"what_matters": "x" * (TEXT_MAX_CHARS + 1)},
            "what_matters",
            "2,000 characters or fewer (it has 2,001)",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 30 else None,
)
def test_bad_input_is_refused_with_words_to_act_on(personas, section, data, field, words):
    with pytest.raises(ValidationError) as raised:
        update(personas.casey, section, data)
    assert words in " ".join(raised.value.message_dict[field])
    assert not Profile.objects.exists()
    assert not AuditEvent.objects.filter(action="profile:update").exists()


def test_text_of_the_full_length_is_kept(personas, screened, save):
    save(personas.casey, "care", accessibility_needs="x" * TEXT_MAX_CHARS)
    assert len(Profile.objects.get().accessibility_needs) == TEXT_MAX_CHARS


# --- Screening after saving --------------------------------------------------------------------


def test_only_new_text_is_screened(personas, screened, save):
    save(personas.casey, "what_matters", what_matters="Family", strengths="Kind")
    assert screened == ["Family\n\nKind"]
    save(personas.casey, "what_matters", what_matters="Family", strengths="Brave")
    assert screened[-1] == "Brave"
    # Choices and the language are not free text.
    screened.clear()
    save(personas.casey, "what_matters", helpful_kinds=["sleep"])
    save(personas.casey, "about", language="es")
    assert screened == []
    # Clearing text leaves nothing to screen.
    result = save(personas.casey, "what_matters", strengths="")
    assert screened == []
    assert result.check is None


def test_words_that_show_risk_raise_an_alert_for_the_care_team(personas, screen_returns, save):
    screen_returns(finding())
    result = save(personas.casey, "gentle", when_overwhelmed="I want to die")
    alert = RiskAlert.objects.get()
    assert alert.client == personas.casey
    assert alert.source == SignalSource.PROFILE
    assert alert.source_id == services.screening_id(result.profile, 1)
    assert result.check is not None
    assert result.check.show_crisis_screen
    assert result.check.alert == alert
    # What they wrote is saved first.
    assert Profile.objects.get().when_overwhelmed == "I want to die"


def test_each_save_that_shows_risk_alerts_on_its_own(personas, screen_returns, save):
    screen_returns(finding())
    save(personas.casey, "gentle", when_overwhelmed="I want to die")
    save(personas.casey, "gentle", approach_with_care="I want to end it")
    assert RiskAlert.objects.filter(source=SignalSource.PROFILE).count() == 2


def test_worry_about_someone_else_raises_no_alert_about_the_writer(personas, screen_returns, save):
    screen_returns(SOMEONE_ELSE)
    result = save(personas.casey, "what_matters", what_matters="My friend wants to die")
    assert result.check is not None
    assert result.check.show_helping_someone
    assert not RiskAlert.objects.exists()


def test_when_screening_breaks_the_care_team_is_asked_to_read(personas, monkeypatch, save):
    def broken():
        def run(text, lang):
            raise RuntimeError("injected fault")

        return run

    monkeypatch.setattr(services.safety, "_screener", broken)
    result = save(personas.casey, "care", cultural_faith="Sunday mornings")
    assert result.check is not None
    assert result.check.failed
    assert result.check.show_crisis_screen
    assert RiskAlert.objects.get().source == SignalSource.UNSCREENED
    assert Profile.objects.get().cultural_faith == "Sunday mornings"


def test_the_real_screener_alerts_on_words_of_crisis(personas, save):
    result = save(personas.casey, "gentle", when_overwhelmed="I want to kill myself tonight")
    assert result.check is not None
    assert result.check.show_crisis_screen
    assert RiskAlert.objects.filter(client=personas.casey).exists()


def test_everyday_words_raise_nothing_with_the_real_screener(personas, save):
    result = save(personas.casey, "gentle", when_overwhelmed="A walk by the river and some tea.")
    assert result.check is not None
    assert not result.check.show_crisis_screen
    assert not RiskAlert.objects.exists()


# --- What the recommender reads ----------------------------------------------------------------


def test_preferences_are_empty_without_a_profile(personas):
    prefs = services.preferences_for(personas.casey)
    assert prefs == services.Preferences(frozenset(), frozenset(), "", "")


def test_preferences_come_from_the_profile(personas, screened, save):
    save(personas.casey, "what_matters", helpful_kinds=["breathing", "sleep"], helped_before="Tea")
    save(personas.casey, "gentle", careful_tags=["eyes_closed"], when_overwhelmed="Cold water")
    prefs = services.preferences_for(personas.casey)
    assert prefs.helpful_kinds == frozenset({"breathing", "sleep"})
    assert prefs.careful_tags == frozenset({"eyes_closed"})
    assert (prefs.helped_before, prefs.when_overwhelmed) == ("Tea", "Cold water")
    assert not AuditEvent.objects.filter(action__startswith="profile:read").exists()
