"""Editorial checks that make a sentence stand on its own as a bullet.

A bullet is read without the sentences around it, so a sentence that leans on one the reader
was not shown (an opening "But", "This", "First,", a bare "The designations" naming what the
sentence before named) is left out; a dateline ("KYIV —") or a run-in heading is cut off the
front. What it needs to stand alone is inserted in editorial brackets (``briefing.brackets``:
dates, years, names, acronyms), and who says it is named (``briefing.attribution``). The text
stays verbatim apart from the bracketed insertions, and ``spans`` are the source pieces it is
made of.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing import lexicon, postag
from briefing.attribution import after_direction, said_by
from briefing.brackets import (
    COUNTRY_REFERENCE,
    acronym_inserts,
    anchor_days,
    body_inserts,
    name_inserts,
    question_inserts,
    subject_inserts,
    unknown_person,
)
from briefing.lexicon import (
    ANAPHORIC_PHRASES,
    ANAPHORS,
    CONNECTIVE_PHRASES,
    CONNECTIVES,
    GENERAL_NOUNS,
    NOUN_PHRASE_GOES_ON,
    QUANTIFIERS,
    TIME_NOUNS,
)
from briefing.model import Document, Sentence
from briefing.text import (
    FIRST_PERSON,
    MAX_ANALYZED_CHARS,
    SECOND_PERSON,
    STEM,
    STOPWORDS,
    Folded,
    common_word,
    content_words,
)

# Forms of speech that run an event rather than say something: greeting and thanking,
# introducing or handing over to the next speaker, announcing what someone will talk about.
CEREMONY = Folded(
    r"\b(?:good (?:morning|afternoon|evening)|thank(?:s| you)|welcome|congratulat\w*"
    r"|(?:pleased|delighted|honou?red|glad|happy|wonderful) to (?:be|have|introduce|join|host)"
    r"|(?:is|are|will be) (?:going to be )?(?:talking|speaking) (?:about|to)"
    r"|(?:going|here) to (?:talk|speak) (?:about|to)|(?:introduce|joined by|turn (?:it )?over)"
    r"|(?:is|are) going to (?:open|start|begin|give|make|say)"
    r"|(?:next|our) speaker|take (?:\w+ ){0,3}questions|your (?:\w+ )?question"
    r"|(?:a|the) (?:late )?start|(?:go|turn) to (?:the line|our (?:\w+ )?question)"
    r"|(?:want|like|going) to (?:move|turn)(?: on)? to"
    # nothing to say: "I don't have any additional meetings to announce", "not in a position to"
    r"|(?:don['’]t|do not) have (?:\w+ ){0,3}to (?:announce|offer|share|add|read out)"
    r"|not in a position to|(?:in|back in|from) the queue"
    # declining to confirm: "I'm not able to confirm the reports of …", "can't confirm"
    r"|(?:not able|unable) to (?:confirm|comment|say|speak)|(?:can['’]t|cannot) (?:confirm|comment)"
    # a non-answer: "I will leave to the Russians to speak to …", "I won’t get ahead of …"
    r"|(?:leave|defer|refer you) (?:it )?to (?:the )?[A-Z]?\w+ to (?:speak|comment|characteri[sz]e)"
    r"|(?:won['’]t|will not|not going to|wouldn['’]t want to) (?:get ahead of|speculate|comment)"
    # an opening of the day's briefing (a colleague's death is TRIBUTE's, paragraph and all)
    r"|(?:start|begin|open) (?:off )?(?:today |this briefing )?(?:by|with) (?:noting|saying)"
    # the occasion itself under way, or what it is for: "the kickoff of the dialogue has
    # materialized", "we have a mandate today to …": the room's business, not a position
    r"|(?:kick-?off|launch|opening|inauguration) (?:of )?(?:[^ ]+ ){0,6}(?:has|have) "
    r"(?:materiali[sz]ed|begun|started|arrived)"
    # or the occasion as a new beginning: "a new page has been opened"
    r"|(?:a|the) new (?:page|chapter|era) (?:has|have|is|was) (?:been )?(?:opened|begun|started"
    r"|turned)"
    r"|(?:our|a|the) (?:mandate|task|purpose|job) (?:today|here|this (?:morning|afternoon|week))"
    # an observance: "began celebrating the first day of Pride Month"
    r"|(?:celebrat|commemorat)(?:e|es|ed|ing) (?:\w+ ){0,5}"
    r"(?:month|day|week|anniversary|holiday))\b",
)
# A paragraph that mourns someone: every sentence of it is part of the tribute ("… the tragic
# passing of our colleague …. [He] covered the Department for 11 years, …").
TRIBUTE = re.compile(
    r"\b(?:passing of|passed away|pay(?:s|ing)? tribute|in (?:loving )?memory of"
    r"|(?:our|deepest|heartfelt) condolences)\b",
    re.I,
)


def in_tribute(text: str, at: int) -> bool:
    """Whether the paragraph of ``text`` holding offset ``at`` is a tribute to the dead."""
    return any(start <= at <= end for start, end in _tributes(text))


@functools.lru_cache(maxsize=64)  # asked for every sentence of a document: searched once
def _tributes(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each paragraph of ``text`` that mourns someone."""
    found = []
    for m in TRIBUTE.finditer(text):
        end = text.find("\n", m.end())
        found.append((text.rfind("\n", 0, m.start()) + 1, end if end >= 0 else len(text)))
    return tuple(found)


# "this", "that", "these", "those", "them" standing for a thing named before: after a
# quantifier or preposition and before a verb or a pause ("All of these are …", "part of
# that is …"), not as a determiner ("part of that plan").
# A partitive opening on a definite set ("Many of the prisons …", "Two of the detainees …")
# takes a part of a set the reader was told of before; not a superlative ("One of the
# largest …") nor a possessor's ("Most of the world's …"), which need no telling. In writing:
# a meeting's "some of the members" are in the room.
PARTITIVE = re.compile(
    rf"(?:{'|'.join(sorted(lexicon.QUANTIFIERS | lexicon.NUMBER_WORDS | {'few', 'half'}))})"
    r" of the (?!most\b|least\b|[a-z]+est\b)[a-z-]+\b(?![’']s)"
)
# Other-anaphora (Modjeska 2003): a bare "others" in a sentence's opening words stands for
# the rest of a set the sentence before named ("With regard to others who may be considering
# making moves, …").
OTHERS_WITHIN = 5  # words
# Presupposition triggers (Levinson 1983, ch. 4): an iterative ("was arrested again",
# "moved its headquarters back to London") presupposes an earlier event, an "other" before a
# plural noun (Modjeska 2003's other-anaphora: "seized property of other Baha’is") a set the
# reader was told of. Not "other" closing a list or a set the sentence names or counts
# ("lawyers and other activists", "… as well as other abuses", "the United States and 44
# other countries", "among other things", "other than …").
ITERATIVE = re.compile(
    r"\b(?i:again|anew|once more|back (?:in|home))\b"
    # a return to a place or thing the reader may not know ("back to Vilnius", "back to
    # their villages"), not to a routine a bare noun names ("go back to school", "back to
    # work"): that one was there before is all it presupposes, and every reader knows it
    rf"|\b(?i:back to) (?!{lexicon.month_pattern()}|{'|'.join(lexicon.WEEKDAYS)}|the \d)"
    rf"(?:(?i:{'|'.join(lexicon.DETERMINERS)})\b|[A-Z])"
)
# Comparative reference (Halliday & Hasan 1976): "similar initiatives", "a comparable
# programme" are like something said before, unless the sentence says what: after it
# ("similar to", "comparable with", "similar laws such as …") or before it, a comparison or a
# set of its own ("than those", "both", "two", "X and Y … similar"), or the set it adds them
# to ("sanctions and similar measures").
SIMILAR = re.compile(r"(?<!\band )(?<!\bor )\b(?:similar|comparable)\s+(?!(?:to|with)\b)")
_COMPARED_AFTER = re.compile(r"^(?:[a-z’'-]+\s+){0,2}?[a-z’'-]+,?\s+(?:to|with|as|in|such as)\b")
_COMPARED_BEFORE = re.compile(r"\b(?:than|those|both|two|each other|and)\b")


def similar_unnamed(low: str) -> bool:
    """Whether ``low`` (a sentence in lower case) compares something with what it does not
    name (``SIMILAR``)."""
    return any(
        not _COMPARED_AFTER.match(low, m.end()) and not _COMPARED_BEFORE.search(low, 0, m.start())
        for m in SIMILAR.finditer(low)
    )


OTHER_SET = re.compile(
    r"(?<!\band )(?<!\bor )(?<!\bamong )(?<!\beach )(?<!\bno )(?<!\bany )(?<!\bevery )"
    r"(?<!\bmany )(?<!\bsome )(?<!\bseveral )(?<!\ball )(?<!\bthe )(?<!\bwell as )"
    r"\bother (?:[a-z’'-]+ )?[a-z’'-]+s\b(?! than\b)"
)
# "Do so" in a sentence's opening words (Halliday & Hasan 1976's verbal substitution):
# "We have done so over the course of several weeks." stands for an act the sentence has not
# named yet; further on it may stand for the sentence's own ("… must act now and do so …").
DONE_SO = re.compile(r"\b(?:do|does|did|done|doing) so\b")
SUBSTITUTE_WITHIN = 5  # words
# "Do that" before a pause or a preposition is the same verbal reference, by a demonstrative:
# "I'm really pleased to do that, to …", "We set up a fund to do that at the summit"; not
# "do that work".
_PREPOSITION = lexicon.alternation(lexicon.PREPOSITIONS)
DONE_THAT = re.compile(
    rf"\b(?:do|does|did|done|doing) (?:that|this)(?: [,;:]|$| {_PREPOSITION}\b"
    # … or closing a relative clause before the main verb: "One of the ways we've done that
    # is …", "One way we did this was …"
    r"| (?:is|was|are|were)\b)"
)
DEMONSTRATIVE_WITHIN = 10  # tokens
DEMONSTRATIVE_PRONOUN = re.compile(
    r"(?:\b(?:all|each|some|many|most|none|both|any|part|one|of|on|to|with|about|for|from|by) "
    r"(?:of )?(?:this|that|these|those|them)"
    # and a part of "it" ("Part of it is impressing upon …", "Much of it was …")
    r"|^(?:all|some|much|most|none|any|part|half) of it)"
    r"(?: (?:is|was|are|were|will|would|has|have|had|can|could|must|should|together)\b|\s?[,;:]|$)"
)
# A connective set off by commas in the first words: "In some cases, however, …".
INNER_CONNECTIVE = re.compile(
    r", (?:however|though|instead|therefore|moreover|nevertheless|meanwhile|in turn|"
    r"in addition|as a result|for example|for instance|in contrast|too|also),"
)
# "The other" opening a sentence: the rest of a set the sentence before began ("The other
# two-thirds of Seagram was bought by …"), not a time ("The other day, …").
THE_OTHER = re.compile(r"the other (?!day\b|night\b|week\b|morning\b|evening\b)")
# The same closing the sentence: "Neither firm thrilled investors with their profit news,
# however.", "The envoy was expelled, too." (Quirk et al. 1985, 8.137: a conjunct at the end).
FINAL_CONNECTIVE = re.compile(
    r", (?:however|though|instead|therefore|nevertheless|nonetheless|in turn|in contrast|too"
    r"|as well)[.!?][”\"’']?$"
)
# An opening phrase, then a subject that points back: "…, this additional drawdown brings …".
INTRODUCED_DEMONSTRATIVE = re.compile(r"[^,;]{3,200}, (?:this|these|that|those) ((?:\w+ ?){1,2})")
# An opening phrase or two, then a demonstrative that is the subject: "Look, for us, this is".
INTRODUCED_PRONOUN = re.compile(
    r"[^,;]{1,60}, (?:[^,;]{1,30}, )?(?:this|that|these|those)"
    r"(?:[’']s| is| was| are| were| will| would| has| had| can| could| must| should)\b"
)
# An opening phrase or two, then a personal pronoun as the subject: "Unreversed, it will …",
# "On Friday, they said …": who or what it stands for was named before.
INTRODUCED_PERSONAL = re.compile(r"[^,;]{1,60}, (?:[^,;]{1,30}, )?(?:it|they|he|she)\b")
# The same after an opening time phrase with no comma: "Earlier this month it released …",
# "Last week they said …"; not an "it" that stands for nothing ("Last week it emerged …").
_WEEKDAY = "|".join(day.lower() for day in lexicon.WEEKDAYS)
TIMED_PERSONAL = re.compile(
    r"(?:(?:earlier|later) (?:this|last|that) (?:week|month|year)|(?:last|this|next)"
    rf" (?:week|month|year|{_WEEKDAY})|on (?:{_WEEKDAY})|yesterday|recently)"
    r" (?:it|they) (?!(?:is|was|were|are|has been|had been|will|would|took|takes|emerged"
    r"|appears?|appeared|seems?|seemed|remains?|became|also)\b)"
)
# A demonstrative that is the subject of what someone says: "Moscow says this makes it …".
REPORTED_PRONOUN = re.compile(
    r"\b(?:says?|said|thinks?|believes?|argues?|claims?) (?:this|that)"
    r" (?:is|was|makes|made|means|meant|will|would|has|shows|showed)\b"
)
# "it" or "them" after a verb: "We’ve conveyed it", not "and it", "make it clear".
OBJECT_PRONOUN = re.compile(r" (?:it|them)\b(?![’'])(?: ([a-z’']+))?| (?:this|that)(?=[,.;:!?])")
# Words before an "it" that make it a subject, not an object: conjunctions, auxiliaries and
# modals ("can it", "does it"), question words, sentence adverbs ("now it seems").
NOT_A_VERB = frozenset(
    """and but or that because if when as so while whether than can could does do did will
    would shall should may might must is was are were has have had isn't wasn't doesn't
    don't didn't won't wouldn't can't couldn't shouldn't why how what where now then""".split()
)


# A "that" opening a clause a phrase interrupts: ", based on the information available, …".
_INTERRUPTED_CLAUSE = re.compile(r", (?!and\b|but\b|or\b|so\b)[^,.;:]{3,80}, \w")


# Where a clause begins: a pause, a coordinator or a subordinator.
_CLAUSE_BREAK = re.compile(
    r"[,;:]|\b(?:and|but|or|after|before|when|while|because|since|although|though|as|if|once"
    r"|until|then|so)\b"
)


def _object_pronoun(low: str) -> bool:
    """Whether an "it" or "them" that a verb takes stands for nothing the sentence named
    before it (nothing but that verb, and "we", "I", comes first), or a "this" or "that"
    before a pause stands for something said before."""
    m = OBJECT_PRONOUN.search(low)
    if m is None:
        return False
    head, _, verb = low[: m.start()].rpartition(" ")
    if not verb.isalpha() or verb in NOT_A_VERB or _verb_after(m[1] or ""):
        return False
    aside = _INTERRUPTED_CLAUSE.match(low, m.end())
    if m[0] == " that" and aside and not _phrase_only(low[aside.end() - 1 :]):
        # "I can announce that, based on …, the government assesses …"; not "We see that, of
        # course, in the PRC with technology being used …", where only a phrase goes on
        return False
    if m[0].startswith((" this", " that")):
        return True  # "… to address that, and …": a demonstrative has no noun to stand for
    # Binding theory's Principle B (Chomsky 1981): a verb's object pronoun is never its own
    # clause's subject, so only an earlier clause can name what it stands for ("[T]he Justice
    # Ministry disbarred them" leans back; "The ministers adopted the plan and funded it" not)
    earlier = _CLAUSE_BREAK.split(head)[:-1]
    named = [
        w for w in content_words(" ".join(earlier)) if len(w) > 3 and w.split("'")[0] not in WHO
    ]
    return not named


def _phrase_only(rest: str) -> bool:
    """Whether ``rest`` opens on a preposition and no finite verb follows: a phrase of the
    verb's ("in the PRC with technology being used …"), not a clause a phrase opens ("in many
    cases the aid never arrives")."""
    if rest.split(" ", 1)[0] not in lexicon.PREPOSITIONS:
        return False
    return not any(t in postag.FINITE for _, t, _, _ in postag.tag(rest))


def _verb_after(word: str) -> bool:
    """Whether the word after an "it" makes the "it" a subject ("I hope it inspires", "it was")
    or a dummy ("made it clear"): an auxiliary, a verb in -s or the past, an adjective."""
    word = word.replace("’", "'")
    if word in NOT_A_VERB or word in ("clear", "very", "possible", "easier", "harder"):
        return True
    if word in lexicon.PAST_TENSE_FORMS or (len(word) > 4 and word.endswith("ed")):
        return True  # "the ministry said it tracked …": the subject of what was said
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "ous", "us"))


WHO = frozenset("i we you they he she".split())  # "we’ve" names nothing a pronoun could be


# "the two reports", "the three men", "both men": a definite count of things named before
# (Halliday and Hasan's reference by a numerative); "the two Koreas" and "both Russia and
# Belarus" name them.
COUNTED_DEFINITE = re.compile(
    r"\bthe (?:two|three|four|five|six|seven|eight|nine|ten) [a-z]+s\b"
    r"|\bboth (?:the )?(?:men|women|children|[a-z]+s)\b(?! and\b)"
)
# A numbered part of something the sentence does not name, opening it: "During Part One, …",
# "In the second phase, …", "On Day 3, …". A part presupposes its whole, told before (reference
# by an ordinal, as by a numerative above); "the first day of Pride Month" names it.
_PARTS = r"(?:part|phase|session|day|stage|round|segment|half)"
NUMBERED_PART = re.compile(
    rf"^(?:during|in|at|on|for|after|before) (?:{_PARTS} (?:one|two|three|four|five|\d+"
    rf"|i|ii|iii|iv)|the (?:first|second|third|fourth|fifth|final|last|next) {_PARTS})\b"
    r"(?! of\b)"
)
INNER_DEMONSTRATIVE = re.compile(
    r"\b(?:this|these|those|(?:from|of|in|on|at|by|with|after|since|during|to|for) that)"
    r" ([a-z]+)"
)
# "also" before the first verb or so: "The Department also launched …", not "also known as".
ADDITION = re.compile(
    r"\balso\b(?! (?:known|called|referred)\b)|\b(?:is|are|was|were|will|has|have) further\b"
    # "an additional 20 prisoners were released": more than ones the reader was not told of
    r"|\b(?:an additional|a further)\b"
)
# More of a number the reader was not given ("Millions more are poised to …", "2,000 more
# troops"), not a comparison that gives its own ("more than 100 people").
COUNTED_MORE = re.compile(
    r"^(?:\S+ ){0,6}?(?:\d[\d,.]*|millions|thousands|hundreds|dozens|scores|many|several"
    r"|(?:\w+ )?(?:million|thousand|hundred|billion)) more\b(?! than\b)"
)
# An amount added to one the reader was not given (comparative reference, Halliday & Hasan
# 1976): "… could detain a suspect for an additional 45 days …", "another 20 people". Anywhere
# in the sentence, unless it gives the base amount first; ADDITION catches "an additional"
# with or without a number in the opening words.
_NUMBER_WORDS = "|".join(sorted(lexicon.NUMBER_WORDS))
ADDED_AMOUNT = re.compile(
    rf"\b(?:an additional|another|a further|an extra) (?:\d[\d,.]*|{_NUMBER_WORDS})\b"
)
# A reply with nothing it replies to ("NATO has responded with larger exercises"): the
# provocation is in a sentence before. "responded to the sanctions" names it.
REPLY_TO_UNSEEN = re.compile(
    r"^(?:\S+ ){1,6}?(?:has |have |had )?(?:responded|reacted|retaliated|replied|countered"
    r"|hit back|followed suit)\b(?!(?: \S+){0,2}? (?:to|against|for)\b)"
)
# An echo of a remark the reader was not shown: "As the Secretary noted, …" (not "As reported
# by NGOs, …", which names its source). In speech it is mostly of what the room just heard.
_SAID = (
    r"(?:noted|said|mentioned|pointed out|indicated|explained|stated|described|discussed"
    r"|outlined|observed|highlighted|underscored|emphasi[sz]ed|stressed)\b"
)
# What another speaker at the event said before, pointed at from inside a sentence: "… all
# five of the pillars that the under secretary outlined …", "… the steps my colleague
# mentioned". A quote read alone has not heard it. (Not "… that Iran said it would …".)
_AT_THE_EVENT = "|".join(sorted(lexicon.TITLE_WORDS | {"colleague", "colleagues"}))
ECHOED = re.compile(
    rf"\b(?:that|which) (?:the|my|our) (?:[\w-]+ )?(?:{_AT_THE_EVENT}) "
    r"(?:has |have |had |just )?" + _SAID,
    re.I,
)
# A quote that tells what someone else said as their habit or once, not a claim of the
# speaker's own: "Former Prime Minister Abe always said Japan-U.S. alliance is …", "My father
# used to say …". Not the speaker's "I always said …" nor a report's "Officials said …".
RELAYED_SAYING = re.compile(
    r"^\W*(?!(?:I|We)\b)(?:(?:My|Our|His|Her|Their) [a-z]+ |(?:[A-Z][\w.’'-]* ){1,4})"
    r"(?:(?:always|often|once|repeatedly|famously) (?:said|says|told|put it)\b|used to say\b)"
)
# A tribute to what someone always said, a name with its title before it: "Former Prime
# Minister Ilo Vesk always said …" (not "Officials repeatedly told …", an event).
TRIBUTE_SAYING = re.compile(
    r"^\W*(?!(?:I|We)\b)(?:[A-Z][\w.’'-]* ){2,6}(?:always|famously) (?:said|says)\b"
    r"|^\W*(?!(?:I|We)\b)(?:[A-Z][\w.’'-]* ){2,6}used to say\b"
)
ECHO = re.compile(
    # "As noted earlier, …", "As previously mentioned, …"; not "As reported by NGOs, …"
    rf"^as (?:(?:previously|already|earlier|briefly) )?{_SAID}(?! by\b)"
    # "As Ned noted, …", "As the minister has pointed out, …"; not "As part of the plan
    # outlined in March, …"
    rf"|^as (?!part\b|reported\b|described\b)(?:[^\s,]+ ){{1,4}}?(?:has |have |had )?{_SAID}"
    r"(?! (?:in|on|by|at|for)\b)"
)
# A pronoun or place word closing the sentence that stands for what came before: "… in this.",
# "… a greater catastrophe there." (not "… there is", which is no place).
FINAL_POINTER = re.compile(
    r"\b(?:in|on|of|about|with|to|for|from|by) (?:this|that)[.!]?$|\bthere[.!]?$"
)
# A place the sentence itself names, which its closing "there" stands for: "… genocide in
# Xinjiang and … its use of forced labor there."
PLACE_NAMED = re.compile(
    rf"\b(?:in|across|inside|into) (?:the )?(?!(?:{lexicon.month_pattern()})\b)[A-Z]\w"
)
# "Protesters, including minors and women, also reported …": past a long subject set off by
# commas, the main clause's "also" still adds to what came before (not "…, also known as …");
# so does one right after the main clause's auxiliary ("Journalist Yang Liu and freelancer
# Qin Ziyi were also detained …"), unless it answers a "not only" before it
ALSO_AFTER_SUBJECT = re.compile(
    r"(?: ,| (?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did"
    r"|does|do)) also (?!known\b|called\b|referred\b)"
)
ALSO_WITHIN = 16  # tokens
# "likewise" in a sentence's opening words, and "similarly" right after the main clause's
# auxiliary, compare its act with one told before ("The Department is similarly designating
# Evgeny Novitskiy …"); not "similarly situated applicants" or "voted similarly", a manner.
LIKE_BEFORE = re.compile(
    r"\blikewise\b|\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do)"
    r" similarly\b(?! to\b)"
)
AS_WELL = re.compile(r"\b(?:as well|too)[.!]?$")
# A shell noun (lexicon.SHELL_NOUNS) under a distal demonstrative: "… on that front", "…
# those concerns", "… share that vision." Where "that" could open a clause ("We believe that work
# …") only after a preposition or at the sentence's close; "those" never opens one.
_SHELL = "|".join(sorted(lexicon.SHELL_NOUNS))
DISTAL_SHELL = re.compile(
    rf"\bthose (?:{_SHELL})\b"
    rf"|\b(?:on|to|in|for|of|about|with|at|from|by|towards?) that (?:{_SHELL})\b"
    rf"|\bthat (?:{_SHELL})[.!?]?[”\"’']?$"
)
# A drafting slip: two versions of a clause run together, its verb written twice, active (a
# past tense with its object) then passive, a few words apart ("reports the police detained
# protesters were detained"). The sentence as printed does not parse; as a bullet it reads as
# the tool's error. ("Privately owned media were owned by …" is a participle, then the verb;
# "killed more than were killed by …" a comparison.)
DOUBLED_VERB = re.compile(
    r"\b([a-z]{3,}(?:ed|en))\b(?: (?!than\b|as\b)[\w’'-]+){1,3} (?:was|were|been|being) \1\b"
)


def doubled_verb(text: str) -> bool:
    m = DOUBLED_VERB.search(text)
    if not m:
        return False
    return any(start == m.start(1) and pos == "VBD" for _, pos, start, _ in postag.tag(text))


PRONOUN_ATTRIBUTION = Folded(r"\b(he|she|they)\s+(said|says|added|told|noted|argued)\b")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]|``.*?''")
# A dateline: a capitalised place, maybe a date and an agency, then a dash, at the very start.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]{2,}(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,3}"
    r"(?:,? [A-Z][a-z]{2,4}\.? \d{1,2})?\s*(?:\([A-Za-z .]+\))?\s*(?:—|–|--|-|_)\s+"
)
# Page furniture that can pass for a sentence: pointers elsewhere (a web address, "See …",
# "For more information, …", "Follow us …") and bylines.
POINTER = Folded(
    r"https?://|\bwww\.|^(?:please )?(?:see|visit|review|follow|read|click|contact|watch|"
    r"subscribe|sign up)\b|^for (?:more|further|additional) (?:information|details)"
    # a link's text: "The advisory … are available here ."
    r"|\b(?:is|are) (?:available|found|posted|accessible) (?:here|online|at)\s*[.:]?\s*$"
)
BYLINE = re.compile(
    r"^(?:(?:Posted|Written|Story|Reporting) )?[Bb]y [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)+"
    r"(?:,|$| and )"
)
# A paragraph opening on a speaker's name (and role) and a colon, in any case: a turn whose
# label the reader did not take ("Hon. Jane Doe (Minister of Health): …").
TURN_LABEL = re.compile(
    r"(?P<name>[A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|of|the|de|van|von)){1,6})"
    r"(?: \((?P<role>[^()\n]{2,80})\))?: "
)
# A run-in heading of one common word (written in lower case elsewhere): "Transparency: …".
# A run-in heading in title case: "Transparency: …", "Censorship or Content Restrictions for
# Members of the Press and Other Media, Including Online Media: Authorities …".
# (words joined by a slash are one heading word each: "Libel/Slander Laws:")
RUN_IN_HEADING = re.compile(r"([A-Z][a-z][\w’'/-]*(?:,? [\w’'/-]+){0,15}): (?=[A-Z“\"])")
HONORIFIC = re.compile(
    rf"^(?:(?:The )?Right |The )?(?:Hon\.|{lexicon.alternation(lexicon.COURTESY_TITLES)}\.?) "
)
# Sentences that are not statements: an introduction to a list or a list item (":", ";"), a
# heading or caption (no closing punctuation), a stage direction ("(Via interpreter) …"), the
# tail of a company name cut off by the sentence splitter ("Ltd., which …").
# Metadiscourse (Hyland 2005): a sentence about the document's own words ("All references to
# “X” refer to …", "the term “X” means …") tells a reader how to read it, not what happened.
METADISCOURSE = Folded(
    r"^(?:all )?(?:references|mentions) to\b|\bthe (?:term|word|phrase)s? [“\"‘]"
)
# A notice of rights or licence at the foot of a page or a file ("All rights reserved",
# "public domain (17 U.S.C. §105)"): furniture, whatever label runs into it.
_RIGHTS_WORDS = ("©", "reserved", "domain", "creative", "licen", "u.s.c")
RIGHTS_NOTICE = re.compile(
    r"©|\ball rights reserved\b|(?<!in the )\bpublic domain\b|\bcreative commons\b"
    r"|\blicen[cs]ed under\b|\bU\.S\.C\. §",
    re.I,
)
# No statement: it ends on a colon or comma or on no closing mark at all, or opens on a
# bracket or a company suffix cut off its name ("Ltd. …").
_STATEMENT_ENDS = frozenset(".!?…”\"’')]")
_SUFFIX_OPENING = re.compile(r"(?:\(|(?:Ltd|Inc|Co|Corp|LLC|PLC|S\.A)\b)")


def rights_notice(text: str) -> bool:
    """A notice of rights or licence (RIGHTS_NOTICE); most sentences hold none of its words."""
    low = text.lower()
    return any(w in low for w in _RIGHTS_WORDS) and bool(RIGHTS_NOTICE.search(text))


def not_a_statement(text: str) -> bool:
    return not text or text[-1] not in _STATEMENT_ENDS or bool(_SUFFIX_OPENING.match(text))


HEADING_SHARE = 0.6  # a run of words most of them capitalised is a heading or a menu
# Menu items run together ("HomeReportsBureau"), a heading in capitals ("EXECUTIVE SUMMARY"),
# a lettered list ("a. Freedom of … b. Prohibition of …").
_GLUED = re.compile(r"[a-z][A-Z][a-z]+[A-Z]|\b[A-Z]{4,} [A-Z]{4,}\b|(?:\s[a-h]\. [A-Z].*){2}")
# Three or more names in a sentence's list, commas between them and "and" or "or" before the
# last: a menu puts no commas between its items, a sentence does…
_NAMES_LISTED = re.compile(
    r"(?:\b(?:the )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}, ){2,}(?:and|or) (?:the )?[A-Z]"
)
# …and says something of them in words of its own, not only "of", "and", "on" between names
# ("Bureau of Democracy, Human Rights, and Labor Country Reports on …" is a heading)
_LINKING_WORDS = frozenset("of and or the on in for to at by with from a an".split())
SENTENCE_WORDS = 1


@dataclass(frozen=True)
class Edited:
    """A sentence as a bullet: its text, the source spans it is made of, who says it."""

    text: str
    spans: tuple[tuple[int, int], ...]
    said_by: str | None


def edit(
    doc: Document, sentences: Sequence[Sentence], i: int, *, lean: bool = True
) -> Edited | None:
    """``sentences[i]`` of ``doc`` edited to stand alone, or None when it cannot. Without
    ``lean`` it is not asked whether it leans back (the sentence it leans on comes with it)."""
    s = sentences[i]
    start = s.start
    label = _paragraph_label(doc.text, s.start)
    if label and label.end() > start:
        start = label.end()  # the sentence begins with the label: cut it off
    m = DATELINE.match(doc.text, start, s.end)
    if m:
        start = m.end()
    start = after_direction(doc, start, s.end)
    m = RUN_IN_HEADING.match(doc.text, start, s.end)
    if m and (_heading_words(m[1], doc.text) or _report_heading(doc, m)):
        start = m.end()  # "Transparency: Hong Kong’s business environment …"
    text = doc.text[start : s.end]
    opening = ""
    # an echo goes where the reader has not heard what it echoes
    echo = ECHO_CLAUSE.match(text) if not _heard(doc) else None
    if echo and not _spoken(doc) and not AGENTLESS_ECHO.match(echo[1].lower()):
        echo = None  # in writing, "As Putin said, …" says whose claim the rest is: it leans
    m = echo or OPENING_CONNECTIVE.match(text)
    if m and _detachable(m) and m.end() < len(text):
        # "But the fund has paid …" → "[T]he fund has paid …", "As Ned noted, in his first
        # weeks …" → "[I]n his first weeks …": the connective or the echo goes, the
        # bracketed capital marks the change; the rest must stand on its own.
        opening, start = f"[{text[m.end()].upper()}]", start + m.end() + 1
        text = opening + doc.text[start : s.end]
    # one pointer to a picture is cut; several ("Carney (left) and Trump (right) signed …")
    # are left as written, as a sentence is not lost for them
    pictures = list(PICTURE_REFERENCE.finditer(text))
    references = [r[0] for r in (*CROSS_REFERENCE.finditer(text), *pictures[:1])]
    if len(pictures) > 1:
        references = [r[0] for r in CROSS_REFERENCE.finditer(text)]
    if (
        not_a_statement(text)
        # one cross-reference is cut; a sentence of two, or of one and a list that is cut
        # (one cut a bullet), or one sending its reader to another report, is left out
        or len(references) > 1
        or (references and _has_list(doc.text, start, s.end))
        or any(_OTHER_REPORT.search(r) for r in references)
        or POINTER.search(text)
        or BYLINE.match(text)
        or page_furniture(text)
        or (
            lean
            and leans_back(
                text,
                sentences[max(0, i - 2) : i],
                unseen=doc.title,
                spoken=_heard(doc),
                anchored=_anchored_opening(doc, text, start, s.end),
            )
        )
        or (
            lean
            and doc.doc_type == "report"
            and reports_what_came_before(text, sentences[max(0, i - 2) : i], doc.title)
        )
        or list_item(doc.text, s.start)
        or NUMBERED_LABEL.match(text)
        or NOTE_LABEL.match(text)
        or (LAW_ON_PAPER.match(text) and not CONTRAST.search(text))
        or CEREMONY.search(text)
        or in_tribute(doc.text, s.start)
        or METADISCOURSE.search(text)
        or doubled_verb(text)
        or rights_notice(text)
        or (_spoken(doc) and (restarted(text) or WE_ARE_A.match(text) is not None))
    ):
        return None
    if _wholly_quoted(text):
        return None  # someone's words the source quotes: a key quote, not the source's bullet
    if unknown_person(doc, start, s.end):
        return None  # "Li founded …" in a source naming two people Li
    if (
        _unbalanced_quote(text)
        or PRONOUN_ATTRIBUTION.search(text)
        or dangling_person(text, doc.text)
    ):
        return None  # a piece of a longer quotation, or about a "he" the reader was not shown
    speaker = said_by(doc, s)
    # a report is written, not spoken: its "Durable Solutions: …" is a heading, whatever else
    if not s.speaker and label and doc.doc_type != "report" and not run_in_heading(doc.text, label):
        speaker = HONORIFIC.sub("", label["name"])
    if speaker is None and first_person(text):
        return None
    if SECOND_PERSON.search(_QUOTED.sub(" ", text)):
        return None  # "As you heard …": addressed to an audience the reader is not part of
    inserts = (
        name_inserts(doc, start, s.end)
        + acronym_inserts(doc, start, s.end)
        + body_inserts(doc, start, s.end)
        + subject_inserts(doc, start, s.end)
        # from the sentence's own start: "So the protests …" is cut to "[T]he protests …"
        + [at for at in question_inserts(doc, s.start, s.end) if at[0] > start]
    )
    cut = elision(doc.text, start, s.end)
    if cut:  # "We, the G7 Foreign Ministers […] strongly condemn …"
        head, tail, mark = cut
        lead = 1 if opening else 0  # "[T]oday": the bracketed capital begins the first word
        before, out = anchor_days(doc, start, head, [i for i in inserts if i[0] <= head], lead)
        after, rest = anchor_days(doc, tail, s.end, [i for i in inserts if i[0] > tail])
        return Edited(opening + out + mark + rest, before + after, speaker)
    pieces, out = anchor_days(doc, start, s.end, inserts, 1 if opening else 0)
    if lean and doc.doc_type == "report" and TOLD_EVENT.search(out):
        return None  # a report tells many people's cases; a news story is about its one
    return Edited(opening + out, pieces, speaker)


# A person the source named before (their name completed in brackets: "[activist Anatoly]
# Berezikov", "Lv [Gengsong]") and an event of theirs as a possessive ("… into Berezikov’s
# death"): a definite description of an event the source told before (a presupposition,
# Prince 1981's discourse-old entity), which the name's brackets do not tell. In a report of
# many cases, not in a news story, whose sources all tell its one event ("Pinochet's arrest"):
# there it cost DUC 2004 via the CLI R-2 16.53 -> 16.45 at 250 words.
TOLD_EVENT = re.compile(
    r"(?:\] [A-Z][\w’'-]*|[A-Z][\w’'-]* \[[A-Z][^\]]*\])[’']s "
    rf"(?:{'|'.join(sorted(lexicon.PERSON_EVENTS))})\b"
)
_WE_THE = re.compile(r"We, the ")
_LIST_WORDS = frozenset("the and of for on in de du la le von van".split())
SIGNERS_WORDS = 10  # a list of signers longer than this is elided


def _signers_list(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the list of signers in "We, the G7 Foreign Ministers of Canada, France, …, and
    the High Representative of the European Union strongly condemn …" begins (at its first
    " of") and where the sentence goes on (before the verb): an ellipsis stands for the list
    when it is longer than SIGNERS_WORDS words."""
    if not _WE_THE.match(text, start, end):
        return None
    at = start + 3
    for m in re.finditer(r"[^\s,]+", text[at:end]):
        word = m[0]
        if word[0].islower() and word not in _LIST_WORDS:
            stop = at + m.start()
            break
    else:
        return None
    body = text[at:stop]
    of = body.find(" of ")
    if of < 0 or len(body[of:].split()) <= SIGNERS_WORDS:
        return None
    return at + of, stop - 1 if text[stop - 2] != "," else stop - 2


# A list of partners set off by commas between a subject and its verb: "The U.S. Department
# of State, alongside the U.S. Department of the Treasury, …, and the U.S. Department of
# Labor, issued an updated … Advisory". Who acted and what they did is the news; past
# SIGNERS_WORDS words the list is elided, "alongside […]" keeping that others joined (the
# deletion of parentheticals in sentence compression: Knight & Marcu 2002, Zajic et al. 2007).
_COMPANIONS = re.compile(
    r", (?:alongside|together with|along with|jointly with|in coordination with"
    r"|in partnership with|joined by) "
)


def _companions_list(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a long list of partners (``_COMPANIONS``) begins and where, after the comma that
    closes it, the sentence goes on with its verb."""
    m = _COMPANIONS.search(text, start, end)
    if not m:
        return None
    for w in re.finditer(r"[^\s,]+", text[m.end() : end]):
        if w[0][0].islower() and w[0] not in _LIST_WORDS:
            stop = m.end() + w.start()
            break
    else:
        return None
    if text[stop - 2] != "," or len(text[m.end() : stop].split()) <= SIGNERS_WORDS:
        return None  # not closed before a verb ("worked alongside the ministries of …, on …")
    return m.end() - 1, stop - 2


# A report's pointer to another part of it or to another report: "(see section 2.a.)", "(see
# the Country Reports on Human Rights Practices for Iraq)". A bullet's reader cannot follow
# it, so it is left out, marked; a sentence that sends its reader to a report on another
# subject for its matter is that report's, not a finding of this one.
CROSS_REFERENCE = re.compile(r" {0,3}\([Ss]ee (?:also )?[^()]{1,200}\)")
# A pointer to a picture the bullet does not show: "Brandon Malinsky (left) had his case
# dropped", "(pictured with Rojo last month)", "(seen above)". Cut as a cross-reference is.
PICTURE_REFERENCE = re.compile(
    r" {0,3}\((?:pictured(?: [\w’'-]+){0,5}|not pictured|(?:top |bottom )?(?:left|right"
    r"|centre|center)(?: and (?:left|right))?|(?:seen |pictured )?(?:above|below|here)|inset)\)"
)
# a report on another subject: "… Country Reports on Human Rights Practices for Iraq" (not a
# finding's own source, "(see Amnesty International Report 2023)")
_OTHER_REPORT = re.compile(r"\b[Rr]eports?\b[^()]*\bfor (?:the )?[A-Z]")


def _has_list(text: str, start: int, end: int) -> bool:
    """Whether the sentence holds a list of signers or partners that its bullet cuts."""
    return bool(_signers_list(text, start, end) or _companions_list(text, start, end))


def elision(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The part of the sentence at ``start``–``end`` that its bullet leaves out, and what
    it shows for it: an ellipsis for a cross-reference (CROSS_REFERENCE), for a sentence's
    one pointer to a picture (PICTURE_REFERENCE) and for a list of signers ("We, the G7
    Foreign Ministers […] strongly condemn …"), and for a list of partners how many it names
    ("alongside [five others]": the reader learns that others joined, and how many)."""
    signers = _signers_list(text, start, end)
    if signers:
        return (*signers, " […]")
    partners = _companions_list(text, start, end)
    if partners is None:
        pictures = list(PICTURE_REFERENCE.finditer(text, start, end))
        reference = CROSS_REFERENCE.search(text, start, end) or (
            pictures[0] if len(pictures) == 1 else None
        )
        return (reference.start(), reference.end(), " […]") if reference else None
    head, tail = partners
    # counted or named only where commas part every item ("A, B, and C"): an "and" may be
    # inside a name ("the Department of Health and Human Services"), and a wrong count is
    # worse than none
    parts = text[head:tail].split(",")
    if len(parts) > 2 and parts[-1].strip().startswith("and ") and 2 <= len(parts) <= 12:
        named = _named_partners([p.strip().removeprefix("and ") for p in parts])
        return head, tail, f" [{named or _COUNTED[len(parts) - 2] + ' others'}]"
    return head, tail, " [others]"


PARTNER_WORDS = 20  # a list of partners named in this many words is named, not counted


def _named_partners(items: list[str]) -> str | None:
    """The partners of a list, those that share a body's head before their first "of" named
    once under it in the plural ("the U.S. Department of the Treasury, the U.S. Department
    of Commerce" are "the U.S. Departments of the Treasury and Commerce"). None when no two
    share such a head (lexicon.PLURAL_HEADS), when two are the same, or past PARTNER_WORDS
    words."""
    words = [item.split() for item in items]
    heads = [w.index("of") if "of" in w[1:] else 0 for w in words]
    shared: list[str] = []
    for item, k in zip(words, heads, strict=True):
        if k and item[k - 1] in lexicon.PLURAL_HEADS and len(item) > k + 1:
            prefix = item[: k + 1]
            if sum(other[: k + 1] == prefix for other in words) >= 2 and len(prefix) > len(shared):
                shared = prefix
    if not shared or len(set(items)) < len(items):
        return None
    mine = [" ".join(w[len(shared) :]) for w in words if w[: len(shared)] == shared]
    rest = [" ".join(w) for w in words if w[: len(shared)] != shared]
    head = " ".join([*shared[:-2], lexicon.PLURAL_HEADS[shared[-2]], "of"])
    named = [f"{head} {_and(mine)}", *rest]
    text = _and(named)
    return text if len(text.split()) <= PARTNER_WORDS else None


def _and(items: list[str]) -> str:
    """Items joined as a list, with a comma before the last "and" whenever an item holds an
    "and" of its own ("Health and Human Services, Labor, and Energy")."""
    if len(items) == 1:
        return items[0]
    serial = "," if len(items) > 2 or any(" and " in i for i in items) else ""
    return ", ".join(items[:-1]) + f"{serial} and " + items[-1]


_COUNTED = "two three four five six seven eight nine ten eleven twelve".split()


OPENING_CONNECTIVE = re.compile(
    # a word ("But", "Also"), or a phrase that adds one more case of what came before
    r"(In (?:another|a (?:separate|similar|related|further)) (?:example|case|instance|incident)"
    r"|[A-Z][a-z]+),? +(?=[A-Za-z])"
)
# An opening echo set off by a comma: "As Ned noted, …", "As I said, …" (ECHO).
# One with no agent but the writer ("As noted earlier, …", "As we said, …").
AGENTLESS_ECHO = re.compile(
    rf"as (?:(?:previously|already|earlier|briefly) |(?:i|we) (?:have |had )?)?{_SAID}"
)
ECHO_CLAUSE = re.compile(r"(As [^,;:.]{1,60}), +(?=[A-Za-z])")


def _detachable(m: re.Match[str]) -> bool:
    """Whether the opening ``m`` matched says only how the sentence ties to one before (a
    connective, an echo of what was said before) and may go."""
    if m.re is ECHO_CLAUSE:
        return bool(ECHO.match(m[1].lower()))
    if " " in m[1]:  # "In another example, …": one more of what came before
        return True
    return m[1].lower() in CONNECTIVES or _DISCOURSE_MARKER.match(m[0].lower()) is not None


# A speaker's restart (a disfluency's interruption point, Shriberg 1994): a dash right after a
# word that cannot end a phrase ("we are – do not intend to", "access to – for millions"), or
# a word said again just after one ("missile – ballistic missile tests", "opportunity –
# opportunities"). Written down, it reads as garbled; a dash after a whole phrase ("all
# elements of national power – military, …") is a parenthesis, not a restart.
_DASH = r"\s[–—]\s|\s--\s"
RESTART = re.compile(
    rf"\b(?:{'|'.join(sorted(w for w in STOPWORDS if w.isalpha()))})(?:{_DASH})"
    rf"|\b(\w{{4,}})\w*(?:{_DASH})(?:\w+ ){{0,2}}\1",
    re.I,
)


# "We" said to be a place or a body ("We’re a region that has endured …", "We are a nation
# of …"): an identifying clause that makes the speaker's "we" a group named before ("our
# hemisphere"), not the speaker's side, which is what a reader takes a spoken "we" to be.
WE_ARE_A = re.compile(
    r"^\W*(?:\[W\]e|We)(?:’re|'re| are) (?:a|an) (?:[\w-]+ ){0,2}(?:region|country|nation"
    r"|continent|hemisphere|people|community|alliance|coalition|family|union|bloc)\b"
)


def restarted(text: str) -> bool:
    """Whether a spoken sentence breaks off and starts again."""
    return RESTART.search(text) is not None


def _spoken(doc: Document) -> bool:
    """Speech, not writing: turns, a transcript or interview, or paragraphs that open on
    speakers' labels ("Lynne Neagle AM: …")."""
    return bool(doc.turns) or doc.doc_type in ("transcript", "interview") or _labelled(doc.text)


def _heard(doc: Document) -> bool:
    """Speech whose readers heard it: a meeting's record, an interview. A government's
    briefing transcript is read by people who were not in the room, so what it points back
    to ("this substantial proposal", "As Ned noted") is as unseen as in writing."""
    return _spoken(doc) and doc.doc_type != "transcript"


@functools.lru_cache(maxsize=64)
def _labelled(text: str) -> bool:
    """Whether paragraphs open on speakers' labels; a report's run-in headings ("Pretrial
    Detention: …") are no speakers, and do not make it speech."""
    first = TURN_LABEL.match(text, 0, 160)
    if first and not run_in_heading(text, first):
        return True  # it opens on a speaker's words
    labels = 0
    for m in re.finditer(r"\n", text[:MAX_ANALYZED_CHARS]):
        label = TURN_LABEL.match(text, m.end(), m.end() + 160)
        if label and not run_in_heading(text, label):
            labels += 1
            if labels >= SPOKEN_LABELS:
                return True
    return False


SPOKEN_LABELS = 2


def _paragraph_label(text: str, at: int) -> re.Match[str] | None:
    """The unparsed speaker label opening the paragraph that ``at`` is in, if any."""
    start = text.rfind("\n", 0, at) + 1
    return TURN_LABEL.match(text, start, min(len(text), start + 160))


LIST_MARK = re.compile(r"[-•*–]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s")
# What a law says on paper ("The law prohibited arbitrary arrest …"): alone it reads as what
# happens, when the report's next sentence says the government ignored it; a sentence that
# sets the practice against it ("…; however, many trials …") says both.
_LEGAL = lexicon.alternation(lexicon.LEGAL_INSTRUMENTS)
LAW_ON_PAPER = re.compile(
    rf"(?:The |Its |[A-Z][\w’']* )?(?:\d{{4}} )?{_LEGAL}"
    rf"(?: also| further| explicitly)? {lexicon.alternation(lexicon.PROVISION_VERBS)}\b"
    # "By law, children ages 15-18 could be employed if …": the same, the law put first and
    # a modal saying what may or must be (not "Under the law, police detained 40 people")
    rf"|(?:By|Under(?: the)?|According to(?: the)?) (?:\d{{4}} )?{_LEGAL}, [^.;:]{{0,80}}?"
    r"\b(?:could|may|might|must|shall|(?:was|were|is|are) (?:required|allowed|permitted"
    r"|prohibited|entitled))\b",
    re.I,
)
# What a speaker or writer says right after a sentence to set against it: "But … cross-border
# assistance is critical". Without it, the sentence reads as the whole position, and may
# reverse it.
QUALIFIER = re.compile(r"[“\"‘']?(?:But|However|Yet|That said|At the same time|Still)\b")


def qualified_after(text: str, sentences: Sequence[Sentence], n: int) -> bool:
    """Whether ``sentences[n]``, if it follows the one before in its paragraph (one
    speaker's turn), opens by setting something against it (QUALIFIER)."""
    if not 0 < n < len(sentences):
        return False
    if "\n" in text[sentences[n - 1].end : sentences[n].start]:
        return False
    following = sentences[n].text
    # "Such a deal has been available since March, but we can only conclude it if …": what
    # the sentence before said, taken up again and then set against
    return bool(
        QUALIFIER.match(following)
        or MID_CONTRAST.match(following)
        or (BACK_REFERENCE.match(following) and CONTRAST.search(following))
    )


# A contrastive conjunct set off after the subject, as in the middle of a clause it links
# to the sentence before (Quirk et al. 1985, 8.137): "The CCP, however, retained a monopoly
# on political power" after what official statements asserted.
MID_CONTRAST = re.compile(r"[^,;.]{1,80}, (?:however|nevertheless|nonetheless|though),")


# A sentence that opens on what the one before said: "Such a deal", "This agreement", "That".
BACK_REFERENCE = re.compile(r"[“\"‘']?(?:Such|This|That|These|Those|It)\b")


CONTRAST = re.compile(r"[,;] (?:but|however|although|though|yet|while)\b|\bexcept\b", re.I)
# An entry of a numbered list under its label: "Priority 3: Individual cases granted …".
NUMBERED_LABEL = re.compile(r"[A-Z][a-z]+ \d{1,2}[a-z]?:\s")
# A note on the document itself, under its label: "Note: The situation in occupied
# territories is covered in a separate report."
NOTE_LABEL = re.compile(r"(?:Note|N\.\s?B\.|Editor[’']s [Nn]ote|Disclaimer)\s*:\s")


def list_item(text: str, at: int) -> bool:
    """Whether ``at`` is in an item of a list run on from a lead-in ("Individuals eligible:",
    "…, or Resolute Support;"): the item finishes that sentence and is no sentence alone."""
    start = text.rfind("\n", 0, at) + 1
    if not LIST_MARK.match(text, start):
        return False
    before = text[:start].rstrip()
    return before.endswith((":", ";"))


def run_in_heading(text: str, label: re.Match[str]) -> bool:
    """Whether a paragraph's "Words: …" opening is a run-in heading ("Reproductive Rights:",
    "Abusive Physical Conditions:"), not a speaker: no role beside it, no honorific, and every
    word of it written in lower case elsewhere in the document, as names never are; or some
    word of it, when the label stands nowhere else ("Pretrial Detention:"), as a speaker's
    name mostly does (their next turn, their introduction)."""
    if label["role"] or HONORIFIC.match(label["name"]) or label["name"].startswith("The "):
        return False  # "The Chair:", "The Speaker:" name a role that speaks
    words = [w for w in label["name"].split() if w[:1].isupper()]
    common = [common_word(w, text) for w in words]
    return all(common) or (any(common) and text.count(label["name"]) == 1)


def _heading_words(words: str, text: str) -> bool:
    """Whether words before a colon read as a heading: the capitalised ones common words of
    the document (both of a heading of two, all but one of three, three in four of a longer
    one: "Access to Basic Services" in a report that never writes "basic"), the others short
    function words ("of", "the", "or", "for")."""
    split = _label_words(words)
    capitalised = [w for w in split if w[:1].isupper()]
    if any(w.lower() not in STOPWORDS for w in split if not w[:1].isupper()):
        return False
    common = sum(common_word(w, text) for w in capitalised)
    n = len(capitalised)
    return common == n or (n == 3 and common == 2) or (n >= 4 and common >= 0.75 * n)


def _label_words(words: str) -> list[str]:
    """The words before a colon, those joined by a slash apart ("Libel/Slander Laws")."""
    return words.replace(",", "").replace("/", " ").split()


def _report_heading(doc: Document, m: re.Match[str]) -> bool:
    """Whether a report's paragraph opens on a run-in heading: words before a colon set as a
    title (each capitalised but for short function words: "Abuses or Irregularities in
    Recent Elections"), at least one of them a word the report writes in lower case. A
    report has no speakers to label its paragraphs, so the heading need not pass
    ``_heading_words`` (the Afghanistan report never writes "irregularities"); names alone
    ("Iran, Saudi Arabia and Egypt: …") say who or where."""
    line = doc.text.rfind("\n", 0, m.start()) + 1
    if doc.doc_type != "report" or doc.text[line : m.start()].strip():
        return False  # not at its paragraph's opening
    split = _label_words(m[1])
    titled = len(split) > 1 and all(w[:1].isupper() or w.lower() in STOPWORDS for w in split)
    return titled and any(common_word(w, doc.text) for w in split if w[:1].isupper())


def page_furniture(text: str) -> bool:
    """Menus, tables of contents and headings run into a sentence by the page reader: words
    glued together, or mostly capitalised words that do not list names the way a sentence
    lists them ("designated Chen Dong, Yang Jianping, and Yin Zonghua, who are …")."""
    if _GLUED.search(text):
        return True
    tokens = [t for t in text.split() if t[:1].isalpha()]
    caps = sum(1 for t in tokens if t[0].isupper())
    capitalised = len(tokens) >= 8 and caps > HEADING_SHARE * len(tokens)
    if not capitalised:
        return False
    said = [t for t in tokens if t[0].islower() and t.strip(",.;:") not in _LINKING_WORDS]
    return not (_NAMES_LISTED.search(text) and len(said) >= SENTENCE_WORDS)


def _other_anaphor(tokens: Sequence[str]) -> bool:
    """A bare "others" in the opening words, not one added to a list ("X and others")."""
    opening = list(tokens[:OTHERS_WITHIN])
    if "others" not in opening:
        return False
    at = opening.index("others")
    return at == 0 or opening[at - 1] not in ("and", "or", ",")


def _presupposes(text: str) -> bool:
    """An iterative (ITERATIVE), an unnamed "other" set (``_other_set``) or an event the
    sentence has not told of (``_untold_event``) in ``text``."""
    low = text.lower()
    return bool(ITERATIVE.search(text)) or _other_set(low) or _untold_event(low)


# what names an event in full after its noun ("the arrest of Petrov", "the raid that …")
_POSTMODIFIERS = sorted(NOUN_PHRASE_GOES_ON - {"and", "or"})
_EVENT_AT = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.TIME_PREPOSITIONS)}) the "
    rf"({lexicon.alternation(lexicon.EVENT_NOUNS)})\b(?! (?:{'|'.join(_POSTMODIFIERS)})\b)"
    # a compound's first noun, not an event: "after the trial court ruled"
    r"(?! (?:court|chamber|judge|period|date|room|team|party|order|warrant)s?\b)"
)


def _untold_event(low: str) -> bool:
    """A bare definite event after a preposition of time ("… assaulted her during the
    arrest") that the sentence has not told of before it, by a word of the event's own
    (lexicon.EVENT_NOUNS: "… was detained in May and beaten during the detention")."""
    for m in _EVENT_AT.finditer(low):
        told = lexicon.EVENT_NOUNS[m[1]]
        if not any(w.startswith(told) for w in re.findall(r"[a-z]+", low[: m.start()])):
            return True
    return False


def _other_set(low: str) -> bool:
    """An "other" set (OTHER_SET) whose noun the sentence has not named before it: "our
    allies … ; other allies are doing the same" names its set."""
    if "other " not in low:
        return False  # most sentences: the pattern's lookbehinds are slow to rule them out
    for m in OTHER_SET.finditer(low):
        counted = low[: m.start()].split()[-1:]
        if counted and (counted[0].isdigit() or counted[0] in lexicon.NUMBER_WORDS):
            continue  # "the United States and 44 other countries": counted, not anaphoric
        noun = content_words(m[0].split()[-1])
        if noun and noun[0][:STEM] not in {w[:STEM] for w in content_words(low[: m.start()])}:
            return True
    return False


_CONNECTIVE_PHRASE = re.compile(rf"{lexicon.alternation(CONNECTIVE_PHRASES)}[ ,]")


_DISCOURSE_MARKER = re.compile(rf"(?:{lexicon.alternation(lexicon.DISCOURSE_MARKERS)}),")


def discourse_marker(text: str) -> bool:
    """Whether ``text`` opens on a spoken discourse marker ("Look, …", "I mean, …"): a turn
    in talk the reader has not heard. A bullet drops a marker of one word as it drops a
    connective ("[T]he sanctions …"); a key quote is not one that opens on any."""
    return _DISCOURSE_MARKER.match(text.lstrip("“\"‘'([").lower()) is not None


# A bare definite legal instrument a verb takes ("… did not enforce the law"): the one the
# sentence before told of, when that sentence says what a law provides (LAW_ON_PAPER); not
# the law as the frame of an act ("Under the law, police detained …", "above the law").
_THE_LAW = re.compile(
    r"\b(?!(?:under|by|to|of|above|outside|before|within|with|in|against|beyond) )[a-z]+ "
    rf"the (?:{lexicon.alternation(lexicon.LEGAL_INSTRUMENTS)})\b(?! (?:of|on|that|which)\b)"
)


def _anchored_opening(doc: Document, text: str, start: int, end: int) -> bool:
    """Whether ``text`` opens on "The government" or "The country" of a report on one
    country, which the bracket names (``subject_inserts``): a unique referent, not a pointer
    to the sentence before that said it too."""
    inserts = subject_inserts(doc, start, end)
    opening = COUNTRY_REFERENCE.match(text)
    return bool(inserts and opening and inserts[0][0] == start + opening.end())


def leans_back(
    text: str,
    before: Sequence[Sentence],
    shown: str = "",
    unseen: str = "",
    spoken: bool = True,
    anchored: bool = False,
) -> bool:
    """Whether ``text`` opens on a word that points at a sentence the reader has not seen.
    ``shown`` is what the reader sees beside it (a quote's source title): "These drills …"
    under "China Stages Drills Around Taiwan" points at nothing unseen. ``unseen`` is more that
    the reader is not shown (the source's title, beside a bullet). In writing (not
    ``spoken``) a "this" or "these" anywhere points back too; a speaker's "this bill" is
    mostly the one in the room. An ``anchored`` opening definite ("The government" of a
    country report, ``_anchored_opening``) points at nothing before."""
    cased = re.sub(r"^\[(\w)\]", r"\1", text).lstrip("“\"‘'([")
    low = cased.lower()
    tokens = re.findall(r"[a-z’']+|[,;:]", low[:80])
    if not tokens:
        return False
    head = re.sub(r"[’'](?:s|re|ll|d|ve)$", "", tokens[0])  # "That’s", "They’re": as "That"
    if head in CONNECTIVES or _CONNECTIVE_PHRASE.match(low):
        return True
    if _other_anaphor(tokens) or THE_OTHER.match(low):
        return True  # "With regard to others who …": others than those the reader missed
    if not spoken and PARTITIVE.match(low):
        return True  # "Many of the prisons designated today …": which prisons?
    if DONE_SO.search(" ".join(tokens[:SUBSTITUTE_WITHIN])) or _done_that(low):
        return True  # "We have done so over …": the act is in the sentence before
    if ADDITION.search(" ".join(tokens[:8])) or "too" in tokens[:4] or AS_WELL.search(low):
        return True  # "There is also …": one more of something the reader has not seen
    if ALSO_AFTER_SUBJECT.search(" ".join(tokens[:ALSO_WITHIN])) and "not only" not in low:
        return True  # "Protesters, including minors, also reported …"
    if LIKE_BEFORE.search(" ".join(tokens[:ALSO_WITHIN])):
        return True  # "The ministry likewise banned …": like what?
    if any(p in low for p in ANAPHORIC_PHRASES):
        return True  # "… in this regard"
    unquoted = _QUOTED.sub(" ", low)
    if similar_unnamed(unquoted):
        return True  # "We have a number of similar initiatives ongoing …": like which?
    if not spoken and _presupposes(_QUOTED.sub(" ", cased)):
        # "… was arrested again", "… property of other Baha’is"; a speaker's "again" is
        # mostly of what the room has heard (QMSum 100w R-2 12.74 -> 12.42 with speech too)
        return True
    final = FINAL_POINTER.search(low[-24:])
    if final and not (final[0].startswith("there") and PLACE_NAMED.search(text)):
        return True  # "… our allies in this.", "… catastrophe there."
    if DISTAL_SHELL.search(low):
        return True  # "… has anything been decided on that front?"
    if COUNTED_MORE.match(low) or REPLY_TO_UNSEEN.match(low):
        return True  # "Millions more are …", "NATO has responded with …"
    added = ADDED_AMOUNT.search(low)
    if added and not re.search(r"\d", low[: added.start()]):
        return True  # "… for an additional 45 days" (not "12 … and another 30")
    if not spoken and ECHO.match(low):
        return True  # "As the Secretary noted, …" in writing; a speaker's is of the same talk
    if not spoken and NUMBERED_PART.match(low):
        return True  # "During Part One, …": one part of an event the reader was not told of
    if COUNTED_DEFINITE.search(low[:80]):
        return True  # "the two reports comprise …": two the reader was told of before
    if INNER_CONNECTIVE.search(low[:60]) or FINAL_CONNECTIVE.search(low[-24:]):
        return True  # "In some cases, however, …": set against what came before
    if not spoken and points_back_inside(low, shown):
        return True  # "… that these steps are critical …", "We have taken this action …"
    if tokens[1:3] and tokens[1] == "of" and tokens[2] in ANAPHORS and head in QUANTIFIERS:
        return True  # "All of these things …", "Each of them …"
    if DEMONSTRATIVE_PRONOUN.search(" ".join(tokens[:12])):
        return True  # "All of these are …", "an important part of that is …"
    if INTRODUCED_PRONOUN.match(low):
        return True  # "Look, for us, this is …"
    if not spoken and (INTRODUCED_PERSONAL.match(low) or TIMED_PERSONAL.match(low)):
        return True  # "Unreversed, it will …"; a speaker's "So, they …" is of the talk
    if not spoken and tokens[1:2] in (["it"], ["they"]) and _adverb(low):
        return True  # "Together they constituted …", "Now it is …": the same, with no comma
    if not spoken and UNANCHORED_RESPONSE.match(cased):
        return True  # "The PRC’s escalatory response risks …": a response to what?
    if not spoken and plural_unnamed(text):
        return True  # "In May, the Supreme Court canceled their convictions": whose?
    if REPORTED_PRONOUN.search(low) or _object_pronoun(low):
        return True  # "Moscow says this makes it …", "We’ve conveyed it repeatedly"
    clause = INTRODUCED_DEMONSTRATIVE.match(low)
    if clause:  # "Combined with $300 million …, this additional drawdown brings …"
        named = {w[:STEM] for w in content_words(shown)}
        phrase = [w for w in content_words(" ".join(clause[1].split()[:2])) if len(w) > 3]
        return not phrase or not all(w[:STEM] in named for w in phrase)
    if head == "it" and expletive_it(cased):
        return False  # "It is important that …", "It is with … in mind that we …"
    if head in ANAPHORS:
        nxt = tokens[1] if len(tokens) > 1 else ""
        if re.sub(r"[’']s$", "", nxt) in TIME_NOUNS:
            return False  # "This week, …", "This year’s report …": a time, not a pointer
        named = {w[:STEM] for w in content_words(shown)}
        return not any(w[:STEM] in named for w in content_words(nxt) if len(w) > 3)
    if before and LAW_ON_PAPER.match(before[-1].text) and _THE_LAW.search(low):
        return True  # "The government did not implement the law effectively": which law?
    if before and _grounds_of_decision(cased, before[-1].text):
        return True  # "Borsk Trading Ltd. served as …" after "… is designating … Borsk …"
    if before and not shown and _general_reference(tokens):
        # "The rules take effect …" after "… new licensing requirements …": a general noun
        # names what came before in other words, so no word of it need have been said. Under
        # a title shown beside it (a quote's), it names what the title names.
        return True
    if head == "the" and len(tokens) > 2 and text.lstrip("“\"‘'([")[4:5].islower() and not anchored:
        return _definite_said_before(tokens, before, unseen)
    return False


def reports_what_came_before(text: str, before: Sequence[Sentence], unseen: str = "") -> bool:
    """Whether a source's report opens ``text`` on a bare definite subject the sentences
    before named ("IPYS reported the abuses affected …", "Memorial reported the individuals
    were …"), as "The abuses affected …" would. In a report, which tells many cases, the
    definite is one of the cases before; in a news story it is mostly the story's own ("Relief
    workers said the hurricane destroyed …")."""
    reported = _REPORTED_CLAUSE.match(text)
    if reported is None:
        return False
    words = re.findall(r"[a-z’']+|[,;:]", text[reported.end() :].lower()[:80])
    return len(words) > 2 and _definite_said_before(words, before, unseen)


# A source's report opening a sentence, its clause's subject next: "IPYS reported (that) …",
# "Human rights groups said …" (a name or a short noun phrase, then a reporting verb).
_REPORTED_CLAUSE = re.compile(
    r"^(?:[A-Z][\w’'.-]*(?: (?:[A-Z][\w’'.-]*|of|for|and|the))*|[A-Z][a-z]+(?: [a-z]+){0,3}) "
    r"(?:reported|said|stated|noted|claimed|alleged|wrote|found|confirmed)(?: that)? (?=the [a-z])"
)


def _definite_said_before(tokens: Sequence[str], before: Sequence[Sentence], unseen: str) -> bool:
    """Whether ``tokens`` (lower case, from a "the") open on a bare definite subject whose
    nouns the sentences before named ("The designations mark …", "The designated vessels
    have …"): it is anaphoric."""
    subject = [w for w in tokens[1:3] if w not in NOUN_PHRASE_GOES_ON and w not in ",;:"]
    if not (len(subject) == 2 or (subject and tokens[2] not in NOUN_PHRASE_GOES_ON)):
        return False
    said_before = {w[:STEM] for t in [*(s.text for s in before), unseen] for w in content_words(t)}
    stems = [w for s in subject for w in content_words(s) if len(w) > 3]
    return any(w[:STEM] in said_before for w in stems)


# A subject that is someone's response with nothing it responds to: a relational noun
# (Barker 1995) without its "to …" bridges to an event told before (Clark 1975): "The PRC’s
# escalatory response risks …", "Moscow’s reaction was swift …". Not "The emergency response
# teams …", where the noun is a modifier.
UNANCHORED_RESPONSE = re.compile(
    # someone's response ("The PRC’s escalatory …", "The allies’ …"), or a name's or the bare
    # one ("The U.S. response", "The response"): not "The immune response", a term of its own
    r"^(?:(?:The )?(?:[A-Za-z][\w.-]* ){0,3}[A-Za-z][\w.-]*(?:[’']s|s[’']) (?:[a-z-]+ )?"
    r"|The (?:[A-Z][\w.-]*(?: [A-Z][\w.-]*)* )?)"
    r"(?:response|reaction|reply|retaliation|answer|counter-?measures?)(?! to\b| of\b)"
    r"(?= (?:is|are|was|were|has|have|had|will|would|may|might|could|can|risks?|remains?"
    r"|came|comes|included|includes)\b)"
)
# A name as a release writes one: capitalised words, with the particles inside Arabic names
# ("Ahrar al-Sharqiya") and a company's abbreviations ("Co. Ltd.").
_NAME_RUN = re.compile(r"[A-Z][\w’'.&-]*(?: (?:[A-Z][\w’'.&-]*|al-[A-Z][\w’'-]*))+")
# A listed decision announced in progress, the release's own voice ("The Department of State
# is designating …", "… is also imposing sanctions on …"): what follows it is whom it concerns.
_DECISION_ANNOUNCED = re.compile(
    r"\b(?:is|are|am)(?: (?:also|today|now|hereby))* "
    rf"(?:{'|'.join(lexicon.LISTED_DECISIONS)})\w*ing\b"
)


def _grounds_of_decision(text: str, previous: str) -> bool:
    """Whether ``text`` opens on a name (two words or more) that ``previous`` announced a
    listed decision about: "The Department of State is designating one Vietnam-based entity,
    Truong Phat Loc Shipping Trading JSC, for …", then "Truong Phat Loc Shipping Trading JSC
    served as the … manager for a vessel …". The second gives the grounds; alone, it hides the
    decision that makes it news."""
    decision = _DECISION_ANNOUNCED.search(previous)
    opening = _NAME_RUN.match(text)
    if decision is None or opening is None:
        return False
    # whom it concerns: its object, up to its grounds or a clause of its own ("… two
    # officials for their involvement in … Saudi Arabia", "… firms that helped North Korea …")
    end = _OBJECT_ENDS.search(previous, decision.end())
    concerned = _NAME_RUN.finditer(previous, decision.end(), end.start() if end else len(previous))
    return opening[0].rstrip(".,") in {m[0].rstrip(".,") for m in concerned}


_OBJECT_ENDS = re.compile(
    r"\b(?:for|pursuant|under|because|that|which|who|whose|in connection|following)\b|[;:]"
)


# The verb of an "it" that is a placeholder: a copula, or a modal or perfect before "be".
_COPULA = frozenset(("is", "was", "’s", "'s", "remains", "seems", "appears"))
# adjectives whose "it" is the infinitive's own subject ("It is due to be completed …", "It is
# able to strike …")
_RAISING = frozenset(
    "due likely unlikely certain sure bound set about able unable ready willing eager free "
    "keen".split()
)
# a cleft's focus phrase: "It is with … in mind that …", "It was not until 2019 that …",
# "It is because of … that …"; not a place ("It is near a town that …")
_CLEFT_FOCUS = frozenset(("with", "until", "because", "through", "thanks", "only"))
_BREAKS = frozenset((",", ";", ":", "–", "—", "-"))  # "It was about honor …; everything that …"


def expletive_it(text: str) -> bool:
    """Whether a sentence's opening "it" stands for nothing (Quirk et al. 1985, 18.25-18.33):
    the subject of a cleft, whose focus is a phrase and whose clause follows "that" ("It is
    with the welfare of … in mind that we are announcing …", "It was not until 2019 that …"),
    or of an extraposed clause after an adjective or a phrase ("It is important that …", "It
    is critical to hold …", "It is in everyone's interest to end …"). "It is a step …" and
    "It is unacceptable." point back."""
    words = [(w.lower(), pos) for w, pos, _, _ in postag.tag(text[:200])]
    i = 1
    if words[i : i + 2] and words[i][0] in ("will", "would", "may", "might", "has", "had"):
        i += 1  # "It will be …", "It has been …"
    if i >= len(words) or words[i][0] not in (*_COPULA, "be", "been"):
        return False
    i += 1
    if words[i - 1][0] in ("seems", "appears") and [w for w, _ in words[i : i + 1]] == ["that"]:
        return True  # "It seems that the talks failed."
    adverbs = set()
    while i < len(words) and words[i][1] == "RB":
        adverbs.add(words[i][0])
        i += 1  # "not", "also", "deeply"
    if adverbs & {"so", "too"} or i >= len(words) or words[i][1] not in ("JJ", "IN"):
        return False  # "It is so large that it …", "It is too heavy to lift"
    phrase = words[i][1] == "IN"
    focus = words[i][0]
    if phrase and not (
        focus in _CLEFT_FOCUS
        or "not" in adverbs
        or (focus == "in" and any(w == "interest" for w, _ in words[i : i + 6]))
    ):
        return False  # "It is at the centre of a dispute that …": a relative "that"
    # "It is due to be completed …": the "it" of a raising adjective is the infinitive's own
    # subject
    raising = words[i][0] in _RAISING
    for j in range(i + 1, len(words)):
        word, pos = words[j]
        following = words[j + 1][1] if j + 1 < len(words) else ""
        if word in ("that", "whether") or (word == "to" and following == "VB" and not raising):
            return True
        if pos in postag.FINITE or not phrase or word in _BREAKS:
            return False  # an adjective takes its clause at once; a phrase's own clause ends it
    return False


def _done_that(low: str) -> bool:
    """A "do that" in a sentence's opening words, before a pause, its end or a preposition, with
    no clause before it in which its act could be named ("… and we will do that in May")."""
    words = " ".join(re.findall(r"[a-z’']+|[,;:]", low))
    m = DONE_THAT.search(words)
    if m is None:
        return False
    before = words[: m.start()].split()
    return len(before) < DEMONSTRATIVE_WITHIN and not {",", ";", "and", "but", "or"} & set(before)


# He, him, his, she, her: a person the sentence must have named before it points at them.
PERSONAL = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
# A possessive in an opening phrase whose subject, named right after the comma, it stands for
# (backward anaphora into a preposed phrase, Reinhart 1983): "In his first weeks in office,
# President Biden signed …".
_CATAPHORA = re.compile(
    r"[A-Z][a-z]* [^,]*\b(?:his|her)\b[^,]*, (?:[A-Z][\w.’'-]* ){0,2}"
    rf"(?i:{'|'.join(sorted(lexicon.TITLE_WORDS))}) (?:[A-Z][\w.’'-]* ){{1,3}}[a-z]"
)
CALENDAR_WORDS = frozenset(lexicon.MONTHS) | frozenset(lexicon.WEEKDAYS)
_ANTECEDENT = re.compile(r"(?<!\bthe )(?<!\bThe )(?<=\s)[A-Z][a-z][\w’'-]*")


def _someone(text: str, word: re.Match[str]) -> bool:
    """Whether a capitalised ``word`` may name whom a "he" or "her" is: not a month or a day,
    nor a word of a name whose last word makes it an organisation ("Leeds Crown Court heard
    he was …": a court is no "he")."""
    if word[0] in CALENDAR_WORDS:
        return False
    run = _ONE_NAME.match(text, word.start(word.lastindex or 0))
    if run is None:
        return True
    words = run[0].split()
    if any(re.search(r"[’']s?$", w) for w in words):
        return True  # the run names its owner, a person or not
    return words[-1] not in lexicon.ORGANISATION_HEADS


# The capitalised words of one name, from one of them on: "Leeds Crown Court". With a word
# in the possessive in it, it names that word's owner ("Nigel Farage's Reform Party").
_ONE_NAME = re.compile(r"[A-Z][\w-]*(?:[’']s?)?(?: [A-Z][\w-]*(?:[’']s?)?)*")


def _adverb(low: str) -> bool:
    """Whether the sentence's first word is an adverb, by its part of speech."""
    first = postag.tag(low[:40])[:1]
    return bool(first) and first[0][1] == "RB"


def _opens(text: str, m: re.Match[str]) -> bool:
    """Whether ``m`` opens a sentence of ``text`` (a bullet may hold two) or a clause after a
    pause: where a capital says nothing of a name."""
    before = text[: m.start()].rstrip(" “\"‘'([")
    return not before or before.endswith((",", ".", "!", "?", ":", ";"))


def _common_not_name(word: str, context: str) -> bool:
    """Whether ``context`` writes ``word`` in lower case, and more often so than capitalised
    inside a sentence: "police" (however often "the National Police"), not "Price" (a surname
    that is also a word: "prices", "Ned Price")."""
    if not common_word(word, context):
        return False
    lower = len(re.findall(rf"\b{re.escape(word.lower())}\b", context))
    inside = len(re.findall(rf"(?<=[\w,] ){re.escape(word)}\b", context))
    return lower >= inside


def dangling_person(text: str, context: str = "") -> bool:
    """Whether the sentence says "he" or "her" of someone it has not named: "the Act named
    after him". A name is a capitalised word that no "the" makes a thing, that ends no
    organisation's name ("Leeds Crown Court"), and, first in the sentence, is in the
    possessive only as a surname (``_possessive_of_nobody``: not "Today’s", "Iran’s") and is
    no common word: one its source (``context``) writes in lower case too, more often than
    capitalised inside a sentence ("Police detained her", "Soon he …"; not "Price said his
    …")."""
    text = re.sub(r"^\[(\w)\]", r"\1", text)  # "[T]he call …" opens on "The"
    # capitalised inside a sentence, "He" is a name ("Hours after the verdict, He Xintong …")
    m = next((p for p in PERSONAL.finditer(text) if p[0].islower() or _opens(text, p)), None)
    if not m or any(_someone(text, w) for w in _ANTECEDENT.finditer(text, 0, m.start())):
        return False  # named before ("On August 30, officials moved her": a month is nobody)
    if _CATAPHORA.match(text) and m.start() < text.find(","):
        return False  # named right after: "In his first weeks in office, President Biden …"
    first = re.match(r"[“\"‘'(\[]*([A-Z][\w’'-]*)", text)
    if first is None or first.end() >= m.start():
        return True
    # "Putin said his …" names him first; "Today’s action …", "The Act …", "Police
    # detained her" (a plural noun, no one person) and "Last June, he …" do not
    word = first[1]
    return (
        not _someone(text, first)  # "Leeds Crown Court heard he …"
        or _common_not_name(word, context)
        or word.lower() in STOPWORDS
        or word.lower() in lexicon.TIME_OPENERS
        or word in CALENDAR_WORDS
        or _possessive_of_nobody(word, text[first.end() : m.start()], context)
    )


def _possessive_of_nobody(word: str, after: str, context: str) -> bool:
    """A first word in the possessive whose "he" is not the one it names: anything but a
    person's surname ("Today’s action …", "Iran’s judiciary said he …"), or the owner of a
    person by position ("Malaysia’s prime minister … his": the unnamed one). "Prodi’s
    far-left ally … his budget", "Xu’s wife said … he" name him."""
    stem = re.sub(r"[’']s$", "", word)
    if stem == word:
        return False
    held = [w.split("-")[0] for w in after.lower().split()[:3]]
    # a person's surname: the source writes it after a given name or a title ("Wenli Xu",
    # "Mr Xu"); a country or a body ("Iran's judiciary said he …") it does not
    given = (g[1] for g in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(stem)}\b", context))
    person = any(g.lower() not in STOPWORDS for g in given)
    return not person or any(w in lexicon.ROLE_NOUNS for w in held)


# What a "their" may stand for in its own sentence: a plural noun (by its tag, or its "-s":
# the tagger reads many as verbs, "granted detainees"), an irregular plural, a coordination
# ("Rouhi and Mohammadifard appealed their sentences"), "they", or a word for some or any of
# a kind ("those with …", "any person", "each": singular they).
_ANYONE = frozenset(
    """they them those these all many most some both others each every everyone everybody
    anyone anybody someone somebody nobody whoever any one no people children men women
    police personnel staff""".split()
)
_THEIR = re.compile(r"\b[Tt]heirs?\b")
_RUN_IN_LABEL = re.compile(r"^[A-Z][^:.;]{0,80}: (?=[A-Z])")
_NOT_PLURAL = re.compile(r"(?:ss|us|is|[’']s)$")


def plural_unnamed(text: str) -> bool:
    """Whether a "their" stands for people or things the sentence has not named: "In May,
    the Supreme Court canceled their convictions." Its antecedent comes first, or right after
    an opening phrase that holds the "their" ("Following their hunger strikes, Jafar Panahi
    … were released": backward anaphora, as in ``_CATAPHORA``)."""
    if not _THEIR.search(text, 0, MAX_PLURAL_CHARS):
        return False  # most sentences: no tagging
    text = _RUN_IN_LABEL.sub("", text, count=1)  # "Availability of …: To update their …"
    tagged = postag.tag(text[: _tagged_upto(text)])
    at = next((i for i, t in enumerate(tagged) if t[0].lower() in ("their", "theirs")), None)
    if at is None or tagged[at][2] >= MAX_PLURAL_CHARS:
        return False
    comma = next((i for i, t in enumerate(tagged) if t[0] == ","), None)
    preposed = tagged[0][1] in ("IN", "TO", "VBG")  # "Following …,", "To update …,"
    upto = comma + PREPOSED_SUBJECT if preposed and comma is not None and at < comma else at
    tags = [t for _, t, _, _ in tagged] + [""]
    return not any(
        _plural(word, tag, tags[i + 1]) for i, (word, tag, _, _) in enumerate(tagged[:upto])
    )


def _tagged_upto(text: str) -> int:
    """Where the tagging ``plural_unnamed`` needs may stop: two words past the last token it
    reads (the "their", or an opening phrase's subject after its comma). The tagger reads
    left to right, seeing two words ahead, so the tags up to there are the whole sentence's."""
    spans = postag.tokens(text)
    words = [text[a:b].lower() for a, b in spans]
    at = next((i for i, w in enumerate(words) if w in ("their", "theirs")), len(words))
    comma = next((i for i, w in enumerate(words) if w == ","), None)
    last = max(at, comma + PREPOSED_SUBJECT) if comma is not None and comma > at else at
    return spans[min(last + LOOKAHEAD, len(spans) - 1)][1] if spans else len(text)


LOOKAHEAD = 3  # the tagger's features see two words ahead; one more for the tag after a word


def _plural(word: str, tag: str, after: str) -> bool:
    low = word.lower()
    if tag == "CC" or low in _ANYONE:
        return True
    if after in ("NN", "NNP"):
        return False  # a plural modifying a noun: "an appeals court"
    if tag in ("NNS", "NNPS"):
        return True
    plural_form = len(low) > 3 and low.endswith("s") and not _NOT_PLURAL.search(low)
    return tag in ("VBZ", "NNP") and plural_form


MAX_PLURAL_CHARS = 200  # a "their" further in than this has had a subject to stand for
PREPOSED_SUBJECT = 6  # tokens after an opening phrase's comma where its subject is named


def _general_reference(tokens: Sequence[str]) -> bool:
    """A definite general noun ("the rules", "the practical effect") as the subject, in the
    subject's "of" phrase ("A breach of the agreement could …"), or as what someone is
    reported to say ("diplomats said the findings …"), that no "of …" or "on …" after it says
    more of."""
    starts = [0] if tokens[:1] == ["the"] else []
    if tokens[:1] in (["a"], ["an"], ["the"]):
        starts += [i + 1 for i in (2, 3) if tokens[i : i + 2] == ["of", "the"]]
    starts += [
        i + 1
        for i, t in enumerate(tokens[:12])
        if t in REPORTING and tokens[i + 1 : i + 2] == ["the"]
    ]
    for i in starts:
        for j in (i + 1, i + 2):  # the noun, or the noun after one adjective
            if j < len(tokens) and tokens[j] in GENERAL_NOUNS:
                after = tokens[j + 1] if j + 1 < len(tokens) else ""
                if after not in NOUN_PHRASE_GOES_ON and after not in ",;:":
                    return True
    return False


REPORTING = frozenset("said says say added warned argued noted claimed stated told".split())


# A plural noun (a pronoun "those" is followed by an adjective or participle: "those
# responsible", "those affected"), and plural times ("these days").
_NP_WORD = re.compile(r"[a-z’'-]+")
_PLURAL_NOUN = re.compile(r"[a-z]+[^s’'u]s|people|children|men|women")
_TIMES = frozenset({"days", *(t + "s" for t in TIME_NOUNS)})
# A restrictive relative clause right after a demonstrative's noun: the noun phrase points
# ahead, to the clause (cataphora), not back.
_RESTRICTED = re.compile(r" (?:who|whom|whose|which|that|where)\b")


def points_back_inside(low: str, shown: str, plural_only: bool = False) -> bool:
    """A demonstrative noun phrase past the opening ("these steps", "this action") whose noun
    neither the sentence before it nor what the reader is shown names: "this" and "these"
    point at something said before, unless they name a time ("this year"). ``plural_only``:
    only "these" and "those" count (a quote from speech: "this bill" may be the one in the
    room, but "these peace efforts" are ones the speaker spoke of before)."""
    named = {w[:STEM] for w in content_words(shown)}
    for m in INNER_DEMONSTRATIVE.finditer(low, 1):
        noun, pointer = m[1], m[0].split()[0]
        # the noun phrase's first two words: "these peace efforts"
        plural = any(
            _PLURAL_NOUN.fullmatch(w)
            for w in _NP_WORD.findall(low, m.start(1), m.start(1) + 60)[:2]
        )
        if pointer == "those" and not plural:
            continue  # "those responsible", "those affected": a pronoun, with what they are
        if plural_only and not (pointer in ("these", "those") and plural):
            continue
        stems = content_words(noun)
        if noun in TIME_NOUNS or noun in _TIMES or not stems:
            continue  # a time: "this year", "these days"
        if m[0].startswith("those") and _RESTRICTED.match(low, m.end()):
            continue  # one a relative clause picks out: "those states that …"
        if noun in lexicon.CLASS_NOUNS and _within_sentence(low, m.start()):
            continue
        earlier = {w[:STEM] for w in content_words(low[: m.start()])}
        if stems[0][:STEM] not in earlier | named:
            return True
    return False


# A relative clause right before a demonstrative: "… officials in the institutions that run
# those facilities".
_IN_RELATIVE = re.compile(r"\b(?:that|which|who|whose|where)(?: [a-z]+){0,2} $")
# Things the sentence counts before: "eight Syrian prisons", "12 firms".
_COUNTED_THINGS = re.compile(
    rf"\b(?:\d[\d,.]*|{'|'.join(sorted(lexicon.NUMBER_WORDS))}) (?:[a-z’'-]+ ){{0,2}}[a-z]+s\b"
)


def _within_sentence(low: str, at: int) -> bool:
    """Whether a demonstrative general noun (lexicon.CLASS_NOUNS) at ``at`` points inside its
    sentence: it stands in a relative clause after the sentence has counted things out ("The
    United States is sanctioning eight Syrian prisons, five … officials in the institutions
    that run those facilities"), which it takes up under a wider name. "… 12 firms that
    committed those violations" still points back."""
    return bool(_IN_RELATIVE.search(low[:at]) and _COUNTED_THINGS.search(low[:at]))


def first_person(text: str) -> bool:
    """Whether the sentence speaks in the first person outside quotation marks."""
    return bool(FIRST_PERSON.search(_QUOTED.sub(" ", text)))


def _wholly_quoted(text: str) -> bool:
    body = text.strip()
    return (
        body[:1] in '“"'
        and body.rstrip(".").endswith(("”", '"'))
        and _QUOTED.fullmatch(body.rstrip(".")) is not None
    )


def _unbalanced_quote(text: str) -> bool:
    opens = text.count("“") + text.count("``")
    closes = text.count("”") + text.count("''")
    straight = text.count('"')
    return opens != closes or straight % 2 == 1
