"""The report page and its CSV: who may open them, what they show, and safe spreadsheets."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.urls import reverse

from heard.outcomes.tests.service import build

pytestmark = pytest.mark.django_db

REPORT = reverse("outcomes:report")
CSV = reverse("outcomes:export_csv")


@pytest.mark.parametrize("url", [REPORT, CSV])
def test_visitors_are_sent_to_sign_in(client, url) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("url", [REPORT, CSV])
@pytest.mark.parametrize("name", ["dana", "eli", "casey", "fay"])
def test_clinicians_clients_and_facilitators_get_not_found(client_for, name, url) -> None:
    assert client_for(name).get(url).status_code == 404


def test_the_supervisor_sees_their_team_by_name(personas, client_for) -> None:
    build(personas)
    response = client_for("sam").get(REPORT)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Dana Reyes" in body
    assert "Eli Novak" not in body  # not Sam's supervisee
    assert "1 of 3" in body  # recovery, with the counts behind it
    assert "33.3%" in body
    assert "Client 0" not in body  # never a client's name
    assert body.count('role="img"') == 5  # a chart per rate


def test_the_admin_sees_the_service_only_with_small_cells_suppressed(personas, client_for) -> None:
    build(personas)
    response = client_for("olive").get(REPORT)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Harbor Counselling" in body
    for name in ("Dana Reyes", "Eli Novak", "Client 0", "Casey Morgan"):
        assert name not in body
    # 8 ended episodes: recovery over 4 at caseness is suppressed, improvement over 5 is not.
    assert "fewer than 5" in body
    assert "1 of 4" not in body  # Dana's recovery count
    assert "3 of 5" in body  # reliable improvement across the service
    # Olive cannot ask for clinicians by name.
    assert client_for("olive").get(REPORT, {"group_by": "clinician"}).status_code == 200
    assert b"Dana Reyes" not in client_for("olive").get(REPORT, {"group_by": "clinician"}).content


def test_a_custom_period_needs_both_dates_in_order(client_for) -> None:
    sam = client_for("sam")
    body = sam.get(REPORT, {"period": "custom", "start": "2026-05-01"}).content.decode()
    assert "Choose both dates" in body
    body = sam.get(
        REPORT, {"period": "custom", "start": "2026-05-01", "end": "2026-04-01"}
    ).content.decode()
    assert "on or after the start date" in body
    body = sam.get(
        REPORT, {"period": "custom", "start": "2020-05-01", "end": "2026-04-01"}
    ).content.decode()
    assert "three years or less" in body
    assert sam.get(CSV, {"period": "custom"}).status_code == 400


def test_a_custom_period_reports_the_dates_chosen(personas, client_for) -> None:
    build(personas)
    response = client_for("sam").get(
        REPORT,
        {"period": "custom", "start": "2000-01-01", "end": "2000-12-31", "group_by": "month"},
    )
    assert response.context["report"].total.episodes == 0
    assert "No courses of care ended in this period." in response.content.decode()


def test_the_csv_has_counts_behind_every_rate(personas, client_for) -> None:
    build(personas)
    response = client_for("sam").get(CSV, {"period": "12", "group_by": "clinician"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header, dana, total = rows
    assert header[:5] == [
        "Group",
        "Episodes ended",
        "Recovery",
        "Recovery: count",
        "Recovery: out of",
    ]
    assert dana[:5] == ["Dana Reyes", "6", "33.3%", "1", "3"]
    assert total[0] == "All"


def test_the_csv_neutralises_formulas_in_names(personas, client_for) -> None:
    personas.dana.full_name = '=HYPERLINK("http://evil.example","x")'
    personas.dana.save()
    build(personas)
    response = client_for("sam").get(CSV, {"group_by": "clinician"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][0] == "'" + '=HYPERLINK("http://evil.example","x")'
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_the_admins_csv_suppresses_small_cells(personas, client_for) -> None:
    build(personas)
    rows = list(csv.reader(io.StringIO(client_for("olive").get(CSV).content.decode())))
    program = rows[1]
    assert program[0] == "Harbor Counselling"
    assert program[2:5] == ["fewer than 5", "", ""]


def test_every_cell_is_labelled_for_phones(personas, client_for) -> None:
    build(personas)
    body = client_for("sam").get(REPORT, {"group_by": "clinician"}).content.decode()
    assert body.count('data-label="Reliable deterioration"') == 2  # Dana's row and the total
    assert body.count('data-label="Recovery"') == 2
    assert '<th scope="col">Clinician</th>' in body
    assert '3.5 <span class="text-base">(6 courses of care)</span>' in body


@pytest.mark.parametrize(("query", "checked"), [({}, "12"), ({"period": "3"}, "3")])
def test_the_period_is_a_set_of_radio_buttons_with_the_current_one_checked(
    client_for, query, checked
) -> None:
    page = client_for("sam").get(REPORT, query).content.decode()
    radios = re.findall(r'<input type="radio" name="period" value="(\w+)"[^>]*>', page)
    assert radios == ["3", "6", "12", "custom"]
    assert re.search(
        rf'<input type="radio" name="period" value="{checked}" class="usa-radio__input"'
        r"[^>]*checked",
        page,
    )
    # Each label belongs to a real input.
    for label_for in re.findall(r'<label class="usa-radio__label" for="([^"]+)"', page):
        assert f'id="{label_for}"' in page


def test_each_bar_has_its_label_above_it_and_fits_a_phone_drawing(personas, client_for) -> None:
    build(personas)
    response = client_for("sam").get(REPORT, {"group_by": "clinician"})
    width = response.context["chart_width"]
    for chart in response.context["charts"]:
        for bar in chart.bars:
            assert bar.label_y < bar.y  # the label line sits above its bar
            # The value ("100.0%", about 3 units a character at 16 units) stays inside.
            assert bar.value_x + 9 * len(bar.value) <= width
        tops = [bar.y for bar in chart.bars]
        assert tops == sorted(tops)
        assert chart.height >= tops[-1] + chart.bar_height
