"""Reading for the skills pages: what to suggest to a client now (rules.suggest fed from
their check-ins, profile, practice, favourites and care team), the words for each reason,
and per-skill practice summaries.

Everything here reads the client's own data for the client (or for a caller that already
passed access for them); nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from heard.accounts.models import User
from heard.checkins import access as checkins_access
from heard.listening.feelings import label_for
from heard.profiles.services import preferences_for
from heard.skills import access, library, rules
from heard.skills.library import Skill
from heard.skills.models import Helped, Practice, Recommendation

# A check-in counts as "today's" for this long.
STATE_HOURS = 12


@dataclass(frozen=True)
class Suggested:
    skill: Skill
    reasons: list[str]
    # The care team's suggestion behind it, when there is one (its note is shown too).
    recommendation: Recommendation | None = None


@dataclass(frozen=True)
class SkillSummary:
    """How practising one skill has gone, for the practice pages."""

    skill_key: str
    title: str
    times: int
    # Average of (after - before) over practices with both ratings; negative: distress fell.
    average_change: float | None
    helped_yes: int
    helped_some: int
    helped_no: int
    last: datetime

    @property
    def drop(self) -> float | None:
        """How far distress went down on average (None when it did not go down)."""
        if self.average_change is None or self.average_change >= 0:
            return None
        return -self.average_change


def facts(skills: Iterable[Skill]) -> list[rules.SkillFacts]:
    return [rules.SkillFacts(s.key, s.kind, s.tags, s.helps_with) for s in skills]


def current_state(client: User, *, now: datetime | None = None) -> rules.State:
    """The client's latest check-in of the last STATE_HOURS hours (empty when none)."""
    since = (now or timezone.now()) - timedelta(hours=STATE_HOURS)
    latest = checkins_access.own_checkins(client).filter(at__gte=since).first()
    if latest is None:
        return rules.State()
    return rules.State(
        stress=latest.stress,
        mood=latest.mood,
        sleep_hours=None if latest.sleep_hours is None else float(latest.sleep_hours),
        feelings=tuple(latest.feelings or ()),
        connection=latest.connection,
    )


def histories(practices: Iterable[Practice]) -> dict[str, rules.History]:
    """Per skill: how often it was practised, distress drops and "did this help?" answers."""
    out: dict[str, rules.History] = {}
    for p in practices:
        h = out.get(p.skill_key, rules.History())
        drops = h.drops
        if p.distress_before is not None and p.distress_after is not None:
            drops = (*drops, p.distress_before - p.distress_after)
        out[p.skill_key] = rules.History(
            times=h.times + 1,
            drops=drops,
            helped_yes=h.helped_yes + (p.helped == Helped.YES),
            helped_some=h.helped_some + (p.helped == Helped.SOME),
            helped_no=h.helped_no + (p.helped == Helped.NO),
        )
    return out


def suggestions_for(
    client: User, *, lang: str | None = None, now: datetime | None = None
) -> list[Suggested]:
    """What to suggest to `client` now, best first, each with its reasons in words."""
    skills = library.all_skills(lang)
    prefs = preferences_for(client)
    recommendations = {r.skill_key: r for r in reversed(list(access.open_recommendations(client)))}
    data = rules.Inputs(
        skills=facts(skills),
        state=current_state(client, now=now),
        preferences=rules.Preferences(
            helpful_kinds=prefs.helpful_kinds,
            careful_tags=prefs.careful_tags,
            helped_before=prefs.helped_before,
            when_overwhelmed=prefs.when_overwhelmed,
        ),
        history=histories(access.own_practices(client)),
        favourites=frozenset(access.own_favourites(client).values_list("skill_key", flat=True)),
        recommended=frozenset(recommendations),
    )
    by_key = {s.key: s for s in skills}
    return [
        Suggested(
            skill=by_key[s.key],
            reasons=[describe(r) for r in s.reasons],
            recommendation=recommendations.get(s.key),
        )
        for s in rules.suggest(data)
    ]


def _number(value: float | str | tuple[str, ...] | None) -> str:
    number = float(value) if isinstance(value, int | float) else 0.0
    if number == int(number):
        return str(int(number))
    return formats.number_format(round(number, 1), decimal_pos=1)


def describe(reason: rules.Reason) -> str:
    """One reason in plain words, e.g. "Your stress was high in today's check-in (8 of 10)"."""
    code, value = reason.code, reason.value
    n = _number(value)
    if code == rules.CLINICIAN:
        return _("Your clinician suggested it")
    if code == rules.STRESS_HIGH_R:
        return _("Your stress was high in today's check-in (%(n)s of 10)") % {"n": n}
    if code == rules.MOOD_LOW_R:
        return _("Your mood was low in today's check-in (%(n)s of 10)") % {"n": n}
    if code == rules.SLEEP_SHORT_R:
        return _("You slept about %(n)s hours last night") % {"n": n}
    if code == rules.CONNECTION_LOW_R:
        return _("You felt less connected to people in today's check-in")
    if code == rules.FEELINGS_R:
        keys = value if isinstance(value, tuple) else ()
        feelings = ", ".join(label_for(k) for k in keys)
        return _("You said you feel %(feelings)s") % {"feelings": feelings}
    if code == rules.HELPED_DROP:
        return _("It helped you before: your distress went down by %(n)s on average") % {"n": n}
    if code == rules.HELPED_SAID:
        return _("You said it helped you before")
    if code == rules.KIND_PREFERRED:
        kind = library.KINDS.get(str(value), str(value))
        return _("You said this kind of skill suits you: %(kind)s") % {"kind": kind}
    if code == rules.HELPED_WORDS:
        return _("Matches what you wrote has helped you before")
    if code == rules.OVERWHELMED_WORDS:
        return _("Matches what you wrote helps when you're overwhelmed")
    if code == rules.FAVOURITE:
        return _("One of your favourites")
    return _("A gentle place to start")


def summaries(practices: Iterable[Practice], *, lang: str | None = None) -> list[SkillSummary]:
    """Per skill practised: how often, the average change in distress and the answers to
    "did this help?", most practised first (then by title). No streaks, no gaps."""
    practices = list(practices)
    out = []
    for key, h in histories(practices).items():
        skill = library.get_skill(key, lang)
        drop = h.average_drop
        out.append(
            SkillSummary(
                skill_key=key,
                title=skill.title if skill else key,
                times=h.times,
                average_change=None if drop is None else round(-drop, 1),
                helped_yes=h.helped_yes,
                helped_some=h.helped_some,
                helped_no=h.helped_no,
                last=max(p.practised_at for p in practices if p.skill_key == key),
            )
        )
    return sorted(out, key=lambda s: (-s.times, s.title))
