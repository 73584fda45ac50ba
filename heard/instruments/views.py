"""Measures: a client answering a questionnaire one question at a time, their results, and
the care team's view of scores, trends, schedules and episode outcomes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from heard.core.http import request_user
from heard.instruments import access, flow, services, trends, wording
from heard.instruments.forms import AnswerForm, CssrsForm, LaterForm, ScheduleForm
from heard.instruments.registry import get_instrument
from heard.people import access as people_access
from heard.people.models import Category
from heard.safety import access as safety_access
from heard.safety import services as safety
from heard.safety.forms import reach_out_context
from heard.safety.models import SignalSource

# --- The client -------------------------------------------------------------------------------


@login_required
def my_measures(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    completed = list(access.client_assessments(user))
    return render(
        request,
        "instruments/my_measures.html",
        {
            "due": services.due_measures(user),
            "unfinished": access.client_unfinished(user),
            "history": trends.history_rows(completed, newest_first=True),
            "charts": trends.charts_for(completed),
            "instruments": wording.self_start_instruments(),
        },
    )


@login_required
@require_POST
def start(request: HttpRequest, instrument_id: str) -> HttpResponse:
    user = request_user(request)
    try:
        assessment = services.start_assessment(user, client=user, instrument_id=instrument_id)
    except ValidationError:
        messages.error(request, _("We couldn't find that questionnaire."))
        return redirect("instruments:my_measures")
    return redirect("instruments:take", assessment_id=assessment.public_id)


@login_required
def take(request: HttpRequest, assessment_id: str) -> HttpResponse:
    """The introduction (recall period, content note, "skip any question"), or where the
    person left off."""
    assessment = access.access_own_unfinished(request_user(request), assessment_id)
    instrument = get_instrument(assessment.instrument)
    nxt = flow.next_item(instrument.id, len(instrument.items), assessment.answers)
    return render(
        request,
        "instruments/intro.html",
        {
            "assessment": assessment,
            "instrument": instrument,
            "next_item": nxt,
            "resuming": bool(assessment.answers),
            "content_note": trends.content_note(instrument.id),
        },
    )


@login_required
def question(request: HttpRequest, assessment_id: str, number: int) -> HttpResponse:
    user = request_user(request)
    assessment = access.access_own_unfinished(user, assessment_id)
    instrument = get_instrument(assessment.instrument)
    if not 1 <= number <= len(instrument.items) or not flow.is_asked(
        instrument.id, number, assessment.answers
    ):
        return redirect("instruments:take", assessment_id=assessment.public_id)
    item = instrument.items[number - 1]
    current = assessment.answers.get(str(number), "") if assessment.answers else ""
    initial = {"answer": "skip" if current is None else str(current)}
    later = request.method == "POST" and "later" in request.POST
    form_class = LaterForm if later else AnswerForm
    form = form_class(request.POST or None, item=item, initial=initial)
    if request.method == "POST" and form.is_valid():
        if isinstance(form, LaterForm):
            answered, value = form.value_or_unanswered()
        else:
            answered, value = True, form.value()
        if not answered:
            messages.success(request, _("Saved. You can pick up where you left off any time."))
            return redirect("instruments:my_measures")
        result = services.answer_item(user, assessment=assessment, number=number, value=value)
        if result.critical and number in trends.critical_items(instrument.id):
            return redirect("instruments:support", assessment_id=assessment.public_id)
        if later:
            messages.success(request, _("Saved. You can pick up where you left off any time."))
            return redirect("instruments:my_measures")
        if result.next_item is None:
            services.complete_assessment(user, assessment=assessment)
            return redirect("instruments:result", assessment_id=assessment.public_id)
        return redirect(
            "instruments:question", assessment_id=assessment.public_id, number=result.next_item
        )
    asked = flow.asked_items(instrument.id, len(instrument.items), assessment.answers)
    position = asked.index(number) + 1
    return render(
        request,
        "instruments/question.html",
        {
            "assessment": assessment,
            "instrument": instrument,
            "item": item,
            "form": form,
            "position": position,
            "count": len(asked),
            "previous": asked[position - 2] if position > 1 else None,
            "is_last": position == len(asked),
        },
    )


@login_required
def support(request: HttpRequest, assessment_id: str) -> HttpResponse:
    """Shown at once after a critical answer: crisis lines, the person's safety plan, and a
    calm way back to the questionnaire."""
    user = request_user(request)
    assessment = access.access_assessment(user, assessment_id, action="measure:read")
    if assessment.client_id != user.pk:
        return redirect("instruments:my_measures")
    lines = safety.crisis_lines_for_request(request)
    alert = safety_access.own_alert_for(
        user, source=SignalSource.MEASURE, source_id=assessment.public_id
    )
    return render(
        request,
        "instruments/support.html",
        {
            "assessment": assessment,
            "lines": lines,
            "care_team": people_access.care_team(user),
            **reach_out_context(alert),
        },
    )


@login_required
def result(request: HttpRequest, assessment_id: str) -> HttpResponse:
    user = request_user(request)
    assessment = access.access_assessment(user, assessment_id, action="measure:read")
    if assessment.client_id != user.pk or not assessment.is_completed:
        return redirect("instruments:my_measures")
    instrument = get_instrument(assessment.instrument)
    previous = trends.previous_of(assessment)
    lines = safety.crisis_lines_for_request(request) if assessment.critical else None
    return render(
        request,
        "instruments/result.html",
        {
            "assessment": assessment,
            "instrument": instrument,
            "meaning": wording.meaning(instrument.id, assessment.severity, assessment.caseness),
            "previous": previous,
            "change": wording.change_text(
                trends.change_between(previous, assessment),
                better_by=trends.better_by(previous, assessment, instrument),
            ),
            "next_steps": wording.next_steps(instrument.id),
            "lines": lines,
            "care_team": people_access.care_team(user),
        },
    )


# --- The care team ----------------------------------------------------------------------------


@login_required
def client_measures(request: HttpRequest, client_id: str) -> HttpResponse:
    user = request_user(request)
    client = people_access.access_client(
        user, client_id, category=Category.MEASURES, action="measure:list"
    )
    completed = list(access.client_assessments(client))
    return render(
        request,
        "instruments/client_measures.html",
        {
            "client": client,
            "charts": trends.charts_for(completed),
            "history": trends.history_rows(completed, newest_first=True),
            "due": services.due_measures(client),
            "schedule_form": ScheduleForm(),
            "cssrs_form": CssrsForm(),
            "cssrs_results": access.client_cssrs_results(client)[:10],
            "episodes": trends.episode_summaries(client),
        },
    )


@login_required
def assessment_detail(request: HttpRequest, client_id: str, assessment_id: str) -> HttpResponse:
    user = request_user(request)
    assessment = access.access_assessment(user, assessment_id, action="measure:read")
    if str(assessment.client.public_id) != str(client_id) or not assessment.is_completed:
        return redirect("people:caseload")
    instrument = get_instrument(assessment.instrument)
    return render(
        request,
        "instruments/assessment_detail.html",
        {
            "client": assessment.client,
            "assessment": assessment,
            "instrument": instrument,
            "items": trends.answered_items(assessment, instrument),
            "previous": trends.previous_of(assessment),
            "change": trends.change_between(trends.previous_of(assessment), assessment),
        },
    )


@login_required
@require_POST
def schedule_create(request: HttpRequest, client_id: str) -> HttpResponse:
    user = request_user(request)
    client = people_access.access_client(
        user,
        client_id,
        category=Category.MEASURES,
        action="measure:schedule:create",
        for_write=True,
        care_team_only=True,
    )
    form = ScheduleForm(request.POST)
    if form.is_valid():
        services.schedule_measure(
            user,
            client=client,
            instrument_id=form.cleaned_data["instrument"],
            every_days=form.cleaned_data["every_days"],
            before_appointments=form.cleaned_data["before_appointments"],
        )
        messages.success(request, _("Schedule saved. The client will be reminded when it's due."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect("instruments:client_measures", client_id=client.public_id)


@login_required
@require_POST
def schedule_end(request: HttpRequest, schedule_id: str) -> HttpResponse:
    user = request_user(request)
    schedule = access.access_schedule(user, schedule_id, action="measure:schedule:end")
    services.end_schedule(user, schedule=schedule)
    messages.success(request, _("Schedule stopped."))
    return redirect("instruments:client_measures", client_id=schedule.client.public_id)


@login_required
@require_POST
def cssrs_record(request: HttpRequest, client_id: str) -> HttpResponse:
    """A clinician records a C-SSRS Screener result given on paper or by a licensed product."""
    user = request_user(request)
    client = people_access.access_client(
        user,
        client_id,
        category=Category.MEASURES,
        action="measure:cssrs:record",
        for_write=True,
        care_team_only=True,
    )
    form = CssrsForm(request.POST)
    if form.is_valid():
        try:
            services.record_cssrs(
                user,
                client=client,
                answers=form.answers(),
                administered_at=form.cleaned_data["administered_at"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("C-SSRS result recorded."))
    else:
        messages.error(request, _("Please check the date and time."))
    return redirect("instruments:client_measures", client_id=client.public_id)
