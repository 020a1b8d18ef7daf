"""A plainer answer of the same guide («没看懂 说简单点», «能说人话不»): shorter sentences, the one or two
things to do first, where and how long — every word taken from the guide's own fields, nothing made up.

The sentences are ``domain.yml``'s (``utter_plain_section_<facet>``); this module gives their values,
as :mod:`bot.procedures.answers` does for the full answer (whose confirm note the plain one keeps).
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.procedures.answers import USED_FIELDS, Facet, confirm_note, promised_limit_text, visits_text, with_city
from bot.procedures.model import City, Procedure

#: The response whose text is one facet's plain part (``utter_plain_section_fee``).
PLAIN_SECTION = "utter_plain_section_{}"
#: The domain's line naming the window of a plain where part ({window}).
ON_SITE = "utter_plain_on_site"
#: How many of the steps a plain answer names (the ones to do first).
FIRST_STEPS = 2
#: Where a sentence of the guide is cut for its gist (the first clause that says what it is).
_GIST_END = re.compile(r"[;;。]")
#: Where a step or a condition is cut: its own words, not the aside after a comma or in brackets.
_ASIDE = re.compile(r"[((][^))]*[))]")


def gist(text: str) -> str:
    """The first sentence of ``text`` up to its first semicolon or full stop, brackets left out."""
    first = _GIST_END.split(_ASIDE.sub("", text or "").strip(), maxsplit=1)[0]
    return re.sub(r"^[\s,,]+|[\s,,]+$", "", first)


def _lines(items: Sequence[str]) -> str:
    return "\n".join(f"{i}. {gist(item)}" for i, item in enumerate(items, start=1))


def plain_values(procedure: Procedure, facet: Facet, city: City | None = None,
                 notes: Mapping[str, str] | None = None) -> dict[str, str]:
    """Template values of the plain part of ``facet``: ``gist`` (the summary's first clause), ``first_steps``,
    ``count``, ``names`` (the materials' names), ``conditions``, ``place`` (where, by name only: online
    when it is done wholly online, else online or at the window), ``online``, ``on_site`` (the window, in
    ``notes``' :data:`ON_SITE` wording, for a procedure not done wholly online), ``promise``, ``visits``
    and ``fee``."""
    online = with_city(procedure.online, city.online_portal if city else None).name
    window = with_city(procedure.window, city.service_hall if city else None).name
    place = f"网上办,{online}" if procedure.visits == 0 else f"网上{online},或到{window}"
    on_site = "" if procedure.visits == 0 else (notes or {}).get(ON_SITE, "").format(window=window)
    steps = list(procedure.steps)[:FIRST_STEPS]
    values = {
        "procedure_name": procedure.name,
        "gist": gist(procedure.summary),
        "first_steps": _lines(steps),
        "place": place,
        "online": online,
        "on_site": on_site,
        "promise": promised_limit_text(procedure.time_limit.promised_days, done=True),
        "visits": visits_text(procedure.visits),
        "fee": gist(procedure.fee.text),
    }
    if facet is Facet.MATERIALS:
        values["count"] = str(len(procedure.materials))
        values["names"] = "、".join(_ASIDE.sub("", m.name) for m in procedure.materials)
    elif facet is Facet.ELIGIBILITY:
        values["count"] = str(len(procedure.eligibility))
        values["conditions"] = _lines(list(procedure.eligibility))
    else:
        values["count"] = str(len(steps))
    return values


def plain_answer_values(templates: Mapping[str, str], procedure: Procedure, facets: Sequence[Facet],
                        city: City | None = None) -> dict[str, str]:
    """Template values of a plain answer of every facet asked (``body``), with the full answer's confirm note.

    Raises:
        KeyError: a plain section response is missing from ``templates``.
    """
    asked = list(dict.fromkeys(facets)) or [Facet.OVERVIEW]
    parts = [templates[PLAIN_SECTION.format(f.short)].format_map(plain_values(procedure, f, city, templates))
             for f in asked]
    used = [field for f in asked for field in USED_FIELDS[f]]
    return {"procedure_name": procedure.name, "body": "\n".join(parts),
            "confirm_note": confirm_note(procedure, used)}
