"""Forms for the care team's caseload."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import User
from heard.people import services


class ReassignForm(forms.Form):
    """A supervisor moves a client to another clinician in their team. The choices are the
    clinicians who report to the supervisor; the service checks the client's organization."""

    to_clinician = forms.ModelChoiceField(
        queryset=User.objects.none(),
        to_field_name="public_id",
        error_messages={
            "required": _("Choose a clinician."),
            "invalid_choice": _("Choose a clinician in your team."),
        },
    )
    from_clinician = forms.ModelChoiceField(
        queryset=User.objects.none(), to_field_name="public_id", required=False
    )
    reason = forms.ChoiceField(
        choices=list(services.REASSIGN_REASONS.items()),
        error_messages={
            "required": _("Choose a reason for the change."),
            "invalid_choice": _("Choose a reason for the change."),
        },
    )

    def __init__(self, *args: Any, supervisor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.team = services.supervised_clinicians(supervisor)
        for name in ("to_clinician", "from_clinician"):
            field = cast("forms.ModelChoiceField[User]", self.fields[name])
            field.queryset = self.team

    def clean(self) -> dict[str, Any]:
        if not self.team.exists():
            raise forms.ValidationError(
                _("You can only reassign clients of the clinicians you supervise.")
            )
        return super().clean() or {}
