"""Session note forms. Length limits are checked by notes.rules, which words the errors; the
forms never cut what was typed (no maxlength)."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heard.notes import rules


class NoteForm(forms.Form):
    """The fields of one template, the session date, and the revision the page was loaded
    at (so a save from a stale page is refused, not silently overwriting)."""

    session_date = forms.DateField(
        label=_("Session date"),
        help_text=_("The day the session took place."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        template: rules.Template,
        appointments: list[tuple[str, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.template = template
        if appointments:
            self.fields["appointment"] = forms.ChoiceField(
                label=_("Appointment (optional)"),
                help_text=_("The session this note is about, if it was booked here."),
                choices=[("", _("Not linked to an appointment")), *appointments],
                required=False,
            )
        for f in template.fields:
            self.fields[f.key] = forms.CharField(
                label=str(f.label),
                help_text=str(f.help),
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "true"}),
            )

    def note_fields(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(key) or "" for key in self.template.keys}

    def add_problems(self, problems: dict[str, str]) -> None:
        """Show a service's per-field problems on the fields, keeping what was typed."""
        for key, message in problems.items():
            self.add_error(key if key in self.fields else None, message)

    def clean_session_date(self) -> datetime.date:
        date: datetime.date = self.cleaned_data["session_date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The session date can't be in the future."))
        return date


class AddendumForm(forms.Form):
    text = forms.CharField(
        label=_("Addendum"),
        help_text=_(
            "A correction or something to add. It is kept with the note and can't be changed."
        ),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "true"}),
    )
