"""Personal data: retention (``python -m bot privacy purge --older-than 2y``).

(Masking phones and ID-card numbers in what people read is :func:`bot.validation.mask_personal_in`.)

Tickets are the government's record and are never deleted; what identifies a person
in them is kept only as long as it is needed:

- **closed tickets** closed before the cut-off: the contact's name and phone, the
  conversation that filed them (a WeChat OpenID, a web session) and the filing key
  (which contains it) are removed; phone numbers, ID-card numbers and e-mail
  addresses written into the description or the event log are replaced by 〔已删除〕;
  enterprise users in the event log become ``enterprise:(已匿名)``. The company,
  department, dates, SLA, escalation and rating stay, so reports still add up. An
  anonymised ticket can no longer be looked up by phone or conversation.
- **conversations** (Rasa's tracker store, everything users typed) idle since before
  the cut-off (``--trackers-older-than``, default the same) are deleted.
- the WeChat/WeCom **delivery log** older than a day is deleted (the channel does it too).

The rewrite goes through the ticket store's unit of work (the repository is the only
writer of ticket rows and events: :meth:`erase_personal_data`), in batches, each ticket
conditional on its version (a ticket changed meanwhile is left for the next run). Run
it from cron, e.g. nightly; ``--dry-run`` counts without changing anything.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Engine

    from bot.config import Settings
    from bot.tickets.erasure import Erasure

#: What replaces a removed name, and a removed phone (the column is NOT NULL).
ANONYMOUS = "(已匿名)"
NO_PHONE = ""
REMOVED = "〔已删除〕"
BATCH = 500
_DURATION = re.compile(r"^\s*(\d+)\s*([dmy])\s*$")
_DAYS = {"d": 1, "m": 30, "y": 365}
#: Mainland mobiles, landlines, 18-digit ID-card numbers, e-mail addresses.
_PERSONAL = re.compile(
    r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{17}[\dXx])(?!\d)|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")



def parse_duration(text: str) -> dt.timedelta:
    """``90d``, ``6m`` (30 days each), ``2y`` (365 days each)."""
    found = _DURATION.match(text or "")
    if not found:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (examples: 180d, 6m, 2y)")
    return dt.timedelta(days=int(found.group(1)) * _DAYS[found.group(2)])


def redact(text: str | None) -> str | None:
    """``text`` with phone, ID-card numbers and e-mail addresses replaced."""
    return None if text is None else _PERSONAL.sub(REMOVED, text)


def _anonymous_actor(actor: str) -> str:
    return f"enterprise:{ANONYMOUS}" if actor.startswith("enterprise:") else actor


@dataclass
class PurgeReport:
    """What a purge changed (or, dry, would change)."""

    cutoff: str
    tracker_cutoff: str
    tickets_anonymised: int = 0
    tickets_skipped_changed: int = 0
    events_rewritten: int = 0
    notices_rewritten: int = 0
    conversations_deleted: int = 0
    tracker_events_deleted: int = 0
    channel_rows_deleted: int = 0
    dry_run: bool = False


def erasure() -> Erasure:
    """The retention rules as the ticket repository applies them (see the module docstring)."""
    from bot.tickets.erasure import Erasure

    return Erasure(name=ANONYMOUS, phone=NO_PHONE, text=lambda text: redact(text) or "", actor=_anonymous_actor)


def anonymise_closed_tickets(url: str, cutoff: dt.datetime, now: dt.datetime, report: PurgeReport) -> None:
    """Removes the personal data of tickets closed before ``cutoff`` (see the module docstring).

    Through the ticket store's unit of work, a batch per transaction: the repository
    rewrites the tickets and their events, the outbox the notices sent about them.
    """
    from bot.tickets.unit_of_work import SqlUnitOfWorkFactory

    uow_factory = SqlUnitOfWorkFactory(url)
    with uow_factory(read_only=True) as uow:
        ids = uow.tickets.closed_with_contact_before(cutoff, NO_PHONE)
    if report.dry_run:
        report.tickets_anonymised = len(ids)
        return
    rules = erasure()
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        with uow_factory() as uow:
            erased = uow.tickets.erase_personal_data(batch, rules, now)
            # the notices sent about them: who they went to (a phone, an OpenID) and what they said
            report.notices_rewritten += uow.outbox.erase(batch, ANONYMOUS, rules.text)
            uow.commit()
        report.tickets_anonymised += erased.tickets
        report.tickets_skipped_changed += erased.skipped_changed
        report.events_rewritten += erased.events


def delete_idle_conversations(tracker_url: str, cutoff: dt.datetime, report: PurgeReport) -> None:
    """Deletes Rasa's stored events of conversations idle since before ``cutoff``.

    Raises:
        StoreUnavailable: the tracker database is away (locked past the busy timeout, unreachable).
    """
    from bot.db import create_engine, unavailable_as_store_error

    # Rasa's database, not ours: an engine of its own with bot.db's settings (SQLite: WAL and
    # a busy timeout, as the compact tracker store has them), closed when done.
    engine = create_engine(tracker_url)
    try:
        with unavailable_as_store_error():
            _delete_idle(engine, cutoff, report)
    finally:
        engine.dispose()


def _delete_idle(engine: Engine, cutoff: dt.datetime, report: PurgeReport) -> None:
    import sqlalchemy as sa

    from bot.db import READ_ONLY

    events = sa.table("events", sa.column("sender_id"), sa.column("timestamp"))
    heads = sa.table("conversation_heads", sa.column("sender_id"))
    pauses = sa.table("conversation_pauses", sa.column("sender_id"))
    with engine.connect() as connection:
        reading = connection.execution_options(**{READ_ONLY: True})  # SQLite: no write lock to read
        if not sa.inspect(reading).has_table("events"):
            return  # Rasa never ran against this database
        # The compact tracker store's row per conversation holds its slots (phone, company):
        # it goes with the events (bot/plugins/compact_store.py), and so does its pause record.
        has_heads = sa.inspect(reading).has_table("conversation_heads")
        has_pauses = sa.inspect(reading).has_table("conversation_pauses")
        idle = (sa.select(events.c.sender_id).group_by(events.c.sender_id)
                .having(sa.func.max(events.c.timestamp) < cutoff.timestamp()))
        senders = list(reading.execute(idle).scalars())
        report.conversations_deleted = len(senders)
        if report.dry_run:
            report.tracker_events_deleted = sum(reading.execute(
                sa.select(sa.func.count()).select_from(events).where(
                    events.c.sender_id.in_(senders[i:i + BATCH]))).scalar_one()
                for i in range(0, len(senders), BATCH))
            return
    for start in range(0, len(senders), BATCH):
        batch = senders[start:start + BATCH]
        with engine.begin() as connection:
            report.tracker_events_deleted += connection.execute(
                events.delete().where(events.c.sender_id.in_(batch))).rowcount
            if has_heads:
                connection.execute(heads.delete().where(heads.c.sender_id.in_(batch)))
            if has_pauses:
                connection.execute(pauses.delete().where(pauses.c.sender_id.in_(batch)))


def tracker_url_from(settings: Settings) -> str:
    """The tracker store's URL: ``YS_TRACKER_DB_*`` (as in endpoints.production.yml), else var/rasa_tracker.db."""
    tracker = settings.tracker
    if not tracker.host:
        return f"sqlite:///{settings.var_dir / 'rasa_tracker.db'}"
    from sqlalchemy.engine import URL

    url = URL.create("postgresql+psycopg2", username=tracker.user or None,
                     password=tracker.password or None, host=tracker.host, port=tracker.port,
                     database=tracker.name, query={"sslmode": tracker.sslmode})
    rendered: str = url.render_as_string(hide_password=False)  # SQLAlchemy 1.4 ships no types
    return rendered


def purge(url: str, tracker_url: str | None, older_than: dt.timedelta, now: dt.datetime,
          trackers_older_than: dt.timedelta | None = None, dry_run: bool = False) -> PurgeReport:
    """Runs the retention policy once; see the module docstring."""
    cutoff = now - older_than
    tracker_cutoff = now - (trackers_older_than or older_than)
    report = PurgeReport(cutoff.isoformat(), tracker_cutoff.isoformat(), dry_run=dry_run)
    anonymise_closed_tickets(url, cutoff, now, report)
    if tracker_url:
        delete_idle_conversations(tracker_url, tracker_cutoff, report)
    if not dry_run:
        from bot.channel_store import MessageStore

        report.channel_rows_deleted = MessageStore(url).prune(now)
    return report


# ---- command line ---------------------------------------------------------------------------
def register(groups: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the ``privacy`` command group."""
    parser = groups.add_parser("privacy", help="retention of personal data (tickets anonymised, chats deleted)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    command = commands.add_parser("purge", help="anonymise closed tickets and delete idle conversations")
    command.add_argument("--older-than", type=parse_duration, required=True,
                         help="closed (tickets) or idle (conversations) longer than this: 180d, 6m, 2y")
    command.add_argument("--trackers-older-than", type=parse_duration,
                         help="another limit for conversations (default: --older-than)")
    command.add_argument("--url", help="ticket database URL (default: YS_DATABASE_URL)")
    command.add_argument("--tracker-url", help="tracker store URL (default: YS_TRACKER_DB_* or var/rasa_tracker.db)")
    command.add_argument("--no-trackers", action="store_true", help="leave the conversations alone")
    command.add_argument("--dry-run", action="store_true", help="count only, change nothing")
    command.add_argument("--now", help="ISO time (naive = Beijing time); default now")
    command.add_argument("--json", action="store_true", help="print JSON")
    command.set_defaults(handler=_purge)


def _purge(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bot.cliutil import fail, parse_instant, wall_clock
    from bot.config import get_settings
    from bot.db import StoreUnavailable

    settings = get_settings()
    now = parse_instant(args.now) if args.now else wall_clock()
    tracker_url = None if args.no_trackers else (args.tracker_url or tracker_url_from(settings))
    try:
        report = purge(args.url or settings.database_url, tracker_url, args.older_than, now,
                       args.trackers_older_than, args.dry_run)
    except (StoreUnavailable, SQLAlchemyError, OSError) as exc:
        return fail(f"purge failed: {exc}", 1)
    if args.json:
        print(json.dumps(asdict(report), ensure_ascii=False))
        return 0
    verb = "would be" if args.dry_run else ""
    lines: list[str] = [
        f"tickets closed before {report.cutoff[:10]}: {report.tickets_anonymised} {verb} anonymised".replace("  ", " "),
        f"conversations idle since before {report.tracker_cutoff[:10]}: {report.conversations_deleted} "
        f"({report.tracker_events_deleted} events) {verb} deleted".replace("  ", " "),
    ]
    if report.tickets_skipped_changed:
        lines.append(f"{report.tickets_skipped_changed} ticket(s) changed meanwhile: left for the next run")
    if not args.dry_run:
        lines.append(f"event log entries rewritten: {report.events_rewritten}; delivery-log rows deleted: "
                     f"{report.channel_rows_deleted}")
    print("\n".join(lines))
    return 0


def _as_dict(report: PurgeReport) -> dict[str, Any]:
    return asdict(report)
