"""Sign in and out, MFA, invites and join codes, account security, and the org admin home."""

from __future__ import annotations

from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from heard.accounts import access, services
from heard.accounts.forms import (
    STAFF_INVITE_ROLES,
    ApiTokenForm,
    ClientInviteForm,
    EmailAuthenticationForm,
    InviteForm,
    JoinCodeForm,
    MFACodeForm,
    OrganizationRegionForm,
    SignupForm,
)
from heard.accounts.middleware import SESSION_IS_STAFF
from heard.accounts.models import Role, User
from heard.core.http import request_user

BACKEND = "django.contrib.auth.backends.ModelBackend"


def _safe_next(request: HttpRequest, default: str = "home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


class LoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


def locked_out(
    request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any
) -> HttpResponse:
    """Shown by django-axes when an account or address has had too many failed sign-ins."""
    return render(request, "accounts/locked_out.html", status=429)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    from django.contrib.auth import logout

    logout(request)
    messages.info(request, _("You're signed out. Take care."))
    response = redirect("accounts:login")
    # The offline copy of the safety plan (service worker cache) must not outlive the session.
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


@login_required
def mfa_setup(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    device = services.start_totp_setup(user)
    form = MFACodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.confirm_totp(user, device=device, code=form.cleaned_data["code"])
        except ValidationError as exc:
            form.add_error("code", exc.messages[0])
        else:
            otp_login(request, device)
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": _safe_next(request)},
            )
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "accounts/mfa_setup.html",
        {
            "form": form,
            "qr_svg": qr.svg_inline(
                scale=4,
                dark="#1b1b1b",
                light="#ffffff",
                title=_("QR code for your authenticator app"),
            ),
            "secret": _b32(device.bin_key),
            "next": request.GET.get("next", ""),
        },
    )


def _b32(key: bytes) -> str:
    import base64

    raw = base64.b32encode(key).decode("ascii").rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@login_required
def mfa_verify(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if services.confirmed_totp(user) is None:
        return redirect("accounts:mfa_setup")
    form = MFACodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.verify_second_factor(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return HttpResponseRedirect(_safe_next(request))
        form.add_error(
            "code",
            _("That code didn't work. Codes change every 30 seconds, so try the newest one."),
        )
    return render(
        request, "accounts/mfa_verify.html", {"form": form, "next": request.GET.get("next", "")}
    )


@login_required
def security(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    return render(
        request,
        "accounts/security.html",
        {
            "has_mfa": services.confirmed_totp(user) is not None,
            "tokens": user.api_tokens.filter(revoked_at__isnull=True).order_by("-created_at"),
            "token_form": ApiTokenForm(),
        },
    )


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = PasswordChangeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.change_password(user, new_password=form.cleaned_data["new_password1"])
        update_session_auth_hash(request, user)  # keep this session; every other one ends
        messages.success(request, _("Your password is changed. You're signed out everywhere else."))
        return redirect("accounts:security")
    return render(request, "accounts/password_change.html", {"form": form})


@login_required
@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    services.sign_out_everywhere(request_user(request))
    messages.info(request, _("You're signed out on every device, including this one."))
    return redirect("accounts:login")


@login_required
@require_POST
def recovery_codes_regenerate(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if services.confirmed_totp(user) is None:
        return redirect("accounts:mfa_setup")
    codes = services.regenerate_recovery_codes(user)
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next": reverse("accounts:security")},
    )


@login_required
@require_POST
def api_token_create(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the token a short name so you can recognise it later."))
        return redirect("accounts:security")
    new = services.create_api_token(request_user(request), name=form.cleaned_data["name"])
    return render(
        request, "accounts/api_token_created.html", {"secret": new.secret, "token": new.token}
    )


@login_required
@require_POST
def api_token_revoke(request: HttpRequest, token_id: str) -> HttpResponse:
    user = request_user(request)
    token = access.access_api_token(user, token_id)
    services.revoke_api_token(user, token=token)
    messages.success(request, _("The token is revoked. Anything using it will stop working."))
    return redirect("accounts:security")


def _signup_or_none(request: HttpRequest, form: SignupForm) -> User | None:
    """Create the account from a valid signup form and sign in; None (with form errors) if not."""
    if not form.is_valid():
        return None
    try:
        user = services.create_account(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
            full_name=form.cleaned_data["full_name"],
            preferred_name=form.cleaned_data["preferred_name"],
            language=request.LANGUAGE_CODE,
        )
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return None
    login(request, user, backend=BACKEND)
    return user


def invite_accept(request: HttpRequest, token: str) -> HttpResponse:
    invite = services.find_invite(token)
    if invite is None:
        return render(request, "accounts/invite_invalid.html", status=404)
    signed_in = request.user.is_authenticated
    form = SignupForm(request.POST or None, initial={"email": invite.email})
    if request.method == "POST":
        user = request_user(request) if signed_in else _signup_or_none(request, form)
        if user is not None:
            try:
                services.accept_invite(user, invite=invite)
            except ValidationError as exc:
                messages.error(request, exc.messages[0])
                return redirect("home")
            request.session.pop(SESSION_IS_STAFF, None)
            messages.success(request, _("Welcome to %(org)s.") % {"org": invite.organization.name})
            return redirect("home")
    return render(
        request,
        "accounts/invite_accept.html",
        {"invite": invite, "form": form, "signed_in": signed_in},
    )


def join(request: HttpRequest) -> HttpResponse:
    code_form = JoinCodeForm(request.POST or request.GET or None)
    signup = SignupForm(request.POST or None)
    org = None
    if code_form.is_valid():
        org = services.find_organization_by_code(code_form.cleaned_data["code"])
        if org is None:
            code_form.add_error(
                "code",
                _("We couldn't find a service with that code. Please check it with your service."),
            )
    if request.method == "POST" and org is not None:
        user = (
            request_user(request)
            if request.user.is_authenticated
            else _signup_or_none(request, signup)
        )
        if user is not None:
            services.join_with_code(user, organization=org)
            messages.success(
                request, _("You've joined %(org)s. We're glad you're here.") % {"org": org.name}
            )
            return redirect("home")
    return render(
        request,
        "accounts/join.html",
        {"code_form": code_form, "signup": signup, "organization": org},
    )


@login_required
def org_home(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    org = access.access_admin_organization(user)
    invite_form = InviteForm(request.POST or None, roles=STAFF_INVITE_ROLES)
    region_form = OrganizationRegionForm(instance=org)
    new_link = None
    if request.method == "POST" and invite_form.is_valid():
        _invite, token = services.create_invite(
            user,
            organization=org,
            role=invite_form.cleaned_data["role"],
            email=invite_form.cleaned_data["email"],
        )
        new_link = request.build_absolute_uri(reverse("accounts:invite_accept", args=[token]))
        invite_form = InviteForm(roles=STAFF_INVITE_ROLES)
    return render(
        request,
        "accounts/org_home.html",
        {
            "organization": org,
            "figures": services.organization_figures(org),
            "invite_form": invite_form,
            "region_form": region_form,
            "new_link": new_link,
            "pending_invites": access.pending_invites(user, org),
        },
    )


@login_required
def invite_client(request: HttpRequest) -> HttpResponse:
    """A clinician invites someone to the service; they join this clinician's care team."""
    user = request_user(request)
    org = access.access_care_organization(user)
    form = ClientInviteForm(request.POST or None)
    link = None
    if request.method == "POST" and form.is_valid():
        _invite, token = services.create_invite(
            user, organization=org, role=Role.CLIENT, email=form.cleaned_data["email"]
        )
        link = request.build_absolute_uri(reverse("accounts:invite_accept", args=[token]))
        form = ClientInviteForm()
    return render(
        request, "accounts/client_invite.html", {"form": form, "link": link, "organization": org}
    )


@login_required
@require_POST
def org_region(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    org = access.access_admin_organization(user)
    form = OrganizationRegionForm(request.POST, instance=org)
    if form.is_valid():
        services.set_organization_region(user, organization=org, region=form.cleaned_data["region"])
        messages.success(
            request,
            _("Saved. The crisis page now shows lines for %(region)s first.")
            % {"region": org.region},
        )
    else:
        messages.error(request, _("Use the two-letter country code, like US or GB."))
    return redirect("accounts:org_home")


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/emails/password_reset-body.txt"
    html_email_template_name = "accounts/emails/password_reset-body.html"
    subject_template_name = "accounts/emails/password_reset-subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")
