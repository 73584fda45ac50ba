"""Every write to a care plan: start it, save a new version (with conflict detection and
merging), comment, agree, record the client's choice in a decision, and rate a goal.

Each service owns its transaction and audit event. Every saved change is a new version;
agreements belong to the version they were given to, so any change after agreement needs
both agreements again. Two people may edit at once: every edit names the version it started
from (its base revision). When the plan moved on meanwhile, sections only one side changed
are merged, and sections both changed raise PlanConflict, so nothing is overwritten without
the person seeing it first.

Text the client writes (the plan's new lines, comments, the reason for a choice, a note on a
rating) is saved first and then screened through safety.services.screen_client_text, like
journal entries; text typed by the care team is theirs, not a disclosure, and is not
screened. Nothing here logs clinical text: log lines carry ids only.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import User
from heard.audit import services as audit
from heard.careplans import access, rules
from heard.careplans.models import (
    CarePlan,
    CarePlanVersion,
    ChangeKind,
    GoalRating,
    PlanComment,
    PlanStatus,
)
from heard.milestones import services as milestones
from heard.milestones.models import Milestone, MilestoneKind
from heard.safety import services as safety
from heard.safety.models import SignalSource

log = logging.getLogger("heard.careplans")

CLIENT_SIDE = "client"
CLINICIAN_SIDE = "clinician"


class PlanConflict(Exception):
    """The plan changed since the person started editing, in sections they changed too.

    Carries what the conflict page needs so their typed words are never lost: `plan` as
    saved now, the `version` saved last (who, when), the clashing `sections`, `theirs` (the
    saved content), `mine` (the submitted content, cleaned) and `merged` (the edit with the
    other side's non-clashing changes merged in).
    """

    def __init__(
        self,
        plan: CarePlan,
        *,
        version: CarePlanVersion | None,
        sections: tuple[str, ...],
        theirs: rules.Content,
        mine: rules.Content,
        merged: rules.Content,
    ) -> None:
        super().__init__("care plan changed meanwhile: " + ", ".join(sections))
        self.plan = plan
        self.revision = plan.version
        self.version = version
        self.sections = sections
        self.theirs = theirs
        self.mine = mine
        self.merged = merged


class StaleVersion(Exception):
    """An agreement or a choice named a version that is no longer the current one."""

    def __init__(self, plan: CarePlan) -> None:
        super().__init__("care plan version is not current")
        self.plan = plan
        self.revision = plan.version


@dataclass(frozen=True)
class Saved:
    """A saved version; `check` is what screening found (None when nothing new to screen
    or the care team wrote it); `merged` the sections kept from someone else's edit."""

    plan: CarePlan
    version: CarePlanVersion
    check: safety.TextCheck | None
    merged: tuple[str, ...] = ()


@dataclass(frozen=True)
class Commented:
    comment: PlanComment
    check: safety.TextCheck | None


@dataclass(frozen=True)
class Agreed:
    """`side` ("client" or "clinician") agreed to `version`; `both` when the plan is agreed."""

    plan: CarePlan
    version: CarePlanVersion
    side: str
    both: bool


@dataclass(frozen=True)
class Rated:
    rating: GoalRating
    check: safety.TextCheck | None
    milestone: Milestone | None


# --- Words for problems -------------------------------------------------------------------------


def problem_message(problem: rules.Problem) -> str:
    """Words for one problem in a submitted plan."""
    if problem.code == rules.TOO_MANY and problem.field == "options":
        return _("Please offer %(limit)s options or fewer.") % {"limit": problem.limit}
    if problem.code == rules.TOO_MANY:
        return _("Please keep this part to %(limit)s items or fewer.") % {"limit": problem.limit}
    if problem.code == rules.TOO_FEW:
        return _("Please offer at least %(limit)s options to choose from.") % {
            "limit": problem.limit
        }
    if problem.code == rules.BAD_DATE:
        return _("Please give the date as year-month-day, for example 2025-09-30.")
    if problem.code == rules.MISSING and problem.field == "question":
        return _("Please write the question these options answer.")
    if problem.code == rules.MISSING and problem.field.startswith("option-"):
        return _("Please give this option a name.")
    if problem.code == rules.MISSING:
        return _("Please write this in a few words, or clear the row to remove it.")
    return _("This is too long. Please shorten it to %(limit)s characters or fewer.") % {
        "limit": f"{problem.limit:,}"
    }


def problem_field(problem: rules.Problem) -> str:
    """Where a problem sits, as a form field id: "goal-1-text", "decisions" (whole section)."""
    if problem.item == 0:
        return problem.section
    kind = {
        rules.GOALS: "goal",
        rules.STRENGTHS: "strength",
        rules.SUPPORTS: "support",
        rules.INTERVENTIONS: "intervention",
        rules.DECISIONS: "decision",
    }[problem.section]
    name = f"{kind}-{problem.item - 1}"
    return f"{name}-{problem.field}" if problem.field else name


def validate(content: Mapping[str, Any]) -> rules.Content:
    """The content as it would be saved; ValidationError (messages keyed by form field id)
    if it can't be. Nothing is stored on an error."""
    cleaned, problems = rules.clean(content)
    if problems:
        errors: dict[str, list[str]] = {}
        for problem in problems:
            errors.setdefault(problem_field(problem), []).append(problem_message(problem))
        raise ValidationError(errors)
    return cleaned


def _clean_text(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _check_length(name: str, text: str, limit: int) -> None:
    if len(text) > limit:
        raise ValidationError(
            {
                name: _(
                    "This is too long. Please shorten it to %(limit)s characters or fewer "
                    "(it has %(count)s)."
                )
                % {"limit": f"{limit:,}", "count": f"{len(text):,}"}
            }
        )


# --- Reading ------------------------------------------------------------------------------------


def plan_content(plan: CarePlan | None) -> rules.Content:
    """What a plan says now (an empty plan when there is none)."""
    return rules.loads(plan.content) if plan is not None else rules.empty_plan()


def version_content(plan: CarePlan | None, number: int) -> rules.Content | None:
    """What version `number` said, or None if there is no such version."""
    version = access.plan_version(plan, number)
    return rules.loads(version.content) if version is not None else None


def current_version(plan: CarePlan | None) -> CarePlanVersion | None:
    return access.plan_version(plan, plan.version) if plan is not None and plan.version else None


def side_of(actor: User, client: User) -> str | None:
    """Which side `actor` agrees for: the client, a clinician treating them now, or None
    (a supervisor, or anyone else)."""
    if actor.pk == client.pk:
        return CLIENT_SIDE
    return CLINICIAN_SIDE if access.can_agree_as_clinician(actor, client) else None


# --- Writing ------------------------------------------------------------------------------------


def start_plan(actor: User, *, client: User) -> CarePlan:
    """`client`'s care plan, started now (empty, version 0) by `actor` (the client or someone
    on their care team: the caller has checked access) if there was none. Idempotent;
    audited as "careplan:plan:start" when it starts one."""
    with transaction.atomic():
        plan, created = CarePlan.objects.get_or_create(
            client=client, defaults={"started_by": actor, "updated_by": actor}
        )
        if created:
            audit.record(actor, "careplan:plan:start", client=client, obj=plan)
            log.info("careplan.started plan=%s", plan.pk)
    return plan


def _lock(plan: CarePlan) -> CarePlan:
    return CarePlan.objects.select_for_update().get(pk=plan.pk)


def save_plan(
    actor: User,
    *,
    client: User,
    content: Mapping[str, Any],
    base_revision: int,
    note: str = "",
    propose: bool = False,
) -> Saved:
    """Save `client`'s plan as edited by `actor` (the client or someone on their care team:
    the caller has checked access for writing), starting from version `base_revision` (0
    for a plan never saved). Starts the plan when there is none.

    Every save is a new version with status "draft" ("discussion" with `propose`: the
    author asks the other side to look and agree); agreements stay with the versions they
    were given to. Choices already recorded in decisions are kept while their option is
    still offered (an edit never sets a choice). `note` is the author's own words on what
    changed. Saving exactly what is saved now changes nothing.

    Raises ValidationError (keyed by form field) for content that can't be saved and
    PlanConflict when the plan changed since `base_revision` in a section this edit changed
    too; sections only the other side changed are merged in. The plan row is locked for the
    whole check-and-write. Audited as "careplan:plan:update" with the new version number.
    """
    mine = validate(content)
    note = _clean_text(note)
    _check_length("note", note, rules.MAX_NOTE)
    if base_revision <= 0 and rules.is_empty(mine):
        raise ValidationError(
            {"goals": _("Please add at least one goal or one line to the plan before saving.")}
        )
    plan = start_plan(actor, client=client)
    merged: tuple[str, ...] = ()
    with transaction.atomic():
        plan = _lock(plan)
        theirs = plan_content(plan)
        mine = rules.with_choices(mine, theirs)
        to_save = mine
        if base_revision != plan.version:
            base = version_content(plan, base_revision) if base_revision > 0 else rules.empty_plan()
            merge = rules.three_way(base if base is not None else theirs, theirs, mine)
            # A base we no longer have (never normal): every difference counts as a clash.
            clashes = merge.clashes if base is not None else rules.differing_sections(theirs, mine)
            if clashes:
                raise PlanConflict(
                    plan,
                    version=current_version(plan),
                    sections=clashes,
                    theirs=theirs,
                    mine=mine,
                    merged=rules.with_choices(merge.content, theirs),
                )
            to_save = rules.with_choices(merge.content, theirs)
            merged = merge.kept_theirs
        latest = current_version(plan)
        if latest is not None and to_save == theirs and not note:
            # A double submit or "save" without changes: nothing new to agree to.
            if propose and plan.status == PlanStatus.DRAFT:
                plan.status = PlanStatus.DISCUSSION
                plan.save(update_fields=["status", "updated_at"])
            return Saved(plan=plan, version=latest, check=None)
        status = PlanStatus.DISCUSSION if propose else PlanStatus.DRAFT
        version = _write(actor, plan, to_save, change=ChangeKind.EDIT, note=note, status=status)
    check = _screen_version(plan, version, actor, before=theirs if latest else None)
    log.info("careplan.saved plan=%s version=%s", plan.pk, plan.version)
    return Saved(plan=plan, version=version, check=check, merged=merged)


def _write(
    actor: User,
    plan: CarePlan,
    content: rules.Content,
    *,
    change: str,
    note: str = "",
    status: str = PlanStatus.DRAFT,
) -> CarePlanVersion:
    """Store `content` as the next version (inside the caller's transaction and lock)."""
    plan.version += 1
    plan.content = rules.dumps(content)
    plan.updated_by = actor
    plan.status = status
    plan.save(update_fields=["version", "content", "updated_by", "status", "updated_at"])
    version = CarePlanVersion.objects.create(
        plan=plan, number=plan.version, content=plan.content, author=actor, change=change, note=note
    )
    audit.record(
        actor,
        "careplan:plan:update",
        client=plan.client,
        obj=plan,
        extra={"version": plan.version, "change": change},
    )
    return version


def _screen(client: User, text: str, source_id: Any) -> safety.TextCheck:
    return safety.screen_client_text(
        client=client, text=text, source_id=source_id, source=SignalSource.CARE_PLAN
    )


def _screen_version(
    plan: CarePlan, version: CarePlanVersion, actor: User, *, before: rules.Content | None
) -> safety.TextCheck | None:
    """Screen the words the client wrote new in this version (and their note); the care
    team's words are not screened. The version's id is the source id, so a version alerts
    at most once."""
    if actor.pk != plan.client_id:
        return None
    lines = rules.added_lines(before, rules.loads(version.content))
    if version.note:
        lines.append(version.note)
    if not lines:
        return None
    return _screen(plan.client, "\n".join(lines), version.public_id)


def comment_on_plan(actor: User, *, plan: CarePlan, text: str) -> Commented:
    """Add `actor`'s comment (the client or someone on their care team: the caller has
    checked access) on the plan's current version. A draft moves into discussion.
    ValidationError for an empty or over-long comment. The client's comment is screened
    after it is saved. Audited as "careplan:comment:add"."""
    text = _clean_text(text)
    if not text:
        raise ValidationError({"text": _("Please write your comment before sending it.")})
    _check_length("text", text, rules.MAX_COMMENT)
    with transaction.atomic():
        plan = _lock(plan)
        comment = PlanComment.objects.create(
            plan=plan, version=plan.version, author=actor, text=text
        )
        if plan.status == PlanStatus.DRAFT and plan.version > 0:
            plan.status = PlanStatus.DISCUSSION
            plan.save(update_fields=["status", "updated_at"])
        audit.record(
            actor,
            "careplan:comment:add",
            client=plan.client,
            obj=comment,
            extra={"version": plan.version},
        )
    check = _screen(plan.client, text, comment.public_id) if actor.pk == plan.client_id else None
    log.info("careplan.commented plan=%s comment=%s", plan.pk, comment.pk)
    return Commented(comment=comment, check=check)


def agree_to_plan(actor: User, *, plan: CarePlan, version_number: int) -> Agreed:
    """Record that `actor` agrees to version `version_number` of the plan: the client for
    their side, or a clinician treating the client now for the care team's side (with who
    and when). Agreeing again changes nothing. When both sides agreed, the plan is
    "agreed"; otherwise it is in discussion.

    ValidationError when `actor` agrees for neither side (e.g. a supervisor) or the plan has
    no version yet; StaleVersion when `version_number` is not the current version (the
    person must read the plan as it is now before agreeing). Audited as
    "careplan:plan:agree" with the version and side.
    """
    side = side_of(actor, plan.client)
    if side is None:
        raise ValidationError(
            _("Only the client and a clinician treating them agree to their care plan.")
        )
    with transaction.atomic():
        plan = _lock(plan)
        if plan.version == 0:
            raise ValidationError(_("There is nothing to agree to yet."))
        if version_number != plan.version:
            raise StaleVersion(plan)
        version = CarePlanVersion.objects.select_for_update().get(plan=plan, number=plan.version)
        now = timezone.now()
        if side == CLIENT_SIDE and version.client_agreed_at is None:
            version.client_agreed_at, version.client_agreed_by = now, actor
        elif side == CLINICIAN_SIDE and version.clinician_agreed_at is None:
            version.clinician_agreed_at, version.clinician_agreed_by = now, actor
        else:
            return Agreed(plan=plan, version=version, side=side, both=version.agreed)
        version.save(
            update_fields=[
                "client_agreed_at",
                "client_agreed_by",
                "clinician_agreed_at",
                "clinician_agreed_by",
                "updated_at",
            ]
        )
        plan.status = PlanStatus.AGREED if version.agreed else PlanStatus.DISCUSSION
        plan.save(update_fields=["status", "updated_at"])
        audit.record(
            actor,
            "careplan:plan:agree",
            client=plan.client,
            obj=plan,
            extra={"version": version.number, "side": side, "both": version.agreed},
        )
    log.info("careplan.agreed plan=%s version=%s side=%s", plan.pk, version.number, side)
    return Agreed(plan=plan, version=version, side=side, both=version.agreed)


def record_choice(
    actor: User,
    *,
    plan: CarePlan,
    decision_key: str,
    option_key: str,
    reason: str = "",
    base_revision: int | None = None,
) -> Saved:
    """Record the client's choice in one decision: `option_key`, in their own words why
    (`reason`, optional), with who and when. Only the client chooses (the caller passes the
    client's own plan). The choice is part of the plan, so it is saved as a new version
    (which needs both agreements again). Choosing the same option with the same reason
    again changes nothing.

    ValidationError for an unknown decision or option, or an over-long reason;
    StaleVersion when `base_revision` is given and the plan moved on since (the options
    may have changed). The reason is screened after saving. Audited as
    "careplan:choice:record" (and "careplan:plan:update" for the new version).
    """
    if actor.pk != plan.client_id:
        raise ValidationError(_("Only the client records their choice."))
    reason = _clean_text(reason)
    _check_length("reason", reason, rules.MAX_DETAIL)
    with transaction.atomic():
        plan = _lock(plan)
        if base_revision is not None and base_revision != plan.version:
            raise StaleVersion(plan)
        content = plan_content(plan)
        decision = rules.find(content, rules.DECISIONS, decision_key)
        if decision is None:
            raise ValidationError({"decision": _("That decision isn't in the plan any more.")})
        if option_key not in {o["key"] for o in decision["options"]}:
            raise ValidationError({"option": _("Please choose one of the options.")})
        before = decision.get("choice") or {}
        latest = current_version(plan)
        if latest is not None and (before.get("option"), before.get("reason")) == (
            option_key,
            reason,
        ):
            return Saved(plan=plan, version=latest, check=None)
        choice = {
            "option": option_key,
            "reason": reason,
            "by": str(actor.public_id),
            "by_name": actor.display_name,
            "at": timezone.now().isoformat(),
        }
        content[rules.DECISIONS] = [
            {**d, "choice": choice} if d["key"] == decision_key else d
            for d in content[rules.DECISIONS]
        ]
        version = _write(
            actor, plan, content, change=ChangeKind.CHOICE, status=PlanStatus.DISCUSSION
        )
        audit.record(
            actor,
            "careplan:choice:record",
            client=plan.client,
            obj=plan,
            extra={"version": version.number, "decision": decision_key},
        )
    check = _screen(plan.client, reason, version.public_id) if reason else None
    log.info("careplan.choice plan=%s version=%s", plan.pk, version.number)
    return Saved(plan=plan, version=version, check=check)


def rate_goal(
    actor: User,
    *,
    plan: CarePlan,
    goal_key: str,
    value: int,
    note: str = "",
    reached: bool = False,
) -> Rated:
    """Record the client's rating of one goal now: 0 (not started) to 10 (reached), with an
    optional note in their own words. Only the client rates their goals. A 10, or marking
    the goal reached, celebrates it once (milestone "goal_reached", keyed by the goal).

    ValidationError for a value outside 0 to 10, a goal not in the current plan, or an
    over-long note; nothing is stored then. The note is screened after saving. Audited as
    "careplan:goal:rate" (or "careplan:goal:reached")."""
    if actor.pk != plan.client_id:
        raise ValidationError(_("Only the client rates their goals."))
    if not rules.valid_rating(value):
        raise ValidationError(
            {
                "value": _("Please choose a number from %(lo)s to %(hi)s.")
                % {"lo": rules.RATING_MIN, "hi": rules.RATING_MAX}
            }
        )
    note = _clean_text(note)
    _check_length("note", note, rules.MAX_NOTE)
    if rules.find(plan_content(plan), rules.GOALS, goal_key) is None:
        raise ValidationError({"goal": _("That goal isn't in the plan any more.")})
    reached = reached or value == rules.RATING_MAX
    with transaction.atomic():
        rating = GoalRating.objects.create(
            plan=plan, goal_key=goal_key, value=value, note=note, reached=reached
        )
        audit.record(
            actor,
            "careplan:goal:reached" if reached else "careplan:goal:rate",
            client=plan.client,
            obj=rating,
            extra={"goal": goal_key, "value": value},
        )
        milestone = (
            milestones.award(plan.client, MilestoneKind.GOAL_REACHED, key=goal_key)
            if reached
            else None
        )
    check = _screen(plan.client, note, rating.public_id) if note else None
    log.info("careplan.goal.rated plan=%s rating=%s", plan.pk, rating.pk)
    return Rated(rating=rating, check=check, milestone=milestone)


def mark_goal_reached(actor: User, *, plan: CarePlan, goal_key: str, note: str = "") -> Rated:
    """The client says they reached a goal: a rating of 10, marked reached (see
    rate_goal)."""
    return rate_goal(
        actor, plan=plan, goal_key=goal_key, value=rules.RATING_MAX, note=note, reached=True
    )
