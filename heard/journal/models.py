"""The private journal: entries a client writes for themself, encrypted at rest.

An entry is private by default. The care team sees it only when the client shares that one
entry AND the client's "journal" sharing category is on (people.models.Category.JOURNAL): the
category is a master switch that hides every shared entry at once.

Text lives in two places on an entry: the saved text (`title`, `body`: what the client reads
back, exports, and what the care team sees when shared) and the draft (`draft_title`,
`draft_body`: what autosave keeps while the person types). A save moves the draft into the
saved text and keeps that saved version as a JournalRevision, so every saved version is kept
and a half-written edit of a shared entry never reaches the care team.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import User
from heard.core.fields import EncryptedTextField
from heard.core.models import PublicModel

BODY_MAX_CHARS = 20_000
TITLE_MAX_CHARS = 200


class Prompt(models.TextChoices):
    """The gentle prompts a person can start from (words in journal/prompts.py)."""

    GRATITUDE = "gratitude", _("Gratitude")
    NEED = "need", _("What I need")
    WORRY = "worry", _("A worry put into words")
    VALUES = "values", _("Values")
    KINDER_VOICE = "kinder_voice", _("A kinder voice")


class EntryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SAVED = "saved", _("Saved")


class JournalEntry(PublicModel):
    """One journal entry. `revision` counts saves (0 while it has never been saved)."""

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="journal_entries")
    title = EncryptedTextField(blank=True)
    body = EncryptedTextField(blank=True)
    draft_title = EncryptedTextField(blank=True)
    draft_body = EncryptedTextField(blank=True)
    # When autosave last kept the draft; None when there is no unsaved draft.
    draft_at = models.DateTimeField(null=True, blank=True)
    prompt = models.CharField(max_length=16, choices=Prompt.choices, blank=True)
    status = models.CharField(max_length=8, choices=EntryStatus.choices, default=EntryStatus.DRAFT)
    lang = models.CharField(max_length=8, blank=True)
    shared_at = models.DateTimeField(null=True, blank=True)
    saved_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(prompt="") | Q(prompt__in=Prompt.values),
                name="journalentry_prompt_known",
            ),
            models.CheckConstraint(
                condition=Q(status__in=EntryStatus.values), name="journalentry_status_known"
            ),
            # Only saved text can be shared: a draft never reaches the care team.
            models.CheckConstraint(
                condition=Q(shared_at__isnull=True) | Q(status=EntryStatus.SAVED),
                name="journalentry_shared_only_when_saved",
            ),
        ]
        indexes = [
            models.Index(fields=["client", "created_at"], name="journalentry_client_idx"),
            models.Index(fields=["client", "shared_at"], name="journalentry_shared_idx"),
        ]

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None

    @property
    def has_draft(self) -> bool:
        return self.draft_at is not None

    @property
    def is_saved(self) -> bool:
        return self.status == EntryStatus.SAVED

    @property
    def was_edited(self) -> bool:
        return self.revision > 1


class Screening(models.TextChoices):
    """What screening a saved version found, so the page can decide what follows it."""

    PENDING = "pending", _("Not screened yet")
    CLEAR = "clear", _("Nothing of concern")
    SOMEONE_ELSE = "someone_else", _("Worry about someone else")
    CRISIS = "crisis", _("Crisis response shown")
    FAILED = "failed", _("Screening could not run")


class JournalRevision(PublicModel):
    """One saved version of an entry. Its public id is what screening alerts name, so each
    saved edit is screened once and a retried save never alerts twice."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = EncryptedTextField(blank=True)
    body = EncryptedTextField(blank=True)
    screening = models.CharField(
        max_length=16, choices=Screening.choices, default=Screening.PENDING
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="journalrevision_one_number"),
        ]
