"""Plain-language descriptions of audit actions, for the client's access report."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ACTION_LABELS: dict[str, Promise] = {
    "client:record:read": _("Opened your record"),
    "care:assignment:start": _("Joined your care team"),
    "care:assignment:end": _("Left your care team"),
    "care:assignment:reassign": _("Moved your care to another clinician"),
    "membership:add": _("Added you to the service"),
    "membership:deactivate": _("Ended your place in the service"),
    "sharing:update": _("Changed what you share"),
    "measure:list": _("Looked at your questionnaire results"),
    "measure:read": _("Opened one of your questionnaire results"),
    "measure:record": _("Added questionnaire answers for you"),
    "measure:schedule:create": _("Set up regular questionnaires for you"),
    "measure:schedule:end": _("Stopped regular questionnaires for you"),
    "measure:reminder": _("Sent you a reminder that a check-in is waiting"),
    "measure:cssrs:record": _("Recorded a suicide risk screening with you"),
    "appointment:list": _("Looked at your appointments"),
    "appointment:create": _("Booked an appointment with you"),
    "appointment:status": _("Updated one of your appointments"),
    "episode:open": _("Started a course of care with you"),
    "episode:close": _("Ended a course of care with you"),
    "checkin:list": _("Looked at your check-ins"),
    "milestones:list": _("Looked at your milestones"),
    "safety:alert:raise": _("Let your care team know you might need support"),
    "safety:alert:acknowledge": _("Saw the alert that you might need support"),
    "safety:alert:resolve": _("Followed up on the alert that you might need support"),
    "journal:list": _("Looked at the journal entries you shared"),
    "journal:read": _("Opened a journal entry you shared"),
    "journal:entry:start": _("Started a journal entry"),
    "journal:entry:draft": _("Kept a draft of a journal entry"),
    "journal:entry:save": _("Saved a journal entry"),
    "journal:entry:share": _("Shared a journal entry with your care team"),
    "journal:entry:unshare": _("Stopped sharing a journal entry"),
    "journal:entry:delete": _("Deleted a journal entry"),
    "journal:export": _("Downloaded your journal"),
    "profile:read": _("Looked at your profile"),
    "profile:summary:read": _("Saw your profile on your record"),
    "profile:update": _("Updated your profile"),
    "careplan:plan:start": _("Started your care plan"),
    "careplan:plan:read": _("Looked at your care plan"),
    "careplan:plan:edit": _("Opened your care plan to change it"),
    "careplan:plan:update": _("Changed your care plan"),
    "careplan:plan:versions": _("Looked at the versions of your care plan"),
    "careplan:plan:compare": _("Compared versions of your care plan"),
    "careplan:plan:print": _("Printed your care plan"),
    "careplan:plan:pdf": _("Downloaded your care plan as a PDF"),
    "careplan:plan:agree": _("Agreed to your care plan"),
    "careplan:comment:add": _("Commented on your care plan"),
    "careplan:choice:record": _("Recorded a choice in your care plan"),
    "careplan:goal:rate": _("Rated progress on a goal"),
    "careplan:goal:reached": _("Marked a goal as reached"),
    "careplan:goals:read": _("Looked at your goals"),
    "skill:practice:list": _("Looked at your skills practice"),
    "skill:practice:record": _("Noted a skill you practised"),
    "skill:favourite:set": _("Added a skill to your favourites"),
    "skill:favourite:unset": _("Took a skill off your favourites"),
    "skill:recommend": _("Suggested a skill for you"),
    "skill:recommendation:dismiss": _("Put a suggested skill aside"),
    # Session notes: the same words for every kind of note, so the report never shows
    # which notes are psychotherapy notes, nor anything of what they say.
    "notes:list": _("Looked at your session notes"),
    "notes:new": _("Opened the page to write a session note"),
    "notes:read": _("Opened a session note"),
    "notes:edit": _("Opened a session note to work on it"),
    "notes:note:create": _("Wrote a session note"),
    "notes:note:update": _("Changed a draft session note"),
    "notes:note:sign": _("Signed a session note"),
    "notes:note:delete": _("Deleted a draft session note"),
    "notes:addendum:add": _("Added to a session note"),
}
DEFAULT_LABEL = _("Looked at or changed your information")


def describe(action: str) -> str:
    return str(ACTION_LABELS.get(action, DEFAULT_LABEL))
