from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import Organization, Role


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "That email and password didn't match. Please check them and try again."
        ),
        "inactive": _("This account is not active."),
    }


class SignupForm(forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=200)
    preferred_name = forms.CharField(
        label=_("What you'd like us to call you (optional)"), max_length=100, required=False
    )
    email = forms.EmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters. A few unrelated words work well."),
    )

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Join code"),
        max_length=20,
        help_text=_("Your service gives you this code. It has 8 letters and numbers."),
    )


class MFACodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text"}),
        help_text=_("The 6-digit code from your authenticator app, or one of your recovery codes."),
    )


class InviteForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=[])
    email = forms.EmailField(
        label=_("Email (optional)"),
        required=False,
        help_text=_("If you give an email, only that person can use the link."),
    )

    def __init__(self, *args: Any, roles: Sequence[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles  # type: ignore[attr-defined]


STAFF_INVITE_ROLES = [
    (Role.CLINICIAN, Role.CLINICIAN.label),
    (Role.SUPERVISOR, Role.SUPERVISOR.label),
    (Role.FACILITATOR, Role.FACILITATOR.label),
    (Role.ORG_ADMIN, Role.ORG_ADMIN.label),
    (Role.CLIENT, Role.CLIENT.label),
]


class OrganizationRegionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Organization
        fields = ["region"]
        labels = {"region": _("Country for crisis lines (two letters, e.g. US, GB, CA)")}
        help_texts = {"region": _("We show this country's crisis lines first on the help page.")}

    def clean_region(self) -> str:
        region: str = self.cleaned_data["region"].strip().upper()
        if len(region) != 2 or not region.isalpha():
            raise forms.ValidationError(_("Use the two-letter country code, like US or GB."))
        return region


class ClientInviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Their email (optional)"),
        required=False,
        help_text=_("If you give an email, only that person can use the link."),
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("What is this token for?"), max_length=100)
