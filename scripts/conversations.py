"""Run the held-out conversations of tests/conversations/ against a live assistant.

Each conversation (written from the user's side, never trained on) is a list of turns,
each a user message and what must happen (``expect``). A turn is checked on what the
user sees (the reply's text and buttons) and on what the assistant did (the responses
it uttered and the slots it set, read from the conversation's tracker). Every turn is
also checked for the failures users met before: «没有完全理解» where it is not fair, the
user's words echoed back as the assistant's own, a complaint about a format the user
never typed.

Used by tests/conversations/test_conversations.py (every conversation must pass) and by
``make eval`` (per-turn and per-conversation figures in results/conversations.md).
"""
from __future__ import annotations

import concurrent.futures
import json
import re
import urllib.request
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONVERSATIONS = ROOT / "tests" / "conversations"
#: Separators around a response template's fixed parts, stripped as a set of characters.
_SEPARATORS = "\n:: ,。"
#: Stripped around a section's label (its colon kept).
_MARKER_ENDS = "\n ,。"

#: (a guide's step said, or the steps after one told done, head the answer with the guide's name too: «【不见面开标】按
#: 办理步骤,「签到」是第4步…» answers of 不见面开标)
ANSWERS = {"utter_procedure_answer", "utter_procedure_answer_remembered", "utter_procedure_answer_plain",
           "utter_step_next", "utter_step_next_by_its_words", "utter_step_of_guide"}
SIMPLE = {"greets": "utter_greet", "goodbye": "utter_goodbye", "bot": "utter_iamabot",
          "capabilities": "utter_capabilities", "handoff": "utter_handoff_transfer", "filed": "utter_ticket_filed",
          "cancelled": "utter_ticket_cancelled", "calm_offer": "utter_calm_offer"}
#: «thanks»: thanked, in the chat or while waiting for a person (the channel's reply, bot/channels/edge.py).
ANY_OF = {"thanks": {"utter_thank", "utter_handoff_waiting_thanks"},
          "status": {"utter_ticket_status", "utter_tickets_list"}, "urged": {"utter_urged", "utter_urge_already_today"},
          # (a request refused plainly is not answered either: another's private number, a rule bent)
          "no_answer": {"utter_policy_not_found", "utter_out_of_scope", "utter_private_refused",
                        "utter_private_refused_in_form", "utter_rule_not_bent"}}
ASKS = {"confirm": "ticket_confirmed"}
KNOWN_KEYS = {"answer", "facets", "choices", "ticket_form", "asks", "cites", "says_any", "not_says",
              "misunderstood_ok", *SIMPLE, *ANY_OF}
#: Responses that complain about a format, and what the user must have typed for them.
FORMAT_COMPLAINTS = (
    (re.compile(r"utter_invalid_ticket_id"), re.compile(r"[Yy][Ss]|\d{6,}")),
    (re.compile(r"utter_invalid_phone_"), re.compile(r"\d{5,}")),
    (re.compile(r"utter_invalid_credit_code_"), re.compile(r"[0-9A-Za-z]{8,}")),
)


@dataclass
class Turn:
    user: str
    expect: dict[str, Any]


@dataclass
class Conversation:
    id: str
    note: str
    turns: list[Turn]
    file: str


@dataclass
class TurnResult:
    user: str
    replies: list[str]
    responses: list[str]
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ConversationResult:
    conversation: Conversation
    turns: list[TurnResult]

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.turns)


#: Expectations that list words looked for in the reply: each must be a string (YAML reads «[承办部门:]» as a
#: mapping, and a check on it would fail for a reason nobody wrote).
_WORD_LISTS = ("says_any", "not_says")


def _check_words(where: str, expect: dict[str, Any]) -> None:
    for key in _WORD_LISTS:
        words = expect.get(key)
        if words is not None and (not isinstance(words, list) or not all(isinstance(w, str) and w for w in words)):
            raise ValueError(f"{where}: {key} must be a list of words, read {words!r} (quote a word ending in «:»)")


def load(folder: Path = CONVERSATIONS) -> list[Conversation]:
    """Every conversation of every YAML file in ``folder``, checked for unknown keys."""
    found: list[Conversation] = []
    for path in sorted(folder.glob("*.yml")):
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("conversations", []):
            turns = [Turn(str(t["user"]), dict(t.get("expect") or {})) for t in item["turns"]]
            for turn in turns:
                unknown = set(turn.expect) - KNOWN_KEYS
                if unknown or not turn.expect:
                    raise ValueError(f"{path.name} {item['id']}: expectation keys {sorted(unknown) or 'missing'}")
                _check_words(f"{path.name} {item['id']}", turn.expect)
            found.append(Conversation(item["id"], item.get("note", ""), turns, path.name))
    ids = [c.id for c in found]
    if len(ids) != len(set(ids)):
        raise ValueError("conversation ids repeat")
    return found


def section_markers(domain: dict[str, Any]) -> dict[str, str]:
    """The fixed words each facet's part of an answer starts with (from domain.yml)."""
    markers = {}
    for name, variants in (domain.get("responses") or {}).items():
        if name.startswith("utter_procedure_section_"):
            text = variants[0]["text"]
            fixed = [part for part in re.split(r"\{[^}]*\}", text) if len(part.strip(_SEPARATORS)) >= 2]
            facet = name[len("utter_procedure_section_"):]
            # the label keeps its colon: «办理时限:» starts the part, «办理时限、» is the note on defaults
            markers["ask_procedure" if facet == "overview" else f"ask_{facet}"] = fixed[0].strip(_MARKER_ENDS)
    return markers


class Client:
    """A REST conversation with the assistant, and its tracker."""

    def __init__(self, rasa_url: str, token: str) -> None:
        self.rasa_url = rasa_url
        self.token = token

    def say(self, sender: str, text: str, client: str = "") -> list[dict[str, Any]]:
        """One turn; ``client`` is the user's address as a trusted proxy forwards it."""
        headers = {"X-Forwarded-For": client} if client else {}
        return _post(f"{self.rasa_url}/webhooks/rest/webhook", {"sender": sender, "message": text}, headers)

    def events(self, sender: str) -> list[dict[str, Any]]:
        with urllib.request.urlopen(f"{self.rasa_url}/conversations/{sender}/tracker?token={self.token}",
                                    timeout=60) as response:
            return json.loads(response.read().decode())["events"]


def _post(url: str, payload: dict[str, Any], headers: dict[str, str] | None = None) -> Any:
    request = urllib.request.Request(url, data=json.dumps(payload).encode(),
                                     headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read().decode())


def run_one(client: Client, conversation: Conversation, names: dict[str, str],
            markers: dict[str, str], number: int = 0) -> ConversationResult:
    """Plays one conversation in a new REST conversation and checks every turn.

    Each conversation is another enterprise, from its own address (``number`` picks it):
    limits on lookups and filings count per client, and the stack trusts the loopback
    proxy that forwards the address.
    """
    sender = f"conv-{conversation.id}-{uuid.uuid4().hex[:8]}"
    address = f"198.18.{number // 254 % 256}.{number % 254 + 1}"
    results: list[TurnResult] = []
    seen = 0
    for turn in conversation.turns:
        messages = client.say(sender, turn.user, address)
        events = client.events(sender)
        new, seen = events[seen:], len(events)
        results.append(check(turn, messages, new, names, markers, running_form(events)))
    return ConversationResult(conversation, results)


def running_form(events: list[dict[str, Any]]) -> str | None:
    """The kind of ticket whose form is still taking it down after ``events`` (None: no form runs)."""
    loop = None
    kind = None
    for event in events:
        if event.get("event") == "active_loop":
            loop = event.get("name")
        elif event.get("event") == "slot" and event.get("name") == "ticket_type":
            kind = event.get("value")
    return kind if loop == "ticket_form" else None


def check(turn: Turn, messages: list[dict[str, Any]], events: list[dict[str, Any]], names: dict[str, str],
          markers: dict[str, str], form: str | None = None) -> TurnResult:
    """Checks one turn's replies and events against its expectations.

    ``form``: the kind of ticket whose form still runs after the turn (a complaint asked for
    while a complaint is being taken down is that form going on, not a second one).
    """
    replies = [m.get("text") or "" for m in messages]
    text = "\n".join(replies)
    buttons = [b for m in messages for b in m.get("buttons") or []]
    responses = [(e.get("metadata") or {}).get("utter_action") or "" for e in events if e.get("event") == "bot"]
    slots = {e["name"]: e.get("value") for e in events if e.get("event") == "slot"}
    result = TurnResult(turn.user, replies, responses)
    problem = result.problems.append
    expect = turn.expect
    if not messages:
        problem("no reply at all")
    if "answer" in expect:
        pid = expect["answer"]
        if not ANSWERS & set(responses) or f"【{names.get(pid, pid)}】" not in text:
            problem(f"expected an answer about {pid} ({names.get(pid)})")
        for facet in expect.get("facets") or []:
            # «materials» and «ask_materials» name the same part (the short names were never checked)
            key = facet if facet.startswith("ask_") else "ask_procedure" if facet == "overview" else f"ask_{facet}"
            if key not in markers:
                problem(f"unknown facet {facet}")
            elif markers[key] not in text:
                problem(f"expected the answer to cover {facet} («{markers[key]}»)")
    if "choices" in expect:
        offered = {_payload_procedure(b.get("payload") or "") for b in buttons}
        missing = [p for p in expect["choices"] if p not in offered]
        if missing or ANSWERS & set(responses):
            problem(f"expected a question offering {expect['choices']}, offered {sorted(offered - {None})}")
    if "ticket_form" in expect and slots.get("ticket_type") != expect["ticket_form"] and not (
            "ticket_type" not in slots and form == expect["ticket_form"]):
        problem(f"expected a {expect['ticket_form']} form to start")
    if "asks" in expect:
        slot = ASKS.get(expect["asks"], expect["asks"])
        if slots.get("requested_slot") != slot and f"utter_ask_{slot}" not in responses \
                and not (slot == "ticket_confirmed" and "utter_ticket_summary" in responses):
            problem(f"expected to be asked for {expect['asks']}")
    for key, response in SIMPLE.items():
        if expect.get(key) and response not in responses:
            problem(f"expected {response}")
    for key, options in ANY_OF.items():
        if expect.get(key) and not options & set(responses):
            problem(f"expected one of {sorted(options)}")
    if "cites" in expect and ("utter_policy_quote" not in responses or expect["cites"] not in text):
        problem(f"expected a quoted clause of a document titled «…{expect['cites']}…»")
    if expect.get("says_any") and not any(s in text for s in expect["says_any"]):
        problem(f"expected one of {expect['says_any']} in the reply")
    for word in expect.get("not_says") or []:
        if word in text:
            problem(f"«{word}» should not be in the reply")
    if "utter_default" in responses and not expect.get("misunderstood_ok"):
        problem("said it did not understand")
    said = turn.user.strip()
    if said and any(r.strip() == said for r in replies):
        problem("echoed the user's words as its own message")
    for response_pattern, typed in FORMAT_COMPLAINTS:
        if any(response_pattern.match(r) for r in responses) and not typed.search(turn.user):
            untyped = [r for r in responses if response_pattern.match(r)]
            problem(f"complained about a format the user never typed ({untyped})")
    return result


def _payload_procedure(payload: str) -> str | None:
    match = re.search(r'"procedure"\s*:\s*"([a-z_]+)"', payload)
    return match.group(1) if match else None


def run_all(client: Client, conversations: Iterable[Conversation], names: dict[str, str], markers: dict[str, str],
            workers: int = 4, progress: Callable[[ConversationResult], None] | None = None) -> list[ConversationResult]:
    """Plays every conversation (several at once: they are independent)."""
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        futures = [pool.submit(run_one, client, c, names, markers, i) for i, c in enumerate(conversations)]
        results = []
        for future in futures:
            results.append(future.result())
            if progress:
                progress(results[-1])
    return results


def report(results: list[ConversationResult]) -> list[str]:
    """A markdown report: totals, then every failed turn with what was said."""
    turns = [t for r in results for t in r.turns]
    passed = sum(r.ok for r in results)
    lines = [f"conversations passed: {passed}/{len(results)} ({passed / max(1, len(results)):.1%})",
             f"turns passed: {sum(t.ok for t in turns)}/{len(turns)} "
             f"({sum(t.ok for t in turns) / max(1, len(turns)):.1%})"]
    by_file: dict[str, list[ConversationResult]] = {}
    for r in results:
        by_file.setdefault(r.conversation.file, []).append(r)
    lines += ["", "| file | conversations passed | turns passed |", "| --- | --- | --- |"]
    for name, rs in sorted(by_file.items()):
        ts = [t for r in rs for t in r.turns]
        lines.append(f"| {name} | {sum(r.ok for r in rs)}/{len(rs)} | {sum(t.ok for t in ts)}/{len(ts)} |")
    failed = [r for r in results if not r.ok]
    if failed:
        lines += ["", "## Failed conversations", ""]
    for r in failed:
        lines.append(f"### {r.conversation.id} ({r.conversation.file}): {r.conversation.note}")
        for t in r.turns:
            mark = "✓" if t.ok else "✗"
            lines.append(f"- {mark} 「{t.user}」 → {' / '.join(x.replace(chr(10), ' ')[:90] for x in t.replies)}")
            for p in t.problems:
                lines.append(f"    - {p}")
        lines.append("")
    return lines
