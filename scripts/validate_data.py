"""Run `rasa data validate` and fail on every warning it prints but one kind.

Rasa warns "The utterance 'utter_x' is not used in any story or rule" for responses
that custom actions utter (the materials list, the ticket summary…) or the channels
send (a refused message, bot/channels/edge.py). Those are in use; Rasa just cannot see
into Python. This script accepts that warning only for responses it finds named in
actions/ or bot/ (literally, or as a family like ``utter_invalid_phone_{kind}``)
or asked by a form (``utter_ask_<slot>``), and fails the other way round too: a
response the actions name that the domain lacks. Every other warning fails the check.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from modelcache import ROOT, rasa_env

UNUSED = re.compile(r"The utterance '([^']+)' is not used in any story or rule")
WARNING = re.compile(r"UserWarning|WARNING|ERROR|Error", re.IGNORECASE)
NAMED = re.compile(r"""f?["'](utter_[a-z0-9_]+)(\{)?""")
#: Where a bot event's metadata names the response uttered.
METADATA_KEY = "utter_action"


def responses_named_in_actions() -> tuple[set[str], set[str]]:
    """Response names the actions (and the channels) mention, and the prefixes of f-string families.

    Any string literal starting with ``utter_`` counts: the actions pass response
    names around (tables, conditional expressions) before uttering them. One ending in
    ``_`` is a family's prefix (``"utter_invalid_"``); ``utter_action`` is the key Rasa
    names the uttered response by in a bot event's metadata, no response.
    """
    exact, families = set(), set()
    for path in [*(ROOT / "actions").rglob("*.py"), *(ROOT / "bot").rglob("*.py")]:
        for name, brace in NAMED.findall(path.read_text(encoding="utf-8")):
            if name != METADATA_KEY:
                (families if brace or name.endswith("_") else exact).add(name)
    return exact, families


def form_questions(domain: dict) -> set[str]:
    """``utter_ask_<slot>`` of every slot a form requests."""
    return {f"utter_ask_{slot}" for form in (domain.get("forms") or {}).values()
            for slot in form.get("required_slots", [])}


def main() -> int:
    rasa = Path(sys.executable).with_name("rasa")
    proc = subprocess.run([str(rasa), "data", "validate"], cwd=ROOT, env=rasa_env(),
                          capture_output=True, text=True)
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    known = set(domain.get("responses") or {})
    exact, families = responses_named_in_actions()
    asked = form_questions(domain)

    problems: list[str] = []
    for name in sorted(exact - known):
        problems.append(f"actions utter '{name}' but domain.yml has no such response")
    for line in (proc.stdout + proc.stderr).splitlines():
        unused = UNUSED.search(line)
        if unused:
            name = unused.group(1)
            if name in exact or name in asked or any(name.startswith(f) for f in families):
                continue
            problems.append(f"response '{name}' is used nowhere (not in rules, stories or actions)")
        elif WARNING.search(line) and "DeprecationWarning" not in line and "pkg_resources" not in line:
            problems.append(line.strip())
    if proc.returncode != 0:
        problems.append(f"rasa data validate exited with {proc.returncode}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print("rasa data validate: no errors; no warnings except responses uttered by custom actions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
