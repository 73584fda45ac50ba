from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from heard.safety import access
from heard.safety.models import ContactWay, RiskAlert
from heard.safety.services import NOTE_MAX_CHARS


class ContactRequestForm(forms.Form):
    """Ask my care team to get in touch: how, and (optionally) anything to tell them first."""

    how = forms.ChoiceField(
        label=_("How would you like them to contact you?"),
        choices=ContactWay.choices,
        initial=ContactWay.ANY,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose how you'd like to be contacted.")},
    )
    note = forms.CharField(
        label=_("Anything you'd like them to know first? (optional)"),
        help_text=_("Only your care team can read this."),
        required=False,
        max_length=NOTE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _("Please keep the note under %(limit_value)d characters."),
        },
    )
    alert = forms.CharField(required=False, widget=forms.HiddenInput)
    # One key per form shown, so a double submit sends one request.
    key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if not self.is_bound:
            self.initial.setdefault("key", uuid.uuid4().hex)


def reach_out_context(alert: RiskAlert | None) -> dict[str, object]:
    """What safety/_reach_out_section.html needs besides `care_team`: whether a request is
    already on its way after `alert`, and the form that links a new one to it."""
    return {
        "asked": access.contact_requested(alert),
        "form": ContactRequestForm(initial={"alert": alert.public_id if alert else ""}),
    }
