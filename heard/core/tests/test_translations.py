"""The Spanish translation: complete, placeholders intact, compiled, and shown on real pages.

When a test here fails after you added or changed a string, run `make messages`, translate
the new entries in heard/locale/es/LC_MESSAGES/django.po (remove any `#, fuzzy` flag once
you have checked the entry), and run `make messages` again to compile the .mo.
"""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from heard.safety import crisis_strings

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
PO_FILE = LOCALE_DIR / "es" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")

# Placeholders that must survive translation: %(name)s, %s, %d, {name}, {}.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}")
HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
# Safe-messaging (docs reference safety.md c.4): words the Spanish text must never use.
UNSAFE_WORDS = re.compile(
    r"comet\w* suicidio|suicidio (exitoso|consumado|logrado)|intento (fallido|frustrado)"
    r"|amenaz\w* con suicid",
    re.IGNORECASE,
)


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def label(self) -> str:
        where = f"django.po line {self.line}"
        return f"{where}: {self.msgid!r}" + (f" (context {self.msgctxt!r})" if self.msgctxt else "")


def _unquote(text: str) -> str:
    text = text.strip()
    assert re.fullmatch(r'".*"', text), text
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes[m.group(1)], text[1:-1])


@cache
def po_entries() -> tuple[Entry, ...]:
    """Every entry of the Spanish .po, header first. Obsolete (#~) entries are left out."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int] = ("", 0)
    for number, raw in enumerate(PO_FILE.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            current = None
            continue
        if line.startswith("#~"):
            continue
        if current is None:
            current = Entry(line=number)
            entries.append(current)
        if line.startswith("#,"):
            current.flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            key, index = target
            if key == "msgstr":
                current.msgstr[index] += _unquote(line)
            else:
                setattr(current, key, (getattr(current, key) or "") + _unquote(line))
        else:
            keyword, _, value = line.partition(" ")
            match = re.fullmatch(r"msgstr(?:\[(\d+)\])?", keyword)
            if match:
                target = ("msgstr", int(match.group(1) or 0))
                current.msgstr[target[1]] = _unquote(value)
            else:
                assert keyword in {"msgid", "msgctxt", "msgid_plural"}, f"line {number}: {raw}"
                target = (keyword, 0)
                setattr(current, keyword, _unquote(value))
    return tuple(entries)


def messages() -> tuple[Entry, ...]:
    """Every entry except the header."""
    return tuple(entry for entry in po_entries() if entry.msgid)


def test_the_po_file_parses_and_has_a_spanish_header() -> None:
    header = po_entries()[0]
    assert header.msgid == ""
    assert "fuzzy" not in header.flags
    assert "Language: es\n" in header.msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header.msgstr[0]
    assert len(messages()) > 100


def test_every_entry_is_translated_and_none_is_fuzzy() -> None:
    fuzzy = [entry.label for entry in messages() if "fuzzy" in entry.flags]
    assert fuzzy == [], "check these entries, then remove their '#, fuzzy' flag"
    forms = 2  # nplurals in the header
    untranslated = [
        entry.label
        for entry in messages()
        if any(not entry.msgstr.get(i) for i in range(forms if entry.msgid_plural else 1))
    ]
    assert untranslated == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
def test_msgfmt_agrees() -> None:
    result = subprocess.run(  # noqa: S603 - a fixed command on our own file
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(PO_FILE)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin:/usr/local/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr
    assert re.search(r"^\d+ translated messages?\.$", result.stderr.strip())


def _placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


def test_every_placeholder_and_html_tag_is_kept() -> None:
    problems = []
    for entry in messages():
        sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        wanted = set().union(*(_placeholders(s) for s in sources))
        for translation in entry.msgstr.values():
            found = _placeholders(translation)
            if set(found) != wanted:
                problems.append(f"{entry.label}: placeholders {sorted(found)} != {sorted(wanted)}")
            if Counter(HTML_TAG.findall(translation)) != Counter(HTML_TAG.findall(entry.msgid)):
                problems.append(f"{entry.label}: HTML tags differ")
    assert problems == []


def test_the_spanish_follows_safe_messaging_language() -> None:
    unsafe = [entry.label for entry in messages() if UNSAFE_WORDS.search(entry.msgstr[0])]
    assert unsafe == [], "see docs reference safety.md section c.4"


def test_every_crisis_line_string_is_in_the_catalog() -> None:
    catalog = {entry.msgid for entry in messages()}
    assert sorted(set(crisis_strings.STRINGS) - catalog) == []


def test_the_mo_file_is_compiled_from_the_current_po() -> None:
    assert MO_FILE.exists(), "run `make messages` to compile the .mo"
    # A fresh git checkout writes both files within moments of each other, in either order.
    assert MO_FILE.stat().st_mtime >= PO_FILE.stat().st_mtime - 5, (
        "the .mo is older than the .po: run `make messages` (it extracts and compiles)"
    )
    with MO_FILE.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in messages():
        if entry.msgid_plural:
            shown = [
                compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                if entry.msgctxt
                else compiled.ngettext(entry.msgid, entry.msgid_plural, n)
                for n in (1, 2)
            ]
            expected = [entry.msgstr[0], entry.msgstr[1]]
        else:
            shown = [
                compiled.pgettext(entry.msgctxt, entry.msgid)
                if entry.msgctxt
                else compiled.gettext(entry.msgid)
            ]
            expected = [entry.msgstr[0]]
        if shown != expected:
            stale.append(entry.label)
    assert stale == [], "the .mo does not match the .po: run `make messages`"


# --- Pages, rendered in Spanish --------------------------------------------------------------

PAGES = {
    "/": ["Mereces que te escuchen.", "Iniciar sesión", "Habla con alguien ahora"],
    "/help-now/": [
        "No tienes que pasar por esto a solas",
        "Si tú u otra persona están en peligro inmediato",
        "Para este momento",
        "Elige tu país",
    ],
    "/account/login/": ["Qué bueno verte de nuevo", "¿Olvidaste tu contraseña?", "Contraseña"],
}
ENGLISH = ["You deserve to be heard.", "You don't have to go through this alone", "Welcome back"]
SHELL = ["Salida rápida", "¿Necesitas ayuda ahora?", "Tómate tu tiempo."]


@pytest.mark.django_db
@pytest.mark.parametrize("url", list(PAGES))
def test_pages_speak_spanish_to_a_spanish_browser(url: str) -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5").get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="es"' in body
    for text in PAGES[url] + SHELL:
        assert text in body
    for text in ENGLISH:
        assert text not in body


@pytest.mark.django_db
def test_the_language_cookie_chooses_spanish() -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    body = client.get("/help-now/", {"region": "US"}).content.decode()
    assert "Llama al 988" in body
    assert "En español: llama al 988 y marca 2" in body
    # Service names stay as the service writes them.
    assert "988 Suicide &amp; Crisis Lifeline" in body


@pytest.mark.django_db
def test_english_is_still_the_default() -> None:
    body = Client().get("/").content.decode()
    assert "You deserve to be heard." in body
    assert "Mereces que te escuchen." not in body
