"""Word lists shared by the analysis, as named data.

Reporting verbs are kept as lemmas and expanded to every inflected form by English spelling
rules, so that a list never knows "concluded" but not "concludes" or "concluding".
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

# Verbs that report speech or writing (lemmas). Irregular past forms are in IRREGULAR_PAST.
REPORTING_VERBS = (
    "say", "tell", "add", "warn", "state", "note", "explain", "argue", "insist", "write",
    "declare", "ask", "reply", "continue", "recall", "acknowledge", "remark", "stress",
    "emphasize", "announce", "demand", "tweet", "post", "claim", "suggest", "assert", "counter",
    "quip", "joke", "concede", "admit", "boast", "vow", "promise", "predict", "urge", "plead",
    "caution", "testify", "complain", "reiterate", "observe", "respond", "conclude", "sing",
    "call", "describe", "shout", "chant", "read", "report", "attest", "comment", "wonder",
)  # fmt: skip
IRREGULAR_PAST = {"say": "said", "tell": "told", "write": "wrote", "sing": "sang", "read": "read"}
MULTIWORD_CUES = ("according to", "put it")
# One-syllable lemmas ending consonant-vowel-consonant double it before -ed/-ing (quip →
# quipped); two-syllable ones stressed on the last syllable do too (admit → admitted).
DOUBLING = {"quip", "admit"}


def inflections(lemma: str) -> set[str]:
    """Base, third person singular, past and present participle of a regular verb."""
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        third, past, ing = lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    elif lemma.endswith("e"):
        third, past, ing = lemma + "s", lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        third, past, ing = lemma + "es", lemma + "ed", lemma + "ing"
    elif lemma in DOUBLING:
        third, past, ing = lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        third, past, ing = lemma + "s", lemma + "ed", lemma + "ing"
    past = IRREGULAR_PAST.get(lemma, past)
    return {lemma, third, past, ing}


@cache
def fitted_cue_verbs() -> frozenset[str]:
    """Verb forms that head quote cues in PolNeAR's train split (benchmarks/fit_cue_verbs.py)."""
    text = files("briefing").joinpath("data/cue_verbs.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def cue_pattern() -> str:
    """A regular expression (no groups) matching any form of a reporting verb: the lemmas
    above in every form, and the forms fitted on train."""
    forms = {form for lemma in REPORTING_VERBS for form in inflections(lemma)}
    forms |= fitted_cue_verbs() - {"according"}  # only as "according to"
    forms |= set(MULTIWORD_CUES)
    alternatives = sorted(forms, key=lambda f: (-len(f), f))  # longest first
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", " ") for f in alternatives) + ")"
