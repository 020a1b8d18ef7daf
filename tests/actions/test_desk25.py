"""The newcomer's list of round nineteen (the desk25 engineer): a fee said free once, typed choices at the
department and rating buttons, an urge's reason kept, a phone said in words at the call assist."""
import re

import pytest

from tests.actions.test_procedure_actions import DOMAIN, KB, run, state
from actions.procedures import ActionAnswerProcedure

#: What says a fee is not charged.
_FREE = re.compile(r"免费|不收费|不收取")


@pytest.mark.parametrize("procedure", sorted(KB.procedures))
@pytest.mark.parametrize("asked", ["要钱不", "收费吗"])
def test_a_fee_asked_of_every_guide_is_said_free_once(procedure, asked):
    """«要钱不» of a free guide: «不收费» is said once — by its fee line, or before it where the line does not say so
    (it was said by the verdict and again by the line: «不收费。…收费:免费»)."""
    _, messages, _ = run(ActionAnswerProcedure(), state(asked, "ask_fee", {"procedure": procedure}))
    responses = [m.get("response") for m in messages]
    fee = KB.get(procedure).fee.text
    assert fee in "\n".join(str(m.get("body") or "") for m in messages)
    said_by_line = bool(_FREE.search(fee))
    assert not ("utter_verdict_free" in responses and said_by_line), responses
