"""Narrow exceptions of the handoff state machine; the console turns them into HTTP codes."""
from __future__ import annotations


class HandoffError(Exception):
    """Base class of every handoff error."""


class HandoffNotFound(HandoffError, LookupError):
    """No such handoff request."""

    def __init__(self, handoff_id: object) -> None:
        super().__init__(f"no handoff {handoff_id!r}")


class NotWaiting(HandoffError):
    """The conversation is not waiting any more: another agent took it, or it was handed back."""

    def __init__(self, handoff_id: object, holder: str | None) -> None:
        self.holder = holder
        super().__init__(f"handoff {handoff_id} is not waiting (held by {holder or 'nobody'})")


class NotHolder(HandoffError):
    """Only the agent who holds the conversation may reply or hand it back."""

    def __init__(self, handoff_id: object, holder: str | None) -> None:
        self.holder = holder
        super().__init__(f"handoff {handoff_id} is held by {holder or 'nobody'}")


class HandoffClosed(HandoffError):
    """The conversation was handed back to the assistant already."""

    def __init__(self, handoff_id: object) -> None:
        super().__init__(f"handoff {handoff_id} was handed back already")
