"""Retention of personal data (bot.privacy): closed tickets anonymised, idle chats deleted."""
import argparse
import datetime as dt
import json

import pytest
import sqlalchemy as sa

from bot import cli, privacy
from bot.tickets.errors import TicketNotFound
from tests.bot.tickets.conftest import FRIDAY, PHONE

LATER = FRIDAY + dt.timedelta(days=800)
YEAR = dt.timedelta(days=365)


@pytest.fixture()
def closed(service, filed):
    """A ticket closed on FRIDAY whose description carries a phone and an e-mail address."""
    ticket_id = filed(description="窗口推诿,请回电13912345678或邮件 zhang@example.cn,事情一直办不成")
    service.close(ticket_id, "已协调办结,联系人13912345678", FRIDAY + dt.timedelta(hours=2), "officer:test")
    return ticket_id


def test_a_ticket_closed_before_the_cutoff_keeps_its_facts_and_loses_the_person(service, database_url, closed):
    report = privacy.purge(database_url, None, YEAR, LATER)
    assert (report.tickets_anonymised, report.tickets_skipped_changed) == (1, 0)
    ticket = service.get(closed)
    assert (ticket.contact_name, ticket.phone, ticket.conversation_id, ticket.filing_key) == \
        (privacy.ANONYMOUS, "", None, None)
    assert ticket.description == "窗口推诿,请回电〔已删除〕或邮件 〔已删除〕,事情一直办不成"
    assert (ticket.company_name, ticket.department, ticket.status.value) == \
        ("示例科技有限公司", "行政审批服务局", "closed"), "what reports count stays"
    assert all(not e.actor.startswith("enterprise:c-") for e in ticket.history)
    assert "13912345678" not in json.dumps([dict(e.data) for e in ticket.history], ensure_ascii=False)
    with pytest.raises(TicketNotFound):
        service.find_for_enterprise(closed, PHONE, LATER)
    assert service.tickets_of_conversation("c-1", LATER) == []


def test_the_notices_of_a_purged_ticket_lose_their_recipient_and_personal_data(
        database_url, calendar, policies, departments):
    from bot.departments import load_departments
    from bot.notify.planner import Notifier
    from bot.notify.rules import load_notice_rules
    from bot.notify.store import OutboxStore
    from bot.tickets.service import TicketService
    from bot.tickets.unit_of_work import SqlUnitOfWorkFactory
    from tests.bot.tickets.conftest import ROOT, make_draft

    rules = load_notice_rules(ROOT / "knowledge" / "notifications.yml", load_departments(ROOT / "knowledge").names)
    notifying = TicketService(SqlUnitOfWorkFactory(database_url), calendar, policies, departments,
                              notifier=Notifier(rules))
    ticket_id = notifying.file(make_draft(channel="hotline", conversation_id=None, actor="agent:w"), FRIDAY).ticket.id
    notifying.close(ticket_id, "已协调办结,联系人13912345678", FRIDAY + dt.timedelta(hours=2), "officer:test")
    assert privacy.purge(database_url, None, YEAR, LATER).notices_rewritten == 2
    for notice in OutboxStore(database_url).for_ticket(ticket_id):
        assert notice.recipient == privacy.ANONYMOUS and "13912345678" not in notice.text and PHONE not in notice.text


def test_open_and_recently_closed_tickets_are_left_alone(service, database_url, filed, closed):
    still_open = filed(conversation_id="c-2", filing_key="k-2")
    recent = filed(conversation_id="c-3", filing_key="k-3")
    service.close(recent, "已办结", LATER - dt.timedelta(days=30), "officer:test")
    assert privacy.purge(database_url, None, YEAR, LATER).tickets_anonymised == 1
    for ticket_id in (still_open, recent):
        assert service.get(ticket_id).phone == PHONE


def test_a_dry_run_counts_and_changes_nothing_and_a_second_run_finds_nothing(service, database_url, closed):
    assert privacy.purge(database_url, None, YEAR, LATER, dry_run=True).tickets_anonymised == 1
    assert service.get(closed).phone == PHONE
    privacy.purge(database_url, None, YEAR, LATER)
    assert privacy.purge(database_url, None, YEAR, LATER).tickets_anonymised == 0


def test_conversations_idle_since_before_the_cutoff_are_deleted(database_url, tmp_path):
    tracker_url = f"sqlite:///{tmp_path / 'rasa_tracker.db'}"
    engine = sa.create_engine(tracker_url, future=True)
    events = sa.Table("events", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True),
                      sa.Column("sender_id", sa.String(255)), sa.Column("timestamp", sa.Float),
                      sa.Column("data", sa.Text))
    events.metadata.create_all(engine)
    old, recent = (LATER - dt.timedelta(days=400)).timestamp(), (LATER - dt.timedelta(days=10)).timestamp()
    with engine.begin() as connection:
        connection.execute(events.insert(), [
            {"sender_id": "old", "timestamp": old, "data": "{}"},
            {"sender_id": "old", "timestamp": old + 60, "data": "{}"},
            {"sender_id": "mixed", "timestamp": old, "data": "{}"},
            {"sender_id": "mixed", "timestamp": recent, "data": "{}"},
        ])
    heads = sa.Table("conversation_heads", events.metadata, sa.Column("sender_id", sa.String(255), primary_key=True),
                     sa.Column("prefix", sa.Text))
    heads.create(engine)
    with engine.begin() as connection:
        connection.execute(heads.insert(), [{"sender_id": "old", "prefix": '[{"event": "slot", "name": "phone"}]'},
                                            {"sender_id": "mixed", "prefix": "[]"}])
    pauses = sa.Table("conversation_pauses", events.metadata,
                      sa.Column("sender_id", sa.String(255), primary_key=True))
    pauses.create(engine)
    with engine.begin() as connection:
        connection.execute(pauses.insert(), [{"sender_id": "old"}, {"sender_id": "mixed"}])
    report = privacy.purge(database_url, tracker_url, YEAR, LATER)
    assert (report.conversations_deleted, report.tracker_events_deleted) == (1, 2)
    with engine.connect() as connection:
        assert sorted(connection.execute(sa.select(events.c.sender_id).distinct()).scalars()) == ["mixed"]
        assert list(connection.execute(sa.select(heads.c.sender_id)).scalars()) == ["mixed"], \
            "the compact store's head, with the slots in it, goes with the events"
        assert list(connection.execute(sa.select(pauses.c.sender_id)).scalars()) == ["mixed"], \
            "and so does its pause record"
    engine.dispose()


def test_the_command_line_reports_in_json(database_url, closed, capsys):
    code = cli.main(["privacy", "purge", "--older-than", "1y", "--url", database_url, "--no-trackers",
                     "--now", LATER.isoformat(), "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["tickets_anonymised"] == 1


@pytest.mark.parametrize("text", ["90x", "", "2 weeks"])
def test_durations_are_checked(text):
    with pytest.raises(argparse.ArgumentTypeError, match="not a duration"):
        privacy.parse_duration(text)


def test_a_tracker_database_out_of_reach_is_store_unavailable(database_url):
    from bot.db import StoreUnavailable

    report = privacy.PurgeReport(LATER.isoformat(), LATER.isoformat())
    with pytest.raises(StoreUnavailable):  # nothing listens on port 1
        privacy.delete_idle_conversations("postgresql+psycopg2://nobody@127.0.0.1:1/rasa", LATER - YEAR, report)
