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


# Names and the words around them, for finding who speaks (briefing.speakers).
SUBJECT_PRONOUNS = ("he", "she", "they")
# Abbreviated titles written with a full stop before a name: "Sen. Warren", "Lt. Col. Vindman".
ABBREVIATED_TITLES = (
    "Mr", "Ms", "Mrs", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Adm",
    "Rev", "Amb", "Del",
)  # fmt: skip
# Heads of an office named by what they head: "Secretary of State", "Ambassador to the UN".
OFFICE_HEADS = (
    "Secretary", "Minister", "Director", "Head", "Ambassador", "Envoy", "Representative",
)  # fmt: skip
# Words in front of a name that are not part of it: titles, ranks, parties, "of the".
NAME_PREFIXES = (
    "U.S.", "Russian", "Chinese", "Former", "Retired", "Democratic", "Republican", "Rival",
    "Deputy", "Acting", "Foreign", "Prime", "Vice", "Assistant", "Under", "Secretary", "State",
    "President", "Minister", "Senator", "Sen.", "Rep.", "Gov.", "Ambassador", "Mr.", "Mr",
    "Ms.", "Ms", "Mrs.", "Mrs", "Dr.", "Dr", "General", "Gen.", "Lt.", "Col.", "Sgt.", "Capt.",
    "Adm.", "Rev.", "Amb.", "Del.", "Spokesperson", "Spokesman", "Director", "Head", "of",
    "for", "the", "The", "to", "United", "Nations", "U.N.", "UN", "Special", "Envoy",
    "Representative",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
# Words that open a clause before a sentence's subject: "In January, …", "Though she …, …".
CLAUSE_OPENERS = (
    "In", "On", "At", "During", "After", "Following", "While", "As", "Before", "Earlier",
    "Later", "Last", "Since", "When", "Speaking", "Asked", "Still", "But", "And", "Yet",
    "Meanwhile", "Though", "Although", "Despite", "Because", "Unlike", "Amid", "Under", "With",
)  # fmt: skip
# Capitalised words that open a sentence but are not a name.
NOT_NAMES = frozenset(
    """But And So Yet Or If When This That These Those There Here What Why How Who Some Many
    Most All Only Even Still Now Then Also Instead However Meanwhile It No Not Each Every Such
    Several Both In On At During After Following While As Before Earlier Later Last Since
    Speaking Asked""".split()
) | frozenset(MONTHS)
# Subjects that say who spoke without naming anyone: "Officials said", "It said".
UNNAMED_SUBJECTS = frozenset(
    """it this that there officials analysts experts diplomats sources residents critics police
    witnesses authorities lawmakers observers reports some many others both people aides
    supporters voters investigators prosecutors researchers scientists economists officers
    democrats republicans leaders ministers spokesman spokeswoman""".split()
)
# Role nouns that say a person's sex: "the spokeswoman" is a "she", "the chairman" a "he".
_GENDERED_STEMS = ("spokes", "chair", "congress", "business", "council", "assembly")
FEMININE_NOUNS = (
    *(stem + "woman" for stem in _GENDERED_STEMS),
    "mother", "wife", "daughter", "sister", "actress", "queen", "first lady",
)  # fmt: skip
MASCULINE_NOUNS = (
    *(stem + "man" for stem in _GENDERED_STEMS),
    "father", "husband", "son", "brother", "actor", "king",
)  # fmt: skip
# Words before a name that make it an object, not a speaker: "in Columbus", "about Trump".
PREPOSITIONS = (
    "of", "for", "to", "with", "about", "against", "by", "from", "at", "in", "on", "over",
    "than", "into", "like", "under", "between",
)  # fmt: skip
