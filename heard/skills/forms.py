"""Forms for logging a practice and for the care team's skill recommendations. Ranges and
the skill itself are checked again by the services (the same messages as the API)."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from heard.skills import library
from heard.skills.models import Helped
from heard.skills.services import NOTE_MAX, RECOMMENDATION_NOTE_MAX


def _distress(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[(str(n), str(n)) for n in range(11)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the numbers shown.")},
    )


class PracticeForm(forms.Form):
    distress_before = _distress(_("Before you start: how much distress do you feel right now?"))
    distress_after = _distress(_("And now, how much distress do you feel?"))
    helped = forms.ChoiceField(
        label=_("Did this help?"),
        choices=Helped.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the answers shown.")},
    )
    note = forms.CharField(
        label=_("Anything you want to remember about it?"),
        required=False,
        strip=True,
        max_length=NOTE_MAX,
        widget=forms.Textarea,
    )
    # One key per form, so pressing "Save" twice stores one practice.
    key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("key", uuid.uuid4().hex)


class RecommendForm(forms.Form):
    skill_key = forms.ChoiceField(label=_("Skill"), choices=())
    note = forms.CharField(
        label=_("A note to the client (optional)"),
        help_text=_("For example, when it might help. The client sees this note."),
        required=False,
        strip=True,
        max_length=RECOMMENDATION_NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["skill_key"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
        field.choices = [("", _("Choose a skill"))] + [
            (s.key, f"{s.title} ({library.KINDS.get(s.kind, s.kind)})")
            for s in library.all_skills()
        ]
