"""Profile forms, one per section. Every field is optional. Length limits are checked by the
services, which word the errors; the forms never cut what someone typed (no maxlength: a
paste past it would be lost)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from heard.profiles.models import ContactMethod, Language, Modality
from heard.skills.library import KINDS, TAGS


def _text(label: Any, help_text: Any = "", rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": rows, "spellcheck": "true"}),
    )


def _choices(label: Any, choices: Any, help_text: Any = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        help_text=help_text,
        required=False,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
    )


class SectionForm(forms.Form):
    """A section of the profile; `section` names it (models.SECTIONS)."""

    section = ""

    def add_service_errors(self, error: ValidationError) -> None:
        """Show a service's per-field errors on the fields, keeping what was typed."""
        for field, messages in error.message_dict.items():
            self.add_error(field if field in self.fields else None, messages)

    def data_for_service(self) -> dict[str, object]:
        """What to save: every field of the section (an unticked list is an empty list)."""
        return {name: self.cleaned_data.get(name, "") for name in self.fields}


class AboutForm(SectionForm):
    section = "about"
    chosen_name = forms.CharField(
        label=_("The name you'd like us to use"),
        help_text=_("This is the name the app and your care team will use for you."),
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    pronouns = forms.CharField(
        label=_("Your pronouns"),
        help_text=_("For example: she/her, he/him, they/them. Leave it blank if you prefer."),
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    language = forms.ChoiceField(
        label=_("The language for the app"),
        required=False,
        choices=Language.choices,
        widget=forms.RadioSelect,
    )


class WhatMattersForm(SectionForm):
    section = "what_matters"
    what_matters = _text(
        _("What matters to me"),
        _("People, places, hopes or values that are important to you."),
    )
    strengths = _text(
        _("My strengths"),
        _("Things you are good at, or that people like about you. Small things count."),
    )
    helped_before = _text(
        _("What has helped me before"),
        _("Anything that made hard times a little easier."),
    )
    helpful_kinds = _choices(
        _("Kinds of skills that suit me"),
        list(KINDS.items()),
        _("We will suggest these kinds of exercises more often."),
    )


class CareForm(SectionForm):
    section = "care"
    modalities = _choices(_("I'd like to meet my care team"), Modality.choices)
    clinician_preferences = _text(
        _("What I'd like in a clinician"),
        _("For example: their gender, age, or the way they talk with you."),
    )
    cultural_faith = _text(
        _("Culture and faith"),
        _("Anything about your culture, faith or background your care team should know."),
    )
    accessibility_needs = _text(
        _("Accessibility needs"),
        _("For example: captions, large print, step-free access, extra time."),
    )


class GentleForm(SectionForm):
    section = "gentle"
    approach_with_care = _text(
        _("Topics to approach with care"),
        _("You don't have to explain why. A word or two is enough."),
    )
    careful_tags = _choices(
        _("In exercises, please go gently with"),
        list(TAGS.items()),
        _(
            "We won't suggest exercises that ask for these. They stay in the library if you "
            "want them."
        ),
    )
    when_overwhelmed = _text(
        _("What helps when I'm overwhelmed"),
        _("What others can do, or what you can do for yourself."),
    )
    contact_methods = _choices(_("How I like to be contacted"), ContactMethod.choices)
    contact_notes = _text(
        _("Anything else about contacting me"),
        _("For example: the best times, or if it's OK to leave a message."),
        rows=2,
    )


FORMS: dict[str, type[SectionForm]] = {
    form.section: form for form in (AboutForm, WhatMattersForm, CareForm, GentleForm)
}
