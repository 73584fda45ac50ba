"""Crisis screening internals: folding, odd input, the semantic layer hook, speed on huge text."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from heard.safety.screening import detect_language, screen
from heard.safety.screening.text import fold, squeeze_pattern


def test_fold_lowers_strips_accents_and_apostrophes_and_keeps_origins() -> None:
    folded = fold("Ya NO aguanto MÁS, I'm dooone")
    assert folded.text == "ya no aguanto mas, im done"
    start = folded.text.index("mas")
    assert folded.span(start, start + 3) == (14, 17)
    assert folded.span(3, 3) == (0, 0)


def test_fold_reads_leet_digits_between_letters_only() -> None:
    assert fold("su1c1de at 11pm").text == "suicide at 11pm"


def test_fold_joins_hyphenated_words_and_keeps_line_breaks() -> None:
    assert fold("self-harm \n\n  again - ok").text == "self harm\nagain - ok"
    assert fold("a \t b\r\nc").text == "a b\nc"


def test_fold_drops_invisible_and_control_characters() -> None:
    assert fold("di\u200be\x00 \u2764\ufe0f").text == "die \u2764"


def test_plain_text_folds_the_same_without_the_walk() -> None:
    # Plain ASCII text skips the character-by-character walk; the result must be the same,
    # origins included (development lines, and short strings of the characters that matter).
    import random

    from heard.safety.screening.text import _fold_any

    path = Path(__file__).resolve().parents[3] / "bench" / "data" / "crisis_dev.jsonl"
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    texts += ["I'll be fine", "Don\u2019t  worry", " so   tired", "k1ll", "self-harm", "ok!!!"]
    chars = "aAbBlLoOeE1i0@$-_'.,!? \"sS3tT\u2019\u00e9\n"
    rng = random.Random(4)
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    for text in texts:
        assert fold(text) == _fold_any(text), text


def test_squeeze_pattern_folds_like_text_but_leaves_regex_syntax() -> None:
    assert squeeze_pattern(r"\bkill(?P<x>ed)?{2}") == r"\bkil(?P<x>ed)?{2}"
    assert squeeze_pattern("qué\\U0001faa6don't") == "que\\U0001faa6dont"


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00\x01\x02",
        "\u202eerom yna evil ot tnaw t'nod I\u202c",
        "🪦" * 3,
        "😂😂😂",
        "\ud800 lone surrogate",
        "a" * 10_000,
        "—" * 500,
    ],
)
def test_it_never_raises(text: str) -> None:
    result = screen(text)
    assert result.level in {"none", "concern", "urgent", "acute"}


def test_a_megabyte_is_screened_in_bounded_time() -> None:
    text = ("I had a long day at work and the bus was late. " * 20_000)[:1_000_000]
    text += " I want to die."
    started = time.perf_counter()
    result = screen(text)
    assert time.perf_counter() - started < 30
    assert result.crisis is True


def test_many_matches_are_capped() -> None:
    result = screen("I want to die. " * 2_000)
    assert result.crisis is True
    assert len(result.evidence) <= 300


def test_language_detection() -> None:
    assert detect_language(fold("no sé qué hacer con mi vida").text) == "es"
    assert detect_language(fold("I don't know what to do").text) == "en"


@dataclass(frozen=True)
class FakeMatch:
    label: str
    similarity: float
    prototype: str


class FakeLayer:
    def __init__(self, label: str | None) -> None:
        self.label = label
        self.calls: list[tuple[str, str]] = []

    def match(self, text: str, lang: str) -> FakeMatch | None:
        self.calls.append((text, lang))
        if self.label is None:
            return None
        return FakeMatch(self.label, 0.81, "everyone would be relieved if I was gone")


def test_the_semantic_layer_upgrades_a_message_the_patterns_missed() -> None:
    layer = FakeLayer("ideation")
    text = "Everyone would be relieved if I slipped away quietly."
    result = screen(text, "en", semantic=layer, learned_layer=False)
    assert layer.calls == [(text, "en")]
    assert (result.level, result.crisis, result.label, result.categories) == (
        "urgent",
        True,
        "ideation",
        ("suicide",),
    )
    assert result.semantic_used is True
    assert result.evidence[-1].effect == "semantic"
    assert result.evidence[-1].rule == "semantic.ideation"
    assert "0.81" in result.explanation


def test_an_acute_semantic_match_is_acute() -> None:
    result = screen("se acabó todo para mí", semantic=FakeLayer("acute"), learned_layer=False)
    assert (result.level, result.label) == ("acute", "acute")


def test_the_semantic_layer_is_asked_for_a_language() -> None:
    layer = FakeLayer(None)
    result = screen("ya nada importa, todo me da lo mismo", semantic=layer, learned_layer=False)
    assert layer.calls[0][1] == "es"
    assert result.semantic_used is True
    assert result.crisis is False


def test_the_semantic_layer_never_overrides_a_counter_signal() -> None:
    for text in (
        "I don't want to kill myself.",  # negation
        "This exam is killing me.",  # idiom
        "My friend wants to die.",  # third party
        'The song goes "I want to die tonight" and I love it.',  # media
    ):
        layer = FakeLayer("ideation")
        result = screen(text, semantic=layer)
        assert layer.calls == []
        assert result.crisis is False


def test_the_semantic_layer_is_not_asked_when_the_patterns_are_sure() -> None:
    layer = FakeLayer("abuse")
    result = screen("I want to die", semantic=layer)
    assert layer.calls == []
    assert (result.label, result.semantic_used) == ("ideation", False)


def test_an_unknown_semantic_label_is_ignored() -> None:
    result = screen("quiet evening", semantic=FakeLayer("none"))
    assert (result.crisis, result.semantic_used) == (False, True)


def test_semantic_true_uses_the_installed_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    from heard.safety.screening import semantic

    layer = FakeLayer("self_harm")
    monkeypatch.setattr(semantic, "get_layer", lambda: layer)
    result = screen("the blade and me tonight", semantic=True)
    assert result.label in {"self_harm", "acute"}
    assert result.crisis is True


def test_semantic_true_without_the_extra_is_patterns_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from heard.safety.screening import semantic

    monkeypatch.setattr(semantic, "get_layer", lambda: None)
    result = screen("quiet evening", semantic=True)
    assert (result.crisis, result.semantic_used) == (False, False)


@pytest.mark.parametrize(
    ("text", "crisis", "about"),
    [
        # an idiom earlier in the text does not touch a later signal
        ("I'd kill for a coffee but honestly I want to die", True, "self"),
        # "accidentally" anywhere in the sentence makes a hurt an accident
        ("By accident I scratched my arm pretty badly", False, ""),
        # another idiom in the sentence does not excuse self-harm
        ("This exam is killing me so I cut myself", True, "self"),
        # "not gonna lie" denies nothing
        ("not gonna lie I want to die", True, "self"),
        # the negation inside "don't want to live" does not deny what follows
        ("i dont want to live i want to die", True, "self"),
        # a new first-person clause ends the negation
        ("My therapist doesn't know I cut myself", True, "self"),
        # a time in the past, but told in the present
        ("In high school I think about suicide a lot", True, "self"),
        # reported speech
        ("My friend told me that life is not worth living", False, "someone_else"),
        # the nearest subject is someone else
        ("my cousin has no reason to live", False, "someone_else"),
        # recovery said in another clause makes a past act history
        ("I attempted suicide but I'm doing much better now", False, "past"),
    ],
)
def test_context_rules(text: str, crisis: bool, about: str) -> None:
    result = screen(text)
    assert (result.crisis, result.about) == (crisis, about)


def test_history_with_a_denied_recovery_stays_a_concern() -> None:
    result = screen("Two years ago I tried to kill myself and I'm not doing better.")
    assert (result.level, result.about, result.crisis) == ("concern", "past", False)


def test_anchors_are_strings_every_match_must_hold() -> None:
    from heard.safety.screening.lexicon import anchors

    # A run of letters joined with what must follow it: the longer the anchors, the fewer
    # messages a rule is tried on.
    assert anchors(r"(?:want|wish) (?:to die|to vanish)") == {
        "want to die",
        "want to vanish",
        "wish to die",
        "wish to vanish",
    }
    assert anchors(r"(?:i |ive )(?:overdosed|od(?:ed|d))") == {
        "i overdosed",
        "i oded",
        "i odd",
        "ive overdosed",
        "ive oded",
        "ive odd",
    }
    # ... up to a point: 9 x 9 x 9 ways are not all listed
    many = "|".join(f"w{n:02d}" for n in range(9))
    found = anchors(f"(?:{many}) (?:{many}) (?:{many})")
    assert found is not None
    assert len(found) <= 64
    assert any(anchor in "w03 w05 w07" for anchor in found)
    assert anchors(r"ab(?:c|d?)e") == {"ab"}  # an optional part cuts the run short
    assert anchors(r"(?:ab|cd) (?:efg|hij)") == {"ab efg", "ab hij", "cd efg", "cd hij"}
    assert anchors(r"(?P<word>abc)d?") == {"abc"}
    assert anchors(r"x?") is None
    assert anchors(r"(?:ab|c?)d") == {"d"}
    # A class of plain characters is one of them; a range or negated class is unknown.
    assert anchors(r"(?:\U0001faa6|\u26b0)s?") == {"\U0001faa6", "\u26b0"}
    assert anchors(r"[a-c]") is None
    assert anchors(r"[^ab]") is None


def test_the_rule_index_finds_every_anchor_even_inside_a_longer_one() -> None:
    from heard.safety.screening.engine import _RuleIndex
    from heard.safety.screening.lexicon import Rule

    short, long, other = (
        Rule("t.kil", "urgent", r"(?<!\w)kil(?!\w)"),
        Rule("t.kiling", "urgent", r"(?<!\w)kiling(?!\w)"),
        Rule("t.die", "urgent", r"(?<!\w)die(?!\w)"),
    )
    index = _RuleIndex((short, long, other, Rule("t.any", "urgent", r"\w?")))
    assert [r.id for r in index.candidates("kiling it")] == ["t.kil", "t.kiling", "t.any"]
    assert [r.id for r in index.candidates("kil or die")] == ["t.kil", "t.die", "t.any"]
    assert [r.id for r in index.candidates("nothing")] == ["t.any"]


def test_a_rule_that_starts_with_a_short_word_is_tried_only_where_a_word_starts() -> None:
    # "el" hides inside "feel" and "help": a rule whose matches start with "el" or "ella" is
    # indexed by how its matches start, so it is not tried on "I feel bad".
    from heard.safety.screening.engine import _RuleIndex
    from heard.safety.screening.lexicon import Rule

    rule = Rule("t.el", "urgent", r"(?<!\w)(?:el|ella)\W+\w+(?!\w)")
    assert rule.keys is None
    assert rule.starts == frozenset({"el"})
    index = _RuleIndex((rule,))
    assert index.candidates("i feel bad, help") == []
    assert index.candidates("el perro") == [rule]
    assert index.candidates("¿ella viene?") == [rule]
    # A longer string anywhere is rarer than a short word start: "want to die" stays a key.
    longer = Rule("t.want", "urgent", r"(?<!\w)(?:i|we) want to die(?!\w)")
    assert longer.keys == frozenset({"i want to die", "we want to die"})
    assert longer.starts is None


def test_the_rule_index_never_leaves_out_a_rule_that_matches() -> None:
    # The index only saves time: every rule whose pattern matches a message must be among
    # its candidates (checked on a development set, against running every rule).
    from heard.safety.screening import engine

    path = Path(__file__).resolve().parents[3] / "bench" / "data" / "crisis_dev.jsonl"
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    groups = (engine._SIGNALS, engine._FIRST_RULES, engine._JUDGE_RULES)
    for text in [*texts, "I'm going to end it tonight \U0001faa6", "kms lol \U0001f480"]:
        folded = fold(text).text
        for rules in groups:
            found = set(engine._index(rules).candidates(folded))
            assert {r for r in rules if r.compiled.search(folded)} <= found, text


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        # an anniversary told on the day is history
        ("It's been five years since my suicide attempt today.", False),
        # a negation followed by the writer speaking anew
        ("Nobody knows I cut myself", True),
        # media elsewhere in the stretch, but the writer speaks of themself
        ("I watched a film and I want to die", True),
    ],
)
def test_more_context_rules(text: str, crisis: bool) -> None:
    assert screen(text).crisis is crisis


@pytest.mark.parametrize(
    ("text", "lang", "crisis", "about"),
    [
        # a clean streak just lost is a relapse now, not recovery
        ("I relapsed after 90 days clean and cut myself", "en", True, "self"),
        ("recaí después de tres meses limpia, me corté otra vez", "es", True, "self"),
        ("I used to relapse a lot but I've been clean 2 years and I'm doing well", "en", False, ""),
        # only a lost streak undoes recovery, not any loss said just before it
        ("I attempted suicide but I lost weight and I'm much better now", "en", False, "past"),
        ("broke my streak after 40 days clean and cut again", "en", True, "self"),
        # a part of the writer is the writer
        ("Part of me wants to die", "en", True, "self"),
        ("una parte de mí quiere morir", "es", True, "self"),
        # saying no is not a negation of what follows
        ("If I say no he hits me", "en", True, "self"),
        ("cuando le digo que no, me pega", "es", True, "self"),
        # "not even joking" makes a joking form serious
        ("kms vibes all week, not even joking this time", "en", True, "self"),
        # "a mi primo" is no English "a" before a person: the writer's own words stay theirs
        ("le regalé la guitarra a mi primo y me quiero morir", "es", True, "self"),
        ("mi primo dice que se quiere matar", "es", False, "someone_else"),
        # history told by age, anniversary, "back when" or "the version of me who"
        ("a los 15 intenté quitarme la vida. hoy estoy estudiando enfermería", "es", False, "past"),
        ("At 20 I tried to end my life. At 35 I'm a peer support worker.", "en", False, "past"),
        ("First anniversary of my attempt. Off to the sea with my sister.", "en", False, "past"),
        ("The old me who wanted to die would be amazed. 5 years sober.", "en", False, "past"),
        ("Back when I worked nights I cut myself. I'm well now.", "en", False, "past"),
        ("Me acuerdo de cuando las deudas me tenían pensando en morirme.", "es", False, "past"),
        ("antes decía que me quería matar. la terapia me cambió la vida", "es", False, "past"),
        # phrasings no rule knew before the third round of development sets
        ("Kicking the bucket sounds pretty good about now, not gonna lie.", "en", True, "self"),
        ("nobody on this ward would notice if I wasn't around anymore", "en", True, "self"),
        ("relapsed on the SH after 2 years clean. not proud of it", "en", True, "self"),
        ("he's home. can't talk", "en", True, "self"),
        ("igual no creo que siga para entonces", "es", True, "self"),
        ("Llevaba tres meses sin hacerme daño y hoy recaí.", "es", True, "self"),
        ("mi hermano mayor me volvió a pegar", "es", True, "self"),
        ("él está en la casa, no puedo hablar", "es", True, "self"),
        # ... and their harmless neighbours
        ("I keep thinking about killing myself", "en", True, "self"),
        ("she's home now, can't talk, call you later!", "en", False, ""),
        # ... but not when the writer speaks of now
        ("at 20 I want to die, nothing changes", "en", True, "self"),
        ("it's the anniversary of my dad's death and I want to die too", "en", True, "self"),
        # figures of speech and classwork the fourth round of development sets showed
        ("I could kill my brother for spoiling the finale", "en", False, ""),
        ("Me mato estudiando para el examen de la UNAM", "es", False, ""),
        ("Ese parcial me mató, parce", "es", False, ""),
        ("El profe nos va a matar con esa prueba", "es", False, ""),
        ("Me quiero morir de la vergüenza, le dije mamá a la maestra", "es", False, ""),
        ("Nursing exam question: priority for a patient with suicidal ideation?", "en", False, ""),
        ("En la clase de psicología vimos el riesgo de la autolesión", "es", False, ""),
        ("Pastor asked me to help draft a sermon guide on suicide", "en", False, ""),
        # a quoted phrase and what it was about; others' thoughts understood; a question
        # answered no; ratings; a past dated or looked back on (the fifth round of sets)
        ('my "goodbye forever" post was about leaving twitter. im alive', "en", False, ""),
        ('no me voy a hacer nada, el "me quiero matar" era por el examen', "es", False, ""),
        ("I get why people think about ending it, but I'm not there.", "en", False, ""),
        ("My therapist asked if I'd thought about hurting myself. Honestly, no.", "en", False, ""),
        ("Counsellor had me rate my suicidal thoughts 0 to 10 again.", "en", False, ""),
        ("Ay, me mató con esa sonrisa, chama.", "es", False, ""),
        ("Hoy me siento vacía, sin ganas de nada.", "es", False, "self"),  # a concern
        ("looking back at my old tumblr where i wrote about killing myself", "en", False, "past"),
        ("Back in 2016 I overdosed. Today we went to the beach.", "en", False, "past"),
        ("Ese gol en el último minuto me mató. Qué partidazo.", "es", False, ""),
        ("La cola en la funeraria era un suicidio, tres horas para firmar.", "es", False, ""),
        ("When I say I want to be with him again I mean I want those years back.", "en", False, ""),
        ("Cuando digo que me quiero ir con mi mamá no lo digo en serio.", "es", False, ""),
        ('My message said "I want to disappear". I meant from the party.', "en", False, ""),
        # ... and their neighbours that are crises
        ('I keep saying "I want to die" and I mean it', "en", True, "self"),
        ("cuando digo que me quiero morir es en serio", "es", True, "self"),
        ("I get why people want to die because I want to die too", "en", True, "self"),
        ("my therapist asked if I want to die and I said yes", "en", True, "self"),
        ("ya no tengo ganas de vivir", "es", True, "self"),
        ("I could kill him for what he did to my sister", "en", True, "self"),
        ("me mato hoy, ya no aguanto", "es", True, "self"),
        ("me quiero morir", "es", True, "self"),
        ("después de la clase me autolesiono", "es", True, "self"),
        ("I keep thinking about suicide during class", "en", True, "self"),
        # the next sentence dates this one; a sober anniversary (session 10)
        ("I tried to end my life in college. That was six years ago.", "en", False, "past"),
        ("Quise matarlo cuando se fue. Eso fue hace ocho años.", "es", False, "past"),
        ("Me cortaba en la prepa. Ya pasaron cuatro años, estoy bien.", "es", False, "past"),
        ("One year clean from self-harm today! Cake time.", "en", False, "past"),
        # ... and their neighbours that are crises
        ("I tried to end my life. That was two days ago.", "en", True, "self"),
        ("I wanted to die. It's been four years of this.", "en", True, "self"),
        ("I overdosed. That was years ago, but tonight I want to again.", "en", True, "self"),
        ("Relapsed after 8 months clean from cutting. Feel stupid.", "en", True, "self"),
        # "now" alone is no recovery: what follows it must be
        ("I tried to kill myself. Now I'm in the hospital.", "en", True, "self"),
        ("I cut myself. Now I have to hide it.", "en", True, "self"),
        ("i swallowed everything in the cabinet 20 min ago and now im scared", "en", True, "self"),
        ("I tried to end my life in college. Now I'm doing so much better.", "en", False, "past"),
        ("freshman year i tried to kill myself. now i'm a senior", "en", False, "past"),
        # a clock time is no age, a time ahead is now, and Spanish in the present is now
        ("I've got the pills and I'm doing it when my shift ends at 6.", "en", True, "self"),
        ("At 15 I tried to end my life. Now I'm a nurse.", "en", False, "past"),
        ("It's been one year since he died and at midnight I'm ending it.", "en", True, "self"),
        ("pienso en suicidarme desde el año pasado", "es", True, "self"),
        ("Me separé hace un mes y tengo ganas de morirme.", "es", True, "self"),
        ("Hace dos años me separé y me quería morir. Ya estoy mejor.", "es", False, "past"),
        # self-harm again, and the wish to hurt, not to die (the sixth round of sets)
        (
            "Recaída. Llevaba 90 días sin autolesionarme y hoy me he vuelto a cortar.",
            "es",
            True,
            "self",
        ),
        ("me bolví a lastimar anoche, no quiero morir solo que pare el dolor", "es", True, "self"),
        ("Me rasco los brazos hasta sangrar cuando me quedo sola.", "es", True, "self"),
        ("did it again tonight, not trying to die, just needed it to stop", "en", True, "self"),
        ("I'm on the platform. I don't want to be talked out of it.", "en", True, "self"),
        ("otra semana sin trabajo 😶 ya no quiero seguir 🪦", "es", True, "self"),
        ("mi niña cumple 5 y yo aquí sin poder verla, para qué sigo", "es", True, "self"),
        ("He escrito cartas de despedida para mis hijos.", "es", True, "self"),
        # ... and their harmless neighbours
        ("No me he vuelto a cortar desde marzo.", "es", False, ""),
        ("I'm not trying to die, I just want to sleep for a week.", "en", False, ""),
        ("Don't worry, I won't be talked out of my holiday plans.", "en", False, ""),
        ("Dile a tu hermano que no debería matarse estudiando.", "es", False, ""),
        # whose bruises, whose words: someone else's (the sixth round of sets)
        ("Mi vecina de 90 años tiene moretones y el hijo le grita.", "es", False, "someone_else"),
        ("My mum has bruises she won't explain.", "en", False, "someone_else"),
        ("My grandson is self-harming. Where do I start?", "en", False, "someone_else"),
        ("Mi primo me dijo que ya no quiere vivir.", "es", False, "someone_else"),
        ('Un bolero que dice "quiero morir en tus brazos" me hizo llorar.', "es", False, ""),
        ("Three years ago today I tried to end my life. Tonight: cake.", "en", False, "past"),
        # ... and their neighbours that are crises
        ("Tengo moretones en los brazos y no puedo decir de quién.", "es", True, "self"),
        ("I have bruises he gave me last night.", "en", True, "self"),
        (
            "My hands are covered in burns from the stove and not all are accidents.",
            "en",
            True,
            "self",
        ),
        ("Me dijo que me iba a matar si lo dejaba.", "es", True, "self"),
        ("ya no quiero vivir", "es", True, "self"),
        # the seventh round: relapse after a streak, head banging, conditions that deny nothing
        ("Recaí. Once meses sin cortarme y ayer lo hice.", "es", True, "self"),
        ("Cuando ya no aguanto me doy cabezazos contra la pared.", "es", True, "self"),
        ("No me quiero morir, pero si no me corto siento que exploto.", "es", True, "self"),
        ("Cuando el bebé no para de llorar me dan ganas de sacudirlo fuerte.", "es", True, "self"),
        (
            "Hoy se cumplen tres años de mi sentencia y pienso en ya no despertar.",
            "es",
            True,
            "self",
        ),
        ("Ando pensando en suicidarme desde que mi ex publicó mis fotos.", "es", True, "self"),
        ("cut again last nite, not tryna die just needed to feel somthing", "en", True, "self"),
        # ... and their harmless neighbours
        ("Hoy se cumplen tres años de mi intento. Estoy bien y agradecida.", "es", False, "past"),
        ("Llevo once meses sin cortarme y hoy lo celebro.", "es", False, ""),
        ("No me golpeo la cabeza desde que empecé terapia.", "es", False, ""),
        # a turn, a joke, a finale; school and service told as past (the eighth round)
        ("Hoy me tocó declarar. Sigo temblando, pero ya pasó.", "es", False, ""),
        ("Me mató ese chiste, pana.", "es", False, ""),
        ("I'll murder my brother if he spoils the finale.", "en", False, ""),
        ("Me cortaba en el colegio. Hace cinco años que no lo hago.", "es", False, "past"),
        (
            "Fui custodio y pensé en suicidarme. Dejé el trabajo y estoy mucho mejor.",
            "es",
            False,
            "past",
        ),
        ("We practised asking patients directly about suicidal thoughts.", "en", False, ""),
        ("The intake form asks about any history of self-harm. I ticked no.", "en", False, ""),
        # ... and their neighbours that are crises
        ("Mi tío me toca cuando mi mamá no está.", "es", True, "self"),
        ("Me mato esta noche.", "es", True, "self"),
        ("I'll kill him if he touches my sister again.", "en", True, "self"),
        ("En el colegio me pegan todos los días.", "es", True, "self"),
        ("I have my dad's sleeping pills lined up. I'm taking them tonight.", "en", True, "self"),
        # the ninth round: not acting yet is no recovery; a relapse after a clean streak; the
        # thought under a promise not to act; a former partner now; self-harm in Spanish
        ("Self-harm urges are bad tonight. Haven't done anything yet.", "en", True, "self"),
        (
            "I keep thinking my kids would be better off without me. I haven't done anything.",
            "en",
            True,
            "self",
        ),
        ("Relapsed with self harm after 60 days clean. Not okay.", "en", True, "self"),
        (
            "I've had thoughts about not wanting to be alive. I won't act on them.",
            "en",
            True,
            "self",
        ),
        ("It would be a relief to just not be here anymore.", "en", True, "self"),
        ("I tried to kill myself in 2015 and got better. Now I'm there again.", "en", True, "self"),
        ("Cut on my thighs so nobody sees at swim practice.", "en", True, "self"),
        ("Mi ex me sigue a la salida del trabajo y me manda fotos de mi casa.", "es", True, "self"),
        (
            "Me he vuelto a dar golpes con el cinturón. No quiero matarme, quiero que pare.",
            "es",
            True,
            "self",
        ),
        ("Me rasco los brazos con la lija hasta que sangran.", "es", True, "self"),
        ("No me quiero morir pero sí me quiero cortar.", "es", True, "self"),
        ("Si mi ex se acerca otra vez lo voy a lastimar.", "es", True, "self"),
        (
            "Me levanto triste de haberme despertado. Decepcionada de haberme despertado.",
            "es",
            True,
            "self",
        ),
        ("Cuando leas esto ya me habré ido.", "es", True, "self"),
        ("Anoche me agarró del cuello hasta que no podía respirar.", "es", True, "self"),
        ("🙂🔫 otra vez lunes", "es", True, "self"),
        ("El patrón se va a morir: el viernes le voy a meter el cuchillo.", "es", True, "self"),
        ("Sin luz otra vez y ya no quiero seguir en este mundo.", "es", True, "self"),
        ("Estoy harta de vivir con este dolor.", "es", True, "self"),
        ("Estoy en el carro con el motor prendido dentro del garaje.", "es", True, "self"),
        ("I should have died in that fire with the others.", "en", True, "self"),
        ("I don't plan on being around for the next storm season.", "en", True, "self"),
        ("Tomorrow I'm showing up at the main office with a gun.", "en", True, "self"),
        ("Estoy harta de vivir de arrimada con mi suegra.", "es", False, ""),
        ("This paperwork makes you want to jump off a cliff.", "en", False, ""),
        ("Me cortaba en el albergue. Ya son tres años sin hacerlo.", "es", False, "past"),
        ("I cut myself again last night in the trailer.", "en", True, "self"),
        ("Me golpeo la cabeza contra la pared del tráiler.", "es", True, "self"),
        ("🌉 tonight. bye 👋", "en", True, "self"),
        ("can't anymore", "en", True, "self"),
        ("I made an attempt in 2019 and got better. The thoughts are back.", "en", True, "self"),
        ("Me dan ganas de aventarme del puente cada vez que paso.", "es", True, "self"),
        ("I made an attempt in 2019. Now I'm a peer supporter.", "en", False, "past"),
        ("Watched the new trailer for that film about suicide.", "en", False, ""),
        ("I want to stop overthinking every message I send.", "en", False, ""),
        ("Have a plan for the holidays so I'm not stuck inside.", "en", False, ""),
        ("Journaling helped, even just a few lines.", "en", False, ""),
        ("My first attempt was a mess but I enjoyed it.", "en", False, ""),
        ("Me ha tocado guardia este finde.", "es", False, ""),
        ("I want it all to stop.", "en", True, "self"),
        ("I want to stop being here at all.", "en", True, "self"),
        ("I have a plan for tonight.", "en", True, "self"),
        ("Me ha tocado mi padrastro otra vez.", "es", True, "self"),
        (
            "I don't want to die. I wanted to cut just to feel the pressure leave.",
            "en",
            True,
            "self",
        ),
        # words someone else said (and what the writer said, or was told)
        (
            "My little sister told her teacher 'I want to die' because she lost a race.",
            "en",
            False,
            "someone_else",
        ),
        (
            "One of my students posted 'nobody would miss me' and deleted it.",
            "en",
            False,
            "someone_else",
        ),
        ("Un alumno escribió en su cuaderno «me quiero morir».", "es", False, "someone_else"),
        ("My friend talked about ending it all last night.", "en", False, "someone_else"),
        ("They said they'll cut my face if I don't pay.", "en", True, "self"),
        ("I told my mum I want to die.", "en", True, "self"),
        ("I said I want to die and I meant it.", "en", True, "self"),
        ("The voice says I don't deserve to be alive.", "en", True, "self"),
        ("I have told the Lord I am ready to go.", "en", True, "self"),
        ("Me encerré en el baño unos minutos a llorar.", "es", False, ""),
        ("I hid in the bathroom to cry for a bit.", "en", False, ""),
        ("I'm going to murder this pizza.", "en", False, ""),
        ("Spoil the ending and I'll end you.", "en", False, ""),
        ("Te mato si no vienes a mi cumple.", "es", False, ""),
        ("Me voy a morir de viejita, tranquila.", "es", False, ""),
        ("La psiquiatra me preguntó si tenía ideas de muerte. Le dije que no.", "es", False, ""),
        ("Woke up thinking about death. Not mine, my old dog's.", "en", False, ""),
        ("Made my will with the solicitor today.", "en", False, ""),
        ("The winter my dad left I wanted to die every day.", "en", False, "past"),
        ("Antes de que naciera mi hijo me quería morir.", "es", False, "past"),
        # ... and their neighbours
        ("Me encerré en el baño porque mi esposo me quiere pegar.", "es", True, "self"),
        ("This winter I want to die.", "en", True, "self"),
        ("Te mato si vuelves a tocar a mi hija.", "es", True, "self"),
        ("La psiquiatra me preguntó si tenía ideas de muerte. Le dije que sí.", "es", True, "self"),
        # ... and what is not the writer's crisis now
        ("Do I want to die? No. Do I want a long nap? Yes.", "en", False, ""),
        ("My mum thinks I'm suicidal because I cry a lot. I'm not.", "en", False, ""),
        ("¿Ganas de morir? No, doctora. Ganas de vacaciones.", "es", False, ""),
        ("At 19 I wanted to die. I'm 47 now and a grandmother.", "en", False, "past"),
        (
            "Después de la inundación me quería morir. Tres años después tengo casa nueva.",
            "es",
            False,
            "past",
        ),
        ("Qué vergüenza, me quiero morir, me caí en plena clase.", "es", False, ""),
        ("Mi vecina se quiere morir, dice, y no sé cómo ayudarla.", "es", False, "someone_else"),
        (
            "My brother's been cutting again and I don't know how to help.",
            "en",
            False,
            "someone_else",
        ),
        ("When I said I can't do this anymore I meant the course.", "en", False, ""),
        ("Cuando dije que ya no puedo más me refería al trabajo.", "es", False, ""),
        ("I just want to disappear to a cabin for two weeks.", "en", False, ""),
        ("Hoy me tocó explicarle el plan de seguridad a una familia.", "es", False, ""),
        ("The training covered how to ask about suicidal thoughts.", "en", False, ""),
        ("No quiero morirme, quiero que pare el miedo de este ataque.", "es", False, ""),
        (
            "Three years ago today I tried to end my life and tonight I'm doing it again.",
            "en",
            True,
            "self",
        ),
        # the twelfth round: an intent denied at once, a self-harm thing that is someone
        # else's, seasons and school years told as past, a podcast "de hoy", others' words
        ("I'd never hurt my kids, I'm just touched out and need a nap.", "en", False, ""),
        ("I would never hurt him but I want to kill him.", "en", True, "self"),
        ("Said no to all three and she said good, we ask everyone.", "en", False, ""),
        ("I said no but he kept going.", "en", True, "self"),
        ("Just found razor blades in my daughter's pencil case.", "en", False, "someone_else"),
        ("Found blades in my 14-year-old's backpack.", "en", False, "someone_else"),
        ("He has fresh burns all up his arms.", "en", False, "someone_else"),
        ("I have new cuts on my wrist.", "en", True, "self"),
        ("Hid the razors from myself in my cousin's car.", "en", True, "self"),
        ("My teens were a blur of hospitals and 'I don't want to be here'.", "en", False, "past"),
        ("The first Christmas after the accident I didn't want to exist.", "en", False, "past"),
        ("Last night I didn't want to exist.", "en", True, "self"),
        ("some nights I think about simply not being here any more", "en", True, "self"),
        ("He said 'you'd all be better off if I hadn't come home'.", "en", False, "someone_else"),
        ("you'll never have to deal with me again", "en", True, "self"),
        ("ya me voy al gym con los compas", "es", False, ""),
        ("esta noche me voy con mi viejo, ya está todo listo", "es", True, "self"),
        ("ya no tengo ganas de cortarme, llevo siete meses", "es", False, ""),
        ("ya no tengo ganas de bivir", "es", True, "self"),
        ("No quiero vivir en esta casa, quiero un piso con luz.", "es", False, ""),
        ("no quiero vivir en este mundo", "es", True, "self"),
        (
            "El invierno pasado quería desaparecer. Este invierno viajo a Cusco.",
            "es",
            False,
            "past",
        ),
        ("El pódcast de hoy era de una mujer que sobrevivió a un intento.", "es", False, ""),
        ("Mi novio piensa en tirarse a las vías.", "es", False, "someone_else"),
        ("Mi compa dice que si lo corren se avienta del puente.", "es", False, "someone_else"),
        ("Mi carnal le gritó a su novia que la iba a matar.", "es", False, "someone_else"),
        (
            "Mi mujer se llevó a los niños, siento que no vale la pena seguir vivo.",
            "es",
            True,
            "self",
        ),
        # scripture, songs and ordinary life in words of final acts; what patterns now read
        ("Read a sermon on Elijah asking God to take his life.", "en", False, ""),
        ("I scratched my arms till they bled during the sermon", "en", True, "self"),
        ("Ever felt like just walking into the sea? Me neither.", "en", False, ""),
        ("I'm praying to be taken in my sleep.", "en", True, "self"),
        ("if this bus is late again I'm lying down in the road lol", "en", False, ""),
        ("I want to lie down in the road tonight", "en", True, "self"),
        ("Shift's done. Handing over to nights, notes are in the drawer.", "en", False, ""),
        ("I'm praying for my mother tonight, she's in surgery.", "en", False, ""),
        ("el viernes me voy a ir con el Señor por mi propia mano", "es", True, "self"),
        ("me tomé un frasco entero de pastillas", "es", True, "self"),
        ("Con veintitantos me tomé un bote de pastillas. Hoy tengo 55.", "es", False, "past"),
        (
            "Antes le pedía a Dios cada noche que me llevara. Hoy le doy gracias.",
            "es",
            False,
            "past",
        ),
        ("le pedía a Dios cada noche que me llevara", "es", True, "self"),
        ("Terminé el turno. Las notas para el de la noche están en el cajón.", "es", False, ""),
        ("Estoy rezando por mi mamá esta noche, la están operando.", "es", False, ""),
        ("ando muerto en vida con esta gripa", "es", False, ""),
        # words with a double letter in the engine's own patterns ("cree", "took", "worried")
        ("Mi mamá cree que me quiero suicidar porque lloro. No es eso.", "es", False, ""),
        ("Ten years ago I took pills on purpose. I'm a nurse now.", "en", False, "past"),
        ("Every anniversary of my sentence I hurt myself. It's tomorrow.", "en", True, "self"),
        ("My ex-husband is threatening to post the photos he took of me.", "en", True, "self"),
        # putting affairs in order, hiding self-harm, watching someone's routine
        ("Showed my sister where the deed and the passwords are.", "en", True, "self"),
        ("I'm tidying up loose ends. Returned the library books.", "en", True, "self"),
        ("Took myself off the waiting list for the knee surgery.", "en", True, "self"),
        ("wearing hoodies in July in Miami for reasons", "en", True, "self"),
        ("Found out which church the adjuster goes to.", "en", True, "self"),
        ("Si no voy al grupo no se preocupen. Significa que ya estoy en paz.", "es", True, "self"),
        ("Found his search history. I'm sitting outside his door.", "en", False, ""),
        # a period of the past named as one
        ("There was a winter I punched walls every night. Now I coach.", "en", False, "past"),
        ("As a rookie cop I had a stretch where I didn't want to live.", "en", False, "past"),
        ("I self-harmed from 13 to 19. My daughter's 13 now.", "en", False, "past"),
        ("I overdosed the year I came out. This year I walked in Pride.", "en", False, "past"),
        ("Cuando enviudé pasé un año sin ganas de vivir. Ahora voy al grupo.", "es", False, "past"),
        ("Estuve casada con un hombre que me pegaba. Hoy firmé la escritura.", "es", False, "past"),
        ("Me tomé todas las pastillas que me dieron en el albergue.", "es", True, "self"),
        (
            "There was a winter I wanted to die, and this winter I want to die again.",
            "en",
            True,
            "self",
        ),
        # violence denied after who would do it; coercive control is still abuse
        ("No, he doesn't hit me, we just argue about money like every couple.", "en", False, ""),
        ("No, mi esposo no me pega, solo discutimos por la plata.", "es", False, ""),
        ("En mi casa nadie me pega, solo discutimos mucho.", "es", False, ""),
        ("He doesn't hit me. He just decides what I eat and who I see.", "en", True, "self"),
        ("My husband won't let me see my sister.", "en", True, "self"),
        ("Mi marido no me deja salir sola.", "es", True, "self"),
        # a question answered in the same sentence
        (
            "My doctor asked if I'd thought about ending my life and the answer was no.",
            "en",
            False,
            "",
        ),
        ("She asked if I wanted to die and I said no.", "en", False, ""),
        (
            "My doctor asked if I'd thought about ending my life and I said I have.",
            "en",
            True,
            "self",
        ),
        ("He asked if I'm suicidal and honestly yes", "en", True, "self"),
        ("La doctora me preguntó si pensaba en matarme y le dije que sí.", "es", True, "self"),
        ("I thought about suicide all day and honestly, no, I'm not safe", "en", True, "self"),
        ("Sorry if my last note sounded worrying. I'm okay.", "en", False, ""),
        ("This is my last note. Goodbye.", "en", True, "self"),
        # a threat and the small thing that set it off; "jsjs" laughs, "no es chiste" doesn't
        ("i'm gonna kill my brother he ate my fries", "en", False, ""),
        ("I'm going to strangle my printer, it's jammed again.", "en", False, ""),
        ("my little brother is so annoying i'm gonna strangle him (i love him)", "en", False, ""),
        ("im at the quarry and im going to jump. tell my brother i love him", "en", True, "self"),
        ("voy a matar a mi hermano, se acabó mi champú otra vez", "es", False, ""),
        ("lo voy a matar al desgraciado que me robó las vacas", "es", True, "self"),
        ("me quiero matar jsjsjs mandé un audio al grupo de la chamba", "es", False, ""),
        ("pensando en desvivirme otra vez jsjs. no es chiste", "es", True, "self"),
        # someone else's arms, bag or crew
        ("encontré cortes en los brazos de mi hija, cómo le hablo", "es", False, "someone_else"),
        (
            "mi hermanito tiene cortes en los brazos y me rogó que no dijera nada",
            "es",
            False,
            "someone_else",
        ),
        ("I found blades in her backpack.", "en", False, "someone_else"),
        ("One of the lads on site has been saying goodbye to people.", "en", False, "someone_else"),
        ("me and my cousins are gonna jump her tomorrow", "en", True, "self"),
        # the PHQ-9 (folded, it keeps its hyphen), unless the answer given is yes
        ("PHQ-9 question 9 asks about being better off dead. I answered 0.", "en", False, ""),
        (
            "On the PHQ-9 question about being better off dead I answered nearly every day.",
            "en",
            True,
            "self",
        ),
        (
            "En la pregunta del PHQ-9 sobre pensamientos de muerte puse casi todos los días.",
            "es",
            True,
            "self",
        ),
        (
            "Llené el cuestionario PHQ-9. En la pregunta de pensamientos de muerte puse nunca.",
            "es",
            False,
            "",
        ),
    ],
)
def test_context_rules_from_the_development_sets(
    text: str, lang: str, crisis: bool, about: str
) -> None:
    result = screen(text, lang, learned_layer=False)
    assert (result.crisis, result.about) == (crisis, about)


def test_the_engines_own_patterns_are_written_as_text_is_folded() -> None:
    # Folded text keeps a doubled letter once ("worried" is "woried"): a pattern that spells
    # it twice never matches.
    from heard.safety.screening import engine
    from heard.safety.screening.text import squeeze_pattern

    patterns = [v for v in vars(engine).values() if isinstance(v, re.Pattern)]
    assert len(patterns) > 20
    assert [p.pattern for p in patterns if squeeze_pattern(p.pattern) != p.pattern] == []


def test_quotes_in_the_explanation_come_from_the_original_text() -> None:
    result = screen("My therapist doesn't know I cut myself")
    assert result.explanation == 'Talks about hurting themself ("cut myself").'
