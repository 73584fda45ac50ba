"""Loading assessments and schedules: malformed and missing ids look the same as forbidden."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from heard.audit.models import AuditEvent, Outcome
from heard.instruments import access, fhir, services


@pytest.mark.parametrize("ident", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_bad_ids_are_404_and_audited(personas, ident):
    with pytest.raises(Http404):
        access.access_assessment(personas.dana, ident, action="measure:read")
    with pytest.raises(Http404):
        access.access_schedule(personas.dana, ident, action="measure:schedule:end")
    with pytest.raises(Http404):
        access.access_own_unfinished(personas.casey, ident)
    assert AuditEvent.objects.filter(outcome=Outcome.DENIED).count() == 2


def test_a_client_reads_their_own_without_an_audit_event(personas):
    a = services.record_assessment(
        personas.casey,
        client=personas.casey,
        instrument_id="gad-2",
        answers=[0, 1],
        source="client",
    )
    events = AuditEvent.objects.count()
    assert access.access_assessment(personas.casey, a.public_id, action="measure:read") == a
    assert AuditEvent.objects.count() == events


def test_unfinished_assessments_are_listed_newest_first(personas):
    casey = personas.casey
    first = services.start_assessment(casey, client=casey, instrument_id="gad-7")
    second = services.start_assessment(casey, client=casey, instrument_id="phq-9")
    assert list(access.client_unfinished(casey)) == [second, first]


def test_a_clinician_entered_response_names_its_author_and_one_without_items_has_none(personas):
    a = services.record_assessment(
        personas.dana,
        client=personas.casey,
        instrument_id="pc-ptsd-5",
        answers=[None],
        source="clinician",
    )
    resource = fhir.questionnaire_response(a)
    assert resource["author"] == {"reference": f"Practitioner/{personas.dana.public_id}"}
    a.entered_by = None
    assert "author" not in fhir.questionnaire_response(a)


def test_a_service_error_without_a_field_has_no_location():
    errors = fhir.service_errors(ValidationError("Something is off."))
    assert [(e.loc, e.msg) for e in errors] == [((), "Something is off.")]
