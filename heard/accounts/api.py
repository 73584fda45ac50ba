from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from heard.accounts.schemas import MembershipOut, MeOut
from heard.api.auth import current_user
from heard.api.schemas import ErrorOut

router = Router(tags=["accounts"])


@router.get("/me", response={200: MeOut, 401: ErrorOut}, summary="Who am I")
def me(request: HttpRequest) -> MeOut:
    user = current_user(request)
    memberships = user.memberships.filter(is_active=True).select_related("organization")
    return MeOut(
        id=user.public_id,
        email=user.email,
        name=user.full_name,
        preferred_name=user.preferred_name,
        language=user.language,
        region=user.region,
        memberships=[
            MembershipOut(
                organization_id=m.organization.public_id,
                organization=m.organization.name,
                role=m.role,
            )
            for m in memberships
        ],
    )
