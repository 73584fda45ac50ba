"""Which question comes next, with the PC-PTSD-5 and K10 skip rules."""

from heard.instruments import flow


def test_items_come_in_order_and_skips_count_as_reached():
    assert flow.next_item("phq-9", 10, {}) == 1
    assert flow.next_item("phq-9", 10, {"1": 2, "2": None}) == 3
    assert flow.next_item("phq-9", 10, {str(n): 0 for n in range(1, 11)}) is None


def test_no_trauma_exposure_ends_the_pc_ptsd_5():
    assert flow.next_item("pc-ptsd-5", 6, {"1": 0}) is None
    assert flow.next_item("pc-ptsd-5", 6, {"1": 1}) == 2
    assert flow.asked_items("pc-ptsd-5", 6, {"1": 0}) == [1]
    assert flow.asked_items("pc-ptsd-5", 6, {"1": None}) == [1, 2, 3, 4, 5, 6]


def test_k10_skips_items_3_and_6_after_none_of_the_time():
    answers = {"1": 2, "2": 1}
    assert flow.next_item("k10", 10, answers) == 4
    answers.update({"4": 3, "5": 1})
    assert flow.next_item("k10", 10, answers) == 7
    assert flow.asked_items("k10", 10, answers) == [1, 2, 4, 5, 7, 8, 9, 10]


def test_changing_a_gate_answer_drops_answers_it_no_longer_asks():
    answers = {"1": 1, "2": 1, "3": 0}
    assert flow.prune("pc-ptsd-5", {**answers, "1": 0}) == {"1": 0}
    assert flow.prune("pc-ptsd-5", answers) == answers
