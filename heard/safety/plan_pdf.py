"""The safety plan as a PDF to print or keep: the steps, phone numbers, the crisis lines for
the region and the emergency number. No name on it (if it is lost, it says whose it is to
no one), and nothing about the person in the document's metadata.

Uses fpdf2's built-in Helvetica: nothing to bundle, no network. It covers Latin-1 (Spanish
accents, ñ, ¿ and ¡); typographic quotes and dashes become their plain forms, and anything
else the font cannot draw becomes "?".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import fpdf
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from heard.safety.services import CrisisLines

_PLAIN = str.maketrans(
    {
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # low double quotation mark
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark (apostrophe)
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2026": "...",  # ellipsis
        "\u2022": "-",  # bullet
        "\u00a0": " ",  # no-break space
    }
)
INK = (31, 42, 44)
MUTED = (74, 85, 87)
PRIMARY = (10, 82, 75)
HELP = (155, 58, 31)
# US and Canada print on Letter paper; everyone else on A4.
LETTER_REGIONS = frozenset({"US", "CA"})


def latin1(text: object) -> str:
    """`text` as the built-in font can draw it."""
    plain = str(text).translate(_PLAIN)
    return plain.encode("latin-1", errors="replace").decode("latin-1")


class _Doc(fpdf.FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("helvetica", size=8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, latin1(self.footer_text), align="C")


def _heading(pdf: _Doc, text: str, *, size: float = 13, colour: tuple[int, int, int] = INK) -> None:
    pdf.set_font("helvetica", style="B", size=size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(0, size * 0.5, latin1(text), new_x="LMARGIN", new_y="NEXT")


def _body(pdf: _Doc, text: str, *, link: str = "", muted: bool = False, indent: float = 0) -> None:
    pdf.set_font("helvetica", size=11)
    pdf.set_text_color(*(MUTED if muted else INK))
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(
        0, 5.6, latin1(text), link=link or "", new_x="LMARGIN", new_y="NEXT", markdown=False
    )


def _entry_text(entry: Any) -> tuple[str, str]:
    if isinstance(entry, Mapping):
        parts = [p for p in (entry.get("name", ""), entry.get("phone", "")) if p]
        return ": ".join(parts), entry.get("href") or ""
    return str(entry), ""


def _steps(pdf: _Doc, steps: Sequence[Mapping[str, Any]]) -> None:
    for step in steps:
        pdf.ln(2.5)
        _heading(pdf, _("Step %(n)s. %(title)s") % {"n": step["number"], "title": step["title"]})
        pdf.ln(0.8)
        if not step["entries"]:
            _body(pdf, _("Nothing written here yet."), muted=True, indent=4)
        for entry in step["entries"]:
            text, link = _entry_text(entry)
            _body(pdf, "- " + text, link=link, indent=4)


def _channels(pdf: _Doc, lines: Iterable[Any]) -> None:
    for line in lines:
        labels = ", ".join(channel.label for channel in line.main_channels)
        _body(pdf, f"{line.service}: {labels}", indent=4)


def render(steps: Sequence[Mapping[str, Any]], lines: CrisisLines, *, made_on: date) -> bytes:
    """The plan as PDF bytes. `steps` is the page's list of steps (safety.plan_views.steps)."""
    pdf = _Doc(format="Letter" if lines.region in LETTER_REGIONS else "A4")
    pdf.footer_text = _(
        "Made with Heard. Based on the Safety Planning Intervention by Stanley and Brown."
    )
    pdf.set_title(latin1(_("My safety plan")))
    pdf.set_creator("Heard")
    pdf.set_producer("Heard")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    _heading(pdf, _("My safety plan"), size=20, colour=PRIMARY)
    pdf.ln(1)
    _body(pdf, _("Made on %(date)s.") % {"date": date_format(made_on, "DATE_FORMAT")}, muted=True)
    _body(pdf, _("Start at step 1. If a step doesn't help, go on to the next one."))
    _steps(pdf, steps)
    pdf.ln(4)
    _heading(pdf, _("Help is there at any hour"), colour=HELP)
    pdf.ln(0.8)
    _channels(pdf, lines.organization_lines + lines.region_lines)
    emergency = [c.label for line in lines.emergency for c in line.channels]
    _body(
        pdf,
        _("If you are in danger now: %(how)s.")
        % {"how": ", ".join(emergency) or _("call your local emergency number")},
        indent=4,
    )
    return bytes(pdf.output())
