from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from heard.instruments import cssrs
from heard.instruments.registry import Item, all_instruments

SKIP = "skip"


class AnswerForm(forms.Form):
    """One question: its answer options plus "Prefer not to answer"."""

    answer = forms.ChoiceField(
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose an answer, or “Prefer not to answer”."),
            "invalid_choice": _("Choose an answer, or “Prefer not to answer”."),
        },
    )

    def __init__(self, *args: Any, item: Item, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["answer"])
        field.choices = [(str(o.value), o.display) for o in item.options] + [
            (SKIP, _("Prefer not to answer"))
        ]
        field.label = item.text

    def value(self) -> int | None:
        raw = self.cleaned_data["answer"]
        return None if raw == SKIP else int(raw)


class LaterForm(AnswerForm):
    """ "Save and finish later" may be pressed without choosing an answer."""

    def __init__(self, *args: Any, item: Item, **kwargs: Any) -> None:
        super().__init__(*args, item=item, **kwargs)
        self.fields["answer"].required = False

    def value_or_unanswered(self) -> tuple[bool, int | None]:
        raw = self.cleaned_data.get("answer") or ""
        if raw == "":
            return False, None
        return True, self.value()


def instrument_choices() -> list[tuple[str, str]]:
    return [(i.id, f"{i.name} — {i.title}") for i in all_instruments()]


class ScheduleForm(forms.Form):
    instrument = forms.ChoiceField(label=_("Questionnaire"))
    every_days = forms.IntegerField(
        label=_("Every how many days"),
        required=False,
        min_value=1,
        max_value=365,
        help_text=_("For example 14 for every two weeks. Leave empty to use appointments only."),
    )
    before_appointments = forms.BooleanField(label=_("Before each appointment"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["instrument"])
        field.choices = instrument_choices()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("every_days") is None and not data.get("before_appointments"):
            raise forms.ValidationError(
                _("Choose how often: every so many days, before each appointment, or both.")
            )
        return data


_YES_NO = [("", _("Not asked")), ("yes", _("Yes")), ("no", _("No"))]


class CssrsForm(forms.Form):
    """A C-SSRS Screener result given on paper or through a licensed product. The field labels
    say what each question covers, in our words (the questions are not shipped)."""

    administered_at = forms.DateTimeField(
        label=_("When it was given"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        required=False,
        help_text=_("Leave empty for now."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in cssrs.QUESTIONS:
            self.fields[question.key] = forms.ChoiceField(
                label=f"{question.number}. {gettext(question.covers)} ({gettext(question.period)})",
                choices=_YES_NO,
                required=False,
            )

    def answers(self) -> cssrs.CssrsAnswers:
        def value(key: str) -> bool | None:
            raw = self.cleaned_data.get(key) or ""
            return None if raw == "" else raw == "yes"

        return cssrs.CssrsAnswers(
            wish_to_be_dead=bool(value("wish_to_be_dead")),
            suicidal_thoughts=bool(value("suicidal_thoughts")),
            method=value("method"),
            intent=value("intent"),
            plan=value("plan"),
            behaviour=bool(value("behaviour")),
            behaviour_recent=value("behaviour_recent"),
        )
