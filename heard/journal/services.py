"""Every write to the journal: start, autosave a draft, save (each saved version kept), share,
take a share back, delete, export; and search in one's own entries.

Journal text is client free text. It is saved first and then screened through the one safety
path (`safety.services.screen_client_text`), so what someone wrote is never lost and every
signal reaches the care team. Nothing here logs the text: log lines carry ids only.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import User
from heard.audit import services as audit
from heard.journal import access, export
from heard.journal.models import (
    BODY_MAX_CHARS,
    TITLE_MAX_CHARS,
    EntryStatus,
    JournalEntry,
    JournalRevision,
    Prompt,
    Screening,
)
from heard.listening.reflect import Reflection, reflect
from heard.milestones import services as milestones
from heard.milestones.models import Milestone
from heard.people import policy
from heard.people import services as people
from heard.people.models import Category
from heard.safety import services as safety
from heard.safety.models import SignalSource

log = logging.getLogger("heard.journal")


@dataclass(frozen=True)
class Drafted:
    """A draft kept by autosave. `check` is None when nothing changed (not screened again)
    or the draft is empty."""

    entry: JournalEntry
    changed: bool
    check: safety.TextCheck | None


@dataclass(frozen=True)
class Saved:
    """A saved entry, the version this save kept, what screening found, and a milestone
    reached with it (None: none this time)."""

    entry: JournalEntry
    revision: JournalRevision
    check: safety.TextCheck
    milestone: Milestone | None


@dataclass(frozen=True)
class Shared:
    """A shared entry; `category_turned_on` says the journal category was off and sharing
    this entry turned it on (the page says so)."""

    entry: JournalEntry
    category_turned_on: bool
    milestone: Milestone | None


# --- Checking what was typed -------------------------------------------------------------------


def _clean(text: str) -> str:
    """One newline convention (browsers send CRLF), no blank space around the text."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def validate(*, title: str, body: str, require_body: bool) -> tuple[str, str]:
    """The title and body as they would be stored; ValidationError (per field, with words a
    person can act on) when they can't be. Nothing is stored on an error."""
    title, body = _clean(title), _clean(body)
    errors: dict[str, str] = {}
    if len(title) > TITLE_MAX_CHARS:
        errors["title"] = _(
            "Please keep the title to %(limit)s characters or fewer (it has %(count)s)."
        ) % {"limit": f"{TITLE_MAX_CHARS:,}", "count": f"{len(title):,}"}
    if "\n" in title:
        errors["title"] = _("Please keep the title on one line.")
    if require_body and not body:
        errors["body"] = _("Please write something before saving. A few words is fine.")
    if len(body) > BODY_MAX_CHARS:
        errors["body"] = _(
            "This entry is too long to save: please keep it to %(limit)s characters or fewer "
            "(it has %(count)s). You could split it into two entries."
        ) % {"limit": f"{BODY_MAX_CHARS:,}", "count": f"{len(body):,}"}
    if errors:
        raise ValidationError(errors)
    return title, body


def _screen_text(title: str, body: str) -> str:
    return f"{title}\n\n{body}" if title else body


def _lang(lang: str | None) -> str:
    code = (lang or "").split("-")[0].lower()[:8]
    return code or "en"


# --- Writing -----------------------------------------------------------------------------------


def start_entry(client: User, *, prompt: str = "", lang: str | None = None) -> JournalEntry:
    """Start a new, empty draft entry for `client` (who must be a client now: the caller has
    checked access.can_keep_journal), from one of the prompts or a blank page (prompt "").
    ValidationError for an unknown prompt."""
    if prompt and prompt not in Prompt.values:
        raise ValidationError({"prompt": _("Please choose one of the prompts, or a blank page.")})
    with transaction.atomic():
        entry = JournalEntry.objects.create(
            client=client, prompt=prompt, lang=_lang(lang), status=EntryStatus.DRAFT
        )
        audit.record(
            client, "journal:entry:start", client=client, obj=entry, extra={"prompt": prompt}
        )
    log.info("journal.entry.started entry=%s", entry.pk)
    return entry


def autosave_draft(
    client: User, *, entry: JournalEntry, title: str, body: str, lang: str | None = None
) -> Drafted:
    """Keep what `client` is typing in `entry` as its draft, without making a saved version
    (autosave calls this every few seconds). Idempotent: the same text again writes nothing.

    The draft is client text, so it is screened (source id: the entry's id, so an entry's
    drafts alert at most once). The caller never redirects mid-typing: when the check shows
    risk it shows a calm note linking to support. ValidationError for over-long text.
    """
    title, body = validate(title=title, body=body, require_body=False)
    current = (
        (entry.draft_title, entry.draft_body) if entry.has_draft else (entry.title, entry.body)
    )
    if (title, body) == current:
        return Drafted(entry=entry, changed=False, check=None)
    with transaction.atomic():
        entry.draft_title = title
        entry.draft_body = body
        entry.draft_at = timezone.now()
        if lang:
            entry.lang = _lang(lang)
        entry.save(update_fields=["draft_title", "draft_body", "draft_at", "lang", "updated_at"])
        audit.record(client, "journal:entry:draft", client=client, obj=entry)
    check = None
    if title or body:
        check = safety.screen_client_text(
            client=client,
            text=_screen_text(title, body),
            source_id=entry.public_id,
            lang=entry.lang,
            source=SignalSource.JOURNAL,
        )
    log.info("journal.draft.saved entry=%s", entry.pk)
    return Drafted(entry=entry, changed=True, check=check)


def save_entry(
    client: User, *, entry: JournalEntry, title: str, body: str, lang: str | None = None
) -> Saved:
    """Save `entry` with this title and body: a draft becomes a saved entry, and an edit of a
    saved entry becomes its next version (every saved version is kept as a JournalRevision,
    so the earlier text is never lost). Any autosaved draft is cleared. Saving the same text
    again (a double submit, a retry) keeps no new version.

    Then the text is screened with the version's id as the source id (each saved edit is
    screened; a retry never alerts twice), and what screening found is kept on the version,
    so the page knows whether a reflection may follow. Audited as "journal:entry:save".
    ValidationError (per field) before anything is stored.
    """
    title, body = validate(title=title, body=body, require_body=True)
    milestone = None
    with transaction.atomic():
        # Lock the row, then work on the caller's own object, so it is never left stale.
        JournalEntry.objects.select_for_update().only("pk").get(pk=entry.pk)
        entry.refresh_from_db()
        revision = access.latest_revision(entry)
        unchanged = entry.is_saved and (entry.title, entry.body) == (title, body)
        if not unchanged or revision is None:
            entry.revision += 1
            entry.title, entry.body = title, body
            entry.status = EntryStatus.SAVED
            entry.saved_at = timezone.now()
            revision = JournalRevision.objects.create(
                entry=entry, number=entry.revision, title=title, body=body
            )
            audit.record(
                client,
                "journal:entry:save",
                client=client,
                obj=entry,
                extra={"revision": entry.revision},
            )
            milestone = milestones.award(client, "first_journal_entry")
        entry.draft_title = entry.draft_body = ""
        entry.draft_at = None
        if lang:
            entry.lang = _lang(lang)
        entry.save()
    check = safety.screen_client_text(
        client=client,
        text=_screen_text(title, body),
        source_id=revision.public_id,
        lang=entry.lang,
        source=SignalSource.JOURNAL,
    )
    revision.screening = screening_of(check)
    revision.save(update_fields=["screening", "updated_at"])
    log.info("journal.entry.saved entry=%s revision=%s", entry.pk, revision.number)
    return Saved(entry=entry, revision=revision, check=check, milestone=milestone)


def create_entry(
    client: User,
    *,
    title: str,
    body: str,
    prompt: str = "",
    draft: bool = False,
    lang: str | None = None,
) -> Saved | Drafted:
    """Start and write an entry in one go (the API): saved (Saved), or kept as a draft
    (Drafted). Everything is checked before anything is stored, so a refused entry leaves
    no empty draft behind. ValidationError (per field) otherwise."""
    validate(title=title, body=body, require_body=not draft)
    if prompt and prompt not in Prompt.values:
        raise ValidationError({"prompt": _("Please choose one of the prompts, or a blank page.")})
    entry = start_entry(client, prompt=prompt, lang=lang)
    if draft:
        return autosave_draft(client, entry=entry, title=title, body=body, lang=lang)
    return save_entry(client, entry=entry, title=title, body=body, lang=lang)


def screening_of(check: safety.TextCheck) -> str:
    """What a check found, as kept on a saved version."""
    if check.failed:
        return Screening.FAILED
    if check.show_crisis_screen:
        return Screening.CRISIS
    if check.show_helping_someone:
        return Screening.SOMEONE_ELSE
    return Screening.CLEAR


def reflection_for(entry: JournalEntry, revision: JournalRevision | None) -> Reflection | None:
    """The automated reflection on a saved version, or None. Only when screening ran and
    found nothing of concern: never with, or instead of, the crisis response (and worry
    about someone else gets the "helping someone" panel instead)."""
    if revision is None or revision.screening != Screening.CLEAR:
        return None
    return reflect(
        _screen_text(revision.title, revision.body),
        entry.lang or "en",
        seed=str(entry.public_id),
        source="journal",
    )


def share_entry(client: User, *, entry: JournalEntry) -> Shared:
    """Share one saved entry with `client`'s care team. The care team sees shared entries only
    while the journal category is on, so sharing turns it on when it was off (the result says
    so, and the page tells the person). Idempotent; audited as "journal:entry:share".
    ValidationError for an entry that was never saved (a draft is never shared)."""
    if not entry.is_saved:
        raise ValidationError(_("Please save the entry before you share it."))
    with transaction.atomic():
        turned_on = not policy.shares(client, Category.JOURNAL)
        if turned_on:
            people.set_sharing(client, category=Category.JOURNAL, shared=True)
        if entry.shared_at is None:
            entry.shared_at = timezone.now()
            entry.save(update_fields=["shared_at", "updated_at"])
            audit.record(client, "journal:entry:share", client=client, obj=entry)
        milestone = milestones.award(client, "first_shared_entry")
    log.info("journal.entry.shared entry=%s", entry.pk)
    return Shared(entry=entry, category_turned_on=turned_on, milestone=milestone)


def unshare_entry(client: User, *, entry: JournalEntry) -> JournalEntry:
    """Take a share back: the care team no longer sees the entry, from the next request on.
    Idempotent; audited as "journal:entry:unshare"."""
    if entry.shared_at is None:
        return entry
    with transaction.atomic():
        entry.shared_at = None
        entry.save(update_fields=["shared_at", "updated_at"])
        audit.record(client, "journal:entry:unshare", client=client, obj=entry)
    log.info("journal.entry.unshared entry=%s", entry.pk)
    return entry


def delete_entry(client: User, *, entry: JournalEntry) -> None:
    """Delete an entry for good, with every saved version and any draft. Only the writer
    deletes (the caller loaded it with access.access_own_entry). A safety alert the text
    raised stays with the care team; it never held the text. Audited as
    "journal:entry:delete"."""
    with transaction.atomic():
        audit.record(
            client,
            "journal:entry:delete",
            client=client,
            obj=entry,
            extra={"revisions": entry.revisions.count(), "was_shared": entry.is_shared},
        )
        entry.delete()
    log.info("journal.entry.deleted client=%s", client.pk)


# --- Reading one's own entries -----------------------------------------------------------------


def text_of(entry: JournalEntry) -> tuple[str, str]:
    """The title and body a person reads for an entry: the saved text, or for an entry
    never saved, its draft."""
    return (entry.title, entry.body) if entry.is_saved else (entry.draft_title, entry.draft_body)


def fold(text: str) -> tuple[str, list[int]]:
    """`text` without case or accents ("Mañana" → "manana"), and for each character of the
    result the index of the character of `text` it came from (to cut a snippet)."""
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char.casefold()):
            if not unicodedata.combining(part):
                out.append(part)
                where.append(i)
    return "".join(out), where


SNIPPET_BEFORE = 60
SNIPPET_AFTER = 120


@dataclass(frozen=True)
class Match:
    entry: JournalEntry
    title: str
    snippet: str


def snippet(text: str, start: int, end: int) -> str:
    """Some words around text[start:end], cut at spaces, with "…" where text was left out."""
    left = max(0, start - SNIPPET_BEFORE)
    right = min(len(text), end + SNIPPET_AFTER)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    piece = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + piece + ("…" if right < len(text) else "")


def search_entries(client: User, q: str) -> list[Match]:
    """The client's own entries whose title or text holds every word of `q`, ignoring case
    and accents, newest first, each with a short snippet around the first word found.

    Entries are encrypted at rest, so the database cannot search them: each of the client's
    entries is decrypted and matched here, which is fine for one person's journal."""
    terms = [fold(term)[0] for term in q.split()]
    terms = [t for t in terms if t]
    if not terms:
        return []
    found: list[Match] = []
    for entry in access.own_entries(client):
        title, body = text_of(entry)
        folded_title, _where = fold(title)
        folded_body, where = fold(body)
        if not all(t in folded_title or t in folded_body for t in terms):
            continue
        hits = [(folded_body.find(t), t) for t in terms if t in folded_body]
        if hits:
            first, term = min(hits)
            piece = snippet(body, where[first], where[first + len(term) - 1] + 1)
        else:
            # Found in the title only: the entry's opening words.
            piece = snippet(body, 0, 0)
        found.append(Match(entry=entry, title=title, snippet=piece))
    return found


# --- Export ------------------------------------------------------------------------------------


def export_entries(client: User, *, fmt: Literal["csv", "json"]) -> str:
    """The client's own journal as a CSV or JSON file (every entry, newest first). Exports
    are sensitive reads: audited as "journal:export"."""
    entries = list(access.own_entries(client))
    with transaction.atomic():
        audit.record(
            client, "journal:export", client=client, extra={"format": fmt, "count": len(entries)}
        )
    records = [export.record(entry, *text_of(entry)) for entry in entries]
    log.info("journal.exported client=%s format=%s count=%s", client.pk, fmt, len(entries))
    return export.as_csv(records) if fmt == "csv" else export.as_json(records)
