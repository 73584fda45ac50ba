"""The skills library content: complete, the same in both languages, plain, honest and gentle."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
import textstat  # type: ignore[import-untyped]
from django.utils import translation
from django.utils.translation import gettext

from heard.listening.reflect import SKILL_KEYS
from heard.skills.library import (
    DATA,
    HELPS_WITH,
    KINDS,
    LANGUAGES,
    PLAYERS,
    TAGS,
    Skill,
    all_skills,
    get_skill,
)

# What issue 6 asks the library to cover, and the skills that cover it.
ISSUE_TOPICS = {
    "mindfulness": ("mindful_minute", "body_scan", "leaves_on_a_stream", "mindful_walking"),
    "paced and box breathing": ("paced_breathing", "box_breathing"),
    "5-4-3-2-1 grounding": ("grounding_54321",),
    "progressive muscle relaxation": ("progressive_muscle_relaxation",),
    "behavioural activation": ("activity_planning", "one_small_step"),
    "thought record": ("thought_record",),
    "self-compassion break": ("self_compassion_break",),
    "sleep routine": ("sleep_winddown", "cant_sleep"),
    "gentle movement and yoga": ("gentle_movement", "chair_yoga", "gentle_stretch"),
    "values": ("values_check",),
    "problem solving": ("problem_solving",),
    "reaching out": ("reach_out", "asking_for_help"),
}
# Tags that ask something of the body or of memory: these skills must say how to go gently.
SENSITIVE_TAGS = {"breath_focus", "body_focus", "eyes_closed", "physical_effort", "memories"}
# Fields that must match across languages (only the words are translated).
SHARED_FIELDS = ("key", "kind", "minutes", "player", "pattern", "tags", "helps_with")


def skill_text(skill: Skill) -> str:
    return " ".join(
        [
            skill.title,
            skill.summary,
            skill.purpose,
            *skill.steps,
            skill.content_note,
            skill.evidence,
        ]
    )


def every_skill() -> Iterator[Skill]:
    for lang in LANGUAGES:
        yield from all_skills(lang)


ALL = list(every_skill())
# The same skills as test parameters, named by language and key.
EACH = [pytest.param(s, id=f"{lang}:{s.key}") for lang in LANGUAGES for s in all_skills(lang)]
EN = all_skills("en")
ES = all_skills("es")


def by_key(skills: list[Skill]) -> dict[str, Skill]:
    return {s.key: s for s in skills}


def test_the_library_has_at_least_25_skills_in_each_language():
    assert len(EN) >= 25
    assert len(ES) >= 25


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_data_file_has_no_duplicate_keys_or_titles(lang):
    raw = json.loads((DATA / f"skills_{lang}.json").read_text(encoding="utf-8"))["skills"]
    keys = [item["key"] for item in raw]
    titles = [item["title"] for item in raw]
    assert len(keys) == len(set(keys)) == len(all_skills(lang))
    assert len(titles) == len(set(titles))


def test_both_languages_have_the_same_skills_in_the_same_order():
    assert [s.key for s in EN] == [s.key for s in ES]


@pytest.mark.parametrize("key", [s.key for s in EN])
def test_only_the_words_differ_between_languages(key):
    en, es = get_skill(key, "en"), get_skill(key, "es")
    assert en is not None
    assert es is not None
    for field in SHARED_FIELDS:
        assert getattr(en, field) == getattr(es, field), field
    assert len(en.steps) == len(es.steps)
    assert bool(en.content_note) == bool(es.content_note)
    assert en.title != es.title


@pytest.mark.parametrize("skill", EACH)
def test_every_value_comes_from_the_shared_vocabularies(skill):
    assert re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", skill.key)
    assert skill.kind in KINDS
    assert skill.tags <= TAGS.keys()
    assert skill.helps_with <= HELPS_WITH.keys()
    assert 1 <= len(skill.helps_with) <= 4
    assert skill.player in PLAYERS


def test_every_kind_has_at_least_one_skill():
    assert {s.kind for s in EN} == set(KINDS)


def test_every_skill_active_listening_offers_exists():
    for lang in LANGUAGES:
        missing = [key for key in SKILL_KEYS if get_skill(key, lang) is None]
        assert not missing, (lang, missing)


@pytest.mark.parametrize("topic", ISSUE_TOPICS)
def test_every_topic_the_issue_names_is_covered(topic):
    for key in ISSUE_TOPICS[topic]:
        assert get_skill(key, "en") is not None, key
        assert get_skill(key, "es") is not None, key


def test_skills_are_grouped_as_expected():
    en = by_key(EN)
    assert {en[k].kind for k in ISSUE_TOPICS["mindfulness"]} == {"mindfulness"}
    assert en["progressive_muscle_relaxation"].kind == "relaxation"
    assert {en[k].kind for k in ISSUE_TOPICS["behavioural activation"]} == {"activation"}
    assert en["thought_record"].kind == "thinking"
    assert {en[k].kind for k in ISSUE_TOPICS["sleep routine"]} == {"sleep"}
    assert {en[k].kind for k in ISSUE_TOPICS["gentle movement and yoga"]} == {"movement"}
    assert {en[k].kind for k in ISSUE_TOPICS["reaching out"]} == {"connection"}


@pytest.mark.parametrize("skill", EACH)
def test_every_skill_has_a_purpose_steps_a_duration_and_an_evidence_note(skill):
    assert skill.title.strip()
    assert skill.summary.strip()
    assert skill.purpose.strip()
    assert 4 <= len(skill.steps) <= 9
    assert all(step.strip() for step in skill.steps)
    assert 1 <= skill.minutes <= 60
    assert skill.evidence.strip()


@pytest.mark.parametrize("skill", EACH)
def test_only_breathing_skills_have_a_pace_and_theirs_is_usable(skill):
    if skill.player == "breathing":
        assert skill.kind == "breathing"
        assert len(skill.pattern) == 4
        breathe_in, hold_in, breathe_out, hold_out = skill.pattern
        assert breathe_in > 0
        assert breathe_out > 0
        assert hold_in >= 0
        assert hold_out >= 0
        assert "breath_focus" in skill.tags
    else:
        assert skill.pattern == ()


def test_the_paced_and_box_patterns():
    assert get_skill("paced_breathing", "en").pattern == (4, 0, 6, 0)
    assert get_skill("box_breathing", "en").pattern == (4, 4, 4, 4)


def test_guided_players_are_used_where_they_help():
    en = by_key(EN)
    assert {en["paced_breathing"].player, en["box_breathing"].player} == {"breathing"}
    for key in ("grounding_54321", "body_scan", "progressive_muscle_relaxation", "chair_yoga"):
        assert en[key].player == "steps", key
    # Writing exercises are read, not played.
    for key in ("thought_record", "activity_planning", "problem_solving", "values_check"):
        assert en[key].player == "", key


@pytest.mark.parametrize("skill", EACH)
def test_skills_that_ask_for_body_breath_eyes_closed_or_memories_say_how_to_go_gently(skill):
    if skill.tags & SENSITIVE_TAGS:
        note = skill.content_note.lower()
        assert note, "needs a content note"
        assert re.search(r"\b(stop|skip|parar|sáltate|saltarte|dejar)\b", note), note


@pytest.mark.parametrize("skill", EACH)
def test_physical_skills_suggest_checking_with_a_health_professional(skill):
    if "physical_effort" in skill.tags:
        note = skill.content_note.lower()
        assert "health professional" in note or "profesional de la salud" in note


def test_tags_honestly_mark_what_the_exercises_ask():
    en = by_key(EN)
    assert "breath_focus" in en["paced_breathing"].tags
    assert {"body_focus", "eyes_closed"} <= en["body_scan"].tags
    assert "body_focus" in en["progressive_muscle_relaxation"].tags
    assert "memories" in en["safe_place_imagery"].tags
    for key in ("gentle_movement", "chair_yoga", "gentle_stretch"):
        assert "physical_effort" in en[key].tags, key
    for key in ("reach_out", "asking_for_help"):
        assert "talking_to_others" in en[key].tags, key
    # Grounding with the senses asks none of these, so it can be offered to anyone.
    assert en["grounding_54321"].tags == frozenset()


def test_the_cold_water_skill_warns_about_health_conditions():
    assert "heart" in get_skill("cold_water_reset", "en").content_note
    assert "corazón" in get_skill("cold_water_reset", "es").content_note


@pytest.mark.parametrize("skill", EACH)
def test_evidence_notes_invent_no_statistics_and_promise_nothing(skill):
    text = skill_text(skill).lower()
    assert not re.search(r"\d+ ?%|\bp ?[<=]|et al\.?|\b(19|20)\d\d\b", skill.evidence.lower())
    assert not re.search(r"\d", skill.evidence)
    forbidden = r"\b(proven|guarantee\w*|will fix|demostrad\w+|garantiz\w+)"
    assert not re.search(forbidden, text), text
    # "a helper, not a cure" is fine; any other mention of a cure is not.
    assert text.count("cure") == text.count("not a cure")
    assert text.count("cura") == text.count("no una cura")


@pytest.mark.parametrize("skill", EACH)
def test_no_medication_advice_and_no_diagnosis(skill):
    text = skill_text(skill).lower()
    assert not re.search(r"\b(medication|medicine|pills?|dose|medicamento\w*|pastilla\w*)\b", text)
    assert not re.search(r"\byou (have|may have|might have) (depression|anxiety|ptsd)\b", text)


def test_suicide_is_only_mentioned_where_help_is_offered():
    for skill in ALL:
        mentions = "suicid" in skill_text(skill).lower()
        assert mentions == (skill.key == "reach_out"), skill.key


def test_reach_out_points_to_the_help_button_by_its_real_name():
    assert "Get help now" in " ".join(get_skill("reach_out", "en").steps)
    with translation.override("es"):
        label = gettext("Get help now")
    assert label != "Get help now"
    assert label in " ".join(get_skill("reach_out", "es").steps)


def test_get_skill_falls_back_to_english_and_knows_unknown_keys():
    assert get_skill("box_breathing", "fr") == get_skill("box_breathing", "en")
    assert get_skill("box_breathing", "es-mx") == get_skill("box_breathing", "es")
    assert get_skill("no_such_skill", "en") is None
    assert get_skill("no_such_skill", "es") is None
    assert [s.key for s in all_skills("de")] == [s.key for s in EN]


def test_the_active_language_is_used_by_default():
    with translation.override("es"):
        assert get_skill("box_breathing") == get_skill("box_breathing", "es")
        assert all_skills() == ES
    with translation.override("en"):
        assert all_skills() == EN


def test_all_skills_in_spanish_are_in_spanish():
    titles = {s.key: s.title for s in all_skills("es")}
    assert titles["box_breathing"] == "Respiración cuadrada"
    assert titles["grounding_54321"] == "Anclaje 5-4-3-2-1"
    english_titles = {s.title for s in EN}
    assert not english_titles & set(titles.values())


@pytest.fixture(scope="module")
def reading_levels() -> dict[tuple[str, str], float]:
    """Flesch-Kincaid grade for English, Fernández Huerta ease for Spanish, for each skill.

    textstat keeps its language in a global, so it is switched here once and always put back.
    """
    levels: dict[tuple[str, str], float] = {}
    for skill in EN:
        levels["en", skill.key] = textstat.flesch_kincaid_grade(skill_text(skill))
    textstat.set_lang("es")
    try:
        for skill in ES:
            levels["es", skill.key] = textstat.fernandez_huerta(skill_text(skill))
    finally:
        textstat.set_lang("en_US")
    return levels


@pytest.mark.parametrize("key", [s.key for s in EN])
def test_english_reads_at_about_grade_8_or_below(reading_levels, key):
    assert reading_levels["en", key] <= 8.5


@pytest.mark.parametrize("key", [s.key for s in EN])
def test_spanish_is_easy_to_read(reading_levels, key):
    # Fernández Huerta: 60-70 is "normal", above 70 is "easy".
    assert reading_levels["es", key] >= 60


def test_the_reading_check_can_fail():
    hard = (
        "Notwithstanding considerable heterogeneity, contemporaneous psychophysiological "
        "investigations substantiate diaphragmatic respiration's parasympathetic consequences."
    )
    assert textstat.flesch_kincaid_grade(hard) > 8.5
