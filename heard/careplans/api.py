"""The care plan API: the client's own plan at /care-plan, and a client's plan for their care
team at /clients/{client_id}/care-plan. The same access and services as the pages.

Client free text is screened after it is stored; when `crisis` is true, show crisis
resources now (`support_url`). When a client keeps their plan private, their care team gets
403 with a kind explanation; anyone else gets 404.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError

from heard.accounts.models import User
from heard.api.auth import current_user
from heard.api.schemas import ErrorOut, FieldProblemsOut
from heard.careplans import access, display, rules, services
from heard.careplans.models import CarePlan, GoalRating, PlanComment
from heard.careplans.schemas import (
    AgreementIn,
    AgreementOut,
    ChoiceIn,
    ChoiceOut,
    CommentIn,
    CommentOut,
    CommentWriteOut,
    ConflictOut,
    ContentOut,
    GoalProgressOut,
    PlanIn,
    PlanOut,
    PlanWriteOut,
    RatingIn,
    RatingOut,
    RatingWriteOut,
    VersionOut,
)
from heard.safety import respond
from heard.safety.services import TextCheck

router = Router(tags=["care plans"])

READ = {200: PlanOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
WRITE = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: FieldProblemsOut}


# --- Shapes -------------------------------------------------------------------------------------


def _name(user: User | None) -> str | None:
    return user.display_name if user is not None else None


def _content(content: rules.Content) -> ContentOut:
    decisions = []
    for d in content[rules.DECISIONS]:
        choice = d.get("choice")
        decisions.append(
            {
                **d,
                "choice": ChoiceOut(
                    option=choice["option"],
                    reason=choice["reason"],
                    by_name=choice["by_name"],
                    at=parse_datetime(choice["at"] or ""),
                )
                if choice
                else None,
            }
        )
    return ContentOut.model_validate({**content, rules.DECISIONS: decisions})


def _comment(comment: PlanComment) -> CommentOut:
    return CommentOut(
        id=comment.public_id,
        author=_name(comment.author),
        text=comment.text,
        version=comment.version,
        created=comment.created_at,
    )


def _plan(plan: CarePlan | None) -> PlanOut:
    version = services.current_version(plan)
    agreement = None
    if version is not None:
        agreement = AgreementOut(
            version=version.number,
            client_agreed_at=version.client_agreed_at,
            clinician_agreed_at=version.clinician_agreed_at,
            clinician_agreed_by=_name(version.clinician_agreed_by),
            agreed=version.agreed,
        )
    return PlanOut(
        exists=plan is not None and plan.version > 0,
        status=plan.status if plan is not None else "draft",
        revision=plan.version if plan is not None else 0,
        updated=plan.updated_at if plan is not None else None,
        updated_by=_name(plan.updated_by) if plan is not None else None,
        content=_content(services.plan_content(plan)),
        agreement=agreement,
        comments=[_comment(c) for c in access.plan_comments(plan)],
    )


def _crisis(request: HttpRequest, check: TextCheck | None) -> dict[str, Any]:
    url = respond.crisis_screen_url(check) if check is not None else None
    return {
        "crisis": url is not None,
        "support_url": request.build_absolute_uri(url) if url else None,
        "helping_someone": check is not None and check.show_helping_someone,
    }


def _rating(rating: GoalRating) -> RatingOut:
    return RatingOut(
        id=rating.public_id,
        value=rating.value,
        note=rating.note,
        reached=rating.reached,
        at=rating.at,
    )


def _conflict(conflict: services.PlanConflict) -> ConflictOut:
    version = conflict.version
    return ConflictOut(
        detail=_(
            "Someone else changed the same parts of the plan since you started. Nothing was "
            "saved: look at the plan as it is now, then send your changes again."
        ),
        revision=conflict.revision,
        saved_by=_name(version.author) if version else None,
        saved_at=version.created_at if version else None,
        sections=list(conflict.sections),
        current=_content(conflict.theirs),
    )


def _stale(stale: services.StaleVersion) -> ConflictOut:
    return ConflictOut(
        detail=_("The plan changed since you read it. Please read it again first."),
        revision=stale.revision,
        saved_by=None,
        saved_at=None,
        sections=[],
        current=None,
    )


# --- Whose plan ---------------------------------------------------------------------------------


def _own(request: HttpRequest, *, write: bool = False) -> tuple[User, User, CarePlan | None]:
    client, plan = access.access_own_plan(current_user(request), for_write=write)
    return client, client, plan


def _theirs(
    request: HttpRequest, client_id: uuid.UUID, action: str, *, write: bool = False
) -> tuple[User, User, CarePlan | None]:
    user = current_user(request)
    try:
        client, plan = access.access_client_plan(user, client_id, action=action, for_write=write)
    except access.PlanNotShared:
        raise HttpError(
            403, _("This client has chosen not to share their care plan with their care team.")
        ) from None
    return user, client, plan


def _existing(plan: CarePlan | None) -> CarePlan:
    if plan is None or plan.version == 0:
        raise Http404
    return plan


# --- Shared handlers ----------------------------------------------------------------------------


def _save(
    request: HttpRequest, who: tuple[User, User, CarePlan | None], payload: PlanIn
) -> Status[Any]:
    actor, client, _plan_now = who
    try:
        saved = services.save_plan(
            actor,
            client=client,
            content=payload.content.model_dump(),
            base_revision=payload.base_revision,
            note=payload.note,
            propose=payload.propose,
        )
    except ValidationError as exc:
        return Status(422, FieldProblemsOut.of(exc))
    except services.PlanConflict as conflict:
        return Status(409, _conflict(conflict))
    out = PlanWriteOut(
        plan=_plan(saved.plan), merged_sections=list(saved.merged), **_crisis(request, saved.check)
    )
    return Status(200, out)


def _add_comment(
    request: HttpRequest, who: tuple[User, User, CarePlan | None], payload: CommentIn
) -> Status[Any]:
    actor, _client, plan = who
    try:
        result = services.comment_on_plan(actor, plan=_existing(plan), text=payload.text)
    except ValidationError as exc:
        return Status(422, FieldProblemsOut.of(exc))
    out = CommentWriteOut(comment=_comment(result.comment), **_crisis(request, result.check))
    return Status(201, out)


def _agree(who: tuple[User, User, CarePlan | None], payload: AgreementIn) -> Status[Any]:
    actor, _client, plan = who
    try:
        agreed = services.agree_to_plan(actor, plan=_existing(plan), version_number=payload.version)
    except ValidationError as exc:
        return Status(422, FieldProblemsOut.of(exc))
    except services.StaleVersion as stale:
        return Status(409, _stale(stale))
    return Status(200, _plan(agreed.plan))


def _versions(plan: CarePlan | None) -> list[VersionOut]:
    rows = display.version_rows(list(access.plan_versions(plan)))
    return [
        VersionOut(
            number=row["version"].number,
            author=_name(row["version"].author),
            created=row["version"].created_at,
            change=row["version"].change,
            note=row["version"].note,
            summary=row["summary"],
            client_agreed_at=row["version"].client_agreed_at,
            clinician_agreed_at=row["version"].clinician_agreed_at,
        )
        for row in rows
    ]


def _goals(plan: CarePlan | None) -> list[GoalProgressOut]:
    goals = display.goals(services.plan_content(plan), access.goal_ratings(plan))
    return [
        GoalProgressOut(
            key=g["key"],
            text=g["text"],
            target_date=g["target_date"],
            ratings=[_rating(r) for r in g["ratings"]],
            latest=g["trend"].latest,
            reached=g["reached"] is not None,
        )
        for g in goals
    ]


# --- The client's own plan ----------------------------------------------------------------------


@router.get("/care-plan", response=READ, summary="My care plan")
def get_my_plan(request: HttpRequest) -> PlanOut:
    return _plan(_own(request)[2])


@router.put(
    "/care-plan",
    response={200: PlanWriteOut, 409: ConflictOut, **WRITE},
    summary="Save my care plan as a new version",
    description="The whole plan, as edited from revision base_revision. 409: someone else "
    "changed the same sections since (nothing stored). 422: text too long, too many items, "
    "a decision without two options, a bad date (nothing stored). Every save needs both "
    "agreements again.",
)
def put_my_plan(request: HttpRequest, payload: PlanIn) -> Status[Any]:
    return _save(request, _own(request, write=True), payload)


@router.post(
    "/care-plan/comments",
    response={201: CommentWriteOut, **WRITE},
    summary="Comment on my care plan",
)
def comment_my_plan(request: HttpRequest, payload: CommentIn) -> Status[Any]:
    return _add_comment(request, _own(request, write=True), payload)


@router.post(
    "/care-plan/agreement",
    response={200: PlanOut, 409: ConflictOut, **WRITE},
    summary="Agree to the current version of my care plan",
    description="409: `version` is not the current version any more.",
)
def agree_my_plan(request: HttpRequest, payload: AgreementIn) -> Status[Any]:
    return _agree(_own(request, write=True), payload)


@router.get(
    "/care-plan/versions",
    response={200: list[VersionOut], 401: ErrorOut, 404: ErrorOut},
    summary="Every version of my care plan, newest first",
)
def my_versions(request: HttpRequest) -> list[VersionOut]:
    return _versions(_own(request)[2])


@router.get(
    "/care-plan/goals",
    response={200: list[GoalProgressOut], 401: ErrorOut, 404: ErrorOut},
    summary="My goals and how I rated them over time",
)
def my_goals(request: HttpRequest) -> list[GoalProgressOut]:
    return _goals(_own(request)[2])


@router.post(
    "/care-plan/goals/{goal_key}/ratings",
    response={201: RatingWriteOut, **WRITE},
    summary="Rate how close I feel to one of my goals (0 to 10)",
    description="A 10, or reached=true, marks the goal reached. 404: no such goal in the "
    "current plan. 422: a value outside 0 to 10, or a note too long (nothing stored).",
)
def rate_my_goal(request: HttpRequest, goal_key: str, payload: RatingIn) -> Status[Any]:
    client, _client, plan = _own(request, write=True)
    plan = _existing(plan)
    if rules.find(services.plan_content(plan), rules.GOALS, goal_key) is None:
        raise Http404
    try:
        if payload.reached:
            rated = services.mark_goal_reached(
                client, plan=plan, goal_key=goal_key, note=payload.note
            )
        else:
            rated = services.rate_goal(
                client, plan=plan, goal_key=goal_key, value=payload.value, note=payload.note
            )
    except ValidationError as exc:
        return Status(422, FieldProblemsOut.of(exc))
    out = RatingWriteOut(
        rating=_rating(rated.rating),
        milestone=rated.milestone.kind if rated.milestone else None,
        **_crisis(request, rated.check),
    )
    return Status(201, out)


@router.post(
    "/care-plan/decisions/{decision_key}/choice",
    response={200: PlanWriteOut, 409: ConflictOut, **WRITE},
    summary="Record my choice in one of my plan's decisions",
    description="Saved as a new version of the plan. 404: no such decision. 409: the plan "
    "changed since base_revision. 422: not one of the options, or the reason is too long.",
)
def choose(request: HttpRequest, decision_key: str, payload: ChoiceIn) -> Status[Any]:
    client, _client, plan = _own(request, write=True)
    plan = _existing(plan)
    if rules.find(services.plan_content(plan), rules.DECISIONS, decision_key) is None:
        raise Http404
    try:
        saved = services.record_choice(
            client,
            plan=plan,
            decision_key=decision_key,
            option_key=payload.option,
            reason=payload.reason,
            base_revision=payload.base_revision,
        )
    except ValidationError as exc:
        return Status(422, FieldProblemsOut.of(exc))
    except services.StaleVersion as stale:
        return Status(409, _stale(stale))
    out = PlanWriteOut(plan=_plan(saved.plan), merged_sections=[], **_crisis(request, saved.check))
    return Status(200, out)


# --- A client's plan, for their care team -------------------------------------------------------


@router.get("/clients/{client_id}/care-plan", response=READ, summary="A client's care plan")
def get_client_plan(request: HttpRequest, client_id: uuid.UUID) -> PlanOut:
    return _plan(_theirs(request, client_id, "careplan:plan:read")[2])


@router.put(
    "/clients/{client_id}/care-plan",
    response={200: PlanWriteOut, 409: ConflictOut, **WRITE},
    summary="Save a client's care plan as a new version",
    description="As PUT /care-plan. 403: the client does not share their care plan now.",
)
def put_client_plan(request: HttpRequest, client_id: uuid.UUID, payload: PlanIn) -> Status[Any]:
    return _save(request, _theirs(request, client_id, "careplan:plan:edit", write=True), payload)


@router.post(
    "/clients/{client_id}/care-plan/comments",
    response={201: CommentWriteOut, **WRITE},
    summary="Comment on a client's care plan",
)
def comment_client_plan(
    request: HttpRequest, client_id: uuid.UUID, payload: CommentIn
) -> Status[Any]:
    who = _theirs(request, client_id, "careplan:comment:add", write=True)
    return _add_comment(request, who, payload)


@router.post(
    "/clients/{client_id}/care-plan/agreement",
    response={200: PlanOut, 409: ConflictOut, **WRITE},
    summary="Agree, as the client's clinician, to the current version of their care plan",
    description="422: only a clinician treating the client agrees (not a supervisor).",
)
def agree_client_plan(
    request: HttpRequest, client_id: uuid.UUID, payload: AgreementIn
) -> Status[Any]:
    return _agree(_theirs(request, client_id, "careplan:plan:agree", write=True), payload)


@router.get(
    "/clients/{client_id}/care-plan/versions",
    response={200: list[VersionOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Every version of a client's care plan, newest first",
)
def client_versions(request: HttpRequest, client_id: uuid.UUID) -> list[VersionOut]:
    return _versions(_theirs(request, client_id, "careplan:plan:versions")[2])


@router.get(
    "/clients/{client_id}/care-plan/goals",
    response={200: list[GoalProgressOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="A client's goals and how they rated them over time",
)
def client_goals(request: HttpRequest, client_id: uuid.UUID) -> list[GoalProgressOut]:
    return _goals(_theirs(request, client_id, "careplan:goals:read")[2])
