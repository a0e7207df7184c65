"""Reporting verbs in every form, from lemmas and spelling rules; word-list patterns."""

import re

import pytest

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


def test_word_lists_live_in_the_lexicon_only():
    """Months, weekdays, courtesy titles, transcript labels, connectives, decision verbs and
    document nouns are named once, in briefing/lexicon.py; other modules build from it."""
    import re
    from pathlib import Path

    import briefing

    lists = re.compile(
        r"(?i:January\W+February|Monday\W+Tuesday|\bMr\W+\(?Ms\b|\bDr\W+Mr\b|\bjan\W+feb\b)"
        r"|\"OPERATOR\"|\"QUESTION\""
        # the editorial checks' and the synthesis's lists: connectives, decisions, documents
        r"|however and yet|announce announced approve|report reports addendum"
    )
    package = Path(briefing.__file__).parent
    found = [
        f"{path.relative_to(package)}:{n}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        if path.name != "lexicon.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if lists.search(line)
    ]
    assert found == []


def test_a_folded_pattern_matches_as_ignorecase_does_and_refuses_upper_case_escapes():
    from briefing.text import Folded

    pattern = r"\b(?:thank(?:s| you)|good (?:morning|evening))\b|^[A-Z]\w+ here\b"
    folded, ignoring = Folded(pattern), re.compile(pattern, re.I)
    for text in ("Thank you all.", "GOOD MORNING", "Ned here today", "no thanksgiving", "x"):
        assert bool(folded.search(text)) == bool(ignoring.search(text)), text
    with pytest.raises(ValueError):
        Folded(r"\S+ here")  # lowered, "\S" would read as "\s"
