"""Speaker attribution: every named rule finds the speaker of its own examples, and says so."""

from pathlib import Path

import pytest

from briefing.ingest.page import read_page
from briefing.quotes import explain_quotes
from briefing.speakers import RULES


def attributed(body: str):
    doc = read_page(Path("story.txt"), "A Story About Talks\n\n" + body)
    return explain_quotes(doc)


EXAMPLES = [
    pytest.param(rule.name, passage, speaker, id=f"{rule.name}-{i}")
    for rule in RULES
    for i, (passage, speaker) in enumerate(rule.examples)
]


def test_every_rule_has_an_example():
    assert all(rule.examples for rule in RULES)
    assert len({rule.name for rule in RULES}) == len(RULES)


@pytest.mark.parametrize(("rule", "passage", "speaker"), EXAMPLES)
def test_a_rule_names_the_speaker_of_its_examples(rule, passage, speaker):
    *_, (quote, why) = attributed(passage)  # the passage's last quote
    assert (quote.speaker, quote.rule) == (speaker, rule)
    assert why.rule == rule
