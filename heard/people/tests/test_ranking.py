"""The caseload ranking rules, table-driven (pure: no database)."""

from __future__ import annotations

import pytest

from heard.people.ranking import Facts, Reason, ReasonCode, Tier, rank, reasons_for

LIMITS = {"no_contact_days": 21, "not_on_track_sessions": 6}


@pytest.mark.parametrize(
    ("facts", "tier", "reasons"),
    [
        (Facts("A"), Tier.STEADY, ()),
        (
            Facts("A", open_alerts=2, highest_alert="urgent"),
            Tier.ALERT,
            (Reason(ReasonCode.ALERT, 2, "urgent"),),
        ),
        (Facts("A", deteriorated=True), Tier.DETERIORATION, (Reason(ReasonCode.DETERIORATION),)),
        (Facts("A", overdue_measures=1), Tier.OVERDUE, (Reason(ReasonCode.OVERDUE, 1),)),
        # The contact limit is inclusive: 21 days is flagged, 20 is not.
        (Facts("A", days_since_contact=21), Tier.NO_CONTACT, (Reason(ReasonCode.NO_CONTACT, 21),)),
        (Facts("A", days_since_contact=20), Tier.STEADY, ()),
        (Facts("A", days_since_contact=None), Tier.STEADY, ()),
        # Not on track: enough sessions and no reliable improvement in the episode.
        (Facts("A", episode_sessions=6), Tier.NOT_ON_TRACK, (Reason(ReasonCode.NOT_ON_TRACK, 6),)),
        (Facts("A", episode_sessions=5), Tier.STEADY, ()),
        (Facts("A", episode_sessions=9, improved_in_episode=True), Tier.STEADY, ()),
        (Facts("A", episode_sessions=None), Tier.STEADY, ()),
        # Every reason is kept, most pressing first; the tier is the first one's.
        (
            Facts(
                "A",
                open_alerts=1,
                highest_alert="concern",
                deteriorated=True,
                overdue_measures=2,
                days_since_contact=30,
                episode_sessions=7,
            ),
            Tier.ALERT,
            (
                Reason(ReasonCode.ALERT, 1, "concern"),
                Reason(ReasonCode.DETERIORATION),
                Reason(ReasonCode.OVERDUE, 2),
                Reason(ReasonCode.NO_CONTACT, 30),
                Reason(ReasonCode.NOT_ON_TRACK, 7),
            ),
        ),
        (
            Facts("A", overdue_measures=1, episode_sessions=8),
            Tier.OVERDUE,
            (Reason(ReasonCode.OVERDUE, 1), Reason(ReasonCode.NOT_ON_TRACK, 8)),
        ),
    ],
)
def test_each_client_gets_its_tier_and_every_reason(
    facts: Facts, tier: Tier, reasons: tuple[Reason, ...]
) -> None:
    assert reasons_for(facts, **LIMITS) == reasons
    (ranked,) = rank([("x", facts)], **LIMITS)
    assert ranked.tier is tier
    assert ranked.reasons == reasons
    assert ranked.needs_attention is (tier is not Tier.STEADY)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Tiers in order: alert, deterioration, overdue, no contact, not on track, steady.
        (
            [
                Facts("steady"),
                Facts("not on track", episode_sessions=6),
                Facts("no contact", days_since_contact=40),
                Facts("overdue", overdue_measures=1),
                Facts("worse", deteriorated=True),
                Facts("alert", open_alerts=1, highest_alert="concern"),
            ],
            ["alert", "worse", "overdue", "no contact", "not on track", "steady"],
        ),
        # Acute before urgent before concern, whatever the names.
        (
            [
                Facts("Ann", open_alerts=3, highest_alert="concern"),
                Facts("Bo", open_alerts=1, highest_alert="acute"),
                Facts("Cy", open_alerts=1, highest_alert="urgent"),
            ],
            ["Bo", "Cy", "Ann"],
        ),
        # Same level: more open alerts first, then by name.
        (
            [
                Facts("Ann", open_alerts=1, highest_alert="urgent"),
                Facts("Bo", open_alerts=2, highest_alert="urgent"),
                Facts("Al", open_alerts=1, highest_alert="urgent"),
            ],
            ["Bo", "Al", "Ann"],
        ),
        # An unknown level is never played down; a missing one sorts last among alerts.
        (
            [
                Facts("Ann", open_alerts=1, highest_alert="acute"),
                Facts("Bo", open_alerts=1, highest_alert="new-level"),
                Facts("Cy", open_alerts=1, highest_alert=None),
            ],
            ["Bo", "Ann", "Cy"],
        ),
        # Everyone else by name, ignoring case.
        ([Facts("bea"), Facts("Al"), Facts("Cy")], ["Al", "bea", "Cy"]),
        ([], []),
    ],
)
def test_the_caseload_is_ordered_by_need_then_name(rows: list[Facts], expected: list[str]) -> None:
    ranked = rank([(f.name, f) for f in rows], **LIMITS)
    assert [r.item for r in ranked] == expected


def test_limits_come_from_the_caller() -> None:
    facts = Facts("A", days_since_contact=10, episode_sessions=3)
    assert reasons_for(facts, no_contact_days=10, not_on_track_sessions=3) == (
        Reason(ReasonCode.NO_CONTACT, 10),
        Reason(ReasonCode.NOT_ON_TRACK, 3),
    )
