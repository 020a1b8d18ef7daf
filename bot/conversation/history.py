"""What the earlier events of a conversation tell (Rasa's event dicts, newest last)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

Event = Mapping[str, Any]


def value_before_this_turn(events: Sequence[Event], slot: str) -> Any:
    """The value ``slot`` had before the latest user message (entity mappings may have changed it)."""
    seen_user = False
    for event in reversed(events):
        if event.get("event") == "user":
            seen_user = True
        elif seen_user and event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
    return None


def last_typed_words(events: Sequence[Event]) -> str:
    """The user's latest typed message (a button's payload is skipped)."""
    for event in reversed(events):
        if event.get("event") == "user":
            text = str(event.get("text") or "").strip()
            if text and not text.startswith("/"):
                return text
    return ""


def latest_metadata(events: Sequence[Event], key: str) -> str | None:
    """The string a channel wrote under ``key`` into the latest user message's metadata."""
    for event in reversed(events):
        if event.get("event") == "user":
            value = (event.get("metadata") or {}).get(key)
            return value if isinstance(value, str) and value else None
    return None


def ran_this_turn(events: Sequence[Event], names: frozenset[str]) -> bool:
    """True when one of the actions ``names`` already ran since the latest user message."""
    for event in reversed(events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") in names:
            return True
    return False


def said_this_turn(events: Sequence[Event], responses: tuple[str, ...]) -> bool:
    """True when a response whose name starts with one of ``responses`` was said since the user's latest message."""
    for event in reversed(events):
        if event.get("event") == "user":
            return False
        utter = (event.get("metadata") or {}).get("utter_action") or ""
        if event.get("event") == "bot" and utter.startswith(responses):
            return True
    return False


def answered_with(events: Sequence[Event], response: str) -> str:
    """The typed message before the latest one, when the reply to it said ``response``
    (``utter_offer_file``: «好的» to the offer files the case that message told); else ''."""
    users = 0
    said = False
    for event in reversed(events):
        if event.get("event") == "user":
            users += 1
            if users == 2:
                text = str(event.get("text") or "").strip()
                return text if said and not text.startswith("/") else ""
        elif users == 1 and event.get("event") == "bot":
            said = said or (event.get("metadata") or {}).get("utter_action") == response
    return ""


def said_in_conversation(events: Sequence[Event], response: str) -> bool:
    """True when the assistant said ``response`` anywhere in the events (``utter_ticket_filed``: a
    ticket was filed in this conversation)."""
    return any(event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") == response
               for event in events)


def form_opening(events: Sequence[Event]) -> str:
    """The typed message that opened the latest ticket form (the one answered with a ticket's introduction,
    ``utter_ticket_intro_*``); '' when none did."""
    opening, typed = "", ""
    for event in events:
        if event.get("event") == "user":
            typed = str(event.get("text") or "").strip()
        elif event.get("event") == "bot" \
                and ((event.get("metadata") or {}).get("utter_action") or "").startswith("utter_ticket_intro_"):
            opening = "" if typed.startswith("/") else typed
    return opening


def procedure_before(events: Sequence[Event], current: str | None) -> str | None:
    """The procedure the conversation was about before ``current`` (the latest other value the
    ``procedure`` slot was set to), or None."""
    for event in reversed(events):
        if event.get("event") == "slot" and event.get("name") == "procedure":
            value = event.get("value")
            if isinstance(value, str) and value != current:
                return value
    return None


def earlier_messages(events: Sequence[Event]) -> list[tuple[str, list[str]]]:
    """The user's typed messages before the latest one, newest first, each with the procedures the
    turn it started remembered (the ``procedure`` slot's values set before the next message)."""
    found: list[tuple[str, list[str]]] = []
    after: list[str] = []
    latest = True
    for event in reversed(events):
        if event.get("event") == "slot" and event.get("name") == "procedure" and event.get("value"):
            after.append(str(event.get("value")))
            continue
        if event.get("event") != "user":
            continue
        procedures, after = after, []
        if latest:
            latest = False
            continue
        text = str(event.get("text") or "").strip()
        if text and not text.startswith("/"):
            found.append((text, procedures))
    return found


#: A cancelled ticket is taken back within so many of the user's messages after the cancel (the one that takes it
#: back counted).
RESUME_WITHIN = 3
#: The replies that say a ticket form was cancelled.
CANCELLED_RESPONSES = frozenset({"utter_ticket_cancelled", "utter_ticket_cancelled_hotline"})


def cancelled_draft(events: Sequence[Event]) -> dict[str, Any] | None:
    """Every slot as it stood when the latest ticket form was cancelled («算了 不弄了»), to take the ticket up again
    with what the user had typed; None when no form was cancelled, a ticket was filed or another draft begun since,
    or the cancel is more than :data:`RESUME_WITHIN` messages back."""
    slots: dict[str, Any] = {}
    snapshot: dict[str, Any] | None = None
    since = 0
    for event in events:
        kind = event.get("event")
        said = (event.get("metadata") or {}).get("utter_action") if kind == "bot" else None
        if kind == "user":
            since += 1
        elif said == "utter_ticket_filed":
            snapshot = None
        elif said in CANCELLED_RESPONSES and slots.get("ticket_draft_id"):
            # («取消吧» read as a question's fallback says it before the form ends and its slots are emptied)
            snapshot, since = dict(slots), 0
        elif kind == "slot":
            name, value = event.get("name"), event.get("value")
            if name == "ticket_cancelled" and value is True and slots.get("ticket_draft_id"):
                snapshot, since = dict(slots), 0
            elif name == "ticket_draft_id" and value and snapshot is not None \
                    and value != snapshot.get("ticket_draft_id"):
                snapshot = None
            slots[str(name)] = value
    return snapshot if snapshot is not None and since <= RESUME_WITHIN else None


def _said_before_this_turn(events: Sequence[Event], turns: int = 1) -> list[Event]:
    """The assistant's messages replying to the message before the latest one (and to as many before it as
    ``turns`` says), in order."""
    users = 0
    said: list[Event] = []
    for event in reversed(events):
        if event.get("event") == "user":
            users += 1
            if users > turns:
                break
        elif event.get("event") == "bot" and users >= 1:
            said.append(event)
    return said[::-1]


def replies_before_this_turn(events: Sequence[Event]) -> list[tuple[str, str]]:
    """The assistant's replies (response name, text) to the message before the latest one, in order."""
    return [((event.get("metadata") or {}).get("utter_action") or "", event.get("text") or "")
            for event in _said_before_this_turn(events)]


def cancelled_just_before(events: Sequence[Event]) -> bool:
    """True when the assistant's reply to the message before the latest one said a draft ticket was cancelled
    («好的,已取消,没有提交任何内容»)."""
    return any(name.startswith("utter_ticket_cancelled") for name, _ in replies_before_this_turn(events))


def buttons_before_this_turn(events: Sequence[Event], turns: int = 1) -> list[Mapping[str, Any]]:
    """The buttons of the assistant's reply to the message before the latest one (of its last message that had
    any): what a typed «第一个», «2» or a button's title picks from. With ``turns`` > 1, the replies to as many
    messages are looked at, the latest buttons first (the help offer shows under one answer only: «第一个» typed
    after the next answer still picks from it)."""
    for event in reversed(_said_before_this_turn(events, turns)):
        buttons = (event.get("data") or {}).get("buttons")
        if buttons:
            return [b for b in buttons if isinstance(b, Mapping)]
    return []


def typed_since_set(events: Sequence[Event], slot: str, value: Any) -> list[str]:
    """The user's typed messages from the one after which ``slot`` was last set to ``value`` to the latest, oldest
    first («帮我催一下 后天就要开业了», then the ticket's number and the phone asked before the urge is done); the
    latest alone when ``slot`` was set to something else since."""
    found: list[str] = []
    asked = False
    for event in reversed(events):
        if event.get("event") == "user":
            text = str(event.get("text") or "").strip()
            if text and not text.startswith("/"):
                found.append(text)
            if asked:
                break
        elif event.get("event") == "slot" and event.get("name") == slot and not asked:
            if event.get("value") != value:
                return found[:1]
            asked = True
    return found[::-1] if asked else found[:1]


def filed_before(events: Sequence[Event]) -> tuple[str, str] | None:
    """The kind and the case of the last ticket filed in the conversation (``utter_ticket_filed`` said after them),
    None when none was filed."""
    kind = case = ""
    filed: tuple[str, str] | None = None
    for event in events:
        if event.get("event") == "slot" and event.get("name") in ("ticket_type", "description"):
            if event.get("name") == "ticket_type":
                kind = str(event.get("value") or "") or kind
            else:
                case = str(event.get("value") or "") or case
        elif event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") == "utter_ticket_filed":
            filed = (kind, case) if kind else filed
    return filed


def slots_before_this_turn(events: Sequence[Event]) -> dict[str, Any]:
    """The slots' values as they were before the latest user message."""
    last_user = max((at for at, event in enumerate(events) if event.get("event") == "user"), default=len(events))
    return {str(event.get("name")): event.get("value") for event in events[:last_user] if event.get("event") == "slot"}
