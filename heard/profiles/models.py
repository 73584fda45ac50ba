"""The person-centred profile a client fills in at their own pace (issue 6).

One profile per client. Every field is optional. The client writes it; the care team reads it
(when the client shares the "profile" category, on by default) at the top of the record.
Free text is encrypted at rest. Lists hold keys of fixed vocabularies (the kinds and tags of
heard.skills.library, and the care modalities and contact methods below), so the recommender
and the pages can rely on them.

`revision` counts saves: a save names the revision it started from, and a stale one is refused
(never a silent overwrite of what was saved meanwhile, say in another tab).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import User
from heard.core.fields import EncryptedTextField
from heard.core.models import PublicModel

TEXT_MAX_CHARS = 2_000
NAME_MAX_CHARS = 100
PRONOUNS_MAX_CHARS = 40


class Modality(models.TextChoices):
    """Ways of meeting the care team."""

    IN_PERSON = "in_person", _("In person")
    VIDEO = "video", _("Video")
    PHONE = "phone", _("Phone")
    TEXT = "text", _("Text or chat")


class ContactMethod(models.TextChoices):
    """Ways the care team may get in touch."""

    APP = "app", _("A message in Heard")
    EMAIL = "email", _("Email")
    PHONE_CALL = "phone_call", _("Phone call")
    TEXT_MESSAGE = "text_message", _("Text message")


class Language(models.TextChoices):
    """The languages the app speaks (User.language holds the same code)."""

    EN = "en", "English"
    ES = "es", "Español"


class Profile(PublicModel):
    """One client's profile. Everything optional; `revision` is 0 until the first save."""

    client = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")

    # About me. The chosen name is also kept on User.preferred_name (what the app shows).
    chosen_name = models.CharField(max_length=NAME_MAX_CHARS, blank=True)
    pronouns = models.CharField(max_length=PRONOUNS_MAX_CHARS, blank=True)
    language = models.CharField(max_length=8, blank=True)

    # What matters to me.
    what_matters = EncryptedTextField(blank=True)
    strengths = EncryptedTextField(blank=True)
    helped_before = EncryptedTextField(blank=True)
    helpful_kinds = models.JSONField(default=list, blank=True)  # heard.skills.library.KINDS keys

    # Care preferences.
    modalities = models.JSONField(default=list, blank=True)  # Modality values
    clinician_preferences = EncryptedTextField(blank=True)
    cultural_faith = EncryptedTextField(blank=True)
    accessibility_needs = EncryptedTextField(blank=True)

    # Going gently (trauma-informed preferences).
    approach_with_care = EncryptedTextField(blank=True)
    careful_tags = models.JSONField(default=list, blank=True)  # heard.skills.library.TAGS keys
    when_overwhelmed = EncryptedTextField(blank=True)
    contact_methods = models.JSONField(default=list, blank=True)  # ContactMethod values
    contact_notes = EncryptedTextField(blank=True)

    revision = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(language="") | models.Q(language__in=Language.values),
                name="profile_language_known",
            ),
        ]

    def __str__(self) -> str:
        return f"Profile {self.public_id}"
