"""The recommender: which skills to suggest to one person now, and why. Pure: no Django.

Inputs are plain values: the skills (key, kind, tags, helps_with), the person's state from
their latest check-in of the last few hours, their profile preferences, their practice
history, their favourites and their care team's recommendations. The output is a short,
ranked list; every suggestion carries the reasons behind it as codes (services turn them
into words). Skills that ask for something the person asked us to go gently with are never
suggested (they stay in the library, and nothing here says why they are missing).

Scoring (points add up; ties keep the library's order, so the result is deterministic):

    the care team suggested it               8
    it fits a signal in today's check-in     per signal (high stress, low mood, short sleep,
                                               feeling alone): 4 when it helps with what the
                                               signal asks for, 3 more when it is a kind of
                                               skill that suits it (NEEDS); 4 for named
                                               feelings
    distress went down when they practised   4 + the average drop (at most 4 more)
    they said it helped (no ratings)         4
    their profile says this kind suits them  4
    it matches what they wrote has helped    4
    it matches what helps when overwhelmed   4 (6 when today's check-in shows stress)
    one of their favourites                  3
    it mostly did not help, or distress rose -6 (never said out loud)

Only skills with more than 0 points are suggested; when fewer than MIN_SUGGESTIONS are, a
gentle starter set fills the list (reason "starter").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MAX_SUGGESTIONS = 5
MIN_SUGGESTIONS = 3

# Today's check-in: what counts as a signal.
STRESS_HIGH = 7  # stress 7..10 of 10
MOOD_LOW = 3  # mood 0..3 of 10
SLEEP_SHORT = 6  # under 6 hours
CONNECTION_LOW = 1  # 0..1 of 4

# A skill "helped before" when distress went down by at least this much on average.
DROP_HELPED = 1.0

# What each signal asks for: HELPS_WITH keys, and kinds of skill that fit.
NEEDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "stress_high": (
        frozenset({"stress", "overwhelm"}),
        frozenset({"grounding", "breathing", "relaxation"}),
    ),
    "mood_low": (
        frozenset({"low_mood", "low_energy"}),
        frozenset({"activation", "movement", "connection", "self_compassion"}),
    ),
    "sleep_short": (frozenset({"sleep"}), frozenset({"sleep"})),
    "connection_low": (frozenset({"loneliness"}), frozenset({"connection"})),
}

# Feelings (heard.listening.feelings keys) a check-in can name, and what each asks for.
FEELING_NEEDS: dict[str, frozenset[str]] = {
    "anxious": frozenset({"anxiety", "panic"}),
    "scared": frozenset({"anxiety", "panic"}),
    "restless": frozenset({"anxiety", "stress"}),
    "stressed": frozenset({"stress", "overwhelm"}),
    "overwhelmed": frozenset({"overwhelm", "stress"}),
    "angry": frozenset({"anger"}),
    "frustrated": frozenset({"anger", "stuck"}),
    "sad": frozenset({"low_mood"}),
    "hopeless": frozenset({"low_mood", "stuck"}),
    "numb": frozenset({"low_mood", "low_energy"}),
    "tired": frozenset({"low_energy", "sleep"}),
    "lonely": frozenset({"loneliness"}),
    "ashamed": frozenset({"self_criticism"}),
    "guilty": frozenset({"self_criticism"}),
    "hurt": frozenset({"self_criticism", "low_mood"}),
}

# Words in what someone wrote (English and Spanish, lower case without accents) that point
# to a kind of skill. A word matches the start of a word in their text.
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "breathing": ("breath", "respir"),
    "grounding": ("ground", "senses", "sentidos", "anclar"),
    "mindfulness": ("mindful", "meditat", "medita", "atencion plena"),
    "relaxation": (
        "relax",
        "muscle",
        "bath",
        "shower",
        "music",
        "musculo",
        "bano",
        "ducha",
        "musica",
    ),
    "activation": ("plan ", "planning", "activit", "busy", "actividad", "ocupad"),
    "thinking": ("thought", "journal", "writ", "pensamiento", "escrib", "diario"),
    "self_compassion": (
        "kind to myself",
        "compassion",
        "gentle with myself",
        "compasion",
        "amable conmigo",
    ),
    "sleep": ("sleep", "nap ", "naps ", "rest ", "resting", "dormir", "sueno", "descans", "siesta"),
    "movement": (
        "walk",
        "yoga",
        "stretch",
        "exercis",
        "run ",
        "running",
        "danc",
        "gym ",
        "swim",
        "camin",
        "estir",
        "ejercicio",
        "correr",
        "bail",
        "nadar",
    ),
    "values": ("my values", "what matters", "valores", "lo que importa"),
    "problem_solving": ("problem", "to do list", "step by step", "problema", "paso a paso"),
    "connection": (
        "friend",
        "call",
        "talk",
        "family",
        "texting",
        "text ",
        "hug",
        "someone",
        "amig",
        "llam",
        "habl",
        "familia",
        "mensaje",
        "abrazo",
        "alguien",
    ),
}

# A gentle start when there is nothing to go on yet (in this order; missing keys skipped).
STARTERS: tuple[str, ...] = (
    "paced_breathing",
    "grounding_54321",
    "self_compassion_break",
    "gentle_movement",
    "values_check",
)

# Reason codes (services.describe turns them into words), in the order they are shown.
CLINICIAN = "clinician"
STRESS_HIGH_R = "stress_high"
MOOD_LOW_R = "mood_low"
SLEEP_SHORT_R = "sleep_short"
CONNECTION_LOW_R = "connection_low"
FEELINGS_R = "feelings"
HELPED_DROP = "helped_drop"
HELPED_SAID = "helped_said"
KIND_PREFERRED = "kind_preferred"
HELPED_WORDS = "helped_before_words"
OVERWHELMED_WORDS = "overwhelmed_words"
FAVOURITE = "favourite"
STARTER = "starter"


@dataclass(frozen=True)
class SkillFacts:
    """What the recommender needs to know about one skill."""

    key: str
    kind: str
    tags: frozenset[str] = frozenset()
    helps_with: frozenset[str] = frozenset()


@dataclass(frozen=True)
class State:
    """Today's check-in (None: not given, or no recent check-in)."""

    stress: int | None = None
    mood: int | None = None
    sleep_hours: float | None = None
    feelings: tuple[str, ...] = ()
    connection: int | None = None


@dataclass(frozen=True)
class Preferences:
    """From the person's profile (skills.library KINDS and TAGS keys, and their own words)."""

    helpful_kinds: frozenset[str] = frozenset()
    careful_tags: frozenset[str] = frozenset()
    helped_before: str = ""
    when_overwhelmed: str = ""


@dataclass(frozen=True)
class History:
    """How practising one skill went for this person so far."""

    times: int = 0
    # Distress before minus after, for each practice that has both (positive: it went down).
    drops: tuple[int, ...] = ()
    helped_yes: int = 0
    helped_some: int = 0
    helped_no: int = 0

    @property
    def average_drop(self) -> float | None:
        return sum(self.drops) / len(self.drops) if self.drops else None


@dataclass(frozen=True)
class Reason:
    """Why a skill is suggested: a code and, for some codes, a value (a number, a kind key,
    or feeling keys)."""

    code: str
    value: float | str | tuple[str, ...] | None = None


@dataclass(frozen=True)
class Suggestion:
    key: str
    score: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Inputs:
    skills: Sequence[SkillFacts]
    state: State = State()
    preferences: Preferences = Preferences()
    history: dict[str, History] = field(default_factory=dict)
    favourites: frozenset[str] = frozenset()
    recommended: frozenset[str] = frozenset()


def _fold(text: str) -> str:
    """Lower case without accents or punctuation, words separated by single spaces, so
    "Respiración, yoga" reads "respiracion yoga"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())


def kinds_in_text(text: str) -> frozenset[str]:
    """Kinds of skill that what someone wrote points to ("a walk and calling my sister" →
    movement, connection). A listed word matches the start of a word in the text; a word
    listed with a trailing space ("rest ") matches only the whole word."""
    folded = " " + _fold(text) + " "
    found = set()
    for kind, words in KIND_WORDS.items():
        if any(" " + _fold(w) + (" " if w.endswith(" ") else "") in folded for w in words):
            found.add(kind)
    return frozenset(found)


def _signals(state: State) -> list[Reason]:
    """Today's check-in as reasons, strongest first (feelings are matched per skill)."""
    found: list[Reason] = []
    if state.stress is not None and state.stress >= STRESS_HIGH:
        found.append(Reason(STRESS_HIGH_R, state.stress))
    if state.mood is not None and state.mood <= MOOD_LOW:
        found.append(Reason(MOOD_LOW_R, state.mood))
    if state.sleep_hours is not None and state.sleep_hours < SLEEP_SHORT:
        found.append(Reason(SLEEP_SHORT_R, state.sleep_hours))
    if state.connection is not None and state.connection <= CONNECTION_LOW:
        found.append(Reason(CONNECTION_LOW_R, state.connection))
    return found


def _stressed(state: State) -> bool:
    named = {"stressed", "overwhelmed", "anxious", "scared"} & set(state.feelings)
    return bool(named) or (state.stress is not None and state.stress >= STRESS_HIGH)


def _history_points(history: History | None) -> tuple[int, Reason | None]:
    """Points (and the reason to say) from how practising this skill went."""
    if history is None or history.times == 0:
        return 0, None
    drop = history.average_drop
    said_yes = history.helped_yes + history.helped_some
    # Mostly "not this time", or distress went up on average: quietly step back.
    if history.helped_no > said_yes or (drop is not None and drop <= -DROP_HELPED):
        return -6, None
    if drop is not None and drop >= DROP_HELPED:
        return 4 + min(round(drop), 4), Reason(HELPED_DROP, round(drop, 1))
    if said_yes > 0:
        return 4, Reason(HELPED_SAID)
    return 0, None


def _score(skill: SkillFacts, data: Inputs, signals: list[Reason]) -> Suggestion:
    points = 0
    reasons: list[Reason] = []
    if skill.key in data.recommended:
        points += 8
        reasons.append(Reason(CLINICIAN))
    for signal in signals:
        needs, kinds = NEEDS[signal.code]
        # It helps with what the signal asks for (4), and is a kind that suits it (3 more).
        gained = (4 if skill.helps_with & needs else 0) + (3 if skill.kind in kinds else 0)
        if gained:
            points += gained
            reasons.append(signal)
    felt = tuple(
        f for f in data.state.feelings if skill.helps_with & FEELING_NEEDS.get(f, frozenset())
    )
    if felt:
        points += 4
        reasons.append(Reason(FEELINGS_R, felt))
    gained, said = _history_points(data.history.get(skill.key))
    points += gained
    if said is not None:
        reasons.append(said)
    prefs = data.preferences
    if skill.kind in prefs.helpful_kinds:
        points += 4
        reasons.append(Reason(KIND_PREFERRED, skill.kind))
    if skill.kind in kinds_in_text(prefs.helped_before):
        points += 4
        reasons.append(Reason(HELPED_WORDS))
    if skill.kind in kinds_in_text(prefs.when_overwhelmed):
        points += 6 if _stressed(data.state) else 4
        reasons.append(Reason(OVERWHELMED_WORDS))
    if skill.key in data.favourites:
        points += 3
        reasons.append(Reason(FAVOURITE))
    return Suggestion(skill.key, points, tuple(reasons))


def allowed(skill: SkillFacts, careful_tags: Iterable[str]) -> bool:
    """False when the skill asks for something the person asked us to go gently with."""
    return not skill.tags & frozenset(careful_tags)


def suggest(data: Inputs, *, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """The skills to suggest now, best first, each with its reasons (see the module doc)."""
    signals = _signals(data.state)
    order = {s.key: i for i, s in enumerate(data.skills)}
    scored = [
        _score(s, data, signals) for s in data.skills if allowed(s, data.preferences.careful_tags)
    ]
    chosen = sorted((s for s in scored if s.score > 0), key=lambda s: (-s.score, order[s.key]))
    chosen = chosen[:limit]
    if len(chosen) < MIN_SUGGESTIONS:
        taken = {s.key for s in chosen}
        by_key = {s.key: s for s in scored}
        for key in STARTERS:
            if len(chosen) >= min(MIN_SUGGESTIONS, limit):
                break
            # A starter the person found unhelpful (negative points) is not offered again.
            if key in by_key and key not in taken and by_key[key].score >= 0:
                chosen.append(Suggestion(key, 0, (Reason(STARTER),)))
                taken.add(key)
    return chosen
