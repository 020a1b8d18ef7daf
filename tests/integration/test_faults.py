"""Faults on the production path: the action server killed, its answer lost, PostgreSQL
restarted under load, PostgreSQL slow while WeChat waits.

Each fault starts and ends at a known point of the users' conversations (a barrier, a
lock the test holds), never after a guessed delay, so a fast or a loaded machine tests
the same thing.

What users must get: a clear 「稍后再试」-style message, never silence; what the
database must show: every ticket filed exactly once, or not at all — never twice.
"""
import concurrent.futures
import threading
import time
import uuid

import pytest
import requests

from bot.plugins.failures import APOLOGY
from tests.channels.wechat_fakes import WECHAT, OfficialAccountServer, next_msg_id, text_xml
from tests.integration.conftest import texts
from tests.integration.test_two_servers import FORM, TICKET_ID, fill

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

FILING_FAILED = "工单暂未提交成功"
MISUNDERSTOOD = "没有完全理解"
#: WeChat drops a delivery after 5 s and sends the same message again, three times in all.
WECHAT_WAIT_S = 5.0


def test_a_killed_action_server_gets_an_apology_and_the_form_goes_on_after_its_return(cluster):
    chat = cluster.chat(start=0)
    for step in FORM[:3]:
        chat.say(step)
    cluster.kill_action_server()
    try:
        direct = cluster.say(0, chat.sender, "跳过")  # A calls the dead port: connection refused
        balanced = cluster.say(1, chat.sender, "跳过")  # B's "load balancer" answers 502
    finally:
        cluster.start_action_server()
    assert texts(direct) == APOLOGY and texts(balanced) == APOLOGY, "an apology, not silence"
    assert "怎么称呼" in texts(chat.say("跳过")), "repeated, the answer is taken where the form was"
    chat.say("王建国")
    chat.say("13611112222")
    assert "请核对" in texts(chat.say("市场监管局"))
    ticket_id = TICKET_ID.search(texts(chat.say("确认"))).group(0)
    assert [t.id for t in cluster.tickets_of(chat.sender)] == [ticket_id]


def test_an_action_server_killed_at_the_confirmation_files_once_after_its_return(cluster):
    chat = cluster.chat(start=1)
    fill(chat, "13611113333")
    cluster.kill_action_server()
    try:
        refused = cluster.say(0, chat.sender, "确认")
        assert cluster.tickets_of(chat.sender) == [], "nothing filed while the action server is down"
    finally:
        cluster.start_action_server()
    assert texts(refused) == APOLOGY
    filed = texts(cluster.say(1, chat.sender, "确认"))
    ticket_id = TICKET_ID.search(filed).group(0)
    again = texts(cluster.say(0, chat.sender, "确认"))
    assert [t.id for t in cluster.tickets_of(chat.sender)] == [ticket_id], again


def test_an_answer_lost_after_the_ticket_was_committed_is_not_filed_twice(cluster):
    """The action server files and dies before answering (the proxy drops the answer)."""
    chat = cluster.chat(start=0)
    fill(chat, "13611114444")
    cluster.proxy.lose_answer_of("action_submit_ticket")
    lost = texts(cluster.say(1, chat.sender, "确认"))  # B goes through the proxy
    assert cluster.proxy.outcomes("action_submit_ticket")[-1] == "lost"
    assert lost == APOLOGY, "the user is told to try again"
    stored = cluster.tickets_of(chat.sender)
    assert len(stored) == 1, "the action server committed the ticket before its answer was lost"

    retried = texts(cluster.say(1, chat.sender, "确认"))
    assert stored[0].id in retried, "the repeated 确认 answers with the ticket already filed"
    assert [t.id for t in cluster.tickets_of(chat.sender)] == [stored[0].id], "and files nothing new"


# -- PostgreSQL restarted while users file tickets ----------------------------------------
class Patient:
    """A user who repeats a message when told to try again (at most ``attempts`` times)."""

    def __init__(self, cluster, index: int, attempts: int = 60) -> None:
        self.cluster = cluster
        self.chat = cluster.chat(start=index % 2)
        self.attempts = attempts
        self.seen = {"apology": 0, "filing_failed": 0, "silence": 0, "http_error": 0, "misunderstood": 0}
        self.transcript = []
        self.felt = threading.Event()  # told at least once that a turn failed

    def say(self, message: str) -> str:
        for _ in range(self.attempts):
            try:
                reply = texts(self.chat.say(message))
                self.transcript.append((message, reply))
            except requests.RequestException as exc:
                self.transcript.append((message, repr(exc)))
                self.seen["http_error"] += 1
                time.sleep(0.3)
                continue
            if MISUNDERSTOOD in reply:  # an answer from a conversation Rasa could not read
                self.seen["misunderstood"] += 1
                return reply
            if not reply.strip():
                self.seen["silence"] += 1
            elif APOLOGY in reply:
                self.seen["apology"] += 1
                self.felt.set()
            elif FILING_FAILED in reply:
                self.seen["filing_failed"] += 1
                self.felt.set()
                message = "/affirm"  # the 「重新提交」 button
            else:
                return reply
            time.sleep(0.3)  # the user reads the apology, then sends again
        raise AssertionError(f"{self.chat.sender}: no answer to {message!r} after {self.attempts} attempts; "
                             f"transcript {self.transcript[-6:]}")

    def file(self, phone: str, stop_at: int, outage: "Outage") -> str:
        """The complaint of FORM and 「确认」; before step ``stop_at`` waits for the outage to begin."""
        steps = [phone if step is None else step for step in FORM] + ["确认"]
        replies = []
        for index, step in enumerate(steps):
            if index == stop_at:
                outage.arrived()
            try:
                replies.append(self.say(step))
            except BaseException as exc:
                outage.abandon(f"{self.chat.sender}: {exc}")
                raise
        found = TICKET_ID.search(replies[-1])
        if not found:
            events = [(e["event"], e.get("name") or e.get("text") or e.get("value"), e.get("timestamp"))
                      for e in self.cluster.tracker(self.chat.sender)["events"] if e["event"] != "slot"]
            raise AssertionError(f"{self.chat.sender}: no ticket id; transcript {self.transcript}; events {events}")
        return found.group(0)


class Outage:
    """PostgreSQL stopped when every user has reached their point of the conversation, and
    started again when every user has been told that a turn failed (no timing guessed)."""

    def __init__(self, postgres, users: list, timeout: float = 300) -> None:
        self.postgres, self.users, self.timeout = postgres, users, timeout
        self._arrived = threading.Barrier(len(users) + 1)
        self._down = threading.Event()
        self.seconds = 0.0
        self.failure = ""

    def arrived(self) -> None:
        """A user reached their point: waits for the others, then for the database to be down."""
        try:
            self._arrived.wait(self.timeout)
        except threading.BrokenBarrierError:
            raise AssertionError(f"the outage was called off: {self.failure}") from None
        assert self._down.wait(self.timeout), "PostgreSQL was not stopped"

    def abandon(self, failure: str) -> None:
        """A user failed before their point: nobody waits for them."""
        self.failure = self.failure or failure
        self._arrived.abort()

    def run(self) -> None:
        self._arrived.wait(self.timeout)
        self.postgres.stop()
        started = time.monotonic()
        self._down.set()
        try:
            for user in self.users:  # down until each one met the outage
                assert user.felt.wait(self.timeout), f"{user.chat.sender} was never told a turn failed"
        finally:
            self.seconds = time.monotonic() - started
            self.postgres.start()


def test_a_database_restart_under_load_loses_no_ticket_and_duplicates_none(cluster, databases):
    """PostgreSQL (trackers and tickets) goes away for longer than the tracker store's retries,
    while 8 users are in the middle of their forms (step 3) or about to confirm (step 7)."""
    users = [Patient(cluster, i) for i in range(8)]
    outage = Outage(databases.postgres, users)
    stop_at = [3 if i % 2 else len(FORM) for i in range(len(users))]
    with concurrent.futures.ThreadPoolExecutor(len(users) + 1) as pool:
        restart = pool.submit(outage.run)
        told = list(pool.map(lambda i: users[i].file(f"1370000{i:04d}", stop_at[i], outage), range(len(users))))
        restart.result()
    for user, ticket_id in zip(users, told, strict=True):
        stored = [t.id for t in cluster.tickets_of(user.chat.sender)]
        assert stored == [ticket_id], f"{user.chat.sender}: told {ticket_id}, stored {stored}"
    seen = {kind: sum(u.seen[kind] for u in users) for kind in users[0].seen}
    print(f"PostgreSQL down {outage.seconds:.1f} s; what 8 users saw meanwhile: {seen}")
    assert seen["apology"] + seen["filing_failed"] >= len(users), "the outage was felt by each user"
    assert seen["silence"] == seen["http_error"] == 0, f"every failed turn said so: {seen}"
    assert seen["misunderstood"] == 0, f"no answer made up from a conversation Rasa could not read: {seen}"


# -- PostgreSQL slow while WeChat waits ----------------------------------------------------
#: An advisory lock key: inserting a WeChat ticket waits for it while the test holds it.
HOLD_KEY = 17017


@pytest.fixture()
def held_wechat_filing(databases):
    """Inserting a WeChat ticket blocks (a trigger waiting for an advisory lock the test holds)
    until the test calls the returned ``release()``: slower than WeChat's three deliveries
    for exactly as long as the test needs, whatever the machine's speed."""
    import psycopg2

    pg = databases.postgres
    pg.execute(f"""
        CREATE OR REPLACE FUNCTION ys_test_held_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_advisory_xact_lock({HOLD_KEY}); RETURN NEW; END $$;
        CREATE TRIGGER ys_test_held_insert BEFORE INSERT ON tickets
        FOR EACH ROW WHEN (NEW.channel = 'wechat') EXECUTE FUNCTION ys_test_held_insert();
    """, "ys_tickets")
    holder = psycopg2.connect(host=pg.host, port=pg.port, user=pg.user, password=pg.password, dbname="ys_tickets",
                              connect_timeout=5)
    holder.autocommit = True
    with holder.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", (HOLD_KEY,))
    try:
        yield holder.close  # closing the session releases its advisory lock
    finally:
        holder.close()
        pg.execute("DROP TRIGGER ys_test_held_insert ON tickets; DROP FUNCTION ys_test_held_insert();",
                   "ys_tickets")


def test_a_slow_database_keeps_wechats_five_seconds_and_the_answer_is_pushed(cluster, fake_wechat_api,
                                                                            held_wechat_filing):
    platform = [OfficialAccountServer(url, mode="safe") for url in cluster.servers]
    user = f"o-slow-{uuid.uuid4().hex[:10]}"
    for index, step in enumerate(FORM):
        reply = platform[index % 2].ask(user, "13655556666" if step is None else step)
        assert reply.get("Content"), f"{step!r} answered passively"
    msg_id, deliveries = next_msg_id(), []
    xml = text_xml(user, WECHAT["account"], "确认", msg_id)
    for attempt in range(3):  # WeChat: same MsgId, A, B, A; each given up after 5 s
        started = time.monotonic()
        try:
            answer = platform[attempt % 2].post(xml, timeout=WECHAT_WAIT_S)
            deliveries.append((round(time.monotonic() - started, 2), answer.status_code, answer.text))
        except requests.Timeout:
            deliveries.append((round(time.monotonic() - started, 2), "dropped by WeChat", ""))
    last_took, last_status, last_body = deliveries[-1]
    assert last_status == 200 and last_body == "success", deliveries
    assert last_took < WECHAT_WAIT_S, f"the last delivery answered within WeChat's 5 s: {deliveries}"
    assert cluster.tickets_of(f"wechat:{user}") == [], "still being inserted when WeChat gave up"

    held_wechat_filing()  # the database catches up
    pushed = fake_wechat_api.wait_for_pushes(user, 1, timeout=60)
    content = pushed[0]["body"]["text"]["content"]
    ticket_id = TICKET_ID.search(content).group(0)
    assert [t.id for t in cluster.tickets_of(f"wechat:{user}")] == [ticket_id], "filed once, pushed once"
    assert len(fake_wechat_api.pushes_to(user)) == 1
