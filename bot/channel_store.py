"""Messages received from WeChat / WeCom, the numbered choices offered to each user, and
the nonces of signed requests.

WeChat delivers a message up to three times when the reply is slow. The first process
that inserts ``(channel, sender, msg_id)`` into ``channel_messages`` handles the
message; every other delivery — in this process or another replica — only reads the
stored reply. The sender is part of the key: a MsgId is only unique per user, and a
message claiming another user's MsgId must not be answered with that user's reply.
Status changes are compare-and-set updates, so that "the reply is ready" and "the last
delivery gave up waiting, push it" cannot both win.

``channel_nonces`` remembers each signed request's (timestamp, nonce) with a digest of
its message for a day (longer than the replay window): WeChat repeats a delivery with
the same query and message, an attacker replaying a captured signature with another
message is refused (:meth:`MessageStore.first_use`).

The tables live in the ticket database (schema by ``migrations/versions/0002_…``).
Rows are kept one day, then deleted opportunistically: unlike tickets, these rows are
only a delivery log. All methods are blocking; the channel calls them in a thread.
"""
from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import threading
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from bot.db import Database, UtcDateTime, new_metadata
from bot.db.migrate import check_schema

#: How long rows are kept; WeChat retries within 15 seconds.
RETENTION = dt.timedelta(days=1)
#: Numbered choices older than this are not applied to a bare number any more.
CHOICES_TTL = dt.timedelta(days=1)
PRUNE_EVERY = dt.timedelta(minutes=10)

metadata = new_metadata()

channel_messages = sa.Table(
    "channel_messages", metadata,
    sa.Column("channel", sa.String(16), primary_key=True),
    sa.Column("sender", sa.String(128), primary_key=True),
    sa.Column("msg_id", sa.String(128), primary_key=True),
    sa.Column("received_at", UtcDateTime, nullable=False, index=True),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("reply", sa.Text),
    sa.Column("updated_at", UtcDateTime, nullable=False),
)

channel_choices = sa.Table(
    "channel_choices", metadata,
    sa.Column("channel", sa.String(16), primary_key=True),
    sa.Column("sender", sa.String(128), primary_key=True),
    sa.Column("choices", sa.Text, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False, index=True),
)


channel_nonces = sa.Table(
    "channel_nonces", metadata,
    sa.Column("channel", sa.String(16), primary_key=True),
    sa.Column("timestamp", sa.String(16), primary_key=True),
    sa.Column("nonce", sa.String(64), primary_key=True),
    sa.Column("body_digest", sa.String(64), nullable=False),
    sa.Column("seen_at", UtcDateTime, nullable=False, index=True),
)

#: When each WeChat / WeCom user last wrote: WeChat allows customer-service messages for
#: 48 hours after (bot.notify.senders). Only the latest time is kept, per user.
channel_contacts = sa.Table(
    "channel_contacts", metadata,
    sa.Column("channel", sa.String(16), primary_key=True),
    sa.Column("user_id", sa.String(128), primary_key=True),
    sa.Column("last_message_at", UtcDateTime, nullable=False, index=True),
)
#: Contacts silent this long are of no use any more (the window is 48 hours).
CONTACT_RETENTION = dt.timedelta(days=3)


class Status(str, enum.Enum):
    """Where a received message is."""

    PROCESSING = "processing"  # the winner is asking Rasa
    ANSWERED = "answered"  # reply stored: any delivery returns it passively
    PUSH = "push"  # the last delivery gave up waiting: push the reply when ready
    PUSHING = "pushing"  # reply ready, being pushed through the API
    PUSHED = "pushed"
    PUSH_FAILED = "push_failed"


@dataclass(frozen=True)
class Claim:
    """The outcome of recording one delivery of a message."""

    won: bool  # this delivery inserted the row: it handles the message
    attempts: int  # deliveries seen so far, this one included
    status: Status
    reply: str | None


@dataclass(frozen=True)
class Choice:
    """One numbered choice: what the user saw and what Rasa gets."""

    title: str
    payload: str


class MessageStore:
    """The tables, in the ticket database through :class:`bot.db.Database` (opened on first use).

    Every method raises :class:`bot.db.StoreUnavailable` when the database is away or
    not migrated.
    """

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.database = Database(database_url)
        self._last_prune: dt.datetime | None = None
        self._lock = threading.Lock()

    def check_ready(self) -> None:
        """Raises :class:`bot.db.StoreUnavailable` unless the database is at the newest revision."""
        check_schema(self.database_url)

    def first_use(self, channel: str, timestamp: str, nonce: str, body: bytes, now: dt.datetime) -> bool:
        """Records a signed request's (timestamp, nonce); ``False`` if seen with another body.

        ``body`` is the message as opened (decrypted in AES mode). WeChat repeats a
        delivery with the same query and the same message: that is allowed (the
        message itself is processed once, by sender and MsgId). The same signature
        over another message is a replay of a captured query (plaintext mode signs
        only the query): refused.
        """
        digest = hashlib.sha256(body).hexdigest()
        key = sa.and_(channel_nonces.c.channel == channel, channel_nonces.c.timestamp == timestamp[:16],
                      channel_nonces.c.nonce == nonce[:64])
        try:
            with self.database.writing() as connection:
                connection.execute(channel_nonces.insert().values(
                    channel=channel, timestamp=timestamp[:16], nonce=nonce[:64], body_digest=digest, seen_at=now))
            return True
        except IntegrityError:
            pass
        with self.database.reading() as connection:
            seen: str | None = connection.execute(
                sa.select(channel_nonces.c.body_digest).where(key)).scalar_one_or_none()
        return seen == digest

    def claim(self, channel: str, msg_id: str, sender: str, now: dt.datetime) -> Claim:
        """Records one delivery of ``sender``'s ``msg_id``; the first delivery anywhere wins."""
        try:
            with self.database.writing() as connection:
                connection.execute(channel_messages.insert().values(
                    channel=channel, msg_id=msg_id, sender=sender, received_at=now, attempts=1,
                    status=Status.PROCESSING.value, updated_at=now))
                self._touch_contact(connection, channel, sender, now)
            self._prune_now_and_then(now)
            return Claim(True, 1, Status.PROCESSING, None)
        except IntegrityError:
            pass
        key = self._key(channel, sender, msg_id)
        with self.database.writing() as connection:
            connection.execute(channel_messages.update().where(key).values(
                attempts=channel_messages.c.attempts + 1))
            row = connection.execute(sa.select(channel_messages).where(key)).one()
        return Claim(False, row.attempts, Status(row.status), row.reply)

    @staticmethod
    def _touch_contact(connection: Any, channel: str, user: str, now: dt.datetime) -> None:
        """Records that ``user`` wrote at ``now`` (in the caller's transaction)."""
        key = sa.and_(channel_contacts.c.channel == channel, channel_contacts.c.user_id == user)
        updated = connection.execute(channel_contacts.update().where(
            key, channel_contacts.c.last_message_at < now).values(last_message_at=now))
        if updated.rowcount:
            return
        if connection.execute(sa.select(channel_contacts.c.channel).where(key)).first() is None:
            try:
                with connection.begin_nested():
                    connection.execute(channel_contacts.insert().values(
                        channel=channel, user_id=user, last_message_at=now))
            except IntegrityError:
                pass  # another replica recorded the same user at the same moment

    def last_message_at(self, channel: str, user: str) -> dt.datetime | None:
        """When ``user`` last wrote to the ``channel`` account, if within the kept days."""
        query = sa.select(channel_contacts.c.last_message_at).where(
            channel_contacts.c.channel == channel, channel_contacts.c.user_id == user)
        with self.database.reading() as connection:
            at: dt.datetime | None = connection.execute(query).scalar_one_or_none()
        return at

    def get(self, channel: str, sender: str, msg_id: str) -> Claim | None:
        """The message's current state, ``None`` if unknown."""
        with self.database.reading() as connection:
            row = connection.execute(
                sa.select(channel_messages).where(self._key(channel, sender, msg_id))).one_or_none()
        return None if row is None else Claim(False, row.attempts, Status(row.status), row.reply)

    def answer(self, channel: str, sender: str, msg_id: str, reply: str, now: dt.datetime) -> bool:
        """Stores the reply; ``False`` when the last delivery gave up (push it instead).

        Either way the row holds the reply afterwards; in the push case its status is
        ``PUSHING``.
        """
        if self._move(channel, sender, msg_id, Status.PROCESSING, Status.ANSWERED, now, reply=reply):
            return True
        self._move(channel, sender, msg_id, Status.PUSH, Status.PUSHING, now, reply=reply)
        return False

    def give_up(self, channel: str, sender: str, msg_id: str, now: dt.datetime) -> bool:
        """Marks a message still processing as to be pushed; ``False`` if it was answered."""
        return self._move(channel, sender, msg_id, Status.PROCESSING, Status.PUSH, now)

    def pushed(self, channel: str, sender: str, msg_id: str, ok: bool, now: dt.datetime) -> None:
        """Records the outcome of the push."""
        self._move(channel, sender, msg_id, Status.PUSHING, Status.PUSHED if ok else Status.PUSH_FAILED, now)

    def save_choices(self, channel: str, sender: str, choices: list[Choice], now: dt.datetime) -> None:
        """Remembers the choices just offered to ``sender`` (none: forgets older ones)."""
        key = sa.and_(channel_choices.c.channel == channel, channel_choices.c.sender == sender)
        with self.database.writing() as connection:
            connection.execute(channel_choices.delete().where(key))
            if choices:
                data = json.dumps([[c.title, c.payload] for c in choices], ensure_ascii=False)
                connection.execute(channel_choices.insert().values(
                    channel=channel, sender=sender, choices=data, updated_at=now))

    def choices(self, channel: str, sender: str, now: dt.datetime) -> list[Choice]:
        """The choices last offered to ``sender``, if recent."""
        query = sa.select(channel_choices.c.choices).where(
            channel_choices.c.channel == channel, channel_choices.c.sender == sender,
            channel_choices.c.updated_at >= now - CHOICES_TTL)
        with self.database.reading() as connection:
            data = connection.execute(query).scalar_one_or_none()
        return [Choice(title, payload) for title, payload in json.loads(data)] if data else []

    def prune(self, now: dt.datetime) -> int:
        """Deletes messages, choices and nonces older than a day; returns the rows deleted."""
        with self.database.writing() as connection:
            deleted: int = connection.execute(
                channel_messages.delete().where(channel_messages.c.received_at < now - RETENTION)).rowcount
            deleted += connection.execute(
                channel_choices.delete().where(channel_choices.c.updated_at < now - RETENTION)).rowcount
            deleted += connection.execute(
                channel_nonces.delete().where(channel_nonces.c.seen_at < now - RETENTION)).rowcount
            deleted += connection.execute(channel_contacts.delete().where(
                channel_contacts.c.last_message_at < now - CONTACT_RETENTION)).rowcount
        return deleted

    def _prune_now_and_then(self, now: dt.datetime) -> None:
        with self._lock:
            if self._last_prune is not None and now - self._last_prune < PRUNE_EVERY:
                return
            self._last_prune = now
        self.prune(now)

    def _move(self, channel: str, sender: str, msg_id: str, old: Status, new: Status, now: dt.datetime,
              reply: str | None = None) -> bool:
        values = {"status": new.value, "updated_at": now}
        if reply is not None:
            values["reply"] = reply
        with self.database.writing() as connection:
            result = connection.execute(channel_messages.update().where(
                self._key(channel, sender, msg_id), channel_messages.c.status == old.value).values(**values))
        moved: int = result.rowcount
        return moved == 1

    @staticmethod
    def _key(channel: str, sender: str, msg_id: str) -> sa.sql.ColumnElement:
        return sa.and_(channel_messages.c.channel == channel, channel_messages.c.sender == sender,
                       channel_messages.c.msg_id == msg_id)
