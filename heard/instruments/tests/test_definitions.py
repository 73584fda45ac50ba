"""The instrument definitions: valid FHIR R4 Questionnaires carrying the published wording,
LOINC codes, answer scores, licence and source, and a registry that reads them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire

from heard.instruments import registry
from heard.instruments.registry import (
    AnswerOption,
    Band,
    Instrument,
    UnknownInstrument,
    all_instruments,
    get_instrument,
)

DEFINITIONS = Path(registry.__file__).resolve().parent / "definitions"
IDS = ["phq-9", "phq-2", "gad-7", "gad-2", "who-5", "pcl-5", "pc-ptsd-5", "audit-c", "k10"]
ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
LOINC = "http://loinc.org"


def load(instrument_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DEFINITIONS / f"{instrument_id}.json").read_text("utf-8"))
    return data


def walk(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for item in items:
        found.append(item)
        found.extend(walk(item.get("item", [])))
    return found


def texts(instrument_id: str) -> list[str]:
    return [item.text for item in get_instrument(instrument_id).items]


# --- The files -----------------------------------------------------------------------------------


def test_there_is_one_definition_per_instrument_and_nothing_else() -> None:
    files = sorted(path.stem for path in DEFINITIONS.glob("*.json") if path.stem != "scoring")
    assert files == sorted(IDS)
    assert [instrument.id for instrument in all_instruments()] == IDS


def test_no_c_ssrs_wording_is_shipped() -> None:
    # Electronic C-SSRS needs a sublicence: docs/decisions/0013-cssrs-not-shipped.md.
    names = " ".join(path.name.lower() for path in DEFINITIONS.iterdir())
    assert "ssrs" not in names
    assert "columbia" not in names


@pytest.mark.parametrize("instrument_id", IDS)
def test_each_definition_is_a_valid_fhir_r4_questionnaire(instrument_id: str) -> None:
    data = load(instrument_id)
    questionnaire = Questionnaire.model_validate(data)
    assert questionnaire.id == instrument_id
    assert data["resourceType"] == "Questionnaire"
    assert data["status"] == "active"
    assert data["language"] == "en"
    assert data["url"] == f"https://heard.example/fhir/Questionnaire/{instrument_id}"
    assert data["version"]
    assert data["title"]
    assert data["publisher"]
    assert data["copyright"]
    assert data["subjectType"] == ["Patient"]


@pytest.mark.parametrize("instrument_id", IDS)
def test_each_definition_records_licence_source_name_and_recall(instrument_id: str) -> None:
    instrument = get_instrument(instrument_id)
    assert instrument.licence
    assert instrument.source
    assert "instruments.md" in instrument.source
    assert instrument.copyright == load(instrument_id)["copyright"]
    assert instrument.name.lower() == instrument_id
    assert instrument.recall


@pytest.mark.parametrize("instrument_id", IDS)
def test_link_ids_are_unique(instrument_id: str) -> None:
    link_ids = [item["linkId"] for item in walk(load(instrument_id)["item"])]
    assert len(link_ids) == len(set(link_ids))


@pytest.mark.parametrize("instrument_id", IDS)
def test_every_answer_option_has_a_score_and_a_coding(instrument_id: str) -> None:
    for item in walk(load(instrument_id)["item"]):
        if item["type"] != "choice":
            continue
        assert item["answerOption"], item["linkId"]
        for option in item["answerOption"]:
            ordinals = [e for e in option["extension"] if e["url"] == ORDINAL]
            assert len(ordinals) == 1
            assert isinstance(ordinals[0]["valueDecimal"], int)
            coding = option["valueCoding"]
            assert coding["system"]
            assert coding["code"]
            assert coding["display"]
            if coding["system"] != LOINC:
                assert coding["system"].startswith("https://heard.example/fhir/CodeSystem/")


@pytest.mark.parametrize("instrument", all_instruments(), ids=IDS)
def test_every_scored_item_scores_each_option_once_in_a_contiguous_range(
    instrument: Instrument,
) -> None:
    for item in instrument.scored_items:
        values = sorted(option.value for option in item.options)
        assert values == list(range(item.min_value, item.max_value + 1)), item.number


# --- Wording exactly as the reference ------------------------------------------------------------

PHQ_STEM = (
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
)


def test_phq9_wording_is_the_reference_text_including_em_dashes() -> None:
    phq9 = get_instrument("phq-9")
    assert phq9.stem == PHQ_STEM
    items = texts("phq-9")
    assert items[0] == "Little interest or pleasure in doing things"
    assert items[5] == (
        "Feeling bad about yourself — or that you are a failure or have let yourself or your "
        "family down"
    )
    assert items[7] == (
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
        "being so fidgety or restless that you have been moving around a lot more than usual"
    )
    assert items[8] == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert items[9] == (
        "If you checked off any problems, how difficult have these problems made it for you to "
        "do your work, take care of things at home, or get along with other people?"
    )
    assert [o.display for o in phq9.items[0].options] == [
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    ]
    assert [o.display for o in phq9.items[9].options] == [
        "Not difficult at all",
        "Somewhat difficult",
        "Very difficult",
        "Extremely difficult",
    ]


def test_phq2_and_gad2_are_the_first_two_items_of_their_parents() -> None:
    assert texts("phq-2") == texts("phq-9")[:2]
    assert texts("gad-2") == texts("gad-7")[:2]
    assert get_instrument("phq-2").stem == PHQ_STEM
    assert get_instrument("gad-2").stem == PHQ_STEM


def test_gad7_wording_is_the_camcops_text() -> None:
    assert get_instrument("gad-7").stem == PHQ_STEM
    assert texts("gad-7") == [
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    ]
    # The widely copied "not at all sure" error is not here.
    assert get_instrument("gad-7").items[0].options[0].display == "Not at all"


def test_who5_wording_and_scores() -> None:
    who5 = get_instrument("who-5")
    assert texts("who-5") == [
        "I have felt cheerful and in good spirits",
        "I have felt calm and relaxed",
        "I have felt active and vigorous",
        "I woke up feeling fresh and rested",
        "My daily life has been filled with things that interest me",
    ]
    assert [(o.display, o.value) for o in who5.items[0].options] == [
        ("All of the time", 5),
        ("Most of the time", 4),
        ("More than half of the time", 3),
        ("Less than half of the time", 2),
        ("Some of the time", 1),
        ("At no time", 0),
    ]
    assert who5.items[0].options[0].code is None  # no LOINC code for WHO-5 answers


def test_pcl5_wording_instructions_and_stem() -> None:
    pcl5 = get_instrument("pcl-5")
    assert pcl5.preamble == (
        "Instructions: Below is a list of problems that people sometimes have in response to a "
        "very stressful experience. Please read each problem carefully and then choose one of "
        "the answers to the right to indicate how much you have been bothered by that problem "
        "in the past month."
    )
    assert pcl5.stem == "In the past month, how much were you bothered by:"
    items = texts("pcl-5")
    assert len(items) == 20
    assert items[0] == "Repeated, disturbing, and unwanted memories of the stressful experience?"
    # As CamCOPS has it: no question mark on item 10.
    assert items[9] == (
        "Blaming yourself or someone else for the stressful experience or what happened after it"
    )
    assert items[15] == "Taking too many risks or doing things that could cause you harm?"
    assert items[16] == "Being “superalert” or watchful or on guard?"
    assert items[19] == "Trouble falling or staying asleep?"
    assert [(o.display, o.value) for o in pcl5.items[0].options] == [
        ("Not at all", 0),
        ("A little bit", 1),
        ("Moderately", 2),
        ("Quite a bit", 3),
        ("Extremely", 4),
    ]


def test_pc_ptsd5_wording_and_gate() -> None:
    pc = get_instrument("pc-ptsd-5")
    assert pc.preamble == (
        "Sometimes things happen to people that are unusually or especially frightening, "
        "horrible, or traumatic. For example: a serious accident or fire, a physical or sexual "
        "assault or abuse, an earthquake or flood, a war, seeing someone be killed or seriously "
        "injured, having a loved one die through homicide or suicide."
    )
    assert pc.stem == "In the past month, have you…"
    items = texts("pc-ptsd-5")
    assert items[0] == "Have you ever experienced this kind of event?"
    assert items[1] == (
        "had nightmares about the event(s) or thought about the event(s) when you did not want to?"
    )
    assert items[5] == (
        "felt guilty or unable to stop blaming yourself or others for the event(s) or any "
        "problems the event(s) may have caused?"
    )
    exposure = pc.items[0]
    assert not exposure.scored
    assert exposure.number == 1
    assert exposure.prefix is None
    assert [item.prefix for item in pc.items[1:]] == ["1.", "2.", "3.", "4.", "5."]
    assert [(o.display, o.value, o.code) for o in exposure.options] == [
        ("Yes", 1, "LA33-6"),
        ("No", 0, "LA32-8"),
    ]
    symptoms = next(i for i in load("pc-ptsd-5")["item"] if i["linkId"] == "symptoms")
    assert symptoms["enableWhen"] == [
        {
            "question": "exposure",
            "operator": "=",
            "answerCoding": {"system": LOINC, "code": "LA33-6"},
        }
    ]


def test_audit_c_uses_the_us_wording_and_says_so() -> None:
    audit = get_instrument("audit-c")
    assert audit.wording_variant is not None
    assert audit.wording_variant.startswith("US AUDIT-C")
    assert audit.preamble == (
        "Consider a “drink” to be a can or bottle of beer, a glass of wine, a wine cooler, or one "
        "cocktail or a shot of hard liquor (like scotch, gin, or vodka)."
    )
    assert texts("audit-c") == [
        "How often did you have a drink containing alcohol in the past year?",
        "How many drinks did you have on a typical day when you were drinking in the past year?",
        "How often did you have 6 or more drinks on one occasion in the past year?",
    ]
    assert [o.display for o in audit.items[1].options] == [
        "0, 1, or 2",
        "3 or 4",
        "5 or 6",
        "7, 8, or 9",
        "10 or more",
    ]


def test_k10_wording_and_one_to_five_scoring() -> None:
    k10 = get_instrument("k10")
    assert k10.stem == "In the past 4 weeks, about how often did you feel ..."
    assert texts("k10") == [
        "tired out for no good reason?",
        "nervous?",
        "so nervous that nothing could calm you down?",
        "hopeless?",
        "restless or fidgety?",
        "so restless you could not sit still?",
        "depressed?",
        "that everything was an effort?",
        "so sad that nothing could cheer you up?",
        "worthless?",
    ]
    assert [(o.display, o.value) for o in k10.items[0].options] == [
        ("None of the time", 1),
        ("A little of the time", 2),
        ("Some of the time", 3),
        ("Most of the time", 4),
        ("All of the time", 5),
    ]


# --- LOINC codes as the reference ----------------------------------------------------------------

FREQUENCY = [
    AnswerOption(0, "Not at all", "LA6568-5", LOINC, "LA6568-5"),
    AnswerOption(1, "Several days", "LA6569-3", LOINC, "LA6569-3"),
    AnswerOption(2, "More than half the days", "LA6570-1", LOINC, "LA6570-1"),
    AnswerOption(3, "Nearly every day", "LA6571-9", LOINC, "LA6571-9"),
]


def test_phq9_loinc_codes() -> None:
    phq9 = get_instrument("phq-9")
    assert phq9.loinc == "44249-1"
    assert phq9.total_code == "44261-6"
    assert [item.code for item in phq9.items] == [
        "44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
        "44258-2", "44252-5", "44253-3", "44260-8", "69722-7",
    ]  # fmt: skip
    for item in phq9.items[:9]:
        assert list(item.options) == FREQUENCY
    # LL359-1 codes are not in numeric order.
    assert [(o.value, o.code) for o in phq9.items[9].options] == [
        (0, "LA6572-7"),
        (1, "LA6573-5"),
        (2, "LA6575-0"),
        (3, "LA6574-3"),
    ]


def test_phq2_gad7_gad2_loinc_codes() -> None:
    phq2, gad7, gad2 = (get_instrument(i) for i in ("phq-2", "gad-7", "gad-2"))
    assert (phq2.loinc, phq2.total_code) == ("55757-9", "55758-7")
    assert [item.code for item in phq2.items] == ["44250-9", "44255-8"]
    assert (gad7.loinc, gad7.total_code) == ("69737-5", "70274-6")
    assert [item.code for item in gad7.items] == [
        "69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7",
    ]  # fmt: skip
    assert (gad2.loinc, gad2.total_code) == (None, None)
    assert [item.code for item in gad2.items] == ["69725-0", "68509-9"]
    for item in (*gad7.items, *gad2.items, *phq2.items):
        assert list(item.options) == FREQUENCY


def test_audit_c_loinc_codes_are_per_question() -> None:
    audit = get_instrument("audit-c")
    assert (audit.loinc, audit.total_code) == ("72109-2", "75626-2")
    assert [item.code for item in audit.items] == ["68518-0", "68519-8", "68520-6"]
    assert [o.code for o in audit.items[0].options] == [
        "LA6270-8", "LA18926-8", "LA18927-6", "LA18928-4", "LA18929-2",
    ]  # fmt: skip
    assert [o.code for o in audit.items[1].options] == [
        "LA15694-5", "LA15695-2", "LA18930-0", "LA18931-8", "LA18932-6",
    ]  # fmt: skip
    assert [o.code for o in audit.items[2].options] == [
        "LA6270-8", "LA18933-4", "LA18876-5", "LA18891-4", "LA18934-2",
    ]  # fmt: skip
    # The known error in the wild: LA18930-0 ("5 or 6") used for "2 to 3 times a week" on Q1.
    assert audit.items[0].options[3].display == "2 to 3 times a week"
    assert audit.items[0].options[3].code == "LA18928-4"


def test_pc_ptsd5_loinc_codes() -> None:
    pc = get_instrument("pc-ptsd-5")
    assert (pc.loinc, pc.total_code) == ("102010-6", "102017-1")
    assert [item.code for item in pc.items] == [
        "102011-4", "102012-2", "102013-0", "102014-8", "102015-5", "102016-3",
    ]  # fmt: skip


@pytest.mark.parametrize("instrument_id", ["who-5", "pcl-5", "k10"])
def test_instruments_without_loinc_codes_have_none(instrument_id: str) -> None:
    instrument = get_instrument(instrument_id)
    assert instrument.loinc is None
    assert instrument.total_code is None
    assert all(item.code is None for item in instrument.items)
    assert "code" not in load(instrument_id)


# --- The registry --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("instrument_id", "name", "items", "low", "high", "recall"),
    [
        ("phq-9", "PHQ-9", 10, 0, 27, "last 2 weeks"),
        ("phq-2", "PHQ-2", 2, 0, 6, "last 2 weeks"),
        ("gad-7", "GAD-7", 7, 0, 21, "last 2 weeks"),
        ("gad-2", "GAD-2", 2, 0, 6, "last 2 weeks"),
        ("who-5", "WHO-5", 5, 0, 25, "last two weeks"),
        ("pcl-5", "PCL-5", 20, 0, 80, "past month"),
        ("pc-ptsd-5", "PC-PTSD-5", 6, 0, 5, "past month"),
        ("audit-c", "AUDIT-C", 3, 0, 12, "past year"),
        ("k10", "K10", 10, 10, 50, "past 4 weeks"),
    ],
)
def test_registry_shape(
    instrument_id: str, name: str, items: int, low: int, high: int, recall: str
) -> None:
    instrument = get_instrument(instrument_id)
    assert instrument.name == name
    assert len(instrument.items) == items
    assert [item.number for item in instrument.items] == list(range(1, items + 1))
    assert (instrument.min_total, instrument.max_total) == (low, high)
    assert instrument.recall == recall
    assert instrument.higher_is_better is (instrument_id == "who-5")
    assert instrument.questionnaire["id"] == instrument_id
    assert instrument.language == "en"


def test_titles() -> None:
    assert get_instrument("phq-9").title == "Patient Health Questionnaire-9"
    assert get_instrument("gad-7").title == "Generalized Anxiety Disorder-7"
    assert get_instrument("pcl-5").title == "PTSD Checklist for DSM-5"


def test_only_phq9_item_10_and_the_pc_ptsd5_gate_are_unscored() -> None:
    unscored = [
        (instrument.id, item.number)
        for instrument in all_instruments()
        for item in instrument.items
        if not item.scored
    ]
    assert unscored == [("phq-9", 10), ("pc-ptsd-5", 1)]


@pytest.mark.parametrize(
    ("instrument_id", "bands"),
    [
        (
            "phq-9",
            [(0, 4, "none/minimal"), (5, 9, "mild"), (10, 14, "moderate"),
             (15, 19, "moderately severe"), (20, 27, "severe")],
        ),
        ("gad-7", [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate"), (15, 21, "severe")]),
        ("k10", [(10, 19, "likely well"), (20, 24, "mild"), (25, 29, "moderate"),
                 (30, 50, "severe")]),
        ("phq-2", []),
        ("gad-2", []),
        ("who-5", []),
        ("pcl-5", []),
        ("pc-ptsd-5", []),
        ("audit-c", []),
    ],
)  # fmt: skip
def test_bands_are_the_reference_bands(
    instrument_id: str, bands: list[tuple[int, int, str]]
) -> None:
    instrument = get_instrument(instrument_id)
    assert instrument.bands == tuple(Band(*band) for band in bands)


@pytest.mark.parametrize(
    "instrument", [i for i in all_instruments() if i.bands], ids=lambda i: i.id
)
def test_bands_cover_the_whole_range_without_gaps(instrument: Instrument) -> None:
    assert instrument.bands[0].lower == instrument.min_total
    assert instrument.bands[-1].upper == instrument.max_total
    for below, above in zip(instrument.bands, instrument.bands[1:], strict=False):
        assert above.lower == below.upper + 1
    assert instrument.band_for(instrument.max_total + 1) is None
    assert instrument.band_rank(instrument.min_total) == 0


def test_band_for_without_bands_is_none() -> None:
    assert get_instrument("who-5").band_for(10) is None
    assert get_instrument("who-5").band_rank(10) is None


@pytest.mark.parametrize(
    ("instrument_id", "points"),
    [
        ("phq-9", 6),
        ("gad-7", 4),
        ("who-5", 3),  # 10 index points = 2.5 raw: 3 raw points is the first that reaches it
        ("pcl-5", 15),
        ("phq-2", None),
        ("gad-2", None),
        ("pc-ptsd-5", None),
        ("audit-c", None),
        ("k10", None),
    ],
)
def test_reliable_change_thresholds(instrument_id: str, points: int | None) -> None:
    assert get_instrument(instrument_id).reliable_change == points


def test_critical_items_are_only_the_published_ones() -> None:
    critical = {
        instrument.id: [rule.item for rule in instrument.critical_items]
        for instrument in all_instruments()
        if instrument.critical_items
    }
    assert critical == {"phq-9": [9]}
    assert [rule.item for rule in get_instrument("pcl-5").flag_items] == [16]


def test_every_threshold_in_the_configuration_has_a_source() -> None:
    config = registry.scoring_config()
    sections = ("bands", "caseness", "reliable_change", "skipped", "subscales", "algorithm", "gate")
    for instrument_id, entry in config["instruments"].items():
        assert entry["direction"] in {"higher-is-worse", "higher-is-better"}
        assert "caseness" in entry, instrument_id
        for section in sections:
            if section in entry:
                assert "instruments.md" in entry[section]["source"], (instrument_id, section)
        for rule in (*entry.get("critical", ()), *entry.get("flags", ())):
            assert rule["source"], instrument_id
    assert config["nhs_talking_therapies"]["source"]


def test_item_lookup_by_number() -> None:
    phq9 = get_instrument("phq-9")
    assert phq9.item(9).code == "44260-8"
    with pytest.raises(KeyError):
        phq9.item(11)


def test_option_for_an_unknown_value_is_none() -> None:
    item = get_instrument("gad-7").items[0]
    assert item.option_for(2) == FREQUENCY[2]
    assert item.option_for(4) is None


def test_unknown_instrument_is_a_key_error_that_lists_the_known_ones() -> None:
    with pytest.raises(UnknownInstrument) as info:
        get_instrument("phq-8")
    assert isinstance(info.value, KeyError)
    assert info.value.instrument_id == "phq-8"
    assert str(info.value) == (
        "Unknown instrument 'phq-8'; the instruments are: phq-9, phq-2, gad-7, gad-2, who-5, "
        "pcl-5, pc-ptsd-5, audit-c, k10."
    )


def test_definitions_are_loaded_once() -> None:
    assert get_instrument("phq-9") is get_instrument("phq-9")
