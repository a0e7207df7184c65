"""Who said a quote, as a pipeline you can read.

1. **Rules** (``RULES``): an ordered table of named patterns, each tried at one place around
   the quotation (right after its closing mark, right before its opening mark, the sentence it
   sits in, the sentence or paragraph before). The first rule that finds a mention decides;
   each rule carries the examples it was written for, and the tests run them.
2. **Mentions**: what a rule found is a name, a title and name, a pronoun, or a description
   ("one Democratic source"); titles and appositives become the person's position.
3. **Coreference** (``Cast``): a pronoun goes to the latest speaker of its gender (from
   honorifics and role nouns), a surname to the full name the text gives it, a name to the
   person already met with that surname.

The result is an ``Attribution``: the speaker, the rule that decided it, and what it saw.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from briefing import lexicon, postag
from briefing.ingest.meta import describing_compound, fold, full_names
from briefing.ingest.turns import same_person
from briefing.text import MAX_ANALYZED_CHARS, common_word, content_words, split_sentences

LOOKAROUND = 200
_CUE = lexicon.cue_pattern()
_CUE_WORD = re.compile(_CUE)
# One word of a name: "Price", "O'Neill", "DuVernay", "McCaskill", "Éamon".
_W = (
    # not inside a word: "OVD-Info" is no "D-Info" (but "al-Assad" is "Assad")
    rf"(?<![\w’'])(?<![A-Z]-)[{lexicon.CAPITALS}](?:['’][A-Z])?[{lexicon.SMALL_LETTERS}’'-]+"
    rf"(?:[A-Z][{lexicon.SMALL_LETTERS}’'-]+)?"
)
# the genitive clitic: "Obama's", "James' mother"
_GENITIVE = r"(?:[’']s|(?<=s)[’'])"
_ABBREVIATED_TITLE = "(?:" + "|".join(lexicon.ABBREVIATED_TITLES) + ")"
_OFFICE = "(?:" + "|".join(lexicon.OFFICE_HEADS) + ")"
_PARTICLE = "|".join(re.escape(w) for w in lexicon.NAME_PARTICLES)
# A body's initials, alone or first in its name: "NATO", "UK Sport", "NHS England".
# Not a role's ("MP"), nor a word of an all-capitals run: a label or a headline ("JOHN
# SMITH:", "EXPERT VERDICT:").
_ACRONYM = (
    rf"(?<![\w’'&.-])(?<![A-Z][A-Z] )(?!(?:{'|'.join(sorted(lexicon.ROLE_INITIALS))})\b)"
    r"[A-Z][A-Z&]{1,5}(?:-[A-Z][a-z]+)?(?![\w’'&.-])(?!\s+[A-Z][A-Z&]+\b)"  # "OVD-Info"
)
_NAME = (
    # "Secretary of State …", "U.S. Ambassador to the United Nations …"
    rf"(?:(?:(?:[A-Z][\w.]*\s+)?{_OFFICE}"
    r" (?:of|for|to) (?:the )?(?:[A-Z][\w.]*\s+){1,2})?"
    rf"(?:[A-Z][\w.]*(?:\s+(?:and|&)\s+[A-Z][\w.]*)?{_GENITIVE}\s+)?"
    rf"(?:(?:{_W}\s+)?(?:{_ABBREVIATED_TITLE}\.\s+)+)?"
    rf"(?:{_W}|(?:[A-Z]\.){{2,3}}\s*{_W}|{_ACRONYM})"
    rf"(?:\s+(?:{_W}|[A-Z]\.|{_PARTICLE}|{_ACRONYM})){{0,6}})"
)
# A person's name, with no word of a title or role in it ("Ann Bolt", "Dr Bolt"; not
# "Prime Minister", "Director").
_ROLE_WORD = "|".join(sorted(w.title() for w in lexicon.ROLE_NOUNS))
_PERSON_WORD = rf"(?!(?:{_ROLE_WORD})\b){_W}"
_PERSON_NAME = (
    rf"(?:(?:{_ABBREVIATED_TITLE})\.?\s+{_PERSON_WORD}|{_PERSON_WORD}(?:\s+{_PERSON_WORD}){{1,3}})"
)
# a whole word: not the "he" of "the reports"
_PRONOUN = (
    r"(?<![\w’'-])(?:" + "|".join(p for w in lexicon.SUBJECT_PRONOUNS for p in (w, w.title())) + ")"
)
# An appositive between commas: "…," said the foreign secretary, Ramon Cruz / the premier,
# Chen Wei-lin, told reporters / Labor's health spokesman, Mark Butler. A role is a common noun
# phrase: in "said Sanjiv Bhasin, Director, IIFL Securities" the name comes first.
_ROLE = (
    r"(?:the\s+|a\s+|an\s+|(?=[a-z]|[A-Z][\w.]*" + _GENITIVE + r"\s))(?P<role>[\w’' -]{2,60}?),\s+"
)
_CATENATIVE = lexicon.alternation(lexicon.CATENATIVE_VERBS)
_PARENTHESIS = r"(?:\s*\([^()]{1,30}\))?"  # "Rep. Gwen Moore (D-Wis.) said"
_WEEKDAY = "(?:" + "|".join(lexicon.WEEKDAYS) + ")"


def _adverbs(ly: str, cues: Iterable[str]) -> str:
    """Words that may stand between a subject and its cue verb: an -ly word, ``cues``, a day."""
    named = "|".join(re.escape(w) for w in cues)
    return rf"(?:\s+(?:{ly}|{named}|(?:on|last|this)\s+{_WEEKDAY}))*"


_ADVERBS = _adverbs("[a-z]+ly", lexicon.CUE_ADVERBS)
# Between a quote and its attribution an adverb may stand ("…,” he once said), but not
# "then": "“…?” Mills then writes back, “…”" is the next turn's, not this quote's; nor a noun
# in -ly ("…,” Jones family said).
_AFTER_ADVERBS = _adverbs(
    r"(?!(?:family|ally|rally|assembly|supply|reply|daily|weekly|monthly)\b)[a-z]+ly",
    (w for w in lexicon.CUE_ADVERBS if w != "then"),
)
# "In January, ", "Though she called it “outrageous,” ": a clause before the subject.
_INTRO = (
    "(?:(?:" + "|".join(lexicon.CLAUSE_OPENERS) + r")\b(?:[^,“”\"]|“[^”]{1,40}”|\"[^\"]{1,40}\")"
    r"{0,160}?(?:,|(?<=,[”\"]))\s+)?"
)
_VERB = (
    r"(?!also\b|always\b|this\b|thus\b|perhaps\b|as\b)(?:[a-z]+(?:ed|[^s'u]s)|is|was|"
    + "|".join((*lexicon.IRREGULAR_PAST_FORMS, *lexicon.MODAL_VERBS))
    + r")\b"
)


@dataclass(frozen=True)
class Rule:
    """A named way of finding a speaker.

    ``place`` says where ``pattern`` is tried: ``after`` the closing mark (matched at the start
    of the rest of the line), ``before`` the opening mark (searched, ending at the mark),
    ``sentence`` (the subject of the sentence the quote sits in), ``said_last`` (a "X said:"
    sentence just before). ``examples`` are passages with one quote and its speaker.
    """

    name: str
    place: str
    pattern: re.Pattern[str]
    examples: tuple[tuple[str, str | None], ...] = ()


def _rule(
    name: str, place: str, pattern: str | re.Pattern[str], *examples: tuple[str, str | None]
) -> Rule:
    return Rule(name, place, re.compile(pattern), examples)


def _after(name: str, body: str, *examples: tuple[str, str | None]) -> Rule:
    return _rule(name, "after", rf"^[\s,]*(?:{body})", *examples)


AFTER_RULES = (
    _after(
        "pronoun_cue_after",
        rf"(?P<pronoun>{_PRONOUN}){_AFTER_ADVERBS}\s+{_CUE}\b",
        (
            "“We will go,” Maria Delgado said. Talks ended at noon. “We will not back down,” "
            "she said.",
            "Maria Delgado",
        ),
        (
            "Maria Delgado won again. Talks ended at noon. “My work is the best there is,” she "
            "was once quoted as saying.",
            "Maria Delgado",
        ),
        # a surname alone, telling someone something: "Hale told …" names a person
        (
            "Hale told reporters that he was quitting. He later clarified his position. “I have "
            "not given up,” he said.",
            "Hale",
        ),
    ),
    _after(
        "body_pronoun_cue_after",
        # "it said": the body the sentences before are about
        rf"(?P<body>it){_AFTER_ADVERBS}\s+{_CUE}\b",
        (
            "The Home Office said it was reviewing the case. “No decision has been made,” it said.",
            "Home Office",
        ),
    ),
    _after(
        "name_cue_after",
        rf"(?P<name>{_NAME}){_PARENTHESIS}{_AFTER_ADVERBS}\s+{_CUE}\b",
        ("“We will not back down from this,” Maria Delgado said.", "Maria Delgado"),
        ("“I have never once been able to write quickly,” Tom Hale once said.", "Tom Hale"),
        ("“We are ready to answer for it,” Tom Hale was quoted as saying.", "Tom Hale"),
    ),
    _after(
        "cue_role_comma_name_after",
        rf"{_CUE}\s+{_ROLE}(?P<name>{_NAME})(?=[,.]|$)",
        ("“We will not go,” said the foreign secretary, Ramon Cruz.", "Ramon Cruz"),
    ),
    _after(
        "role_comma_name_cue_after",
        rf"{_ROLE}(?P<name>{_NAME}),\s+{_CUE}\b",
        ("“We will not go,” the premier, Chen Wei-lin, told reporters.", "Chen Wei-lin"),
    ),
    _after(
        "cue_role_name_after",
        # the role ends on a noun, not a preposition ("said Maia Sandu on Monday" is Sandu's)
        # nor inside a name ("said Ursula von der Leyen")
        rf"{_CUE}\s+(?P<role>(?:[\w/.’'-]+\s+){{0,4}}?"
        rf"(?!(?:of|the|for|and|in|at|from|on|by|to|with|after|before|during|since|until|"
        rf"over|last|this|next|{_PARTICLE})\s)"
        rf"[a-z][\w’'-]*\s+)(?P<name>{_NAME})"
        r"(?=\s*[,.(]|\s*$|\s+(?:in|on|at|after|before|during|when|while|who|as)\s)",
        ("“It was a disgrace to the country,” said MSNBC host Chris Matthews.", "Chris Matthews"),
        # the name may end before the rest of the clause ("… in a post")
        ("“Stop sharing it, please,” said forum user Dana Kowal in a post.", "Dana Kowal"),
    ),
    _after(
        "cue_name_after",
        rf"{_CUE}\s+(?:(?P<pronoun>{_PRONOUN})|(?P<name>{_NAME}))\b",
        ("“It is a matter for the courts,” said Oliver Grant.", "Oliver Grant"),
        # a firm of two names before the person ("Marks and Spencer's …")
        ("“Sales will grow next year,” added Black and Decker's Priya Nair.", "Priya Nair"),
        # a name with connectors and a capital outside ASCII
        ("“Europe stands by its partners,” said Ursula von der Leyen.", "Ursula von der Leyen"),
        ("“The painting will stay in France,” said Hélène des Rives.", "Hélène des Rives"),
        ("“We will form a government this month,” said Éamon Ó Cuív.", "Éamon Ó Cuív"),
    ),
    _after(
        "signature_dash",
        rf"[―—–]\s*(?P<name>{_NAME})",
        (
            "The book opens with a line.\n\n“Fear is the mind-killer, it is.” ― Pamela Padilla",
            "Pamela Padilla",
        ),
    ),
    _after(
        "name_of_body_cue_after",
        # "…,” Ann Bolt of the Brookings Institution said: the person, not the body they speak
        # for; a title before "of" is an office ("Secretary of State Rex Tillerson said")
        rf"(?P<name>{_PERSON_NAME})\s+(?:of|from|at)\s+(?:the\s+)?[\w/&.’'-]+"
        rf"(?:\s+[\w/&.’'-]+){{0,5}}?\s+{_CUE}\b",
        (
            "“The figures are worse than we feared,” Ann Bolt of the Example Institute said.",
            "Ann Bolt",
        ),
    ),
    _after(
        "role_name_cue_after",
        # the role does not run over a sentence end ("the governor said. He told …"), and
        # each of its words has a letter or a digit (not the full stop after a quotation)
        rf"(?P<role>(?:(?=[^\s“”\"]*\w)[^\s“”\"]+(?<![a-z]{{3}}[.!?])\s+){{1,6}}?)"
        rf"(?!{_PRONOUN}\b)"
        rf"(?P<name>[A-Z][a-zà-ÿ’'-]+(?:\s+[A-Z][a-zà-ÿ’'-]+)"
        rf"{{0,3}}){_PARENTHESIS}\s+{_CUE}\b",
        (
            "“That is not our policy,” White House press secretary Josh Earnest said.",
            "Josh Earnest",
        ),
    ),
    _after(
        "name_appositive_cue_after",
        # the appositive may name a place with its country ("… in Munich, Germany, and …")
        rf"(?P<name>{_NAME}){_PARENTHESIS},\s+(?P<role>[^,“”\"]{{2,120}})(?:,[^,“”\"]{{2,80}}){{0,2}},"
        rf"\s+{_CUE}\b",
        (
            "“It is an invasion of our domain,” Scott Pruitt, the attorney general of Oklahoma, "
            "one of the states suing, said on Monday.",
            "Scott Pruitt",
        ),
        (
            "“The model surprised us,” Ana Lindqvist, a fellow at the observatory in Lund, "
            "Sweden, and an author of the paper, said.",
            "Ana Lindqvist",
        ),
    ),
    _after(
        "name_open_appositive_cue_after",
        # a role in lower case that the cue verb closes without a comma
        rf"(?P<name>{_NAME}){_PARENTHESIS},\s+(?P<role>[a-z][^,“”\"]{{2,120}}?)\s+{_CUE}\b",
        (
            "Visitors should see the camp for themselves, “to learn what hatred did here”, Rabbi "
            "Ann Hale, founder of the Hale Center for Memory said.",
            "Ann Hale",
        ),
    ),
    _after(
        "description_cue_after",
        # a determiner, a number or a possessive before the noun ("one user wrote", "his
        # childhood friend told …")
        rf"(?P<name>(?:a|an|the|one|another|some|two|three|several|his|her|their|its|our|my"
        rf"|(?:{_NAME}|[A-Z]\w+){_GENITIVE})\s+[\w’'&/ -]{{2,60}}?)\s+{_CUE}\b"
        # a noun the cue verbs share ("report") is the head of the phrase when a cue follows it
        rf"(?!\s+{_CUE}\b)",
        ("“Who will stand up for you?” a narrator in the ad asks.", "A narrator in the ad"),
        ("“He wanted to fly since he was five,” his old friend said.", "His old friend"),
        ("“Ebola is in retreat,” the latest WHO report said.", "The latest WHO report"),
        # a document of someone's speaks for its author
        ("“We will keep this under review,” Mr Wright's letter states.", "Wright"),
    ),
    _after(
        "as_put_it_after",
        rf"as\s+(?P<name>{_NAME}|(?:a|an|the)\s+[\w’' -]{{2,50}}?)\s+{_CUE}\b",
        (
            "“A threat to the homeland,” as a Homeland Security memo put it.",
            "A Homeland Security memo",
        ),
    ),
    _after(
        "per_after",
        rf"per\s+(?P<name>{_NAME}|(?:a|an|the|[A-Z]\w+{_GENITIVE})\s+[\w’' -]{{2,50}}?)"
        r"(?=\s*[,.]|\s*$)",
        (
            "The meeting is “open to all members in good standing,” per the party's bylaws.",
            "The party's bylaws",
        ),
    ),
    _after(
        "cue_description_after",
        rf"{_CUE}\s+(?P<name>(?:one|a|an|the|two|three|several|some)\s+[\w’' -]{{2,60}}?)"
        r"(?=\s*[,.]|$)",
        (
            "“They are in a frenzy with no plan at all,” said one Democratic source on the panel.",
            "One Democratic source on the panel",
        ),
    ),
)

# A character of a phrase between commas: a comma only inside a number ("40,000 staff")
_PHRASE_CHAR = r"[^,“\"]|(?<=\d),(?=\d{3})"
_CLAUSE_SUBJECT = "(?:" + "|".join((*lexicon.SUBJECT_PRONOUNS, "I", "we", "it", "you")) + ")"
# The subject of the clause that leads into a quote: a name, a pronoun or a noun phrase
# ("The Indiana governor said Democrats are to blame for focusing on “…").
_SUBJECT = (
    # "…, the 34-year-old mother of three replied, “…"
    rf"(?:(?P<pronoun>{_PRONOUN})"
    rf"|(?P<name>{_NAME}(?<![’']s)(?<!s[’'])|(?:The|(?<=, )the)\s+[\w’' -]{{2,40}}?"
    # "…, one escapee testified that “…": a person the text describes without naming
    rf"|(?:(?<![A-Za-z] )(?:One|Another)|(?<=, )(?:one|another))\s+[a-z][\w’' -]{{2,40}}?)"
    rf"{_PARENTHESIS}"
    # "The council leader, Jane Smith, said": the name in apposition to a description;
    # "Clinton, during a town hall in Columbus, Ohio, said": an appositive with a place in it
    # ("Lucy Morgan, 32, of Upminster, east London, said": an age, a town and its district);
    # an appositive is a phrase, not a clause with a subject of its own ("On Thursday, she
    # turned to social media, saying …" is hers)
    rf"(?:,\s+(?P<appositive>{_NAME}),|,(?!\s+{_CLAUSE_SUBJECT}\s)(?:{_PHRASE_CHAR}){{1,80}}"
    rf"(?:,(?:{_PHRASE_CHAR}){{1,30}}){{0,2}},"
    # "Mark Lee, Director, Ipsos Scotland said": a title and then the body, with no comma
    # closing the apposition
    rf"|,\s+(?:{_ROLE_WORD})\b(?:{_PHRASE_CHAR}){{0,60}},(?:\s+[A-Z][\w&.’'-]*){{1,5}}(?=\s))?)"
)
# A person named with the place they work at: "Dr Jane Hill at King's College London",
# "Prof Kevin Morgan from the University of Nottingham"
_AFFILIATION_WORD = r"(?:[A-Z][\w&.’'-]*|of|for|and|the|on|in)"
# (not "The Bank of England", "Royal College of Nursing": a body's own name, whose words
# include the head of a body)
_NOT_PERSON_WORD = rf"(?!(?:The|A|An|{lexicon.alternation(lexicon.ORGANISATION_HEADS)})\b)"
_AFFILIATED = (
    rf"(?P<name>(?:{_ABBREVIATED_TITLE})\.?\s+{_PERSON_WORD}(?:\s+{_PERSON_WORD}){{0,2}}"
    rf"|{_NOT_PERSON_WORD}{_PERSON_WORD}(?:\s+{_NOT_PERSON_WORD}{_PERSON_WORD}){{1,3}})"
    rf"\s+(?:from|at|of)\s+(?:the\s+)?[A-Z][\w&.’'-]*"
    rf"(?:\s+{_AFFILIATION_WORD}){{0,8}}?"
)
BEFORE_RULES = (
    # A passive verb of naming with its agent: "… 16 men, described by Islamic State as the
    # ‘people of the cross’, …": the agent of "described" said the words
    _rule(
        "passive_agent_before",
        "before",
        re.compile(
            # (not "called": "was called by the Court as a “key witness”" is summoned)
            r"\b(?:described|branded|labell?ed|dubbed|hailed|denounced)\s+by\s+"
            rf"(?:the\s+)?(?P<name>{_NAME})\s+as\s+(?:an?\s+|the\s+)?$"
        ),
        (
            "At least 16 men, described by Islamic State as the “people of the cross”, were shot.",
            "Islamic State",
        ),
    ),
    # A name right before the quote: "footage of Hillary Clinton asking, “…", "According to
    # Limbaugh, “…"
    _rule(
        "name_saying_before",
        "before",
        re.compile(rf"(?P<name>{_NAME})\s+(?:saying|asking|adding|declaring)\b[^.!?“”\"]{{0,60}}$"),
        (
            "The ad shows footage of Hillary Clinton saying, “We will get this done.”",
            "Hillary Clinton",
        ),
    ),
    _rule(
        "according_to_before",
        "before",
        re.compile(
            rf"[Aa]ccording to (?P<name>{_NAME}"
            rf"|(?:a|an|the|[A-Z]\w+{_GENITIVE})\s+(?:[\w’'-]+\s+){{0,5}}?[\w’'-]+)"
            # "according to the State Department, which said a “…”": the body it names, when
            # its clause reports no one else ("…, which reported that Ali Khan said: “…”")
            rf"(?:,?\s+(?:which|who)\s+{_CUE}\b(?:(?!\s{_CUE}\b)[^.!?“”\"]){{0,60}})?,?\s*"
            # "according to Okafor, the firm “cleared the forest”": the subject of the clause
            # the quotation ends is no speaker, the source is
            rf"(?:(?:the\s+|a\s+|an\s+)?(?:(?!{_CUE}\b)[\w’'-]+\s+){{1,4}})?$"
        ),
        ("According to Limbaugh, “the fix is in for the nominee.”", "Limbaugh"),
        ("According to Ruth Okafor, the firm “cleared the forest to plant palms.”", "Ruth Okafor"),
        # a document quoted is the document, not a word of its name ("Islamic")
        (
            "According to the country’s Islamic penal code, “Women shall be fined.”",
            "The country’s Islamic penal code",
        ),
    ),
    # "…, says Maria, “…”": the cue before its subject, between commas, as a story's own
    # voice brings in the next speaker (the verbs that invert so, not "told", whose object
    # is the hearer)
    _rule(
        "inverted_cue_name_before",
        "before",
        re.compile(
            rf",\s+(?:{lexicon.alternation(lexicon.INVERTING_CUES)})\s+(?P<name>{_NAME}),\s*$"
        ),
        (
            "When the centre opened, says Maria, “Weekends became easier for all of us.”",
            "Maria",
        ),
    ),
    _rule(
        "body_pronoun_cue_before",
        "before",
        # "It" opening its sentence: not the "it" of "what it promised, describing …"
        re.compile(rf"(?:^|(?<=[.!?]\s))(?P<body>It)\s+(?P<cue>{_CUE})\b[^.!?“”\"]{{0,120}}$"),
        (
            "The Welsh government wants more trees planted. It said its plan “will double the "
            "woodland in ten years”.",
            "The Welsh government",
        ),
    ),
    # "Prof Kevin Morgan from the University of Nottingham said: “…”": a person and where
    # they work, then the cue; not the institution, which ends right before the verb
    _rule(
        "affiliated_subject_cue_before",
        "before",
        re.compile(
            rf"(?:^|(?<=[.!?]\s)|(?<=,\s)){_INTRO}{_AFFILIATED}{_ADVERBS}\s+(?P<cue>{_CUE})\b"
            r"[^.!?“”\"]{0,120}$"
        ),
        (
            "Prof Kevin Morgan from the University of Nottingham said: “Our findings are "
            "exciting.”",
            "Kevin Morgan",
        ),
        ("Dr Jane Hill at King's College London said: “This is a step forward.”", "Jane Hill"),
    ),
    # "The Organization for Security and Cooperation in Europe (OSCE) reported the election
    # “took place in an overly controlled environment”": a body whose name runs over words a
    # name does not take ("for", "and", "in"), given with its initials, speaks by them
    _rule(
        "initials_subject_cue_before",
        "before",
        re.compile(
            r"(?:^|(?<=[.!?]\s)|(?<=,\s))(?:[Tt]he\s+)?(?P<long>[A-Z][\w’'-]*"
            r"(?:\s+(?:of|for|and|on|in|the|[A-Z][\w’'.-]*))*?\s+(?:of|for|and|on|in)\s+"
            r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)"
            rf"\s+\((?P<name>[A-Z][A-Za-z&]{{1,7}})\){_ADVERBS}\s+(?P<cue>{_CUE})\b"
            r"[^.!?“”\"]{0,120}$"
        ),
        (
            "The Organization for Security and Cooperation in Europe (OSCE) reported the "
            "election “took place in an overly controlled environment.”",
            "OSCE",
        ),
        (
            "The Office of the UN High Commissioner for Refugees (UNHCR) said access was "
            "“rare, sporadic, and not unfettered.”",
            "UNHCR",
        ),
    ),
    _rule(
        "subject_cue_before",
        "before",
        re.compile(
            rf"{_SUBJECT}{_PARENTHESIS}{_ADVERBS}(?:\s+{_CATENATIVE}\s+to)?"
            # "… HTS continued to “carry out …”": the aspect, not a speech verb
            rf"\s+(?!continu\w*\s+to\b)(?P<cue>{_CUE})\b[^.!?“”\"]{{0,120}}$"
        ),
        ("Maria Delgado told reporters: “The talks will go on next week.”", "Maria Delgado"),
        (
            "Ravi Shah, Director, Polling Lab Wales said: “Voters want a change of course.”",
            "Ravi Shah",
        ),
        ("The fighter ace went on to describe it as ‘a brilliant escape plan’.", "The fighter ace"),
        (
            "In the session, one escapee testified that “nobody there may complain of hunger.”",
            "One escapee",
        ),
        # the subject of the last cue, not of an earlier clause
        (
            "After the host asked the guest who would win, Ellen Marsh replied, “I would bet "
            "on the governor.”",
            "Ellen Marsh",
        ),
    ),
)
# A quote with no cue verb next to it: the subject of the sentence it sits in ("In January,
# Gov. Earl Ray Tomblin of West Virginia lauded him for “…”"), or "Said Ellis: “…”".
SENTENCE_RULES = (
    _rule(
        "said_name_colon",
        "sentence",
        re.compile(rf"(?:Said|Says|Added|Asked)\s+(?P<name>{_NAME}):"),
        ("Said Ellis: “I don't get the sense she is interested in reform.”", "Ellis"),
    ),
    _rule(
        "sentence_subject",
        "sentence",
        re.compile(
            rf"{_INTRO}(?:(?P<pronoun>{_PRONOUN})|(?P<name>{_NAME})(?<![’']s)(?<!s[’'])"
            rf"|(?P<described>(?:[Tt]he|An?|One|His|Her|Their|Our|My"
            rf"|(?:{_NAME}|[A-Z]\w+){_GENITIVE})\s+"
            # a description keeps the body it names ("A spokesman for the Ministry of Defence")
            rf"[\w’' -]{{2,40}}?(?:\s+of\s+(?:the\s+)?{_W}(?:\s+{_W})*)?))"
            rf"(?:\s+of\s+(?:the\s+)?{_W}(?:\s+{_W})*)?"
            # "Trump and his aides have …": the first of two subjects
            rf"(?:\s+and\s+(?:his|her|their|the)\s+[a-z]+)?"
            # after an appositive the next word is the verb, whatever it looks like
            rf"{_PARENTHESIS}(?:(?:,\s+(?P<appositive>{_NAME})|,[^,“”\"]{{1,80}}),\s+"
            rf"(?P<v1>[a-z]+)\b"
            rf"|{_PARENTHESIS}(?P<aux>{_ADVERBS})\s+(?P<v2>{_VERB}))"
        ),
        (
            "In January, Gov. Earl Ray Tomblin of West Virginia lauded him for “bringing "
            "jobs back to the state.”",
            "Earl Ray Tomblin",
        ),
    ),
)
# "…, Schiff said. “The other factor …”": the sentence before names who goes on speaking.
SAID_LAST = _rule(
    "said_last_sentence",
    "said_last",
    re.compile(
        rf"(?:(?P<pronoun>{_PRONOUN})|(?P<name>{_NAME})){_PARENTHESIS}\s+{_CUE}\b"
        r"[^.!?“”\"]{0,60}[.:]$"
    ),
    (
        "Adam Schiff spoke at length on Tuesday, Schiff said. “The other factor is time.”",
        "Adam Schiff",
    ),
)
# "The collection risked being “sold and scattered” had the money not been raised, she
# added.": an attribution that closes the sentence the quote stands in, past the clause's
# other words (a quote's own cue comes first: "Smith called it “a disaster”, Jones added" is
# Smith's).
SENTENCE_END = _rule(
    "cue_at_sentence_end",
    "after",
    re.compile(
        rf"^[^.!?“”\"\n]{{1,150}}?,\s+(?:(?P<pronoun>{_PRONOUN})|(?P<name>{_NAME}))"
        rf"{_AFTER_ADVERBS}\s+{_CUE}\b[^.!?“”\"\n]{{0,40}}[.!?]"
    ),
    (
        "Maria Delgado runs the mill.\n\nThe old mill was “falling apart at the seams” "
        "before the grant came, she said.",
        "Maria Delgado",
    ),
)
# Rules that are not patterns: where the speaker comes from the quotes around.
CONTINUED = "continues_quote"  # “…,” she said, “…”: the parts of one quotation
# “…,” said Kerr. ¶ “…”: a paragraph that is only a quotation, right after one that ends on an
# attributed quotation, goes on with that speaker (news names a new speaker at their first quote)
NEXT_PARAGRAPH = "quote_paragraph_after_quote"
PREVIOUS_SENTENCE = "previous_sentence_subject"  # a sentence about X, then X's quote
PREVIOUS_PARAGRAPH = "previous_paragraph_subject"  # a paragraph about X, then a quote alone
PREVIOUS_REPORT = "previous_paragraph_report"  # "… she added that …" ¶ then her quote alone


@dataclass(frozen=True)
class Attribution:
    """Who said a quote, by which rule, from what mention (``found``), and the rules that also
    matched but lost on order (``also``)."""

    speaker: str | None
    rule: str | None
    found: str | None = None
    also: tuple[str, ...] = ()
    candidates: tuple[Candidate, ...] = ()  # what the ranker weighed, best first
    marks: tuple[int, int] = (0, 0)  # the opening and closing mark it looked around


@dataclass
class Cast:
    """The people of one document as its quotes are read: everyone named so far, the
    speakers latest last, what the text says of their sex, their positions, full names."""

    people: list[str]
    recent: list[str]
    genders: dict[str, str]
    positions: dict[str, str]
    text: str = ""
    # indexes built once per document, so that a long one with many names stays linear
    by_surname: dict[str, list[str]] = field(default_factory=dict)
    speakers: set[str] = field(default_factory=set)  # the folded surnames of those who spoke
    _full_names: dict[str, str] | None = None
    _given: dict[str, str] = field(default_factory=dict)
    _introduced_by_given: dict[str, str] = field(default_factory=dict)
    _counts: Counter[str] | None = None
    _proper: set[str] | None = None
    _introduced: set[str] | None = None
    _titled: dict[str, str | None] = field(default_factory=dict)
    _lower_before: dict[str, set[str]] | None = None

    @classmethod
    def of(cls, text: str, people: list[str], positions: dict[str, str]) -> Cast:
        genders = _pronoun_genders(text) | _honorific_genders(text)  # a title is surer
        cast = cls([], [], genders, dict(positions), text[:MAX_ANALYZED_CHARS])
        for person in people:
            cast.person(person)
            cast.spoke(person)
        return cast

    def pronoun(self, pronoun: str) -> str | None:
        """The latest speaker a pronoun can stand for: "she" skips a Mr. or a spokesman, "he"
        a Ms. or a congresswoman."""
        for person in reversed(self.recent[-2:]):
            role = self.positions.get(person, "")
            known = self.genders.get(person.split()[-1]) or _role_gender(role)
            if known == pronoun:
                return person
        for person in reversed(self.recent[-50:]):
            role = self.positions.get(person, "")
            known = self.genders.get(person.split()[-1]) or _role_gender(role)
            if pronoun == "they" or (known in (None, pronoun) and _animate(person)):
                return person
        return None

    def refers(self, person: str, pronoun: str) -> None:
        """A "he" or "she" the text used for a person says their sex, for later pronouns."""
        if pronoun in ("he", "she") and _animate(person):
            self.genders.setdefault(person.split()[-1], pronoun)

    def spoke(self, speaker: str) -> None:
        if self.recent and self.recent[-1] == speaker:
            return
        self.recent = [p for p in self.recent[-50:] if p != speaker] + [speaker]
        self.speakers.add(fold(speaker.split()[-1]))

    def lookup(self, name: str) -> str:
        """The entity a name refers to: a surname alone gets the full name the text gives it,
        or else a knight's or dame's given name the full name it begins ("Sir Malcolm" after
        "Sir Malcolm Price"); a name already met (by surname) is that person. A body's
        initials are its own ("the UN" is no "Kim Jong Un")."""
        if name.isupper():
            return name
        if " " not in name:
            if self._full_names is None:
                self._full_names = full_names(self.text)
                self._given = _by_given_name(self.text, self._full_names.values())
                self._introduced_by_given = _introduced_in_full(self.text)
            name = (
                self._full_names.get(fold(name))
                or self._given.get(fold(name))
                or self._introduced_by_given.get(fold(name), name)
            )
        given = self._given_name(name)
        for person in reversed(self.by_surname.get(fold(name.split()[-1]), [])):
            # a longer name of the same person, not one with another given name: "Hillary
            # Clinton" is no "Bill Clinton" ("Donor Okafor" is "Grace Okafor")
            if len(person) >= len(name) and given in (None, *person.split()):
                return person
        return name

    def _given_name(self, name: str) -> str | None:
        """The first word of a name of two or more, when it is a given name: not a title, a
        role or a word the text writes in lower case before the person ("Chief Williams",
        "Donor Okafor" after "the party donor Grace Okafor"; "Bill Clinton" is Bill's)."""
        words = name.split()
        first = words[0].rstrip(".")
        if (
            len(words) < 2
            or first in _DETERMINERS_OF_DESCRIPTIONS  # "The lawyers": a description
            or not words[-1][:1].isupper()
            or first in lexicon.ABBREVIATED_TITLES
            or first.lower() in lexicon.ROLE_NOUNS
            or first.lower() in lexicon.PERSON_NOUNS
        ):
            return None
        if self._lower_before is None:
            self._lower_before = _lower_words_before_names(self.text)
        return None if first.lower() in self._lower_before.get(words[-1], ()) else words[0]

    def person(self, name: str) -> str:
        """``lookup``, remembering a person met for the first time."""
        person = self.lookup(name)
        same = self.by_surname.setdefault(fold(person.split()[-1]), [])
        if person not in same:
            same.append(person)
            self.people.append(person)
        return person

    def holder(self, description: str) -> str | None:
        """The person a definite description of a position refers to: the latest one whose
        recorded position has all its words ("the press secretary" -> the person given as
        "White House press secretary"; "the spokeswoman" -> a "spokeswoman")."""
        words = description.lower().split()
        if words[0] != "the" or not 2 <= len(words) <= 5:
            return None
        for person in reversed(self.recent):
            position = set(self.positions.get(person, "").lower().split())
            if position and set(words[1:]) <= position:
                return person
        return self.titled(words[1:])

    def titled(self, words: list[str]) -> str | None:
        """The person the text introduces with a position as a title before their name:
        "the governor" -> "Governor John Rankin made the announcement" -> John Rankin. Only a
        full name counts, and only one holder: a "President Obama" beside a "President Jim
        Yong Kim" is ambiguous, and "World Bank President" is another position."""
        if not words or any(w not in lexicon.HELD_TITLES for w in words):
            return None
        key = " ".join(words)
        if key not in self._titled:  # once per document: a long one has many "the governor"s
            title = r"\s+".join(re.escape(w[:1].upper() + w[1:]) for w in words)
            pattern = rf"(?<![A-Z][\w.’'-]\s)\b{title}\s+(?P<name>{_NAME})"
            holders = {_clean_name(m["name"]) for m in re.finditer(pattern, self.text)} - {None}
            name = holders.pop() if len(holders) == 1 else None
            self._titled[key] = name if name and " " in name else None
        found = self._titled[key]
        return self.person(found) if found else None

    def introduced(self, word: str) -> bool:
        """Is a lone capitalised word introduced somewhere as a person, by a compound or a
        noun that describes one ("Chorley-born Charnley", "pensioner Walsh")?"""
        if self._introduced is None:
            self._introduced = {m[1] for m in _INTRODUCED.finditer(self.text)}
        return word in self._introduced

    def proper(self, word: str) -> bool:
        """Is a capitalised word capitalised mid-sentence somewhere in the text?"""
        if self._proper is None:
            self._proper = {_stem(m[1]) for m in _MID_SENTENCE.finditer(self.text)}
        return word in self._proper

    def mentions(self, surname: str) -> int:
        if self._counts is None:
            self._counts = Counter(_stem(word) for word in _WORD.findall(self.text))
        return self._counts[surname]

    def features(self, person: str, alone: bool) -> dict[str, float]:
        """What the cast knows of a candidate: has spoken, last spoke, how often named."""
        surname = person.split()[-1]
        return {
            "several_words": float(" " in person),
            "last_speaker": float(bool(self.recent) and same_person(self.recent[-1], person)),
            "known_speaker": float(fold(surname) in self.speakers),
            "log_mentions": math.log(1 + min(50, self.mentions(surname))) / 4,
            "quote_alone": float(alone),
        }


# Honours that go with the given name: "Sir Malcolm Price" is "Sir Malcolm" later on (not any
# lone first name: "Washington" is no "Washington Post", "Jordan" no "Jordan Peterson").
_KNIGHTED = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.GIVEN_NAME_HONOURS)})\s+({_W})\s+({_W})(?!\s+[A-Z])"
)


# Head nouns of descriptions that stand for a person ("The officer", "The 39-year-old", "The
# mother of two"); "The report", "The hearing" are no "he" or "she".
_PERSON_HEADS = (
    lexicon.ROLE_NOUNS
    | lexicon.PERSON_NOUNS
    | frozenset(w.split()[-1] for w in (*lexicon.FEMININE_NOUNS, *lexicon.MASCULINE_NOUNS))
    | frozenset(lexicon.FAMILY_NOUNS)
    | frozenset(
        """man woman boy girl person child teenager player coach manager star aide staffer
        organizer organiser author runner frontrunner nominee host guest speaker voter
        supporter critic friend neighbour neighbor owner driver girlfriend boyfriend partner
        fiancé fiancée fiance fiancee mum dad mom uncle aunt cousin colleague agent teammate
        team-mate parents family grandson granddaughter nephew niece""".split()
    )
)


_DETERMINERS_OF_DESCRIPTIONS = frozenset("The A An One His Her Its Their Our My Your".split())
_POSSESSIVE_DETERMINERS = frozenset("His Her Their Our My Your".split())


_LOWER_THEN_NAME = re.compile(r"\b([a-z]+)((?:\s+[A-Z][\w'’-]*){1,3})")


def _lower_words_before_names(text: str) -> dict[str, set[str]]:
    """For each capitalised word, the lower-case words the text writes just before the name
    it is in ("the donor Sheldon Adelson": "donor" before "Adelson"), in one pass."""
    found: dict[str, set[str]] = {}
    for m in _LOWER_THEN_NAME.finditer(text):
        for word in m[2].split():
            found.setdefault(word, set()).add(m[1])
    return found


def _animate(person: str) -> bool:
    """Whether a speaker may be a "he" or "she": a name, or a description of a person."""
    words = person.split()
    if words[0] not in _DETERMINERS_OF_DESCRIPTIONS:
        # a name, unless an organisation's ("World Anti-Doping Agency", "Inverclyde Council")
        return len(words) == 1 or words[-1] not in lexicon.ORGANISATION_HEADS
    # the head noun: the last word before what modifies it ("The official reason for the
    # resignation" is a reason; "A spokeswoman for the US attorney" a spokeswoman)
    head = next((i for i, w in enumerate(words) if w.lower() in _POSTMODIFIER_STARTS), len(words))
    return any(w.endswith("-old") for w in words) or (
        head > 1 and _stem(words[head - 1].lower().rstrip(",")) in _PERSON_HEADS
    )


_POSTMODIFIER_STARTS = frozenset("of for in at with from who whose which that to on".split())


def _by_given_name(text: str, named: Iterable[str] = ()) -> dict[str, str]:
    """Folded given name -> the full name, for the knights and dames a text names in full
    ("Sir Malcolm Price"), or calls by their given name alone ("Sir Keir") and ``named`` in
    full without the honour ("Labour leader Keir Starmer"), when only one of them has that
    given name."""
    found: dict[str, set[str]] = {}
    for m in _KNIGHTED.finditer(text, 0, MAX_ANALYZED_CHARS):
        found.setdefault(fold(m[1]), set()).add(f"{m[1]} {m[2]}")
    called = {fold(m[1]) for m in _CALLED_SIR.finditer(text, 0, MAX_ANALYZED_CHARS)} - set(found)
    for full in named:  # a knight the text names with the honour is that one, whoever else
        if (given := fold(full.split()[0])) in called:
            found.setdefault(given, set()).add(full)
    return {given: full.pop() for given, full in found.items() if len(full) == 1}


def _introduced_in_full(text: str) -> dict[str, str]:
    """Folded given name -> full name, for the people a text introduces in full with an age
    or a possessive of their own ("Pat Ingles, 69, remembers …", "Ann Lee and her daughter
    …") and may then call by the given name alone, when only one full name has that given
    name."""
    found: dict[str, set[str]] = {}
    for m in _INTRODUCED_IN_FULL.finditer(text, 0, MAX_ANALYZED_CHARS):
        if m[1] in _NOT_NAMES or m[1] in lexicon.NAME_PREFIXES:
            continue  # "When Trump and his …", "President Putin and his …"
        found.setdefault(fold(m[1]), set()).add(f"{m[1]} {m[2]}")
    return {given: full.pop() for given, full in found.items() if len(full) == 1}


_INTRODUCED_IN_FULL = re.compile(
    r"\b([A-Z][a-z]+) ([A-Z][a-z][\w’'-]*[a-z]),?\s+(?:\d{1,3},|and (?:his|her) [a-z])"
)


_CALLED_SIR = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.GIVEN_NAME_HONOURS)})\s+({_W})(?![\w’'-]|\s+[A-Z])"
)


_MID_SENTENCE = re.compile(r"(?<=[a-z,])\s+([A-Z][\w’'-]*\w)")


def _stem(word: str) -> str:
    return word.removesuffix("'s").removesuffix("’s")


_WORD = re.compile(r"\b[A-Z][\w’'-]*\w\b|\b[A-Z]\b")


_HONORIFIC = re.compile(
    rf"\b({lexicon.alternation(lexicon.MASCULINE_COURTESY + lexicon.FEMININE_COURTESY)})\.?\s+"
    r"(?:[A-Z][\w’'-]+\s+){0,2}([A-Z][\w’'-]+)\b"
)
_FEMININE = re.compile(r"\b(?:" + "|".join(lexicon.FEMININE_NOUNS) + r")\b", re.I)
_MASCULINE = re.compile(r"\b(?:" + "|".join(lexicon.MASCULINE_NOUNS) + r")\b", re.I)


def _honorific_genders(text: str) -> dict[str, str]:
    """Surnames the text writes with "Mr." or "Ms."/"Mrs." (as newspapers do): a "she said"
    does not go back to a Mr. Alexander."""
    genders: dict[str, str] = {}
    for m in _HONORIFIC.finditer(text, 0, MAX_ANALYZED_CHARS):
        genders.setdefault(m[2], "he" if m[1] in lexicon.MASCULINE_COURTESY else "she")
    return genders


# A full name as a sentence's subject, its verb, and the rest of the sentence up to a
# pronoun of the third person singular that the subject binds: a possessive ("his son's
# school", "her home"), a reflexive, or the subject of what the person said ("said he would
# …"), not an object ("told him": someone else, binding's principle B). No other capitalised
# word (so no other person, "BBC" in capitals being a body) and no noun for a person ("the
# boy … his way") may stand between: "Idris Okoro told the BBC the findings were wrong about
# his son's school" says Okoro is a "he".
_NOT_AFTER_POSSESSIVE = "|".join(sorted(lexicon.STOPWORDS | set(lexicon.PREPOSITIONS)))
_BOUND = (
    rf"(?:(?P<pronoun>his|himself|herself|her(?=\s+(?!(?:{_NOT_AFTER_POSSESSIVE})\b)[a-z]))"
    rf"|\b(?:{_CUE})\s+(?:that\s+)?(?P<subject>he|she))\b"
)
_SUBJECT_THEN_PRONOUN = re.compile(
    # (after a role that opens the sentence: "Health worker Idris Okoro told …")
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?:[A-Z][\w’'-]*\s+(?:[a-z][\w’'-]*\s+){{0,3}})?"
    rf"(?P<name>{_PERSON_NAME})\s+{_VERB}"
    r"(?:[^.!?\n]{0,200}?)\b" + _BOUND
)
_OTHER_CAPITAL = re.compile(r"\b[A-Z][a-z]")
_WORDS = re.compile(r"[a-z]+")


def _pronoun_genders(text: str) -> dict[str, str]:
    """Surnames the text refers back to with a pronoun the subject binds."""
    genders: dict[str, str] = {}
    for m in _SUBJECT_THEN_PRONOUN.finditer(text, 0, MAX_ANALYZED_CHARS):
        pronoun = m["pronoun"] or m["subject"]
        between = text[m.end("name") : m.start("pronoun" if m["pronoun"] else "subject")]
        if _OTHER_CAPITAL.search(between) or any(
            w in _PERSON_HEADS for w in _WORDS.findall(between)
        ):
            continue
        feminine = pronoun.startswith(("she", "her"))
        genders.setdefault(m["name"].split()[-1], "she" if feminine else "he")
    return genders


_SEXED_NOUNS = {"man": "he", "boy": "he", "woman": "she", "girl": "she"}


def _sex_of_noun(description: str) -> str | None:
    """The sex a description's words give: "A man in the crowd" is a "he"."""
    return next((_SEXED_NOUNS[w] for w in description.lower().split() if w in _SEXED_NOUNS), None)


def _role_gender(role: str) -> str | None:
    return "she" if _FEMININE.search(role) else "he" if _MASCULINE.search(role) else None


_CUE_COLON = re.compile(rf"\b{_CUE}:\s*$")


def match_after(after: str) -> tuple[Rule, re.Match[str]] | None:
    """The first rule that matches the text right after a closing mark."""
    for rule in AFTER_RULES:
        if m := rule.pattern.match(after):
            return rule, m
    return None


def attribute(text: str, opening: int, closing: int, cast: Cast) -> Attribution:
    """The speaker named by a cue verb right after the closing mark or before the opening one,
    or by the sentence around the quote; a pronoun goes to the cast.

    A title or appositive that comes with the name ("Deputy Secretary", "the Philippine
    foreign secretary") is remembered in ``cast.positions``.
    """
    after = text[closing + 1 : closing + 1 + LOOKAROUND].split("\n", 1)[0]
    before = text[max(0, opening - LOOKAROUND) : opening].rsplit("\n", 1)[-1]
    if after.lstrip()[:1].isupper() and (
        text[closing - 1 : closing] == "."
        or (text[closing - 1 : closing] in "?!" and _CUE_COLON.search(before))
    ):
        # “… an outlaw nation.” Russia insisted …: a new sentence, not an attribution; so is
        # one after a question a cue and colon led into (Booth said: “…?” Ward said …)
        after = ""
    found = (
        match_after(after)
        or _search(BEFORE_RULES, before)
        or ((m := SENTENCE_END.pattern.match(after)) and (SENTENCE_END, m))
        or _subject(text, opening)
        or (not after.strip(" .,") and _previous_paragraph_subject(text, opening))
    )
    if not found:
        return Attribution(None, None)
    rule_name, m = found[0].name, found[1]
    groups = m.groupdict()
    if groups.get("body"):
        body = _narrated_body(text, opening, cast)
        return Attribution(body, rule_name if body else None, groups["body"])
    if groups.get("pronoun"):
        # "McCaskill scolded him: “…,” she said": the pronoun is the sentence's named subject
        own = None if found[0].place in ("sentence", "said_last") else _subject(text, opening)
        if not (own and own[1].groupdict().get("name")):
            pronoun = groups["pronoun"].lower()
            if narrated := _narrated_subject(text, opening, pronoun, cast):
                cast.refers(narrated, pronoun)
                return Attribution(narrated, rule_name, groups["pronoun"], ("centering",))
            if spoke := cast.pronoun(pronoun):
                return Attribution(spoke, rule_name, groups["pronoun"])
            # no one who spoke before can be the "he": the person the story has been about
            narrated = _narrated_subject(text, opening, pronoun, cast, NARRATED_FALLBACK)
            also = ("centering",) if narrated else ()
            return Attribution(narrated, rule_name, groups["pronoun"], also)
        said_by = groups["pronoun"].lower()
        rule_name, m = own[0].name, own[1]
        groups = m.groupdict()
    else:
        said_by = None
    key = next(k for k in ("name", "appositive", "described") if groups.get(k))
    given_role = None
    if (
        key == "name"
        and groups.get("appositive")
        and (
            _DESCRIBED.match(groups["name"])
            or groups["name"].split()[-1] in lexicon.ORGANISATION_HEADS
        )
    ):
        # "The council leader, Jane Smith, said", "Acting head of Russia Athletics
        # Federation, Vadim Zelichenok, said": the person's name, not the role or the body
        key = "appositive"
        given_role = groups["name"].split(" ", 1)[1]
    raw = groups[key]
    if owned := _OWNED_DOCUMENT.match(raw):
        if owned["noun"].lower() in lexicon.DOCUMENT_NOUNS:
            raw = owned["owner"]  # "Mr Wright's letter states": the letter speaks for him
    lead = m.string[max(0, m.start(key) - 8) : m.start(key)]
    raw = _without_day(raw, lead)
    if (
        re.search(r"\b(?:in|of|for|on|at|to)\s+$", lead)
        and not _DESCRIBED.match(raw)
        and _leads_with_a_place(raw, text)
    ):
        raw = " ".join(raw.split()[-2:])  # "… in Afghanistan Richard Bennett said"
    raw = _TITLE_INITIALS.sub(lambda t: t[1] + lexicon.TITLE_INITIALISMS[t[2]], raw)
    name = _clean_name(raw)
    if not name:
        return Attribution(None, None, raw)
    described = name[:1].isupper() and name.split()[0] in {"The", "A", "An"}
    role = None if described else (groups.get("role") or given_role or _title_of(raw, name))
    if not role and found[0].place == "after":  # "…," said Oliver Grant, a security analyst at …
        trailing = _APPOSITIVE.match(after[m.end() :])
        role = trailing[1] if trailing else None
    if described and (known := cast.holder(name)):
        return Attribution(known, rule_name, raw.strip(), ("role_coreference",))
    if described and _epithet(name) and (known := _epithet_person(text, opening, name, cast)):
        return Attribution(known, rule_name, raw.strip(), ("epithet",))
    if described and (named := _named_antecedent(text, opening, name, cast)):
        return Attribution(cast.person(named), rule_name, raw.strip(), ("named_antecedent",))
    name = cast.person(name)
    if role and name not in cast.positions:
        cast.positions[name] = " ".join(role.split())
    if said_by:
        cast.refers(name, said_by)
    return Attribution(name, rule_name, raw.strip())


_APPOSITIVE = re.compile(r"^,\s+(?:a|an|the)\s+([^,.;“”\"]{3,80})")
# A person's document, two words of description at most before its noun ("Mr Wright's letter")
_OWNED_DOCUMENT = re.compile(
    rf"^(?P<owner>{_NAME}){_GENITIVE}\s+(?:[a-z][\w-]*\s+){{0,2}}(?P<noun>[A-Za-z]+)$"
)
# "the PM": a title abbreviated (lexicon.TITLE_INITIALISMS), a description, not a name.
_TITLE_INITIALS = re.compile(rf"^\s*([Tt]he\s+)({'|'.join(lexicon.TITLE_INITIALISMS)})\s*$")
# An epithet ("…," said the 45-year-old / the mother of two said): a description that always
# stands for someone named before, as a pronoun does, so it is resolved as one.
_EPITHET = re.compile(
    rf"^The\b.*?(?:\w-year-old\b|\b(?:{lexicon.alternation(lexicon.FAMILY_NOUNS)})\s+of\s+"
    rf"(?:{lexicon.alternation(lexicon.NUMBER_WORDS)}|\d+)\b)"
)


def _epithet(description: str) -> bool:
    """An age or a family (``_EPITHET``), or a person by their own trade or achievement ("the
    world indoor champion"; lexicon.EPITHET_NOUNS): not a position, which ``Cast.holder``
    finds by the title it was given, nor a body."""
    return bool(_EPITHET.match(description)) or _trade_epithet(description)


def _trade_epithet(description: str) -> bool:
    words = description.split()
    return len(words) > 1 and words[0] == "The" and words[-1].lower() in lexicon.EPITHET_NOUNS


# Titles of office a text writes before a name (not the courtesy titles everyone has)
_HELD_TITLE = "|".join(
    sorted(t.title() for t in lexicon.HELD_TITLES if t.title() not in lexicon.COURTESY_TITLES)
)
_NAME_WORDS = rf"(?:[A-Z][\w.’'-]*|{lexicon.alternation(lexicon.NAME_CONNECTORS)})\s+"


def _titles_of(person: str, text: str) -> set[str]:
    """The titles of office ``text`` writes before the person's full name ("Mayor Bill de
    Blasio")."""
    if " " not in person:
        return set()
    name = r"\s+".join(re.escape(w) for w in person.split())
    pattern = rf"(?<![\w.])({_HELD_TITLE})\s+(?:{_NAME_WORDS}){{0,2}}{name}\b"
    return {m[1].lower() for m in re.finditer(pattern, text)}


def _named_antecedent(text: str, opening: int, description: str, cast: Cast) -> str | None:
    """The body a bare definite description stands for, when its nearest earlier mention
    names it: "the police" -> "Istanbul police said …", "the ministry" -> "Japan's Foreign
    Ministry" (not when that mention is a description too: "the trade group … the group")."""
    words = description.split()
    if len(words) != 2 or words[0] != "The" or words[1] not in lexicon.BODY_NOUNS:
        return None
    low = max(0, opening - ANTECEDENT_REACH)
    mentions = list(re.finditer(rf"\b{re.escape(words[1])}\b", text[low:opening], re.I))
    for m in reversed(mentions):
        before = text[low : low + m.start()].rsplit("\n", 1)[-1].split()
        names = list(itertools.takewhile(_names_body, reversed(before)))[::-1]
        opens = len(before) == len(names) or before[-len(names) - 1][-1:] in ".!?:"
        # a name: not a word capitalised only as a sentence's first ("Armed police …")
        if names and (not opens or cast.proper(names[0])):
            return " ".join([*names, m[0]])
        if before and before[-1].lower() not in ("the", "a", "an"):
            return None  # "the trade group": a description, not a name
    return None


def _names_body(word: str) -> bool:
    return bool(_BODY_NAME_WORD.fullmatch(word)) and (
        word not in _DETERMINERS_OF_DESCRIPTIONS
        and word not in _NOT_NAMES
        and word not in lexicon.WEEKDAYS
        and word not in lexicon.MONTHS
    )


_BODY_NAME_WORD = re.compile(r"[A-Z][a-z][\w’'&-]*|[A-Z][a-z]?\.")  # "Istanbul", "St."
ANTECEDENT_REACH = 1500  # characters before a quote where "the police" looks for its name


def _epithet_person(text: str, opening: int, epithet: str, cast: Cast) -> str | None:
    """The person an epithet stands for: the one the sentences just before narrate (of the
    sex a family noun gives). Not the latest speaker: "the former model … said the
    46-year-old" may be someone the text has only described so far. A lead-in ("The world
    champion said: “…”") is not a narrating sentence: the one before it is. A trade epithet
    is no one's whose title of office says otherwise ("the Republican presidential
    candidate" is not the "Mayor Bill de Blasio" narrated last)."""
    low = max(0, opening - 2 * LOOKAROUND)
    spans = split_sentences(text[low:opening])
    if spans and text[low + spans[-1][0] : opening].rstrip()[-1:] in ":,":
        opening = low + spans[-1][0]
    person = _narrated_person(text, opening, _role_gender(epithet), cast)
    if person is None or re.search(r"[’']s\s", person):
        return None  # "Trump’s money makes up …": a possession, no one
    if _trade_epithet(epithet):
        titles = _titles_of(cast.person(person), text[:opening])
        held = set(content_words(" ".join([cast.positions.get(person, ""), *titles])))
        if held and not held & set(content_words(epithet)):
            return None
    return person


def _search(rules: tuple[Rule, ...], before: str) -> tuple[Rule, re.Match[str]] | None:
    """The first rule that finds a mention; of its matches, the one whose cue verb is last
    ("After Beck asked …, D'Souza replied, “…”" is D'Souza's)."""
    for rule in rules:
        best, m = None, rule.pattern.search(before)
        while m:
            if m.groupdict().get("name") and (
                _opening_time(before, m) or _object_of_preposition(before, m)
            ):
                # "In early October, Trump's state director, Mike Rubino, …, writing": a time
                # opening the sentence is no subject, nor "After talks with Johnson, the
                # union, …, said" the object of a preposition; the subject comes later
                m = rule.pattern.search(before, m.end("name"))
                continue
            if m.groupdict().get("long") and not abbreviates(m["name"], m["long"]):
                m = rule.pattern.search(before, m.end("name"))
                continue  # "Minister of Health Ann Bolt (SNP) said": a party, not her initials
            if not _DETERMINER_BEFORE.search(before, max(0, m.start() - 8), m.start()):
                best = m  # not "a Facebook post": a name after a determiner heads a noun
            if "cue" not in m.re.groupindex:
                break
            m = m.re.search(before, m.end("cue"))
        if best:
            return rule, best
    return None


def abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is the initials of ``long`` (Schwartz & Hearst 2003, abbreviation
    definitions): each of its letters found in ``long`` in order, from the right, the first
    at the start of a word and the last the start of its last ("OSCE": Organization for
    Security and Cooperation in Europe; not "CEC" after "… Commission Ella Pamfilova")."""
    letters = [c.lower() for c in short if c.isalnum()]
    words = long.split()
    if not letters or not words or words[-1][:1].lower() != letters[-1]:
        return False  # "… Ella Pamfilova (CEC)": the initials end on the name's last word
    at = len(long)
    for i in range(len(letters) - 1, -1, -1):
        while True:
            at = long.lower().rfind(letters[i], 0, at)
            if at < 0:
                return False
            if i > 0 or at == 0 or not long[at - 1].isalnum():
                break
    return True


def _object_of_preposition(before: str, m: re.Match[str]) -> bool:
    """Whether a rule's name is the object of a preposition: no subject of the cue ("After
    talks with Johnson, the union, …, said", "a reporter for Agence France-Presse said")."""
    if "cue" not in m.re.groupindex:
        return False  # "According to Limbaugh, “…”": there the preposition names the speaker
    if m.groupdict().get("appositive") and m["name"].split()[-1] in lexicon.ORGANISATION_HEADS:
        return False  # "head of Russia Athletics Federation, Vadim Zelichenok, said": the name
    words = m["name"].split()
    if words[-1] in _TIMES:
        return False  # "… published in September described": a time, left to the time rules
    if len(words) > 2 and before[m.end("name") : m.end("name") + 1] != ",":
        return False  # "… in Afghanistan Richard Bennett said": a place, then the speaker's name
    return bool(
        _PREPOSITION_BEFORE_NAME.search(before, max(0, m.start("name") - 12), m.start("name"))
    )


_PREPOSITION_BEFORE_NAME = re.compile(rf"\b(?:{lexicon.alternation(lexicon.PREPOSITIONS)})\s+$")


def _opening_time(before: str, m: re.Match[str]) -> bool:
    """Whether a rule's name is a day ("on Thursday") or a month opening the sentence ("In
    early October, …"; elsewhere a month may be a name: "April", "June")."""
    words = [w for w in m["name"].split() if w in _TIMES or w not in lexicon.NOT_NAMES]
    if len(words) != 1 or words[0] not in _TIMES:
        return False
    return words[0] in lexicon.DAY_NAMES or bool(
        _SENTENCE_OPENING.search(before, 0, m.start("name"))
    )


_SENTENCE_OPENING = re.compile(
    r"(?:^|[.!?][”\"’]?\s+)(?:[A-Z][a-z]+\s+)?(?:(?:early|late|mid)\W?)?$"
)


_TIMES = lexicon.DAY_NAMES | frozenset(lexicon.MONTHS)
_DETERMINER_BEFORE = re.compile(r"\b(?:" + "|".join(lexicon.DETERMINERS) + r")\s+$")


def _subject(text: str, opening: int) -> tuple[Rule, re.Match[str]] | None:
    """Who the sentence around a quote is about: its subject, or the speaker of "X said." or
    "X reports:" just before a quote that opens its own sentence or paragraph."""
    para_start = text.rfind("\n", 0, opening) + 1
    if not text[para_start:opening].strip():  # the quote opens its paragraph
        previous = text[max(0, para_start - LOOKAROUND) : para_start].rstrip()
        if not previous.endswith(":"):
            return None
        said = SAID_LAST.pattern.search(previous, previous.rfind("\n") + 1)
        return (SAID_LAST, said) if said else None
    low = max(para_start, opening - 2 * LOOKAROUND)
    chunk = text[low:opening]
    spans = split_sentences(chunk)
    if not spans:
        return None
    start, end = spans[-1]
    if chunk[end:].strip() or not chunk[start:end].endswith((".", "!", "?")):
        # the quote sits inside this sentence
        if start == 0 and low > para_start:
            return None  # the sentence began before the window: its subject is unknown
        for rule in SENTENCE_RULES:
            if m := rule.pattern.match(chunk, start):
                return (rule, m) if _names_someone(m, text) else None
        return None
    said = SAID_LAST.pattern.search(chunk, start, end)
    if said or (start == 0 and low > para_start):
        return (SAID_LAST, said) if said else None
    # "His partner, Lawrence B. Cummings, called him a master at deals. “He showed …”": a
    # quote that follows a sentence about a named person, with no cue of its own, is theirs
    return _named_subject(chunk, start, text, PREVIOUS_SENTENCE_RULE)


def _named_subject(
    sentence: str, start: int, text: str, rule: Rule
) -> tuple[Rule, re.Match[str]] | None:
    """The subject of the sentence at ``sentence[start:]``, when it names someone."""
    said_colon, subject = SENTENCE_RULES
    if said_colon.pattern.match(sentence, start):
        return None
    m = subject.pattern.match(sentence, start)
    if m and (m["name"] or m["appositive"]) and _names_someone(m, text):
        return rule, m
    return None


NARRATED_SENTENCES = 1  # how many sentences back a pronoun's narrated antecedent is looked for
# ... and when no one who spoke before can be the pronoun: a story about one person refers to
# them as "he" for a paragraph or more before their first quote
NARRATED_FALLBACK = 5
_NAMED_PERSON = re.compile(_PERSON_NAME)


def _narrated_subject(
    text: str, opening: int, pronoun: str, cast: Cast, sentences: int = NARRATED_SENTENCES
) -> str | None:
    """The person a pronoun cue ("…," he told settler leaders / He said: "…") stands for when
    the sentences just before the quote narrate someone: the subject of the nearest of them
    that names a person the pronoun can stand for (centering: a subject pronoun continues the
    previous sentence's subject). Not across another quotation: there the cast's last speaker
    is the one going on."""
    if pronoun not in ("he", "she"):
        return None
    return _narrated_person(text, opening, pronoun, cast, sentences)


def _narrated_person(
    text: str, opening: int, gender: str | None, cast: Cast, sentences: int = NARRATED_SENTENCES
) -> str | None:
    """The person the nearest sentence before a quote narrates, of ``gender`` if given."""
    low = max(0, opening - 2 * LOOKAROUND * sentences)
    chunk = text[low:opening]
    spans = split_sentences(chunk)
    for start, end in reversed(spans[-sentences - 1 :]):
        sentence = chunk[start:end]
        if start == 0 and low > 0:
            return None  # the sentence began before the window
        if _QUOTE_MARK.search(sentence):
            if sentences > NARRATED_SENTENCES and not _NAMED_PERSON.search(sentence):
                continue  # no one who spoke before is the pronoun, nor is anyone named here
            return None
        found = _named_subject(chunk, start, text, PREVIOUS_SENTENCE_RULE)
        if found and not found[1]["name"] and _place_apposition(found[1]):
            found = None
        if found:
            raw = found[1]["name"] or found[1]["appositive"] or ""
        elif (said := _NAME_CUE.search(chunk, start, end)) and _full_name_only(said["name"]):
            raw = said["name"]  # "Palestinian chief negotiator Saeb Erekat said they would …"
        elif preposed := _preposed_antecedent(text, low + start, gender):
            raw = preposed  # "As Ron Jones … prepares to mark the day, he says …"
        elif affiliated := _AFFILIATED_CUE.match(chunk, start, end):
            raw = affiliated["name"]  # "Prof Kevin Morgan from the University of … said …"
        elif (titled := _ROLE_THEN_NAME.match(chunk, start, end)) and _full_name_only(
            titled["name"]
        ):
            raw = titled["name"]  # "Opposition leader Peter Dutton attacked the plan …"
        elif (described := _described_subject(chunk, start)) is not None:
            raw = described
        else:
            continue
        name = _clean_name(raw)
        if not name:
            continue
        if name.split()[0] in {"The", "A", "An", "One"}:
            # "A police spokesman told AFP …. “…,” he said": a description of a person is
            # the pronoun's antecedent as a name is (not "The report", not "The council")
            known = _role_gender(name) or _sex_of_noun(name)
            if _animate(name) and (None in (known, gender) or known == gender):
                return cast.holder(name) or cast.person(name)
            continue
        person = cast.lookup(name)
        # one word the text never gives as a full name: "Officially", "Web"; but one that
        # opens the sentence telling someone something about himself or herself is a
        # surname ("Martin told MCN that he was quitting"; not "Moscow told Kyiv that it
        # …"), and so is a subject a "he" or "she" later takes up with no one between
        # ("Storey can win a 17th title when she rides …")
        tells = _NAME_CUE.match(chunk, start, end)
        opening_words = chunk[start:end].lstrip()
        told = not common_word(raw, text) and (
            bool(
                tells
                and tells["name"] == raw
                and re.search(rf"\b(?:{gender or 'he|she'})\b", chunk[tells.end() : end], re.I)
            )
            or (opening_words.startswith(raw) and _taken_up(opening_words[len(raw) :], gender))
        )
        if " " not in person and not cast.introduced(person) and not told:
            continue
        known = cast.genders.get(person.split()[-1]) or _role_gender(cast.positions.get(person, ""))
        if (
            known is None
            and sentences > NARRATED_SENTENCES
            and common_word(person.split()[-1], text)
        ):
            continue  # further back, a name ending on a common word is a body: "Associated Press"
        if not _animate(person):
            continue  # a body ("Somerset County Council") is no "he" or "she"
        if None in (known, gender) or known == gender:
            return cast.person(person)
    return None


def _preposed_antecedent(text: str, at: int, gender: str | None) -> str | None:
    """The person a subject pronoun stands for when a clause put before it names them as
    its own subject: backward anaphora into a preposed clause (Reinhart 1983), "As Ron
    Jones prepares to mark the day, he says …". Only where the text has named no one
    before the sentence at ``at``: after someone, the pronoun may be theirs ("Ann Lee …
    While Mark Smith was in prison, she raised …")."""
    m = _PREPOSED_SUBJECT.match(text, at)
    if not m or m["pronoun"].lower() not in ((gender,) if gender else ("he", "she")):
        return None
    return None if _NAMED_BEFORE.search(text, 0, at) else m["name"]


# a subordinate clause, its subject and its verb: "As Ron Jones, from Newport, prepares …"
_PREPOSED_SUBJECT = re.compile(
    rf"(?:{lexicon.alternation([w.title() for w in lexicon.SUBORDINATORS])}|As|Whilst)\s+"
    rf"(?P<name>{_PERSON_NAME})(?:,[^,.!?“”\"]{{1,60}},)?\s+{_VERB}[^,.!?“”\"]{{0,160}},"
    r"\s+(?P<pronoun>[Hh]e|[Ss]he)\s+[a-z]"
)
_NAMED_BEFORE = re.compile(rf"\b{_PERSON_NAME}\b")
_QUOTE_MARK = re.compile(r"[“”\"]")
_AFFILIATED_CUE = re.compile(rf"{_INTRO}{_AFFILIATED}{_ADVERBS}\s+{_CUE}\b")
_OPENS_ON_IT = re.compile(r"(?:[^,]{0,60},\s+)?[Ii]t\s")


def _narrated_body(text: str, opening: int, cast: Cast) -> str | None:
    """The body an "it said" stands for: the subject of the nearest sentence before the quote
    that names or describes an organisation ("the Russian embassy in London said …", "Amazon
    said …"), going back over sentences whose subject is "It" too. Not a person the text gives
    a sex, nor a description whose head is no body ("The report")."""
    low = max(0, opening - 2 * LOOKAROUND * NARRATED_FALLBACK)
    chunk = text[low:opening]
    spans = split_sentences(chunk)
    for start, end in reversed(spans[-NARRATED_FALLBACK - 1 :]):
        if start == 0 and low > 0:
            return None  # the sentence began before the window
        if _OPENS_ON_IT.match(chunk, start, end):
            continue  # "It points to its scheme …": the same body, further back
        m = SENTENCE_RULES[1].pattern.match(chunk, start)
        if m and not m["pronoun"] and not m["appositive"] and m.start("aux") >= 0:
            # the whole subject, with what follows its head ("The Ministry of Defence")
            raw = chunk[m.start("name" if m["name"] else "described") : m.start("aux")]
        elif said := _NAME_CUE.search(chunk, start, end):
            raw = said["name"]  # "In response to …, Olam said its …"
        else:
            return None
        name = _clean_name(raw.strip(" ,"))
        if not name:
            return None
        words = name.split()
        if words[0] in _DETERMINERS_OF_DESCRIPTIONS:
            head = next(
                (i for i, w in enumerate(words) if w.lower() in _POSTMODIFIER_STARTS), len(words)
            )
            is_body = words[0] == "The" and words[head - 1].lower() in lexicon.BODY_NOUNS
        else:  # a name: any the text gives no sex ("Amazon", "Kremlin", "Olam")
            is_body = cast.genders.get(words[-1]) not in ("he", "she")
        return cast.person(name) if is_body else None
    return None


def _described_subject(sentence: str, start: int) -> str | None:
    """The subject of the sentence at ``sentence[start:]`` when it describes a person
    without naming one ("A police spokesman told …", "The 34-year-old added …")."""
    m = SENTENCE_RULES[1].pattern.match(sentence, start)
    return m["described"] if m and m["described"] and not m["appositive"] else None


def _place_apposition(m: re.Match[str]) -> bool:
    """Whether a subject's appositive follows a name, as a region follows its town ("The
    plant outside Dover, New Hampshire, closed"), not a description of a person ("The
    council leader, Jane Smith, said")."""
    start = m.start("appositive")
    before = m.string[max(0, start - 40) : start].rstrip(" ,").split()
    word = before[-1] if before else ""
    return (
        word[:1].isupper()
        and not word.isupper()  # "The group's CEO, Ann Lee"
        and word.lower() not in lexicon.ROLE_NOUNS
        and word not in lexicon.ORGANISATION_HEADS  # "… Athletics Federation, Vadim …"
    )


# A surname a description introduces: "Chorley-born Charnley", "pensioner Walsh" (nouns for
# what a person is, in lower case; not "member", "winner", "champion": a country, a club)
_LIFE_NOUNS = tuple(
    n
    for n in lexicon.PERSON_NOUNS
    if n not in {"member", "winner", "champion", "star", "captain", "candidate", "citizen"}
)
_INTRODUCED = re.compile(
    r"(?:\b[A-Z][\w’']*-(?:born|based|bred|raised|year-old|(?:of|to)-[a-z]+)"
    rf"|(?<![A-Z])\b{lexicon.alternation(_LIFE_NOUNS)})"
    r"\s+([A-Z][a-z][\w’'-]*)\b(?![\w’'-]|\s+[A-Z])"
)
# A subject that is a role in lower case and then a name, as news writes a first mention:
# "Opposition leader Peter Dutton …", "Health minister Jane Doe …".
_ROLE_THEN_NAME = re.compile(
    r"\W*(?:[A-Z][\w’'-]*\s+)?(?:[a-z][\w-]*\s+)?"
    rf"(?:{'|'.join(sorted(lexicon.ROLE_NOUNS))})\s+(?P<name>{_NAME})"
)
_NAME_CUE = re.compile(rf"(?<![\w’'-])(?P<name>{_NAME}){_PARENTHESIS}\s+{_CUE}\b")
_PRONOUN_WORD = re.compile(rf"\b{_PRONOUN}\b")


def _full_name_only(raw: str) -> bool:
    """A name of two words or more with no pronoun in it ("Ben Carson Claims He" is a
    headline's words, not a name), not a possessive ("Donald Trump’s")."""
    raw = raw.strip()
    return " " in raw and not _PRONOUN_WORD.search(raw) and not raw.endswith(("’s", "'s"))


PREVIOUS_SENTENCE_RULE = _rule(
    PREVIOUS_SENTENCE,
    "previous",
    SENTENCE_RULES[1].pattern,
    (
        "His partner, Lawrence B. Cummings, called him a master at deals. “He showed "
        "everyone how it was done.”",
        "Lawrence B. Cummings",
    ),
)
PREVIOUS_PARAGRAPH_RULE = _rule(
    PREVIOUS_PARAGRAPH,
    "previous",
    SENTENCE_RULES[1].pattern,
    (
        "Hillary Clinton restricted comments to hypothetical scenarios.\n\n“If any bank "
        "can't be managed, it should be broken up.”",
        "Hillary Clinton",
    ),
)

PREVIOUS_REPORT_RULE = _rule(
    PREVIOUS_REPORT,
    "previous",
    SENTENCE_RULES[1].pattern,
    (
        "Prof Ann Lee said the blood test was not yet ready.\n\nBut she added "
        "that the markers were promising.\n\n“Our findings are exciting.”",
        "Ann Lee",
    ),
)


def _previous_paragraph_subject(text: str, opening: int) -> tuple[Rule, re.Match[str]] | None:
    """A paragraph that is a quotation and nothing else goes on from the paragraph before:
    "… Clinton restricted comments to hypothetical scenarios. ¶ “If any bank can't be managed,
    it should be broken up.”" is Clinton's when that sentence's subject names her."""
    para_start = text.rfind("\n", 0, opening) + 1
    if text[para_start:opening].strip() or para_start < 2:
        return None
    previous = text[max(0, para_start - 2 * LOOKAROUND) : para_start].rstrip()
    spans = split_sentences(previous, previous.rfind("\n") + 1)
    if not spans or previous[spans[-1][0] : spans[-1][1]][-1:] not in {".", "!"}:
        return None
    named = _named_subject(previous, spans[-1][0], text, PREVIOUS_PARAGRAPH_RULE)
    if named:
        return named
    # "But he added that the results were promising. ¶ “Our findings are exciting …”": news
    # reports a speaker's words, then quotes them, the cue given once; the pronoun is
    # resolved as a "he said" would be
    conjunction = _CONJUNCTION.match(previous, spans[-1][0])  # "But he added …"
    m = conjunction and SENTENCE_RULES[1].pattern.match(previous, conjunction.end())
    verb = m and (m["v2"] or m["v1"])
    reports = verb and (_CUE_WORD.fullmatch(verb) or verb in lexicon.BELIEF_FORMS)
    if m and m["pronoun"] in _NARRATING_PRONOUNS and reports:
        return PREVIOUS_REPORT_RULE, m
    return None


_NARRATING_PRONOUNS = frozenset(("he", "she", "He", "She"))
_CONJUNCTION = re.compile(r"(?:(?:But|And|Yet|So)\s+)?")  # always matches


# Every rule, in the order they are tried.
RULES = (
    *AFTER_RULES,
    *BEFORE_RULES,
    SENTENCE_END,
    *SENTENCE_RULES,
    SAID_LAST,
    PREVIOUS_SENTENCE_RULE,
    PREVIOUS_PARAGRAPH_RULE,
    PREVIOUS_REPORT_RULE,
)
_NOT_NAMES = lexicon.NOT_NAMES
_TITLES = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(w) for w in lexicon.NAME_PREFIXES)
    + r"|[A-Z]\w*"
    + _GENITIVE
    + r")\s+)+"
)


def _names_someone(m: re.Match[str], text: str) -> bool:
    """Is the subject of a sentence someone who speaks? A name of two words or more, a word
    that is someone's surname elsewhere in the text, or either of them or a description ("The
    Republican nominee") with a cue verb. Reports quote terms after any subject: "The political
    crimes law defined a “political crime” as …" is not speech."""
    g = m.groupdict()
    if m.re is SENTENCE_RULES[0].pattern or g.get("appositive") or g.get("pronoun"):
        return True
    verb = g.get("v1") or g.get("v2") or ""
    cue = bool(_CUE_WORD.fullmatch(verb))
    # "The ad uses", "The two entities", "Legal amendments": a word in -s may be a plural noun
    verb_like = cue or verb in {"is", "was", "has"} or not verb.endswith("s") or bool(g.get("aux"))
    # … but a word in -s that takes an object is a verb ("Ruth Adeyemi chairs the trust"): a
    # plural noun is followed by its verb ("White House officials said")
    verb_like = verb_like or bool(_OBJECT_NEXT.match(m.string, m.end()))
    raw = g.get("name")
    if not raw:  # a description
        return verb_like
    name = _TITLES.sub("", raw.strip())
    if raw.split()[0] in _NOT_NAMES or not name or not verb_like:
        return False
    # one capitalised word opening a sentence is a name if it is capitalised mid-sentence
    # too, or if the sentence goes on about a "he" or "she" ("Storey can win a 17th title
    # when she rides …": a subject the pronoun takes up, Hobbs 1978; not "Moscow … it")
    mid_sentence = re.compile(rf"[a-z,]\s+{re.escape(name)}\b")
    return (
        cue
        or " " in name
        or bool(mid_sentence.search(text, 0, MAX_ANALYZED_CHARS))
        or (
            not common_word(name, text)
            and _taken_up(m.string[m.end() :])
            # "Having …, he": a participle opening the sentence, not a surname
            and postag.tag(m.string[m.start("name") : m.start("name") + 40])[0][1]
            not in _OPENING_NOT_NAME
        )
    )


# A "he" or "she" later in the same sentence, and what comes before it.
_PERSONAL_LATER = re.compile(r"([^.!?\n“”\"]*?)\b(?:he|she|his|her|him)\b")
_FORMS = {"he": ("he", "his", "him"), "she": ("she", "her")}


def _taken_up(rest: str, gender: str | None = None) -> bool:
    """Whether a personal pronoun later in the sentence ``rest`` goes on takes up its subject:
    no one else stands between them, no name nor a person's noun ("Chelsea will sign the
    striker if he passes …" is the striker's "he"; "Ukraine can win if Zelensky gets what he
    wants", Zelensky's), as ``_pronoun_genders`` has it."""
    m = _PERSONAL_LATER.match(rest)
    if m is None or (gender and m[0][len(m[1]) :] not in _FORMS[gender]):
        return False
    between = m[1]
    return not _OTHER_CAPITAL.search(between) and not any(
        w in _PERSON_HEADS for w in _WORDS.findall(between)
    )


_OBJECT_NEXT = re.compile(
    rf"\s+(?:{lexicon.alternation(lexicon.DETERMINERS + lexicon.PREPOSITIONS)})\s"
)


def _leads_with_a_place(raw: str, text: str) -> bool:
    """Is the first of three or more capitalised words a place or body of its own, as in
    "… in Afghanistan Richard Bennett said"? A first name is followed by a surname wherever
    it appears ("Mahsa Zhina Amini"); "Afghanistan" also stands alone."""
    words = raw.split()
    if len(words) < 3:
        return False
    return bool(re.search(rf"\b{re.escape(words[0])}\b(?!\s+[A-Z])", text[:MAX_ANALYZED_CHARS]))


_NOT_TITLES = _NOT_NAMES | lexicon.DAY_NAMES  # "As Secretary", "On Monday"


def _title_of(raw: str, name: str) -> str | None:
    """The title words in front of a name ("Deputy Secretary" of "Deputy Secretary X Y")."""
    prefix = raw.strip()[: raw.strip().find(name)].strip(" ,")
    while prefix.split(" ", 1)[0] in _NOT_TITLES:
        prefix = prefix.split(" ", 1)[1] if " " in prefix else ""
    courtesy = prefix.rstrip(".") in lexicon.COURTESY_TITLES  # "Mr." is no position
    prefix = re.sub(r"[’']s$", "", prefix)  # "Ernst and Young's Sanjay Mehta": of the firm
    return prefix if len(prefix) > 2 and prefix.lower() != "the" and not courtesy else None


_DESCRIBED = re.compile(
    # (a possessive or a number in lower case: a description inside a sentence, "…,” his
    # childhood friend said; "His mother Grace" opening one names Grace)
    r"^(?:The|the|a|an|A|An|One|one|his|her|their|its|our|my|some|another|two|three|several"
    r"|[A-Z]\w+" + _GENITIVE + r")\s+(?:[A-Z][\w’'-]*\s+)*[a-z0-9]"
)


_CAPITALISED_WORD = re.compile(r"(?:^|[\s-])[A-Z]")
_POSSESSIVE = re.compile(r"(?<=\w)[’']s$|(?<=s)[’']$")  # the clitic, not the name
# A description's noun phrase ends before its clause goes on (Penn tags): a finite verb or
# modal ("The Florida senator is", "A reporter can be heard"), a relative or subordinating
# wh-word ("The lawyer who", "The crowd booed when he"), a pronoun or a comma.
_PAST_THE_PHRASE = frozenset("VBZ VBP VBD MD WP WDT WRB PRP , :".split())
_NOMINAL = frozenset("NN NNS NNP NNPS CD JJ".split())


def _noun_phrase(description: str) -> str | None:
    """A description as far as its noun phrase goes, up to its last noun ("The people of
    Oakvale and" -> "The people of Oakvale"), or None when it is no noun phrase at all: an
    opening "It’s" or "That’s" is a pronoun and a verb, not a possessor."""
    tagged = postag.tag(description)
    if len(tagged) > 1 and tagged[1][1] == "VBZ" and tagged[1][0] in ("’s", "'s"):
        return None
    end = 0
    for _, tag, _, stop in tagged[1:]:
        if tag in _PAST_THE_PHRASE:
            break
        if tag in _NOMINAL:
            end = stop
    return description[:end] if end else description


_BEFORE_NAMES = lexicon.HELD_TITLES | lexicon.ROLE_NOUNS | lexicon.PERSON_NOUNS
_INITIAL = re.compile(r"[A-Z]\.")


def _after_office(words: list[str]) -> list[str]:
    """The name after an office and its domain ("High Commissioner for Human Rights Volker
    Turk", "Minister for Foreign Affairs Penny Wong"): the last two words, three with a
    middle initial ("Secretary of State Antony J. Blinken")."""
    office = next(
        (
            i
            for i, w in enumerate(words[:-1])
            if w in lexicon.OFFICE_HEADS and words[i + 1] in ("of", "for", "to")
        ),
        None,
    )
    if office is None:
        return words
    rest = words[office + 2 :]
    if rest[:1] == ["the"]:
        rest = rest[1:]
    keep = 3 if len(rest) >= 4 and _INITIAL.fullmatch(rest[-2]) else 2
    return rest[-keep:] if len(rest) > keep else words


def _clean_name(raw: str, possessive: bool = False) -> str | None:
    """The name or description of who spoke in ``raw``; with ``possessive`` a name keeps a
    possessive clitic (the ranker's candidates, whose weights were fitted with it: a name in
    "Trump’s call for …" weighs as it did then)."""
    if _DESCRIBED.match(raw.strip()):
        # "The commission", "A narrator …", "The Republican nominee"
        described = _noun_phrase(raw.strip())
        return described[0].upper() + described[1:] if described else None
    words = raw.split()
    opened = bool(words) and words[0] in _NOT_NAMES
    while words and words[0] in _NOT_NAMES:  # "As Secretary Blinken said"
        words.pop(0)
    if words[:1] and words[0] in lexicon.RELATIVE_DAYS:
        words.pop(0)  # "Yesterday Mr Hussen said"
    elif opened and words[1:] and words[0] in lexicon.WEEKDAYS:
        words.pop(0)  # "On Thursday Smith told" (but "Sunday Times" is a name)
    if len(words) == 1 and words[0] in lexicon.WEEKDAYS:
        return None  # "On Thursday, …": a time, not who spoke
    if len(words) > 1 and describing_compound(words[0]):
        words.pop(0)  # "Perth-born Evans", "Grandmother-of-three Pat": a description first
    if (
        len(words) > 2
        and words[0] in _POSSESSIVE_DETERMINERS
        and _stem(words[1].lower()) in _PERSON_HEADS
        and all(w[:1].isupper() for w in words[2:])
    ):
        words = words[2:]  # "His mother Grace": the relation, then who she is
    while len(words) > 1 and words[-1] in lexicon.NAME_CONNECTORS:
        words.pop()  # "… Bill de Blasio de-escalated": a name ends in a name, not "de"
    owners = [i for i, w in enumerate(words[:-1]) if _POSSESSIVE.search(w)]
    person = words[owners[-1] + 1 :] if owners else []
    if (
        len(person) >= 2
        and all(w[:1].isupper() for w in person)
        and person[-1] not in lexicon.ORGANISATION_HEADS  # "St Mary's Hospital"
    ):
        # "Ernst and Young's Sanjay Mehta": the person, after the firm they work for
        words = words[owners[-1] + 1 :]
    words = _after_office(words)
    held = [i for i, w in enumerate(words[:-2]) if w.rstrip(".").lower() in _BEFORE_NAMES]
    if held:  # "New York City Mayor Bill de Blasio": the name after the title, when there is one
        # (or after what the person does: "Pensioner Joan Walsh", "Lawyer Gankhuugiin Batbayar")
        words = words[held[-1] + 1 :]  # (not "British Foreign Office" -> "Office")
    name = _TITLES.sub("", " ".join(words)).strip(" ,.‘’'")  # "'Amy' said": the name in marks
    if not possessive:
        name = _POSSESSIVE.sub("", name)  # "I saw Brafman’s surprise …": the person is Brafman
    if not name or name.lower() in lexicon.UNNAMED_SUBJECTS or name in {"The", "A", "An"}:
        return None
    if not _CAPITALISED_WORD.search(name):
        return None  # "al" of "et al", a word the reader left over ("de Blasio" is a name)
    return name


# ---------------------------------------------------------------- candidates and the ranker
# When no rule names anyone, the people mentioned around the quote are candidates, and a
# conditional logit model fitted on PolNeAR train (benchmarks/fit_speakers.py, weights in
# briefing/data/speaker_weights.json) chooses one of them, or nobody: how far, which side,
# which cue, which sentence are weights, not hand-set windows.
RANKED = "ranked_candidate"
_WINDOW_BEFORE, _WINDOW_AFTER, _PREVIOUS_PARAGRAPH = 400, 250, 300
_MENTION = re.compile(rf"(?<![\w’'-]){_NAME}")  # a whole word: not "Trump" in "anti-Trump"
_BOUNDARY = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z])")
_CUE_NEXT = re.compile(
    rf"^{_PARENTHESIS}(?:,[^,“”\"]{{1,100}},)?{_ADVERBS}\s+{_CUE}\b|^\s+(?:is|was)\s+quoted\b"
)
_ROLE_WORDS = re.compile(r"\s+(?:[\w/.’'-]+\s+){1,4}")  # "said MSNBC host …"
_CUE_ANYWHERE = re.compile(rf"\b{_CUE}\b")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:" + "|".join(lexicon.PREPOSITIONS) + r")\s+(?:the\s+)?$", re.I
)
_DASH_BEFORE = re.compile(r"^\s*[-―—–]\s*$")
_INTRO_ONLY = re.compile(rf"\s*{_INTRO}")  # fullmatch: "^" fails at a pos > 0
FEATURES = (
    "nobody",  # the one feature of the empty candidate: no one in the window said it
    "same_sentence_before",
    "same_sentence_after",
    "next_sentence",
    "previous_sentence",
    "previous_paragraph",
    "next_paragraph",
    "distance_before",
    "distance_after",
    "chain_distance",
    "pronoun",
    "cue_next",
    "cue_just_before",
    "cue_role_before",
    "cue_between",
    "colon_between",
    "sentence_start",
    "subject",
    "subject_with_cue",
    "after_preposition",
    "possessive",
    "several_words",
    "last_speaker",
    "known_speaker",
    "log_mentions",
    "dash_before",
    "lone_word_unconfirmed",
    "quote_alone",
    "chain",
    "chain_same_paragraph",
    "chain_previous_paragraph",
    "chain_sentences_between",
)


@dataclass(frozen=True)
class Candidate:
    """A person who may have said a quote: the mention, the entity it resolves to, and the
    features the ranker weighs."""

    mention: str
    person: str | None
    features: dict[str, float]
    score: float = 0.0


def candidates(
    text: str, opening: int, closing: int, cast: Cast, previous: tuple[str, int] | None
) -> list[Candidate]:
    """The names and pronouns around a quote (its sentence, the sentence and paragraph before,
    a signature line after), the speaker of the quote before it, and nobody."""
    para_start = text.rfind("\n", 0, opening) + 1
    para_end = text.find("\n", closing)
    para_end = len(text) if para_end < 0 else para_end
    alone = not text[para_start:opening].strip() and not text[closing + 1 : para_end].strip(" .,")
    found = [Candidate("", None, {"nobody": 1.0})]
    low = max(para_start, opening - _WINDOW_BEFORE)
    spans = [(low, opening), (closing + 1, min(para_end, closing + 1 + _WINDOW_AFTER))]
    prev_end = _skip_space(text, para_start, -1)  # paragraphs may have blank lines between
    if prev_end:
        prev_start = _line_start(text, prev_end, _PREVIOUS_PARAGRAPH)
        spans.append((prev_start, prev_end))
    next_start = _skip_space(text, para_end, 1)
    next_end = text.find("\n", next_start, next_start + 60)
    if 0 <= next_end or len(text) - next_start < 60:
        next_end = len(text) if next_end < 0 else next_end  # a signature line: "- Clinton."
        spans.append((next_start, next_end))
    place = _Place.of(text, (opening, closing), (para_start, para_end), alone, spans)
    for lo, hi in spans:
        for m in _nearest(_MENTION.finditer(text, lo, hi), opening):
            if _hears(text, m, opening):
                continue
            name = _clean_name(
                _without_day(m[0], text[max(0, m.start() - 8) : m.start()]), possessive=True
            )
            if _could_speak(name) and not place.quoted(m.start()):
                person = cast.lookup(name or "")
                if _opening_word_no_name(text, m.start(), person, cast):
                    continue
                found.append(Candidate(m[0].strip(), person, place.features(m, person, cast)))
        for m in _PRONOUN_MENTION.finditer(text, lo, hi):
            referent = cast.pronoun(m[0].lower())
            if referent and not place.quoted(m.start()):
                features = place.features(m, referent, cast) | {"pronoun": 1.0}
                found.append(Candidate(m[0], referent, features))
    if previous and previous[1] < opening:
        speaker, end = previous
        prev_para_start = text.rfind("\n", 0, prev_end) + 1 if prev_end else 0
        between = text[end:opening] if opening - end < 2000 else ""
        features = {
            "chain": 1.0,
            "chain_same_paragraph": float("\n" not in between),
            # a quote paragraph right after one whose quote was the previous speaker's
            "chain_previous_paragraph": float(prev_para_start <= end < para_start),
            "chain_sentences_between": min(3, len(_BOUNDARY.findall(between))) / 3
            if between
            else 1.0,
        }
        features |= cast.features(speaker, alone)
        features["chain_distance"] = _log_distance(opening - end)
        found.append(Candidate(speaker, speaker, features))
    return found


_DAY_PREPOSITION = re.compile(r"\b(?:on|last|this|next|by|until|since)\s+$")
_OPENING_NOT_NAME = frozenset({"RB", "VBG", "VBN", "IN"})


def _opening_word_no_name(text: str, at: int, person: str, cast: Cast) -> bool:
    """A lone word the text capitalises only where a sentence opens, that the tagger reads
    as an adverb, a participle or a preposition: "Interestingly enough, …", "Reprising her
    role, …", "Asked about …", "Despite …" are no names."""
    if " " in person or cast.proper(person):
        return False
    first = postag.tag(text[at : at + 40])[:1]
    return bool(first) and first[0][1] in _OPENING_NOT_NAME


def _without_day(name: str, before: str) -> str:
    """A name without the day that a preposition just ``before`` it puts first ("in a blog
    post on Thursday Okafor wrote"): a time, then the name (but "the Sunday Times" is one)."""
    day, _, rest = name.partition(" ")
    if rest and day in lexicon.WEEKDAYS and _DAY_PREPOSITION.search(before):
        return rest
    return name


# "He told Racemail: ‘…’": the object of a verb of telling is who heard the quote, not who said it
_TOLD = re.compile(r"\b(?:told|tells|informed|informs|assured|assures|reminded|reminds)\s+$")
_TO_QUOTE = re.compile(r"[\s,:]*$")


def _hears(text: str, m: re.Match[str], opening: int) -> bool:
    """Whether a mention is the addressee of a verb of telling that leads into the quote."""
    if not _TO_QUOTE.match(text, m.end(), opening):
        return False
    return bool(_TOLD.search(text, max(0, m.start() - 12), m.start()))


def _nearest(found: Iterator[re.Match[str]], opening: int) -> list[re.Match[str]]:
    """At most _MOST_MENTIONS of the mentions in a span, the nearest to the quote: bounded
    work in a paragraph of a thousand names."""
    return sorted(found, key=lambda m: abs(m.start() - opening))[:_MOST_MENTIONS]


_MOST_MENTIONS = 12
_PRONOUN_MENTION = re.compile(rf"\b{_PRONOUN}\b")


# "We", "She's" opening a sentence: pronouns and their contractions are no names
_OTHER_PRONOUNS = frozenset(
    f"{p}{c}"
    for p in ("i", "we", "you", "it", "he", "she", "they", "there")
    for c in ("", "'s", "'re", "'d", "'ll", "'ve", "'m")
) - {"he", "she", "they"}  # (these three are pronouns a cast resolves)


def _could_speak(name: str | None) -> bool:
    """A name, not a description, a pronoun, a weekday or a capitalised function word."""
    if not name or name.split()[0] in {"The", "A", "An"}:
        return False
    return (
        name not in lexicon.NOT_NAMES
        and name.lower().replace("’", "'") not in _OTHER_PRONOUNS
        and name not in lexicon.WEEKDAYS
        and (name.lower() not in lexicon.SUBJECT_PRONOUNS)
    )


def _open_quotations(text: str, start: int, end: int) -> int:
    """How many quotations ``text[start:end]`` leaves open: a straight mark before a letter
    opens one and any other closes one, and one that closes what the span never opened (a
    quotation begun on the line before: '… by spring," Okafor said') leaves none open."""
    depth = 0
    for m in _QUOTE_MARK.finditer(text, start, end):
        after = text[m.end() : m.end() + 1]
        opens = m[0] == "“" or (m[0] == '"' and after.isalnum())
        depth = depth + 1 if opens else max(0, depth - 1)
    return depth


@dataclass(frozen=True)
class _Place:
    """Where a quote stands, for describing a mention's place relative to it."""

    text: str
    opening: int
    closing: int
    para_start: int
    para_end: int
    alone: bool
    # the cue verbs and sentence ends around the quote, found once for all its mentions
    cues: list[tuple[int, int]]
    ends: list[tuple[int, int, int]]  # start, end, and the end of what the boundary looks at

    @classmethod
    def of(
        cls,
        text: str,
        marks: tuple[int, int],
        para: tuple[int, int],
        alone: bool,
        spans: list[tuple[int, int]],
    ) -> _Place:
        cues: list[tuple[int, int]] = []
        ends: list[tuple[int, int, int]] = []
        for lo, hi in _merged(
            (max(0, lo - _WINDOW_BEFORE), min(len(text), hi + 1)) for lo, hi in spans
        ):
            cues += [(m.start(), m.end()) for m in _CUE_ANYWHERE.finditer(text, lo, hi)]
            ends += [
                (m.start(), m.end(), m.end() + 1 + (text[m.end() : m.end() + 1] in '"“‘('))
                for m in _BOUNDARY.finditer(text, lo, hi)
            ]
        return cls(text, *marks, *para, alone, cues, ends)

    def cue_in(self, a: int, b: int) -> bool:
        return any(a <= start and end <= b for start, end in self.cues)

    def end_in(self, a: int, b: int) -> bool:
        return any(a <= start and reach <= b for start, _, reach in self.ends)

    def quoted(self, s: int) -> bool:
        """Is a mention inside quotation marks (of this quote's paragraph or a neighbour)?"""
        lo = _line_start(self.text, s)
        if s > self.closing:
            lo = max(lo, self.closing + 1)
        return _open_quotations(self.text, lo, s) > 0

    def features(self, m: re.Match[str], person: str, cast: Cast) -> dict[str, float]:
        text, s, e = self.text, m.start(), m.end()
        f: dict[str, float] = {}
        if e <= self.opening:
            boundary = self.end_in(e, self.opening)
            if s < self.para_start:
                f["previous_paragraph"] = 1.0
            f["previous_sentence" if boundary else "same_sentence_before"] = 1.0
            if not boundary:
                f["cue_between"] = float(self.cue_in(e, self.opening))
                f["colon_between"] = float(text[e : self.opening].rstrip().endswith(":"))
            f["distance_before"] = _log_distance(self.opening - e)
        else:
            if s > self.para_end:
                f["next_paragraph"] = 1.0
            elif self.end_in(self.closing - 1, s):
                f["next_sentence"] = 1.0
            else:
                f["same_sentence_after"] = 1.0
                f["cue_between"] = float(self.cue_in(self.closing + 1, s))
            f["distance_after"] = _log_distance(s - self.closing)
        line_start = _line_start(text, s)
        ends = [end for start, end, reach in self.ends if line_start <= start and reach <= s + 1]
        sentence_start = max(ends, default=line_start)
        f["sentence_start"] = float(bool(_INTRO_ONLY.fullmatch(text, sentence_start, s)))
        f["cue_next"] = float(bool(_CUE_NEXT.match(text[e : e + 140])))
        near = [end for start, end in self.cues if max(line_start, s - 60) <= start and end < s]
        f["cue_just_before"] = float(any(text[end:s].isspace() for end in near))
        f["cue_role_before"] = float(any(_ROLE_WORDS.fullmatch(text, end, s) for end in near))
        f["after_preposition"] = float(bool(_PREPOSITION_BEFORE.search(text[max(0, s - 14) : s])))
        f["possessive"] = float(text[e : e + 2] in ("'s", "’s") or m[0].endswith(("'s", "’s")))
        f["dash_before"] = float(bool(_DASH_BEFORE.match(text[line_start:s])))
        if " " not in person and f["sentence_start"]:
            # one capitalised word opening a sentence ("Wait, …") is a name if the text also
            # capitalises it mid-sentence
            f["lone_word_unconfirmed"] = float(not cast.proper(person))
        # the subject of the quote's own sentence, and of a cue in it
        f["subject"] = f.get("same_sentence_before", 0.0) * f["sentence_start"]
        f["subject_with_cue"] = f["subject"] * f.get("cue_between", 0.0)
        f |= cast.features(person, self.alone)
        return {k: v for k, v in f.items() if v}


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as one."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _line_start(text: str, pos: int, most: int = _WINDOW_BEFORE) -> int:
    """Where the line of ``pos`` starts, looking back at most ``most`` characters."""
    return text.rfind("\n", max(0, pos - most), pos) + 1 or max(0, pos - most)


def _skip_space(text: str, pos: int, step: int, most: int = 80) -> int:
    """The position past the white space from ``pos`` backwards (-1) or forwards (1)."""
    end = max(0, pos - most) if step < 0 else min(len(text), pos + most)
    while pos != end and text[pos - 1 if step < 0 else pos].isspace():
        pos += step
    return pos


def _log_distance(chars: int) -> float:
    """Distance in characters on a log scale, about 0 to 1."""
    return math.log(max(2, chars)) / 8


def rank(found: list[Candidate], weights: dict[str, float]) -> list[Candidate]:
    """The candidates scored by the fitted weights, best first."""
    scored = [
        Candidate(
            c.mention,
            c.person,
            c.features,
            sum(weights.get(k, 0.0) * v for k, v in c.features.items()),
        )
        for c in found
    ]
    return sorted(scored, key=lambda c: -c.score)


@cache
def fitted_weights() -> dict[str, float]:
    """The ranker's weights, fitted by benchmarks/fit_speakers.py; none yet: nobody wins."""
    path = files("briefing").joinpath("data/speaker_weights.json")
    if not path.is_file():
        return {"nobody": 1.0}
    return dict(json.loads(path.read_text(encoding="utf-8"))["weights"])


def rank_speaker(
    text: str, opening: int, closing: int, cast: Cast, previous: tuple[str, int] | None
) -> Attribution:
    """The best-scored candidate around a quote no rule attributes, or nobody."""
    ranked = tuple(rank(candidates(text, opening, closing, cast, previous), fitted_weights()))
    best = ranked[0]
    if best.person is None:
        return Attribution(None, None, candidates=ranked)
    person = best.person
    if _POSSESSIVE.search(person) and not _DESCRIBED.match(person):
        person = cast.lookup(_POSSESSIVE.sub("", person))  # "Brafman’s" is Ben Brafman
    return Attribution(cast.person(person), RANKED, best.mention, candidates=ranked)


def rival_rules(text: str, opening: int, closing: int) -> list[tuple[str, str]]:
    """Every rule whose pattern matches at its place around a quote, with the mention it
    found, in table order: what the first of them beat."""
    after = text[closing + 1 : closing + 1 + LOOKAROUND].split("\n", 1)[0]
    before = text[max(0, opening - LOOKAROUND) : opening].rsplit("\n", 1)[-1]
    found = []
    for rule in (*AFTER_RULES, *BEFORE_RULES):
        m = rule.pattern.match(after) if rule.place == "after" else rule.pattern.search(before)
        if m:
            g = m.groupdict()
            found.append((rule.name, g.get("name") or g.get("pronoun") or ""))
    return found


def explain(why: Attribution, rivals: list[tuple[str, str]], top: int = 5) -> list[str]:
    """Lines saying why a quote's speaker won: the rule and its mention, the rules it beat,
    or the ranker's best candidates with their scores and features."""
    lines = []
    if why.rule and why.rule != RANKED:
        lines.append(f"rule {why.rule} found “{why.found}”")
        if CONTINUED in why.also:
            lines.append("  (a later part of a quotation whose first part named the speaker)")
        if "role_coreference" in why.also:
            lines.append("  (a description of a position: the person the text gave it to)")
        if "centering" in why.also:
            lines.append("  (a pronoun: the person the sentence before the quote is about)")
        beaten = [f"{name} (“{mention}”)" for name, mention in rivals if name != why.rule]
        if beaten:
            lines.append("  also matched, later in the table: " + ", ".join(beaten))
    elif why.candidates:
        verdict = f"ranker chose “{why.found}”" if why.speaker else "ranker chose nobody"
        lines.append(f"{verdict} (weights: briefing/data/speaker_weights.json)")
        for c in why.candidates[:top]:
            features = ", ".join(f"{k}={v:.2g}" for k, v in sorted(c.features.items()))
            who = f"{c.mention} -> {c.person}" if c.person else "nobody"
            lines.append(f"  {c.score:+.2f}  {who}  [{features}]")
    else:
        lines.append("no rule matched and no candidate was weighed")
    return lines
