"""One page of self-check questions, and the short sign-up form that keeps the results."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from heard.instruments.registry import Item, get_instrument
from heard.selfcheck import flow

# The answer that skips a question. Scores are numbers, so it can't clash with one.
SKIP = "skip"


def field_name(number: int) -> str:
    return f"q{number}"


class PageForm(forms.Form):
    """A radio group per item on the page, each with "Prefer not to answer".

    Every question needs a choice so nothing is skipped by accident; choosing "Prefer not to
    answer" skips it without counting against the person.
    """

    def __init__(self, *args: Any, page: flow.Page, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page = page
        instrument = get_instrument(page.instrument_id)
        self.items: list[Item] = [instrument.item(number) for number in page.numbers]
        for item in self.items:
            choices = [(str(option.value), option.display) for option in item.options]
            choices.append((SKIP, _("Prefer not to answer")))
            self.fields[field_name(item.number)] = forms.ChoiceField(
                label=item.text,
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _(
                        "Choose an answer for question %(number)s, "
                        "or choose “Prefer not to answer”."
                    )
                    % {"number": item.number},
                    "invalid_choice": _("Choose one of the answers shown for question %(number)s.")
                    % {"number": item.number},
                },
            )

    @classmethod
    def with_answers(cls, page: flow.Page, answers: flow.Answers) -> PageForm:
        """An unbound form showing answers given before (after the person went Back)."""
        initial = {
            field_name(number): SKIP if value is None else str(value)
            for number, value in answers.items()
        }
        return cls(page=page, initial=initial)

    def questions(self) -> list[tuple[int, forms.BoundField]]:
        """(item number, bound field) for each question, in order, for the template."""
        return [(item.number, self[field_name(item.number)]) for item in self.items]

    def error_links(self) -> list[tuple[str, str]]:
        """(id of the first answer, message) for each question with an error, for the
        summary at the top of the page."""
        return [
            (f"{field.auto_id}_0", str(error))
            for _number, field in self.questions()
            for error in field.errors
        ]

    def values(self) -> dict[int, int | None]:
        """Item number -> score, or None for "Prefer not to answer". Call after is_valid()."""
        values: dict[int, int | None] = {}
        for item in self.items:
            chosen = self.cleaned_data[field_name(item.number)]
            values[item.number] = None if chosen == SKIP else int(chosen)
        return values


class KeepChoiceForm(forms.Form):
    """The explicit choice to keep the results, shown with the join page's SignupForm when
    the person has no account. Never ticked for them."""

    keep = forms.BooleanField(
        label=gettext_lazy("Keep my self-check results in my account"),
        error_messages={
            "required": gettext_lazy(
                "To keep your results, tick “Keep my self-check results in my account”."
            )
        },
    )
