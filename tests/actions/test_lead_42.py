"""Round forty-two (the lead's part): what the forty-third held-out set, the testers, the reviews and the lead's own
chats showed, each in sentences of our own."""

from actions import tickets
from actions.ticket_status import ActionCheckStatus
from tests.actions.test_conversation_region import database, form_slots, run, slots_set, tracker  # noqa: F401

# ---- a 12345 agent's ticket filed in the chat: its notices never reach the caller's phone ------------------------


def _said(*texts):
    """User events of the conversation, oldest first."""
    return [{"event": "user", "text": text, "parse_data": {"intent": {"name": "inform"}}} for text in texts]


def _file(sender, earlier, channel="socketio"):
    slots = form_slots(None)
    events = [*_said(*earlier, "确认"), *({"event": "slot", "name": n, "value": v} for n, v in slots.items())]
    return run(tickets.ActionSubmitTicket(), tracker(sender, slots, text="确认", channel=channel, events=events))


def test_an_agents_ticket_filed_in_the_chat_says_the_caller_gets_no_sms(database):  # noqa: F811
    # the lead's chat: «我是12345坐席 工号1023» filed a caller's complaint, and «结果怎么通知来电人» was told the
    # notices of the chat, as if the caller read them
    events, messages = _file("agent-1", ["我是12345坐席 工号1023", "来电人投诉区市场监管局 营业执照变更拖了一个月没办"])
    assert [m["response"] for m in messages] == ["utter_ticket_filed", "utter_ticket_filed_for_caller"], messages
    ticket = slots_set(events)["verified_ticket"]
    asked = tracker("agent-1", {"verified_ticket": ticket}, text="结果怎么通知来电人", intent="check_status",
                    events=[*_said("我是12345坐席 工号1023", "确认", "结果怎么通知来电人"),
                            {"event": "slot", "name": "verified_ticket", "value": ticket}])
    _, told = run(ActionCheckStatus(), asked)
    responses = [m["response"] for m in told]
    assert responses[0] == "utter_ticket_filed_for_caller", responses
    assert "utter_result_notice_web" not in responses


def test_an_enterprises_own_ticket_says_nothing_of_a_caller(database):  # noqa: F811
    _, messages = _file("owner-1", ["营业执照变更拖了一个月没办 我要投诉"])
    assert [m["response"] for m in messages] == ["utter_ticket_filed"], messages
