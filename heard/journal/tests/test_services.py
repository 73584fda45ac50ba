"""Journal services: drafts and saves (every saved version kept), limits, encryption at rest,
screening after saving, sharing, deletion, search and export."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from heard.audit.models import AuditEvent
from heard.journal import services
from heard.journal.models import BODY_MAX_CHARS, JournalEntry, JournalRevision, Screening
from heard.journal.tests.conftest import NOTHING, finding
from heard.milestones.models import Milestone
from heard.people import policy
from heard.people.models import Category
from heard.safety.models import RiskAlert

pytestmark = pytest.mark.django_db


def actions(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


# --- Starting and drafts -------------------------------------------------------------------


def test_starting_an_entry_makes_an_empty_audited_draft(personas):
    entry = services.start_entry(personas.casey, prompt="worry", lang="es-MX")
    assert entry.status == "draft"
    assert entry.prompt == "worry"
    assert entry.lang == "es"
    assert entry.revision == 0
    assert actions("journal:entry:start") == 1


def test_an_unknown_prompt_is_refused(personas):
    with pytest.raises(ValidationError):
        services.start_entry(personas.casey, prompt="nonsense")
    assert JournalEntry.objects.count() == 0


def test_autosave_keeps_the_text_and_makes_no_version_per_save(personas, screen_returns):
    screen_returns(NOTHING)
    entry = services.start_entry(personas.casey)
    for text in ("Today", "Today I", "Today I walked by the sea."):
        drafted = services.autosave_draft(personas.casey, entry=entry, title="", body=text)
        assert drafted.changed
    entry.refresh_from_db()
    assert entry.draft_body == "Today I walked by the sea."
    assert entry.has_draft
    assert entry.status == "draft"
    assert JournalRevision.objects.count() == 0
    # The same text again writes nothing and is not screened again.
    again = services.autosave_draft(
        personas.casey, entry=entry, title="", body="Today I walked by the sea."
    )
    assert not again.changed
    assert again.check is None
    assert actions("journal:entry:draft") == 3


def test_an_empty_draft_is_kept_but_not_screened(personas, screen_returns):
    screen_returns(finding())
    entry = services.start_entry(personas.casey)
    services.autosave_draft(personas.casey, entry=entry, title="", body="x")
    drafted = services.autosave_draft(personas.casey, entry=entry, title="", body="  ")
    assert drafted.changed
    assert drafted.check is None


def test_a_draft_that_shows_risk_alerts_once_per_entry(personas, screen_returns):
    screen_returns(finding())
    entry = services.start_entry(personas.casey)
    first = services.autosave_draft(personas.casey, entry=entry, title="", body="I want to die")
    second = services.autosave_draft(
        personas.casey, entry=entry, title="", body="I want to die, really"
    )
    assert first.check is not None
    assert first.check.show_crisis_screen
    assert second.check is not None
    assert second.check.alert == first.check.alert
    alert = RiskAlert.objects.get()
    assert alert.source == "journal"
    assert alert.source_id == entry.public_id


# --- Saving --------------------------------------------------------------------------------


def test_saving_a_draft_keeps_a_version_and_clears_the_draft(personas, screen_returns):
    screen_returns(NOTHING)
    entry = services.start_entry(personas.casey)
    services.autosave_draft(personas.casey, entry=entry, title="", body="half")
    saved = services.save_entry(personas.casey, entry=entry, title=" Sea ", body="Calm.\r\nGood.")
    entry.refresh_from_db()
    assert entry.status == "saved"
    assert (entry.title, entry.body) == ("Sea", "Calm.\nGood.")
    assert not entry.has_draft
    assert entry.draft_body == ""
    assert entry.revision == 1
    assert entry.saved_at is not None
    assert saved.revision.number == 1
    assert saved.revision.screening == Screening.CLEAR
    assert actions("journal:entry:save") == 1


def test_an_edit_keeps_the_earlier_text_as_a_version(personas, screen_returns, write):
    screen_returns(NOTHING)
    first = write(personas.casey, "First words.")
    second = services.save_entry(
        personas.casey, entry=first.entry, title="New", body="Second words."
    )
    assert second.entry.revision == 2
    assert second.entry.was_edited
    assert [(r.number, r.body) for r in JournalRevision.objects.order_by("number")] == [
        (1, "First words."),
        (2, "Second words."),
    ]


def test_saving_the_same_text_again_keeps_no_new_version(personas, screen_returns, write):
    screen_returns(finding())
    first = write(personas.casey, "I want to die")
    again = services.save_entry(personas.casey, entry=first.entry, title="", body="I want to die")
    assert again.revision == first.revision
    assert JournalRevision.objects.count() == 1
    assert RiskAlert.objects.count() == 1  # a retry never alerts twice
    assert again.milestone is None


def test_each_saved_edit_is_screened_with_its_own_version_id(personas, screen_returns, write):
    screen_returns(finding())
    first = write(personas.casey, "I want to die")
    second = services.save_entry(
        personas.casey, entry=first.entry, title="", body="I still want to die"
    )
    assert {a.source_id for a in RiskAlert.objects.all()} == {
        first.revision.public_id,
        second.revision.public_id,
    }


def test_the_first_entry_is_a_milestone(personas, screen_returns, write):
    screen_returns(NOTHING)
    first = write(personas.casey, "One.")
    second = write(personas.casey, "Two.")
    assert first.milestone is not None
    assert first.milestone.kind == "first_journal_entry"
    assert second.milestone is None


@pytest.mark.parametrize(
    ("title", "body", "field"),
    [
        ("", "", "body"),
        ("", "   \n ", "body"),
        ("", "x" * (BODY_MAX_CHARS + 1), "body"),
        ("t" * 201, "fine", "title"),
        ("two\nlines", "fine", "title"),
    ],
)
def test_text_that_cannot_be_saved_is_refused_and_nothing_is_stored(personas, title, body, field):
    with pytest.raises(ValidationError) as caught:
        services.create_entry(personas.casey, title=title, body=body)
    assert field in caught.value.message_dict
    assert JournalEntry.objects.count() == 0
    assert JournalRevision.objects.count() == 0


def test_an_over_long_draft_is_refused(personas):
    entry = services.start_entry(personas.casey)
    with pytest.raises(ValidationError):
        services.autosave_draft(
            personas.casey, entry=entry, title="", body="x" * (BODY_MAX_CHARS + 1)
        )
    entry.refresh_from_db()
    assert not entry.has_draft


def test_the_longest_entry_allowed_is_saved(personas, screen_returns, write):
    screen_returns(NOTHING)
    assert len(write(personas.casey, "y" * BODY_MAX_CHARS).entry.body) == BODY_MAX_CHARS


def test_the_api_can_keep_a_draft_in_one_go(personas, screen_returns):
    screen_returns(NOTHING)
    result = services.create_entry(personas.casey, title="", body="", draft=True)
    assert isinstance(result, services.Drafted)
    assert JournalEntry.objects.get().status == "draft"
    with pytest.raises(ValidationError):
        services.create_entry(personas.casey, title="", body="x", prompt="nope")


def raw(table: str, column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - fixed names
        return [row[0] for row in cursor.fetchall()]


def test_entries_and_versions_are_encrypted_at_rest(personas, screen_returns, write):
    screen_returns(NOTHING)
    saved = write(personas.casey, "A private thought", title="Secret title")
    services.autosave_draft(personas.casey, entry=saved.entry, title="", body="Draft thought")
    for column in ("title", "body", "draft_body"):
        values = raw("journal_journalentry", column)
        assert values, column
        assert all(v.startswith("enc:") for v in values), column
    for column in ("title", "body"):
        assert all(v.startswith("enc:") for v in raw("journal_journalrevision", column))
    assert "private" not in repr(raw("journal_journalentry", "body"))


# --- Screening after saving -----------------------------------------------------------------


def test_a_crisis_entry_is_saved_alerts_and_gets_no_reflection(personas, write):
    # The real engine.
    saved = write(personas.casey, "I'm going to kill myself tonight. I have the pills ready.")
    assert saved.check.show_crisis_screen
    assert saved.entry.body.startswith("I'm going to kill myself")
    alert = RiskAlert.objects.get()
    assert (alert.source, alert.source_id) == ("journal", saved.revision.public_id)
    assert saved.revision.screening == Screening.CRISIS
    assert services.reflection_for(saved.entry, saved.revision) is None


def test_when_screening_fails_the_entry_is_kept_and_an_unscreened_alert_raised(
    personas, screening_breaks, write
):
    saved = write(personas.casey, "Some words")
    assert saved.check.failed
    assert saved.revision.screening == Screening.FAILED
    assert JournalEntry.objects.get().body == "Some words"
    assert RiskAlert.objects.get().source == "unscreened"
    assert services.reflection_for(saved.entry, saved.revision) is None


def test_worry_about_someone_else_gets_no_reflection(personas, screen_returns, write):
    screen_returns(finding("concern", crisis=False, about="someone_else"))
    saved = write(personas.casey, "My friend said she wants to die")
    assert saved.revision.screening == Screening.SOMEONE_ELSE
    assert services.reflection_for(saved.entry, saved.revision) is None
    assert RiskAlert.objects.count() == 0


def test_a_calm_entry_gets_a_reflection_in_the_entry_language(personas, write):
    saved = write(personas.casey, "I felt so anxious and on edge before the exam.")
    reflection = services.reflection_for(saved.entry, saved.revision)
    assert reflection is not None
    assert reflection.lang == "en"
    assert "anxious" in reflection.heard.lower()
    assert services.reflection_for(saved.entry, None) is None


# --- Sharing ---------------------------------------------------------------------------------


def test_sharing_turns_the_journal_category_on_and_is_audited(personas, screen_returns, write):
    screen_returns(NOTHING)
    saved = write(personas.casey, "For Dana.")
    assert not policy.shares(personas.casey, Category.JOURNAL)
    shared = services.share_entry(personas.casey, entry=saved.entry)
    assert shared.category_turned_on
    assert shared.entry.is_shared
    assert shared.milestone is not None
    assert shared.milestone.kind == "first_shared_entry"
    assert policy.shares(personas.casey, Category.JOURNAL)
    again = services.share_entry(personas.casey, entry=saved.entry)
    assert not again.category_turned_on
    assert again.milestone is None
    assert actions("journal:entry:share") == 1
    assert actions("sharing:update") == 1


def test_a_draft_cannot_be_shared(personas):
    entry = services.start_entry(personas.casey)
    with pytest.raises(ValidationError):
        services.share_entry(personas.casey, entry=entry)


def test_taking_a_share_back_is_audited_and_idempotent(personas, screen_returns, write):
    screen_returns(NOTHING)
    saved = write(personas.casey, "For Dana.")
    services.share_entry(personas.casey, entry=saved.entry)
    services.unshare_entry(personas.casey, entry=saved.entry)
    services.unshare_entry(personas.casey, entry=saved.entry)
    assert not JournalEntry.objects.get().is_shared
    assert actions("journal:entry:unshare") == 1


def test_deleting_removes_the_entry_and_every_version(personas, screen_returns, write):
    screen_returns(NOTHING)
    saved = write(personas.casey, "One")
    services.save_entry(personas.casey, entry=saved.entry, title="", body="Two")
    services.delete_entry(personas.casey, entry=saved.entry)
    assert JournalEntry.objects.count() == 0
    assert JournalRevision.objects.count() == 0
    event = AuditEvent.objects.get(action="journal:entry:delete")
    assert event.extra == {"revisions": 2, "was_shared": False}
    assert Milestone.objects.filter(kind="first_journal_entry").exists()


# --- Search ----------------------------------------------------------------------------------


def test_search_finds_accented_spanish_words_ignoring_case(personas, screen_returns, write):
    screen_returns(NOTHING)
    older = write(personas.casey, "Mañana iré a la MONTAÑA con mi hermana.", title="Planes")
    newer = write(personas.casey, "Hoy sentí el corazón tranquilo en la montaña.")
    write(personas.cam, "montaña de Cam")
    assert [m.entry for m in services.search_entries(personas.casey, "montana")] == [
        newer.entry,
        older.entry,
    ]
    assert [m.entry for m in services.search_entries(personas.casey, "CORAZON")] == [newer.entry]
    assert [m.entry for m in services.search_entries(personas.casey, "manana hermana")] == [
        older.entry
    ]
    assert services.search_entries(personas.casey, "mañana playa") == []
    assert services.search_entries(personas.casey, "   ") == []
    (match,) = services.search_entries(personas.casey, "Corazón")
    assert "corazón" in match.snippet


def test_search_matches_titles_and_drafts_and_shows_a_snippet(personas, screen_returns, write):
    screen_returns(NOTHING)
    words = " ".join(f"word{i}" for i in range(80))
    saved = write(personas.casey, words + " needle " + words, title="Garden")
    draft = services.start_entry(personas.casey)
    services.autosave_draft(personas.casey, entry=draft, title="", body="A draft about a garden")
    found = services.search_entries(personas.casey, "garden")
    assert [m.entry for m in found] == [draft, saved.entry]
    title_only = found[1]
    assert title_only.snippet.startswith("word0 ")
    assert title_only.snippet.endswith("…")
    (needle,) = services.search_entries(personas.casey, "NEEDLE")
    assert needle.snippet.startswith("…")
    assert needle.snippet.endswith("…")
    assert "needle" in needle.snippet


def test_fold_maps_back_to_the_original_text():
    folded, where = services.fold("Straße Ñandú e\u0301")
    assert folded == "strasse nandu e"
    assert where[5] == where[4] == 4  # ß became "ss"
    assert services.snippet("short text", 0, 5) == "short text"


# --- Export ----------------------------------------------------------------------------------


def test_export_is_audited(personas, screen_returns, write):
    screen_returns(NOTHING)
    write(personas.casey, "One")
    services.export_entries(personas.casey, fmt="json")
    event = AuditEvent.objects.get(action="journal:export")
    assert event.extra == {"format": "json", "count": 1}
