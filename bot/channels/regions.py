"""Where a conversation came in decides its region: the channels write it into every message.

Each channel puts the region it serves into the message metadata under :data:`REGION_KEY`,
overwriting whatever a client wrote there: the web widget the ``data-region`` of its tag
(checked here when the session is asked for), the REST channel ``YS_REST_REGION``, the
WeChat / WeCom account ``YS_WECHAT_REGION`` / ``YS_WECOM_REGION``. ``action_session_start``
copies it into the conversation's ``region`` slot once, when the session starts.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from bot.regions import Regions

#: The message metadata key holding the conversation's region (read by ``actions.session``).
REGION_KEY = "region"


class UnknownChannelRegion(ValueError):
    """A channel is configured (or a widget tagged) with a region the deployment does not have."""


@functools.lru_cache(maxsize=4)
def deployment_regions(knowledge_dir: Path) -> Regions:
    """The regions of ``knowledge_dir/regions/`` (loaded and checked once per folder).

    Raises:
        bot.knowledge.errors.KnowledgeError: a region file is invalid.
    """
    from bot.regions import load_regions

    return load_regions(knowledge_dir)


def known_regions(knowledge_dir: Path) -> frozenset[str]:
    """The region ids of ``knowledge_dir/regions/``.

    Raises:
        bot.knowledge.errors.KnowledgeError: a region file is invalid.
    """
    return frozenset(deployment_regions(knowledge_dir).ids)


def checked_region(region: str, knowledge_dir: Path, what: str) -> str:
    """``region`` if the deployment has it.

    Raises:
        UnknownChannelRegion: it does not (``what`` names the setting, for the message).
    """
    ids = known_regions(knowledge_dir)
    if region not in ids:
        raise UnknownChannelRegion(f"{what}: unknown region {region!r} (known: {', '.join(sorted(ids))})")
    return region
