"""Safe, stigma-free language: phrases our own content must never use.

From the safe-messaging and "language matters" guidance in shared/reference/safety.md (c.4):
no "committed suicide" (it implies a crime or sin), no "successful" or "failed" attempts, no
"threatened suicide" or "attention-seeking", "lethal means safety" rather than "restriction",
person-first wording ("has bipolar disorder", not "is bipolar"), no slurs about mental illness,
and no sensational words ("epidemic", "skyrocketing"). Spanish has its own list.

A test (heard/safety/tests/test_language.py) runs `problems` over every template, every
translation and every content file we ship. Client text is never checked against this: what a
person writes in their own words is theirs, and the crisis screener reads it for risk instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (phrase pattern, why, what to say instead). Patterns are regular expressions matched
# case-insensitively on word boundaries.
ENGLISH: tuple[tuple[str, str, str], ...] = (
    (r"commit(?:s|ted|ting)? suicide", "implies a crime or sin", "died by suicide"),
    (r"(?:successful|completed) suicide", "implies an achievement", "suicide death"),
    (
        r"(?:failed|unsuccessful|successful) (?:suicide )?attempt",
        "judges the attempt",
        "suicide attempt",
    ),
    (r"threat(?:en|ened|ening|s)? (?:to commit )?suicide", "dismisses a disclosure", "disclosed"),
    (r"suicidal gesture", "dismisses a disclosure", "describe the behaviour neutrally"),
    (r"attention[- ]seeking", "blames the person", "describe the behaviour neutrally"),
    (r"manipulative", "blames the person", "describe the behaviour neutrally"),
    (r"lethal means restriction", "outdated", "lethal means safety"),
    (r"suicide epidemic|epidemic of suicide", "sensational", "increasing"),
    (r"skyrocket(?:s|ed|ing)?", "sensational", "increasing"),
    (r"suicide victim", "sensational", "person who died by suicide"),
    (r"(?:a |the )?suicidal (?:patient|client)s?", "defines the person", "a person at risk"),
    (r"(?:is|am|are) (?:bipolar|schizophrenic|psychotic|anorexic)", "not person-first", "has"),
    (r"an? (?:schizophrenic|psychotic|depressive|anorexic|addict)\b", "not person-first", "has"),
    (r"the mentally ill", "defines people by illness", "people with mental illness"),
    (r"mental patients?", "stigmatising", "person receiving care"),
    (r"suffer(?:s|ing)? from", "frames the person as a victim", "has, lives with"),
    (r"(?:crazy|insane|psycho|lunatic|nutcase|nutjob|deranged|retarded)", "slur", "—"),
)

SPANISH: tuple[tuple[str, str, str], ...] = (
    (r"comet(?:e|ió|er|ieron|ido) suicidio", "implica delito o pecado", "murió por suicidio"),
    (r"suicidio (?:consumado|exitoso|logrado)", "implica un logro", "muerte por suicidio"),
    (r"intento (?:de suicidio )?(?:fallido|frustrado|exitoso)", "juzga el intento", "intento"),
    (r"amenaz(?:a|ó|ar) con suicidarse", "minimiza", "expresó pensamientos"),
    (r"llamar la atención", "culpa a la persona", "describir la conducta"),
    (r"manipulador(?:a|es|as)?", "culpa a la persona", "describir la conducta"),
    (r"epidemia de suicidios?", "sensacionalista", "en aumento"),
    (r"(?:es|soy|eres) (?:bipolar|esquizofrénic[oa]|psicótic[oa]|anoréxic[oa])", "", "tiene"),
    (r"un[oa]? (?:esquizofrénic[oa]|psicótic[oa]|adict[oa])\b", "no centrado en la persona", ""),
    (r"(?:los|las) enferm[oa]s mentales", "define a la persona por la enfermedad", ""),
    (r"sufre(?:n)? de", "presenta a la persona como víctima", "tiene, vive con"),
    (r"(?:loc[oa]s?|chiflad[oa]s?|demente|psicópata|lunátic[oa])", "insulto", "—"),
)


@dataclass(frozen=True)
class Problem:
    phrase: str
    why: str
    instead: str


def _compile(
    terms: tuple[tuple[str, str, str], ...],
) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    return tuple(
        (re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE), why, instead)
        for pattern, why, instead in terms
    )


_RULES = {"en": _compile(ENGLISH), "es": _compile(SPANISH)}


def problems(text: str, *, lang: str = "en") -> list[Problem]:
    """Every unsafe or stigmatising phrase in `text` (our own content, in `lang`)."""
    found: list[Problem] = []
    for pattern, why, instead in _RULES[lang]:
        for match in pattern.finditer(text):
            found.append(Problem(match.group(0), why, instead))
    return found
