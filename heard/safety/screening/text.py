"""Normalisation for matching: one folded string plus a map back to the original text.

Lexicon patterns run on the folded string; every character of it remembers which character
of the original it came from, so evidence spans always point into what the person wrote.

Folding, in order, for each character:

* apostrophes vanish ("don't" -> "dont", "I'm" -> "im"), so spellings with and without them
  match alike;
* whitespace runs become one space, or one line break when they hold one; a hyphen or
  underscore between letters becomes a space ("self-harm" -> "self harm");
* variation selectors, zero-width joiners and control characters vanish;
* letters are casefolded and lose their accents ("Él" -> "el", "añ" -> "an");
* a digit between two letters is read as the letter it imitates ("su1c1de", "k1ll");
* a letter repeated next to itself is kept once ("diiiie" -> "die", "kill" -> "kil"); lexicon
  patterns are folded the same way (`squeeze_pattern`), so they are written in plain spelling.

No Django imports: pure functions over strings.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

APOSTROPHES = frozenset("'\u2019\u2018`\u00b4\u02bc")
JOINERS = frozenset("-_\u2010\u2011")
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\ufe0e\ufe0f")
# Escapes whose hex digits must survive folding: \\xhh, \\uhhhh, \\Uhhhhhhhh.
_ESCAPE_WIDTH = {"x": 4, "u": 6, "U": 10}
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}


@dataclass(frozen=True)
class Folded:
    """The folded text and, for each of its characters, the index in the original."""

    text: str
    origin: tuple[int, ...]
    source_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span that folded characters [start, end) came from."""
        if start >= end:
            return (0, 0)
        return (self.origin[start], self.origin[end - 1] + 1)


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# What `fold` does with a character, whatever its neighbours (see `_kind`).
_DROP, _BREAK, _SPACE, _JOINER, _LEET, _PLAIN = range(6)


@functools.lru_cache(maxsize=4096)
def _kind(char: str) -> tuple[int, tuple[tuple[str, bool], ...]]:
    """How `fold` treats `char`, and what it folds to on its own: (piece, is a letter) for
    each character of `_fold_char(char)`. The checks run in the order `fold` needs them, once
    per distinct character instead of once per character of every message."""
    if char in APOSTROPHES or char in INVISIBLE:
        return (_DROP, ())
    if char in "\n\r\u2028\u2029\x85":
        return (_BREAK, ())
    if char.isspace():
        return (_SPACE, ())
    pieces = tuple((piece, piece.isalpha()) for piece in _fold_char(char))
    if char in JOINERS:
        return (_JOINER, pieces)  # a space between two letters, else itself
    if unicodedata.category(char) == "Cc":
        return (_DROP, ())
    if char in LEET:
        return (_LEET, pieces)  # the letter it imitates between two letters, else itself
    return (_PLAIN, pieces)


# Plain ASCII text (lower-cased): letters, digits, single spaces, common punctuation, "'".
_PLAIN_TEXT = re.compile(r"[a-z0-9 .,!?;:()\"'/%&*+=<>#@$_-]*")
# What plain text still needs the full walk for: a digit, "@", "$", "-" or "_" between two
# letters, two spaces in a row, a space first.
_NEEDS_WALK = re.compile(r"[a-z][0-9@$_-][a-z]|  |^ ")
_REPEATED = re.compile(r"([a-z])\1+")


def fold(text: str) -> Folded:
    """Fold `text` for matching (see the module docstring)."""
    plain = text.replace("\u2019", "'")  # a phone's apostrophe: one character for one
    if plain.isascii():
        lower = plain.lower()
        if _PLAIN_TEXT.fullmatch(lower):
            kept = lower.replace("'", "")
            if not _NEEDS_WALK.search(kept):
                return _fold_plain(lower, kept, len(text))
    return _fold_any(text)


def _fold_plain(lower: str, kept: str, length: int) -> Folded:
    """`fold` of plain text (see `_PLAIN_TEXT`, `_NEEDS_WALK`), without the walk: the same
    result, made by str and re methods. `kept` is `lower` without its apostrophes."""
    where = [i for i, char in enumerate(lower) if char != "'"] if len(kept) < len(lower) else None
    runs = list(_REPEATED.finditer(kept))
    if runs:
        dropped = {j for run in runs for j in range(run.start() + 1, run.end())}
        positions: range | list[int] = [j for j in range(len(kept)) if j not in dropped]
        folded = _REPEATED.sub(r"\1", kept)
    else:
        positions, folded = range(len(kept)), kept
    origin = tuple(positions) if where is None else tuple(where[j] for j in positions)
    return Folded(folded, origin, length)


def _fold_any(text: str) -> Folded:
    """`fold`, one character at a time."""
    out: list[str] = []
    origin: list[int] = []
    length = len(text)
    last = ""  # out[-1], or "" while out is empty
    for index, char in enumerate(text):
        kind, pieces = _kind(char)
        if kind in (_JOINER, _LEET):
            between_letters = (
                0 < index < length - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()
            )
            if between_letters:
                if kind == _JOINER:
                    kind = _SPACE
                else:
                    pieces = _kind(LEET[char])[1]
        if kind == _DROP:
            continue
        if kind == _BREAK:
            # A line break ends a sentence: keep one, in place of a space before it.
            if last == " ":
                out[-1] = last = "\n"
                origin[-1] = index
            elif last and last != "\n":
                out.append("\n")
                origin.append(index)
                last = "\n"
            continue
        if kind == _SPACE:
            if last and last not in " \n":
                out.append(" ")
                origin.append(index)
                last = " "
            continue
        for piece, is_letter in pieces:
            if is_letter and piece == last:
                continue
            out.append(piece)
            origin.append(index)
            last = piece
    return Folded("".join(out), tuple(origin), length)


def squeeze_pattern(pattern: str) -> str:
    """Fold a regular expression written in plain spelling the way `fold` folds text.

    Accents and apostrophes go and doubled letters are kept once, leaving escapes
    (``\\b``, ``\\s``) and counted repeats (``{1,3}``) alone.
    """
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            width = _ESCAPE_WIDTH.get(pattern[index + 1 : index + 2], 2)
            out.append(pattern[index : index + width])
            index += width
            continue
        index += 1
        if char in APOSTROPHES:
            continue
        if not char.isascii():  # ASCII is regex syntax ("(?P<name>") or plain lower case
            char = _fold_char(char)
        if char.isalpha() and out and out[-1] == char:
            continue
        out.append(char)
    return "".join(out)
