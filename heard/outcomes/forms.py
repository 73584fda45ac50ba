"""The report's filters: the period and the grouping."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

PERIODS = (
    ("3", _("Last 3 months")),
    ("6", _("Last 6 months")),
    ("12", _("Last 12 months")),
    ("custom", _("Dates I choose")),
)
GROUP_LABELS = {
    "clinician": _("Clinician"),
    "program": _("Program"),
    "month": _("Month"),
    "quarter": _("Quarter"),
}
# A custom period longer than this is refused: the report reads every episode in it.
MAX_DAYS = 3 * 366


def months_back(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day when it has no such day)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class ReportForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Period"),
        choices=PERIODS,
        initial="12",
        widget=forms.RadioSelect(attrs={"class": "usa-radio__input"}),
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    group_by = forms.ChoiceField(label=_("Group by"))

    def __init__(self, *args: Any, group_choices: tuple[str, ...], today: date, **kw: Any):
        super().__init__(*args, **kw)
        self.today = today
        group_field = cast("forms.ChoiceField", self.fields["group_by"])
        group_field.choices = [(key, GROUP_LABELS[key]) for key in group_choices]
        group_field.initial = group_choices[0]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        period = data.get("period")
        if period == "custom":
            start, end = data.get("start"), data.get("end")
            if start is None or end is None:
                raise forms.ValidationError(_("Choose both dates for your own period."))
            if end < start:
                raise forms.ValidationError(_("The end date must be on or after the start date."))
            if (end - start).days > MAX_DAYS:
                raise forms.ValidationError(_("Choose a period of three years or less."))
        elif period:
            data["end"] = self.today
            data["start"] = months_back(self.today, int(period))
        return data
