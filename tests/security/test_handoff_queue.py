"""Hole 13: the handoff queue handed every agent the enterprise's widget session.

Attack (before): ``GET /api/handoffs`` listed each waiting conversation's
``conversation_id``; for the web widget that is the session id the server issued, the
one secret that lets a browser speak in that conversation. An agent (or anyone with an
agent's session) opened a socket.io session with it, and spoke as the enterprise: its
tickets' status without a phone, 催办, 好差评 — and read the replies meant for it.

Now: the queue names a conversation by a tag (a digest of its id, enough to tell two
apart), never by its id; the console keeps using the id itself only server-side.
"""
import asyncio
import uuid

import pytest

from bot.console.handoff_routes import conversation_tag
from tests.security.test_message_size import WidgetClient

pytestmark = pytest.mark.e2e


def test_the_handoff_queue_does_not_disclose_a_widget_session(stack, security_console):
    async def ask_for_a_person() -> str:
        client = await WidgetClient(stack.rasa_url).open()
        try:
            await client.say("转人工")
            await client.reply()
        finally:
            await client.close()
        return client.session_id

    session = asyncio.run(ask_for_a_person())
    agent = security_console.signed_in("agent")
    queue = agent.get(f"{security_console.url}/api/handoffs", timeout=30)
    assert queue.status_code == 200
    [entry] = [e for e in queue.json()["waiting"] if e["conversation"] == conversation_tag(session)]
    assert session not in queue.text, "the session id is the widget's credential"
    messages = agent.get(f"{security_console.url}/api/handoffs/{entry['id']}/messages", timeout=30)
    assert messages.status_code == 200 and session not in messages.text

    async def present(session_id: str) -> str:  # why it matters: the id alone opens the conversation
        client = await WidgetClient(stack.rasa_url).open(session_id)
        await client.close()
        return client.session_id

    assert asyncio.run(present(session)) == session
    assert conversation_tag(session) != conversation_tag(uuid.uuid4().hex)
