"""Does a turn cost more as the conversation grows? One long conversation, timed turn by turn.

One enterprise asks procedure questions and makes small talk, 200 turns in one
conversation over REST, no think time. The figures are p50/p95 of turns 1–40 and of
turns 161–200, and their ratio: 1.0 means a turn costs the same at the 200th message
as at the first. Rasa's own ``SQLTrackerStore`` reads the whole session every turn
(about 5× slower at the end); the compact store (bot/plugins/compact_store.py)
should stay flat.
"""
from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import aiohttp

from bench.load import percentiles

#: Procedure questions (answered by actions, the procedure remembered in slots) and
#: small talk (rules), with a follow-up and an ambiguous question now and then.
TEXTS = ["你好", "简易注销要准备什么材料?", "那要多久?", "谢谢", "施工许可在哪里办", "企业开办要收费吗",
         "你是机器人吗", "你能做什么", "注销要多久", "水电气报装需要什么条件", "好的谢谢", "不见面开标怎么办"]
TURNS = 200
#: The two stretches compared (1-based, inclusive).
EARLY, LATE = (1, 40), (161, 200)


async def _talk(rasa_url: str, turns: int, sender: str) -> list[dict[str, Any]]:
    timings: list[dict[str, Any]] = []
    url = f"{rasa_url}/webhooks/rest/webhook"
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        for turn in range(turns):
            started = time.perf_counter()
            error: str | None = None
            try:
                async with session.post(url, json={"sender": sender, "message": TEXTS[turn % len(TEXTS)]}) as response:
                    replies = await response.json() if response.status == 200 else None
                    if response.status != 200:
                        error = f"HTTP {response.status}"
                    elif not replies:
                        error = "no reply"
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                error = type(exc).__name__
            timings.append({"seconds": time.perf_counter() - started, "error": error})
    return timings


def run_length(rasa_url: str, turns: int = TURNS) -> dict[str, Any]:
    """Times ``turns`` turns of one conversation; p50/p95 of the early and late stretches."""
    timings = asyncio.run(_talk(rasa_url, turns, f"bench-length-{uuid.uuid4().hex[:8]}"))
    seconds = [t["seconds"] for t in timings]
    early = percentiles(seconds[EARLY[0] - 1:EARLY[1]])
    late = percentiles(seconds[LATE[0] - 1:LATE[1]])
    by_forty = [percentiles(seconds[i:i + 40])["p50_ms"] for i in range(0, len(seconds), 40)]
    return {"turns": turns, "early": early, "late": late, "p50_per_40": by_forty,
            "ratio_p50": round(late["p50_ms"] / early["p50_ms"], 2) if early["p50_ms"] and late["n"] else None,
            "ratio_p95": round(late["p95_ms"] / early["p95_ms"], 2) if early["p95_ms"] and late["n"] else None,
            "all": percentiles(seconds), "errors": sum(1 for t in timings if t["error"])}
