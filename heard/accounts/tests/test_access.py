from __future__ import annotations

import pytest
from django.http import Http404

from heard.accounts import access, services

pytestmark = pytest.mark.django_db


def test_an_api_token_id_that_is_not_a_uuid_is_404(personas):
    with pytest.raises(Http404):
        access.access_api_token(personas.casey, "not-a-uuid")


def test_pending_invites_only_for_the_organization_you_administer(personas):
    other = services.create_organization(None, name="Elsewhere")
    with pytest.raises(Http404):
        access.pending_invites(personas.olive, other)
    invite, _ = services.create_invite(personas.olive, organization=personas.org, role="clinician")
    assert list(access.pending_invites(personas.olive, personas.org)) == [invite]
