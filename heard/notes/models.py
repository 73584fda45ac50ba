"""Session notes: what a clinician writes about a session, encrypted at rest.

A note starts as a draft its author may change; signing locks it for good (signed notes and
their addenda are never changed or deleted: services.py enforces it). Later corrections are
addenda. A note is a progress note (the care team's record) or a psychotherapy note (the
author's own process notes, which only the author ever sees: notes/access.py).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import Organization, User
from heard.appointments.models import Appointment, Episode
from heard.core.fields import EncryptedTextField
from heard.core.models import PublicModel


class NoteKind(models.TextChoices):
    PROGRESS = "progress", _("Progress note")
    PSYCHOTHERAPY = "psychotherapy", _("Psychotherapy note")


class NoteTemplate(models.TextChoices):
    SOAP = "soap", _("SOAP")
    DAP = "dap", _("DAP")
    BIRP = "birp", _("BIRP")
    FREE = "free", _("Free text")


class NoteStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")


class SessionNote(PublicModel):
    """One session note. `content` is the JSON of the template's fields (notes.rules);
    `revision` counts saves, so a save made from a stale page is refused."""

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="session_notes")
    author = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    appointment = models.ForeignKey(
        Appointment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    episode = models.ForeignKey(
        Episode, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=NoteKind.choices, default=NoteKind.PROGRESS)
    template = models.CharField(
        max_length=8, choices=NoteTemplate.choices, default=NoteTemplate.SOAP
    )
    content = EncryptedTextField(blank=True)
    status = models.CharField(max_length=8, choices=NoteStatus.choices, default=NoteStatus.DRAFT)
    session_date = models.DateField()
    signed_at = models.DateTimeField(null=True, blank=True)
    signed_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-session_date", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=NoteKind.values), name="sessionnote_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(template__in=NoteTemplate.values), name="sessionnote_template_known"
            ),
            models.CheckConstraint(
                condition=Q(status__in=NoteStatus.values), name="sessionnote_status_known"
            ),
            # A signed note says when and by whom; a draft says neither.
            models.CheckConstraint(
                condition=(
                    Q(
                        status=NoteStatus.SIGNED,
                        signed_at__isnull=False,
                        signed_by__isnull=False,
                    )
                    | Q(status=NoteStatus.DRAFT, signed_at__isnull=True, signed_by__isnull=True)
                ),
                name="sessionnote_signed_has_signer",
            ),
        ]
        indexes = [
            models.Index(fields=["client", "session_date"], name="sessionnote_client_idx"),
            models.Index(fields=["author", "kind"], name="sessionnote_author_idx"),
        ]

    @property
    def is_signed(self) -> bool:
        return self.status == NoteStatus.SIGNED

    @property
    def is_psychotherapy(self) -> bool:
        return self.kind == NoteKind.PSYCHOTHERAPY


class NoteAddendum(PublicModel):
    """A later addition to a signed note. Never changed or deleted once written."""

    note = models.ForeignKey(SessionNote, on_delete=models.CASCADE, related_name="addenda")
    author = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    text = EncryptedTextField()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="noteaddendum_text_not_empty"),
        ]
