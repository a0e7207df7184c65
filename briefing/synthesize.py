"""Topic synthesis: a topic's summary chosen across all of its sources at once.

Selection is Lin & Bilmes (2011)'s monotone submodular objective, maximised greedily with a
cost-scaled gain under a word budget:

    F(S) = Σ_i min(C_i(S), α·C_i(V)) + λ·Σ_k sqrt(Σ_{j ∈ S ∩ P_k} r_j)
                                      + μ·Σ_d sqrt(Σ_{j ∈ S ∩ D_d} r_j)

C_i(S) is how much the chosen sentences S cover sentence i (TF-IDF cosine), the first term
saturates so that one well-covered development does not crowd out the others, P_k are clusters
of similar sentences (the diversity reward takes a little from each), D_d the sentences of
source d (μ = SOURCE_DIVERSITY, none when a question is asked), and r_j is a sentence's
reward: its centrality, biased towards the topic's query and keywords when there are any, and
towards substance (names, numbers, dates, decisions) rather than rhetoric.

Before selection every sentence passes the editorial checks of ``briefing.editorial``: what
leans on an unseen sentence is left out, relative days are anchored to the source's date.
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import functools
import hashlib
import heapq
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

import numpy as np

from briefing import background as general
from briefing import lexicon, postag
from briefing.attribution import byline, interpreted, report_subject
from briefing.brackets import coverage_year, subject_inserts, without_subject_inserts
from briefing.config import Topic
from briefing.editorial import (
    TRIBUTE_SAYING,
    TURN_LABEL,
    Edited,
    edit,
    elision,
    first_person,
    qualified_after,
    run_in_heading,
)
from briefing.lexicon import DECISION_STEMS
from briefing.match import MIN_MENTIONS, stem
from briefing.model import Analysis, Document, Point, Sentence
from briefing.query import parse as parse_query
from briefing.query import plain_words, positive_terms
from briefing.summarize import MAX_WORDS, eligible
from briefing.text import (
    MAX_ANALYZED_CHARS,
    STOPWORDS,
    common_word,
    content_words,
    cosine,
    split_sentences,
    word_count,
)

DEFAULT_WORDS = 120  # words per topic summary, unless the config says otherwise
# Lin & Bilmes 2011's settings: saturation α = A/N, diversity weight λ, cost scaling r.
SATURATION_A = 5.0
DIVERSITY = 6.0
# The diversity reward again with the sources as its partitions, so that a topic's summary
# draws on more of its sources (a second partition of Lin & Bilmes's R(S)): in a topic of
# four releases on Hong Kong, one on Xinjiang and two on Taiwan, Taiwan gets a bullet. Not
# when a question is asked: there the answer may lie in few of the sources (DUC 2004 asked
# through the CLI, 250 words, R-2 16.53 -> 16.36 with it; generic 100 words 9.24 -> 9.59).
SOURCE_DIVERSITY = 3.0
COST_SCALE = 0.3
CLUSTER_SIM = 0.25  # sentences at least this similar to a cluster's leader join it
HEADING_SHARE = 0.5  # how far a section heading naming all of a query raises its sentences
HEADING_CAPITALS = 0.5  # the share of a heading's words that are capitalised, at least
QUERY_SHARE = 0.5  # with a query: half of a sentence's reward is its relevance to it
ANSWER_SHARE = 0.5  # asked of many reports: half of the reward for one more report is its answer
FEEDBACK = 5  # the sentences most on the query, whose words widen it…
FEEDBACK_SHARE = 0.5  # …for this share of a sentence's relevance
# With a query, a word's weight in relevance is CLASSY's approximation of the oracle score
# (Conroy, Schlesinger & O'Leary, DUC 2005-2006): ½ for being in the query and ½ for being in
# the cluster's topic signature (Lin & Hovy 2000; briefing.background.signature), the words its
# sources use far more often than a background corpus does. An IDF inside the cluster weighs
# least the words the cluster is about; the signature names them.
QUERY_TERMS = 0.5
ACTION_SHARE = 0.5  # a keyword topic's subject without what it asks of it (_keyword_relevance)
# A signature word is one several sources share: a few excerpts of one transcript are not a
# cluster on one topic, and their words against a written background measure how people speak
# ("think", "know"), not what they speak about.
SIGNATURE_SOURCES = 4
SUBSTANCE_WEIGHT = 2.0  # how far substance raises a sentence's reward (at most 1 + this)
TITLE_WEIGHT = 1.0  # how far saying what the headline says raises a sentence's reward
LEAD_WEIGHT = 1.0  # a news writer's lead sentences are their own summary
REPORT_LOCATION = 1.0  # how far a report's first pages outweigh its last
# A section its author heads as the summary ("Executive Summary", "Key Findings", "Overview")
# is the author's own summary of the whole (Edmundson 1969's cue words, in a heading): its
# sentences weigh as a news writer's lead does, each of them.
SUMMARY_WEIGHT = 1.0
SUMMARY_HEADING = re.compile(
    r"(?:[a-z0-9]{1,3}[.)] )?(?:executive summary|summary|summary of (?:key )?findings"
    r"|(?:key|main|principal) (?:findings|judg(?:e)?ments|points|messages)|overview|highlights"
    r"|at a glance|in brief|abstract)",
    re.I,
)
MAX_PER_SOURCE = 60  # the first eligible sentences of each source are candidates (more when
MAX_POOL = 600  # there are few sources), and the most central of them all: this bounds the
# work on 100 sources, and a single long report is read to its end
MAX_EDITED = 1000  # at most this many sentences are edited, the most central (see _most_central)
ABOUT_SHARE = 0.1  # a source naming the topic in this share of its sentences is about it
LEAN_BACK = 2  # a sentence that leans back is taken with at most this many before it…
MAX_RUN_WORDS = MAX_WORDS  # …when together they are no longer than one long sentence
NEAR_SENTENCES = 1  # a bullet right after another in its source is read after it
REDUNDANT = 0.6  # never two bullets this similar
# nor two from one source this similar: a source says one thing once, in other words twice
# ("We will aim to reinforce … supply chain …", "We aim to promote … supply chains")
REDUNDANT_IN_SOURCE = 0.4
# A shorter sentence is a slogan or a remark ("We stand with them.", "We'll give it just
# another moment."): too little for a reader to act on.
# A shorter one must be mostly names, numbers and decisions ("Japan called for restraint.").
MIN_BULLET_WORDS = 10
SHORT_SUBSTANCE = 0.6

# Whoever a transcript names by the chair they hold ("The Chair:", "The Acting Chair (Mr. …):",
# "The Presiding Officer:") runs the meeting: who speaks next, suspensions, the time left.
CHAIR = re.compile(
    r"(?:The )?(?:Acting |Deputy |Vice[- ])?(?:Chair(?:man|woman|person)?|Speaker|Convener"
    r"|Presiding Officer)$"
)
_MONTHS = re.compile(rf"\b{lexicon.month_pattern()}\b\.?")
# Rhetoric by its speech act (Searle's expressives and commissives): a sentence that only
# expresses a stance ("strongly condemn", "stand with", "welcome") or renews a commitment
# ("remain committed to", "will continue to support") says how someone feels about what
# happened, not what happened. Named data: the forms, not any one document's words.
STANCE = re.compile(
    r"\b(?:(?:strongly |firmly |unequivocally )?(?:condemn|deplore|denounce|applaud|commend|"
    r"salute|reaffirm|reiterate)(?:s|d|ed)?"
    # welcoming a decision or an event is a stance; welcoming someone (a name) to a body or a
    # place receives them, an act: "… welcomed Secretary General Mathias Cormann … to the
    # organization", "… welcomed Finland to NATO"
    r"|(?:strongly |warmly )?welcome[sd]?\b"
    r"(?! (?-i:[A-Z][\w.’'-]*(?: (?:of |the |de )?[A-Z][\w.’'-]*)*) (?:back )?to "
    r"(?-i:(?:the|our|its|their) \w|[A-Z]))"
    r"|(?:stands?|standing) (?:with|by|together|united|firm)"
    r"|(?:remains?|are|is|am|stay|stays) (?:\w+ )?(?:committed|dedicated|determined|steadfast|"
    r"united|resolute)"
    r"|(?:will|to) continue to (?:support|stand|press|call|urge|work|engage|monitor|provide|"
    r"use|coordinate|pursue|seek|hold|help|assist)"
    r"|continues? to (?:support|stand|press|call|urge|work|engage|monitor)"
    r"|(?:our|the) (?:\w+ )?(?:commitment|support|resolve|solidarity) (?:is|remains) (?:clear|"
    r"unwavering|steadfast|strong)"
    r"|(?:express(?:es|ed|ing)?|extend(?:s|ed|ing)?) (?:our |its |their )?(?:\w+ )?(?:condolences|"
    r"gratitude|concern|support|solidarity|appreciation|commitment)"
    # directives: an appeal to someone else to act ("call on", "urge")
    r"|(?:call|calls|called|calling) (?:up)?on|\bwe (?:\w+ )?call for"
    # a continued importance ("… remains critically important to our efforts")
    r"|remains? (?:\w+ly )?(?:important|vital|essential|crucial|critical|central)"
    r"|(?:urge|urges|urged|urging) (?:the|all|it|them|(?:[\w-]+ ){1,4}to)"
    # expressives about one's own words ("emphasized the urgency", "highlighted the importance",
    # "underscored the U.S. commitment")
    r"|(?:emphasi[sz]|highlight|underscor|acknowledg|stress)(?:e|es|ed|ing|s)? the "
    r"(?:importance|urgency|need|continued|value|role)"
    r"|(?:emphasi[sz]|highlight|underscor|stress|reaffirm|reiterat)(?:e|es|ed|ing|s)? "
    r"(?:the|our|its|his|her|their) (?:[\w.-]+ )?(?:commitment|support|solidarity|resolve)"
    # intentions with no act yet ("we aim to", "is taking action to promote")
    r"|(?:will )?aims? to|(?:is|are) taking (?:additional |further )?actions? to"
    r"|fully supports?|must renew"
    # expressives of feeling ("has been shocked and appalled by", "is deeply concerned")
    r"|(?:is|are|was|were|am|been) (?:deeply |profoundly |gravely )?(?:shocked|appalled|"
    r"outraged|saddened|alarmed|horrified|dismayed|troubled|disturbed|concerned)\b"
    r"|(?:i|we)(?: am|’m|'m| are|’re|'re) (?:\w+ )?(?:proud|pleased|delighted|honou?red|grateful|"
    r"thankful|thrilled|excited)\b"
    # ceremony: anniversaries
    r"|marks? the \w+ anniversary|commemoration)\b",
    re.I,
)
# An act announced and not said: "… we are taking action." (what follows says which).
UNSAID_ACT = re.compile(
    r"\b(?:take|takes|taking|took|taken) (?:\w+ ){0,2}(?:action|actions|steps|measures)"
    r"[.!]?[”\"’']?\s*$",
    re.I,
)
STANCE_DISCOUNT = 0.5  # a stance without a number keeps half its reward
PASSING_DISCOUNT = 0.5  # so does a sentence from a source that only touches on the topic
SLOGAN_WORDS = 15  # a sentence this short that only says what will or must be is a slogan
RHETORIC_WORDS = 2  # words of appraisal that make a sentence without news rhetoric
# A description of who someone is ("East Ocean Shipping Co. Ltd. is a port agent …", "The
# fund is a programme that …"): background to the news, not the news; it weighs as a stance.
DESCRIPTION = re.compile(
    r"^[^,;:]{3,90}? (?:is|are|was|were) (?:a|an|one of the|part of the) \w"
    # "Northern Shipping, a Russian shipping company, performs services for …": who it is
    # and what it does as a rule (the simple present), not what was done to it
    r"|^[^,;:]{3,90}?, (?:a|an) [^,;:]{3,90}, (?:is|are|performs|provides|operates|owns|"
    r"manages|serves|supplies|acts|works|has)\b"
)
# What a named thing is for, as a rule (the simple present, nothing dated or counted): "The
# Investment Climate Statements help U.S. companies make informed business decisions." The
# thing's description, after the news that it was published or launched.
PURPOSE = re.compile(
    r"^\W*(?:The|This|These|Its|Our) (?:[A-Z][\w’'-]* )*(?:Statements?|Reports?|Strateg(?:y|ies)"
    r"|Programm?es?|Plans?|Initiatives?|Index|Indices|Framework|Guides?|Guidance|Advisor(?:y|ies)"
    r"|Databases?|Platforms?|Tools?|Toolkits?|Handbooks?|Portals?|Websites?|Dashboards?) "
    r"(?:help|allow|enable|describe|give|offer|provide|serve)s? (?!as\b)\S"
)
# A schedule: who will travel where, with whom ("Special Representative Kim will be accompanied
# by …", "The Vice President will be headed to the region next week"), and what a meeting to
# come will talk about ("… ministers will discuss ways to …"): arrangements, not what
# happened; it weighs as a stance.
SCHEDULE = re.compile(
    r"\b(?:will|is to|are to|is scheduled to|are scheduled to) (?:also )?(?:be )?"
    r"(?:travel(?:ling|ing)?|visit(?:ing)?|accompanied|accompany(?:ing)?|head(?:ed|ing)?"
    r"|depart(?:ing)?|arriv(?:e|ing)|lead(?:ing)? (?:a|the) (?:\w+ )?delegation)\b"
    # the talk is the main clause's, not a second one's ("…, and the two sides will discuss
    # it again next week" after what happened)
    r"|^(?:(?!, (?:and|but|while|as) )[^;])*?\b(?:will|is to|are to|is scheduled to"
    r"|are scheduled to) (?:also )?(?:be )?discuss(?:ing|ed)?\b"
)
# That nothing happened, as a report finds it (a negative existential): "There were no reports
# of disappearances …", "No cases of … were reported during the year." What did happen is news.
NOTHING_HAPPENED = re.compile(
    r"^\W*(?:There (?:was|were|has been|have been|had been) no\b"
    r"|No (?:[\w-]+ ){1,6}(?:was|were|has been|have been) (?:reported|recorded|documented|found)"
    r"\b)"
)
# …and, in a government's own words, that nothing is: "There is no change in the respective
# one China policies …", "There is no justification to use a visit as pretext …" (a state,
# with nothing done, counted or dated: not "There is no longer any hospital …", "There are no
# survivors among the 40 passengers").
NOTHING_IS = re.compile(r"^\W*There (?:is|are) no\b(?! (?:longer|more|fewer|less)\b)")
# That words were said, and not what: "I know that there have been various statements made by
# the Taliban." (a that-clause would say what: "There have been reports that …" is news).
WORDS_WITHOUT_CONTENT = re.compile(
    r"^\W*(?:(?:I|We) (?:know|think|understand|recognize|note) (?:that )?)?[Tt]here (?:have been"
    r"|has been|were|are|was) (?:(?:various|many|several|numerous|some|a number of|a lot of) )?"
    r"(?:statements|comments|remarks|reports|claims|discussions|conversations|rumou?rs)"
    r"(?: made)?(?: (?:by|from) (?:the )?(?:[A-Z][\w’'-]*\s?){1,4})?[.!]$"
)
# Work said to remain, an exhortation with nothing done: "There is still much work to do in
# Iraq and Syria, where …", "There is more to be done …".
REMAINING_WORK = re.compile(
    r"^\W*(?:But |And )?[Tt]here (?:is|remains) (?:still )?(?:much|more|a lot|so much|a great deal)"
    r"(?: of)?(?: \w+)? (?:left )?to (?:be )?do(?:ne)?\b"
)
# A promise in one's own voice to go on doing what one does (a commissive): "We will
# continue to …", "The members of our coalition will continue to draw on …". "Prices will
# continue to rise" is a forecast, and no one's promise.
RENEWED = re.compile(r"\b(?:[Ww]e|I|[Oo]ur\b[^.,;:]{0,40}?) will continue to\b")
# Who went where and met whom: a readout of an official's day. In a government's own release
# or briefing it is the principal's schedule, not what was done there; a reporter reports a
# visit because it is news, so other sources are left alone.
READOUT = re.compile(
    r"\b(?:visited|attended|met (?:virtually )?with|travell?ed to|hosted|participated in"
    r"|spoke (?:by phone )?with|held (?:a |an )?(?:\w+ )?(?:meeting|call|talks) with)\b"
)
# Who takes which post: a government's own personnel notice ("… is pleased to announce that
# Matt Murray will be the new U.S. Senior Official for APEC"). Its office's business, not a
# development; a reporter reports an appointment that is news.
APPOINTMENT = re.compile(
    r"\b(?:will (?:be|serve as) the new|(?:has|have) been (?:appointed|named|nominated|sworn in)"
    r"|(?:was|were) (?:appointed|named|sworn in) (?:as )?(?:the )?(?:new )?[A-Z])"
)
# The name an appointment is of: the capitalised words right before its verb phrase.
_APPOINTEE = re.compile(r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)+)(?:,[^,]{1,60},)?$")
READOUT_SUBJECT_WORDS = 7  # "Secretary of State Antony J. Blinken"
OFFICIAL = ("press release", "transcript")  # a government's own words about its day
PADDED = (*OFFICIAL, "report")  # sources whose background only pads a topic with news enough
# A meeting as the frame of what came of it: "On Friday, the UN Human Rights Council
# concluded an Urgent Debate on …", before "The Council voted overwhelmingly to demand …". That
# a meeting was held is the circumstance; what came of it is the news (van Dijk 1988's main
# event against its circumstances). The frame is read with the next sentence when that one
# tells the outcome (``_with_outcome``). Alone, in a government's own release or briefing, it
# weighs as background, as a readout of a visit does (READOUT); a reporter reports a meeting
# because it is news.
FRAME = re.compile(
    r"\b(?:concluded|convened|opened|held|chaired|invoked|began)"
    r" (?:an? |the |its |their )?(?:[\w’'-]+ ){0,4}?(?i:debate|session|meeting|summit"
    r"|conference|dialogue|talks|consultations|ministerial|mechanism)s?\b"
    # a meeting told by its agenda: "… met in Paris on April 28 to discuss Syria"
    # (not "conditions are met", nor "… met none of its demands and has refused to discuss")
    r"|(?<!\bare )(?<!\bis )(?<!\bwere )(?<!\bwas )(?<!\bbeen )(?<!\bbe )"
    r"\b(?:met|gathered|convened)\b(?:(?!\band\b)[^;]){0,80}?\bto discuss\b(?![^;]*\band\b)"
)
# A publication is a frame as a meeting is: that reports were issued ("NGOs … issued
# periodic reports documenting abuses …") is the circumstance, what they found the news.
PUBLICATION = re.compile(
    r"\b(?:issued|published|released|produced) (?:an? |the |its |their )?(?:[\w’'-]+ ){0,3}?"
    r"(?:reports?|studies|study|surveys?|reviews?|assessments?)\b"
)
# what may follow a publication that is only a frame: its subject, or the sentence's end
SUBJECT_ONLY = re.compile(
    r"\s*(?:[.;,]|$|(?:documenting|detailing|describing|covering|examining|reviewing|about"
    r"|into)\b)"
)
OUTCOME = re.compile(r"\b(?:found|concluded that|demanded|called (?:on|for)|condemned)\b")
# An existential that brings things into the story ("… there have been protests against
# MONUSCO in eastern Democratic Republic of the Congo."), which the next sentence takes up
# ("A number of these protests have turned violent, resulting in … deaths …"): a presentational
# sentence sets the scene, what is said of what it presents is the news. Read together.
# The noun is the last word of the phrase, before a preposition or a pause ("there have been
# numerous protests against …", "… 40 protests in …"); "there were no …" presents nothing.
PRESENTED = re.compile(
    r"\b[Tt]here (?:have been|has been|were|was) (?!no\b)(?:[\w-]+ ){0,3}?([a-z]{3,}s)"
    r"(?= (?:against|in|of|at|on|over|across|by|from|near|after|since|during|throughout)\b"
    r"|[.,;:])"
)
# A sentence that gives an example of the one before: in a report, a finding ("There were
# reports of officials threatening journalists.") is told with the case that shows it, as the
# report tells it; alone it overstates what the case was.
EXAMPLE = re.compile(r"(?:For example|For instance|In one (?:case|instance)|As an example)\b")
PARTS_NAMED = 2  # capitalised words a decision's next sentence adds: a name ("God Nisanov")
ENOUGH_NEWS = 3  # candidates besides bare stances that a topic needs to do without them
_NUMBER = re.compile(r"\d")
_INSERTED = re.compile(r" \[[^\]]+\]")  # an editor's insertion: "today [18 May 2022]"
_TODAY_DATED = re.compile(r"(?<=\b[Tt]oday) \[[^\]]+\]|(?<=\b[Tt]onight) \[[^\]]+\]")
_NAME = re.compile(r"^[A-Z][\w.’'-]*$")
# Capitalised but no names: "I", and a courtesy title ("Mr. Chair" addresses the room; in
# "Mr. Bezan" the name is the surname)
_NOT_NAMES = ("I", "I’m", "I'm")


def source_id(doc: Document) -> str:
    """A stable id for a source: a short hash of its path."""
    return "s" + hashlib.sha1(str(doc.path).encode()).hexdigest()[:8]


@dataclass
class Candidate:
    """A sentence that may become a bullet, as edited for a reader."""

    edited: Edited
    doc: Document
    sentence: Sentence
    rank: int  # the source's rank in the topic (0 = most relevant)
    index: int  # its place among the source's sentences
    words: int = 0
    development: int = 0  # the cluster of similar sentences it belongs to, once selected
    passing: bool = False  # its source only touches on the topic
    # a decision told by its kind, with the next sentence that names its parts (_with_parts)
    parts: tuple[Edited, Sentence] | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (source_id(self.doc), self.sentence.start)


def candidates(
    found: Sequence[Analysis],
    *,
    terms: Sequence[str] = (),
    avoid: Iterable[tuple[str, int, int]] = (),
    focus: Sequence[str] | None = None,
    asked: Sequence[str] = (),
) -> list[Candidate]:
    """Every sentence of ``found`` that a bullet could be, edited to stand on its own.

    ``avoid`` holds (source id, start, end) spans already used elsewhere in the brief (key
    quotes, other topics' bullets): sentences overlapping them are left out. In transcripts,
    and other sources whose title does not name the topic's ``focus`` words (its keywords;
    default ``terms``), only sentences sharing a word with them are kept. A free-text query
    is no focus: its words need not be in a title.
    """
    used: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for sid, start, end in avoid:
        used[sid].append((start, end))
    focused = [*(terms if focus is None else focus), *asked]
    topic = focused if focus is None else list(terms)
    per_source = max(MAX_PER_SOURCE, MAX_POOL // max(1, len(found)))
    screened = [
        _screen(rank, analysis, topic, focused, asked, used[source_id(analysis.doc)], per_source)
        for rank, analysis in enumerate(found)
    ]
    central = _most_central(screened)
    out: list[Candidate] = []
    exemplified: dict[tuple[str, int], int] = {}  # a finding's start: where its example ends
    for source in screened:
        doc, sentences, sid = source.doc, source.sentences, source_id(source.doc)
        edits: dict[int, Edited | None] = {}
        taken = 0
        for i in source.rows:
            if taken >= per_source:
                break
            if central is not None and (source.rank, i) not in central:
                continue
            sentence = sentences[i]
            edited, at = edits.setdefault(i, edit(doc, sentences, i)), i
            if edited is None:  # it leans back: taken with what it leans on, if it can be
                edited, at = _with_previous(doc, sentences, i, edits)
                if edited is None:
                    continue
                if doc.doc_type == "report" and EXAMPLE.match(sentence.text):
                    exemplified[sid, sentences[at].start] = sentence.end
                sentence = Sentence(
                    doc.text[sentences[at].start : sentence.end],
                    sentences[at].start,
                    sentence.end,
                    sentence.speaker,
                    sentence.role,
                )
                if any(s < sentence.end and sentence.start < e for s, e in used[sid]):
                    continue  # the sentence it leans on is quoted elsewhere in the brief
            elif _undone_after(doc, sentences, i):
                continue  # told alone it misleads: taken with what undoes it, if it can be
            elif (
                FRAME.search(sentence.text)
                or PRESENTED.search(sentence.text)
                or (i + 1 < len(sentences) and elaborates(sentence.text, sentences[i + 1].text))
            ):
                run = _with_outcome(doc, sentences, i)
                if run is not None and not any(
                    s < run[1].end and run[1].start < e for s, e in used[sid]
                ):
                    edited, sentence = run
            if edited is None or (edited.said_by and CHAIR.match(edited.said_by)):
                continue
            n = word_count(edited.text)
            if _remark(edited):
                continue
            taken += 1
            # a transcript's sentences on the topic are answers about it: no half weight
            half = source.passing and doc.doc_type != "transcript"
            parts = _with_parts(doc, sentences, i) if sentence is sentences[i] else None
            if parts and any(s < parts[1].end and parts[1].start < e for s, e in used[sid]):
                parts = None  # the parts are quoted elsewhere in the brief
            out.append(
                Candidate(edited, doc, sentence, source.rank, at, n, passing=half, parts=parts)
            )
    return [
        c
        for c in out
        if c.sentence.end >= exemplified.get((c.key[0], c.sentence.start), c.sentence.end)
    ]


@dataclass
class _Screened:
    """A source's sentences that pass the checks cheaper than editing, in reading order."""

    rank: int
    analysis: Analysis
    passing: bool  # the source only touches on the topic
    rows: list[int]

    @property
    def doc(self) -> Document:
        return self.analysis.doc

    @property
    def sentences(self) -> Sequence[Sentence]:
        return self.analysis.sentences


def _screen(
    rank: int,
    analysis: Analysis,
    topic: Sequence[str],
    focused: Sequence[str],
    asked: Sequence[str],
    used: list[tuple[int, int]],
    per_source: int,
) -> _Screened:
    doc, sentences = analysis.doc, analysis.sentences
    # A source whose title names the topic is about it throughout, and so is writing whose
    # first sentence does (a news story's lead says what it is about, as its headline
    # would, and a plain-text file has no headline); one that only touches on it (a
    # transcript of many subjects, a report on a neighbouring country) gives its on-topic
    # sentences.
    # a transcript's sentences on the topic's words are answers about it, unless a
    # question asks about a name: then it is that name
    terms = in_source(topic if doc.doc_type == "transcript" and not asked else focused, doc.text)
    words = set().union(*terms)
    passing = bool(words) and not about(doc, sentences, words, terms)
    rows = []
    headings = _headings(doc.text) if doc.doc_type == "report" else ()
    whole = doc.doc_type == "report" and titled(doc, words, terms)
    topic_words = set().union(*phrases(topic))
    for i in _reading_list(doc.text, sentences, topic_words, per_source, whole=whole):
        sentence = sentences[i]
        if headings and restates_heading(sentence.text, section_heading(headings, sentence.start)):
            continue
        cut = elision(doc.text, sentence.start, sentence.end)
        elided = word_count(doc.text[cut[0] : cut[1]]) if cut else 0
        if not eligible(sentence, elided) and not _asker_says(doc, sentence):
            continue
        if any(s < sentence.end and sentence.start < e for s, e in used):
            continue
        if passing and not names(_outside_concession(sentence.text), terms):
            continue
        if (
            passing
            and subject_inserts(doc, sentence.start, sentence.end)
            and _named_only(sentence.text, words, doc.text)
        ):
            # its actor is the report's own state ("Government authorities [of North
            # Korea] jammed phones along the China border"): the topic, a name, is only
            # where; a topic that is an act ("… cut off the internet") is what it did
            continue
        if qualified_after(doc.text, sentences, i + 1) and (
            (doc.doc_type == "report" and _CLAIMED.search(sentence.text))
            or (doc.doc_type in OFFICIAL and stative(sentence.text))
        ):
            # a government's position set against right after ("… supports all forms of
            # assistance …" before "But …") is half of it; a fact before "But" stays a
            # fact, and in news the "But" is mostly another side's. A report sets the record
            # against what it relays ("Official statements asserted … The CCP, however,
            # retained a monopoly …"): alone, the first half reads as the report's own
            continue
        rows.append(i)
    return _Screened(rank, analysis, passing, rows)


def _named_only(text: str, words: set[str], document: str) -> bool:
    """Whether the topic ``words`` a sentence has are all in it as names ("… along the China
    border"), not as common words ("… the internet"): capitalised, and where it opens the
    sentence, never written in lower case in the ``document``."""
    tokens = re.findall(r"[\w’'-]+", text)
    shared = [(i, t) for i, t in enumerate(tokens) if words & set(content_words(t))]
    return bool(shared) and all(
        t[0].isupper() and (i > 0 or not common_word(t, document)) for i, t in shared
    )


def _most_central(screened: Sequence[_Screened]) -> set[tuple[int, int]] | None:
    """When more than MAX_EDITED sentences pass the cheap checks, the MAX_EDITED of them
    closest to the centroid of all (as ``_prune`` weighs the edited pool), by (source rank,
    index): editing is most of a synthesis's work, and the pool is pruned to the most central
    anyway. None when all of them are to be edited."""
    rows = [(s.rank, i, s.sentences[i].text) for s in screened for i in s.rows]
    if len(rows) <= MAX_EDITED:
        return None
    keep = _central(_tfidf([text for _, _, text in rows]), MAX_EDITED)
    return {rows[k][:2] for k in keep}


# A claim relayed: what a report sets right after it ("Official statements asserted …").
_CLAIMED = re.compile(
    r"\b(?:asserted|claimed|stated|said|maintained|insisted|alleged|argued|contended|asserts"
    r"|claims|states|says|maintains|insists)\b"
)


# An opening concession or contrast: "Despite territorial setbacks in Iraq and Syria, ISIS is
# expanding globally" is about ISIS; Syria is only what it is set against.
_CONCESSION = re.compile(
    r"^\W*(?:Despite|In spite of|Although|Though|While|Whereas|Unlike)\b[^,]*,"
)


def _outside_concession(text: str) -> str:
    """The sentence without an opening concession: where a topic named only there is not
    what the sentence is about (a subordinate clause's content is backgrounded)."""
    return _CONCESSION.sub("", text, count=1)


def _reading_list(
    text: str,
    sentences: Sequence[Sentence],
    words: set[str],
    per_source: int,
    whole: bool = False,
) -> list[int]:
    """The order in which a source's sentences are weighed as candidates: all of them in
    order when they fit in ``per_source``; else, with topic ``words``, the first half of that
    many and then the rest that name the topic or stand under a heading that does, the ones
    naming most of it first (each word weighted by how few of the source's sentences use
    it). A long report has its lead and the section that answers a question, which may come
    after its first hundred sentences. A long report whose title names the topic is on it
    throughout (``whole``): its summary, then its sections' openings (``_by_section``)."""
    n = len(sentences)
    if n <= per_source or not words:
        return list(range(n))
    found = _headings(text)
    if whole and found:
        return _by_section(sentences, [at for at, _ in found])
    head = per_source // 2
    heads = {h: words & set(content_words(h)) for _, h in found}
    named = [
        (
            i,
            words & set(content_words(sentences[i].text))
            | heads.get(section_heading(found, sentences[i].start), set()),
        )
        for i in range(head, n)
    ]
    spread = Counter(w for _, ws in named for w in ws)
    weight = {w: math.log(1 + n / k) for w, k in spread.items()}
    scored = [(sum(weight[w] for w in ws), i) for i, ws in named if ws]
    ranked = [i for _, i in sorted(scored, key=lambda t: (-t[0], t[1]))]
    return [*range(head), *ranked]


def _by_section(sentences: Sequence[Sentence], starts: Sequence[int]) -> list[int]:
    """A sectioned text's sentences in the order that reads the whole of it soonest: those
    before its first heading (its summary), then each section's first sentence (a section
    begins at each of ``starts``, its heading's line), then its first that opens on a day or
    a month (its first dated event: "On November 30, the Supreme Court granted …"), then each
    one's second, and so on (Edmundson 1969: a section opens on its point, and a cue marks a
    sentence that reports an event; a report states its findings, then the events that bear
    them out)."""
    place: Counter[int] = Counter()
    opening: dict[int, int] = {}  # a section's opening: after its heading's line, if a sentence
    dated: set[int] = set()
    order: list[tuple[float, int]] = []
    for i, sentence in enumerate(sentences):
        section = bisect.bisect_right(starts, sentence.start)
        rank: float = place[section] if section else -1
        if section and not place[section]:
            opening[section] = int(sentence.start == starts[section - 1])
        elif section and place[section] == opening[section] and DATED_EVENT.match(sentence.text):
            dated.add(section)  # the opening is dated: it is the section's dated event
        elif section and section not in dated and DATED_EVENT.match(sentence.text):
            dated.add(section)
            rank = opening[section] + 0.5  # after the sections' openings, before their next
        order.append((rank, i))
        place[section] += 1
    return [i for _, i in sorted(order)]


# A sentence that opens on when it happened, by a day or a month: "On May 2, …", "In October,
# …", "As of December 19, …", after a run-in heading if it has one ("Restrictions of Freedom
# of Expression: On November 30, …").
DATED_EVENT = re.compile(
    r"(?:[A-Z][^:.;]{0,120}:\s+)?"
    r"(?:On|In|As of|By|Between|From|Since)\s+(?:early\s+|late\s+|mid-)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"  # "On 30 November", as UN and British reports write
    rf"(?:(?:{lexicon.alternation(lexicon.MONTHS)})\b"
    rf"|(?:{lexicon.alternation(lexicon.MONTH_ABBREVIATIONS)})(?:\.|(?=\s+\d)))"  # not "Mar del"
)


# a verb of undoing with the decision it undoes as its object, pointing back: "canceled their
# convictions", "overturned the verdict", "acquitted them" (not "overturned police cars")
_REVERSAL = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.REVERSAL_VERBS)})\w*\s+"
    r"(?:(?:the|their|his|her|its|all|both)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?P<decision>{'|'.join(lexicon.UNDONE_DECISIONS)})s?\b|(?:them|him|her)\b)",
    re.I,
)
# what "acquitted them", "pardoned him" undo: a sentence, a conviction, a charge
_PERSONAL_DECISIONS = ("sentenc", "convict", "charg")


def _undone_after(doc: Document, sentences: Sequence[Sentence], i: int) -> bool:
    """Whether a sentence of the same paragraph and speaker right after ``sentences[i]``
    (within LEAN_BACK) undoes the decision it tells, pointing back at it: "In January,
    protesters … were sentenced to death …" before "In May, the Supreme Court canceled their
    convictions and overturned their death sentences".
    A bullet of the first alone would tell the reader the opposite of what happened."""
    told = sentences[i].text.lower()
    for k in range(i + 1, min(len(sentences), i + 1 + LEAN_BACK)):
        if (
            "\n" in doc.text[sentences[k - 1].end : sentences[k].start]
            or sentences[k].speaker != sentences[i].speaker
        ):
            return False
        undone = list(_REVERSAL.finditer(sentences[k].text))
        if not undone:
            continue
        # the decision it undoes is the one this sentence told ("sentenced" … "overturned
        # their death sentences"), not one told in a sentence between them
        stems = {
            stem
            for m in undone
            for stem in ((m["decision"].lower()[:5],) if m["decision"] else _PERSONAL_DECISIONS)
        }
        between = " ".join(s.text for s in sentences[i + 1 : k]).lower()
        return (
            any(re.search(rf"\b{s}", told) and not re.search(rf"\b{s}", between) for s in stems)
            and edit(doc, sentences, k) is None  # and it points back
        )
    return False


def _with_previous(
    doc: Document, sentences: Sequence[Sentence], i: int, edits: dict[int, Edited | None]
) -> tuple[Edited | None, int]:
    """``sentences[i]``, which leans back, repaired as an editor would: taken together with
    the sentences right before it in the same paragraph (one speaker's turn), all verbatim,
    back to the nearest one that stands on its own (at most LEAN_BACK of them), when leaning
    back is all that keeps each of the others out and together they pass every editorial
    check; with the index of the first of them. ``edits`` holds the sentences already
    edited, by index."""
    for j in range(i - 1, max(-1, i - 1 - LEAN_BACK), -1):
        earlier, later = sentences[j], sentences[j + 1]
        if (
            earlier.speaker != later.speaker
            or "\n" in doc.text[earlier.end : later.start]
            or not (eligible(earlier) or _asker_says(doc, earlier))
            or word_count(doc.text[earlier.start : sentences[i].end]) > MAX_RUN_WORDS
        ):
            return None, i  # no paragraph's sentence before it, or too long for one bullet
        if j not in edits:
            edits[j] = edit(doc, sentences, j)
        alone = edits[j]
        if alone is not None:
            if _remark(alone):  # "I’ll start with that last point.": no bullet alone
                return None, i
            break
    else:
        return None, i
    # each sentence after the one that stands alone is kept out for leaning back only (not
    # for being a quotation or a greeting)
    if any(edit(doc, sentences, k, lean=False) is None for k in range(j + 1, i + 1)):
        return None, i
    run = Sentence(
        doc.text[earlier.start : sentences[i].end],
        earlier.start,
        sentences[i].end,
        earlier.speaker,
        earlier.role,
    )
    return edit(doc, [*sentences[:j], run], j), j


def only_frame(text: str) -> bool:
    """A meeting's or a publication's frame (FRAME, PUBLICATION) and nothing that came of it:
    no outcome, decision or amount besides the frame's own verb ("opened a session"). A
    publication is a frame only with nothing after it but its subject ("… reports
    documenting abuses"), not what it found ("… a report blaming the police")."""
    published = PUBLICATION.search(text)
    if published and not SUBJECT_ONLY.match(text, published.end()):
        published = None
    m = FRAME.search(text) or published
    return m is not None and not (
        quantity(text)
        or OUTCOME.search(text)
        or decision_words(text[: m.start()] + " " + text[m.end() :])
    )


def _with_outcome(
    doc: Document, sentences: Sequence[Sentence], i: int
) -> tuple[Edited, Sentence] | None:
    """``sentences[i]``, the frame of a meeting (FRAME), taken together with the next
    sentence of its paragraph when that one tells what came of it (OUTCOME, or a decision)
    and together they make one bullet; so is a sentence that presents things (PRESENTED)
    with the next one when it takes them up ("these protests")."""
    if i + 1 >= len(sentences):
        return None
    frame, outcome = sentences[i], sentences[i + 1]
    if not (
        _takes_up(frame.text, outcome.text)
        or elaborates(frame.text, outcome.text)
        # a meeting's outcome; a sentence that only presents things goes on with them
        or (
            FRAME.search(frame.text) is not None
            and (OUTCOME.search(outcome.text) or decision_words(outcome.text))
        )
    ):
        return None
    return _with_next(doc, sentences, i)


def _with_parts(
    doc: Document, sentences: Sequence[Sentence], i: int
) -> tuple[Edited, Sentence] | None:
    """``sentences[i]``, a decision told only by its kind, with the next sentence of its
    paragraph when that one names its parts (``_names_its_parts``). A bullet is one
    paragraph's words: when the naming sentence opens the next paragraph ("Specifically, we
    are designating God Nisanov, …"), it tells the decision alone, if it stands alone."""
    if i + 1 >= len(sentences) or not _names_its_parts(
        sentences[i].text, sentences[i + 1].text, [s.text for s in sentences[:i]]
    ):
        return None
    first, then = sentences[i], sentences[i + 1]
    if "\n" not in doc.text[first.end : then.start]:
        return _with_next(doc, sentences, i)
    if first.speaker != then.speaker or doc.text[first.end : then.start].strip():
        return None
    edited = edit(doc, sentences, i + 1)
    return (edited, then) if edited is not None else None


def _with_next(
    doc: Document, sentences: Sequence[Sentence], i: int
) -> tuple[Edited, Sentence] | None:
    """``sentences[i]`` and the next one as one bullet, when one speaker says both in one
    paragraph, they are no longer together than MAX_RUN_WORDS and the next one can be read
    after it."""
    first, then = sentences[i], sentences[i + 1]
    if (
        first.speaker != then.speaker
        or "\n" in doc.text[first.end : then.start]
        or word_count(doc.text[first.start : then.end]) > MAX_RUN_WORDS
        or edit(doc, sentences, i + 1, lean=False) is None
    ):
        return None
    run = Sentence(
        doc.text[first.start : then.end], first.start, then.end, first.speaker, first.role
    )
    edited = edit(doc, [*sentences[:i], run], i)
    return (edited, run) if edited is not None else None


def _names_its_parts(decision: str, after: str, before: Sequence[str] = ()) -> bool:
    """Whether ``after`` names the parts of a listed decision (lexicon.LISTED_DECISIONS) that
    ``decision`` tells only by kind, with no count: "The Department of State is designating
    Russian oligarchs, state-owned entities, and illegitimate authorities …", then "The
    Department is designating three oligarchs: Dmitry …". A release states its decision,
    then whom it concerns; alone, the first says what was done to no one in particular. Only
    the first sentence of its source (``before`` it, none) with that kind of decision: a later
    one is a part already ("… is also designating Pioneer Ship Management …")."""
    kinds = _listed(decision)
    if not kinds or not kinds & _listed(after) or _counted(decision):
        return False
    if any(kinds & _listed(text) for text in before):
        return False
    if not announces(after):  # "… will discuss further sanctions with …" names no part
        return False
    known = {w.strip(",.;:()") for w in decision.split()}
    named = {w.strip(",.;:()") for w in after.split()[1:] if w[:1].isupper() and "." not in w[1:-1]}
    return _counted(after) or len(named - known) >= PARTS_NAMED


def _counted(text: str) -> bool:
    """A count or amount, in figures or words ("24 entities", "six entities")."""
    return quantity(text) or any(w in lexicon.NUMBER_WORDS for w in text.lower().split())


def _takes_up(presenting: str, after: str) -> bool:
    """Whether ``after`` speaks of the things ``presenting`` brought in (PRESENTED) under a
    demonstrative or the definite article: "there have been protests …", then "… these
    protests have turned violent …"."""
    m = PRESENTED.search(presenting)
    if m is None:
        return False
    return (
        re.search(rf"\b(?:these|those|the) (?:[a-z-]+ )?{re.escape(m[1])}\b", after, re.I)
        is not None
    )


# The opening of a sentence that is about a thing by its noun under the definite article
# or a demonstrative, after an opening preposition at most: "The instructions reportedly
# banned …", "Through this initiative, …".
_THEME = re.compile(r"\W*(?:[A-Z][a-z]+ )??(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hat|[Tt]hose) ")
_DEFINITE = r"(?:the|this|that|these|those|its|their|his|her|our|such)"
_WORD = re.compile(r"[A-Za-z]+")


def elaborates(before: str, after: str) -> bool:
    """Whether ``after`` opens on a text or a directive (lexicon.CONTENT_NOUNS) that
    ``before`` brought in, new there (under no definite determiner: "… issued censorship
    instructions to …", "… a 'rural focused initiative' …"): the rheme of one sentence is the
    theme of the next (Daneš 1974's linear progression), which tells what the first only
    named, and the two are one statement. Not after a decision, which the first tells whole."""
    m = _THEME.match(after)
    if m is None or decision_words(before):
        return False  # a decision taken is news of its own: "… approved new rules on …"
    # the noun of the opening phrase, after an adjective or not ("The new rules")
    opening = _WORD.findall(after, m.end(), m.end() + 40)[:2]
    noun = next((w for w in opening if w in lexicon.CONTENT_NOUNS), None)  # not "The Bill and …"
    if noun is None:
        return False
    word = re.escape(noun)
    return bool(re.search(rf"\b{word}\b", before)) and not re.search(
        rf"\b{_DEFINITE} (?:[\w“”\"’'-]+ ){{0,2}}{word}\b", before, re.I
    )


def _remark(edited: Edited) -> bool:
    """A slogan or a remark: shorter than MIN_BULLET_WORDS (its turn's label and insertions
    left out) and not mostly names, numbers and decisions."""
    bare = _INSERTED.sub("", edited.text)
    return word_count(bare) < MIN_BULLET_WORDS and substance(bare) < SHORT_SUBSTANCE


def _asker_says(doc: Document, sentence: Sentence) -> bool:
    """A statement in a question turn of a named speaker (a committee member's "It was
    revealed yesterday that …" before they ask): their own claim, not the question."""
    if sentence.role != "question" or sentence.speaker:
        return False
    start = doc.text.rfind("\n", 0, sentence.start) + 1
    label = TURN_LABEL.match(doc.text, start, min(len(doc.text), start + 160))
    return (
        label is not None
        and not run_in_heading(doc.text, label)
        and eligible(dataclasses.replace(sentence, role="statement"))
    )


def asked_actions(question: str | None) -> frozenset[str]:
    """The content words of a plain-language question that say what it asks of its subject,
    not what the subject is (see ``_rewards``): its verbs (Penn tags), and the nouns of its
    opening "what" or "which" phrase, the kind of answer it wants (a question's answer type
    against its topic, as question classification tells them apart, Li & Roth 2002): in "What
    restrictions do women face?" the topic is women; "restrictions" on anyone else are no
    answer."""
    if not question or plain_words(question) is None:
        return frozenset()
    tagged = postag.tag(question)
    verbs = [w for w, tag, _, _ in tagged if tag.startswith("VB")]
    return frozenset(content_words(" ".join(verbs))) | _kind_of(tagged)


def keyword_actions(keywords: Sequence[str], name: str = "") -> frozenset[str]:
    """The keywords that say what a topic asks of its others, as a question's verbs do (see
    ``asked_actions``): each one-word keyword the tagger reads as a verb ("detained" beside
    "journalists"), when another keyword is a noun. A list of verbs alone is its own subject.
    With such a verb, the words of the topic's ``name`` that no keyword has say it too, as
    the name puts it ("Detention" of "Detention of journalists")."""
    tags = {k: [tag for _, tag, _, _ in postag.tag(k)] for k in keywords}
    # a participle or a past ("detained"); a base form alone is mostly a noun ("embargo")
    verbs = [k for k, t in tags.items() if len(t) == 1 and t[0] in ("VBN", "VBD")]
    if not verbs or not any(t and t[-1].startswith("NN") for t in tags.values()):
        return frozenset()
    named = set(content_words(name)) - set(content_words(" ".join(keywords)))
    return frozenset(content_words(" ".join(verbs))) | named


def answer_class(question: str | None) -> frozenset[str]:
    """The nouns of ``answer_kind`` that name a class of named things ("countries",
    "governments"): words any report uses of its own subject, which say nothing of the
    question's topic ("What executions …" asks about executions)."""
    return answer_kind(question) & lexicon.ANSWER_CLASSES


def answer_kind(question: str | None) -> frozenset[str]:
    """The common nouns of a plain-language question's opening "what" or "which" phrase:
    the kind of answer it wants ("countries" in "Which countries executed protesters?"),
    which a sentence naming "the country" does not give."""
    if not question or plain_words(question) is None:
        return frozenset()
    return _kind_of(postag.tag(question))


def _kind_of(tagged: Sequence[tuple[str, str, int, int]]) -> frozenset[str]:
    """The common nouns of the "what" or "which" phrase that opens the question, and of one
    that opens a coordinated clause as the object of an inverted question ("How are women
    treated, and what restrictions do they face?"); not a subject there ("… and which women
    are affected?"), an embedded or a relative clause ("Describe the laws and what women
    face", "… the protests, which women lead?"), nor a noun the question names elsewhere."""
    kind: list[str] = []  # the common nouns of a phrase; its adjectives and names may be the topic
    for i, (word, _, _, _) in enumerate(tagged):
        if word.lower() not in ("what", "which"):  # ("Which Iranian officials …")
            continue
        if i and tagged[i - 1][0].lower() not in _CLAUSE_JOINS:
            continue
        phrase = list(itertools.takewhile(lambda t: t[1].startswith(("NN", "JJ")), tagged[i + 1 :]))
        nouns = [w for w, tag, _, _ in phrase if tag in ("NN", "NNS")]
        after = tagged[i + 1 + len(phrase) : i + 3 + len(phrase)]
        inverted = (
            len(after) == 2
            and after[0][0].lower() in _AUXILIARIES
            and after[1][1] in ("PRP", "DT", "NNS", "NN", "NNP", "PRP$")
        )
        if i == 0 or inverted:
            kind += nouns
    others = {w for w, tag, _, _ in tagged if tag in ("NN", "NNS")} - set(kind)
    return frozenset(content_words(" ".join(kind))) - frozenset(content_words(" ".join(others)))


_CLAUSE_JOINS = frozenset({"and", "or", "but", ";", ":"})
_AUXILIARIES = frozenset(
    "do does did is are was were have has had can could will would should may might must".split()
)


def plain_question(topic: Topic) -> bool:
    """Whether the topic's query is a question or sentence in plain words (see
    ``query.plain_words``) rather than a list of words or a query in the query language."""
    return topic.query is not None and plain_words(topic.query) is not None


def phrases(terms: Iterable[str]) -> list[frozenset[str]]:
    """Each term's content words: a sentence names a term of several words ("South China
    Sea") when it has them all, not one of them ("the Red Sea"); a place's last word may be
    in its people's adjective ("North Korean hackers" name North Korea)."""
    out = []
    for term in terms:
        if not (words := frozenset(content_words(term))):
            continue
        out.append(words)
        *head, last = term.split()
        if last[:1].isupper() and not last.isupper():  # a name's, not "media"'s or "IAEA"'s
            adjective = _name_forms(last)[1]
            out.append(frozenset(content_words(" ".join([*head, adjective]))))
    return out


def in_source(keywords: Sequence[str], text: str) -> list[frozenset[str]]:
    """The ``phrases`` of ``keywords``, and the last word alone of a name of several that the
    source uses after no other capitalised word and never in lower case: a surname ("Ocalan"
    for "Abdullah Ocalan") where no other "… Ocalan" is named, not "Sea" for "South China
    Sea" beside "the Red Sea", nor "House" for "White House" beside "house arrest"."""
    terms = phrases(keywords)
    for keyword in keywords:
        *head, last = keyword.split() or [""]
        if not head or not last[:1].isupper():
            continue
        before = {m[1] for m in re.finditer(rf"([A-Z][\w’'-]*)\s+{re.escape(last)}\b", text)}
        if before <= {head[-1]} and not common_word(last, text):  # not "the house"
            if alone := frozenset(content_words(last)):
                terms.append(alone)
    return terms


def names(text: str, terms: Sequence[frozenset[str]]) -> set[str]:
    """The words of the ``terms`` (see ``phrases``) that ``text`` names."""
    words = set(content_words(text))
    return set().union(*(t for t in terms if t <= words))


def about(
    doc: Document,
    sentences: Sequence[Sentence],
    words: set[str],
    terms: Sequence[frozenset[str]] | None = None,
) -> bool:
    """Whether ``doc`` is about the topic whose ``words`` these are: its title names them, or
    (in writing) its first sentence does, a news story's lead saying what it is about as its
    headline would (a plain-text file has none), or MIN_MENTIONS of its sentences do (as
    topic matching counts a passing mention, match.passing) and at least ABOUT_SHARE of
    them. A sentence names the topic's ``terms`` (default: each of its words) as ``names``
    does."""
    terms = [frozenset([w]) for w in words] if terms is None else terms
    if titled(doc, words, terms):
        return True
    if doc.doc_type in ("transcript", "interview") or doc.turns:
        return False  # a transcript of many subjects opens on any of them
    if own_subject(doc):
        # one report of a series is on the subject its title names after the series' name
        # ("…: Ukraine"), whatever its opening names: the series has a report on the topic
        return False
    if sentences and names(_outside_lists(sentences[0].text), terms):
        return True
    # and in a share of its sentences: a long report on one country that names another in
    # forty of its thousand sentences is about its own country, and those forty are its
    # sentences on the other
    needed, seen = max(MIN_MENTIONS, math.ceil(ABOUT_SHARE * len(sentences))), 0
    for sentence in sentences:
        seen += bool(names(sentence.text, terms))
        if seen >= needed:
            return True
    return False


# A list of three or more names ("Iran, China and the United Arab Emirates"): each of them is
# one of several, as a title's list of subjects is (``one_of_several``).
# A name in a list: not a preposition's phrase or a time opening the sentence ("On Tuesday,
# Iran and the IAEA agreed …" lists two).
_LISTED_NAME = (
    rf"(?!(?:{lexicon.alternation([*lexicon.WEEKDAYS, *lexicon.MONTHS])})\b)"
    r"(?:the )?(?!(?:On|In|At|By|For|From|After|Since|Until|During)\b)"
    r"[A-Z][\w’'.-]*(?: (?:of )?[A-Z][\w’'.-]*)*"
)
_NAME_LIST = re.compile(
    rf"(?<![A-Z][a-z] )(?<![A-Z][a-z][a-z] )"  # not the time after "On", "In", "At", "By"
    rf"{_LISTED_NAME}(?:, {_LISTED_NAME})+,? (?:and|or) {_LISTED_NAME}"
)


def _outside_lists(text: str) -> str:
    """``text`` without its lists of three or more names: a lead that names the topic only
    there ("… sanctioning eight entities in Iran, China and the United Arab Emirates for
    supplying … Iranian drones") is about something else that touches it."""
    return _NAME_LIST.sub(" ", text)


def own_subject(doc: Document) -> bool:
    """Whether ``doc`` is one report of a series on its own subject: its title the series'
    name and the subject after a colon ("2023 Country Reports on Human Rights Practices:
    Ukraine"), or a page titled by the subject alone ("Iran") whose address names it so in a
    folder of the series (".../2023-country-reports-on-human-rights-practices/iran/"). A
    short title alone is no sign: it may be a placeholder or a headline's first words."""
    if doc.doc_type != "report" or report_subject(doc.title) is None:
        return False
    return ": " in doc.title or _page_named(doc)


def series_title(doc: Document) -> str:
    """``doc``'s title as a sources list names it: a report page titled by its subject alone
    in a folder of its series (``_page_named``: ".../2023-country-reports-on-human-rights-
    practices/russia/", titled "Russia") takes the series' name from the folder, as its
    sibling pages titled in full give it ("2023 Country Reports on Human Rights Practices:
    Russia")."""
    if doc.doc_type != "report" or ": " in doc.title or not _page_named(doc):
        return doc.title
    folder = [s for s in urlparse(doc.url or "").path.split("/") if s][-2]
    words = folder.split("-")
    series = " ".join(
        w if i and w in lexicon.STOPWORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )
    return f"{series}: {doc.title}"


def _page_named(doc: Document) -> bool:
    """Whether ``doc``'s address ends in its title, as a slug, in a folder of reports (its
    name says "report", as ".../2023-country-reports-on-human-rights-practices/" does)."""
    segments = [s.lower() for s in urlparse(doc.url or "").path.split("/") if s]
    slug = re.sub(r"[^a-z0-9]+", "-", doc.title.lower()).strip("-")
    return len(segments) >= 2 and "report" in segments[-2] and bool(slug) and segments[-1] == slug


def titled(doc: Document, words: set[str], terms: Sequence[frozenset[str]] | None = None) -> bool:
    """Whether ``doc``'s title names the topic whose ``words`` these are as its subject (its
    ``terms`` whole, as ``names`` reads them, when given)."""
    subject = title_subject(doc.title)
    named = words & set(content_words(subject)) if terms is None else names(subject, terms)
    return bool(named) and not one_of_several(doc.title, words)


_SUBJECT_OF = re.compile(r"\b(?:[Oo]n|ON|[Aa]bout)\b")
_ITEMS = re.compile(r",\s*(?:and\s+)?|\s+and\s+", re.I)


_OFFICE_HEAD = re.compile(rf"\b{lexicon.alternation(lexicon.OFFICE_HEADS)}\b")


_TITLE_CASE_ON = re.compile(r" (?:On|ON) ")
_LOWER_CASE_WORD = re.compile(r"(?:^|\s)(?:for|of|to|and|the|with|on)\s")


def title_subject(title: str) -> str:
    """What a title says its source is about. A transcript's title that names its speakers
    by their offices before its subject in title case ("Under Secretary for Civilian
    Security, Democracy, and Human Rights Uzra Zeya … On the Collaborative Migration
    Management Strategy") is about what follows its first "On": an office's words name no
    subject. A headline's lower-case "on" ("Ambassador to Iran Testifies on Sanctions
    Relief") leaves it whole."""
    head, *rest = _TITLE_CASE_ON.split(title, maxsplit=1)
    # in a headline set all in capitals ("Ambassador To Iran Testifies On …"), "On" is no sign
    lower_case_words = bool(_LOWER_CASE_WORD.search(head))
    return rest[0] if rest and lower_case_words and _OFFICE_HEAD.search(head) else title


def one_of_several(title: str, words: set[str]) -> bool:
    """Whether a title names the topic as one of a list of three or more subjects ("… On the
    Meeting on Syria, The D-ISIS Ministerial, and the G20"): the subjects follow its last "on"
    or "about", and the topic's words are in one of them. Such a source is about the topic in
    part, as a transcript of many subjects is; a list of people before "on Syria" is not one."""
    tail = _SUBJECT_OF.split(title)[-1]
    items = [set(content_words(item)) for item in _ITEMS.split(tail) if item.strip()]
    return len(items) >= 3 and sum(bool(words & item) for item in items) == 1


def focus_terms(topic: Topic) -> list[str]:
    """The words a source's title must name for all of its sentences to be candidates (see
    ``candidates``): the topic's keywords and query terms. A plain-language query ("What
    measures have been taken…?") is no focus: its words bias the synthesis but need not be in
    a title or a sentence; only the names it asks about are (``asked_of``)."""
    if plain_question(topic):
        return list(topic.keywords)
    # a keyword that says what the topic asks of another ("detained" beside "journalists")
    # names no subject: a sentence on someone else detained is not on the topic
    actions = keyword_actions(topic.keywords)
    return [t for t in topic.terms if not set(content_words(t)) <= actions]


def asked_of(topic: Topic, found: Sequence[Analysis]) -> list[str]:
    """The names the topic's question in plain words asks about (``asked_names``), if any."""
    return asked_names(topic.query or "", found) if plain_question(topic) else []


# A name in a question: capitalised words after its first ("… the United States imposed on
# Russia?"), as one run.
_QUESTION_NAME = re.compile(r"(?<=[\w,] )[A-Z][\w’'-]*(?: (?:of |the )?[A-Z][\w’'-]*)*")
ASKED_SHARE = 0.8  # a name that more of the sources name than this does not tell them apart


def asked_names(question: str, found: Sequence[Analysis]) -> list[str]:
    """The names a plain-language question asks about, as focus terms: each name that some of
    the ``found`` sources name and fewer than ASKED_SHARE of them do ("Russia", not "the
    United States" over a U.S. government's releases, which all name it: a term in nearly
    every document retrieves nothing, as its IDF says), with the forms of a place's people
    ("Russian", "Ukrainian"). Of a name of several words, the one fewest sources use stands
    for it ("Korea" for "North Korea": focus terms are matched word by word)."""
    names = [_POSSESSIVE.sub("", n) for n in _QUESTION_NAME.findall(question)]
    out: list[str] = []
    adjectives = _adjectives(found) if names else frozenset()
    for name in dict.fromkeys(n for n in names if _a_name(n)):
        if 0 < _share(name.split(" "), found, adjectives) < ASKED_SHARE:
            words = [w for w in name.split(" ") if w[:1].isupper()]
            word = min(reversed(words), key=lambda w: _share([w], found, adjectives))
            # a word the sources also write in lower case is no name ("states" of "United
            # States"), and one of a letter or two leaves no word to match ("U" of "U.S.")
            lower = re.compile(rf"\b{re.escape(word.lower())}\b")
            if len(word) > 2 and not any(lower.search(a.doc.text) for a in found):
                out += _name_forms(word, adjectives)
    return out


NOT_NAMES = frozenset(w.lower() for w in (*lexicon.WEEKDAYS, *lexicon.MONTHS, *lexicon.ROLE_NOUNS))
MAX_NAME_WORDS = 4  # a question in title case reads as one long "name": no name at all


def _a_name(name: str) -> bool:
    """Whether a run of capitalised words in a question names someone or somewhere: not a
    title, a month or a day alone ("the Secretary", "in February"), not a whole question in
    title case."""
    words = name.split(" ")
    return len(words) <= MAX_NAME_WORDS and not (
        len(words) == 1 and (name.lower() in STOPWORDS or name.lower() in NOT_NAMES)
    )


_POSSESSIVE = re.compile(r"(?:[’']s|[’'])$")


def _share(
    words: Sequence[str], found: Sequence[Analysis], adjectives: frozenset[str] = frozenset()
) -> float:
    """The share of ``found`` sources that name the words as one name (a one-word place in
    any of its forms)."""
    forms = _name_forms(words[0], adjectives) if len(words) == 1 else [" ".join(words)]
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, forms))})\b")
    return sum(bool(pattern.search(a.doc.text)) for a in found) / max(1, len(found))


def _name_forms(name: str, adjectives: frozenset[str] = frozenset()) -> list[str]:
    """A name and, for a one-word place, its people's adjective: the regular form ("Russia"
    Russian, "Ukraine" Ukrainian, "Iran" Iranian) and any of ``adjectives`` (the sources'
    words in a people's suffix) whose stem begins the name ("China" Chinese, "Afghanistan"
    Afghan, "Turkey" Turkish, "Iraq" Iraqi)."""
    if " " in name:
        return [name]
    regular = (
        name[:-1] + "ian" if name.endswith("e") else name + ("n" if name.endswith("a") else "ian")
    )
    attested = [w for w in sorted(adjectives) if w not in (name, regular) and _of_place(w, name)]
    return [name, regular, *attested]


def _of_place(adjective: str, name: str) -> bool:
    """Whether ``adjective`` is the people's adjective of place ``name``: its stem begins the
    name and at most two letters of the name follow ("Chin-a", "Turk-ey", "Swed-en", "Iraq"),
    or it is the name of a land in "-istan" ("Afghan-istan"). Not "Austrian" of "Australia",
    "Indian" of "Indiana", "Christian" of "Christchurch"."""
    stem = _DEMONYM_SUFFIX.sub("", adjective)
    if name == adjective + "istan":
        return True
    return name.startswith(stem) and len(name) - len(stem) <= 2


# A people's adjective: a stem of four letters or more and one of the suffixes English forms
# them with ("Chin-ese", "Afgh-an", "Turk-ish", "Iraq-i").
_DEMONYM_SUFFIX = re.compile(r"(?<=[a-z]{3})(?:ese|ian|an|ish|i)$")
_DEMONYM_WORD = re.compile(r"\b[A-Z][a-z]{3,}(?:ese|ian|an|ish|i)\b")


def _adjectives(found: Sequence[Analysis]) -> frozenset[str]:
    """The capitalised words of ``found`` that end in a people's suffix (``_DEMONYM_SUFFIX``)."""
    return frozenset(w for a in found for w in _DEMONYM_WORD.findall(a.doc.text))


def synthesize(
    found: Sequence[Analysis],
    *,
    query: str = "",
    terms: Sequence[str] = (),
    words: int = DEFAULT_WORDS,
    avoid: Iterable[tuple[str, int, int]] = (),
) -> list[Point]:
    """A summary of about ``words`` words across all of ``found`` (the last bullet may run
    over), query-biased when ``query`` or ``terms`` are given, in reading order."""
    asked = asked_names(query, found) if query and plain_words(query) else []
    plain = plain_words(query) if query else None
    # a query in the query language gives its terms, as a topic's does ("Russia OR Ukraine")
    asked_terms = ([query] if plain is not None else _query_terms(query)) if query else []
    actions = keyword_actions(terms)
    pool = candidates(
        found,
        terms=[*asked_terms, *terms],
        avoid=avoid,
        focus=[t for t in terms if not set(content_words(t)) <= actions],
        asked=asked,
    )
    picked = select(
        said_something(pool),
        words=words,
        # a question's own words, as a brief's topic takes them: not its frame or light verbs
        query=" ".join([*(plain or [query]), *terms]),
        feedback=plain is not None,
        actions=asked_actions(query) | actions,
        kind=answer_class(query),
        keywords=[*(asked_terms if plain is None else []), *terms],
    )
    named = set(content_words(" ".join([query, *terms])))
    return [without_subject(to_point(c), c.doc, named) for c in reading_order(picked)]


def _query_terms(query: str) -> list[str]:
    """The terms a query in the query language asks for (``query.positive_terms``); the query
    whole if it does not parse."""
    try:
        return positive_terms(parse_query(query))
    except ValueError:
        return [query]


def without_subject(point: Point, doc: Document, named: set[str]) -> Point:
    """``point`` without the brackets that name its report's country ("Police [of Belarus]
    …", "across the country [Belarus]") when ``named`` (the words of the heading or question
    the reader sees it under) names it."""
    subject = report_subject(doc.title) if doc.doc_type == "report" else None
    words = set(content_words(subject)) if subject else set()
    if not subject or not words or not words <= named:
        return point
    return dataclasses.replace(point, text=without_subject_inserts(point.text, subject))


def in_asked_sections(pool: list[Candidate], asked: set[str]) -> list[Candidate]:
    """Asked a question, a report answers it in its sections on it (Edmundson 1969's heading
    words). A section is on the question when its heading names a word of it and its
    sentences name the question's other words more often than the pool's sentences do ("Freedom
    of Expression, Including for Members of the Press" is on a question about governments'
    restrictions on journalists and the press; "Corruption in Government" is not). Of a report
    with such a section, a sentence under another heading is kept only if it names one of the
    question's subject words: those the sections on it use significantly more often than the
    pool's other sections (Dunning's log-likelihood ratio at the topic signature's level):
    "journalists", not the "restrictions" and "governments" of the question's frame, which the
    sections on travel and on torture use as much."""
    headings = {c.key[0]: _headings(c.doc.text) for c in pool if c.doc.doc_type == "report"}
    under = [
        section_heading(headings[c.key[0]], c.sentence.start) if c.key[0] in headings else None
        for c in pool
    ]
    # word forms, not words: "tortured" is asked of the section on "Torture"
    asked = _forms(asked)
    words = [asked & _forms(_words(c.edited.text)) for c in pool]
    named = {h: asked & _forms(content_words(h)) for h in set(under) if h}
    on_topic = _sections_on(under, words, named)
    on_it = {sid: {h for _, h in found if h in on_topic} for sid, found in headings.items()}
    where = [
        None if h is None or not on_it[c.key[0]] else h in on_topic
        for c, h in zip(pool, under, strict=True)
    ]
    ruled = [(w, ws) for w, ws in zip(where, words, strict=True) if w is not None]
    if not ruled:
        return pool
    n_in = sum(w for w, _ in ruled)
    n_out = len(ruled) - n_in
    uses = Counter(x for _, ws in ruled for x in ws)
    inner = Counter(x for w, ws in ruled if w for x in ws)
    subject = {
        x
        for x in uses
        if n_out
        and inner[x] / n_in > (uses[x] - inner[x]) / n_out
        and general.llr(inner[x], n_in, uses[x] - inner[x], n_out) > general.SIGNATURE_LLR
    }
    return [
        c for c, w, ws in zip(pool, where, words, strict=True) if w is None or w or subject & ws
    ]


def _sections_on(
    under: list[str | None], words: list[set[str]], named: Mapping[str, set[str]]
) -> set[str]:
    """The headings (of those ``named`` words of the question) whose sentences name the
    question's other words more often than the pool's sentences do."""
    pool_rate = sum(bool(ws) for ws in words) / max(1, len(words))
    out = set()
    for heading, own in named.items():
        if not own:
            continue
        inside = [ws - own for h, ws in zip(under, words, strict=True) if h == heading]
        if inside and sum(bool(ws) for ws in inside) / len(inside) > pool_rate:
            out.add(heading)
    return out


def said_something(pool: list[Candidate]) -> list[Candidate]:
    """The pool without its bare stances ("We remain committed to …", "We stand with …") and
    its rhetoric ("the extraordinary bravery of the people … in the face of … brutality"):
    a director cuts them when the sources say what happened. Only a topic that has too little
    else keeps them."""
    news = [c for c in pool if not bare_stance(c) and not rhetoric(c.edited.text)]
    return news if len(news) >= ENOUGH_NEWS else pool


# A name, a place, an organisation or a number past the first word: what ties a sentence to
# the world. "Exporters will need a license for each shipment" names neither who nor where.
_ANCHORED = re.compile(r"(?<=[\s(“\"‘'\[-])(?:[A-Z]|\d)|^\d")


_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[“\"])")


# An intention of one's own in writing (a commissive): "We intend to work together …", "I
# hope to …" in a communiqué. In a meeting, a member's "I intend to move an amendment" is the
# meeting's business, and is left alone.
INTENTION = re.compile(r"\b(?:[Ww]e|I)(?: \w+)? (?:intend|hope|aim|seek|wish) to\b")
# One's own words said before, told again: "I emphasized that … experts were documenting …",
# "We have made clear that …". What was said then, not what happened.
# An event or a course the sentence itself marks as before the news: "The United
# States has previously issued a number of advisories …", "The Department previously
# authorized the voluntary departure … on January 23", "For many years, the United States
# has prioritized …", "The EU … have previously designated …": in a government's release or
# briefing, what it recalls to set up what it does today.
RETROSPECT = re.compile(
    # in the main clause: after its auxiliary, or as its opening phrase; not "… two generals
    # previously sanctioned by the EU", "the previously announced …", "who for years …"
    r"\b(?:has|have|had) (?:previously|long)\b"
    r"|^\W*For (?:many |several |some )?(?:years|decades)\b"
    # or right after the subject that opens it: "The Department previously authorized …"
    r"|^\W*(?:(?:The )?(?!The )(?:[A-Z][\w.’'-]* ){1,4}|\[?W\]?e )previously [a-z]+ed\b"
)
SAID_BEFORE = re.compile(
    r"^\W*(?:[A-Z][\w ]{0,30}, )?(?:\[?[IW]\]?e?|I) (?:have |had |also )*(?:(?:emphasi[sz]ed"
    r"|stressed|echoed|underscored|reiterated|highlighted|made clear|pointed out)\b"
    r"|(?:said|noted|told \w+)(?= that\b|,))"
)


def background(c: Candidate) -> bool:
    """A bare stance, rhetoric, a description of who someone is, a schedule or an event long
    before its source: how things stand or will go, or what the reader knows, not what
    happened. It keeps STANCE_DISCOUNT of its weight."""
    text, written = c.edited.text, not c.doc.turns
    # a report of a series on one subject (a country's report) is of that subject throughout,
    # and of its year: its "Women continued to face discrimination …" is a finding of the
    # year on that country, not the course that a statement's news comes after
    news_of_its_own = written and not own_subject(c.doc)
    return (
        bare_stance(c)
        or rhetoric(text)
        or bool(DESCRIPTION.match(text))
        or bool(PURPOSE.match(text) and stative(text))
        or bool(NOTHING_HAPPENED.match(text))
        or (c.doc.doc_type in OFFICIAL and bool(NOTHING_IS.match(text)) and stative(text))
        or bool(REMAINING_WORK.match(text) and not quantity(text))
        or bool(WORDS_WITHOUT_CONTENT.match(text))
        or (news_of_its_own and ongoing(text))
        or (c.doc.doc_type in OFFICIAL and (readout(text) or _routine_appointment(c)))
        # a government's tribute to what another always said ("Former Prime Minister Abe
        # always said …"); in news it may be the story's own (an obituary)
        or (c.doc.doc_type in OFFICIAL and bool(TRIBUTE_SAYING.match(text)))
        or bool(SCHEDULE.search(text) and not quantity(text))
        # a government's releases and reports: a report's "… issued reports documenting
        # abuses" too; a reporter reports a meeting or a report because it is news
        or (c.doc.doc_type in PADDED and only_frame(text))
        or _recalled(c)
        or (c.doc.doc_type in OFFICIAL and bool(RETROSPECT.search(text)))
        or slogan(text)
        # a government's truism ("Businesses can provide crucial support …"); in news a bare
        # plural is mostly the story's own people ("Residents fear …")
        or (c.doc.doc_type in OFFICIAL and (generic(text) or _position(text)))
        # a government's briefing is read by outsiders, as its releases are
        or ((written or c.doc.doc_type in OFFICIAL) and first_person(text) and stative(text))
        # and so is a government's word on how it stands, said of itself by name ("The
        # United States harbors no hostile intent …"), unless it announces a decision
        or (c.doc.doc_type in OFFICIAL and self_stance(text))
        # writing only: speech names less (the room knows), and a member's "I intend to …"
        # is a meeting's business
        # a run's first sentence carries its subject: "Exporters will need a license … The
        # rules take effect on January 1." names no one, whatever the rules' date
        or (news_of_its_own and not _ANCHORED.search(_FIRST_SENTENCE.split(text, 1)[0]))
        or bool(written and INTENTION.search(text) and not quantity(text))
        or (
            c.doc.doc_type in OFFICIAL
            and bool(SAID_BEFORE.match(text))
            and not quantity(text)
            and not _DATED.search(text)
        )
        or _stance_goes_on(c)
    )


# What was not done: a negated event is a state (Quirk et al. 1985, 4.4): "… has failed to
# demonstrate a similar commitment", "… did not respond".
_NOT_DONE = re.compile(r"\b(?:failed|refused|declined) to\b|\b(?:has|have|had|did) not\b|\bnever\b")


def _stance_goes_on(c: Candidate) -> bool:
    """A sentence taken with the one it leans on, when that first one is background and the
    rest adds no amount, date, decision or outcome: the same stance, gone on ("The United
    States has been sincere and steadfast in pursuing … diplomacy …", then "It is Iran that
    has, to-date, failed to demonstrate a similar commitment to that path.")."""
    spans = split_sentences(c.edited.text, 0, len(c.edited.text))  # not after "U.S."
    if len(spans) < 2:
        return False
    first, more = c.edited.text[: spans[0][1]], c.edited.text[spans[1][0] :]
    if quantity(more) or _DATED.search(more) or decision_words(more) or OUTCOME.search(more):
        return False
    if not (stative(more) or _NOT_DONE.search(more)):
        return False  # "… They shot down a U.S. drone …": an event of its own is news
    return background(dataclasses.replace(c, edited=dataclasses.replace(c.edited, text=first)))


# A government naming itself as a sentence's subject, in its own release or briefing: the
# third-person "we" of diplomatic writing ("The United States underscores that …").
SELF_NAMED = re.compile(
    r"^\W*(?:The |This )?(?:United States|U\.S\.|US|Department(?: of State)?|Administration"
    r"|Government)(?: [Gg]overnment)? (?!and\b|or\b|,)"
)
# A decision announced, not yet taken: "… will impose visa restrictions on …".
_TO_DECIDE = re.compile(r"\b(?:will|shall|to)(?: not)?(?: \w+ly)? (\w+)")


def _routine_appointment(c: Candidate) -> bool:
    """An appointment (APPOINTMENT) in a release not about it: the appointee is not named in
    the source's title. "Announcement of Matt Murray as U.S. Senior Official for APEC" is
    issued for its appointment; a readout's "… has been sworn in as …" is by the way."""
    m = APPOINTMENT.search(c.edited.text)
    if m is None:
        return False
    who = _APPOINTEE.search(c.edited.text[: m.start()].rstrip())
    # the name without a title or time word before it ("Ambassador Jane Roe", "Today Jane Roe")
    return who is None or " ".join(who[1].split()[-2:]) not in c.doc.title


def self_stance(text: str) -> bool:
    """A government's stance in its own voice by name (SELF_NAMED, ``stative``): how it
    stands, with no decision it announces. "Attacks" in what it underscores is no decision
    of its own, so only a decision after "will", "shall" or "to" counts."""
    named = SELF_NAMED.match(text)
    if not named or not stative(text):
        return False
    # a past form right after the subject is its verb ("The United States imposed …"),
    # whatever the tagger made of it
    verb = text[named.end() :].split(" ", 1)[0]
    if verb.endswith("ed") or verb in lexicon.PAST_TENSE_FORMS:
        return False
    return not any(
        w in DECISION_STEMS for m in _TO_DECIDE.finditer(text) for w in content_words(m[1])
    )


@functools.lru_cache(maxsize=4096)
def stative(text: str) -> bool:
    """How things stand, with nothing that happened: no verb of an event done (a past tense,
    a perfect, a past passive) or under way ("is designating"), no amount and no date.
    "Diplomacy remains our preferred path …", "We support the rights of …": said of one's own
    side in writing, a position (Vendler's states), the background to news. The editor's
    date of a "today" ("Today [29 July 2022], I look forward to …") is when it was said, not
    the date of something done."""
    own = _TODAY_DATED.sub("", text)
    return not (
        quantity(own)
        or _progressive(text)
        or _DATED.search(own)
        or (_MAY_BE_PAST.search(text) and postag.reports_event(text))
    )


# A characterizing generic (Krifka et al. 1995): a bare plural as the subject and a modal or
# present verb, said of a kind and true on any day: "Businesses can provide crucial support for
# democratic principles …", "Demonstrations, which have turned violent at times, regularly
# occur throughout Ukraine …". A kind's habit or capacity, not what anyone did. Not "Officials
# say …" (speech), "Analysts expect …" (a view), "Russians continue to flee …" (a people,
# named), "Thousands gather …" (a count), nor "Prices will rise …" (a forecast).
_BARE_PLURAL = re.compile(
    r"^\W*(?P<noun>[A-Za-z][a-z]{2,}s)(?P<which>, (?:which|who|that) [^,]{3,80},)?"
    r" (?:[a-z]+ly )?"
    r"(?P<verb>can(?:not)?|could|must|should|may|might|do(?: not|n[’']t)?|[a-z]{3,})\b(?! of\b)"
)
_NOT_GENERIC_VERBS = frozenset(
    """are were was had has have did will would shall expect believe fear hope think estimate
    worry doubt suspect assume""".split()
)
_NOT_KINDS = frozenset(lexicon.NUMBER_WORDS) | {"thousands", "hundreds", "millions", "dozens"}
_SPEAKING = re.compile(lexicon.cue_pattern())


def _position(text: str) -> bool:
    """Modal verbs only (``irrealis``) and no decision: "Stability … can only be achieved
    through …", not "The United States will impose visa restrictions on …"."""
    return irrealis(text) and not decision_words(text)


@functools.lru_cache(maxsize=4096)
def generic(text: str) -> bool:
    """A characterizing generic (``_BARE_PLURAL``) with nothing dated, counted or done."""
    m = _BARE_PLURAL.match(text)
    # the main clause says how things are; a relative clause may tell what happened to them
    main = text[: m.start("which")] + text[m.end("which") :] if m and m["which"] else text
    if not m or not stative(main):
        return False
    noun, verb = m["noun"], m["verb"]
    if noun.lower() in _NOT_KINDS or verb in _NOT_GENERIC_VERBS or _SPEAKING.fullmatch(verb):
        return False
    if verb.endswith(("ed", "ing")) or verb in lexicon.PAST_TENSE_FORMS:
        return False
    if verb.endswith("s") and not verb.endswith("ss"):
        return False  # "Sanctions targets …": a singular's verb, not a plural's
    # a people is a name: "Russians continue to flee …"
    return postag.tag(text)[0][1] not in ("NNP", "NNPS")


def slogan(text: str) -> bool:
    """A short promise in one's own voice that only says what will or must be (a commissive,
    Searle 1976): "The United States and our partners will not be silent." A rule's "Exporters
    will need a license …" is news, and no one's promise."""
    return word_count(text) <= SLOGAN_WORDS and first_person(text) and irrealis(text)


# An appraisal word or its adverb: "brave", "bravely"; "heroic", "heroically".
APPRAISING = lexicon.APPRAISAL | {w + s for w in lexicon.APPRAISAL for s in ("ly", "ally")}


@functools.lru_cache(maxsize=4096)  # asked when the pool is drawn and again when it is weighed
def rhetoric(text: str) -> bool:
    """Several words of judgement or feeling (lexicon.APPRAISAL) and no amount or decision:
    "The world has seen the extraordinary bravery of the people … in the face of … brutality"."""
    words = re.findall(r"[a-z]+", text.lower())
    judged = sum(w in APPRAISING for w in words)
    decided = bool(decision_words(text))
    return judged >= RHETORIC_WORDS and not decided and not quantity(text)


# Irrealis (Palmer 2001): what may, must or will be, not what is or was. A sentence whose only
# verbs are modal ("Russia cannot, and will not, veto accountability", "Businesses can provide
# crucial support …"), with no amount, date or event in the past or under way, says what
# someone holds should happen: a position. A key quote that is one ranks below the others
# (``keyquotes.key_quotes``). As a bullet's weight it cost the news clusters' ROUGE-2 (DUC 2004
# through the CLI, 250 words, 16.22 to 16.06), so it weighs a bullet as background only in a
# government's own releases and briefings, and only with no decision (``_position``).
_MODAL = re.compile(
    r"\b(?:will|would|can|cannot|could|must|should|may|might|shall|needs? to|won[’']t"
    r"|can[’']t)\b",
    re.I,
)
_ONGOING = re.compile(r"\b(?:is|are|was|were) (?:now |also |still )?([a-z]{2,}ing)\b")


def _progressive(text: str) -> bool:
    """An event under way ("is designating", "are meeting"): the -ing word after "is" is a
    verb, as the tagger reads it, not a noun ("is something", "is nothing")."""
    found = {m.start(1) for m in _ONGOING.finditer(text)}
    return bool(found) and any(
        start in found and pos == "VBG" for _, pos, start, _ in postag.tag(text)
    )


# A word that may be a past tense, or an auxiliary of a perfect or a passive ("has taken",
# "were seen"): only then is the tagger asked what the verbs are
_MAY_BE_PAST = re.compile(
    rf"\b(?:[a-z]{{2,}}ed|has|have|had|was|were|{'|'.join(sorted(lexicon.PAST_TENSE_FORMS))})\b"
    r"|[’']ve\b",
    re.I,
)
_DATED = re.compile(rf"\[\d|\b(?:19|20)\d\d\b|\b{lexicon.month_pattern()}\b")
# A condition makes a modal a position: "The sanctions will stay in place until the war ends."
_CONDITION = re.compile(r"\b(?:until|unless|if|once|as long as)\b", re.I)


@functools.lru_cache(maxsize=4096)  # a key quote is ranked by it and then counted by it
def irrealis(text: str) -> bool:
    """Modal and nothing else: no amount, no date, no condition, no verb of something done
    (``postag.reports_event``: a past tense, a perfect, a past passive; not an "-ed" word that
    is an adjective, "our preferred path", or a participle after a modal, "will be confined")
    or under way."""
    return bool(_MODAL.search(text) and not _CONDITION.search(text) and stative(text))


# An explicit date in a sentence: "June 2019", "June 5, 2019", "in 2019", and the year an
# editor put in brackets, after a month or a day ("in February of last year [2021]", "on
# February 24 [2022]") or after a relative time ("during the year [2023]").
_EXPLICIT_DATE = re.compile(
    rf"(?:\b(?:(?P<month>{lexicon.month_pattern()})\.?\s+(?:(?P<day>\d{{1,2}}),?\s+)?"
    rf"|(?P<named>{lexicon.month_pattern()})\b(?: (?P<nday>\d{{1,2}}))?[^.\[\]\d]{{0,20}}\[|in\s+)"
    r"|(?<=year )\[)(?P<year>(?:19|20)\d\d)\b"
)
# The standard a comparison is made with ("37 percent more … than in 2022", "down by a third
# compared with last year [2025]") is not when the event happened.
_PERIOD = (
    r"(?:\s+the)?(?:\s+(?:last|previous|past|prior|preceding|same))?"
    r"(?:\s+(?:year|month|week|quarter|period))?"
)
_COMPARED_WITH = re.compile(
    r"\b(?:(?:than|compared (?:with|to)|relative to)(?:\s+(?:in|during|over))?"
    + _PERIOD
    + r"(?:\s+last\s+year)?"
    # "down 50 percent on last year [2023]", "down from 450 last year [2023]"
    + r"|(?:on|(?:up|down) from(?:\s+[\d,.]+)?)\s+(?:the\s+)?(?:last|previous|prior|same)\s+"
    + r"(?:year|month|week|quarter|period))\s+$",
    re.I,
)
BACKGROUND_DAYS = 183  # an event this long before its source is background to the source's news
# A government's release or briefing is news of its day: an event it recalls from over a month
# before ("Putin launched a full-scale … invasion … on February 24" in a release of 2 June) is
# the context of what it announces.
RECALLED_DAYS = 31


# A sentence set years back from its source's day, by its opening: "Five years ago, the
# tribunal ruled …" (not "Pinochet, who seized power 25 years ago, was arrested on Friday").
_YEARS_AGO = re.compile(
    rf"^\W*(?:(?:just|some|about|nearly|almost|more than) )?(?:a|an|\d+|"
    rf"{'|'.join(sorted(lexicon.NUMBER_WORDS))}|several|many) (?:years?|decades?) ago\b",
    re.I,
)


_SINCE = re.compile(r"\b[Ss]ince\b[^,;]*$")  # a "since" whose clause runs on to here


def _recalled(c: Candidate) -> bool:
    """An event the source recalls from before its news (``long_before``): over a month
    before a government's release or briefing, half a year before other sources, and, in an
    annual report, before the year it covers ("2023 Country Reports …" tells 2023, published
    in April 2024)."""
    covered = coverage_year(c.doc) if c.doc.doc_type == "report" else None
    if covered is not None and c.doc.date is not None and covered < c.doc.date.year:
        return long_before(c.edited.text, date(covered, 1, 1), 0)
    days = RECALLED_DAYS if c.doc.doc_type in OFFICIAL else BACKGROUND_DAYS
    return long_before(c.edited.text, c.doc.date, days)


def long_before(text: str, when: date | None, days: int = BACKGROUND_DAYS) -> bool:
    """Whether every date the sentence gives is more than ``days`` (BACKGROUND_DAYS unless
    told) before ``when``, its source's date ("At the end of June 2020, …" in a statement of
    August 2021), or it opens years back ("Five years ago, …"): background a reader already
    knows, not what the source reports. Each date is taken at its latest day."""
    if _YEARS_AGO.search(text):
        return True
    # a date a period runs from ("Since protests began in 2019, …") reaches the source's day
    found = [
        m
        for m in _EXPLICIT_DATE.finditer(text)
        if not _SINCE.search(text, 0, m.start()) and not _COMPARED_WITH.search(text, 0, m.start())
    ]
    dates = [_last_day(m) for m in found]
    # a dated document cited for what it found ("According to a 2020 report by …") is of
    # its year, whatever it says of "recent years"
    dates += [date(int(m[1]), 12, 31) for m in _DOCUMENT_YEAR.finditer(text)]
    if when is None or not dates:
        return False
    return (when - max(dates)).days > days


# A year that dates a document: "a 2020 report by the Hudson Institute", "the 2022 World
# Press Freedom Index", "the 2020 population census".
_DOCUMENT_YEAR = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)|\w[’'](?:s\b)?) ((?:19|20)\d\d)"
    r" (?:[A-Z][\w’'-]* |[a-z-]+ ){0,3}?(?i:report|study|survey|index|census|assessment"
    r"|review|ranking)s?\b"
)


def _last_day(m: re.Match[str]) -> date:
    year = int(m["year"])
    named = m["month"] or m["named"]
    month = lexicon.MONTH_NUMBERS.get(named.lower().rstrip(".")) if named else None
    if month is None:
        return date(year, 12, 31)
    last = calendar.monthrange(year, month)[1]
    day = m["day"] or m["nday"]  # the day the text gives, else the month's last
    return date(year, month, min(max(int(day), 1), last) if day else last)


# Continuative aspect: what goes on as it did ("The government continues to undermine …",
# "… has continued to dismantle …"), not what happened.
CONTINUING = re.compile(r"\b(?:continues|continued|continue|continuing) to [a-z]+")


def ongoing(text: str) -> bool:
    """An ongoing course told without a date or an amount (CONTINUING): the background to
    the event a statement reports after it ("… continues to undermine the democratic
    institutions of Hong Kong …" before "The Legislative Council's passage on May 27 of …")."""
    return bool(CONTINUING.search(text)) and not quantity(text) and not _DATED.search(text)


def readout(text: str) -> bool:
    """Where one's own principal went or whom they met (READOUT), with nothing decided there:
    "Yesterday, the Secretary attended a meeting with foreign ministers …". The one
    who went is the sentence's subject, named by a title ("Secretary Blinken", "the Deputy
    Secretary") or "we"; "… a consular officer visited [a detainee]" is news."""
    m = READOUT.search(text)
    # a count of those met is still who was met ("… foreign ministers from all seven Central
    # American countries"); an amount or a decision there is news
    if not m or decision_words(text) or _AMOUNT.search(text):
        return False
    before = text[: m.start()].split(",")[-1].split()  # after an opener: "This morning, …"
    if not before or len(before) > READOUT_SUBJECT_WORDS:
        return False
    if before[0].lower() == "the" and len(before) > 1:
        before = before[1:]
    head, rest = before[0], before[1:]
    return (head.lower() in lexicon.TITLE_WORDS | {"we", "i"}) and all(
        w[:1].isupper() or w in ("of", "also") for w in rest
    )


def bare_stance(c: Candidate) -> bool:
    """A stance with no amount (``_bare_stance``), and not one on the day's news: "We are
    united in our condemnation of the Taliban's decision on March 23 to deny …" tells what
    was decided and when (``_on_a_recent_day``)."""
    return _bare_stance(c.edited.text, c.sentence.text) and not _on_a_recent_day(
        c.edited.text, c.doc.date
    )


@functools.lru_cache(maxsize=4096)  # asked when the pool is drawn and again when it is weighed
def _bare_stance(text: str, sentence: str) -> bool:
    said = STANCE.search(text) or UNSAID_ACT.search(text) or RENEWED.search(text)
    return bool(said) and not quantity(sentence)


def _on_a_recent_day(text: str, when: date | None) -> bool:
    """Whether ``text`` names a day (the month's day given) on or before ``when``, its
    source's date, and no more than RECALLED_DAYS before it: the day of an event the source
    answers ("… condemnation of the Taliban's decision on March 23 [2022] …" in a statement
    of March 24), not a day to come ("As we near the … commemoration … on March 15 …")."""
    if when is None:
        return False
    days = [_last_day(m) for m in _EXPLICIT_DATE.finditer(text) if m["day"] or m["nday"]]
    if any(0 <= (when - day).days <= RECALLED_DAYS for day in days):
        return True
    # the day before the source's, as the editor dated its "yesterday" ("Yesterday [8 June
    # 2022], we joined the … Board … in expressing support …"): a "today" is the stance's
    # own day, and a weekday may be one to come ("… to attend Monday's talks")
    anchored = [_anchored_day(m) for m in _YESTERDAY.finditer(text)]
    return any(0 < (when - day).days <= RECALLED_DAYS for day in anchored if day)


# the editor's date of a "yesterday" (brackets.anchor_days: "Yesterday [8 June 2022]")
_YESTERDAY = re.compile(
    r"\b[Yy]esterday(?:[’']s)? \[(?P<day>\d{1,2}) "
    rf"(?P<month>{lexicon.alternation(lexicon.MONTHS)}) (?P<year>\d{{4}})\]"
)


def _anchored_day(m: re.Match[str]) -> date | None:
    month = lexicon.MONTH_NUMBERS.get(m["month"].lower())
    try:
        return date(int(m["year"]), month, int(m["day"])) if month else None
    except ValueError:
        return None


_NUMBER_WORD = "|".join(sorted(lexicon.NUMBER_WORDS))
_AMOUNT = re.compile(
    r"[$€£]\s?\d|\d[\d,.]*\s?(?:%|percent\b|million\b|billion\b|thousand\b)"
    rf"|\b(?:{_NUMBER_WORD})(?:[- ](?:{_NUMBER_WORD}))* (?:percent|per cent|million|billion"
    r"|thousand)\b",
    re.I,
)
# not the 7 of "G7 ministers", the 19 of "COVID-19 pandemic", the 2 of "the economic 2+2"
_COUNT = re.compile(r"(?:(\S+) )?(?<![\w.+-])\d[\d,]*\s+\w")


def quantity(text: str) -> bool:
    """Whether the sentence gives an amount or a count ("$266 million", "24 entities"), not
    only a number that names something ("UNSCR 2254", "Brussels 6", "E.O. 14024")."""
    if _AMOUNT.search(text):
        return True

    def names_it(before: str) -> bool:  # "UNSCR 2254", not "The 83 members"
        return before[:1].isupper() and before.lower() not in STOPWORDS

    return any(not names_it(m[1] or "") for m in _COUNT.finditer(text))


def to_point(c: Candidate) -> Point:
    return Point(
        c.edited.text,
        source_id(c.doc),
        c.doc.page_at(c.sentence.start),
        said_by=c.edited.said_by,
        date=c.doc.date,
        spans=c.edited.spans,
        reported=_by_reporter(c),
        spoken=bool(c.sentence.speaker and c.edited.said_by),
        interpreted=interpreted(c.doc, c.sentence.start),
    )


def _by_reporter(c: Candidate) -> bool:
    """Whether the bullet's said_by is the byline of a news story: the reporter tells what
    happened and what others said; the words are not a speaker's."""
    return (
        c.doc.doc_type == "news"
        and not c.sentence.speaker
        and bool(c.edited.said_by)
        and c.edited.said_by == byline(c.doc)
    )


def select(
    pool: list[Candidate],
    *,
    words: int,
    query: str = "",
    feedback: bool = False,
    actions: Collection[str] = (),
    kind: Collection[str] = (),
    told: int = 0,
    keywords: Sequence[str] = (),
) -> list[Candidate]:
    """Lin & Bilmes's greedy selection from ``pool``, most valuable first; with ``feedback``
    (the query is a question in plain words) the query is widened by pseudo-relevance
    feedback (see ``_relevance``). ``kind``: the class of named things the question asks for
    (``answer_class``). ``told``: news of the topic already told outside ``pool`` (the
    executive summary's point), which counts toward ENOUGH_NEWS. ``keywords``: the terms
    ``query`` joins, each whole ("South China Sea")."""
    if feedback:
        pool = in_asked_sections(pool, set(content_words(query)))
    if feedback and _of_many_reports(pool):
        # a question asked of reports on many countries: a sentence that has none of its words
        # but the kind of answer wanted ("the country") answers something else
        pool = _on_question(pool, set(content_words(query)), set(kind), set(actions))
    if not pool or words <= 0:
        return []
    vectors = _tfidf([c.edited.text for c in pool])
    pool, vectors = _prune(pool, vectors)
    sims = _similarities(vectors)
    n = len(pool)
    per_source = Counter(c.key[0] for c in pool)
    reports = all(c.doc.doc_type == "report" for c in pool) and len(per_source) > 2
    if reports and feedback:
        # a question asked of reports on many countries: what they share is their template
        # ("There were reports that the government … committed arbitrary or unlawful
        # killings"), not the answer, so a sentence is central among its own report's
        sims = [
            {j: w for j, w in row.items() if pool[j].key[0] == pool[i].key[0]}
            for i, row in enumerate(sims)
        ]
    cover_all = [1.0 + sum(row.values()) for row in sims]  # C_i(V), self-similarity 1
    cap = [SATURATION_A / n * c for c in cover_all]
    answers: list[float] = []
    reward = _rewards(
        pool,
        vectors,
        cover_all,
        query,
        feedback,
        genre=reports and feedback,
        actions=actions,
        answers=answers,
        keywords=keywords,
    )
    cluster = _clusters(sims, cover_all)
    # Each source weighs the same in the coverage term, however many sentences it has, so
    # that one long source does not stand for the topic.
    weight = [n / len(per_source) / per_source[c.key[0]] for c in pool]
    # asked a question, news answers it where it is told best (spreading cost the 250-word
    # proxy 16.53 -> 16.36); a set of reports, one a country, answers it country by country
    spread = SOURCE_DIVERSITY if not feedback or reports else 0.0
    # A set of reports asked a question answers it country by country, but for drawing on
    # one more report half the reward is its answer (its relevance, on the rewards' scale),
    # not its centre: a report's most central sentence is its template ("authorities detained
    # …"), whatever was asked. Half, as in the rewards themselves (QUERY_SHARE): an answer in
    # other words than the question's ("closed a newspaper") still counts.
    by_source = reward
    if reports and feedback and answers:
        scale = sum(reward)  # answers sum to 1
        by_source = [
            (1 - ANSWER_SHARE) * r + ANSWER_SHARE * scale * a
            for r, a in zip(reward, answers, strict=True)
        ]
    # what a source says of its subject spreads over its parts (a report's chapters), not only
    # over sources; asked a question, a report answers it in the sections on it, and a set
    # of reports asked for keywords (one a country) answers country by country
    units = [c.key[0] for c in pool] if feedback or reports else _parts_of(pool)
    chosen = _greedy(
        pool, sims, cap, reward, cluster, words, weight, spread, by_source, units=units
    )
    chosen = _more_specific(pool, chosen, sims, reward, words)
    released = _news_of_releases(pool, chosen, sims, words, told)
    given_up = [k for k in chosen if k not in released]
    leads = _leads_of_decisions(pool, released, sims, words)
    chosen = _without_padding(pool, leads, told)
    padding = [k for k in leads if k not in chosen]
    chosen += _news_after(pool, padding, chosen, sims, given_up)
    chosen = _after_padding(pool, chosen, padding, reward, sims, words, given_up)
    chosen = _without_less_exact(pool, chosen, sims)
    for k, order in developments(chosen, cluster, reward).items():
        pool[k].development = order
    return _naming_parts([pool[k] for k in chosen], words)


def _naming_parts(chosen: list[Candidate], budget: int) -> list[Candidate]:
    """``chosen`` with a decision told only by its kind ("… is designating Russian oligarchs,
    state-owned entities, and illegitimate authorities …") followed by the sentence naming its
    parts ("… three oligarchs: Dmitry …"), where the budget has room for it, or once beyond
    it, as the greedy's last sentence may run over: a sanction that names no one tells a
    director nothing to act on. A chosen bullet the run takes in goes. Where the naming
    sentence tells the decision in its place (``_with_parts``) and is no longer, the swap
    spends nothing and is always made."""
    out = list(chosen)
    spent = sum(c.words for c in out)
    over = False
    for c in chosen:
        if c.parts is None or not any(o is c for o in out):
            continue
        edited, run = c.parts
        inside = [
            o
            for o in out
            if o.doc is c.doc and o is not c and run.start <= o.sentence.start < run.end
        ]
        more = word_count(edited.text) - c.words - sum(o.words for o in inside)
        if more > 0 and spent + more > budget and over:
            continue
        over = over or (more > 0 and spent + more > budget)
        whole = dataclasses.replace(
            c, edited=edited, sentence=run, words=word_count(edited.text), parts=None
        )
        out = [whole if o is c else o for o in out if not any(o is i for i in inside)]
        spent += more
    return out


_FIGURE = re.compile(r"(?<![\w.-])\d[\d,.]*\d|(?<![\w.-])\d(?![\w])")
# a sentence of a bullet's development (as similar as a cluster's members), with all its
# figures and more, tells its fact more exactly (DUC 2004 37.24/9.73 -> 37.21/9.69; ducq
# 37.17/9.46 and QMSum 33.18/12.55 unchanged)
SPECIFIC_SIM = CLUSTER_SIM


# a date's numbers are when, not how many: "during 2023", "on 14 November", "May 5th"
_DATE_NUMBERS = re.compile(
    rf"\b(?:1[89]|20)\d\d\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{lexicon.month_pattern()}"
    rf"|{lexicon.month_pattern()}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
)


def _figures(text: str) -> frozenset[str]:
    """The counts and amounts a sentence gives, not its dates or editor's insertions."""
    bare = _DATE_NUMBERS.sub(" ", _INSERTED.sub("", text))
    return frozenset(m[0].replace(",", "") for m in _FIGURE.finditer(bare))


def _more_specific(
    pool: list[Candidate],
    chosen: list[int],
    sims: list[dict[int, float]],
    reward: list[float],
    budget: int,
) -> list[int]:
    """``chosen`` with a bullet given up for a sentence that says it again with more figures:
    every figure of the bullet and more ("A total of 798 citizens were executed during the
    year, marking a 37 percent increase" for "authorities executed 37 percent more
    persons"). Of two tellings of one fact a brief keeps the more exact."""
    out = list(chosen)
    spent = sum(pool[i].words for i in out)
    for n, j in enumerate(out):
        mine = _figures(pool[j].edited.text)
        if not mine:
            continue
        rivals = [
            k
            for k, sim in sims[j].items()
            if sim >= SPECIFIC_SIM
            and k not in out
            and mine < _figures(pool[k].edited.text)
            and spent - pool[j].words + pool[k].words <= max(budget, spent)
            and not chosen_near(k, [i for i in out if i != j], sims, pool)
            and not any(same_start(pool[k], pool[i]) for i in out if i != j)
        ]
        if rivals:
            k = max(rivals, key=lambda k: reward[k])
            out[n] = k
            spent += pool[k].words - pool[j].words
    return out


def _without_less_exact(
    pool: list[Candidate], chosen: list[int], sims: list[dict[int, float]]
) -> list[int]:
    """``chosen`` without a bullet that another of its source says again with more figures ("…
    authorities executed 37 percent more persons …" beside "A total of 798 citizens were
    executed …, marking a 37 percent increase"), however each came to be chosen."""
    figures = {j: _figures(pool[j].edited.text) for j in chosen}
    return [
        j
        for j in chosen
        if not figures[j]
        or not any(
            k != j
            and pool[k].doc is pool[j].doc  # two sources' "3 killed" may be two strikes
            and max(sims[j].get(k, 0.0), sims[k].get(j, 0.0)) >= SPECIFIC_SIM
            and figures[j] < figures[k]
            for k in chosen
        )
    ]


def _parts_of(pool: Sequence[Candidate]) -> list[tuple[str, int]]:
    """Each candidate's source and the part of it (``report_parts``) it stands in."""
    parts: dict[int, tuple[int, ...]] = {}
    out = []
    for c in pool:
        if id(c.doc) not in parts:
            parts[id(c.doc)] = report_parts(c.doc.text) if c.doc.doc_type == "report" else ()
        out.append((c.key[0], bisect.bisect_right(parts[id(c.doc)], c.sentence.start)))
    return out


def _of_many_reports(pool: Sequence[Candidate]) -> bool:
    return len({c.key[0] for c in pool}) > 2 and all(c.doc.doc_type == "report" for c in pool)


def _on_question(
    pool: list[Candidate], asked: set[str], kind: set[str], actions: Collection[str] = ()
) -> list[Candidate]:
    """The candidates on the question, report by report: never one whose only word of the
    question is the kind of answer it wants ("… left the country", asked "Which countries
    …?": a report names its country throughout); those that use another of its words, where
    the report has any; where it has none, a report may answer in its own words ("closed a
    newspaper", asked of restrictions on journalists)."""
    asked, kind, verbs = _forms(asked), _forms(kind), _forms(actions)  # in any of their forms
    # a verb asks for any act of its kind: "detained" is answered by "sentenced to … in jail"
    classes = map(_forms, lexicon.VERB_CLASSES.values())
    kin = {f for forms in classes if forms & verbs for f in forms}
    asked, verbs = asked | kin, verbs | kin
    words = asked - kind
    nouns = words - verbs
    shared = {id(c): asked & _forms(content_words(c.edited.text)) for c in pool}
    pool = [c for c in pool if not (kind and shared[id(c)] and shared[id(c)] <= kind)] or pool
    # the question whole first ("journalists … detained"); then its nouns, as a verb alone
    # ("treated") is said of other things too (``_rewards``); then any of its words
    for answers in (
        lambda c: shared[id(c)] & nouns and shared[id(c)] & verbs,
        lambda c: shared[id(c)] & nouns,
        lambda c: shared[id(c)] & words,
    ):
        answering = {c.key[0] for c in pool if answers(c)}
        pool = [c for c in pool if c.key[0] not in answering or answers(c)]
    return pool


def _leads_of_decisions(
    pool: list[Candidate], chosen: list[int], sims: list[dict[int, float]], budget: int
) -> list[int]:
    """``chosen`` with a part of a listed decision ("… is designating Pioneer Ship Management
    …") given up for the sentence before it in its source that states the decision whole
    ("… is designating six entities facilitating …"): a release leads with its news and then
    lists its parts, and the reader needs the whole first. In a government's own releases
    and briefings."""
    out = list(chosen)
    spent = sum(pool[i].words for i in out)
    for n, j in enumerate(out):
        if pool[j].doc.doc_type not in OFFICIAL:
            continue  # a report's sections are no pyramid; news keeps its pick (DUC 2004
            # generic R-1 37.45 -> 37.38 when news was asked too)
        leads = [
            k
            for k in range(len(pool))
            if k not in out
            and pool[k].doc is pool[j].doc
            and pool[k].sentence.start < pool[j].sentence.start
            and same_decision(pool[k], pool[j])
            and spent - pool[j].words + pool[k].words <= max(budget, spent)
            and not chosen_near(k, [i for i in out if i != j], sims, pool)
            and not any(same_start(pool[k], pool[i]) for i in out if i != j)
        ]
        if leads:
            out[n] = min(leads, key=lambda k: pool[k].sentence.start)
            spent += pool[out[n]].words - pool[j].words
    return out


def _news_of_releases(
    pool: list[Candidate],
    chosen: list[int],
    sims: list[dict[int, float]],
    budget: int,
    told: int = 0,
) -> list[int]:
    """``chosen`` with a press release's circumstance ("Over the past year, … officials have
    systematically undermined …") given up for its news, the first sentence in which the
    government announces what it did (``announces``: "The Department of State has designated
    …"), when no chosen sentence of that release tells it or an amount: a release is one
    story, its main event what the government did (van Dijk 1988), and a bullet that tells
    only the circumstance leaves out why the release was issued. The circumstance given up is
    the release's chosen background, else its chosen sentence first in its text (a release
    sets out its circumstance before its news); when the chosen news is enough for the
    background to go (``_without_padding``, with ``told`` news told elsewhere), the chosen
    sentence that would stay ("The PRC has fundamentally altered …"), else its background.
    Where the budget has room, or once beyond it: a release told by its circumstance tells
    a director nothing to act on."""
    out = list(chosen)
    padded = sum(not background(pool[i]) for i in out) + told >= ENOUGH_NEWS

    def words(j: int) -> int:
        return 0 if padded and background(pool[j]) else pool[j].words

    spent = sum(words(i) for i in out)
    over = False  # once beyond the budget, as the greedy's last sentence may run over
    for doc in {id(pool[i].doc): pool[i].doc for i in out}.values():
        mine = [i for i in out if pool[i].doc is doc]
        if doc.doc_type != "press release" or any(
            own_announcement(pool[i].edited.text, doc.text) or quantity(pool[i].edited.text)
            for i in mine
        ):
            continue
        # padded, the background goes anyway: the circumstance that would stay gives way
        j = min(mine, key=lambda i: (background(pool[i]) == padded, pool[i].sentence.start))
        others = [i for i in out if i != j]
        news = [
            k
            for k in range(len(pool))
            if k not in out
            and pool[k].doc is doc
            and own_announcement(pool[k].edited.text, doc.text)
            and not background(pool[k])
            and not chosen_near(k, others, sims, pool)
            and not any(same_start(pool[k], pool[i]) for i in others)
        ]
        if not news:
            continue
        k = min(news, key=lambda k: pool[k].sentence.start)
        fits = spent - words(j) + pool[k].words <= max(budget, spent)
        if fits or not over:
            over = over or not fits
            out[out.index(j)] = k
            spent += pool[k].words - words(j)
    return out


# The government that issued a release, as the subject of a sentence, after a short opening
# ("Today, the Department of State …", "During Part One, Secretary Blinken …", "As part of our
# commitment to the people of Afghanistan, the United States …", "The United States …",
# "We …"); not an international body's Secretary-General.
ANNOUNCER = re.compile(
    r"\W*(?:[A-Z][^,]{0,60}, )?(?:\[?[Tt]\]?he )?(?:U\.S\. )?"
    r"(?P<who>United States|Department|Secretary(?![- ]General)|President|Administration|[Ww]e\b)"
)


def narrates_act(text: str, context: str = "") -> bool:
    """Whether ``text`` announces (``own_announcement``) what the government did under its
    name, not as "we": a release's narration ("Today, President Biden directed …"), not its
    voice ("We have frozen the assets of …")."""
    m = ANNOUNCER.match(text)
    return m is not None and m["who"].lower() != "we" and own_announcement(text, context)


# A head of another government: "President Vesk of Arland", or one the source names with
# his country's adjective ("Russian President Vladimir Putin", then "President Putin").
_HEAD_OF = re.compile(r"(?:[A-Z][\w.’'-]* ){1,3}of (?:the )?[A-Z]")
_NOT_NATIONAL = frozenset({"Vice", "Deputy", "Acting", "Under", "Assistant", "The", "Former"})


def own_announcement(text: str, context: str = "") -> bool:
    """``announces``, by the release's own government: not by a President or Secretary of
    another country, by the sentence ("President Vesk of Arland has claimed …") or by how
    ``context``, the source's text, names him ("Russian President Vladimir Putin")."""
    m = ANNOUNCER.match(text)
    if m is None or not announces(text):
        return False
    if m["who"] not in ("President", "Secretary"):
        return True
    rest = text[m.end() :].lstrip()
    if _HEAD_OF.match(rest):
        return False
    name = re.match(r"(?:[A-Z][\w.’'-]* ?){1,3}", rest)
    if name is None:
        return True
    surname = name[0].split()[-1]
    for found in re.finditer(
        rf"\b([A-Z][a-z]+) {m['who']}(?: [A-Z][\w.’'-]*)* {surname}\b", context
    ):
        if found[1] not in _NOT_NATIONAL:
            return False
    return True


_NOT_ACTS = frozenset({"been", "seen", "heard", "said", "noted", "stated", "made", "told", "added"})


@functools.lru_cache(maxsize=4096)
def announces(text: str) -> bool:
    """Whether a government announces in ``text`` what it did: ANNOUNCER as the subject of
    the sentence's first verb, and that verb an act done (a past tense, a perfect) or under
    way ("is designating", lexicon.DECISIONS_IN_PROGRESS). Not a stance ("The United States
    condemns …", "… is committed to …"), nor what it will do."""
    m = ANNOUNCER.match(text)
    if m is None:
        return False
    words = postag.tag(text)
    # an opening is a phrase: a clause with its own verb ("The sanctions are working,
    # President Biden said") is no opening of the government's sentence
    if any(pos in postag.FINITE and start < m.start("who") for _, pos, start, _ in words):
        return False
    # the subject's verb: not one of the opening's ("After Russia invaded Ukraine, …")
    tagged = [(postag.normal(w), pos) for w, pos, start, _ in words if start >= m.end()]
    verb = next(
        (i for i, (_, pos) in enumerate(tagged) if pos.startswith("VB") or pos == "MD"), None
    )
    if verb is None:
        return False
    word, pos = tagged[verb]
    after = [w for w, p in tagged[verb + 1 : verb + 3] if p.startswith("VB")]
    if pos == "VBD":  # "… the Department of State said" reports words, not an act
        return word not in ("was", "were") and word not in _NOT_ACTS
    if pos == "VBN":  # a past form right after the subject is its verb ("… imposed …"),
        return word not in _NOT_ACTS  # whatever the tagger made of it
    if word in ("has", "have"):
        done = [w for w, p in tagged[verb + 1 : verb + 3] if p == "VBN"]
        return bool(done) and done[0] not in _NOT_ACTS  # "has been clear", "have seen reports"
    if word in ("is", "are"):
        return any(w in lexicon.DECISIONS_IN_PROGRESS for w in after)
    return False


def _without_padding(pool: list[Candidate], chosen: list[int], told: int = 0) -> list[int]:
    """``chosen`` without the background from a government's own releases and briefings (a
    stance, a readout, an appointment, …) when ENOUGH_NEWS bullets say what happened (``told``
    of them elsewhere in the brief): the budget is a limit, not a quota, and a director cuts
    what only fills it. So do reports ("There were no significant changes in …" before a
    report's findings). News and meetings keep theirs: their background is mostly the
    story's own context. A topic with less news keeps as much of it as brings its section to
    ENOUGH_NEWS bullets, the first chosen first: "There is still much work to do …" after
    two sanctions and a count is a section of three; two more stances only fill it."""
    news = [k for k in chosen if not background(pool[k])]
    own = [k for k in chosen if pool[k].doc.doc_type not in PADDED and not _recalled(pool[k])]
    padding = [k for k in chosen if k not in news and k not in own]
    room = max(0, ENOUGH_NEWS - len(news) - told)
    return [k for k in chosen if k in news or k in own or k in padding[:room]]


# A length of time: how long, not how many of something ("in 15 years", "for 18 months").
_DURATION = re.compile(
    r"\b(?:\d[\d,]*|[a-z]+)[- ](?:years?|months?|weeks?|days?|decades?|hours?|centuries)\b",
    re.I,
)


def _counts_things(text: str) -> bool:
    """An amount or a count of things, not of time ("… leadership in 15 years") nor a date,
    the editor's ("Today [1 June 2021] marks …") or the source's."""
    bare = _DATE_NUMBERS.sub(" ", _INSERTED.sub("", text))
    return quantity(_DURATION.sub(" ", bare))


def _after_padding(
    pool: list[Candidate],
    chosen: list[int],
    gone: list[int],
    reward: list[float],
    sims: list[dict[int, float]],
    budget: int,
    given_up: Collection[int] = (),
) -> list[int]:
    """``chosen`` and, when padding ``gone`` left the budget short, the news of most reward
    not chosen that gives an amount or a count, as the greedy's last sentence may run over:
    the words padding took were the budget's, and a section of three bullets with a fourth's
    words left says less than it could. Once; only a fact a reader can check ("… has now
    launched 31 ballistic missiles in 2022 …"), as past the budget the next by reward is as
    often a biography or a speaker's aside; never background, a circumstance ``given_up``
    for its release's news, nor a sentence a chosen one says again."""
    if not gone or sum(pool[k].words for k in chosen) >= budget:
        return chosen
    for k in sorted(range(len(pool)), key=lambda k: -reward[k]):
        if k in chosen or k in gone or k in given_up or background(pool[k]):
            continue
        if not _counts_things(pool[k].edited.text):
            continue
        if chosen_near(k, chosen, sims, pool):
            continue
        if any(same_start(pool[k], pool[j]) for j in chosen):
            continue
        return [*chosen, k]
    return chosen


def _news_after(
    pool: list[Candidate],
    padding: list[int],
    chosen: list[int],
    sims: list[dict[int, float]],
    given_up: Collection[int] = (),
) -> list[int]:
    """For each piece of ``padding`` that went, the news right after it in its source (within
    LEAN_BACK sentences), in its place: a release sets out the circumstance, then its news
    ("… 44 other countries invoked the OSCE Moscow Mechanism … on June 2", then "In the report
    released at today's … meeting, the mission of experts found …"; van Dijk 1988's
    circumstance and main event). Not a refill of the budget: only what follows what went,
    and not a circumstance ``given_up`` for its release's news (``_news_of_releases``)."""
    back: list[int] = []
    for p in padding:
        after = [
            k
            for k in range(len(pool))
            if pool[k].doc is pool[p].doc and 0 < pool[k].index - pool[p].index <= LEAN_BACK
        ]
        if not after:
            continue
        k = min(after, key=lambda k: (pool[k].index, pool[k].words))  # the next one
        if not (
            k in chosen
            or k in padding
            or k in given_up
            or background(pool[k])
            or chosen_near(k, chosen + back, sims, pool)
        ):
            back.append(k)
    return back


def developments(chosen: list[int], cluster: list[int], reward: list[float]) -> dict[int, int]:
    """Each chosen sentence's development (its cluster), numbered most important first: by
    the highest reward of the cluster's chosen sentences (centrality, substance, query, lead).
    The greedy order is no measure of it: its gain divides by length, so a short sentence
    that shares common words with many ("Human rights organizations believed the regime
    targeted …") comes first and a report's main findings after it."""
    weight: dict[int, float] = {}
    for k in chosen:
        weight[cluster[k]] = max(weight.get(cluster[k], 0.0), reward[k])
    rank = {c: i for i, c in enumerate(sorted(weight, key=lambda c: -weight[c]))}
    return {k: rank[cluster[k]] for k in chosen}


def _greedy(
    pool: list[Candidate],
    sims: list[dict[int, float]],
    cap: list[float],
    reward: list[float],
    cluster: list[int],
    budget: int,
    weight: list[float],
    spread: float = 0.0,
    by_source: list[float] | None = None,
    units: Sequence[Hashable] | None = None,
) -> list[int]:
    """Lazy greedy on gain / cost^r; once nothing fits, one last sentence may run over. The
    source-diversity term (``spread``) sums ``by_source`` (default: ``reward``) over
    ``units`` (default: each candidate's source; a report's part is one too)."""
    mass: defaultdict[int, float] = defaultdict(float)
    from_source: defaultdict[Hashable, float] = defaultdict(float)
    source = list(units) if units is not None else [c.key[0] for c in pool]
    answer = by_source or reward
    chosen: list[int] = []
    spent = 0

    # the coverage term over a dense similarity matrix: Σ weight_i · (min(covered_i + w_ki,
    # cap_i) − min(covered_i, cap_i)) for every k is one row of arithmetic, not a loop
    n = len(pool)
    matrix = np.zeros((n, n))
    for k, row in enumerate(sims):
        matrix[k, list(row)] = list(row.values())
    np.fill_diagonal(matrix, 1.0)
    limit, weights = np.asarray(cap), np.asarray(weight)
    have = np.zeros(n)

    def gain(k: int) -> float:
        g = float(weights @ (np.minimum(have + matrix[k], limit) - np.minimum(have, limit)))
        c, s = cluster[k], source[k]
        return (
            g
            + DIVERSITY * (math.sqrt(mass[c] + reward[k]) - math.sqrt(mass[c]))
            + spread * (math.sqrt(from_source[s] + answer[k]) - math.sqrt(from_source[s]))
        )

    def cost(k: int) -> float:
        return max(1, pool[k].words) ** COST_SCALE

    heap = [(-gain(k) / cost(k), k) for k in range(len(pool))]
    heapq.heapify(heap)
    overflow: int | None = None
    while heap and spent < budget:
        _, k = heapq.heappop(heap)
        fresh = gain(k) / cost(k)
        if heap and fresh < -heap[0][0] - 1e-12:
            heapq.heappush(heap, (-fresh, k))  # stale: gains only shrink (submodularity)
            continue
        if chosen_near(k, chosen, sims, pool):
            continue
        # a sentence taken with the one it leans on continues a bullet already chosen
        shorter = next((j for j in chosen if same_start(pool[j], pool[k])), None)
        more = pool[k].words - (pool[shorter].words if shorter is not None else 0)
        if spent + more > budget:
            overflow = k if overflow is None else overflow
            continue
        if shorter is not None:
            chosen.remove(shorter)
        chosen.append(k)
        spent += more
        have += matrix[k]
        mass[cluster[k]] += reward[k]
        from_source[source[k]] += answer[k]
    if overflow is not None and spent < budget and not chosen_near(overflow, chosen, sims, pool):
        chosen = [j for j in chosen if not same_start(pool[j], pool[overflow])]
        chosen.append(overflow)
    if not chosen and overflow is not None:
        chosen.append(overflow)
    return chosen


def chosen_near(
    k: int, chosen: list[int], sims: list[dict[int, float]], pool: list[Candidate]
) -> bool:
    """Whether candidate ``k`` says again what one already chosen says. A sentence taken
    with the one before it (the same start) is said again by no shorter bullet it continues,
    and by any longer one; a release's appraisal of how things stand (``appraisal``) is said
    again by another of its appraisals, in whatever words ("… Hong Kong's freedoms are
    diminishing …", then "The differences between Hong Kong and cities in mainland China
    are shrinking …")."""

    def near(j: int) -> bool:
        if same_start(pool[j], pool[k]):
            return pool[j].words >= pool[k].words
        if pool[j].doc is pool[k].doc and same_decision(pool[j], pool[k]):
            return True
        if pool[j].doc is pool[k].doc and appraisal(pool[j]) and appraisal(pool[k]):
            return True
        limit = REDUNDANT_IN_SOURCE if pool[j].doc is pool[k].doc else REDUNDANT
        return sims[k].get(j, 0.0) >= limit

    return any(near(j) for j in chosen)


def appraisal(c: Candidate) -> bool:
    """A sentence of a government's written release that tells how things are going (a
    trend in the present progressive, TREND: "… freedoms are diminishing …") with no event
    (``postag.reports_event``), no amount, nothing it will do and nothing it announces. A
    release restates its appraisal for emphasis; the reader needs it once."""
    text = c.edited.text
    return (
        c.doc.doc_type == "press release"
        and TREND.search(text) is not None
        and not irrealis(text)
        and not postag.reports_event(text)
        and not quantity(text)
        and not announces(text)
    )


# How things are going: "… are diminishing", "… is deteriorating", "… are shrinking".
TREND = re.compile(r"\b(?:is|are) (?:[a-z]+ly )?[a-z]{3,}ing\b")


_IN_PROGRESS = re.compile(
    r"\b(?:is|are|am|was|were|be|been|being)\s+(?:[a-z]+ly\s+|also\s+|now\s+)?([a-z]+ing)\b"
)


def decision_words(text: str) -> list[str]:
    """The words of decision and action in ``text`` (lexicon.DECISION_STEMS), and those in
    progress after a form of "be" ("is designating")."""
    found = [w for w in content_words(text) if w in DECISION_STEMS]
    return found + [
        m[1] for m in _IN_PROGRESS.finditer(text) if m[1] in lexicon.DECISIONS_IN_PROGRESS
    ]


def same_decision(a: Candidate, b: Candidate) -> bool:
    """Whether two sentences report a decision of one kind that names its many parts in a
    list (lexicon.LISTED_DECISIONS: "is designating six entities …", "is designating Pioneer
    Ship Management …"): from one source, one decision and the parts of it that the source
    goes on to list, one development."""
    return bool(_listed(a.edited.text) & _listed(b.edited.text))


@functools.lru_cache(maxsize=4096)
def _listed(text: str) -> frozenset[str]:
    return frozenset(
        kind
        for w in decision_words(text)
        for kind in lexicon.LISTED_DECISIONS
        if w.startswith(kind)
    )


def same_start(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates open on the same sentence: one continues the other."""
    return a.doc is b.doc and a.sentence.start == b.sentence.start


def reading_order(chosen: Sequence[Candidate]) -> list[Candidate]:
    """Development by development (the most important first), each in date and text order.
    Bullets from reports are read report by report, each in its own order: a report is laid
    out by its author, findings first and then section by section, and a summary of a
    structured document keeps its order (as extractive summaries of one document do)."""

    def by_development(c: Candidate) -> tuple[int, str, int, int]:
        day = c.doc.date.isoformat() if c.doc.date else ""
        return (c.development, day, c.rank, c.sentence.start)

    def by_report(c: Candidate) -> tuple[int, int]:
        return (c.rank, c.sentence.start)

    reports = bool(chosen) and all(c.doc.doc_type == "report" for c in chosen)
    out = sorted(chosen, key=by_report if reports else by_development)
    # A bullet right after another in its source is read after it: its lead before the
    # sentence that goes on from it ("China announced new licensing requirements …" before
    # "Exporters will need a license …").
    for a in range(len(out)):
        for b in range(a + 1, len(out)):
            x, y = out[a], out[b]
            if x.key[0] == y.key[0] and 0 < x.index - y.index <= NEAR_SENTENCES:
                out[a], out[b] = y, x
    return out


@functools.lru_cache(maxsize=1 << 14)  # a bullet's words are asked for its vector, its
def _words(text: str) -> tuple[str, ...]:  # likeness to the headline and its substance
    return tuple(content_words(text))


def headline_likeness(text: str, title: str) -> float:
    """How far ``text`` says what its source's headline ``title`` says (the cosine of their
    words): Edmundson (1969)'s title method, a source's news is what its headline tells."""
    return cosine(Counter(_words(text)), Counter(_words(title)))


def _forms(words: Iterable[str]) -> set[str]:
    return {stem(w) for w in words}


def _tfidf(texts: Sequence[str]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors, IDF over the sentences themselves."""
    bags = [Counter(_words(t)) for t in texts]
    df = Counter(w for bag in bags for w in bag)
    n = len(bags)
    out = []
    for bag in bags:
        vec = {w: (1 + math.log(c)) * math.log(1 + n / df[w]) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append({w: v / norm for w, v in vec.items()})
    return out


def _prune(
    pool: list[Candidate], vectors: list[dict[str, float]]
) -> tuple[list[Candidate], list[dict[str, float]]]:
    """At most MAX_POOL candidates: the closest to the centroid of them all."""
    if len(pool) <= MAX_POOL:
        return pool, vectors
    keep = _central(vectors, MAX_POOL)
    return [pool[i] for i in keep], [vectors[i] for i in keep]


def _central(vectors: list[dict[str, float]], k: int) -> list[int]:
    """The indices of the ``k`` vectors closest to the centroid of all, in order."""
    centroid: Counter[str] = Counter()
    for vec in vectors:
        centroid.update(vec)
    score = [sum(v * centroid[w] for w, v in vec.items()) for vec in vectors]
    return sorted(sorted(range(len(vectors)), key=lambda i: -score[i])[:k])


def _similarities(vectors: list[dict[str, float]]) -> list[dict[int, float]]:
    """Sparse cosine similarities through an inverted index (no pair shares no word)."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for w, v in vec.items():
            postings[w].append((i, v))
    sims: list[dict[int, float]] = [defaultdict(float) for _ in vectors]
    for plist in postings.values():
        for a in range(len(plist)):
            i, vi = plist[a]
            row = sims[i]
            for j, vj in plist[a + 1 :]:
                row[j] += vi * vj
    for i in range(len(vectors)):  # make it symmetric
        for j, sim in list(sims[i].items()):
            if j > i:
                sims[j][i] = sim
    return [dict(row) for row in sims]


def _rewards(
    pool: list[Candidate],
    vectors: list[dict[str, float]],
    cover_all: list[float],
    query: str,
    feedback: bool = False,
    genre: bool = False,
    actions: Collection[str] = (),
    answers: list[float] | None = None,
    keywords: Sequence[str] = (),
) -> list[float]:
    """r_j: centrality (mean similarity), query relevance, substance and lead position;
    ``answers``, when given, is filled with each sentence's share of the query relevance;
    ``keywords``: the query's terms as the topic gives them, a phrase as one. With
    ``genre`` (reports on many countries asked a question: they share a genre, not a topic)
    the signature is of the sentences the question's words retrieve against the rest of the
    pool (``asked_signature``), not against a general background, where it would be the
    genre's own words."""
    n = len(pool)
    centrality = [c / n for c in cover_all]
    headings = _section_headings(pool)
    qwords = Counter(content_words(query))
    key_terms: list[frozenset[str]] | None = None  # the keywords whole, given keywords
    titles = [set(content_words(t)) for t in {c.doc.title for c in pool}]
    for w in _said_of_all(pool, titles):
        qwords.pop(w, None)
    if qwords:
        signature = asked_signature(pool, set(qwords)) if genre else topic_signature(pool)
        # A question's verbs say what it asks of its nouns ("How are journalists detained
        # and treated?"): a sentence with the verb alone ("… detained individuals perceived
        # as …") is about someone else. Nouns carry a query, verbs much less (Lioma & Blanco
        # 2009, part of speech in query term weighting); a verb weighing half a noun still
        # chose the sentences about others. Its verbs are its query only when it has no noun.
        topic_words = set(qwords) - set(actions) or set(qwords)
        if feedback:
            weights = {
                w: QUERY_TERMS * (w in topic_words) + (1 - QUERY_TERMS) * (w in signature)
                for w in {*qwords, *signature}
            }
            relevance = _relevance(vectors, weights, feedback, asked=set(qwords))
        else:
            # the keywords whole ("South China Sea") or as the sources name them ("Ocalan"),
            # without the words no longer asked (said of every title, or the topic's action)
            dropped = set(content_words(query)) - topic_words
            texts = "\n".join(dict.fromkeys(c.doc.text for c in pool))
            terms = [k - dropped for k in in_source(keywords, texts) if k - dropped]
            terms = terms or [frozenset([w]) for w in topic_words]
            key_terms = terms
            acts = {stem(w) for w in actions}
            relevance = _keyword_relevance(vectors, terms, signature, acts)
        relevance = _under_headings(pool, relevance, set(qwords), headings)
        total = sum(relevance)
        if answers is not None and total > 0:
            answers[:] = [r / total for r in relevance]
        if total > 0:
            scale = sum(centrality) / total
            centrality = [
                (1 - QUERY_SHARE) * c + QUERY_SHARE * r * scale
                for c, r in zip(centrality, relevance, strict=True)
            ]
    out = []
    for c, cand, heading in zip(centrality, pool, headings, strict=True):
        prior = 1.0 + SUBSTANCE_WEIGHT * substance(cand.edited.text)
        # Edmundson (1969)'s title method: a sentence that says what its source's headline
        # says carries that source's news
        prior *= 1.0 + TITLE_WEIGHT * headline_likeness(cand.edited.text, cand.doc.title)
        if background(cand):
            prior *= STANCE_DISCOUNT
        if cand.passing:
            prior *= PASSING_DISCOUNT
        # a report's opening sums up the whole report: the answer to a question, or on
        # keywords other than the report's own subject ("journalists" in a report on Iran), is
        # in the section on it
        asked_of_report = cand.doc.doc_type == "report" and (
            feedback or (bool(qwords) and not titled(cand.doc, set(qwords), key_terms))
        )
        if cand.doc.doc_type not in ("transcript", "interview") and not asked_of_report:
            prior *= 1.0 + LEAD_WEIGHT / (1 + cand.index)
        if not feedback and SUMMARY_HEADING.fullmatch(heading):
            prior *= 1.0 + SUMMARY_WEIGHT
        if cand.doc.doc_type == "report" and not asked_of_report:
            # Edmundson (1969)'s location method over a long report: it opens on its findings
            # and goes from the gravest matters to the lesser ones
            prior *= 1.0 + REPORT_LOCATION * (1 - cand.sentence.start / max(1, len(cand.doc.text)))
        out.append(c * prior)
    return out


def _said_of_all(pool: Sequence[Candidate], titles: list[set[str]]) -> set[str]:
    """Words that say what all of the pool is, not which of its sentences are news: a word in
    every source's title names their kind; a lone report's title names what every sentence
    of it is about ("Iran", asked of a report on Iran). Not of other lone sources: a
    meeting's title or an article's headline names several matters, which a query's words
    pick out (QMSum, 100 words, R-2 12.69 -> 12.50 when they too were taken as said of all)."""
    if len(titles) > 1:
        return set.intersection(*titles)
    lone = pool[0].doc if pool else None
    return titles[0] if lone and lone.doc_type == "report" else set()


def topic_signature(pool: Sequence[Candidate]) -> set[str]:
    """The topic signature of the pool's sources (``background.signature`` over their
    candidates' words), each word used in at least SIGNATURE_SOURCES of them."""
    counts: Counter[str] = Counter()
    users: defaultdict[str, set[str]] = defaultdict(set)
    for c in pool:
        for w in _words(c.edited.text):
            counts[w] += 1
            users[w].add(c.key[0])
    return {w for w in general.signature(counts) if len(users[w]) >= SIGNATURE_SOURCES}


def asked_signature(pool: Sequence[Candidate], asked: set[str]) -> set[str]:
    """The words the pool's sentences naming a word of ``asked`` use significantly more often
    than its other sentences (Dunning's log-likelihood ratio at the signature's level), in at
    least SIGNATURE_SOURCES sources: what the question's subject is written with in these
    sources ("journalists": "media", "outlet", "press")."""
    inner: Counter[str] = Counter()
    outer: Counter[str] = Counter()
    users: defaultdict[str, set[str]] = defaultdict(set)
    for c in pool:
        words = _words(c.edited.text)
        (inner if asked & set(words) else outer).update(words)
        for w in words:
            users[w].add(c.key[0])
    n1, n2 = sum(inner.values()), sum(outer.values())
    if not n1 or not n2:
        return set()
    return {
        w
        for w, k in inner.items()
        if k / n1 > outer[w] / n2
        and len(users[w]) >= SIGNATURE_SOURCES
        and general.llr(k, n1, outer[w], n2) > general.SIGNATURE_LLR
    }


def _under_headings(
    pool: list[Candidate],
    relevance: list[float],
    qwords: set[str],
    headings: Sequence[str] | None = None,
) -> list[float]:
    """Relevance raised for sentences under a section heading that names the query's words
    (Edmundson 1969 counts heading words with title words): in a country report, the
    sentences under "Freedom of Expression, Including for Members of the Press" answer a
    question on the press, whether or not each says "press". ``headings``: each candidate's
    section heading (``_section_headings``), if already found."""
    top = max(relevance, default=0.0)
    if not top:
        return relevance
    share: dict[str, float] = {"": 0.0}  # each heading's share of the query's words, once
    out: list[float] = []
    for r, heading in zip(relevance, headings or _section_headings(pool), strict=True):
        if heading not in share:
            share[heading] = len(qwords & set(content_words(heading))) / len(qwords)
        out.append(r + HEADING_SHARE * share[heading] * top)
    return out


def _section_headings(pool: Sequence[Candidate]) -> list[str]:
    """The heading of the section each candidate stands in ("" before any), each source's
    headings found once."""
    found: dict[int, tuple[tuple[int, str], ...]] = {}
    out = []
    for c in pool:
        if id(c.doc) not in found:
            found[id(c.doc)] = _headings(c.doc.text)
        out.append(section_heading(found[id(c.doc)], c.sentence.start))
    return out


_HEADING_LINE = re.compile(r"^(?:[a-z0-9]{1,3}[.)] )?[A-Z][^\n]{2,118}$", re.M)


def _headings(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, heading) of each line of ``text`` that reads as a section heading: short, no
    closing punctuation, most of its words capitalised ("a. Freedom of Expression, Including
    for Members of the Press and Other Media", "Internet Freedom")."""
    out = []
    for m in _HEADING_LINE.finditer(text, 0, MAX_ANALYZED_CHARS):
        line = m[0].rstrip()
        if line[-1:] in ".!?:;,”\"’')" or "  " in line:
            continue
        words = [w for w in line.split() if w[:1].isalpha()]
        if words and sum(w[0].isupper() for w in words) >= HEADING_CAPITALS * len(words):
            out.append((m.start(), line))
    return tuple(out)


# A report's parts, its top level: a line that only numbers one ("Section 2.", "Chapter IV")
# above its heading, or a heading numbered in digits or capital roman numerals ("3. Findings",
# "IV. Recommendations"). A lettered heading ("a. Freedom of Religion") is a section in a part.
_PART_MARK = re.compile(r"^(?:Section|Chapter|Part) (?:\d{1,2}|[IVX]{1,5})\.?[ \t]*$", re.M)
_NUMBERED = re.compile(r"(?:\d{1,2}|[IVX]{1,5})\. ")


def report_parts(text: str) -> tuple[int, ...]:
    """The offsets at which a report's parts begin (``_PART_MARK``, ``_NUMBERED``); () for a
    text of one part."""
    marks = {m.start() for m in _PART_MARK.finditer(text, 0, MAX_ANALYZED_CHARS)}
    marks |= {at for at, line in _headings(text) if _NUMBERED.match(line)}
    return tuple(sorted(marks)) if len(marks) > 1 else ()


def restates_heading(text: str, heading: str) -> bool:
    """Whether a sentence says no more than its section's heading, but that there were reports
    of it ("There were numerous NGO reports of political prisoners and detainees." under
    "Political Prisoners and Detainees"): a section's opening, not a point of its own."""
    if not heading or _NUMBER.search(text):
        return False
    said, named = set(content_words(text)), set(content_words(heading))
    return len(said & named) >= 2 and said - named <= _REPORTING_FRAME


_REPORTING_FRAME = frozenset(content_words(" ".join(sorted(lexicon.REPORTING_FRAME))))


def section_heading(found: Sequence[tuple[int, str]], at: int) -> str:
    """The heading (of ``found``, a text's ``_headings``) of the section that offset ``at``
    is in, or ""."""
    i = bisect.bisect_right(found, (at, "\uffff")) - 1
    return found[i][1] if i >= 0 else ""


def _relevance(
    vectors: list[dict[str, float]],
    qwords: Mapping[str, float],
    feedback: bool = True,
    asked: Collection[str] = (),
) -> list[float]:
    """Each sentence's relevance to the query, by pseudo-relevance feedback (Rocchio): half
    its weight on the query's own words (``qwords``, each with its weight), half its
    similarity to the FEEDBACK sentences that weigh most on them. A question in plain words
    ("What measures have been taken?") names its subject in few words and its frame in many;
    the sentences that answer it best say what the subject's sources say around it, in words
    the question did not use. The feedback sentences are those the words actually ``asked``
    retrieve, when any sentence has them (as Rocchio's are the documents the query
    retrieves): the topic signature among ``qwords`` says what the sources are about, not
    which part of it the question asks for."""
    direct = [sum(v * qwords[w] for w, v in vec.items() if w in qwords) for vec in vectors]
    if not feedback or not any(direct):
        return direct
    retrieved = [sum(v for w, v in vec.items() if w in asked) for vec in vectors]
    if not any(retrieved):
        retrieved = direct
    best = [
        i
        for i in sorted(range(len(vectors)), key=lambda i: -retrieved[i])[:FEEDBACK]
        if retrieved[i]
    ]
    centroid: Counter[str] = Counter()
    for i in best:
        centroid.update(vectors[i])
    around = [sum(v * centroid[w] for w, v in vec.items()) for vec in vectors]
    top_direct, top_around = max(direct), max(around) or 1.0
    return [
        (1 - FEEDBACK_SHARE) * d / top_direct + FEEDBACK_SHARE * a / top_around
        for d, a in zip(direct, around, strict=True)
    ]


def _keyword_relevance(
    vectors: list[dict[str, float]],
    keywords: Sequence[frozenset[str]],
    signature: set[str],
    actions: frozenset[str] | set[str] = frozenset(),
) -> list[float]:
    """Each sentence's relevance to a topic given by keywords (each as its words, see
    ``phrases``, a place's in its people's adjective too: "Russian" for "Russia"): QUERY_TERMS
    of it whether the sentence names a keyword (all its words), the rest its weight on
    the topic signature, as a share of the most. A keyword
    says what the topic is about, and a sentence is on it or not: weighed by its share of
    the sentence's words, a case ("In October, Niloufar Hamedi and Elaheh Mohammadi, two of
    the first journalists …, were sentenced …") counted for less than a generic finding in
    the signature's words, for the names and figures that make it a case. A sentence that
    names a keyword but not what the topic asks of it (``actions``, stemmed: "detained" beside
    "journalists"; see ``keyword_actions``) has ACTION_SHARE of the keyword's part: journalists
    who fled are on the topic's subject, not on what it asks."""

    def names_one(vec: dict[str, float]) -> bool:
        return any(k <= vec.keys() for k in keywords)

    def on_topic(vec: dict[str, float]) -> float:
        if not names_one(vec):
            return 0.0
        if not actions or actions & {stem(w) for w in vec}:
            return 1.0
        return ACTION_SHARE

    signed = [sum(v for w, v in vec.items() if w in signature) for vec in vectors]
    top = max(signed, default=0.0) or 1.0
    return [
        QUERY_TERMS * on_topic(vec) + (1 - QUERY_TERMS) * s / top
        for vec, s in zip(vectors, signed, strict=True)
    ]


def substance(text: str) -> float:
    """0–1: how much a sentence says what happened (numbers, names, dates, decisions) rather
    than how someone feels about it."""
    tokens = text.split()
    if not tokens:
        return 0.0
    numbers = sum(1 for t in tokens if _NUMBER.search(t))
    names = sum(
        1
        for t in tokens[1:]
        if _NAME.match(t) and t not in _NOT_NAMES and t.rstrip(".") not in lexicon.COURTESY_TITLES
    )
    dates = len(_MONTHS.findall(text))
    decisions = len(decision_words(text))
    return min(1.0, (numbers + names + dates + 2 * decisions) / (0.4 * len(tokens) + 1))


def _clusters(sims: list[dict[int, float]], cover_all: list[float]) -> list[int]:
    """Leader clustering: most central first, each sentence joins the first leader it is
    CLUSTER_SIM-similar to, else leads a cluster of its own."""
    order = sorted(range(len(sims)), key=lambda i: -cover_all[i])
    leaders: list[int] = []
    cluster = [0] * len(sims)
    for i in order:
        home = next((lead for lead in leaders if sims[i].get(lead, 0.0) >= CLUSTER_SIM), None)
        if home is None:
            leaders.append(i)
            home = i
        cluster[i] = home
    return cluster


def summarize_documents(
    docs: Sequence[Document],
    *,
    query: str = "",
    terms: Sequence[str] = (),
    words: int = DEFAULT_WORDS,
) -> list[dict[str, object]]:
    """``briefing summarize``: the synthesis over ``docs`` as plain records."""
    from briefing.analyze import analyze  # analysis is only needed on this path

    found = [analyze(doc) for doc in docs]
    paths = {source_id(doc): str(doc.path) for doc in docs}
    return [
        {
            "text": p.text,
            "source": paths[p.source],
            "said_by": p.said_by,
            "interpreted": p.interpreted,
            "date": p.date.isoformat() if p.date else None,
            "spans": [list(span) for span in p.spans],
        }
        for p in synthesize(found, query=query, terms=terms, words=words)
    ]
