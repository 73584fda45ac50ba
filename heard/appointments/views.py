"""The care team's appointments and episodes page for one client, and its actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from heard.accounts.models import User
from heard.appointments import access, services
from heard.appointments.forms import (
    AppointmentForm,
    CloseEpisodeForm,
    OpenEpisodeForm,
    StatusForm,
)
from heard.appointments.models import AppointmentStatus
from heard.core.http import request_user
from heard.instruments import trends
from heard.people import access as people_access
from heard.people import policy
from heard.people.models import Category


def _page(request: HttpRequest, client: User, form: AppointmentForm) -> HttpResponse:
    appointments = list(access.client_appointments(client))
    episodes = list(access.client_episodes(client))
    now = timezone.now()
    # Outcomes are made of questionnaire scores: shown only when the client shares measures.
    shares_measures = policy.shares(client, Category.MEASURES)
    return render(
        request,
        "appointments/client_appointments.html",
        {
            "client": client,
            "upcoming": [a for a in appointments if a.starts_at > now],
            "past": [a for a in reversed(appointments) if a.starts_at <= now],
            "form": form,
            "episodes": episodes,
            "has_open_episode": any(e.is_open for e in episodes),
            "close_form": CloseEpisodeForm(),
            "open_form": OpenEpisodeForm(),
            "shares_measures": shares_measures,
            "outcomes": trends.episode_summaries(client, now=now) if shares_measures else [],
        },
    )


def _run(
    request: HttpRequest, form: forms.Form, action: Callable[[dict[str, Any]], object]
) -> bool:
    """Validate `form` and run `action` (one service call) with its data. On bad input, say
    what was wrong in error messages and return False: nothing was stored."""
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        action(form.cleaned_data)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return False
    return True


@login_required
def client_appointments(request: HttpRequest, client_id: str) -> HttpResponse:
    client = people_access.access_client(
        request_user(request),
        client_id,
        category=None,
        action="appointment:list",
        care_team_only=True,
    )
    return _page(request, client, AppointmentForm())


@login_required
@require_POST
def appointment_add(request: HttpRequest, client_id: str) -> HttpResponse:
    user = request_user(request)
    client = people_access.access_client(
        user,
        client_id,
        category=None,
        action="appointment:create",
        for_write=True,
        care_team_only=True,
    )
    form = AppointmentForm(request.POST)
    if form.is_valid():
        try:
            services.add_appointment(
                user,
                client=client,
                starts_at=form.cleaned_data["starts_at"],
                kind=form.cleaned_data["kind"],
                duration_minutes=form.cleaned_data["duration_minutes"],
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Appointment booked."))
            return redirect("appointments:client_appointments", client_id=client.public_id)
    return _page(request, client, form)


@login_required
@require_POST
def appointment_status(request: HttpRequest, appointment_id: str) -> HttpResponse:
    user = request_user(request)
    appointment = access.access_appointment(user, appointment_id, action="appointment:status")
    form = StatusForm(request.POST)
    if _run(
        request,
        form,
        lambda data: services.set_appointment_status(
            user, appointment=appointment, status=data["status"]
        ),
    ):
        status = AppointmentStatus(form.cleaned_data["status"])
        messages.success(request, _("Saved: %(status)s.") % {"status": status.label})
    return redirect("appointments:client_appointments", client_id=appointment.client.public_id)


@login_required
@require_POST
def episode_open(request: HttpRequest, client_id: str) -> HttpResponse:
    user = request_user(request)
    client = people_access.access_client(
        user, client_id, category=None, action="episode:open", for_write=True, care_team_only=True
    )
    if _run(
        request,
        OpenEpisodeForm(request.POST),
        lambda data: services.open_episode(
            user, client=client, referred_on=data.get("referred_on")
        ),
    ):
        messages.success(request, _("Episode of care opened."))
    return redirect("appointments:client_appointments", client_id=client.public_id)


@login_required
@require_POST
def episode_close(request: HttpRequest, episode_id: str) -> HttpResponse:
    user = request_user(request)
    episode = access.access_episode(user, episode_id, action="episode:close")
    if _run(
        request,
        CloseEpisodeForm(request.POST),
        lambda data: services.close_episode(user, episode=episode, reason=data["reason"]),
    ):
        messages.success(request, _("Episode of care closed."))
    return redirect("appointments:client_appointments", client_id=episode.client.public_id)
