"""The rule type shared by the English and Spanish lexicons, and how rules are compiled.

A rule is one explainable pattern with an id ("en.ideation.want_to_die"). Patterns are
regular expressions written in plain spelling over folded text (see `text.py`): lower case,
no accents, no apostrophes. `{NAME}` inserts a named fragment from the lexicon's macros.
Every pattern is checked to be free of nested unbounded repeats, so matching stays linear.
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found]  # the stdlib's regex parser
from dataclasses import dataclass, field
from typing import Any

from heard.safety.screening.text import squeeze_pattern

SUICIDE = "suicide"
SELF_HARM = "self_harm"
HARM_TO_OTHERS = "harm_to_others"
ABUSE = "abuse_or_unsafe"

# Signal strengths, weakest first.
CONCERN = "concern"
URGENT = "urgent"
ACUTE = "acute"

# Kinds of rule besides signals.
MODIFIER = "modifier"  # plan, means, time, rehearsal: raises suicidal talk to acute
NEGATION = "negation"
IDIOM = "idiom"
HISTORY = "history"  # a time in the past ("two years ago", "hace años")
RECENT = "recent"  # a recent or present time that keeps a report current ("last night")
RECOVERY = "recovery"  # "now I'm doing well", "clean for two years"
MEDIA = "media"
LAUGHTER = "laughter"

# After a questionnaire cue ("the PHQ-9 question about…"): unless the answer given, later in
# the sentence, is yes ("I answered nearly every day", "puse casi todos los días"). Both
# lexicons use it as the macro {NOT_ANSWERED_YES}.
NOT_ANSWERED_YES = (
    r"(?![^.!?\n]{0,120}(?:nearly every day|more than half|several days|most days|every day|"
    r"casi todos los dias|mas de la mitad|varios dias|todos los dias))"
)

_MACRO = re.compile(r"\{([A-Z_]+)\}")


@dataclass(frozen=True)
class Rule:
    """One pattern. `kind` is a strength (concern/urgent/acute) for signals, else a counter."""

    id: str
    kind: str
    pattern: str
    category: str = ""
    what: str = ""  # for explanations: "talks about wanting to die"
    person: str = ""  # "self", "other", or "" (decided from the words around the match)
    negatable: bool = True  # False when the pattern already holds its own negation
    hyperbole: bool = False  # a form people also use as a joke ("kms", "kill me")
    past: bool = False  # the words themselves tell of an act ("tried to", "attempted")
    escalates: bool = True  # a plan, means or time nearby makes it acute (not for passive wishes)
    compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)
    # A cheap test before the regular expression: every match holds one of these strings
    # (`anchors`), so a message without any of them is never tried. None: unknown.
    keys: frozenset[str] | None = field(init=False, repr=False, compare=False)
    # Or, when rarer in text: every match starts with one of these strings, where no letter
    # or digit comes just before (`_leading`); `keys` is then None.
    starts: frozenset[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", re.compile(self.pattern))
        items = list(sre_parse.parse(self.pattern))  # parsed once for both kinds of anchor
        found = _required(items)
        leading = _leading(items)
        if leading and (not found or _starts_are_rarer(leading, found)):
            found = None
        else:
            leading = None
        object.__setattr__(self, "keys", frozenset(found) if found else None)
        object.__setattr__(self, "starts", frozenset(leading) if leading else None)


def anchors(pattern: str) -> set[str] | None:
    """Literal strings one of which every match of `pattern` contains, or None if unknown."""
    return _required(list(sre_parse.parse(pattern)))


def _leading(items: list[Any]) -> set[str] | None:
    r"""Literal strings one of which every match of the parsed `items` starts with, if they
    begin with `(?<!\w)` (as every lexicon rule does): so each one starts where no letter or
    digit comes just before. None if unknown or the pattern does not begin so."""
    if not items or str(items[0]) != _NO_WORD_BEFORE:
        return None
    starts = _prefixes(items[1:])
    if not starts or not all(start[:1].strip() for start in starts):
        return None
    return {start.rstrip() for start in starts}


_NO_WORD_BEFORE = str(next(iter(sre_parse.parse(r"(?<!\w)"))))  # as parsed, written out


def _score(strings: set[str]) -> tuple[int, int]:
    # Prefer the set whose shortest string is longest (longer strings are rarer in text, so
    # the rule is tried on fewer messages), then the smallest set.
    return (min(len(s) for s in strings), -len(strings))


def _starts_are_rarer(starts: set[str], anywhere: set[str]) -> bool:
    """Whether a rule is tried on fewer messages with `starts` than with `anywhere`: only
    when one of `anywhere` is as short as "el" or "is", which hide inside many words ("feel",
    "this"), and no start is shorter (a start of four letters such as "going" begins many
    words; measured on the development sets, choosing by length alone tried more rules)."""
    shortest = min(len(s) for s in anywhere)
    return shortest <= 2 and min(len(s) for s in starts) >= shortest


# How many strings `_prefixes` may list before it gives up on a longer prefix.
_MAX_PREFIXES = 32
_ZERO_WIDTH = (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT)


def _prefixes(items: list[Any], budget: int = _MAX_PREFIXES) -> set[str] | None:
    """Literal strings one of which every match of the parsed `items` starts with (None if
    unknown): "o(?:verdosed|d)" gives {"overdosed", "od"}, where `_required` alone sees only
    "o" or {"verdosed", "d"}. At most `budget` strings: past that, only the run before the
    first choice."""
    run: list[str] = []
    for index, (op, av) in enumerate(items):
        if op is sre_parse.LITERAL:
            run.append(chr(av))
            continue
        if op in _ZERO_WIDTH:
            continue  # matches no character: what follows starts where the run ends
        head = "".join(run)
        rest = items[index + 1 :]
        if op is sre_parse.SUBPATTERN:
            ways: list[list[Any]] | None = [list(av[3]) + rest]
        elif op is sre_parse.BRANCH:
            ways = [list(branch) + rest for branch in av[1]]
        else:
            ways = None
        found: set[str] = set()
        for way in ways or []:
            tails = _prefixes(way, budget - len(found))
            if tails is None or len(found) + len(tails) > budget:
                found.clear()
                break
            found.update(head + tail for tail in tails)
        if found:
            return found
        return {head} if head else None
    return {"".join(run)} if run else None


def _joins(items: list[Any], index: int) -> bool:
    """Whether the run of letters at `index` (maybe none) is followed by a group or a choice,
    so that `_prefixes` may find longer strings than the run alone."""
    for op, _ in items[index:]:
        if op is not sre_parse.LITERAL and op not in _ZERO_WIDTH:
            return op in (sre_parse.SUBPATTERN, sre_parse.BRANCH)
    return False


def _required(items: list[Any]) -> set[str] | None:
    """Strings one of which a match of the parsed `items` must contain (None if unknown)."""
    candidates: list[set[str]] = []
    for index, (op, _) in enumerate(items):
        if (index == 0 or (op is sre_parse.LITERAL and items[index - 1][0] is not op)) and (
            _joins(items, index)
        ):
            starts = _prefixes(items[index:])  # a run of letters and what must follow it
            if starts and all(start.strip() for start in starts):
                candidates.append({start.strip() for start in starts})
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is sre_parse.LITERAL:
            run.append(chr(av))
            continue
        if run and "".join(run).strip():
            candidates.append({"".join(run).strip()})
        run = []
        found: set[str] | None = None
        if op is sre_parse.IN and all(kind is sre_parse.LITERAL for kind, _ in av):
            found = {chr(char) for _, char in av}  # a class of plain characters: "[🪦⚰]"
        elif op is sre_parse.SUBPATTERN:
            found = _required(list(av[3]))
        elif op is sre_parse.BRANCH:
            parts = [_required(list(branch)) for branch in av[1]]
            if all(parts):
                found = set().union(*parts)  # type: ignore[arg-type]
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) and av[0] >= 1:
            found = _required(list(av[2]))
        if found and all(found):
            candidates.append(found)
    return max(candidates, key=_score) if candidates else None


def expand(pattern: str, macros: dict[str, str]) -> str:
    """Insert macros (recursively) and fold the result like text is folded."""
    for _ in range(4):
        pattern = _MACRO.sub(lambda m: macros[m.group(1)], pattern)
    return squeeze_pattern(pattern)


def alt(*words: str) -> str:
    """A non-capturing alternation of plain words or fragments."""
    return "(?:" + "|".join(words) + ")"


class RuleBook:
    """Builds rules with a shared id prefix and macro table."""

    def __init__(self, prefix: str, macros: dict[str, str]) -> None:
        self.prefix = prefix
        self.macros = macros
        self.rules: list[Rule] = []

    def add(
        self,
        name: str,
        kind: str,
        pattern: str,
        category: str = "",
        what: str = "",
        *,
        person: str = "",
        negatable: bool = True,
        hyperbole: bool = False,
        past: bool = False,
        escalates: bool = True,
    ) -> None:
        """Add a rule; the pattern must start and end at word edges (or at an emoji)."""
        body = expand(pattern, self.macros)
        self.rules.append(
            Rule(
                f"{self.prefix}.{name}",
                kind,
                rf"(?<!\w)(?:{body})(?!\w)",
                category,
                what,
                person=person,
                negatable=negatable,
                hyperbole=hyperbole,
                past=past,
                escalates=escalates,
            )
        )
