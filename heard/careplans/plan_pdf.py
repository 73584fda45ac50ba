"""The care plan as a PDF to print, keep or bring to a session: the goals (with their detail
and latest rating), strengths and supports, what we'll do and who does it, the decisions and
the client's choice, and who agreed to this version and when.

Unlike the safety plan's PDF, it names the client: an agreement is between two named
people. Nothing about the person goes into the document's metadata. Uses fpdf2's built-in
Helvetica (Latin-1; see safety.plan_pdf.latin1 for what it cannot draw).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import fpdf
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from heard.accounts.models import User
from heard.careplans.models import CarePlan, CarePlanVersion
from heard.safety.plan_pdf import LETTER_REGIONS, latin1

INK = (31, 42, 44)
MUTED = (74, 85, 87)
PRIMARY = (10, 82, 75)


class _Doc(fpdf.FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("helvetica", size=8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, latin1(self.footer_text), align="C")


def _heading(pdf: _Doc, text: str, *, size: float = 13) -> None:
    pdf.ln(2.5)
    pdf.set_font("helvetica", style="B", size=size)
    pdf.set_text_color(*(PRIMARY if size > 13 else INK))
    pdf.multi_cell(0, size * 0.5, latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(0.8)


def _line(
    pdf: _Doc, text: str, *, indent: float = 0, muted: bool = False, bold: bool = False
) -> None:
    pdf.set_font("helvetica", style="B" if bold else "", size=11)
    pdf.set_text_color(*(MUTED if muted else INK))
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(0, 5.6, latin1(text), new_x="LMARGIN", new_y="NEXT", markdown=False)


def _when(value: Any) -> str:
    return date_format(timezone.localtime(value), "j F Y, H:i")


def _nothing(pdf: _Doc) -> None:
    _line(pdf, _("Nothing written here yet."), indent=4, muted=True)


def _goals(pdf: _Doc, goals: list[Mapping[str, Any]]) -> None:
    _heading(pdf, _("Goals"))
    if not goals:
        _nothing(pdf)
    for goal in goals:
        _line(pdf, f"{goal['number']}. {goal['text']}", indent=2, bold=True)
        for label, value in goal["smart"]:
            _line(pdf, f"{label}: {value}", indent=8)
        if goal["target"]:
            _line(pdf, _("By when: %(date)s") % {"date": date_format(goal["target"])}, indent=8)
        _line(pdf, _("Progress: %(trend)s") % {"trend": goal["trend_text"]}, indent=8, muted=True)


def _lines(pdf: _Doc, title: str, lines: list[str]) -> None:
    _heading(pdf, title)
    if not lines:
        _nothing(pdf)
    for text in lines:
        _line(pdf, "- " + text, indent=4)


def _interventions(pdf: _Doc, items: list[Mapping[str, Any]]) -> None:
    _heading(pdf, _("What we'll do"))
    if not items:
        _nothing(pdf)
    for item in items:
        _line(pdf, "- " + item["text"], indent=4)
        _line(pdf, _("Who: %(who)s") % {"who": item["who_text"]}, indent=8, muted=True)


def _decisions(pdf: _Doc, decisions: list[Mapping[str, Any]]) -> None:
    _heading(pdf, _("Decisions we're making together"))
    if not decisions:
        _line(pdf, _("No decisions to make right now."), indent=4, muted=True)
    for decision in decisions:
        _line(pdf, f"{decision['number']}. {decision['question']}", indent=2, bold=True)
        for option in decision["options"]:
            mark = " " + _("(chosen)") if option["chosen"] else ""
            words = _("Option %(n)s: %(label)s") % {"n": option["number"], "label": option["label"]}
            _line(pdf, words + mark, indent=8)
            if option["pros"]:
                _line(pdf, _("What could help: %(text)s") % {"text": option["pros"]}, indent=12)
            if option["cons"]:
                _line(pdf, _("What to weigh up: %(text)s") % {"text": option["cons"]}, indent=12)
        chosen = decision["chosen"]
        if chosen:
            _line(pdf, _("The client's choice: %(label)s") % chosen, indent=8, bold=True)
            if chosen["reason"]:
                _line(pdf, _("Why: %(reason)s") % chosen, indent=8)


def _agreement(pdf: _Doc, client_user: User, version: CarePlanVersion | None) -> None:
    _heading(pdf, _("Agreement"))
    if version is None:
        _nothing(pdf)
        return
    client = client_user.display_name
    if version.client_agreed_at:
        said = _("%(who)s agreed on %(when)s.") % {
            "who": client,
            "when": _when(version.client_agreed_at),
        }
    else:
        said = _("%(who)s has not agreed yet.") % {"who": client}
    _line(pdf, said, indent=4)
    clinician = version.clinician_agreed_by
    if version.clinician_agreed_at and clinician is not None:
        said = _("%(who)s (clinician) agreed on %(when)s.") % {
            "who": clinician.display_name,
            "when": _when(version.clinician_agreed_at),
        }
    else:
        said = _("The clinician has not agreed yet.")
    _line(pdf, said, indent=4)


def render(
    client: User,
    plan: CarePlan | None,
    version: CarePlanVersion | None,
    data: Mapping[str, Any],
    *,
    region: str,
    made_on: date,
) -> bytes:
    """The plan as PDF bytes (a short page saying there is none yet, without a plan).
    `data` is what the pages show (careplans.display.plan)."""
    pdf = _Doc(format="Letter" if region in LETTER_REGIONS else "A4")
    pdf.footer_text = _("Made with Heard.")
    pdf.set_title(latin1(_("Care plan")))
    pdf.set_creator("Heard")
    pdf.set_producer("Heard")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    _heading(pdf, _("Care plan for %(name)s") % {"name": client.display_name}, size=20)
    if plan is None or plan.version == 0:
        _line(pdf, _("There is no care plan yet."))
        return bytes(pdf.output())
    _line(
        pdf,
        _("Version %(n)s (%(status)s). Made on %(date)s.")
        % {
            "n": plan.version,
            "status": plan.get_status_display(),
            "date": date_format(made_on, "DATE_FORMAT"),
        },
        muted=True,
    )
    _goals(pdf, data["goals"])
    _lines(pdf, _("Strengths"), data["strengths"])
    _lines(pdf, _("Supports"), data["supports"])
    _interventions(pdf, data["interventions"])
    _decisions(pdf, data["decisions"])
    _agreement(pdf, client, version)
    return bytes(pdf.output())
