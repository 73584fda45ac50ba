"""Check-in pages: check in, look back, edit, insights, settings, export; the care team's view.

Views are thin: parse the form, load through access.py, call one service, render.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from heard.accounts.middleware import zone_of
from heard.checkins import access, export, rules, services
from heard.checkins.charts import insights_context
from heard.checkins.forms import CheckInForm, CheckInSettingsForm
from heard.checkins.insights import days
from heard.checkins.models import CheckIn
from heard.core.http import request_user
from heard.listening.feelings import label_for
from heard.listening.reflect import reflect
from heard.milestones import access as milestone_access
from heard.milestones import rules as milestone_rules
from heard.milestones.views import shown
from heard.safety import access as safety_access
from heard.safety import respond
from heard.safety.models import SignalSource
from heard.safety.services import crisis_lines_for_request

PERIODS = ("week", "month", "all")


def _posted(request: HttpRequest) -> Any:
    """The submitted data on POST (even when empty, so an empty form is still checked)."""
    return request.POST if request.method == "POST" else None


def _lang() -> str:
    return "es" if (get_language() or "en").startswith("es") else "en"


def _form_errors(form: CheckInForm, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _celebrate(request: HttpRequest, recorded: services.Recorded) -> None:
    if recorded.milestone is not None:
        words = milestone_rules.words_for(recorded.milestone.kind)
        messages.success(request, f"{words.title}. {words.body}")


def _after_save(request: HttpRequest, recorded: services.Recorded) -> HttpResponse:
    """Crisis screen first when the text calls for it; otherwise the saved check-in."""
    if recorded.check is not None and (url := respond.crisis_screen_url(recorded.check)):
        return redirect(url)
    _celebrate(request, recorded)
    url = reverse("checkins:detail", args=[recorded.checkin.public_id]) + "?saved=1"
    if recorded.check is not None and recorded.check.show_helping_someone:
        url += "&someone=1"
    return redirect(url)


@login_required
def checkin(request: HttpRequest) -> HttpResponse:
    """The check-in form. Everything is optional; saving takes one tap."""
    user = request_user(request)
    tracks = services.tracks_substances(user)
    form = CheckInForm(_posted(request), track_substances=tracks)
    if request.method == "POST" and form.is_valid():
        services.learn_time_zone(user, form.cleaned_data.get("tz") or "")
        try:
            recorded = services.record_checkin(
                user,
                client=user,
                values=form.values(),
                idempotency_key=form.cleaned_data.get("key") or "",
                lang=_lang(),
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            return _after_save(request, recorded)
    last = access.own_checkins(user).first()
    welcome_back = last is not None and timezone.now() - last.at > timedelta(
        days=rules.WELCOME_BACK_DAYS
    )
    return render(
        request,
        "checkins/checkin.html",
        {"form": form, "first": last is None, "welcome_back": welcome_back, "tracks": tracks},
    )


def _shown_values(checkin: CheckIn) -> dict[str, Any]:
    values = services.values_of(checkin)
    return {
        "values": values,
        "feeling_labels": [label_for(k) for k in values.feelings],
        "substance_labels": [_substance(k) for k in values.substances],
    }


def _substance(key: str) -> str:
    return {"cannabis": _("Cannabis"), "nicotine": _("Nicotine")}.get(key, _("Something else"))


@login_required
@require_safe
def detail(request: HttpRequest, checkin_id: str) -> HttpResponse:
    """One check-in: what it said, an automated reflection on the note (never when the text
    raised a safety alert), earlier versions."""
    user = request_user(request)
    item = access.access_own_checkin(user, checkin_id)
    values = services.values_of(item)
    reflection = None
    if values.note and item.screened_as is not None:
        alert = safety_access.own_alert_for(
            user, source=(SignalSource.CHECKIN, SignalSource.UNSCREENED), source_id=item.screened_as
        )
        if alert is None:
            reflection = reflect(
                values.note,
                _lang(),
                seed=str(item.public_id),
                chosen=values.feelings,
                source="checkin",
            )
    context = {
        "checkin": item,
        "reflection": reflection,
        "saved": request.GET.get("saved") == "1",
        "someone_else": request.GET.get("someone") == "1",
        "revisions": [
            {"revision": r, "values": v, "feeling_labels": [label_for(k) for k in v.feelings]}
            for r, v in services.revisions(item)
        ],
        **_shown_values(item),
    }
    if context["someone_else"]:
        context["lines"] = crisis_lines_for_request(request)
    return render(request, "checkins/detail.html", context)


@login_required
def edit(request: HttpRequest, checkin_id: str) -> HttpResponse:
    user = request_user(request)
    item = access.access_own_checkin(user, checkin_id)
    tracks = services.tracks_substances(user)
    values = services.values_of(item)
    form = CheckInForm(
        _posted(request),
        track_substances=tracks or bool(values.substances or values.alcohol_drinks is not None),
        initial=CheckInForm.initial_from(values),
    )
    if request.method == "POST" and form.is_valid():
        try:
            recorded = services.update_checkin(
                user, checkin=item, values=form.values(), lang=_lang()
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            if recorded.check is not None and (url := respond.crisis_screen_url(recorded.check)):
                return redirect(url)
            messages.success(request, _("Saved. The earlier version is kept too."))
            return redirect("checkins:detail", checkin_id=item.public_id)
    return render(request, "checkins/edit.html", {"form": form, "checkin": item})


@login_required
@require_safe
def history(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    page = Paginator(access.own_checkins(user), 30).get_page(request.GET.get("page"))
    rows = [{"checkin": c, **_shown_values(c)} for c in page.object_list]
    return render(request, "checkins/history.html", {"page": page, "rows": rows})


def _insights(checkins: Any, zone: Any, period: Any) -> dict[str, Any]:
    points = export.points(checkins)
    today = timezone.now().astimezone(zone).date()
    return dict(insights_context(days(points, zone), period=period, today=today))


def _period(request: HttpRequest) -> str:
    period = request.GET.get("period", "week")
    return period if period in PERIODS else "week"


@login_required
@require_safe
def insights(request: HttpRequest) -> HttpResponse:
    """Trends, personal patterns and the weekly summary, in the person's own time zone."""
    user = request_user(request)
    context = _insights(access.own_checkins(user), zone_of(user), _period(request))
    return render(request, "checkins/insights.html", context)


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = CheckInSettingsForm(
        _posted(request),
        initial={"track_substances": services.tracks_substances(user), "time_zone": user.time_zone},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_checkin_settings(
                user,
                track_substances=form.cleaned_data["track_substances"],
                time_zone=form.cleaned_data["time_zone"].strip(),
            )
        except ValidationError as exc:
            form.add_error("time_zone", exc.message_dict.get("time_zone", exc.messages))
        else:
            messages.success(request, _("Saved your check-in settings."))
            return redirect("checkins:settings")
    return render(request, "checkins/settings.html", {"form": form})


@login_required
@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    body = export.checkins_csv(user)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="heard-check-ins.csv"'
    return response


@login_required
@require_safe
def export_json(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    body = json.dumps(export.checkins_json(user), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="heard-check-ins.json"'
    return response


@login_required
@require_safe
def client_daily(request: HttpRequest, client_id: str) -> HttpResponse:
    """The care team's view of what the client shares: check-in trends and milestones."""
    client, checkins = access.visible_checkins(request.user, client_id)
    _client, milestones = milestone_access.visible_milestones(request.user, client_id)
    context = _insights(checkins, zone_of(client), _period(request))
    context.update({"client": client, "milestones": shown(milestones)})
    return render(request, "checkins/client_daily.html", context)
