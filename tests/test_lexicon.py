"""Reporting verbs in every form, from lemmas and spelling rules."""

import re

from briefing.lexicon import cue_pattern, inflections


def test_inflections_follow_spelling_rules():
    assert inflections("conclude") == {"conclude", "concludes", "concluded", "concluding"}
    assert inflections("testify") == {"testify", "testifies", "testified", "testifying"}
    assert inflections("stress") == {"stress", "stresses", "stressed", "stressing"}
    assert inflections("quip") == {"quip", "quips", "quipped", "quipping"}
    assert inflections("say") == {"say", "says", "said", "saying"}


def test_cue_pattern_matches_whole_forms():
    cue = re.compile(rf"\b{cue_pattern()}\b")
    assert cue.fullmatch("concludes") and cue.fullmatch("according to")
    assert not cue.search("sailing")


def test_fitted_cue_verbs_ship_with_the_package():
    from briefing.lexicon import fitted_cue_verbs

    verbs = fitted_cue_verbs()
    assert "said" in verbs and all(v.isalpha() and v.islower() for v in verbs)
