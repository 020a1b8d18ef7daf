"""A conversation cut to what Rasa looks at: the state before a window, then the window.

Rasa 3.6 reads a conversation's whole current session from the tracker store on every
turn, replays it into a tracker, and its policies compute a dialogue state for every
action of that history, although they only look at the last few: MemoizationPolicy at
its ``max_history`` (4 here), RulePolicy at the length of its longest rule (3 here).
Measured on a 200-turn conversation: a turn at the 200th message cost 5–7× the first.

A *compact* tracker is made of

- a **prefix**: events that rebuild the state the conversation was in just before the
  window (a ``SlotSet`` per slot set so far or not at its initial value,
  ``ConversationPaused`` if paused), stamped with the window's first timestamp, never
  stored as events;
- the **window**: every stored event from a user message on.

Given to Rasa, it yields the same replies as the whole session if the window starts
where nothing after it can see across the cut. :func:`choose_cut` only accepts a user
message ``u`` where

1. no loop (form) is active, and the first action after ``u`` is not a loop: Rasa's
   ``applied_events`` undoes a form's happy-path turns back to its previous execution,
   and this stops at ``u`` (an "unhappy path" turn) in both trackers;
2. after ``u`` come at least ``horizon + 2`` dialogue states, and as many that
   MemoizationPolicy sees (it skips rule-only turns: ``hide_rule_turn``), counted from
   the first state whose hidden flag Rasa recomputes (before it the two trackers may
   differ: the compact one's first state has no previous action, which RulePolicy
   takes for a conversation start — so it lies beyond every rule, and rules with
   ``conversation_start: true`` match exactly when they did);
3. at least :data:`MIN_USER_MESSAGES` user messages follow, so reverts
   (``action_default_fallback``, ``/back``) of a turn cannot reach the cut;
4. no reminder is scheduled before it (Rasa checks a reminder is still in the applied
   events when it fires);
5. the last message the user typed (not a button's ``/payload``) is not before it:
   actions read it from the events (``last_words`` of actions/handoff.py).

``horizon`` must cover the policies (:func:`policy_horizon` reads it from a trained
model; a test checks the configured value against the current model).
"""
from __future__ import annotations

import json
import tarfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    ConversationPaused,
    Event,
    ReminderScheduled,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

#: User messages that must follow the cut (a turn that reverts this many is not expected).
MIN_USER_MESSAGES = 4
#: Safety margin, in dialogue states, over the policies' horizon.
MARGIN = 2

_classes: dict[str, type[Event]] = {}


def _event_class(type_name: str) -> type[Event] | None:
    if type_name not in _classes:
        _classes.clear()
        for cls in all_subclasses(Event):  # Rasa's own order: the first match wins, as there
            _classes.setdefault(cls.type_name, cls)
    return _classes.get(type_name)


def events_from_dicts(dicts: Iterable[dict[str, Any]]) -> list[Event]:
    """``rasa.shared.core.events.deserialise_events`` without its per-event class search.

    Rasa looks the class up by walking every subclass of ``Event`` for each event
    (a third of a long conversation's turn); the map is built once here. Unknown types
    go through Rasa's own function, so they fail or are skipped exactly as there.
    """
    found: list[Event] = []
    for data in dicts:
        name = data.get("event")
        if name is None:
            continue
        cls = _event_class(name)
        event = cls._from_parameters(data) if cls is not None else Event.from_parameters(data)
        if event:
            found.append(event)
    return found


def prefix_for(state: DialogueStateTracker, timestamp: float) -> list[Event]:
    """Events that bring a fresh tracker to ``state``'s slots and pause.

    Raises:
        ValueError: a loop is active in ``state`` (a window never starts inside one).
    """
    if state.active_loop_name is not None:
        raise ValueError(f"no prefix inside the active loop {state.active_loop_name}")
    metadata: dict[str, dict[str, Any]] = {}
    for event in state.applied_events():
        if isinstance(event, SlotSet):
            metadata[event.key] = event.metadata
    # Every slot set so far, even back to its initial value: a later model may change
    # that initial value, and the session's own SlotSet would still win over it.
    prefix: list[Event] = [SlotSet(name, slot.value, timestamp=timestamp, metadata=metadata.get(name))
                           for name, slot in state.slots.items()
                           if name in metadata or slot.value != slot.initial_value]
    if state.is_paused():
        prefix.append(ConversationPaused(timestamp=timestamp))
    return prefix


def is_typed(message: UserUttered) -> bool:
    """Whether the user wrote ``message`` (a button click sends its ``/payload``)."""
    text = (message.text or "").strip()
    return bool(text) and not text.startswith("/")


@dataclass(frozen=True)
class _Candidate:
    index: int  # position of the user message in tracker.events
    states_before: int  # dialogue states of the history before its first action
    users_before: int


def choose_cut(tracker: DialogueStateTracker, horizon: int, start: int, end: int) -> int | None:
    """The latest position in ``tracker.events`` where the window may begin, or ``None``.

    Args:
        tracker: the conversation as Rasa has it (compact or whole).
        horizon: dialogue states the policies look back.
        start: no cut before this position (the current window's start).
        end: no cut at or after this position (events not stored yet).
    """
    events = list(tracker.events)
    position = {id(event): i for i, event in enumerate(events)}
    reminder = next((i for i, e in enumerate(events) if isinstance(e, ReminderScheduled)), len(events))
    typed = [i for i, e in enumerate(events) if isinstance(e, UserUttered) and is_typed(e)]
    end = min(end, reminder, typed[-1] + 1 if typed else len(events))
    applied = tracker.applied_events()
    loops = {e.name for e in events if isinstance(e, ActiveLoop) and e.name}

    # One entry per dialogue state, as Domain.states_for_tracker_history makes them:
    # (recomputes the hidden flag, seen by MemoizationPolicy).
    states: list[tuple[bool, bool]] = []  # (recomputed, seen) of each dialogue state
    candidates: list[_Candidate] = []
    waiting: _Candidate | None = None
    users = 0
    prior = tracker.init_copy()
    hidden = False

    def state(hide: bool) -> None:
        nonlocal hidden
        recomputed = not prior.followup_action and prior.latest_action_name != prior.active_loop_name
        if recomputed:
            hidden = hide
        states.append((recomputed, not hidden))

    for event in applied:
        if isinstance(event, ActionExecuted):
            if waiting is not None and event.action_name not in loops:
                candidates.append(waiting)
            waiting = None
            state(event.hide_rule_turn)
        elif isinstance(event, UserUttered):
            index = position.get(id(event), -1)
            waiting = None
            if start <= index < end and prior.active_loop_name is None:
                waiting = _Candidate(index, len(states), users)
            users += 1
        prior.update(event)
    state(False)

    for candidate in reversed(candidates):
        if users - candidate.users_before < MIN_USER_MESSAGES:
            continue
        after = states[candidate.states_before + 1:]  # the first state may differ (no previous action)
        synced = next((i for i, (recomputed, _) in enumerate(after) if recomputed), None)
        if synced is None:
            continue
        tail = after[synced:]
        if len(tail) >= horizon + MARGIN and sum(seen for _, seen in tail) >= horizon + MARGIN:
            return candidate.index
    return None


def window_is_thick(tracker: DialogueStateTracker, prefix_length: int) -> bool:
    """Whether the window still holds its first user message and :data:`MIN_USER_MESSAGES`.

    A window thinned by reverts (several ``/back`` in a row) is read whole again.
    """
    if prefix_length >= len(tracker.events):
        return False
    first = tracker.events[prefix_length]
    applied = tracker.applied_events()
    users = [e for e in applied if isinstance(e, UserUttered)]
    return bool(users) and users[0] is first and len(users) >= MIN_USER_MESSAGES


def policy_horizon(model: Path) -> int:
    """How many trailing dialogue states the policies of a trained model look at.

    The longest rule (RulePolicy) and every ``max_history`` of a policy featurizer.

    Raises:
        ValueError: a policy looks at the whole history (``max_history: null`` on a
            featurizer), so no window is safe.
    """
    horizon = 0
    with tarfile.open(model) as archive:
        for member in archive.getmembers():
            path = Path(member.name)
            if path.name not in ("rule_policy.json", "featurizer.json") or "components" not in path.parts:
                continue
            data = json.load(archive.extractfile(member))  # type: ignore[arg-type]
            if path.name == "rule_policy.json":
                lookup = data.get("lookup", {})
                for table in ("rules", "rules_for_loop_unhappy_path"):
                    horizon = max([horizon, *(len(json.loads(key)) for key in lookup.get(table, {}))])
            elif "RulePolicy" in path.parent.name:
                continue  # its featurizer keeps everything; the rules above bound what it matches
            elif data.get("type") == "MaxHistoryTrackerFeaturizer":
                if data.get("max_history") is None:
                    raise ValueError(f"{path.parent.name} looks at the whole history (max_history: null)")
                horizon = max(horizon, int(data["max_history"]))
            elif data.get("type") is not None:
                raise ValueError(f"{path.parent.name}: featurizer {data.get('type')} looks at the whole history")
    return horizon
