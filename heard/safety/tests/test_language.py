"""Our own words about suicide and mental illness are safe and stigma-free, in every template,
translation and content file we ship (safety.md c.4). Client text is never checked this way."""

from pathlib import Path

import pytest

from heard.safety import language

ROOT = Path(__file__).resolve().parents[3]
HEARD = ROOT / "heard"
# Where these phrases must appear: the screener's lexicons and prototypes (to recognise them
# in what people write), this checker itself, and tests.
# Word lists that recognise what people write (never shown to anyone) are exempt.
EXEMPT = (
    HEARD / "safety" / "screening",
    HEARD / "safety" / "language.py",
    HEARD / "listening" / "lexicon.py",
)


def shipped_files() -> list[Path]:
    files: list[Path] = []
    for pattern in ("**/*.html", "**/*.txt", "**/*.json", "**/*.po", "**/*.py", "**/*.js"):
        files += HEARD.glob(pattern)
    files += (ROOT / "templates").glob("**/*.html")
    return sorted(
        f
        for f in files
        if "tests" not in f.parts
        and "static_build" not in f.parts
        and not any(f == e or e in f.parents for e in EXEMPT)
    )


def test_the_check_covers_templates_translations_and_content():
    names = {f.name for f in shipped_files()}
    assert {"base.html", "django.po", "phq-9.json", "crisis_lines.json", "support.html"} <= names


@pytest.mark.parametrize("path", shipped_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_unsafe_or_stigmatising_phrase(path):
    text = path.read_text(encoding="utf-8")
    found = language.problems(text, lang="en") + language.problems(text, lang="es")
    assert not found, [f"{p.phrase!r}: {p.why}; say {p.instead!r}" for p in found]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("He committed suicide last year.", "en"),
        ("after a failed attempt", "en"),
        ("She is bipolar.", "en"),
        ("a suicidal patient", "en"),
        ("The suicide epidemic", "en"),
        ("Lethal means restriction", "en"),
        ("It was attention-seeking", "en"),
        ("people suffering from depression", "en"),
        ("that's crazy", "en"),
        ("cometió suicidio", "es"),
        ("un intento fallido", "es"),
        ("Es bipolar", "es"),
        ("está loca", "es"),
        ("los enfermos mentales", "es"),
    ],
)
def test_the_checker_catches_what_the_guidance_says_to_avoid(text, lang):
    assert language.problems(text, lang=lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("died by suicide", "en"),
        ("a suicide attempt", "en"),
        ("has bipolar disorder", "en"),
        ("lethal means safety", "en"),
        ("people with mental illness", "en"),
        ("murió por suicidio", "es"),
        ("tiene trastorno bipolar", "es"),
        ("Little interest or pleasure in doing things", "en"),
    ],
)
def test_the_checker_accepts_the_recommended_wording(text, lang):
    assert language.problems(text, lang=lang) == []
