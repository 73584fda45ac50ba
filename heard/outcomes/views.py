"""Service report pages: the report with charts, and the same figures as a CSV file."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from heard.core.csvsafe import write_csv
from heard.core.http import request_user
from heard.outcomes import access, present, rules, services
from heard.outcomes.forms import GROUP_LABELS, ReportForm


def _form(request: HttpRequest, scope: access.ReportScope) -> ReportForm:
    data = request.GET.copy()
    data.setdefault("period", "12")
    data.setdefault("group_by", scope.group_choices[0])
    return ReportForm(data, group_choices=scope.group_choices, today=timezone.localdate())


def _report(request: HttpRequest) -> tuple[ReportForm, services.Report | None]:
    user = request_user(request)
    scope = access.report_scope(user)
    form = _form(request, scope)
    if not form.is_valid():
        return form, None
    report = services.service_report(
        user,
        scope,
        start=form.cleaned_data["start"],
        end=form.cleaned_data["end"],
        group_by=form.cleaned_data["group_by"],
    )
    return form, report


@login_required
@require_safe
def report(request: HttpRequest) -> HttpResponse:
    form, result = _report(request)
    context: dict[str, object] = {"form": form, "report": result, "min_cell": rules.MIN_CELL}
    if result is not None:
        table = present.rows(result)
        context |= {
            "headers": present.headers(),
            "group_heading": GROUP_LABELS[result.group_by],
            "rows": table,
            "total": present.total_row(result),
            "charts": present.charts(result, table),
            "chart_width": present.CHART_WIDTH,
            "query": request.GET.urlencode(),
        }
    return render(request, "outcomes/report.html", context)


@login_required
@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    form, result = _report(request)
    if result is None:
        return HttpResponse(
            "\n".join(str(e) for e in form.non_field_errors() or form.errors.values()),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    header, lines = present.csv_table(result)
    response = HttpResponse(write_csv(header, lines), content_type="text/csv; charset=utf-8")
    filename = f"heard-service-report-{result.start.isoformat()}-{result.end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
