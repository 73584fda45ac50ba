"""Pure rules for crisis lines: region codes, tap-to-call links and entry validation.

No Django imports: everything here is a plain function over plain data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

CHANNEL_KINDS = frozenset({"call", "text", "chat", "web", "email"})
STATUSES = frozenset({"verified", "secondary", "unverified"})

# Alternative spellings people and browsers use for a region we store under its ISO code.
REGION_ALIASES = {"UK": "GB"}

# The 27 EU member states (ISO 3166-1 alpha-2). A member state with no lines of its own
# is shown the EU-wide entry (112).
EU_MEMBER_STATES = frozenset(
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    }
)  # fmt: skip
EU = "EU"

_REGION_CODE = re.compile(r"^[A-Z]{2}$")
# Digits with the usual separators: "+44 116 123", "(555) 010-2000", "0477 13 11 14".
_PHONE = re.compile(r"^\+?[0-9(][0-9 ().\-]*$")
_KEYWORD = re.compile(r"^[A-Za-z0-9]{1,20}$")
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$")
_URL = re.compile(r"^https://[^\s<>\"']+$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")

MAX_TEXT = 300


def normalize_region(code: str, *, own_lines: Iterable[str] = ()) -> str:
    """Upper-case ISO code, with aliases resolved ("uk" -> "GB").

    An EU member state not in `own_lines` becomes "EU", so it is shown the EU-wide number.
    Anything that is not two letters comes back as "".
    """
    cleaned = code.strip().upper()
    cleaned = REGION_ALIASES.get(cleaned, cleaned)
    if cleaned == EU:
        return EU
    if not _REGION_CODE.match(cleaned):
        return ""
    if cleaned in EU_MEMBER_STATES and cleaned not in set(own_lines):
        return EU
    return cleaned


def regions_from_accept_language(header: str) -> list[str]:
    """Country parts of an Accept-Language header, most preferred first.

    "en-GB,en;q=0.9,fr-CA;q=0.8" -> ["GB", "CA"]. Tags without a country are skipped;
    malformed quality values count as 0.
    """
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        subtags = tag.strip().replace("_", "-").split("-")
        # The region is the first two-letter subtag after the language ("zh-Hant-TW" -> TW).
        region = next((s for s in subtags[1:] if len(s) == 2 and s.isalpha()), "")
        if region and quality > 0:
            ranked.append((-quality, position, region.upper()))
    return [region for _, _, region in sorted(ranked)]


def dial_digits(value: str) -> str:
    """A phone number as dialled: digits only, keeping a leading "+"."""
    digits = re.sub(r"\D", "", value)
    return f"+{digits}" if value.strip().startswith("+") else digits


def is_phone_number(value: str) -> bool:
    return bool(_PHONE.match(value)) and 2 <= len(re.sub(r"\D", "", value)) <= 15


def channel_href(kind: str, value: str, keyword: str = "") -> str | None:
    """The link that opens the right app: tel:, sms: (with the keyword as body), mailto:
    or an https URL. None when the value is not safe to put in a link."""
    if kind == "call" and is_phone_number(value):
        return f"tel:{dial_digits(value)}"
    if kind == "text" and is_phone_number(value):
        href = f"sms:{dial_digits(value)}"
        # "?&body=" is the one form both iOS and Android read.
        return f"{href}?&body={quote(keyword)}" if keyword else href
    if kind == "email" and _EMAIL.match(value):
        return f"mailto:{value}"
    if kind in {"chat", "web"} and _URL.match(value):
        return value
    return None


def _text_error(entry: Mapping[str, Any], field: str, *, required: bool) -> str | None:
    value = entry.get(field)
    if value is None or value == "":
        return f"{field} is required" if required else None
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return f"{field} must be text of at most {MAX_TEXT} characters"
    return None


def channel_errors(channel: Any) -> list[str]:
    """What is wrong with one channel ({kind, value, keyword?, label, language?, ...})."""
    if not isinstance(channel, Mapping):
        return ["channel must be an object"]
    errors: list[str] = []
    kind = channel.get("kind")
    value = channel.get("value")
    keyword = channel.get("keyword", "")
    if kind not in CHANNEL_KINDS:
        errors.append(f"channel kind must be one of {sorted(CHANNEL_KINDS)}, not {kind!r}")
    if not isinstance(value, str) or not value:
        errors.append("channel value is required")
    if keyword and (kind != "text" or not isinstance(keyword, str) or not _KEYWORD.match(keyword)):
        errors.append("a keyword is only for text channels: letters and digits only")
    if not errors and channel_href(str(kind), str(value), str(keyword or "")) is None:
        errors.append(f"channel value {value!r} is not a valid {kind} value")
    for field in ("label",):
        error = _text_error(channel, field, required=False)
        if error:
            errors.append(error)
    language = channel.get("language")
    if language is not None and (not isinstance(language, str) or not _LANGUAGE.match(language)):
        errors.append("channel language must be a language code such as 'es'")
    if "more" in channel and not isinstance(channel["more"], bool):
        errors.append("channel 'more' must be true or false")
    if channel.get("status") not in (None, *STATUSES):
        errors.append(f"channel status must be one of {sorted(STATUSES)}")
    return errors


def line_errors(entry: Any, *, directory: bool) -> list[str]:
    """What is wrong with one crisis line entry.

    `directory=True` applies the stricter rules for our own data file (country, status,
    sources, review month and a label on every channel); organization lines need only a
    service name and at least one usable channel.
    """
    if not isinstance(entry, Mapping):
        return ["entry must be an object"]
    errors: list[str] = []
    for field, required in (("service", True), ("hours", False), ("notes", False)):
        error = _text_error(entry, field, required=required)
        if error:
            errors.append(error)
    channels = entry.get("channels")
    if not isinstance(channels, list) or not channels:
        errors.append("channels must be a non-empty list")
    else:
        for number, channel in enumerate(channels, start=1):
            errors += [f"channel {number}: {e}" for e in channel_errors(channel)]
            if directory and isinstance(channel, Mapping) and not channel.get("label"):
                errors.append(f"channel {number}: label is required")
    languages = entry.get("languages", [])
    if not isinstance(languages, list) or not all(
        isinstance(code, str) and _LANGUAGE.match(code) for code in languages
    ):
        errors.append("languages must be a list of language codes")
    if "emergency" in entry and not isinstance(entry["emergency"], bool):
        errors.append("emergency must be true or false")
    if directory:
        errors += _directory_errors(entry)
    return errors


def _directory_errors(entry: Mapping[str, Any]) -> list[str]:
    errors: list[str] = []
    country = entry.get("country")
    if not isinstance(country, str) or not (country == EU or _REGION_CODE.match(country)):
        errors.append("country must be an ISO code such as 'US', or 'EU'")
    if not isinstance(entry.get("id"), str) or not entry.get("id"):
        errors.append("id is required")
    if entry.get("status") not in STATUSES:
        errors.append(f"status must be one of {sorted(STATUSES)}")
    if not isinstance(entry.get("reviewed"), str) or not _MONTH.match(entry["reviewed"]):
        errors.append("reviewed must be a month such as '2026-11'")
    sources = entry.get("sources")
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        errors.append("sources must be a list of source ids")
    if not isinstance(entry.get("emergency"), bool):
        errors.append("emergency must be set to true or false")
    return errors
