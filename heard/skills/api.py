"""The skills API (issue 6). Calls the same access and services as the pages."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import get_language
from ninja import P, Router, Status
from ninja.params import HeaderEx

from heard.api.auth import current_user
from heard.api.schemas import ErrorOut, FieldProblemsOut
from heard.safety import respond
from heard.skills import access, library, services, suggest
from heard.skills.library import Skill
from heard.skills.schemas import (
    ClientPracticeOut,
    FavouriteOut,
    PracticeIn,
    PracticeOut,
    PracticeSavedOut,
    RecommendationIn,
    RecommendationOut,
    SkillOut,
    SkillSummaryOut,
    SuggestionOut,
)

router = Router(tags=["skills"])

NOT_FOUND = {401: ErrorOut, 404: ErrorOut}


def _lang(lang: str | None = None) -> str:
    code = (lang or get_language() or "en").split("-")[0]
    return code if code in library.LANGUAGES else "en"


def _skill(skill_key: str) -> Skill:
    skill = library.get_skill(skill_key, _lang())
    if skill is None:
        raise Http404
    return skill


@router.get(
    "/skills",
    response={200: list[SkillOut], 401: ErrorOut},
    summary="The skills library",
    description="Every skill, in `lang` (en or es; default: the request's language).",
    url_name="skills",
)
def list_skills(request: HttpRequest, lang: str | None = None) -> list[SkillOut]:
    current_user(request)
    return [SkillOut.of(s) for s in library.all_skills(_lang(lang))]


# Declared before /skills/{skill_key} so "suggestions" is not read as a skill key.
@router.get(
    "/skills/suggestions",
    response={200: list[SuggestionOut], 401: ErrorOut},
    summary="Skills suggested for me",
    description="A short, ranked list for the signed-in person, each with the reasons in "
    "plain words (today's check-in, their profile, what helped before, favourites, the care "
    "team's suggestions).",
    url_name="skill_suggestions",
)
def list_suggestions(request: HttpRequest) -> list[SuggestionOut]:
    user = current_user(request)
    return [SuggestionOut.of(s) for s in suggest.suggestions_for(user, lang=_lang())]


@router.get(
    "/skills/{skill_key}",
    response={200: SkillOut, **NOT_FOUND},
    summary="One skill",
    url_name="skill",
)
def get_skill(request: HttpRequest, skill_key: str, lang: str | None = None) -> SkillOut:
    current_user(request)
    skill = library.get_skill(skill_key, _lang(lang))
    if skill is None:
        raise Http404
    return SkillOut.of(skill)


@router.put(
    "/skills/{skill_key}/favourite",
    response={200: FavouriteOut, **NOT_FOUND},
    summary="Add a skill to my favourites",
)
def put_favourite(request: HttpRequest, skill_key: str) -> FavouriteOut:
    user = current_user(request)
    skill = _skill(skill_key)
    services.set_favourite(user, skill_key=skill.key)
    return FavouriteOut(skill_key=skill.key, favourite=True)


@router.delete(
    "/skills/{skill_key}/favourite",
    response={200: FavouriteOut, **NOT_FOUND},
    summary="Take a skill off my favourites",
)
def delete_favourite(request: HttpRequest, skill_key: str) -> FavouriteOut:
    user = current_user(request)
    skill = _skill(skill_key)
    services.unset_favourite(user, skill_key=skill.key)
    return FavouriteOut(skill_key=skill.key, favourite=False)


@router.get(
    "/practice",
    response={200: list[PracticeOut], 401: ErrorOut},
    summary="My practice log",
    description="The signed-in person's own practice, newest first (at most `limit`).",
    url_name="practice",
)
def list_practice(request: HttpRequest, limit: int = 100, offset: int = 0) -> list[PracticeOut]:
    user = current_user(request)
    limit = max(1, min(limit, 500))
    rows = access.own_practices(user)[max(offset, 0) : max(offset, 0) + limit]
    return [PracticeOut.of(p) for p in rows]


@router.post(
    "/practice",
    response={200: PracticeSavedOut, 201: PracticeSavedOut, 401: ErrorOut, 422: FieldProblemsOut},
    summary="Log a practice",
    description="Record that I practised a skill, with optional distress before and after "
    "(0 to 10), whether it helped, and a private note. 201 with the practice; when `crisis` "
    "is true, show crisis resources (`support_url`) before anything else. A repeated "
    "Idempotency-Key returns the first practice with 200. 422 (nothing stored) for an "
    "unknown skill or values out of range.",
)
def create_practice(
    request: HttpRequest,
    payload: PracticeIn,
    idempotency_key: HeaderEx[
        str,
        P(alias="Idempotency-Key", max_length=64, description="Your id for this practice."),
    ] = "",
) -> Status[Any]:
    user = current_user(request)
    try:
        logged = services.log_practice(
            user,
            client=user,
            skill_key=payload.skill_key,
            distress_before=payload.distress_before,
            distress_after=payload.distress_after,
            helped=payload.helped,
            note=payload.note,
            practised_at=payload.practised_at,
            idempotency_key=idempotency_key,
            lang=_lang(),
        )
    except ValidationError as exc:
        return Status(422, FieldProblemsOut.of(exc))
    url = respond.crisis_screen_url(logged.check) if logged.check is not None else None
    body = PracticeSavedOut(
        practice=PracticeOut.of(logged.practice),
        crisis=url is not None,
        support_url=url,
        milestone=logged.milestone.kind if logged.milestone else None,
    )
    return Status(201 if logged.created else 200, body)


@router.post(
    "/recommendations/{recommendation_id}/dismiss",
    response={200: RecommendationOut, **NOT_FOUND},
    summary="Put a suggestion from my care team aside",
    description="The skill stays in the library; it is no longer shown as their suggestion.",
)
def dismiss_recommendation(request: HttpRequest, recommendation_id: uuid.UUID) -> Any:
    user = current_user(request)
    recommendation = access.access_own_recommendation(user, recommendation_id)
    return RecommendationOut.of(
        services.dismiss_recommendation(user, recommendation=recommendation)
    )


@router.get(
    "/clients/{client_id}/practice",
    response={200: ClientPracticeOut, **NOT_FOUND},
    summary="A client's skills practice",
    description="For the client's care team while the client shares their care plan: "
    "practice and helpfulness per skill, recent practice (notes stay private), favourites "
    "and open suggestions. 404 otherwise.",
    url_name="client_practice",
)
def get_client_practice(request: HttpRequest, client_id: uuid.UUID) -> ClientPracticeOut:
    user = current_user(request)
    client, practices = access.visible_practice(user, client_id)
    own = user.pk == client.pk
    return ClientPracticeOut(
        summary=[SkillSummaryOut.of(s) for s in suggest.summaries(practices, lang=_lang())],
        practices=[PracticeOut.of(p, with_note=own) for p in practices[:100]],
        favourites=list(access.own_favourites(client).values_list("skill_key", flat=True)),
        recommendations=[RecommendationOut.of(r) for r in access.open_recommendations(client)],
    )


@router.post(
    "/clients/{client_id}/recommendations",
    response={201: RecommendationOut, **NOT_FOUND, 422: FieldProblemsOut},
    summary="Suggest a skill to a client",
    description="For the client's care team while the client shares their care plan. The "
    "client sees it under their suggestions with the note. 422 (nothing stored) for an "
    "unknown skill or a note that is too long.",
)
def create_recommendation(
    request: HttpRequest, client_id: uuid.UUID, payload: RecommendationIn
) -> Status[Any]:
    user = current_user(request)
    client = access.access_client_to_recommend(user, client_id)
    try:
        recommendation = services.recommend_skill(
            user, client=client, skill_key=payload.skill_key, note=payload.note
        )
    except ValidationError as exc:
        return Status(422, FieldProblemsOut.of(exc))
    return Status(201, RecommendationOut.of(recommendation))
