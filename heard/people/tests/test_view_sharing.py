from __future__ import annotations

import pytest
from django.urls import reverse

from heard.audit.models import AuditEvent
from heard.people import policy
from heard.people.models import Category

pytestmark = pytest.mark.django_db


def test_the_client_chooses_what_to_share_in_one_form(personas, client_for):
    c = client_for("casey")
    page = c.get(reverse("people:sharing"))
    assert page.status_code == 200
    response = c.post(
        reverse("people:sharing_update"), {"shared": [Category.CHECKINS, Category.PROFILE]}
    )
    assert response.status_code == 302
    casey = personas.casey
    assert policy.shares(casey, Category.CHECKINS)
    assert policy.shares(casey, Category.PROFILE)
    assert not policy.shares(casey, Category.MEASURES)  # unticked: now private
    assert policy.shares(casey, Category.SAFETY)  # cannot be turned off
    changed = AuditEvent.objects.filter(action="sharing:update", client_id=casey.public_id)
    assert {e.extra["category"] for e in changed} == {
        Category.CHECKINS,
        Category.MEASURES,
        Category.CARE_PLAN,
    }


def test_saving_the_same_choices_again_records_nothing_new(personas, client_for):
    c = client_for("casey")
    c.post(reverse("people:sharing_update"), {"shared": [Category.PROFILE]})
    before = AuditEvent.objects.count()
    c.post(reverse("people:sharing_update"), {"shared": [Category.PROFILE]})
    assert AuditEvent.objects.count() == before


def test_sharing_needs_sign_in():
    from django.test import Client

    response = Client().get(reverse("people:sharing"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_the_clinician_record_reflects_sharing_choices(personas, client_for):
    client_for("casey").post(reverse("people:sharing_update"), {"shared": [Category.CHECKINS]})
    page = client_for("dana").get(reverse("people:client_record", args=[personas.casey.public_id]))
    assert page.status_code == 200
    assert "Daily check-ins" in [str(s) for s in page.context["shared"]]
    assert "Questionnaire answers and scores" not in [str(s) for s in page.context["shared"]]


def test_the_access_report_says_in_plain_words_who_opened_my_record(personas, client_for):
    client_for("dana").get(reverse("people:client_record", args=[personas.casey.public_id]))
    client_for("eli").get(reverse("people:client_record", args=[personas.casey.public_id]))
    page = client_for("casey").get(reverse("people:access_report"))
    rows = page.context["events"]
    dana = [(row["what"], row["denied"]) for row in rows if row["who"] == "Dana Reyes"]
    # Opening the chart is recorded, and so is each kind of data it showed.
    assert ("Opened your record", False) in dana
    assert ("Looked at your questionnaire results", False) in dana
    assert ("Looked at your session notes", False) in dana
    assert rows[0]["who"] == "Eli Novak"
    assert rows[0]["denied"] is True
    assert b"Not allowed" in page.content
    # Cam's report does not mention Casey's record.
    assert (
        client_for("cam").get(reverse("people:access_report")).context["events"][0]["who"]
        != "Dana Reyes"
    )
