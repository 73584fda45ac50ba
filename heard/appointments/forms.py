"""Forms for booking appointments, recording what happened, and closing episodes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heard.appointments.models import AppointmentKind, AppointmentStatus, EpisodeCloseReason
from heard.appointments.services import MAX_DURATION, MIN_DURATION


class AppointmentForm(forms.Form):
    """A new appointment. Date and time are read in the current time zone (the site's, or the
    one activated for the clinician)."""

    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Enter the date of the appointment."),
            "invalid": _("Enter a real date, for example 2026-03-14."),
        },
    )
    time = forms.TimeField(
        label=_("Start time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Enter the time the appointment starts."),
            "invalid": _("Enter a time, for example 14:30."),
        },
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=AppointmentKind.choices,
        initial=AppointmentKind.TREATMENT,
        help_text=_("Only attended treatment sessions count towards a finished course of care."),
        error_messages={
            "required": _("Choose a kind of appointment."),
            "invalid_choice": _("Choose a kind of appointment."),
        },
    )
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"),
        initial=50,
        min_value=MIN_DURATION,
        max_value=MAX_DURATION,
        error_messages={
            "required": _("Enter how long the appointment lasts, in minutes."),
            "invalid": _("Enter a whole number of minutes."),
            # Django fills in limit_value when the message is shown (in the reader's language).
            "min_value": _("An appointment lasts at least %(limit_value)s minutes."),
            "max_value": _("An appointment lasts at most %(limit_value)s minutes."),
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("date") and data.get("time"):
            data["starts_at"] = timezone.make_aware(
                datetime.combine(data["date"], data["time"]), timezone.get_current_timezone()
            )
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=AppointmentStatus.choices,
        error_messages={
            "required": _("Choose what happened."),
            "invalid_choice": _("Choose what happened."),
        },
    )


class OpenEpisodeForm(forms.Form):
    """A new episode of care; the referral date is optional (blank: today)."""

    referred_on = forms.DateField(
        label=_("Referral received on (optional)"),
        help_text=_("Leave blank if the referral came today. Reports count waiting time from it."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a real date, for example 2026-03-14.")},
    )


class CloseEpisodeForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why is this episode ending?"),
        choices=[("", _("Choose a reason")), *EpisodeCloseReason.choices],
        error_messages={
            "required": _("Choose why this episode is ending."),
            "invalid_choice": _("Choose why this episode is ending."),
        },
    )
