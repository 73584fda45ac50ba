"""The person-centred profile a client fills in at their own pace (issue 6).

One profile per client. Every field is optional. The client writes it; the care team reads it
(when the client shares the "profile" category, on by default) at the top of the record.
Free text is encrypted at rest. Lists hold keys of fixed vocabularies (the kinds and tags of
heard.skills.library, and the care modalities and contact methods below), so the recommender
and the pages can rely on them.

`revision` counts saves, and `section_revisions` remembers the revision at which each section
last changed. A save names the revision it started from: when its section changed after that
(say in another tab), the save is refused as a conflict, never a silent overwrite. Saving one
section never blocks saving another one that nobody else touched.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import User
from heard.core.fields import EncryptedTextField
from heard.core.models import PublicModel
from heard.skills.library import KINDS, TAGS

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


# The four parts of the profile, each saved on its own, and the fields each one holds.
SECTIONS: dict[str, tuple[str, ...]] = {
    "about": ("chosen_name", "pronouns", "language"),
    "what_matters": ("what_matters", "strengths", "helped_before", "helpful_kinds"),
    "care": ("modalities", "clinician_preferences", "cultural_faith", "accessibility_needs"),
    "gentle": (
        "approach_with_care",
        "careful_tags",
        "when_overwhelmed",
        "contact_methods",
        "contact_notes",
    ),
}


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
    # {section: the revision at which that section last changed}.
    section_revisions = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(language="") | models.Q(language__in=Language.values),
                name="profile_language_known",
            ),
        ]

    def __str__(self) -> str:
        return f"Profile {self.public_id}"

    @property
    def is_saved(self) -> bool:
        """False for the blank profile shown before a person's first save."""
        return self.revision > 0

    def has_something_in(self, section: str) -> bool:
        """Whether the person has written or chosen anything in `section` (the language
        alone does not count: everyone has one)."""
        return any(getattr(self, name) for name in SECTIONS[section] if name != "language")

    @property
    def filled_sections(self) -> list[str]:
        return [section for section in SECTIONS if self.has_something_in(section)]

    @property
    def language_label(self) -> str:
        return str(dict(Language.choices).get(self.language, ""))

    @property
    def helpful_kind_labels(self) -> list[str]:
        return [str(KINDS[k]) for k in self.helpful_kinds if k in KINDS]

    @property
    def careful_tag_labels(self) -> list[str]:
        return [str(TAGS[k]) for k in self.careful_tags if k in TAGS]

    @property
    def modality_labels(self) -> list[str]:
        labels = dict(Modality.choices)
        return [str(labels[k]) for k in self.modalities if k in labels]

    @property
    def contact_method_labels(self) -> list[str]:
        labels = dict(ContactMethod.choices)
        return [str(labels[k]) for k in self.contact_methods if k in labels]
