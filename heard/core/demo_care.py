"""Demo data for issue 6: profiles, a care plan written together, skills practised.

Everything goes through the services (so text is screened and audited as in real use),
except the dates of older goal ratings and practices, which are moved back afterwards so the
pages show progress over weeks. Each part is skipped when it is already there.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from heard.accounts.models import User
from heard.careplans import services as plans
from heard.careplans.models import CarePlan, GoalRating
from heard.notes import services as notes
from heard.notes.models import SessionNote
from heard.profiles import services as profiles
from heard.profiles.models import Profile
from heard.skills import services as skills
from heard.skills.models import Practice

# (skill, days ago, distress before, after, helped) for the first demo client.
PRACTICE_HISTORY: tuple[tuple[str, int, int, int, str], ...] = (
    ("paced_breathing", 40, 7, 5, "yes"),
    ("grounding_54321", 33, 8, 6, "some"),
    ("paced_breathing", 27, 6, 4, "yes"),
    ("body_scan", 21, 6, 6, "no"),
    ("paced_breathing", 14, 7, 4, "yes"),
    ("mindful_walking", 9, 5, 3, "yes"),
    ("sleep_winddown", 4, 6, 4, "some"),
)


def _profile(client: User, index: int) -> bool:
    if Profile.objects.filter(client=client).exclude(revision=0).exists():
        return False
    sections: list[tuple[str, dict[str, Any]]] = [
        ("about", {"pronouns": ("she/her", "he/him", "they/them")[index % 3]}),
        (
            "what_matters",
            {
                "what_matters": "My little brother, finishing my course, and the ocean.",
                "strengths": "I'm stubborn in a good way. I'm a good listener.",
                "helped_before": "Walking, breathing slowly, and calling my cousin.",
                "helpful_kinds": ["breathing", "movement", "connection"],
            },
        ),
        (
            "care",
            {
                "modalities": ["video", "in_person"],
                "clinician_preferences": "Someone calm who doesn't rush me.",
                "accessibility_needs": "Captions on video calls, please.",
            },
        ),
        (
            "gentle",
            {
                "approach_with_care": "My dad leaving. I'd like to get to it slowly.",
                "careful_tags": ["eyes_closed"],
                "when_overwhelmed": "Give me a minute and a glass of water. A quiet room helps.",
                "contact_methods": ["app", "text_message"],
                "contact_notes": "After 4 pm on weekdays.",
            },
        ),
    ]
    # The first client filled in every part; the next two made a start, at their own pace.
    for section, data in sections if index == 0 else sections[:2]:
        revision = Profile.objects.filter(client=client).values_list("revision", flat=True)
        profiles.update_profile(
            client,
            client=client,
            section=section,
            data=data,
            base_revision=next(iter(revision), 0),
        )
    return True


def _plan(client: User, clinician: User) -> bool:
    """Drafted by the clinician, discussed, agreed by both; then the client adds a goal, so
    the newest version waits for the clinician's agreement."""
    if CarePlan.objects.filter(client=client).exists():
        return False
    plan = plans.start_plan(clinician, client=client)
    content: dict[str, list[Any]] = {
        "goals": [
            {
                "text": "Sleep through the night more often",
                "measurable": "Five nights a week with six hours or more",
                "target_date": (timezone.localdate() + timedelta(days=60)).isoformat(),
            },
            {"text": "Feel less on edge before class"},
        ],
        "strengths": ["Stubborn in a good way", "A good listener"],
        "supports": ["My cousin Jada", "Mom", "The campus counselling team"],
        "interventions": [
            {"text": "Weekly sessions on worry and sleep", "who": "both"},
            {"text": "Try the wind-down routine on school nights", "who": "client"},
            {"text": "Send the sleep diary template", "who": "clinician"},
        ],
        "decisions": [
            {
                "question": "How would you like to work on worry?",
                "options": [
                    {
                        "label": "Talking therapy each week",
                        "pros": "Time to talk things through with someone.",
                        "cons": "An hour a week, and it can feel hard at first.",
                    },
                    {
                        "label": "A self-guided skills course with check-ins",
                        "pros": "Work at your own pace, at any time of day.",
                        "cons": "Less time with a person.",
                    },
                ],
            }
        ],
    }
    saved = plans.save_plan(
        clinician,
        client=client,
        content=content,
        base_revision=plan.version,
        note="A first draft from our session, for you to change.",
    )
    plans.comment_on_plan(
        client,
        plan=saved.plan,
        text="Weekends are the hardest nights for sleep. Can we add something for those?",
    )
    decision = plans.plan_content(saved.plan)["decisions"][0]
    chosen = plans.record_choice(
        client,
        plan=saved.plan,
        decision_key=decision["key"],
        option_key=decision["options"][0]["key"],
        reason="Talking helps me more than reading does.",
    )
    plans.agree_to_plan(clinician, plan=chosen.plan, version_number=chosen.plan.version)
    agreed = plans.agree_to_plan(client, plan=chosen.plan, version_number=chosen.plan.version)
    goals = plans.plan_content(agreed.plan)["goals"]
    for days_ago, values in ((35, (3, 2)), (21, (4, 4)), (7, (6, 5))):
        for goal, value in zip(goals, values, strict=True):
            rated = plans.rate_goal(client, plan=agreed.plan, goal_key=goal["key"], value=value)
            GoalRating.objects.filter(pk=rated.rating.pk).update(
                at=timezone.now() - timedelta(days=days_ago)
            )
    content = plans.plan_content(agreed.plan)
    content["goals"].append({"text": "Go to the climbing wall with Jada once a month"})
    plans.save_plan(
        client,
        client=client,
        content=content,
        base_revision=agreed.plan.version,
        note="I added something fun.",
    )
    return True


def _practice(client: User, clinician: User) -> bool:
    if Practice.objects.filter(client=client).exists():
        return False
    now = timezone.now()
    for skill_key, days_ago, before, after, helped in PRACTICE_HISTORY:
        skills.log_practice(
            client,
            client=client,
            skill_key=skill_key,
            distress_before=before,
            distress_after=after,
            helped=helped,
            practised_at=now - timedelta(days=days_ago),
        )
    skills.set_favourite(client, skill_key="paced_breathing")
    skills.recommend_skill(
        clinician,
        client=client,
        skill_key="activity_planning",
        note="Let's try planning one small, good thing each day this week.",
    )
    return True


def _notes(client: User, clinician: User) -> bool:
    """Two signed SOAP notes (one with an addendum) and this week's draft."""
    if SessionNote.objects.filter(client=client).exists():
        return False
    today = timezone.localdate()
    for weeks_ago, fields in (
        (
            2,
            {
                "subjective": "Sleeping about five hours. Worried before class most days.",
                "objective": "Engaged, good eye contact. PHQ-9 and GAD-7 lower than at intake.",
                "assessment": "Low mood and worry improving; sleep is the main difficulty.",
                "plan": "Wind-down routine on school nights. Review the sleep diary next week.",
            },
        ),
        (
            1,
            {
                "subjective": "Tried the wind-down routine four nights. Weekends harder.",
                "objective": "Brought the sleep diary. Calmer than last week.",
                "assessment": "Progress on the sleep goal; weekend nights still short.",
                "plan": "Add a weekend plan to the care plan. Practise paced breathing.",
            },
        ),
    ):
        note = notes.create_note(
            clinician,
            client=client,
            template="soap",
            session_date=today - timedelta(weeks=weeks_ago),
            fields=fields,
        )
        signed = notes.sign_note(clinician, note=note)
    notes.add_addendum(
        clinician, note=signed, text="Sent the sleep diary template after the session."
    )
    notes.create_note(
        clinician,
        client=client,
        template="dap",
        session_date=today,
        fields={"data": "Talked about the new climbing-wall goal."},
    )
    return True


def load_care_demo(client: User, clinician: User, index: int) -> int:
    """Issue 6's demo for one client; returns how many parts it added (0 when present)."""
    changes = 0
    if index < 3:
        changes += _profile(client, index)
    if index == 0:
        changes += _plan(client, clinician)
        changes += _practice(client, clinician)
        changes += _notes(client, clinician)
    return changes
