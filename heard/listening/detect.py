"""Find the feelings a person names in their own words, in English or Spanish.

    detect_feelings("So worn out and on edge all week") ->
        (HeardFeeling("tired", "So worn out", 0, 11), HeardFeeling("anxious", "on edge", 16, 23))

An explainable lexicon (``lexicon.py``), not a model. The text is folded (lower case, accents
removed, one character for one, so positions stay valid in the original), then one regular
expression per language finds every phrase of the lexicon, longest first. Each hit is kept only
when the clause around it says the *writer* feels it now:

* **Negation.** A negator among the five words before it, inside the same clause, drops it: "not
  sad anymore", "I don't feel lonely", "no estoy triste", "nunca me he sentido culpable". Clauses
  end at punctuation and at words like "but", "just", "and", "pero", "solo", "y", so "I'm not
  angry, just tired" keeps tired. "Never felt this calm" is not a negation.
* **Negated feelings are not turned into their opposites**: "not happy" gives nothing rather than
  sad. Guessing what someone feels instead would put words in their mouth, and the reflection
  quotes their words. (Phrases that carry their own negation are entries of their own: "can't
  stop worrying", "no one to talk to", "ya no tengo esperanza".)
* **Other people's feelings do not count**: "my sister is sad", "he was angry at me", "mi jefe
  estaba enojado" give nothing; "she makes me so happy" and "mi jefe me hizo enojar" count, the
  writer feels them. So do past feelings of the writer ("I was anxious this morning"), except
  habits that are over ("I used to be scared of dogs", "antes me sentía sola, pero ya no").
* **Hypotheticals** ("what if I get nervous", "asked if I feel anxious") and **feeling words
  describing a thing** ("a lonely robot", "una película triste", "happy hour", "hurt my back")
  give nothing.
* **Intensifiers** are not needed to match, but they are part of the quoted words: "so worn out".
* **Typos**: words in ``lexicon.TYPO_WORDS_*`` also match with one letter missing, extra or
  swapped ("exausted", "lonley"), and with one wrong letter when nine letters or longer.

Results are ordered by where they first appear, at most one per feeling and at most
``MAX_FEELINGS``. The function never raises on a str and takes well under a millisecond for a
1,000-character entry (see bench/feelings_eval.py). It imports nothing from Django at run time
beyond the feelings list.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from heard.listening import lexicon

MAX_FEELINGS = 3
LANGUAGES = ("en", "es")

# How far back a clause is read for negation and context (characters, then words).
_WINDOW = 60
_NEGATION_WORDS = 5
_THIRD_PARTY_WORDS = 6


@dataclass(frozen=True, slots=True)
class HeardFeeling:
    """A feeling found in the text: its key and the person's own words for it.

    ``text[start:end] == words``. A feeling that was chosen (in a check-in) rather than
    found in text has ``words == ""`` and ``start == end == -1``.
    """

    key: str
    words: str
    start: int
    end: int


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xC0, 0x250):
        decomposed = unicodedata.normalize("NFD", chr(cp))
        base = decomposed[0].lower()
        if len(decomposed) > 1 and base.isascii() and base.isalpha():
            table[cp] = base
    for quote in "\u2018\u2019\u201b\u02bc\u00b4`":
        table[ord(quote)] = "'"
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower case without accents, one character for each character of ``text``."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two (İ); keep those as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_FOLD)


_ES_MARKERS = frozenset(
    [
        "estoy",
        "me",
        "que",
        "de",
        "la",
        "el",
        "y",
        "muy",
        "por",
        "con",
        "mi",
        "es",
        "se",
        "lo",
        "siento",
        "pero",
        "para",
        "una",
        "un",
        "hoy",
        "los",
        "las",
        "tengo",
        "del",
        "mucho",
        "porque",
        "ya",
        "todo",
        "nada",
        "esta",
        "mas",
        "ando",
        "cuando",
        "como",
        "sin",
        "soy",
        "fue",
        "siempre",
        "estaba",
    ]
)
_EN_MARKERS = frozenset(
    [
        "i",
        "the",
        "and",
        "to",
        "my",
        "is",
        "it",
        "of",
        "a",
        "i'm",
        "im",
        "so",
        "was",
        "feel",
        "today",
        "with",
        "am",
        "this",
        "that",
        "just",
        "really",
        "have",
        "been",
        "but",
        "not",
        "at",
        "for",
        "you",
        "about",
        "all",
        "day",
        "feeling",
        "can't",
        "don't",
        "it's",
    ]
)
_TOKEN = re.compile(r"[a-z']+")
_SPANISH_LETTERS = re.compile("[ñÑ¿¡áéíóúÁÉÍÓÚ]")


def guess_language(text: str) -> str:
    """ "es" when the start of ``text`` looks Spanish (common words, ñ, ¿, ¡, accents).

    Otherwise "en"."""
    head = text[:400]
    es = 2 * len(_SPANISH_LETTERS.findall(head))
    en = 0
    for token in _TOKEN.findall(fold(head)):
        if token in _ES_MARKERS:
            es += 1
        elif token in _EN_MARKERS:
            en += 1
    return "es" if es > en else "en"


@dataclass(frozen=True)
class _Language:
    buckets: dict[str, tuple[re.Pattern[str], re.Pattern[str]]]
    heads: re.Pattern[str]
    group_keys: dict[str, str]
    boundary_words: frozenset[str]
    boundary_pairs: frozenset[tuple[str, str]]
    negators: frozenset[str]
    negation_exception: re.Pattern[str]
    hypothetical: re.Pattern[str]
    habitual: re.Pattern[str]
    third_party: re.Pattern[str]
    attributive: re.Pattern[str]
    after_negation: re.Pattern[str]
    adjective_first: bool  # adjectives come before the noun ("a sad clown", "un niño triste")
    lead_in: re.Pattern[str]
    connector: re.Pattern[str]
    typo_index: dict[str, tuple[str, ...]]
    typo_keys: dict[str, str]
    typo_candidates: re.Pattern[str]


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


def _expand(pattern: str, intensifiers: str) -> str:
    return pattern.replace("{A}", r"(?:isim[oa]s?|it[oa]s?|[oa]s?)").replace(
        "{I}", rf"(?:\s+(?:{intensifiers}))*"
    )


class _Unanalysable(ValueError):
    pass


_Node = tuple[str, object, int, int | None]  # kind, chars or alternatives, min, max


def _parse(pattern: str) -> list[list[_Node]]:
    """Parse the small regular-expression subset the lexicon uses, enough to find how each
    entry can start: literals, escapes, [classes], (?:groups|alternatives), lookarounds
    (ignored) and the quantifiers ? * + {m,n}."""
    pos = 0

    def alternatives() -> list[list[_Node]]:
        nonlocal pos
        alts = [sequence()]
        while pos < len(pattern) and pattern[pos] == "|":
            pos += 1
            alts.append(sequence())
        return alts

    def sequence() -> list[_Node]:
        nonlocal pos
        seq: list[_Node] = []
        while pos < len(pattern) and pattern[pos] not in "|)":
            char = pattern[pos]
            kind: str
            value: object
            if char == "(":
                head = pattern[pos : pos + 4]
                if head.startswith(("(?=", "(?!", "(?<=", "(?<!")):
                    pos += 4 if head.startswith("(?<") else 3
                    alternatives()
                    pos += 1
                    continue  # zero width
                if not head.startswith("(?:"):
                    raise _Unanalysable(pattern)
                pos += 3
                kind, value = "group", alternatives()
                pos += 1
            elif char == "[":
                close = pattern.index("]", pos + 1)
                body = pattern[pos + 1 : close]
                if body.startswith("^") or "\\" in body:
                    raise _Unanalysable(pattern)
                chars = set()
                i = 0
                while i < len(body):
                    if i + 2 < len(body) and body[i + 1] == "-":
                        chars |= {chr(c) for c in range(ord(body[i]), ord(body[i + 2]) + 1)}
                        i += 3
                    else:
                        chars.add(body[i])
                        i += 1
                kind, value = "chars", frozenset(chars)
                pos = close + 1
            elif char == "\\":
                escaped = pattern[pos + 1]
                pos += 2
                if escaped == "b":
                    continue  # zero width
                if escaped == "s":
                    kind, value = "chars", frozenset(" \t\n\r\f\v")
                elif escaped == "w":
                    kind, value = "chars", frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
                elif escaped.isalnum():
                    raise _Unanalysable(pattern)
                else:
                    kind, value = "chars", frozenset(escaped)
            elif char in ".^$*+?{":
                raise _Unanalysable(pattern)
            else:
                kind, value = "chars", frozenset(char)
                pos += 1
            low: int = 1
            high: int | None = 1
            if pos < len(pattern) and pattern[pos] in "?*+{":
                quant = pattern[pos]
                if quant == "{":
                    close = pattern.index("}", pos)
                    lo_text, _, hi_text = pattern[pos + 1 : close].partition(",")
                    low = int(lo_text)
                    high = int(hi_text) if hi_text else (None if "," in pattern[pos:close] else low)
                    pos = close + 1
                else:
                    low, high = {"?": (0, 1), "*": (0, None), "+": (1, None)}[quant]
                    pos += 1
                if pos < len(pattern) and pattern[pos] == "?":
                    pos += 1  # lazy: same strings
            seq.append((kind, value, low, high))
        return seq

    result = alternatives()
    if pos != len(pattern):
        raise _Unanalysable(pattern)
    return result


def _starts(seq: list[_Node], n: int) -> set[str]:
    """Every string of length n a match of ``seq`` can start with (shorter if it can end)."""
    if n == 0 or not seq:
        return {""}
    (kind, value, low, high), rest = seq[0], seq[1:]
    once: _Node = (kind, value, 1, 1)
    out: set[str] = set()
    top = max(low, n) if high is None else min(high, max(low, n))
    for times in range(low, top + 1):
        if times == 0:
            out |= _starts(rest, n)
            continue
        if kind == "chars":
            firsts: set[str] = set(value)  # type: ignore[call-overload]
        else:
            firsts = set().union(*(_starts(alt, n) for alt in value))  # type: ignore[attr-defined]
        for first in firsts:
            if len(first) >= n:
                out.add(first[:n])
            else:
                tail = [once] * (times - 1) + rest
                out |= {first + more for more in _starts(tail, n - len(first))}
    return out


_HEAD_LENGTH = 4


def _min_length(pattern: str) -> int:
    def seq_min(seq: list[_Node]) -> int:
        total = 0
        for kind, value, low, _high in seq:
            one = 1 if kind == "chars" else min(seq_min(alt) for alt in value)  # type: ignore[attr-defined]
            total += one * low
        return total

    return min(seq_min(alt) for alt in _parse(pattern))


def _trie(words: set[str], *, whole_below: int) -> str:
    """A regular expression matching any of ``words``, shaped as a trie so that the engine
    rejects most positions after one character. Words shorter than ``whole_below`` must end
    there (no letter after them)."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, dict], depth: int) -> str:  # type: ignore[type-arg]
        parts = [
            re.escape(char) + render(child, depth + 1)
            for char, child in sorted(node.items())
            if char
        ]
        if "" in node:
            parts.append("(?![a-z0-9'])" if depth < whole_below else "")
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return render(root, 0)


def _head(prefix: str) -> str:
    """A word's first ``_HEAD_LENGTH`` characters: "overwhelmed" -> "over", "so sad" -> "so"."""
    for i, char in enumerate(prefix):
        if not (char.isalnum() or char == "'"):
            return prefix[:i]
    return prefix


def _heads(pattern: str) -> set[str]:
    return {_head(p) for alt in _parse(pattern) for p in _starts(alt, _HEAD_LENGTH)}


def _compile_lexicon(
    entries: dict[str, tuple[str, ...]], block: tuple[str, ...], intensifiers: str
) -> tuple[dict[str, tuple[re.Pattern[str], re.Pattern[str]]], dict[str, str]]:
    """One small alternation per word head (its first four letters: "over", "so", "tire"):
    trying the few entries that can start a word is far faster than one alternation of all
    of them at every position."""
    pairs = [(p, key) for key, patterns in entries.items() for p in patterns]
    pairs += [(p, lexicon.BLOCK) for p in block]
    # Longest first, so that at one position a phrase wins over a word inside it ("tired of"
    # before "tired(?:ness)?"): by the shortest text an entry can match, then by its length.
    pairs.sort(key=lambda pair: (_min_length(_expand(pair[0], "")), len(pair[0])), reverse=True)
    by_start: dict[str, list[str]] = {}
    group_keys: dict[str, str] = {}
    for i, (raw, key) in enumerate(pairs):
        expanded = _expand(raw, intensifiers)
        if re.compile(expanded).groups:  # the group name is how a match finds its feeling
            raise ValueError(f"lexicon entry {raw!r} has a capturing group")
        group_keys[f"g{i}"] = key
        for start in _heads(expanded):
            if not start:
                raise ValueError(f"lexicon entry {raw!r} does not start with a word")
            by_start.setdefault(start, []).append(f"(?P<g{i}>{expanded})")
    buckets = {
        start: (
            # Without groups first: a branch that starts with a letter fails at once.
            re.compile("(?:" + "|".join(_ungrouped(b) for b in branches) + r")(?![a-z0-9])"),
            re.compile("(?:" + "|".join(branches) + r")(?![a-z0-9])"),
        )
        for start, branches in by_start.items()
    }
    return buckets, group_keys


def _head_finder(buckets: dict[str, object]) -> re.Pattern[str]:
    return re.compile(r"\b" + _trie(set(buckets), whole_below=_HEAD_LENGTH))


def _ungrouped(branch: str) -> str:
    return "(?:" + branch[branch.index(">") + 1 :]


def _deletions(word: str) -> Iterator[str]:
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def _typo_tables(
    words: dict[str, tuple[str, ...]],
) -> tuple[dict[str, tuple[str, ...]], dict[str, str], re.Pattern[str]]:
    keys: dict[str, str] = {}
    for key, forms in words.items():
        for form in forms:
            if len(form) >= 6:
                keys[form] = key
    index: dict[str, set[str]] = {}
    for form in keys:
        index.setdefault(form, set()).add(form)
        for variant in _deletions(form):
            index.setdefault(variant, set()).add(form)
    frozen = {variant: tuple(sorted(forms)) for variant, forms in index.items()}
    prefixes = {form[:2] for form in keys}
    candidates = re.compile(r"\b" + _trie(prefixes, whole_below=0) + r"[a-z]{3,}\b")
    return frozen, keys, candidates


def _one_slip(typed: str, word: str) -> bool:
    """True when ``typed`` is ``word`` with one letter missing, extra or swapped, or (in words
    of nine letters or more) one letter wrong."""
    if typed == word:
        return False
    lt, lw = len(typed), len(word)
    if abs(lt - lw) == 1:
        short, long_ = (typed, word) if lt < lw else (word, typed)
        return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
    if lt != lw:
        return False
    diffs = [i for i in range(lt) if typed[i] != word[i]]
    if len(diffs) == 1:
        return lw >= 9
    if len(diffs) == 2:
        i, j = diffs
        return j == i + 1 and typed[i] == word[j] and typed[j] == word[i]
    return False


def _build_en() -> _Language:
    intens = _alternation(lexicon.INTENSIFIERS_EN)
    buckets, group_keys = _compile_lexicon(lexicon.EN, lexicon.BLOCK_EN, intens)
    subject = (
        r"(?:\b(?:he|she|they|everyone|everybody|people|mom|mum|dad|mother|father|sister|brother"
        r"|wife|husband|partner|boss|friend|son|daughter|kids)"
        r"|\b(?:my|his|her|their|our|the|your)\s+[a-z]+(?:\s+[a-z]+)?|\b[a-z]+'s\s+[a-z]+)"
    )
    verb = (
        r"(?:is|was|were|are|seems?|seemed|looks?|looked|gets?|got|feels?|felt|sounds?|sounded"
        r"|has been|had been|have been|'s|'re|became|becomes|appears?|appeared|always|never"
        r"|been|getting|acting)"
    )
    typo_index, typo_keys, typo_candidates = _typo_tables(lexicon.TYPO_WORDS_EN)
    return _Language(
        buckets=buckets,
        heads=_head_finder(buckets),  # type: ignore[arg-type]
        group_keys=group_keys,
        boundary_words=frozenset(
            [
                "but",
                "just",
                "only",
                "rather",
                "though",
                "although",
                "yet",
                "and",
                "because",
                "cause",
                "since",
                "anyway",
                "honestly",
                "actually",
                "now",
                "instead",
                "except",
            ]
        ),
        boundary_pairs=frozenset(
            {("know", "why"), ("idea", "why"), ("sure", "why"), ("more", "like")}
        ),
        negators=frozenset(
            [
                "not",
                "no",
                "never",
                "nor",
                "neither",
                "without",
                "hardly",
                "barely",
                "isnt",
                "wasnt",
                "dont",
                "didnt",
                "doesnt",
                "arent",
                "werent",
                "wont",
                "wouldnt",
                "havent",
                "hasnt",
                "aint",
                "cant",
                "couldnt",
            ]
        ),
        negation_exception=re.compile(r"\bnever\b.*\b(?:this|so|as)\s*$"),
        hypothetical=re.compile(r"(?<!as )\bif\b|\bwhether\b|\bin case\b"),
        habitual=re.compile(r"\bused to\b"),
        third_party=re.compile(
            subject + r"\s*" + verb + r"(?:\s+(?:been|feeling|so|really|very|super|pretty|quite"
            r"|kind of|kinda|a bit|a little|getting|being|acting|still|also|too|always|more"
            r"|less|all))*\s*$"
        ),
        attributive=re.compile(r"\b(?:a|an|the)\s+(?:(?:very|really|so|quite|pretty)\s+)?$"),
        after_negation=re.compile(r"[\s,.]*(?:(?:but|and)\s+)?(?:not anymore|no more|no longer)\b"),
        adjective_first=True,
        lead_in=re.compile(rf"(?:\b(?:feel|feels|feeling|felt)\s+)?(?:\b(?:{intens})\s+)*$"),
        connector=re.compile(r"(?:and|but|or)\s+"),
        typo_index=typo_index,
        typo_keys=typo_keys,
        typo_candidates=typo_candidates,
    )


def _build_es() -> _Language:
    intens = _alternation(lexicon.INTENSIFIERS_ES)
    buckets, group_keys = _compile_lexicon(lexicon.ES, lexicon.BLOCK_ES, intens)
    subject = (
        r"(?:\b(?:el|ella|ellos|ellas|usted|ustedes|todos|todas|nadie mas)"
        r"|\b(?:mi|mis|tu|tus|su|sus|nuestr[oa]s?|el|la|los|las)\s+[a-z]+)"
    )
    verb = (
        r"(?:esta|estaba|estan|estaban|estuvo|estuvieron|es|era|son|eran|parece|parecia"
        r"|parecen|anda|andaba|andan|sigue|seguia|se (?:siente|sentia|sintio|puso|pone|ve|veia"
        r"|quedo|queda|sienten|pusieron)|ha estado|ha sido|han estado)"
    )
    typo_index, typo_keys, typo_candidates = _typo_tables(lexicon.TYPO_WORDS_ES)
    return _Language(
        buckets=buckets,
        heads=_head_finder(buckets),  # type: ignore[arg-type]
        group_keys=group_keys,
        boundary_words=frozenset(
            [
                "pero",
                "sino",
                "solo",
                "solamente",
                "aunque",
                "y",
                "e",
                "porque",
                "pues",
                "ahora",
                "excepto",
            ]
        ),
        boundary_pairs=frozenset({("no", "se"), ("mas", "bien"), ("ni", "idea"), ("en", "cambio")}),
        negators=frozenset(["no", "nunca", "jamas", "ni", "tampoco", "sin", "nada"]),
        negation_exception=re.compile(r"\bnunca\b.*\b(?:tan|asi)\s*$"),
        hypothetical=re.compile(r"\bpor si\b|\bque tal si\b|\bcomo si\b|\bsi acaso\b"),
        habitual=re.compile(r"\bantes\b(?!\s+(?:de|que)\b)"),
        third_party=re.compile(
            subject + r"\s+" + verb + r"(?:\s+(?:muy|tan|bien|re|super|bastante|un poco|algo"
            r"|medio|mas|todavia|tambien|sintiendo))*\s*$"
        ),
        attributive=re.compile(
            r"\b(?:un|una|unos|unas|el|la|los|las)\s+(?!(?:poco|poquito|dia|semana|momento|rato"
            r"|ano|mes|tarde|noche|manana)\b)[a-z]+\s+(?:(?:muy|tan|bien|re|super)\s+)?$"
        ),
        after_negation=re.compile(r"[\s,.]*(?:pero\s+)?ya no\s*(?:[.!?,]|$)"),
        adjective_first=False,
        lead_in=re.compile(rf"(?:\bme (?:siento|senti|sentia|sentido)\s+)?(?:\b(?:{intens})\s+)*$"),
        connector=re.compile(r"(?:y|e|pero|o)\s+"),
        typo_index=typo_index,
        typo_keys=typo_keys,
        typo_candidates=typo_candidates,
    )


_LANGUAGES: dict[str, _Language] = {"en": _build_en(), "es": _build_es()}

_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_ATTRIBUTIVE_OK = frozenset(
    [
        "day",
        "days",
        "week",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
        "time",
        "times",
        "moment",
        "mood",
        "feeling",
        "and",
        "but",
        "or",
        "of",
        "for",
        "to",
        "after",
        "that",
        "this",
        "when",
        "with",
        "at",
        "in",
        "on",
        "today",
        "tonight",
        "now",
        "because",
        "since",
        "as",
        "so",
        "again",
        "too",
        "all",
        "about",
    ]
)
_CLAUSE_TOKEN = re.compile(r"[a-z0-9']+|[^a-z0-9'\s]")
_PUNCTUATION = frozenset('.!?;:,()[]"“”«»¡¿\n')


def _clause(lng: _Language, before: str) -> list[str]:
    """The words of the clause that ends where a hit starts (at most ``_WINDOW`` characters)."""
    tokens = _CLAUSE_TOKEN.findall(before)
    words: list[str] = []
    for token in reversed(tokens):
        if token in _PUNCTUATION or token in lng.boundary_words:
            break
        if words and (token, words[-1]) in lng.boundary_pairs:
            words.pop()
            break
        words.append(token)
    words.reverse()
    return words


def _expresses(lng: _Language, norm: str, start: int, end: int) -> bool:
    """Whether the hit at norm[start:end] says the writer feels it (see the module docstring)."""
    words = _clause(lng, norm[max(0, start - _WINDOW) : start])
    near = words[-_NEGATION_WORDS:]
    negated = any(w in lng.negators or w.endswith("n't") for w in near)
    if negated and not lng.negation_exception.search(" ".join(near)):
        return False
    if lng.after_negation.match(norm, end):
        return False
    clause = " ".join(words)
    if lng.hypothetical.search(clause) or lng.habitual.search(clause):
        return False
    if lng.third_party.search(" ".join(words[-_THIRD_PARTY_WORDS:])):
        return False
    if lng.attributive.search(clause + " ") and " " not in norm[start:end]:
        if not lng.adjective_first:
            return False  # "un niño triste"
        following = _NEXT_WORD.match(norm, end)  # "a sad clown", but "a sad day" counts
        if following and following.group(1) not in _ATTRIBUTIVE_OK:
            return False
    return True


def _typo_hits(
    lng: _Language, norm: str, stop: int, covered: list[tuple[int, int]], seen: set[str]
) -> Iterator[tuple[int, int, str]]:
    starts = [span[0] for span in covered]
    for token in lng.typo_candidates.finditer(norm, 0, stop):
        typed = token.group()
        if typed in lng.typo_keys:
            continue
        if typed in lexicon.TYPO_STOP:
            continue
        i = bisect.bisect_right(starts, token.start()) - 1
        if i >= 0 and covered[i][1] > token.start():
            continue  # part of a phrase the lexicon already matched (or blocked)
        for variant in (typed, *_deletions(typed)):
            words = lng.typo_index.get(variant)
            if not words:
                continue
            word = next((w for w in words if _one_slip(typed, w)), None)
            if word is None:
                continue
            key = lng.typo_keys[word]
            if key not in seen and _expresses(lng, norm, token.start(), token.end()):
                seen.add(key)
                yield token.start(), token.end(), key
            break


def _own_span(lng: _Language, norm: str, start: int, end: int) -> tuple[int, int]:
    """Widen a hit to the intensifiers and "feeling" just before it ("so worn out", "feeling
    really low", "me siento sola"), without a leading "and"."""
    lead = lng.lead_in.search(norm, max(0, start - 40), start)
    if lead:
        start = lead.start()
    connector = lng.connector.match(norm, start, end)
    if connector and connector.end() < end:
        start = connector.end()
    return start, end


def _matches(lng: _Language, norm: str) -> Iterator[re.Match[str]]:
    """Lexicon matches left to right, longest first at each word start, never overlapping."""
    done = 0
    buckets = lng.buckets
    for head in lng.heads.finditer(norm):
        at = head.start()
        if at < done:
            continue
        bucket = buckets.get(head.group())
        if bucket is None:
            continue
        quick, grouped = bucket
        if quick.match(norm, at) is None:
            continue
        match = grouped.match(norm, at)
        if match is not None:
            done = match.end()
            yield match


def detect_feelings(text: str, lang: str | None = None) -> tuple[HeardFeeling, ...]:
    """The feelings the writer names in ``text``, in their own words (see the module docstring).

    ``lang`` is "en" or "es"; anything else (or None) guesses from the text.
    """
    if not text or not text.strip():
        return ()
    lng = _LANGUAGES[lang if lang in _LANGUAGES else guess_language(text)]
    norm = fold(text)
    hits: list[tuple[int, int, str]] = []
    covered: list[tuple[int, int]] = []
    seen: set[str] = set()
    stop = len(norm)
    for match in _matches(lng, norm):
        covered.append(match.span())
        key = lng.group_keys[match.lastgroup or ""]
        if key == lexicon.BLOCK or key in seen:
            continue
        if not _expresses(lng, norm, match.start(), match.end()):
            continue
        seen.add(key)
        hits.append((match.start(), match.end(), key))
        if len(seen) >= MAX_FEELINGS:
            stop = match.start()
            break
    hits.extend(_typo_hits(lng, norm, stop, covered, seen))
    hits.sort()
    found = []
    for start, end, key in hits[:MAX_FEELINGS]:
        s, e = _own_span(lng, norm, start, end)
        found.append(HeardFeeling(key=key, words=text[s:e], start=s, end=e))
    return tuple(found)
