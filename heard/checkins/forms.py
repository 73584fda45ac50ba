"""The check-in form: quick on a phone, every field optional."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from heard.checkins import rules
from heard.listening.feelings import GROUPS


def _scale(lo: int, hi: int) -> list[tuple[str, str]]:
    return [(str(n), str(n)) for n in range(lo, hi + 1)]


def _optional_int(label: Any, lo: int, hi: int) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=_scale(lo, hi),
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the numbers shown.")},
    )


SLEEP_QUALITY = [
    ("1", _("Very poor")),
    ("2", _("Poor")),
    ("3", _("Okay")),
    ("4", _("Good")),
    ("5", _("Very good")),
]
CONNECTION = [
    ("0", _("Not at all")),
    ("1", _("A little")),
    ("2", _("Somewhat")),
    ("3", _("Quite")),
    ("4", _("Very")),
]
SUBSTANCES = [
    ("cannabis", _("Cannabis")),
    ("nicotine", _("Nicotine")),
    ("other", _("Something else")),
]


class CheckInForm(forms.Form):
    mood = _optional_int(_("How is your mood right now?"), 0, 10)
    feelings = forms.MultipleChoiceField(
        label=_("Feelings"),
        choices=[(f.key, f.label) for g in GROUPS for f in g.feelings],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sleep_hours = forms.CharField(label=_("Hours of sleep last night"), required=False)
    sleep_quality = forms.TypedChoiceField(
        label=_("How well did you sleep?"),
        choices=SLEEP_QUALITY,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    movement_minutes = forms.IntegerField(label=_("Minutes of movement today"), required=False)
    connection = forms.TypedChoiceField(
        label=_("How connected to other people do you feel today?"),
        choices=CONNECTION,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    stress = _optional_int(_("How stressed do you feel?"), 0, 10)
    alcohol_drinks = forms.IntegerField(label=_("Alcoholic drinks today"), required=False)
    substances = forms.MultipleChoiceField(
        label=_("Anything else today?"),
        choices=SUBSTANCES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    what_helped = forms.CharField(label=_("What helped today?"), required=False, strip=True)
    note = forms.CharField(
        label=_("Anything else you want to note?"),
        required=False,
        strip=True,
        widget=forms.Textarea,
    )
    # Filled in by checkin.js: the browser's time zone, used when the person has not chosen one.
    tz = forms.CharField(required=False, widget=forms.HiddenInput)
    # One key per form, so pressing "Save" twice stores one check-in.
    key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args: Any, track_substances: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.track_substances = track_substances
        if not self.is_bound:
            self.initial.setdefault("key", uuid.uuid4().hex)
        if not track_substances:
            del self.fields["alcohol_drinks"]
            del self.fields["substances"]

    def clean_sleep_hours(self) -> Any:
        try:
            return rules.parse_hours(self.cleaned_data.get("sleep_hours"))
        except ValueError:
            raise forms.ValidationError(_("Enter hours as a number, like 7 or 6.5.")) from None

    def values(self) -> rules.Values:
        data = self.cleaned_data
        return rules.Values(
            mood=data.get("mood"),
            feelings=tuple(data.get("feelings") or ()),
            sleep_hours=data.get("sleep_hours"),
            sleep_quality=data.get("sleep_quality"),
            movement_minutes=data.get("movement_minutes"),
            connection=data.get("connection"),
            stress=data.get("stress"),
            alcohol_drinks=data.get("alcohol_drinks"),
            substances=tuple(data.get("substances") or ()),
            what_helped=data.get("what_helped") or "",
            note=data.get("note") or "",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        values = self.values()  # fields that failed their own check are left out here
        if not self.errors and values.is_empty():
            raise forms.ValidationError(_("Add at least one thing, even just your mood."))
        for name, message in rules.check(values, track_substances=self.track_substances).items():
            if name not in self.errors:
                self.add_error(name if name in self.fields else None, message)
        return data

    def feeling_groups(self) -> list[dict[str, Any]]:
        """The feelings checkboxes, grouped by energy and pleasantness, for the template."""
        chosen = set(self["feelings"].value() or ())
        return [
            {
                "key": g.key,
                "label": g.label,
                "feelings": [
                    {"key": f.key, "label": f.label, "checked": f.key in chosen} for f in g.feelings
                ],
            }
            for g in GROUPS
        ]

    @staticmethod
    def initial_from(values: rules.Values, at: datetime | None = None) -> dict[str, Any]:
        data = values.as_json()
        return {k: v for k, v in data.items() if v not in (None, "", [])}


class CheckInSettingsForm(forms.Form):
    track_substances = forms.BooleanField(
        label=_("Ask me about alcohol and other substances in check-ins"),
        required=False,
        help_text=_("Only you decide. You can turn this off at any time."),
    )
    time_zone = forms.CharField(
        label=_("Your time zone"),
        required=False,
        help_text=_('For example "America/Chicago". Your days and times follow it.'),
    )
