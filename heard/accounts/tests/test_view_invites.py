from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from heard.accounts.models import Invite, Membership, Role, User
from heard.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _make_invite(client: Client, role: str, email: str = "") -> str:
    response = client.post(reverse("accounts:org_home"), {"role": role, "email": email})
    assert response.status_code == 200
    link = response.context["new_link"]
    return re.sub(r"^https?://[^/]+", "", link)


def test_an_org_admin_invites_a_clinician_who_joins_with_the_link(personas, client_for):
    path = _make_invite(client_for("olive"), Role.CLINICIAN, "newdoc@example.org")
    newcomer = Client()
    assert newcomer.get(path).status_code == 200
    response = newcomer.post(
        path,
        {
            "full_name": "Noor Haddad",
            "email": "newdoc@example.org",
            "password": "a long safe passphrase",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="newdoc@example.org")
    assert Membership.objects.filter(
        user=user, role=Role.CLINICIAN, organization=personas.org
    ).exists()
    # As staff, the newcomer must set up MFA before anything else.
    assert newcomer.get(reverse("people:caseload"))["Location"].startswith(
        reverse("accounts:mfa_setup")
    )
    # The link works once.
    assert Client().get(path).status_code == 404
    assert AuditEvent.objects.filter(action="invite:accept").exists()


def test_an_invite_for_one_email_cannot_be_used_by_another(personas, client_for):
    path = _make_invite(client_for("olive"), Role.SUPERVISOR, "right@example.org")
    c = client_for("casey")
    c.post(path)
    assert not Membership.objects.filter(user=personas.casey, role=Role.SUPERVISOR).exists()
    assert Invite.objects.get().accepted_at is None


def test_only_org_admins_reach_the_org_page(personas, client_for):
    for name in ("dana", "casey", "fay", "sam"):
        assert client_for(name).get(reverse("accounts:org_home")).status_code == 404


def test_the_org_page_shows_aggregates_with_small_cells_hidden(personas, client_for):
    response = client_for("olive").get(reverse("accounts:org_home"))
    figures = {f.label: f.count for f in response.context["figures"]}
    assert figures["Clients"] is None  # 2 clients: fewer than 5, hidden
    assert figures["Clinicians"] == 2  # staff counts are not suppressed
    assert b"fewer than 5" in response.content
    assert b"Casey" not in response.content


def test_a_client_joins_a_service_with_its_code(personas):
    c = Client()
    code = personas.org.join_code.lower()
    page = c.get(reverse("accounts:join"), {"code": code})
    assert personas.org.name.encode() in page.content
    response = c.post(
        reverse("accounts:join"),
        {
            "code": code,
            "full_name": "Jo Park",
            "email": "jo@example.org",
            "password": "a long safe passphrase",
        },
    )
    assert response.status_code == 302
    jo = User.objects.get(email="jo@example.org")
    assert Membership.objects.filter(user=jo, role=Role.CLIENT, organization=personas.org).exists()


def test_a_wrong_join_code_gets_a_kind_message_and_creates_nothing(personas):
    before = User.objects.count()
    response = Client().post(
        reverse("accounts:join"),
        {
            "code": "NOPE1234",
            "full_name": "Jo",
            "email": "jo@example.org",
            "password": "a long safe passphrase",
        },
    )
    assert response.status_code == 200
    assert b"couldn&#x27;t find" in response.content
    assert User.objects.count() == before


def test_signing_up_with_a_taken_email_is_refused_kindly(personas):
    response = Client().post(
        reverse("accounts:join"),
        {
            "code": personas.org.join_code,
            "full_name": "C",
            "email": "casey@example.org",
            "password": "a long safe passphrase",
        },
    )
    assert response.status_code == 200
    assert b"already exists" in response.content


def test_a_clinician_invites_a_client_who_joins_their_care_team(personas, client_for):
    from heard.people import access as people_access

    response = client_for("dana").post(reverse("accounts:invite_client"), {"email": ""})
    path = re.sub(r"^https?://[^/]+", "", response.context["link"])
    newcomer = Client()
    newcomer.post(
        path,
        {
            "full_name": "Rio Santos",
            "email": "rio@example.org",
            "password": "a long safe passphrase",
        },
    )
    rio = User.objects.get(email="rio@example.org")
    assert Membership.objects.filter(user=rio, role=Role.CLIENT, organization=personas.org).exists()
    assert rio in people_access.visible_clients(personas.dana)
    assert rio not in people_access.visible_clients(personas.eli)


@pytest.mark.parametrize("name", ["casey", "fay", "olive"])
def test_only_clinicians_and_supervisors_invite_clients_from_the_caseload(
    personas, client_for, name
):
    assert client_for(name).get(reverse("accounts:invite_client")).status_code == 404
