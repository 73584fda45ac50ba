"""The profiles API (issue 6): the client's own profile (read, and save one part at a time),
and a client's profile for their care team. Calls the same access and services as the pages."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Status

from heard.api.auth import current_user
from heard.api.schemas import ErrorOut, FieldProblemsOut
from heard.profiles import access, services
from heard.profiles.models import Profile
from heard.profiles.schemas import ConflictOut, ProfileOut, ProfilePatch, ProfileWriteOut
from heard.safety import respond

router = Router(tags=["profiles"])


def _profile(profile: Profile) -> ProfileOut:
    return ProfileOut(
        id=profile.public_id if profile.is_saved else None,
        revision=profile.revision,
        chosen_name=profile.chosen_name,
        pronouns=profile.pronouns,
        language=profile.language,
        what_matters=profile.what_matters,
        strengths=profile.strengths,
        helped_before=profile.helped_before,
        helpful_kinds=list(profile.helpful_kinds),
        modalities=list(profile.modalities),
        clinician_preferences=profile.clinician_preferences,
        cultural_faith=profile.cultural_faith,
        accessibility_needs=profile.accessibility_needs,
        approach_with_care=profile.approach_with_care,
        careful_tags=list(profile.careful_tags),
        when_overwhelmed=profile.when_overwhelmed,
        contact_methods=list(profile.contact_methods),
        contact_notes=profile.contact_notes,
        updated=profile.updated_at if profile.is_saved else None,
    )


@router.get(
    "/profile",
    response={200: ProfileOut, 401: ErrorOut, 404: ErrorOut},
    summary="My profile",
    description="Before the first save: a blank profile with the name and language of the "
    "account. 404: only clients have a profile.",
)
def get_own_profile(request: HttpRequest) -> ProfileOut:
    return _profile(access.own_profile(current_user(request)))


@router.patch(
    "/profile",
    response={
        200: ProfileWriteOut,
        401: ErrorOut,
        404: ErrorOut,
        409: ConflictOut,
        422: FieldProblemsOut,
    },
    summary="Save one part of my profile",
    description="New text is screened for safety after it is stored: when crisis is true, "
    "show crisis resources now (support_url). 409: this part changed since base_revision "
    "(the body has what is saved now). 422: unknown part or field, a choice that is not on "
    "the list, or text too long. Nothing is stored on 409 or 422.",
)
def update_own_profile(request: HttpRequest, payload: ProfilePatch) -> Status[Any]:
    user = current_user(request)
    access.own_profile(user, for_write=True)
    try:
        updated = services.update_profile(
            user,
            client=user,
            section=payload.section,
            data=payload.fields,
            base_revision=payload.base_revision,
        )
    except ValidationError as exc:
        return Status(422, FieldProblemsOut.of(exc))
    except services.ProfileConflict as conflict:
        return Status(
            409,
            ConflictOut(
                detail=conflict.message,
                section=conflict.section,
                profile=_profile(conflict.profile),
            ),
        )
    check = updated.check
    url = respond.crisis_screen_url(check) if check is not None else None
    return Status(
        200,
        ProfileWriteOut(
            profile=_profile(updated.profile),
            changed=updated.changed,
            crisis=url is not None,
            support_url=request.build_absolute_uri(url) if url else None,
            helping_someone=check is not None and check.show_helping_someone,
        ),
    )


@router.get(
    "/clients/{client_id}/profile",
    response={200: ProfileOut, 401: ErrorOut, 404: ErrorOut},
    summary="A client's profile, for their care team",
    description="404 when the client does not share their profile, or you are not on their "
    "care team. Every read is audited.",
)
def get_client_profile(request: HttpRequest, client_id: uuid.UUID) -> ProfileOut:
    _client, profile = access.access_client_profile(current_user(request), client_id)
    return _profile(profile)
