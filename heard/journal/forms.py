"""Journal forms. Length limits are checked by services.validate, which words the errors; the
forms never cut what someone typed (no maxlength: a paste past it would be lost)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from heard.journal import prompts


class EntryForm(forms.Form):
    """Writing an entry: an optional title and the text. Every field is optional for a
    draft; saving needs some text (services.save_entry says so)."""

    title = forms.CharField(
        label=_("Title (optional)"),
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "true"}),
    )
    body = forms.CharField(
        label=_("Your entry"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "true"}),
    )

    def add_service_errors(self, error: ValidationError) -> None:
        """Show a service's per-field errors on the fields, keeping what was typed."""
        for field, messages in error.message_dict.items():
            self.add_error(field if field in self.fields else None, messages)


class NewEntryForm(forms.Form):
    """Choose a prompt to start from, or a blank page."""

    prompt = forms.ChoiceField(
        label=_("How would you like to start?"),
        required=False,
        widget=forms.RadioSelect,
        choices=[(p.key, p.title) for p in prompts.choices()],
    )
