"""A registered supervisor, as the register hands it out."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.config import DEFAULT_REGION
from bot.validation import mask_phone


@dataclass(frozen=True)
class Supervisor:
    """One 特邀监督员.

    Attributes:
        id: the register's number.
        name: the supervisor's name.
        phone: the mobile number reports are filed with (the key of the check).
        organisation: where the supervisor comes from (企业、协会、人大代表…), if noted.
        active: false once the office ended the appointment (never deleted).
        added_at: when the office registered them.
        added_by: who registered them (``office:chenying``, ``operator:cli``).
        region: the region whose register holds the entry (their reports count there only).
    """

    id: int
    name: str
    phone: str
    organisation: str | None
    active: bool
    added_at: dt.datetime
    added_by: str
    region: str = DEFAULT_REGION

    @property
    def phone_masked(self) -> str:
        """``138****5678``."""
        return mask_phone(self.phone)
