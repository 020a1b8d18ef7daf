"""What the procedure-reading tests share: the procedures as the tuples a reading names, and
the procedures a line names when read (procedures_named) (through the session fixture ``interpreter`` of
tests/conftest.py, which is built once from the real knowledge files)."""
from __future__ import annotations

SETUP, CHANGE, NAME = ("company_setup",), ("business_change",), ("name_declaration",)
SIMPLE, GENERAL = ("simple_deregistration",), ("general_deregistration",)
BOTH = SIMPLE + GENERAL
UTILITY, PERMIT, CREDIT = ("utility_connection",), ("construction_permit",), ("credit_repair",)
POLICY, LENIENT, BOND = ("enterprise_policy",), ("lenient_enforcement",), ("bid_guarantee",)
REMOTE, ASSISTED, CHANNELS = ("remote_bid_opening",), ("assisted_service",), ("complaint_process",)
LAND, CLINIC = ("standard_land",), ("clinic_setup",)


def procedures_named(interpreter, text: str, intent: str | None = None, confidence: float = 0.0) -> tuple[str, ...]:
    """The procedures ``text`` names, read as the classifier's ``intent`` at ``confidence``
    (None: as a line the classifier could not place)."""
    return interpreter.read(text, intent, confidence).recognition.named
