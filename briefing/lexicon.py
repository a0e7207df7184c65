"""Word lists shared by the analysis, as named data.

Reporting verbs are kept as lemmas and expanded to every inflected form by English spelling
rules, so that a list never knows "concluded" but not "concludes" or "concluding".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
    "maintain", "reveal", "confirm", "retort", "disclose", "allege",
)  # fmt: skip
IRREGULAR_PAST = {"say": "said", "tell": "told", "write": "wrote", "sing": "sang", "read": "read"}
MULTIWORD_CUES = ("according to", "put it")
# The passive report of someone's words: "…,” he was once quoted as saying (by Interfax).
PASSIVE_CUE = (
    r"(?:is|was|has been|had been)(?: (?:once|also|later|[a-z]+ly))? (?:quoted|reported) as saying"
)
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


# Reporting verbs that go before their subject between commas ("…, says Maria, “…”");
# "told" does not: what follows it is the hearer.
INVERTING_CUES = (
    "says", "said", "adds", "added", "explains", "explained", "recalls", "recalled",
    "continues", "continued", "insists", "insisted", "notes", "noted",
)  # fmt: skip


# Verbs of thought that report a person's view, not their words (Quirk et al. 1985, §16.31,
# "factual verbs" of the private kind): "he believes it is no coincidence …" narrates a view
# that the quotation after it gives in the person's own words.
BELIEF_VERBS = ("believe", "think", "feel", "fear", "hope", "suspect", "worry")
BELIEF_FORMS = frozenset(f for lemma in BELIEF_VERBS for f in inflections(lemma)) | {
    "thought",
    "felt",
}


def cue_pattern() -> str:
    """A regular expression (no groups) matching any form of a reporting verb: the lemmas
    above in every form, and the forms fitted on train."""
    forms = {form for lemma in REPORTING_VERBS for form in inflections(lemma)}
    forms |= fitted_cue_verbs() - {"according"}  # only as "according to"
    forms |= set(MULTIWORD_CUES)
    alternatives = sorted(forms, key=lambda f: (-len(f), f))  # longest first
    escaped = [re.escape(f).replace(r"\ ", " ") for f in alternatives]
    return "(?:" + "|".join([PASSIVE_CUE, *escaped]) + ")"


# Names and the words around them, for finding who speaks (briefing.speakers).
SUBJECT_PRONOUNS = ("he", "she", "they")
# Abbreviated titles written with a full stop before a name: "Sen. Warren", "Lt. Col. Vindman".
ABBREVIATED_TITLES = (
    "Mr", "Ms", "Mrs", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Adm",
    "Rev", "Amb", "Del", "Prof",
)  # fmt: skip
# Courtesy titles: say nothing of a position ("Mr Price" has none); the first one says "he".
COURTESY_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr")
# British honours and peerages before a name, which also say the sex: "Sir" and "Dame" go
# with the given name ("Sir Malcolm Price" is then "Sir Malcolm"), a peer's with the surname.
MASCULINE_HONOURS, FEMININE_HONOURS = ("Sir", "Lord"), ("Dame", "Lady", "Baroness")
GIVEN_NAME_HONOURS = ("Sir", "Dame")
MASCULINE_COURTESY = ("Mr", *MASCULINE_HONOURS)
FEMININE_COURTESY = ("Mrs", "Ms", "Miss", *FEMININE_HONOURS)
# Words of a title or position, lower case: "Deputy Secretary", "Special Envoy", "Mr".
TITLE_WORDS = frozenset(
    """mr ms mrs miss dr secretary minister president ambassador envoy senator general admiral
    director spokesperson chair chairman governor professor administrator deputy assistant
    under acting foreign prime vice special principal representative""".split()
)
# Nouns that head a description of someone's position or trade, in lower case: "Iran's
# foreign ministry spokesperson", "a senior fellow at …", "the agency's chief inspector".
ROLE_NOUNS = TITLE_WORDS | frozenset(
    """spokesman spokeswoman official officials adviser advisor analyst chief head leader
    fellow researcher commander editor reporter correspondent economist lawyer attorney
    judge mayor diplomat negotiator officer executive founder inspector premier chancellor
    commissioner coordinator expert scholar historian professor lecturer activist constable
    sergeant superintendent detective""".split()
)
# Nouns for a person by what they do or suffer, beyond positions: "the aid worker Olivier
# Vandecasteele", "dissident Liu Xiaobo", "blogger Ruslan Kotsaba".
PERSON_NOUNS = frozenset(
    """worker dissident blogger defender writer poet artist musician student teacher doctor
    nurse priest pastor imam monk nun citizen resident refugee prisoner detainee businessman
    businesswoman entrepreneur photographer filmmaker novelist academic candidate politician
    member volunteer veteran survivor witness victim journalist columnist novelist scientist
    pianist specialist strategist lobbyist unionist nationalist separatist extremist
    militant dentist therapist actor actress singer pensioner architect designer chef
    footballer presenter champion winner pundit boss captain skipper midfielder striker
    defender goalkeeper winger star""".split()
)
# Nouns for a person by their own trade or achievement, which a story uses as an epithet for
# the person it narrates ("The world indoor champion said: …"); not nouns for a part towards
# others (victim, witness, boss, member, candidate), who are mostly someone else.
EPITHET_NOUNS = frozenset(
    """champion winner holder medallist medalist footballer striker midfielder goalkeeper
    winger captain skipper actor actress singer musician pianist presenter novelist poet
    artist royal""".split()
)
# Kinds of public body that a text names by the kind alone once it has given the full name:
# "the UN Human Rights Council" … "The Council voted …".
BODIES = (
    "Council", "Commission", "Committee", "Court", "Tribunal", "Assembly", "Parliament",
    "Agency", "Board", "Mission", "Coalition", "Conference", "Summit", "Forum", "Fund",
)  # fmt: skip
# Last words of an organisation's name: "World Food Prize Foundation", "Example Institute".
ORGANISATION_HEADS = frozenset(BODIES) | frozenset(
    """Foundation Institute Ministry Department Bank Party Association Organization
    Organisation Center Centre University Corporation Company Group Union League Office
    Bureau Service Network Alliance Society Federation Academy Programme Program School
    College Trust Hospital Museum Club""".split()
)
# Head nouns of a description of a body that speaks as one ("the Russian embassy said", "the
# Welsh government"): what a later "it said" can stand for.
BODY_NOUNS = frozenset(w.lower() for w in ORGANISATION_HEADS) | frozenset(
    """government embassy police army firm charity authority regime administration airline
    broadcaster newspaper paper consulate council club body watchdog regulator""".split()
)
# Positions a text writes as a title before a name ("Governor John Rankin", "Mayor Bill de
# Blasio"), so that "the governor" later on is that person.
HELD_TITLES = TITLE_WORDS | frozenset("mayor premier judge commissioner chancellor".split())
# Titles the press abbreviates after "the": "… ,” the PM said" in British, Australian and
# Indian papers is the prime minister the story named.
TITLE_INITIALISMS = {"PM": "prime minister", "FM": "foreign minister"}
# Titles that open a transcript turn's label: "MR PRICE:", "SECRETARY BLINKEN:".
TRANSCRIPT_TITLES = (
    "mr", "ms", "mrs", "miss", "dr", "secretary", "under secretary", "assistant secretary",
    "deputy secretary", "ambassador", "minister", "foreign minister", "prime minister",
    "president", "vice president", "senator", "general", "admiral", "special envoy",
    "administrator", "governor", "professor", "director", "chairman", "chair",
)  # fmt: skip
# Transcript labels of people asking, and of those who run the event without speaking for
# anyone: neither is quoted.
QUESTION_LABELS = frozenset({"QUESTION", "Q", "REPORTER", "AUDIENCE MEMBER"})
PROCEDURAL_LABELS = frozenset({"OPERATOR", "MODERATOR", "PARTICIPANT", "STAFF"})
PROCEDURAL_SPEAKERS = frozenset(label.title() for label in PROCEDURAL_LABELS)
# Heads of an office named by what they head: "Secretary of State", "Ambassador to the UN".
OFFICE_HEADS = (
    "Secretary", "Minister", "Director", "Head", "Ambassador", "Envoy", "Representative",
    "Commissioner", "Rapporteur", "Coordinator",
)  # fmt: skip
# Words in front of a name that are not part of it: titles, ranks, parties, "of the".
NAME_PREFIXES = (
    "U.S.", "Russian", "Chinese", "Former", "Retired", "Democratic", "Republican", "Rival",
    "Deputy", "Acting", "Foreign", "Prime", "Vice", "Assistant", "Under", "Secretary", "State",
    "President", "Minister", "Senator", "Sen.", "Rep.", "Gov.", "Ambassador", "Mr.", "Mr",
    "Ms.", "Ms", "Mrs.", "Mrs", "Dr.", "Dr", "General", "Gen.", "Lt.", "Col.", "Sgt.", "Capt.",
    "Adm.", "Rev.", "Amb.", "Del.", "Spokesperson", "Spokesman", "Director", "Head", "of",
    "for", "the", "The", "to", "United", "Nations", "U.N.", "UN", "Special", "Envoy",
    "Representative", "Prof", "Prof.", "Professor", "Rabbi", "Imam", "Bishop", "Reverend",
    *MASCULINE_HONOURS, *FEMININE_HONOURS,
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Days named by their relation to today, capitalised when they open a sentence.
RELATIVE_DAYS = ("Today", "Yesterday", "Tomorrow", "Tonight")
# Words that make a weekday a day of a name, not of a week: "Palm Sunday", "Black Friday".
DAY_NAME_WORDS = frozenset(
    "Palm Easter Good Holy Maundy Ash Shrove Whit Trinity Low Orthodox Black Bloody Cyber "
    "Super Giving Small Business Blue Manic Mad Fat Clean".split()
)
DAY_NAMES = frozenset((*WEEKDAYS, *RELATIVE_DAYS))  # a day, never a name ("On Thursday Smith")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
    "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
# Lower-case month names and abbreviations -> month number.
MONTH_NUMBERS = {m.lower(): i for i, m in enumerate(MONTHS, 1)} | {
    a.lower(): i for a, i in MONTH_ABBREVIATIONS.items()
}
# Capital and small letters of the Latin alphabets, accented ones too ("Éamon", "López",
# "Łukasz"), as pattern character ranges: names from every country, not only those in ASCII.
CAPITALS = "A-ZÀ-ÖØ-ÞĀ-ſ"
SMALL_LETTERS = "a-zß-öø-ÿĀ-ſ"
# Words that join the parts of a name: "Charles de Gaulle", "Ursula von der Leyen", "Hélène
# des Rives", "Mohammed bin Salman", the Irish "Éamon Ó Cuív"; and what may end one:
# "Martin Luther King Jr.".
NAME_CONNECTORS = (
    "de", "van", "von", "al", "bin", "der", "den", "des", "du", "da", "di", "do", "dos", "del",
    "della", "ibn", "bint", "Ó", "Ní", "Nic", "Mac",
)  # fmt: skip
NAME_PARTICLES = (*NAME_CONNECTORS, "II", "III", "Jr.")
# Words between a subject and its cue verb: "Warren also said", "Price had told".
CUE_ADVERBS = (
    "also", "then", "later", "again", "once again", "often", "still", "never", "even",
    "already", "soon", "once", "had", "has", "have",
)  # fmt: skip
# Verbs that take another verb in "to" after them, so that the subject of the first is who
# speaks in the second ("The fighter ace went on to describe it as …").
CATENATIVE_VERBS = (
    "went on", "goes on", "continued", "continues", "decided", "chose", "wanted", "tried",
    "appeared", "seemed", "sought", "hastened", "moved", "rushed",
    "was quick", "were quick", "was keen", "were keen", "took time", "used",
)  # fmt: skip
# The modal verbs, finite as a past or a third person's present is: what follows them is
# their subject's verb ("Storey can win a 17th title …").
MODAL_VERBS = ("can", "could", "will", "would", "may", "might", "must", "should", "shall")
# Past forms of irregular verbs that can follow a sentence's subject ("Cruz took …").
IRREGULAR_PAST_FORMS = (
    "said", "told", "wrote", "spoke", "sang", "made", "took", "gave", "put", "left", "sent",
    "drew", "won", "held", "kept", "met", "brought", "thought", "felt", "went", "came", "saw",
    "did", "got", "began", "ran", "read", "let", "broke", "fell", "led", "struck", "built",
    "sold", "bought", "paid", "spent", "fought", "stood", "lost", "found", "chose", "flew",
    "grew", "knew", "threw", "sought", "taught", "caught", "meant", "heard", "sat", "became",
)  # fmt: skip
# Words that make the next capitalised word part of a noun phrase ("a Facebook post").
DETERMINERS = ("a", "an", "the", "his", "her", "their", "its", "our", "my", "your")
# Words that open a clause before a sentence's subject: "In January, …", "Though she …, …".
CLAUSE_OPENERS = (
    "In", "On", "At", "During", "After", "Following", "While", "As", "Before", "Earlier",
    "Later", "Last", "Since", "When", "Speaking", "Asked", "Still", "But", "And", "Yet",
    "Meanwhile", "Though", "Although", "Despite", "Because", "Unlike", "Amid", "Under", "With",
    "Whilst",
)  # fmt: skip
# Capitalised words that open a sentence but are not a name.
NOT_NAMES = frozenset(
    """But And So Yet Or If When This That These Those There Here What Why How Who Some Many
    Most All Only Even Still Now Then Also Instead However Meanwhile It No Not Each Every Such
    Several Both In On At During After Following While As Before Earlier Later Last Since
    Speaking Asked""".split()
) | frozenset(MONTHS)
# Prepositions, which open a sentence in capitals and name no one ("According to the report",
# "Under the agreement"): a closed class, so all of it.
NOT_NAMES |= frozenset(
    """According Under With Without Within For From To By Despite Through Throughout Among
    Amid Against Over Between Across Along Around Beyond Upon Toward Towards Regarding
    Concerning Per Via Unlike Like Near Inside Outside""".split()
)
# Words a Title Case name leaves in lower case ("Advancing the Human Rights of …").
TITLE_CASE_MINOR_WORDS = frozenset("a an the of and or for to in on at by with".split())
# Subjects that say who spoke without naming anyone: "Officials said", "It said".
UNNAMED_SUBJECTS = frozenset(
    """it this that there officials analysts experts diplomats sources residents critics police
    witnesses authorities lawmakers observers reports some many others both people aides
    supporters voters investigators prosecutors researchers scientists economists officers
    democrats republicans leaders ministers spokesman spokeswoman""".split()
) | frozenset("his her its their our my your".split())  # a possessive left alone names no one
# Words that stand before a name without being its first name: titles, "Said Ellis", "But
# Ellis", "Former", months, prepositions, plural offices ("Ministers Lavrov and Wang").
NOT_FIRST_NAMES = (
    TITLE_WORDS
    | frozenset(
        """the said says told asked added but and when while former retired rival democratic
        republican in on at as of for by with from to after before during since until ministers
        secretaries ambassadors senators governors presidents officials prof""".split()
    )
    | frozenset(h.lower() for h in MASCULINE_HONOURS + FEMININE_HONOURS)
    | frozenset(m.lower() for m in MONTHS)
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
# Descriptions that stand for someone the text has named, never for an office or a body: an
# age ("the 45-year-old") and a parent or widow by family ("the mother of two").
FAMILY_NOUNS = ("mother", "father", "grandmother", "grandfather", "widow", "widower")
# Words before a name that make it an object, not a speaker: "in Columbus", "about Trump".
PREPOSITIONS = (
    "of", "for", "to", "with", "about", "against", "by", "from", "at", "in", "on", "over",
    "than", "into", "like", "under", "between",
)  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regular expression (no groups) matching any of ``words``, longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


def month_pattern() -> str:
    """Month names and their abbreviations, as a regular expression (no groups)."""
    return alternation([*MONTHS, *MONTH_ABBREVIATIONS])


# The sentence splitter: words that end with a full stop inside a sentence ("Mr.", "Gen.",
# "Jan."), and words that start a new sentence even after an ambiguous one ("U.S. The …").
SENTENCE_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr st sr jr prof gen sen rep gov lt col sgt capt adm amb pres no vs etc inc ltd
    co corp dept jan feb mar apr jun jul aug sep sept oct nov dec fig e.g i.e approx est mt ft
    rev hon messrs op cf al
    """.split()
)
SENTENCE_STARTERS = frozenset(
    """
    the a an we he she it they i in this that but and there these those our his her their its
    as on at for
    """.split()
)

# Words too common to tell documents or sentences apart.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself said says
    say one two also us mr ms""".split()
)


# Words the editorial checks and the synthesis read sentences by (named data).
# Nouns that name a document, not a speaker: "The report", "The 2022 addendum", "the decree".
DOCUMENT_NOUNS = frozenset(
    """report reports addendum annex decree law laws resolution statement memo memorandum
    document study survey letter bill order constitution code article paper communique
    declaration agreement ruling review assessment guidance advisory notice strategy act
    charter treaty directive regulation update transcript release tweet email""".split()
)
# Words that say only that something was reported, how often, and that it was in the period
# an annual report covers: "There were numerous NGO reports of … during the year"
# (synthesize.restates_heading).
REPORTING_FRAME = frozenset(
    """report allegation claim account case instance incident numerous many several some
    multiple frequent widespread credible various ngo ngos media year""".split()
)
# The last word of a news outlet's name ("Caixin Global", "The Example Times", "Radio Free
# Asia" aside): a source relaying what an outlet reported quotes its reporting, not a voice
# with a position of its own.
MEDIA_HEADS = frozenset(
    """News Times Post Journal Daily Herald Tribune Gazette Global Press Radio Television TV
    Broadcasting Media Wire Newswire Magazine Weekly Telegraph Chronicle Newspaper""".split()
)

# Substance: words of decision and action (as stems of content_words), named data.
DECISION_STEMS = frozenset(
    """announce announced approve approved adopt adopted agree agreed sign signed sanction
    sanctioned designate designated impose imposed ban banned arrest arrested charge charged
    convict convicted sentence sentenced elect elected vote voted pass passed launch launched
    release released order ordered appoint appointed resign resigned kill killed attack attacked
    invade invaded withdraw withdrew deploy deployed fund funded pledge pledged provide provided
    transfer transferred suspend suspended expel expelled freeze froze block blocked seize seized
    ratify ratified decide decided reject rejected accept accepted propose proposed establish
    established open opened close closed restrict restricted allocate allocated""".split()
)
# Decisions that name their many parts in a list, as stems: a release designating six
# entities names each of them after ("… is also designating Pioneer Ship Management").
LISTED_DECISIONS = ("designat", "sanction", "impos", "blacklist", "freez", "froze")
# … and as a decision is announced in progress, after a form of "be" ("is designating"): alone,
# "killing" and "attacks" are as often the nouns of what was done.
_DOUBLED = {"ban": "banning", "expel": "expelling", "transfer": "transferring"}
DECISIONS_IN_PROGRESS = frozenset(
    _DOUBLED.get(w) or (w[:-1] if w.endswith("e") and not w.endswith("ee") else w) + "ing"
    for w in DECISION_STEMS
    if not w.endswith("ed") and w not in ("froze", "withdrew")
)

# Spoken discourse markers set off by a comma at a turn's opening (Schiffrin 1987): "Well,"
# answers what was asked, "Look," and "Listen," hold the floor in an argument under way, "I
# mean," and "You know," restate what was just said. They tie the words to talk the reader
# of a brief has not heard.
DISCOURSE_MARKERS = ("well", "look", "listen", "okay", "ok", "oh", "i mean", "you know")
# Openings that continue an argument the reader has not seen (lower case, named data).
CONNECTIVES = frozenset(
    """but however and yet still also so moreover furthermore nevertheless nonetheless instead
    meanwhile therefore thus hence besides otherwise additionally likewise similarly indeed
    conversely first second third fourth fifth finally lastly next secondly thirdly firstly
    or nor plus again then later afterwards subsequently thereafter specifically namely
    accordingly consequently rather separately""".split()
)

CONNECTIVE_PHRASES = (
    "in addition",
    "in turn",
    "as a result",
    "at the same time",
    "for example",
    "for instance",
    "on the other hand",
    "in contrast",
    "by contrast",
    "by comparison",
    "in comparison",
    "to that end",
    "that said",
    "even so",
    "in particular",
    "of course",
    "after that",
    "in that",
    "to this end",
    "having said that",
    "with that",
    "taken together",
    # a comparison of importance with what came before: "Just as importantly, …"
    "just as importantly",
    "equally importantly",
    "more importantly",
    "just as important",
    "equally important",
    # substitution of a verb phrase (Halliday & Hasan 1976, "do so"): the act it stands for is
    # in the sentence before ("Doing so is not only the right thing to do …")
    "doing so",
    "in doing so",
    "by doing so",
    "to do so",
)

# Phrases that point back wherever they stand, in speech as in writing: "in this regard".
ANAPHORIC_PHRASES = (
    "in this regard", "in that regard", "in this respect", "in that respect", "to this end",
    "to that end", "for this reason", "for that reason", "in this context", "in that context",
    "in this case", "in that case",
)  # fmt: skip

# Pronouns and determiners that point back (lower case, named data).
ANAPHORS = frozenset(
    "this that these those it its they their them he his she her such both".split()
)

QUANTIFIERS = frozenset("all each some many most none both any several either neither".split())

# Words that open a time, not a name: "Last June, he …".
TIME_OPENERS = frozenset("last next this early earlier late later".split())
TIME_NOUNS = frozenset(
    "morning afternoon evening week month year weekend time spring summer autumn winter "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)

# General nouns (Halliday and Hasan 1976, §6.4): nouns whose reference is what was said before
# ("the move", "the rules", "the decision"). "The rules take effect …" alone says nothing of
# which rules.
GENERAL_NOUNS = frozenset(
    """move moves rules rule measure measures decision decisions step steps action actions
    announcement plan plans deal agreement talks proposal policy initiative incident attack
    attacks operation operations changes change program programme effort efforts process
    issue issues matter case arrangement designations sanctions restrictions penalties
    requirements order orders law bill ban findings finding effect effects result results
    outcome consequence consequences impact situation development developments""".split()
)

# Nouns of events (a general noun's kind, Halliday and Hasan 1976, §6.4): a bare definite one
# after a preposition of time ("assaulted her during the arrest", "after the raid") places
# the act at an event the text told of before, so the reader must have been told of it.
EVENT_NOUNS = {  # each noun, and the start of the words that tell of its event
    noun: told
    for told, nouns in (
        ("arrest", "arrest arrests"), ("raid", "raid raids"), ("attack", "attack attacks"),
        ("protest", "protest protests"), ("demonstrat", "demonstration demonstrations"),
        ("met", "meeting meetings"), ("visit", "visit visits"), ("tri", "trial trials"),
        ("hear", "hearing hearings"), ("operat", "operation operations"),
        ("clash", "clashes"), ("crack", "crackdown"), ("detain", "detention detentions"),
        ("interrogat", "interrogation interrogations"), ("search", "search searches"),
        ("shoot", "shooting shootings"), ("explo", "explosion explosions"),
        ("ambush", "ambush ambushes"), ("incident", "incident incidents"),
    )
    for noun in nouns.split()
}  # fmt: skip
TIME_PREPOSITIONS = ("during", "after", "before", "following", "since", "ahead of", "amid")
# Verbs that undo a decision told before them ("In May, the Supreme Court canceled their
# convictions and overturned their death sentences"): the start of each of their forms…
REVERSAL_VERBS = (
    "overturn", "quash", "annul", "revok", "rescind", "repeal", "revers", "commut", "acquit",
    "pardon", "vacat", "cancel", "withdr", "dropp", "lift", "struck down", "strike down",
)  # fmt: skip
# …and the decisions they undo, as the object that points back ("their convictions")
UNDONE_DECISIONS = (
    "conviction", "sentence", "verdict", "ruling", "decision", "charge", "ban", "order",
    "law", "decree", "designation", "sanction", "penalty", "fine", "warrant", "suspension",
    "restriction", "measure", "appointment", "licen[cs]e",
)  # fmt: skip
# Heads of government bodies, and their plurals, under which a list names several bodies once
# ("the Departments of the Treasury and Commerce").
PLURAL_HEADS = {
    "Department": "Departments", "Ministry": "Ministries", "Office": "Offices",
    "Bureau": "Bureaus", "Agency": "Agencies", "Embassy": "Embassies",
    "Secretariat": "Secretariats", "Consulate": "Consulates", "Directorate": "Directorates",
}  # fmt: skip

# Shell nouns (Schmid 2000, "English Abstract Nouns as Conceptual Shells"): abstract nouns
# whose content is a proposition said elsewhere. With a distal demonstrative ("that vision",
# "those concerns", "on that front") they take up what was said before; "to that end", "in
# that regard" are ANAPHORIC_PHRASES.
SHELL_NOUNS = frozenset(
    """vision view views idea ideas goal goals aim aims hope hopes concern concerns belief
    point points message messages principle principles priority priorities commitment
    commitments claim claims argument arguments question questions problem problems fact
    effort efforts mission objective objectives front approach position
    positions conversation conversations discussion discussions process""".split()
)

# Nouns of a text or a directive whose content is told apart from it (shell nouns of speech
# and of rule, after Schmid 2000): "… issued censorship instructions …", then "The
# instructions reportedly banned …". Singular and plural, as a sentence writes them.
CONTENT_NOUNS = frozenset(
    """instruction instructions article articles statement statements law laws decree decrees
    order orders directive directives guideline guidelines rule rules regulation regulations
    measure measures initiative initiatives program programs programme programmes policy
    policies plan plans proposal proposals bill bills amendment amendments resolution
    resolutions advisory advisories notice notices letter letters memorandum campaign
    campaigns""".split()
)

# Subordinators that open a sentence capitalised but are no part of a name ("While Song …",
# "Although Li …").
SUBORDINATORS = frozenset(
    "while when whenever after before although though because unless whereas until once".split()
)
# A subordinating conjunction opens a clause, not a name ("Once I …", "Although Weiner …"),
# and so do "Whether", "Wherever", "Whilst" and "Lest" ("Till" does too, but is a surname).
NOT_NAMES |= frozenset(w.title() for w in SUBORDINATORS) | {"Whether", "Wherever", "Whilst", "Lest"}
# Words of that list that are given names too (Norwegian "Per Sandberg", "Even Pellerud").
GIVEN_NAME_HOMOGRAPHS = frozenset(("Per", "Even"))

# General nouns of things and people (Halliday and Hasan 1976, §6.4: "people", "thing",
# "place"): a demonstrative one takes up a more specific noun under a wider name ("eight
# Syrian prisons … those facilities").
CLASS_NOUNS = frozenset(
    """facilities facility entities entity individuals institutions places sites people
    persons groups organizations organisations things locations bodies""".split()
)

# After "The <noun>" these words show the noun phrase goes on ("The designations of …").
NOUN_PHRASE_GOES_ON = frozenset(
    "of in for on to at by from with and or that which who whose under over against".split()
)
# Words that name a part of a place, so that "North Korea" is a place and not a person
# whose surname is "Korea".
PLACE_MODIFIERS = frozenset(
    "North South East West Northern Southern Eastern Western Central Upper Lower Greater New"
    " Old Inner Outer Mount Lake Port Saint San Santa Fort".split()
)
# What a law says on paper: "The law prohibited …", "The 2004 constitution provided for …".
LEGAL_INSTRUMENTS = ("law", "laws", "constitution", "penal code", "criminal code", "legislation")
PROVISION_VERBS = (
    "prohibited", "provided", "required", "allowed", "permitted", "accorded", "stipulated",
    "established", "criminalized", "guaranteed", "prohibits", "provides", "requires",
    "allows", "permits", "guarantees", "criminalizes",
)  # fmt: skip
# Acronyms a policy reader knows without their names spelled out.
KNOWN_ACRONYMS = frozenset(
    """UN US EU NATO PRC DPRK ROK UK G7 G20 IAEA OSCE NGO NGOs WHO IMF OECD APEC ASEAN ICBM
    CEO GDP COVID""".split()
)

# Initials of a role or an honour after a name, not of a body: "Tristram Hunt MP", "the CEO".
ROLE_INITIALS = frozenset(
    """MP MPs MEP MSP MLA AM TD QC KC CEO CFO COO CTO PM OBE MBE CBE KBE DBE PhD MD""".split()
)

# Words that frame a request rather than name its subject: "Describe …", "Discuss …", "What
# measures …; include …" (the instructions of a question, as in TREC and DUC topic
# narratives). A question's plain words leave them out, and so does its ranking.
QUESTION_FRAME = frozenset(
    """describe discuss explain identify include includes including list give provide
    outline summarize summarise specify tell show compare detail details mention note
    information aspects kinds types examples e.g eg i.e ie etc""".split()
)

# Light verbs (Jespersen's term; Grimshaw and Mester 1988): in "place restrictions on", "take
# measures", "make progress" the noun carries the meaning and the verb little of it. A plain
# question's light verbs are no words to look for: "took place", "made clear" say nothing of
# restrictions or progress.
LIGHT_VERBS = frozenset(
    """place places placed placing take takes taken took taking make makes made making
    give gives given gave giving put puts putting get gets got gotten getting""".split()
)

# Irregular past tenses: with the "-ed" forms, the verbs that say a thing happened.
PAST_TENSE_FORMS = frozenset(IRREGULAR_PAST_FORMS) | frozenset(
    """rose shot hit set cut seized was were had withdrew overtook undertook""".split()
)

# Numbers in words, for amounts written out ("sixty percent", "two million").
NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred""".split()
)

# Appraisal (Martin and White 2005): words that judge or feel rather than report ("the
# extraordinary bravery of the people", "Russia's brutality", "unprovoked and unjust war").
# A sentence carrying several of them, and no amount or decision, is rhetoric around the news.
APPRAISAL = frozenset(
    """brutal brutality brutally unprovoked unjustified unjustifiable unconscionable unjust
    heinous egregious reprehensible outrageous barbaric barbarity senseless horrific
    horrendous atrocious shameful cynical ruthless cruel cruelty appalling despicable
    abhorrent deplorable vicious savage wanton callous unrelenting premeditated
    extraordinary remarkable brave bravery courageous courage heroic heroism valiant
    valiantly resilient resilience steadfast unwavering unshakable ironclad inspiring
    tireless tirelessly opulent lavish noble""".split()
)


# Nouns of what befalls a person, as a possessive's head: "Berezikov's death", "Lv's
# conviction". Said of someone the source named before, they presuppose the event it told.
PERSON_EVENTS = frozenset(
    """death killing murder arrest detention disappearance abduction conviction sentence
    sentencing trial imprisonment release deportation extradition expulsion execution case
    disbarment dismissal resignation""".split()
)

# Verbs of one kind of act, as a question's verb asks for any of them: "How are journalists
# detained?" is answered by "… were sentenced to 13 years in jail" and "… arrested 40
# reporters" (verb classes in the manner of Levin 1993, by what is done to the person).
# Every form a report writes, as the light stemmer does not join "kidnap" and "kidnapped".
VERB_CLASSES: dict[str, frozenset[str]] = {
    "deprive of liberty": frozenset(
        """arrest arrested arresting detain detained detaining detention jail jailed
        jailing imprison imprisoned imprisoning imprisonment incarcerate incarcerated
        sentence sentenced sentencing abduct abducted abducting kidnap kidnapped kidnapping
        """.split()
    ),
    "kill": frozenset(
        """kill killed killing murder murdered murdering execute executed executing execution
        assassinate assassinated""".split()
    ),
    "harm": frozenset(
        """torture tortured torturing beat beaten beating assault assaulted assaulting abuse
        abused abusing mistreat mistreated""".split()
    ),
    "silence": frozenset(
        """censor censored censoring censorship ban banned banning block blocked blocking""".split()
    ),
    "intimidate": frozenset(
        """threaten threatened threatening harass harassed harassing harassment intimidate
        intimidated intimidating""".split()
    ),
    "expel": frozenset("expel expelled expelling deport deported deporting exile exiled".split()),
}

# Nouns of a question's "which"/"what" phrase that name a class of named things, the kind of
# answer (a name) it wants, not its topic ("Which countries …", "Which officials …"; "What
# executions …" asks about executions). Singular, as content_words gives them.
ANSWER_CLASSES = frozenset(
    """country nation state government city region province place town person people group
    organisation organization company official leader authority""".split()
)
