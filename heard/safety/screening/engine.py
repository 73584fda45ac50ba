"""The crisis screening engine: explainable patterns first, an optional semantic layer second.

`screen(text)` folds the text (`text.fold`), finds every signal rule of both lexicons, then
looks around each match for what cancels it:

* negation in the same clause before it ("I'm not suicidal", "no me quiero morir"), unless
  the pattern holds its own negation ("I don't want to live", "ya no aguanto");
* an idiom or figure of speech over it ("this exam is killing me", "me muero de risa"), or
  laughter next to a form people also joke with ("kms lol");
* media, fiction, games and teaching in the same stretch of text ("the song goes...");
* someone else as the subject ("my friend wants to die", "se quiere matar"): kept as a
  concern about someone else, not as a crisis of the writer;
* history told as history ("two years ago I tried..., now I'm doing well"), unless the same
  stretch says it is recent or happening again.

What is left decides the level: acute (plan, means, time, attempt, goodbye, intent), urgent
(current ideation, self-harm, abuse, harm to others), concern (a weak signal, worry about
someone else, history with present distress) or none.

Pure Python; no Django imports. Every regular expression is linear (no nested unbounded
repeats), so a megabyte of input is screened in a bounded time.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from heard.safety.screening import learned, lexicon_en, lexicon_es
from heard.safety.screening.lexicon import (
    ABUSE,
    ACUTE,
    CONCERN,
    HARM_TO_OTHERS,
    HISTORY,
    IDIOM,
    LAUGHTER,
    MEDIA,
    MODIFIER,
    NEGATION,
    RECENT,
    RECOVERY,
    SELF_HARM,
    SUICIDE,
    URGENT,
    Rule,
    expand,
)
from heard.safety.screening.text import Folded, fold

LEVELS = ("none", "concern", "urgent", "acute")
CATEGORIES = (SUICIDE, SELF_HARM, HARM_TO_OTHERS, ABUSE)
LABELS = ("acute", "ideation", "self_harm", "harm_to_others", "abuse", "none")
SEMANTIC_LABELS = {
    "acute": (ACUTE, SUICIDE),
    "ideation": (URGENT, SUICIDE),
    "self_harm": (URGENT, SELF_HARM),
    "harm_to_others": (URGENT, HARM_TO_OTHERS),
    "abuse": (URGENT, ABUSE),
}
_CATEGORY_LABEL = {
    SUICIDE: "ideation",
    SELF_HARM: "self_harm",
    HARM_TO_OTHERS: "harm_to_others",
    ABUSE: "abuse",
}
_STRENGTH = {CONCERN: 1, URGENT: 2, ACUTE: 3}

# Work stays bounded on huge input: at most this many signal matches are weighed.
MAX_MATCHES = 300
# How far before a match a negation may stand (in folded characters).
NEGATION_REACH = 48
# How far back the subject of a match is looked for.
SUBJECT_REACH = 90
QUOTE_LENGTH = 80
# Laughter anywhere in a message this short colours the whole of it.
SHORT_MESSAGE = 200


@dataclass(frozen=True)
class Evidence:
    """One matched span of the original text and what it did to the result."""

    start: int
    end: int
    text: str
    rule: str
    category: str
    effect: str  # signal | negation | idiom | history | third_party | media | learned | semantic


@dataclass(frozen=True)
class Screening:
    """The outcome of screening one message."""

    level: str
    categories: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    explanation: str
    about: str
    crisis: bool
    label: str
    semantic_used: bool


class SemanticMatchLike(Protocol):
    """What the semantic layer returns for a message close to one of its prototypes."""

    @property
    def label(self) -> str: ...

    @property
    def similarity(self) -> float: ...

    @property
    def prototype(self) -> str: ...


class SemanticLayerLike(Protocol):
    """The part of `semantic.SemanticLayer` the engine uses."""

    def match(self, text: str, lang: str) -> SemanticMatchLike | None: ...


RULES: tuple[Rule, ...] = lexicon_en.RULES + lexicon_es.RULES
_SIGNALS = tuple(rule for rule in RULES if rule.kind in _STRENGTH)


def _of(kind: str) -> tuple[Rule, ...]:
    return tuple(rule for rule in RULES if rule.kind == kind)


SERIOUS = "serious"  # "not joking", "no es broma": laughter then cancels nothing
_COUNTER_KINDS = (MODIFIER, NEGATION, IDIOM, HISTORY, RECENT, RECOVERY, MEDIA, LAUGHTER, SERIOUS)
_COUNTERS = {kind: _of(kind) for kind in _COUNTER_KINDS}
# Counter-signals every message needs: modifiers (means + time make a signal of their own),
# idioms and media (the learned and semantic layers never read past them). The others only
# judge signal matches, so they are looked for only in a message that has some.
_FIRST_KINDS = (MODIFIER, IDIOM, MEDIA)
_JUDGE_KINDS = tuple(kind for kind in _COUNTER_KINDS if kind not in _FIRST_KINDS)
# Each group's rules are looked up in one pass of an index (not one pass per kind).
_FIRST_RULES = tuple(rule for kind in _FIRST_KINDS for rule in _COUNTERS[kind])
_JUDGE_RULES = tuple(rule for kind in _JUDGE_KINDS for rule in _COUNTERS[kind])


def _folded(pattern: str) -> re.Pattern[str]:
    """A pattern written in plain spelling, folded by `expand` as text is ("worried" is
    "woried"): else a word with a double letter never matches."""
    return re.compile(expand(pattern, {}))


_SENTENCE = re.compile(r"[.!?;\n\u2026]+|\s[-\u2013\u2014]\s")
# Clause edges for negation: punctuation, quotes and the conjunctions that start a new claim.
_CLAUSE = re.compile(
    r"[.!?;,:\n\u2026\"\u201c\u201d()]+|\s[-\u2013\u2014]\s|(?<!\w)(?:but|and|so|because|cause|"
    r"cuz|bc|though|although|however|or|then|pero|y|porque|aunque|sino|o|luego|entonces|"
    r"pues|que)(?!\w)"
)
# Stretches for history and media: a sentence, cut again where the writer turns to now.
_STRETCH = _folded(
    r"[.!?;\n\u2026]+|\s[-\u2013\u2014]\s|(?<!\w)(?<!ago )(?:but|now|nowadays|these days|lately|"
    r"today|"
    # not "de hoy": "el pódcast de hoy" is a podcast, not a turn to now
    r"currently|and now|so now|pero|ahora|(?<!de )hoy|actualmente|ultimamente|sin embargo|"
    r"y ahora)(?!\w)"
)
# Stretches for reported speech: "my friend said ... and I ..." is two reports.
_REPORT_STRETCH = re.compile(r"[.!?;,:\n\u2026]+|(?<!\w)(?:and|but|y|pero)(?!\w)")

_PEOPLE = (
    r"(?:friend|best friend|bestie|bff|brother|sister|bro|sis|mom|mum|mother|dad|father|son|"
    r"daughter|kid|child|boyfriend|girlfriend|bf|gf|husband|wife|partner|ex|roommate|flatmate|"
    r"cousin|classmate|coworker|co worker|colleague|student|client|patient|neighbor|neighbour|"
    r"uncle|aunt|niece|nephew|teammate|grandma|grandpa|stepdad|stepmom|teen|sibling|twin|"
    r"grandson|granddaughter|grandchild|grandkid|grandkids|grandchildren|nan|gran|nana|"
    r"nieto|nieta|marido|suegra|suegro|abuela|abuelo|sobrino|sobrina|"
    r"buddy|mate|friends|students|kids|parents|girl|boy|guy|lad|lass|person|man|woman|chica|chico|"
    r"muchacha|muchacho|senora|senor|amigo|amiga|amigos|amigas|hermano|hermana|"
    r"hijo|hija|novio|novia|mama|papa|madre|padre|primo|prima|companero|companera|pareja|"
    r"esposo|esposa|vecino|vecina|alumno|alumna|estudiante|tio|tia|paciente|cliente|mujer|"
    r"hombre|nino|nina|chavo|chava|compa|carnal|cuate|colega|hermanito|hermanita|hijito|hijita|"
    r"primito|primita|sobrinito|abuelito|abuelita|lads|mates|guys|coworkers|colleagues|"
    r"classmates|cousins|sisters|brothers)"
)
_SUBJECT = re.compile(
    expand(
        # (not "me and my cousins are gonna jump her": the writer is one of them)
        r"(?<!\w)(?:(?P<other>(?<!to )(?<!with )(?<!for )(?<!a )(?<!para )(?<!con )(?<!de )"
        r"(?<!me and )(?:my|a(?! (?:mi|mis|tu|tus|su|sus) )|our|his|her|their|this|one of my|"
        r"one of the|one of our|mi|mis|un|una|"
        r"su|sus|"
        rf"nuestro|nuestra) (?:\w+ )?{_PEOPLE}"
        # "my partner's been self-harming": 's for has or is, not a possession
        r"(?:s(?= (?:been|started|always|still|saying|talking|telling|threatening|cutting|"
        r"self harming|hurting|going to|gonna)(?!\w)))?|"
        r"he(?! \w+(?:ado|ido|to|cho)(?!\w))|she|they|hes|shes|"
        r"theyre|theyve|hed|shed|theyd|someone|somebody|ella|ellos|ellas|alguien)|"
        # Spanish drops the pronoun: "mi mujer se llevó a los niños, siento que no vale la pena"
        r"(?P<self>i|im|ive|id|il|ima|myself|yo|siento|estoy|tengo|quiero|pienso|necesito|"
        r"(?<!sent )(?<!told )(?<!gave )(?<!texted )(?<!showed )(?<!asked )(?<!messaged )"
        r"me(?! (?:dijo|dice|conto|cuenta|escribio|escribe|mando|manda|pregunto|pide|pidio)(?!\w))"
        r"))(?!\w)",
        {},
    )
)
_INSIDE_SELF = re.compile(
    expand(
        r"(?<!\w)(?:myself|my self|me|my|i|im|id|ive|il|ima|matarme|suicidarme|morirme|cortarme|"
        r"lastimarme|quiero|tengo|estoy|me siento|mi|voy)(?!\w)",
        {},
    )
)
# Someone else inside the match: a reflexive anywhere ("hurts herself", "matarse"), or a
# third-person verb that opens it ("wants to die", "se quiere matar"; not "3 cuts", "see").
_INSIDE_OTHER = re.compile(
    expand(
        r"(?<!\w)(?:himself|herself|themselves|themself|suicidarse|matarse|morirse|cortarse|"
        r"lastimarse|hacerse|desvivirse|tirarse|aventarse|colgarse|ahorcarse|envenenarse|"
        r"lanzarse|arrojarse)(?!\w)",
        {},
    )
)
# Self-harm things that belong to someone else, said right after them: "found razor blades
# in my daughter's pencil case", "fresh burns all up his arms" (not "on my arm", "hid the
# razors in my cousin's car").
_FOUND = re.compile(r"(?:just )?(?:found|find|finding)(?!\w)")
_BELONGS_TO_OTHER = re.compile(
    expand(
        r"(?:\w+ ){0,2}(?:(?P<found>in|inside|under) (?:(?:my|his|her|their|our) "
        rf"(?:\w+ ){{0,2}}(?:{_PEOPLE}|teenager|\d+[ -]?year[ -]?old)s|(?:his|her|their) "
        r"(?:backpack|bag|schoolbag|room|bedroom|drawer|pencil case|locker|pocket|car|desk))(?!\w)|"
        # "cortes en los brazos de mi hija"
        rf"de (?:mi|su|tu|nuestra|nuestro) (?:\w+ )?{_PEOPLE}(?!\w)|"
        r"(?:on|up|over|across|down) (?:al )?(?:his|her|their) (?:arms?|wrists?|legs?|thighs?|"
        r"skin|body|stomach|hands?)(?!\w))",
        {},
    )
)
_OPENS_OTHER = re.compile(
    expand(
        r"(?:(?:ya )?no |ni |nunca )?"  # "ya no quiere vivir": he no longer wants to
        r"(?:wants|talks|says|keeps|thinks|plans|feels|tells|cuts|hurts|harms|wishes|"
        r"burns(?! (?:from|because|that|he|she|they|my)(?!\w))|"  # not "burns from the stove"
        r"is going|se(?= (?!me |te |nos )\w+(?:a|e|an|en)(?!\w))|quiere|quieren|dice|habla|piensa|"
        r"esta pensando)"
        r"(?!\w)",
        {},
    )
)
# Words someone else said, right after the verb of saying: "A Year 8 in my form said 'I'll
# just kill myself then'", "la villana dice «o te mato o me mato»" (not "I said …").
_NOT_I = (
    r"(?!(?:i|yo|we|im|ive|id|il|me|nosotros|it|voice|voices|head|brain|mind|thoughts|voz|voces|"
    r"cabeza|mente)(?!\w))"
)
_NOT_A_SPEAKER = (
    r"(?!(?:i|yo|we|im|ive|id|il|me|and|y|but|pero|always|never|just|once|also|often|even|then|"
    r"only|really|actually|"
    r"have|has|had|would|will|could|did|do|dont|didnt|cant|wont|should|must|might|may|to|it|"
    r"voice|voices|head|brain|mind|thoughts|antes|siempre|ya|tambien|que|nunca|todavia|aun|"
    r"cuando|si|no|lo|se|eso|esto|voz|voces|cabeza|mente)(?!\w))"
)
_SAID_BY_OTHER = _folded(
    rf"(?<!\w){_NOT_A_SPEAKER}\w+ (?:{_NOT_I}\w+ )?(?:said|says|told|posted|wrote|"
    r"writes|texted|messaged|screamed|shouted|yelled|tweeted|dice|decia|dijo|escribio|publico|"
    r"grito)(?: (?:me|us|him|her|them|his \w+|her \w+|their \w+|the \w+|a \w+|my \w+|mi \w+|"
    r"su \w+|le|les))?(?: (?:that|que|like|o))?"
    # up to four words of what was said before the match, none of them a new clause or a
    # third person (indirect speech: "they said they'll cut my face" is about the writer)
    r"(?: [\"\u201c\u00ab]?(?!(?:and|but|because|so|y|pero|porque|aunque|he|she|they|hel|"
    r"shel|theyl|hed|shed|theyd|el|ella|ellos|ellas)(?!\w))\w+){0,4}[\s\"\u201c\u00ab]*$"
)
_THIRD_PERSON_START = _folded(
    # (folded: "they'll" is "theyl")
    r"(?:he|she|they|hel|shel|theyl|hed|shed|theyd|el|ella|ellos|ellas)(?!\w)"
)
# The writer speaking of a part of themself: "part of me wants to die", "una parte de mi quiere".
_PART_OF_ME = re.compile(r"(?<!\w)(?:part|side|half|bit|piece|parte|lado) (?:of me|de mi) $")
_REPORT = re.compile(
    expand(
        rf"(?<!\w)(?:(?:my|a|our|his|her|their|the|mi|un|una|su|el|la) (?:\w+ )?{_PEOPLE}|he|"
        r"she|they|ella|ellos|ellas|someone|somebody)(?: \w+){0,2} (?:said|says|told me|tells me|"
        # what a patient reported (a nurse's note): "la paciente refirió ideas de muerte"
        r"reported|expressed|disclosed|refirio|refiere|expreso|manifesto|verbalizo|texted|"
        r"texts|wrote|posted|keeps saying|kept saying|messaged|admitted|confided|mentioned|"
        r"talks about|talked about|keeps talking about|dice|dijo|me dijo|me conto|escribio|"
        r"publico|habla de)(?!\w)",
        {},
    )
)
_PAST_VERB = _folded(
    r"(?<!\w)(?:\w+ed|was|were|had|did|took|tried|cut|wrote|thought|felt|went|made|gave|got|"
    r"began|used to|would|ate|swallowed|hit|burnt|bit|fought|slept|lost|left|ran|spent|told|"
    r"knew|saw|kept|drank|wanted|od|didnt|wasnt|werent|couldnt|hadnt|\w+aba|\w+aban|\w+ieron|\w+aron|"
    # Spanish first-person preterite and imperfect: "pensé en suicidarme", "quería morirme"
    r"pense|intente|quise|trate|estuve|cai|deje|queria|pensaba|sentia|tenia|estaba|hice|tome)"
    r"(?!\w)"
)
_ASKED_IF = _folded(
    r"(?<!\w)(?:asked|asks|asking|ask)(?: me)? (?:if|whether)|(?:me )?(?:pregunto|pregunta|"
    r"preguntaba) si(?!\w)"
)
# The answer to a question asked earlier in the same sentence, and the end of that answer.
_ANSWER_LEAD = (
    r"[^.!?\n]{0,40}?(?:,|and|but|y|pero) (?:honestly |truthfully |to be honest |sinceramente )?"
)
_ANSWER_END = r"(?= *[.!,;]| *$)"
_YES_AFTER = _folded(
    rf"{_ANSWER_LEAD}(?:the answer (?:was|is) yes|i said yes|(?:i )?told (?:her|him|them) yes|"
    rf"(?:le )?dije que si|yes|yeah|yep|i (?:do|am|have|did)|si){_ANSWER_END}"
)
_NO_AFTER = _folded(
    rf"{_ANSWER_LEAD}(?:the answer (?:was|is) no|i said no|(?:i )?told (?:her|him|them) no|"
    r"(?:le )?dije que no|no(?:,? (?:not (?:this time|really|at all)|nunca|para nada))?)"
    rf"{_ANSWER_END}"
)
_DENIED_VIOLENCE = _folded(
    r"(?<!\w)(?:doesnt|does not|didnt|did not|never|has never|have never|isnt|is not|wont|"
    r"would never|no|nunca|nadie|jamas)(?: ever)? (?:me )?(?:hit|hits|hitting|hurt|hurts|"
    r"hurting|beat|beats|threaten\w*|pega|pegan|golpea|golpean|maltrata|lastima|amenaza)(?!\w)"
)
# Said in the present right before the signal: no past, whatever the stretch dates.
_PRESENT_JUST_BEFORE = _folded(
    r"(?<!\w)(?:is|are|am|im|keeps|keep|still|currently|hes|shes|theyre|esta|estan|estoy|sigue|"
    r"siguen|sigo) $"
)
_ANNIVERSARY = _folded(
    r"(?:years?|months?|decades?|weeks?) since|(?:anos|meses) desde|se cumplen|aniversario|"
    r"anniversary|(?:years?|months?) clean|clean (?:from|of)|years? ago today"
)
# A sentence that dates the one before it: "I tried to end my life. That was six years ago."
_BACK_REFERENCE = _folded(
    r"\s*(?:(?:that|this|it) (?:was|has been)|thats been|its been|(?:eso|esto|aquello) (?:fue|"
    r"paso)|fue|de eso hace|(?:ya )?(?:pasaron|han pasado))(?!\w)"
)
# What may follow the date in that sentence: "ago", "now", "already", not "of this".
_DATE_TAIL = re.compile(r"(?: (?!of |de )\w+){0,3}\W*")
_QUOTE = re.compile('["\u201c\u201d\u00ab\u00bb]')
# A Spanish past marker dates a message without a past verb ("a los 15, intento de
# suicidio"), unless the writer speaks in the present: "me separé hace un mes y tengo ganas de
# morirme".
_PRESENT_ES = re.compile(
    r"(?<!\w)(?:tengo|quiero|pienso|estoy|siento|necesito|puedo|aguanto|voy a|me voy a|ando|"
    r"sigo)(?!\w)"
)
_TODAY = re.compile(r"today|hoy|now|ahora")
# A question, or what others think or ask, answered no by the next sentence: "Do I want to
# die? No.", "People think I'm suicidal. I'm not.", "Mi mamá cree que me quiero matar. No es
# eso."
_ASKED = _folded(
    r"(?<!\w)(?:think|thinks|thought|ask|asks|asked|asking|worried|worries|wonder\w*|assume\w*|"
    r"cree|creen|creia|creyo|pregunto|pregunta|preguntan|preguntaba|piensa|piensan|penso)(?!\w)"
)
_BARE_DENIAL = _folded(
    r"\s*(?:(?:no|nope|nah)(?:,? (?:nunca|jamas|never|no|way|doctora?|mija|mijo|senora?|mama|"
    r"ma|mom|mum|dad|papa))?(?=\s*[.!,;]|\s*$)|(?:i dont|i do not|im not|i am not|not me|"
    r"me neither|me either|nor me|yo tampoco|ni yo|"
    r"no es eso|que no|no lo estoy|para nada|not at all|not really|(?:le |les )?dije que no|"
    r"(?:i )?said no(?: to (?:all|both|every|each|them|it)\w*(?: \w+)?)?|"
    r"(?:i )?told (?:her|him|them) no)(?=\s*[.!;,]|\s*$))"
)
# ... or yes: "La psiquiatra me preguntó si tenía ideas de muerte. Le dije que sí."
_AFFIRMED = re.compile(
    r"\s*(?:(?:le |les )?dije que si|(?:i )?said yes|(?:i )?told (?:her|him|them) yes|yes|si|"
    r"yeah|yep|i do|i am|im afraid so|sadly yes)(?:,? (?:i do|i am|a veces|sometimes|often))?"
    r"(?=\s*[.!;]|\s*$)"
)
# Whose death: "Woke at 3am thinking about death. Not mine, the hamster's."
_NOT_MINE = re.compile(r"\s*(?:not mine|no la mia|no el mio)(?!\w)")
# Markers that name a person, not a time: they date a Spanish message only with a past verb
# ("mi ex me pegaba"), never a present one ("mi ex me persigue").
_NEEDS_PAST_VERB = frozenset({"es.history.ex"})
_FIRST_PERSON_ANY = re.compile(r"(?<!\w)(?:i|im|ive|id|il|me|my|myself|yo|mi)(?!\w)")
_FIRST_PERSON = re.compile(r"(?<!\w)(?:i|im|ive|id|yo)(?!\w)")
_NEGATED_RECOVERY = re.compile(r"(?:not|no|never|isnt|arent|wasnt|nunca) (?:\w+ )?$")
# A clean streak just lost is no recovery: "I relapsed after 90 days clean", "recai despues
# de tres meses limpia".
_LOST_RECOVERY = re.compile(
    r"(?<!\w)(?:relaps\w*|reca[iey]\w*|(?:broke|lost|ruined) (?:my|the) streak)(?: \w+){0,6} $"
)
_ES_WORDS = re.compile(
    r"(?<!\w)(?:que|el|la|los|las|de|y|en|mi|yo|es|estoy|quiero|pero|porque|muy|mas|ya|con|"
    r"para|una|un|por|lo|se|tengo|todo|nada|esta|como|cuando|siento|vida|ganas|hoy)(?!\w)"
)
_EN_WORDS = _folded(
    r"(?<!\w)(?:the|i|im|and|to|my|is|you|it|of|that|this|want|dont|just|be|have|so|with|for|"
    r"not|but|feel|like|am|was|what|life|today|can|cant)(?!\w)"
)

_WHAT = {
    "negation": "is denied or hypothetical",
    "idiom": "is a figure of speech",
    "media": "is about media, fiction or a topic",
}


@dataclass
class _Hit:
    rule: Rule
    start: int
    end: int
    effect: str = "signal"
    cause: tuple[int, int, str] | None = None  # the counter-signal span and its rule id
    person: str = "self"


class _RuleIndex:
    """Which rules could match a message: those with an anchor in it (`Rule.keys`, anywhere;
    or `Rule.starts`, where no letter or digit comes just before). One scan of the message
    with `finder` (and one with `starter`, at such places only) lists, at each place, the
    longest anchor that starts there; the shorter anchors starting there are its beginnings,
    so `by_anchor` (`by_start`) maps each anchor to the rules of itself and of every anchor it
    begins with. Rules whose anchors are all missing cannot match and are never tried, so the
    matches found are exactly those of trying every rule: the index changes the time taken,
    never the result.

    `shared` are more anchors the scans look for (`keys`, `starts`): those of other rule
    groups, so that one pair of scans (`anchors`) serves every group (`candidates(text,
    found)`); the longest anchor at a place may then be another group's, and it maps to this
    group's rules that it begins with.
    """

    def __init__(
        self,
        rules: Iterable[Rule],
        shared: tuple[Iterable[str], Iterable[str]] = ((), ()),
    ) -> None:
        self.rules = tuple(rules)
        self.always = [
            i for i, rule in enumerate(self.rules) if rule.keys is None and rule.starts is None
        ]
        own: dict[str, set[int]] = {}
        own_starts: dict[str, set[int]] = {}
        for i, rule in enumerate(self.rules):
            for anchor in rule.keys or ():
                own.setdefault(anchor, set()).add(i)
            for anchor in rule.starts or ():
                own_starts.setdefault(anchor, set()).add(i)
        anywhere = frozenset(own).union(shared[0])
        starting = frozenset(own_starts).union(shared[1])
        self.by_anchor = _beginnings(own, anywhere)
        self.by_start = _beginnings(own_starts, starting)
        self.finder = _finder(anywhere)
        self.starter = _finder(starting, leading=True)

    def anchors(self, text: str) -> tuple[set[str], set[str]]:
        """The longest anchor starting at each place of `text`, and the longest of the
        `starts` at each place no letter or digit comes just before (see the docstring)."""
        return set(self.finder.findall(text)), set(self.starter.findall(text))

    def candidates(self, text: str, found: tuple[set[str], set[str]] | None = None) -> list[Rule]:
        """The rules that could match `text`; `found`: its `anchors`, if already known (from
        this index or one sharing its anchors)."""
        anywhere, starting = self.anchors(text) if found is None else found
        chosen = set(self.always)
        nothing: frozenset[int] = frozenset()
        for anchor in anywhere:
            chosen.update(self.by_anchor.get(anchor, nothing))
        for anchor in starting:
            chosen.update(self.by_start.get(anchor, nothing))
        return [self.rules[i] for i in sorted(chosen)]


def _beginnings(own: dict[str, set[int]], every: frozenset[str]) -> dict[str, frozenset[int]]:
    """For each anchor, the rules of itself and of every anchor it begins with."""
    return {
        anchor: frozenset(i for n in range(len(anchor)) for i in own.get(anchor[: n + 1], ()))
        for anchor in every
    }


@functools.lru_cache(maxsize=8)
def _finder(anchors: frozenset[str], *, leading: bool = False) -> re.Pattern[str]:
    """A lookahead finds an anchor at every place (`leading`: every place no letter or digit
    comes just before), overlapping ones too; written as a trie ("ki(?:l(?:ing)?|ss)") it
    costs a few steps per place, not one per anchor. Compiled once for indexes that look for
    the same anchors (`_shared_anchors`)."""
    if not anchors:
        return re.compile(r"(?!x)x")  # finds nothing
    before = r"(?<!\w)" if leading else ""
    return re.compile(f"{before}(?=({_trie(anchors)}))")


def _trie(strings: Iterable[str]) -> str:
    """A regular expression matching the longest of `strings` that starts where it is tried
    (each branch point tries the longer ways on before stopping)."""
    root: dict[str, Any] = {}
    for string in strings:
        node = root
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}  # a string ends here
    return _trie_node(root)


def _trie_node(node: dict[str, Any]) -> str:
    ways = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if not ways:
        return ""
    body = ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"
    return f"(?:{body})?" if "" in node else body


_INDEXES: dict[int, _RuleIndex] = {}


def _index(rules: tuple[Rule, ...]) -> _RuleIndex:
    index = _INDEXES.get(id(rules))
    if index is None or index.rules is not rules:
        index = _INDEXES[id(rules)] = _RuleIndex(rules, _shared_anchors())
    return index


@functools.lru_cache(maxsize=1)
def _shared_anchors() -> tuple[frozenset[str], frozenset[str]]:
    """The anchors (`keys`, then `starts`) of every rule the engine runs: each group's index
    looks for all of them, so one pair of scans of a message serves them all (`_weigh`)."""
    rules = (*_SIGNALS, *_FIRST_RULES, *_JUDGE_RULES)
    return (
        frozenset(anchor for rule in rules for anchor in rule.keys or ()),
        frozenset(anchor for rule in rules for anchor in rule.starts or ()),
    )


class _Spans:
    """All matches of some rules, sorted, with quick lookups by position."""

    def __init__(self, found: list[tuple[int, int, str]]) -> None:
        found.sort()
        self.items = found
        self.starts = [start for start, _, _ in found]

    def within(self, low: int, high: int) -> list[tuple[int, int, str]]:
        """Matches that start at or after `low` and end at or before `high`."""
        index = bisect.bisect_left(self.starts, low)
        out = []
        while index < len(self.items) and self.items[index][0] < high:
            if self.items[index][1] <= high:
                out.append(self.items[index])
            index += 1
        return out

    def overlapping(self, low: int, high: int) -> tuple[int, int, str] | None:
        """The first match that overlaps [low, high), if any (matches are short)."""
        index = bisect.bisect_left(self.starts, low - 200)
        while index < len(self.items) and self.items[index][0] < high:
            start, end, rule = self.items[index]
            if end > low:
                return (start, end, rule)
            index += 1
        return None


class _Edges:
    """Boundaries (sentence, clause...) of the folded text, for finding a match's stretch."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.length = len(text)
        spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The stretch between the boundary before `start` and the one after `end`."""
        before = bisect.bisect_right(self.ends, start) - 1
        low = self.ends[before] if before >= 0 else 0
        after = bisect.bisect_left(self.starts, end)
        high = self.starts[after] if after < len(self.starts) else self.length
        return (low, high)


def detect_language(folded: str) -> str:
    """ "es" when Spanish function words outnumber English ones, else "en"."""
    spanish = len(_ES_WORDS.findall(folded[:4000]))
    english = len(_EN_WORDS.findall(folded[:4000]))
    return "es" if spanish > english else "en"


def prepare() -> None:
    """Do once what every message needs: read the learned model and build the rule indexes
    (a few seconds in all). Call it before a deadline starts; `screen` does it when needed."""
    learned.get_model()
    for rules in (_SIGNALS, _FIRST_RULES, _JUDGE_RULES):
        _index(rules)


def screen(
    text: str,
    lang: str | None = None,
    *,
    semantic: SemanticLayerLike | bool | None = None,
    learned_layer: bool = True,
) -> Screening:
    """Screen one message for risk to the writer or to others. Never raises on a str.

    After the patterns, the learned lexicon (learned.py) reads a message the patterns found
    no strong signal and no counter-signal in; `learned_layer=False` turns it off (for
    comparisons in bench/crisis_eval.py).

    `lang` ("en", "es" or None to detect) only guides the semantic layer: both lexicons always
    run, so a message that mixes languages is still read. `semantic` is None/False (patterns
    only), True (the installed layer, when the ml extra is present) or a layer object.
    """
    folded = fold(text)
    hits, counters = _weigh(folded)
    layer = _layer(semantic)
    semantic_used = False
    active = [hit for hit in hits if hit.effect == "signal" and hit.person == "self"]
    may_help = _semantic_may_help(hits, active, counters)
    model = learned.get_model() if learned_layer and may_help else None
    found = model.match(text) if model is not None and _enough_words(folded) else None
    if found is not None:
        return _learned_result(text, found, hits, folded)
    if layer is not None and may_help:
        semantic_used = True
        match = layer.match(text, lang or detect_language(folded.text))
        if match is not None and match.label in SEMANTIC_LABELS:
            return _semantic_result(text, match, hits, folded)
    result = _result(text, folded, hits, counters, semantic_used=semantic_used)
    if result.crisis or may_help or not learned_layer or not _guard_may_help(hits, counters):
        return result
    # A pattern read a crisis word as a figure of speech or media. The learned lexicon may
    # still read the whole message as a crisis, at a higher bar.
    model = learned.get_model()
    if model is None or model.guarded_threshold is None or not _enough_words(folded):
        return result
    found = model.match(text, threshold=model.guarded_threshold)
    if found is None:
        return result
    return _learned_result(text, found, hits, folded, overruled=True)


# Counter-signals the learned lexicon never reads past: an accident ("cut myself shaving")
# is not a figure of speech that may hide a crisis.
_NEVER_OVERRULED = ("idiom.accident",)  # rule ids without their language prefix


def _guard_may_help(hits: list[_Hit], counters: dict[str, _Spans]) -> bool:
    """Whether the learned lexicon may overrule the patterns' reading of an idiom or media.
    Never past a negation or a past told as past (left-out runs: there it raised as many
    false alarms as it found crises), nor past someone else's words (worry about a friend is
    not the writer's crisis) or an accident (decision 0018, update of 2026-11-24)."""
    if any(hit.effect in (NEGATION, HISTORY) or hit.person != "self" for hit in hits):
        return False
    causes = [hit.cause[2] for hit in hits if hit.cause is not None]
    causes += [rule for _, _, rule in counters[IDIOM].items]
    return not any(cause.partition(".")[2] in _NEVER_OVERRULED for cause in causes)


# The learned lexicon reads only messages of at least this many words. On one or two words
# its letter groups carry the whole decision: everyday check-in notes such as "after work",
# "better", "nothing" or "home" read as crises, and no development or held-out crisis was
# found by it in fewer than three words (the patterns catch short crises: "kms", "want to die").
LEARNED_MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")


def _enough_words(folded: Folded) -> bool:
    return sum(1 for _ in itertools.islice(_WORD.finditer(folded.text), LEARNED_MIN_WORDS)) >= (
        LEARNED_MIN_WORDS
    )


def _layer(semantic: SemanticLayerLike | bool | None) -> SemanticLayerLike | None:
    if semantic is None or semantic is False:
        return None
    if semantic is True:
        from heard.safety.screening import semantic as semantic_module

        layer: SemanticLayerLike | None = semantic_module.get_layer()
        return layer
    return semantic


def _weigh(folded: Folded) -> tuple[list[_Hit], dict[str, _Spans]]:
    """Every signal match, each marked with what (if anything) cancels it; and the
    counter-signal matches by kind (the result and the learned layer look at them again):
    every kind when there are signal matches, else only `_FIRST_KINDS` (nothing else reads
    the others then)."""
    text = folded.text
    found = _index(_SIGNALS).anchors(text)  # one scan for the anchors of every group
    hits = sorted(
        (
            _Hit(rule, m.start(), m.end())
            for rule in _index(_SIGNALS).candidates(text, found)
            for m in rule.compiled.finditer(text)
            if m.end() > m.start()
        ),
        key=lambda hit: (hit.start, -_STRENGTH[hit.rule.kind]),
    )[:MAX_MATCHES]
    counters = _counter_spans(_FIRST_KINDS, _FIRST_RULES, text, found)
    compound = _means_and_time(counters[MODIFIER])
    if compound is not None:
        hits.append(_Hit(MEANS_AND_TIME, compound[0], compound[1]))
    if not hits:
        return hits, counters
    counters.update(_counter_spans(_JUDGE_KINDS, _JUDGE_RULES, text, found))
    context = _Context(text, counters, hits)
    for hit in hits:
        context.judge(hit)
    return hits, counters


def _counter_spans(
    kinds: tuple[str, ...],
    rules: tuple[Rule, ...],
    text: str,
    anchors: tuple[set[str], set[str]] | None = None,
) -> dict[str, _Spans]:
    """Every match in `text` of `rules` (the counter-signals of `kinds`), by kind; `anchors`:
    those of `text`, if already found (`_RuleIndex.anchors`)."""
    found: dict[str, list[tuple[int, int, str]]] = {kind: [] for kind in kinds}
    for rule in _index(rules).candidates(text, anchors):
        found[rule.kind].extend((m.start(), m.end(), rule.id) for m in rule.compiled.finditer(text))
    return {kind: _Spans(items) for kind, items in found.items()}


MEANS_AND_TIME = Rule(
    "engine.acute.means_and_time",
    ACUTE,
    r"(?!x)x",  # never matches by itself: made from two modifiers, see `_means_and_time`
    SUICIDE,
    "has the means at hand and a time or preparations",
)


def _means_and_time(modifiers: _Spans) -> tuple[int, int] | None:
    """A means ("I've saved my pills") with a time or a preparation ("tonight") is acute."""
    means = [item for item in modifiers.items if item[2].endswith(".means")]
    other = [item for item in modifiers.items if not item[2].endswith(".means")]
    if means and other:
        return (means[0][0], means[0][1])
    return None


class _Context:
    def __init__(self, text: str, counters: dict[str, _Spans], hits: Sequence[_Hit]) -> None:
        self.text = text
        self.counters = counters
        self.sentences = _Edges(_SENTENCE, text)
        self.clauses = _Edges(_CLAUSE, text)
        self.stretches = _Edges(_STRETCH, text)
        self.reports = _Edges(_REPORT_STRETCH, text)
        self.own_negations = [(h.start, h.end) for h in hits if not h.rule.negatable]
        self.recovered = _recovered(text, counters[RECOVERY])

    def judge(self, hit: _Hit) -> None:
        for check in (self._idiom, self._negation, self._media, self._history):
            found = check(hit)
            if found is not None:
                hit.effect, hit.cause = found
                break
        hit.person = self._person(hit)

    def _idiom(self, hit: _Hit) -> tuple[str, tuple[int, int, str]] | None:
        span = self.counters[IDIOM].overlapping(hit.start, hit.end)
        if span is not None and not span[2].endswith("not_negation"):
            return ("idiom", span)
        low, high = self.sentences.around(hit.start, hit.end)
        if hit.rule.category == SELF_HARM:
            for accident in self.counters[IDIOM].within(low, high):
                if accident[2].endswith("accident"):
                    return ("idiom", accident)
        if hit.rule.hyperbole and not self.counters[SERIOUS].items:
            if len(self.text) <= SHORT_MESSAGE:  # a short message jokes as a whole
                low, high = 0, len(self.text)
            laughs = self.counters[LAUGHTER].within(low, min(high + 40, len(self.text)))
            if laughs:
                return ("idiom", laughs[0])
        return None

    def _negation(self, hit: _Hit) -> tuple[str, tuple[int, int, str]] | None:
        if not hit.rule.negatable or self._affirmed(hit):
            return None
        if hit.rule.category == ABUSE:
            # Denied inside the match, after who would do it: "he doesn't hit me", "mi esposo
            # no me pega", "en mi casa nadie me pega" (not "won't let me", "no me deja").
            denied = _DENIED_VIOLENCE.search(self.text, hit.start, hit.end)
            if denied is not None:
                return ("negation", (denied.start(), denied.end(), "engine.negation.denied_act"))
        low, _ = self.clauses.around(hit.start, hit.end)
        low = max(low, hit.start - NEGATION_REACH)
        for cue in reversed(self.counters[NEGATION].within(low, hit.start)):
            not_really = self.counters[IDIOM].overlapping(cue[0], cue[1])
            if not_really is not None and not_really[2].endswith("not_negation"):
                continue
            if any(start <= cue[0] < end for start, end in self.own_negations):
                continue
            if _FIRST_PERSON.search(self.text, cue[1], hit.start):
                # "My therapist doesn't know I started cutting again": the writer speaks anew.
                continue
            return ("negation", cue)
        return self._denied_next(hit)

    def _affirmed(self, hit: _Hit) -> bool:
        """A question about it answered yes by the next sentence, or later in the same one
        ("he asked if I was suicidal and honestly yes")."""
        low, high = self.sentences.around(hit.start, hit.end)
        if _ASKED_IF.search(self.text, low, hit.start) and _YES_AFTER.match(
            self.text, hit.end, high
        ):
            return True
        edge = _SENTENCE.match(self.text, high)
        if edge is None or not _AFFIRMED.match(self.text, edge.end()):
            return False
        return "?" in edge.group() or _ASKED.search(self.text, low, hit.start) is not None

    def _denied_next(self, hit: _Hit) -> tuple[str, tuple[int, int, str]] | None:
        """A question or what others think, answered no by the next sentence (or later in the
        same one: "asked if I'd thought about ending my life and honestly the answer was no")."""
        low, high = self.sentences.around(hit.start, hit.end)
        if _ASKED_IF.search(self.text, low, hit.start):
            same = _NO_AFTER.match(self.text, hit.end, high)
            if same is not None:
                return ("negation", (same.start(), same.end(), "engine.negation.answered_no"))
        edge = _SENTENCE.match(self.text, high)
        if edge is None:
            return None
        not_mine = _NOT_MINE.match(self.text, edge.end())
        if not_mine is not None:
            return ("negation", (not_mine.start(), not_mine.end(), "engine.negation.not_mine"))
        asked = "?" in edge.group() or _ASKED.search(self.text, low, hit.start)
        denial = _BARE_DENIAL.match(self.text, edge.end())
        if not asked or denial is None:
            return None
        return ("negation", (denial.start(), denial.end(), "engine.negation.denied_next"))

    def _media(self, hit: _Hit) -> tuple[str, tuple[int, int, str]] | None:
        """Media or a topic in the same clause; or in the same stretch when the writer does
        not speak of themself ("the leaflet lists suicidal thoughts")."""
        low, high = self.stretches.around(hit.start, hit.end)
        found = self.counters[MEDIA].within(low, high)
        if not found:
            return None
        clause_low, clause_high = self.clauses.around(hit.start, hit.end)
        for cue in found:
            if clause_low <= cue[0] and cue[1] <= clause_high:
                return ("media", cue)
        quoted = _QUOTE.search(self.text, low, hit.start) and _QUOTE.search(
            self.text, hit.end, high
        )
        if _FIRST_PERSON_ANY.search(self.text, clause_low, hit.end) and not quoted:
            return None
        return ("media", found[0])

    def _history(self, hit: _Hit) -> tuple[str, tuple[int, int, str]] | None:
        if any(item[2].endswith(".recent.back") for item in self.counters[RECENT].items):
            return None  # the past come back: "… and got better. I'm there again."
        low, high = self.stretches.around(hit.start, hit.end)
        past = self.counters[HISTORY].within(low, high)
        recent = self.counters[RECENT].within(low, high)
        stretch = self.text[low:high]
        if _PRESENT_JUST_BEFORE.search(self.text, max(low, hit.start - 16), hit.start):
            return None  # "my ex-husband is threatening to post the photos he took"
        told_past = hit.rule.past or _PAST_VERB.search(stretch) is not None
        for marker in past:
            anniversary = _ANNIVERSARY.search(self.text, marker[0], marker[1])
            if (
                anniversary
                # "every anniversary of my sentence I hurt myself": the act itself must be past
                and (told_past or not anniversary.group().startswith("aniversar"))
                and all(_TODAY.fullmatch(self.text, start, end) for start, end, _ in recent)
                and not _PRESENT_ES.search(stretch)
            ):
                # "Three years since my attempt today": "today" is the anniversary, not the act
                # (unless the writer speaks in the present: "se cumplen tres años y pienso en").
                return ("history", marker)
        if recent:
            return None
        if not past:
            past = self._dated_next(hit)
        for marker in past:
            spanish = (
                marker[2].startswith("es.")
                and marker[2] not in _NEEDS_PAST_VERB
                and not _PRESENT_ES.search(stretch)
            )
            if spanish or told_past:
                return ("history", marker)
        if self.recovered and told_past:
            return ("history", self.counters[RECOVERY].items[0])
        return None

    def _dated_next(self, hit: _Hit) -> list[tuple[int, int, str]]:
        """The past markers of the next sentence when all it does is date this one ("That
        was six years ago.", "Eso fue hace ocho años."); none if it also speaks of now."""
        _, high = self.sentences.around(hit.start, hit.end)
        edge = _SENTENCE.match(self.text, high)
        if edge is None or not _BACK_REFERENCE.match(self.text, edge.end()):
            return []
        low, high = self.sentences.around(edge.end(), edge.end())
        if self.counters[RECENT].within(low, high):
            return []
        return [
            marker
            for marker in self.counters[HISTORY].within(low, high)
            if _DATE_TAIL.fullmatch(self.text, marker[1], high)
        ]

    def _person(self, hit: _Hit) -> str:
        if hit.rule.person:
            return hit.rule.person
        low, _ = self.sentences.around(hit.start, hit.end)
        if (
            hit.rule.category != ABUSE
            and not _THIRD_PERSON_START.match(self.text, hit.start)
            and _SAID_BY_OTHER.search(self.text, max(low, hit.start - 60), hit.start)
        ):
            return "other"
        inside = self.text[hit.start : hit.end]
        if _INSIDE_SELF.search(inside):
            return "self"
        if _PART_OF_ME.search(self.text, max(0, hit.start - 24), hit.start):
            return "self"  # "part of me wants to die"
        if _INSIDE_OTHER.search(inside) or _OPENS_OTHER.match(inside):
            return "other"
        if hit.rule.category == SELF_HARM:
            owner = _BELONGS_TO_OTHER.match(self.text, hit.end + 1)
            if owner and (not owner.group("found") or _FOUND.match(self.text, hit.start)):
                return "other"
        low, _ = self.reports.around(hit.start, hit.end)
        if _REPORT.search(self.text, low, hit.start):
            return "other"
        low, _ = self.sentences.around(hit.start, hit.end)
        subjects = list(
            _SUBJECT.finditer(self.text, max(low, hit.start - SUBJECT_REACH), hit.start)
        )
        if subjects and subjects[-1].group("other"):
            return "other"
        return "self"


def _quote(text: str, folded: Folded, start: int, end: int) -> tuple[int, int, str]:
    low, high = folded.span(start, end)
    return (low, high, text[low:high])


def _result(
    text: str,
    folded: Folded,
    hits: list[_Hit],
    counters: dict[str, _Spans],
    *,
    semantic_used: bool,
) -> Screening:
    evidence = _evidence(text, folded, hits)
    active = [h for h in hits if h.effect == "signal" and h.person == "self"]
    others = [h for h in hits if h.effect == "signal" and h.person == "other"]
    past = [h for h in hits if h.effect == "history"]
    if active:
        return _self_result(text, folded, active, counters[MODIFIER].items, evidence, semantic_used)
    if others:
        categories = _categories(others)
        first = others[0]
        quote = _short(_quote(text, folded, first.start, first.end)[2])
        explanation = (
            f'Worried about someone else: {first.rule.what} ("{quote}"). Not a crisis of the '
            "writer; offer resources for helping someone else."
        )
        return Screening(
            "concern", categories, evidence, explanation, "someone_else", False, "none",
            semantic_used,
        )  # fmt: skip
    if past:
        first = past[0]
        quote = _short(_quote(text, folded, first.start, first.end)[2])
        recovered = _recovered(folded.text, counters[RECOVERY])
        level = "none" if recovered else "concern"
        explanation = (
            f'Describes past experience: {first.rule.what} ("{quote}"). Nothing current found'
            + ("; says they are doing better now." if recovered else ".")
        )
        return Screening(
            level, _categories(past), evidence, explanation, "past", False, "none", semantic_used
        )
    if hits:
        first = hits[0]
        quote = _short(_quote(text, folded, first.start, first.end)[2])
        explanation = f'Nothing of concern: "{quote}" {_WHAT[first.effect]}.'
        return Screening("none", (), evidence, explanation, "", False, "none", semantic_used)
    return Screening("none", (), (), "Nothing of concern found.", "", False, "none", semantic_used)


def _recovered(folded_text: str, recovery: _Spans) -> bool:
    """Says they are doing better now ("I'm in a good place now"), not negated just before."""
    return any(
        not _NEGATED_RECOVERY.search(folded_text[max(0, start - 12) : start])
        and not _LOST_RECOVERY.search(folded_text[max(0, start - 40) : start])
        for start, _, _ in recovery.items
    )


def _self_result(
    text: str,
    folded: Folded,
    active: list[_Hit],
    all_modifiers: list[tuple[int, int, str]],
    evidence: tuple[Evidence, ...],
    semantic_used: bool,
) -> Screening:
    strongest = max(_STRENGTH[h.rule.kind] for h in active)
    suicidal = [
        h
        for h in active
        if h.rule.category == SUICIDE and h.rule.kind != CONCERN and h.rule.escalates
    ]
    modifiers = all_modifiers if suicidal else []
    if suicidal and modifiers:
        strongest = _STRENGTH[ACUTE]
    level = LEVELS[strongest]
    categories = _categories(active)
    top = [
        h for h in active if _STRENGTH[h.rule.kind] == max(_STRENGTH[x.rule.kind] for x in active)
    ]
    if level == ACUTE and any(h.rule.category == SUICIDE for h in active):
        label = "acute"
    elif level == CONCERN:
        label = "none"
    else:
        label = _CATEGORY_LABEL[_categories(top)[0]]
    phrases: list[str] = []
    for hit in sorted(active, key=lambda h: -_STRENGTH[h.rule.kind]):
        quote = _short(_quote(text, folded, hit.start, hit.end)[2])
        phrase = f'{hit.rule.what} ("{quote}")'
        if not any(p.startswith(hit.rule.what) for p in phrases) and len(phrases) < 2:
            phrases.append(phrase)
    explanation = _capital("; ".join(phrases)) + "."
    if suicidal:
        if modifiers:
            start, end, rule_id = modifiers[0]
            what = next(r.what for r in _COUNTERS[MODIFIER] if r.id == rule_id)
            quote = _short(_quote(text, folded, start, end)[2])
            explanation += f' {_capital(what)} ("{quote}").'
        elif level != ACUTE:
            explanation += " No plan or time mentioned."
    mod_evidence = tuple(
        Evidence(*_quote(text, folded, start, end), rule_id, SUICIDE, "signal")
        for start, end, rule_id in modifiers[:5]
    )
    evidence = tuple(sorted(set(evidence + mod_evidence), key=lambda e: (e.start, e.end, e.rule)))
    crisis = level in ("urgent", "acute")
    return Screening(level, categories, evidence, explanation, "self", crisis, label, semantic_used)


def _evidence(text: str, folded: Folded, hits: list[_Hit]) -> tuple[Evidence, ...]:
    out: list[Evidence] = []
    for hit in hits:
        effect = hit.effect
        if effect == "signal" and hit.person == "other":
            effect = "third_party"
        out.append(
            Evidence(
                *_quote(text, folded, hit.start, hit.end), hit.rule.id, hit.rule.category, effect
            )
        )
        if hit.cause is not None:
            start, end, rule_id = hit.cause
            out.append(Evidence(*_quote(text, folded, start, end), rule_id, "", hit.effect))
    return tuple(sorted(set(out), key=lambda e: (e.start, e.end, e.rule)))


def _categories(hits: Iterable[_Hit]) -> tuple[str, ...]:
    found = {hit.rule.category for hit in hits}
    return tuple(category for category in CATEGORIES if category in found)


def _short(quote: str) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= QUOTE_LENGTH else quote[: QUOTE_LENGTH - 1] + "\u2026"


def _capital(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def _semantic_may_help(hits: list[_Hit], active: list[_Hit], counters: dict[str, _Spans]) -> bool:
    """Only a message the patterns found nothing (or only weak signals) in, and nothing
    cancelled: the layer never overrides negation, idiom, media, history or a third party."""
    if any(hit.effect != "signal" or hit.person != "self" for hit in hits):
        return False
    if any(_STRENGTH[hit.rule.kind] > _STRENGTH[CONCERN] for hit in active):
        return False
    # No idiom or media anywhere in the message (their matches were all found in `_weigh`).
    return not (counters[IDIOM].items or counters[MEDIA].items)


def _learned_result(
    text: str,
    match: learned.LearnedMatch,
    hits: list[_Hit],
    folded: Folded,
    *,
    overruled: bool = False,
) -> Screening:
    kind, category = SEMANTIC_LABELS[match.label]
    level = "acute" if kind == ACUTE else "urgent"
    evidence = (
        *_evidence(text, folded, hits),
        Evidence(0, len(text), text, f"learned.{match.label}", category, "learned"),
    )
    words = ", ".join(f'"{w}"' for w in match.words)
    explanation = (
        f"Reads like {match.label.replace('_', ' ')} to the learned word model "
        f"({match.probability:.2f}){'; the words that weighed most: ' + words if words else ''}. "
        + (
            "A pattern read part of it as a figure of speech or media, but the whole message "
            "reads as a crisis, so a clinician should read it."
            if overruled
            else "No pattern matched, so a clinician should read it."
        )
    )
    return Screening(level, (category,), evidence, explanation, "self", True, match.label, False)


def _semantic_result(
    text: str, match: SemanticMatchLike, hits: list[_Hit], folded: Folded
) -> Screening:
    kind, category = SEMANTIC_LABELS[match.label]
    level = "acute" if kind == ACUTE else "urgent"
    evidence = (
        *_evidence(text, folded, hits),
        Evidence(0, len(text), text, f"semantic.{match.label}", category, "semantic"),
    )
    explanation = (
        f'Reads like {match.label.replace("_", " ")} (similar to "{_short(match.prototype)}", '
        f"{match.similarity:.2f}); no pattern matched, so a clinician should read it."
    )
    return Screening(level, (category,), evidence, explanation, "self", True, match.label, True)
