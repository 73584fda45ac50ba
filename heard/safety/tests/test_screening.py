"""Crisis screening: what `screen` decides for each kind of message, in English and Spanish.

Every sentence here was written for these tests (none comes from bench/data).
"""

from __future__ import annotations

import pytest

from heard.safety.screening import CATEGORIES, LEVELS, Evidence, Screening, screen

# (text, level, crisis, label, categories, about)
CRISES = [
    # suicidal thoughts, direct and indirect
    ("I really want to die.", "urgent", "ideation", ("suicide",)),
    ("honestly i just wanna die", "urgent", "ideation", ("suicide",)),
    ("I don't want to live anymore.", "urgent", "ideation", ("suicide",)),
    ("I don't want to be here anymore", "urgent", "ideation", ("suicide",)),
    ("Everyone would be better off without me.", "urgent", "ideation", ("suicide",)),
    ("I'm such a burden on my family.", "urgent", "ideation", ("suicide",)),
    ("There's no reason to keep living.", "urgent", "ideation", ("suicide",)),
    ("I can't go on like this.", "urgent", "ideation", ("suicide",)),
    ("I won't be a problem for you much longer.", "urgent", "ideation", ("suicide",)),
    ("I keep thinking about killing myself.", "urgent", "ideation", ("suicide",)),
    ("Been feeling suicidal since Sunday.", "urgent", "ideation", ("suicide",)),
    ("I wish I'd never been born.", "urgent", "ideation", ("suicide",)),
    ("I hope I just don't wake up tomorrow", "urgent", "ideation", ("suicide",)),
    ("Nobody would even notice if I disappeared.", "urgent", "ideation", ("suicide",)),
    ("my sister died by suicide and now I want to join her", "urgent", "ideation", ("suicide",)),
    ("I want to die. I'm fine though, don't worry.", "urgent", "ideation", ("suicide",)),
    # slang, misspellings, emoji
    ("gonna kms fr", "acute", "acute", ("suicide",)),
    ("thinking about unaliving myself again", "urgent", "ideation", ("suicide",)),
    ("lowkey want to sewerslide", "urgent", "ideation", ("suicide",)),
    ("i feel so sucidal", "urgent", "ideation", ("suicide",)),
    ("im suicdal again", "urgent", "ideation", ("suicide",)),
    ("i want to killmyself", "urgent", "ideation", ("suicide",)),
    ("I want to k1ll myself", "urgent", "ideation", ("suicide",)),
    ("i dont wanna b alive", "urgent", "ideation", ("suicide",)),
    ("I want to diiiie", "urgent", "ideation", ("suicide",)),
    ("ready for the 🪦", "urgent", "ideation", ("suicide",)),
    # acute: plan, means, time, attempt, goodbye
    ("I want to die and I have the pills saved up.", "acute", "acute", ("suicide",)),
    ("I've decided to end it tonight after everyone's asleep.", "acute", "acute", ("suicide",)),
    ("I just took a whole bottle of my sleeping pills", "acute", "acute", ("suicide",)),
    ("I'm standing on the bridge right now", "acute", "acute", ("suicide",)),
    ("This is my goodbye. I love you all.", "acute", "acute", ("suicide",)),
    ("I'm giving away all my stuff, I won't need it.", "acute", "acute", ("suicide",)),
    ("I tried to kill myself last night.", "acute", "acute", ("suicide",)),
    ("I have a plan and a date picked.", "acute", "acute", ("suicide",)),
    # self-harm
    ("I cut myself again last night.", "urgent", "self_harm", ("self_harm",)),
    ("the urge to cut is so strong", "urgent", "self_harm", ("self_harm",)),
    ("relapsed on sh after 3 months", "urgent", "self_harm", ("self_harm",)),
    ("I've been burning my arm with a lighter", "urgent", "self_harm", ("self_harm",)),
    ("I keep hitting myself when I mess up", "urgent", "self_harm", ("self_harm",)),
    ("skipping meals to punish myself", "urgent", "self_harm", ("self_harm",)),
    # harm to others
    (
        "I'm going to stab my stepdad when he gets home.",
        "urgent",
        "harm_to_others",
        ("harm_to_others",),
    ),
    ("I want to hurt that teacher so badly", "urgent", "harm_to_others", ("harm_to_others",)),
    (
        "I'm bringing my dad's gun to school tomorrow",
        "acute",
        "harm_to_others",
        ("harm_to_others",),
    ),
    # abuse and being unsafe
    ("My stepdad beats me when he's drunk.", "urgent", "abuse", ("abuse_or_unsafe",)),
    ("He chokes me during fights.", "urgent", "abuse", ("abuse_or_unsafe",)),
    ("I'm scared to go home tonight.", "urgent", "abuse", ("abuse_or_unsafe",)),
    ("my uncle touched me and told me it's our secret", "urgent", "abuse", ("abuse_or_unsafe",)),
    ("They kicked me out and I have nowhere to go.", "urgent", "abuse", ("abuse_or_unsafe",)),
    (
        "My husband controls all my money and takes my phone",
        "urgent",
        "abuse",
        ("abuse_or_unsafe",),
    ),
    ("someone keeps following me home from work", "urgent", "abuse", ("abuse_or_unsafe",)),
    # Spanish
    ("Me quiero morir.", "urgent", "ideation", ("suicide",)),
    ("Ya no quiero vivir.", "urgent", "ideation", ("suicide",)),
    ("Estoy pensando en quitarme la vida.", "urgent", "ideation", ("suicide",)),
    ("Ya no aguanto más.", "urgent", "ideation", ("suicide",)),
    ("Siento que soy una carga para todos.", "urgent", "ideation", ("suicide",)),
    ("Ojalá no despertara mañana.", "urgent", "ideation", ("suicide",)),
    ("kiero morirme ya", "urgent", "ideation", ("suicide",)),
    ("Esta noche me mato, ya tengo las pastillas.", "acute", "acute", ("suicide",)),
    ("Me despido de todos, gracias por todo.", "acute", "acute", ("suicide",)),
    ("Me corto los brazos cuando estoy sola.", "urgent", "self_harm", ("self_harm",)),
    ("Tengo ganas de lastimarme otra vez.", "urgent", "self_harm", ("self_harm",)),
    ("Lo voy a matar cuando lo vea.", "urgent", "harm_to_others", ("harm_to_others",)),
    ("Mi papá me pega con el cinturón.", "urgent", "abuse", ("abuse_or_unsafe",)),
    ("Tengo miedo de volver a casa.", "urgent", "abuse", ("abuse_or_unsafe",)),
    ("Mi novio me amenaza con quitarme a mi hijo.", "urgent", "abuse", ("abuse_or_unsafe",)),
    # code-switching
    ("honestly ya no quiero vivir", "urgent", "ideation", ("suicide",)),
]


@pytest.mark.parametrize(("text", "level", "label", "categories"), CRISES)
def test_it_flags_a_crisis_of_the_writer(
    text: str, level: str, label: str, categories: tuple[str, ...]
) -> None:
    result = screen(text)
    assert (result.level, result.label, result.categories) == (level, label, categories)
    assert result.crisis is True
    assert result.about == "self"
    assert any(item.effect == "signal" for item in result.evidence)


NOT_CRISES = [
    # negation
    ("I'm not suicidal, just exhausted.", "none", ""),
    ("I would never hurt myself, I promise.", "none", ""),
    ("No thoughts of self harm this week.", "none", ""),
    ("I don't want to die, I want things to change.", "none", ""),
    ("No me quiero morir, solo estoy cansada.", "none", ""),
    ("Sin ganas de hacerme daño, tranquila.", "none", ""),
    # idioms and hyperbole
    ("This exam is killing me.", "none", ""),
    ("I'd kill for a coffee right now", "none", ""),
    ("I'm dying to see that film", "none", ""),
    ("I'm dead tired after the shift", "none", ""),
    ("That cake was to die for", "none", ""),
    ("lmao i'm dead 💀", "none", ""),
    ("if I have to sit through one more meeting I'll kill myself lol", "none", ""),
    ("Me muero de risa con este video jajaja", "none", ""),
    ("Me muero de hambre", "none", ""),
    ("Este examen me está matando", "none", ""),
    ("I cut myself shaving this morning", "none", ""),
    ("my mom will kill me if I'm late again", "none", ""),
    # media, fiction, games and teaching
    ("The song is about a guy who wants to kill himself.", "none", ""),
    ("In the film the character says he wants to die.", "none", ""),
    ("I finally beat the boss, killed him in one hit", "none", ""),
    ("We had suicide prevention training at work today", "none", ""),
    ("La canción habla de alguien que se quiere morir.", "none", ""),
    # everyday
    ("Rough day at work, I'm so stressed.", "none", ""),
    ("I'm sad that my holiday is over.", "none", ""),
    ("I'm furious with my brother for borrowing my car", "none", ""),
    ("", "none", ""),
]


@pytest.mark.parametrize(("text", "level", "about"), NOT_CRISES)
def test_it_does_not_flag_what_is_not_a_crisis(text: str, level: str, about: str) -> None:
    result = screen(text)
    assert (result.crisis, result.level, result.label) == (False, level, "none")
    assert result.about == about


HISTORY = [
    "Two years ago I tried to kill myself. Now I'm doing well.",
    "I used to cut myself when I was in high school, I've been clean for 4 years.",
    "When I was 15 I wanted to die every day; now I'm in a good place.",
    "Hace años intenté quitarme la vida, ahora estoy bien.",
]


@pytest.mark.parametrize("text", HISTORY)
def test_history_told_as_history_is_not_a_crisis(text: str) -> None:
    result = screen(text)
    assert (result.crisis, result.about, result.level, result.label) == (
        False,
        "past",
        "none",
        "none",
    )
    assert any(item.effect == "history" for item in result.evidence)
    assert "past experience" in result.explanation


def test_history_without_recovery_is_a_concern() -> None:
    result = screen("Years ago I attempted suicide.")
    assert (result.level, result.about, result.crisis) == ("concern", "past", False)


def test_a_recent_attempt_is_not_history() -> None:
    result = screen("Two years ago I started therapy, but I tried to kill myself last night.")
    assert (result.level, result.crisis) == ("acute", True)


THIRD_PARTY = [
    ("my friend talks about ending it", ("suicide",)),
    ("My brother says he wants to kill himself, what do I do?", ("suicide",)),
    ("I'm worried my daughter is cutting herself.", ("self_harm",)),
    ("Mi amiga dice que se quiere matar.", ("suicide",)),
    ("Mi hermano se corta los brazos.", ("self_harm",)),
]


@pytest.mark.parametrize(("text", "categories"), THIRD_PARTY)
def test_worry_about_someone_else_is_a_concern_not_a_crisis(
    text: str, categories: tuple[str, ...]
) -> None:
    result = screen(text)
    assert (result.level, result.crisis, result.about, result.label) == (
        "concern",
        False,
        "someone_else",
        "none",
    )
    assert result.categories == categories
    assert "helping someone else" in result.explanation
    assert any(item.effect == "third_party" for item in result.evidence)


def test_a_weak_signal_is_a_concern() -> None:
    result = screen("I feel so hopeless.")
    assert (result.level, result.crisis, result.label, result.about) == (
        "concern",
        False,
        "none",
        "self",
    )


def test_evidence_spans_point_into_the_original_text() -> None:
    text = "Honestly?  I DON\u2019T want to LIVE anymore 😔"
    result = screen(text)
    signal = next(item for item in result.evidence if item.effect == "signal")
    assert text[signal.start : signal.end] == signal.text == "DON\u2019T want to LIVE"
    assert signal.rule == "en.ideation.dont_want_to_live"
    assert signal.category == "suicide"


def test_accents_are_kept_in_spanish_evidence() -> None:
    text = "Ya no aguanto más, quiero suicidarme."
    result = screen(text, "es")
    quotes = {item.text for item in result.evidence}
    assert "Ya no aguanto más" in quotes


def test_the_explanation_quotes_the_words_and_says_whether_there_is_a_plan() -> None:
    plain = screen("I want to die")
    assert plain.explanation == (
        'Talks about wanting to die ("want to die"). No plan or time mentioned.'
    )
    planned = screen("I want to die tonight")
    assert planned.level == "acute"
    assert 'Mentions a time ("tonight").' in planned.explanation


def test_negation_explanation() -> None:
    result = screen("I don't want to kill myself.")
    assert result.explanation == (
        'Nothing of concern: "want to kill myself" is denied or hypothetical.'
    )
    assert {item.effect for item in result.evidence} == {"negation"}
    assert result.evidence[0].category == ""
    assert result.evidence[0].text == "don't"


def test_nothing_found() -> None:
    result = screen("Lovely walk in the park today.")
    assert result == Screening(
        "none", (), (), "Nothing of concern found.", "", False, "none", semantic_used=False
    )


def test_levels_and_categories_are_public_constants() -> None:
    assert LEVELS == ("none", "concern", "urgent", "acute")
    assert CATEGORIES == ("suicide", "self_harm", "harm_to_others", "abuse_or_unsafe")
    assert Evidence(0, 1, "x", "r", "", "negation").effect == "negation"


def test_laughter_does_not_cancel_what_the_writer_says_is_serious() -> None:
    assert screen("kms lol").crisis is False
    assert screen("kms lol, no joke I mean it").crisis is True


def test_categories_come_in_a_fixed_order() -> None:
    result = screen("My dad hits me and I want to kill myself.")
    assert result.categories == ("suicide", "abuse_or_unsafe")
    assert result.label == "ideation"


def test_means_with_a_time_is_acute_without_other_words() -> None:
    result = screen("I've got the rope hidden and it's happening tonight.")
    assert (result.level, result.label) == ("acute", "acute")
    assert any(item.rule == "engine.acute.means_and_time" for item in result.evidence)
