"""Every write to a safety plan: save (with conflict detection and automatic merging) and
restore. Each save keeps a SafetyPlanVersion and writes an audit event in one transaction.

Two people may edit the same plan at once (a client and their clinician). Every edit says
which version it started from. When the plan has moved on since then, the edit is merged
step by step with what was saved: steps only one side changed keep that side's change, and
steps both sides changed differently raise PlanConflict, so nothing is ever overwritten
without the person choosing.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from heard.accounts.models import Role, User
from heard.audit import services as audit
from heard.safety import plan_rules, services
from heard.safety.models import AlertLevel, SafetyPlan, SafetyPlanVersion, SignalSource
from heard.safety.services import CrisisLines

log = logging.getLogger("heard.safety")


class PlanConflict(Exception):
    """The plan changed since the person started editing, in the same steps they changed.

    Carries everything the conflict page needs, so the person's typed text is never lost:
    `plan` as saved now (its version, who saved it and when), `sections` that clash, `theirs`
    (the saved content), `mine` (the submitted content, cleaned) and `merged` (the edit with
    the other side's non-clashing changes already merged in).
    """

    def __init__(
        self,
        plan: SafetyPlan,
        *,
        sections: tuple[str, ...],
        theirs: plan_rules.Content,
        mine: plan_rules.Content,
        merged: plan_rules.Content,
    ) -> None:
        super().__init__("safety plan changed meanwhile: " + ", ".join(sections))
        self.plan = plan
        self.saved_version = plan.version
        self.sections = sections
        self.theirs = theirs
        self.mine = mine
        self.merged = merged


def problem_message(problem: plan_rules.Problem) -> str:
    """Words for one problem in a submitted plan."""
    if problem.code == plan_rules.TOO_MANY:
        return _("Please keep this step to %(limit)s entries or fewer.") % {
            "limit": plan_rules.MAX_ENTRIES
        }
    if problem.code == plan_rules.BAD_PHONE:
        return _("Entry %(n)s: that phone number doesn't look right. Please check it.") % {
            "n": problem.entry
        }
    return _("Entry %(n)s is too long. Please shorten it to %(limit)s characters or fewer.") % {
        "n": problem.entry,
        "limit": plan_rules.MAX_CHARS,
    }


def validate(content: Mapping[str, Any]) -> plan_rules.Content:
    """The content as it would be saved; ValidationError (messages per step) if it can't be."""
    cleaned, problems = plan_rules.clean(content)
    if problems:
        errors: dict[str, list[str]] = {}
        for problem in problems:
            errors.setdefault(problem.section, []).append(problem_message(problem))
        raise ValidationError(errors)
    return cleaned


def plan_content(plan: SafetyPlan | None) -> plan_rules.Content:
    """What a plan says now (an empty plan when there is none)."""
    return plan_rules.loads(plan.content) if plan is not None else plan_rules.empty_plan()


def latest_version(plan: SafetyPlan) -> SafetyPlanVersion | None:
    return plan.versions.order_by("-number").first()


def version_content(plan: SafetyPlan, number: int) -> plan_rules.Content | None:
    """What version `number` of the plan said, or None if there is no such version."""
    version = plan.versions.filter(number=number).first()
    return plan_rules.loads(version.content) if version is not None else None


def can_have_plan(user: User) -> bool:
    """Only clients have safety plans (staff pages never offer to start one for themselves)."""
    return user.memberships.filter(role=Role.CLIENT, is_active=True).exists()


def save_plan(
    actor: User,
    *,
    client: User,
    content: Mapping[str, Any],
    based_on_version: int,
    choices: Mapping[str, str] | None = None,
) -> SafetyPlan:
    """Save `client`'s safety plan as edited by `actor` (the client, or someone on their care
    team: the caller has checked access), starting from version `based_on_version` (0 when
    the plan did not exist yet). Creates the plan on its first save.

    Raises ValidationError (per step) for content that can't be saved, and PlanConflict when
    the plan changed since `based_on_version` in a step this edit changed too. When it
    changed only in other steps, both sides' changes are kept. Writes a new
    SafetyPlanVersion and the audit event "safety:plan:update" with the new version number.
    The plan row is locked for the whole check-and-write, so of two saves at once exactly
    one is compared against the other.

    `choices` come from the conflict page: for each step named, keep "mine" (the submitted
    text), "theirs" (what version `based_on_version` said) or "both".
    """
    mine = validate(content)
    with transaction.atomic():
        plan, _created = SafetyPlan.objects.get_or_create(client=client)
        plan = SafetyPlan.objects.select_for_update().get(pk=plan.pk)
        theirs = plan_content(plan)
        if choices:
            chosen_from = version_content(plan, based_on_version) or plan_rules.empty_plan()
            mine = validate(plan_rules.resolve(mine, chosen_from, choices))
        to_save = mine
        if based_on_version != plan.version:
            base = (
                version_content(plan, based_on_version)
                if based_on_version > 0
                else plan_rules.empty_plan()
            )
            # A base we no longer have (never normal): every difference counts as a clash.
            merge = plan_rules.three_way(base if base is not None else theirs, theirs, mine)
            clashes = merge.clashes if base is not None else _differences(theirs, mine)
            if clashes:
                raise PlanConflict(
                    plan, sections=clashes, theirs=theirs, mine=mine, merged=merge.content
                )
            to_save = merge.content
        plan = _write(actor, plan, to_save)
    log.info("safety.plan.saved plan=%s version=%s", plan.pk, plan.version)
    return plan


def merged_sections(
    plan: SafetyPlan, submitted: Mapping[str, Any], choices: Mapping[str, str] | None = None
) -> tuple[str, ...]:
    """After a save: the steps where the saved plan differs from what was submitted because
    someone else's change was kept (the steps a person chose for on the conflict page are
    theirs by choice, not a merge)."""
    saved = plan_content(plan)
    cleaned, _problems = plan_rules.clean(submitted)
    chosen = choices or {}
    return tuple(s for s in plan_rules.SECTIONS if s not in chosen and saved[s] != cleaned[s])


def crisis_lines_for_client(client: User, *, language: str) -> CrisisLines:
    """The crisis lines for `client`'s region and organization, for a care team member
    looking at the client's plan (the client's lines, not the clinician's)."""
    viewer = services.viewer_for(client)
    region = services.normalize_region(
        (viewer.organization.region if viewer.organization else "")
        or client.region
        or settings.HEARD_DEFAULT_REGION
    )
    return services.crisis_lines_for(
        region=region, language=language, organization=viewer.organization
    )


def _differences(theirs: plan_rules.Content, mine: plan_rules.Content) -> tuple[str, ...]:
    return tuple(s for s in plan_rules.SECTIONS if theirs[s] != mine[s])


def _write(actor: User, plan: SafetyPlan, content: plan_rules.Content) -> SafetyPlan:
    """Store `content` as the next version (inside the caller's transaction and row lock)."""
    plan.version += 1
    plan.content = plan_rules.dumps(content)
    plan.updated_by = actor
    plan.save(update_fields=["version", "content", "updated_by", "updated_at"])
    version = SafetyPlanVersion.objects.create(
        plan=plan, number=plan.version, content=plan.content, author=actor
    )
    audit.record(
        actor,
        "safety:plan:update",
        client=plan.client,
        obj=plan,
        extra={"version": plan.version},
    )
    _after_save(plan, version, actor)
    return plan


def _after_save(plan: SafetyPlan, version: SafetyPlanVersion, actor: User) -> None:
    """THE one place that follows every saved version (save and restore alike): the lines the
    client wrote in this version go through the crisis screener like any client text.

    A plan describes hard times by design ("when I start thinking about ending it" is a
    warning sign, not an emergency), so the plan raises an alert only at level acute: a plan,
    a time, an attempt. Only lines new in this version are screened, so a saved plan never
    alerts twice for the same words; text a clinician types in a session is theirs, not the
    client's disclosure, and is not screened. The page finds the alert, if any, by the
    version's id (`access.own_alert_for`) and shows the crisis screen.
    """
    if actor.pk != plan.client_id:
        return
    before = version_content(plan, version.number - 1) if version.number > 1 else None
    new_lines = added_lines(before, plan_rules.loads(version.content))
    if not new_lines:
        return
    services.screen_client_text(
        client=plan.client,
        text="\n".join(new_lines),
        source_id=version.public_id,
        source=SignalSource.SAFETY_PLAN,
        alert_from=AlertLevel.ACUTE,
    )


def added_lines(before: plan_rules.Content | None, after: plan_rules.Content) -> list[str]:
    """The text lines in `after` that were not in `before` (contact names and numbers are
    not free text and are left out)."""
    old = set(plan_rules.text_lines(before)) if before is not None else set()
    return [line for line in plan_rules.text_lines(after) if line not in old]


def restore_version(actor: User, plan: SafetyPlan, number: int) -> SafetyPlan:
    """Make version `number`'s content the plan's content again, as a new version (history
    is never rewritten). ValidationError if there is no such version."""
    with transaction.atomic():
        plan = SafetyPlan.objects.select_for_update().get(pk=plan.pk)
        content = version_content(plan, number)
        if content is None:
            raise ValidationError(_("That version of the plan doesn't exist."))
        plan = _write(actor, plan, content)
        audit.record(
            actor,
            "safety:plan:restore",
            client=plan.client,
            obj=plan,
            extra={"version": plan.version, "restored": number},
        )
    log.info("safety.plan.restored plan=%s version=%s from=%s", plan.pk, plan.version, number)
    return plan
