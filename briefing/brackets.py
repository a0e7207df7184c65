"""Editorial insertions that let a bullet stand alone, each in brackets and each with the
source pieces around it: the date of a relative day ("today [17 November 2026]"), the year of
a month, "this year" or "during the year" ("In March [2023]"), the rest of a person's name
given in full elsewhere ("[Olivier] Vandecasteele"), the name of an acronym the source spells
out ("the COI [Commission of Inquiry] report")."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from datetime import date, timedelta

from briefing import lexicon, postag
from briefing.attribution import report_subject
from briefing.model import Document
from briefing.text import MAX_ANALYZED_CHARS, STOPWORDS, common_word

WEEKDAYS = tuple(day.lower() for day in lexicon.WEEKDAYS)


RELATIVE_DAY = re.compile(
    r"\b(?:(?:earlier |later )?today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)"
    rf"|(?:(?:on|last|this|next) )?{lexicon.alternation(lexicon.WEEKDAYS)}"
    r"(?: (?:morning|afternoon|evening|night))?)\b",
    re.I,
)


# "today, 14 November", "yesterday, on Thursday, May 19th": the source says the date itself
_DATE_FOLLOWS = re.compile(
    rf"^,? *(?:on )?(?:(?:{'|'.join(lexicon.WEEKDAYS)}),? *)?"
    rf"(?:\d|\(|\[|the \d|{lexicon.month_pattern()}\b)",
    re.I,
)


_FUTURE = re.compile(r"\b(will|shall|plans? to|is to|are to|going to|next)\b", re.I)


_UPPER, _LOWER = lexicon.CAPITALS, lexicon.SMALL_LETTERS
# A name of two to four capitalised words: "Song Chun-son", "José Antonio López Piña".
_CAPITALISED = rf"[{_UPPER}][{_LOWER}][\w’'-]*"
_FULL_NAME = re.compile(rf"\b{_CAPITALISED}(?: {_CAPITALISED}){{1,3}}\b")


# A capitalised word alone, first in a sentence or after a word in lower case: "sentenced
# Song to", "Vandecasteele was arrested"; its possessive "’s" apart, a hyphenated name whole
# ("Sharenda-Panasiuk").
_LONE_NAME = re.compile(
    rf"(?<![\w’'-])([{_UPPER}][{_LOWER}]\w*(?:-\w+)*)"
    rf"(?:[’']s\b|\b(?![\w’'-])(?! [{_UPPER}]|\. ?[{_UPPER}]))"
)


_NOT_IN_NAMES = (
    frozenset(lexicon.NAME_PREFIXES)
    | lexicon.NOT_NAMES
    | lexicon.PLACE_MODIFIERS
    | frozenset(lexicon.WEEKDAYS)
    | frozenset(("Hon", "Right", "Honourable", "Honorable"))
    | frozenset(w.capitalize() for w in lexicon.SUBORDINATORS)  # "Although Song …"
)


def name_inserts(doc: Document, start: int, end: int) -> list[tuple[int, str]]:
    """Where ``doc.text[start:end]`` names someone by one part of a name the source gives in
    full elsewhere, the rest of that name in brackets ("[Olivier] Vandecasteele was arrested",
    "sentenced Song [Chun-son]"), as (offset, insertion). A part of two names is left as it
    is: the source does not say which is meant."""
    text = doc.text[start:end]
    names = _name_parts(doc.text)
    inserts: list[tuple[int, str]] = []
    for m in _LONE_NAME.finditer(text):
        word = m[1]
        full = names.get(word, ())
        article = _word_before(text, m).lower() in ("the", "a", "an")
        if len(full) != 1 or word in doc.title or article:
            continue
        if _in_longer_name(text, m):
            continue  # "Persian Gulf Star Oil Company"
        if full[0] in text or not _personal(word, full[0], doc.text):
            continue
        rest = full[0].split()
        if word not in (rest[0], rest[-1]):
            continue  # "López" of "José Antonio López Piña": the rest goes on both sides
        role = _first_described(doc.text, full[0])
        if role and role.split()[-1] == _word_before(text, m).lower():
            role = ""  # "activist Berezikov" says it already
        if rest[-1] == word:  # given names first
            inserted = " ".join([*role.split(), *rest[:-1]])
            if not text[: m.start(1)].strip():  # it opens the sentence: "[Teacher Ann] Lee …"
                inserted = inserted[:1].upper() + inserted[1:]
            inserts.append((start + m.start(1), f"[{inserted}] "))
        else:  # family name first: "Song Chun-son"
            if role:
                inserts.append((start + m.start(1), f"[{role}] "))
            inserts.append((start + m.end(1), f" [{' '.join(rest[1:])}]"))
    return inserts


# Who a person is, as the source says it at their first mention: the run of lower-case words
# before the name ending on a noun of a role or trade ("activist Anatoly Berezikov", "the aid
# worker Olivier Vandecasteele", "human rights lawyer Ding Jiaxi"). A later mention by surname
# alone carries the name without it; an extract should give it, as Siddharthan, Nenkova and
# McKeown (2011) found editors rewrite a summary's first reference to a person.
_DESCRIBED = re.compile(r"(?<![\w’'-])((?:[a-z][a-z-]+ ){0,3}[a-z][a-z-]+) $")
DESCRIPTION_WORDS = 4


def _first_described(text: str, name: str) -> str:
    """The description the source gives ``name`` in front of its first mention, or ""."""
    at = text.find(name, 0, MAX_ANALYZED_CHARS)
    m = _DESCRIBED.search(text, max(0, at - 60), at) if at > 0 else None
    if m is None:
        return ""
    words = m[1].split()
    if not _role_noun(words[-1]):
        return ""
    kept: list[str] = []
    for w in reversed(words):  # back from the noun, to the first word that is no modifier
        if w in STOPWORDS or w.endswith(("ed", "ing")) or len(kept) == DESCRIPTION_WORDS:
            break
        kept.insert(0, w)
    return " ".join(kept)


def _role_noun(word: str) -> bool:
    """A noun for a person by their role or trade: "lawyer", "activist", "journalist"."""
    return word in lexicon.ROLE_NOUNS or word in lexicon.PERSON_NOUNS


# "the country" and "the government" of a report on one country stand for it: "the
# country’s [Ukraine’s] press", "the government [of Iran] banned …".
COUNTRY_REFERENCE = re.compile(r"\b[Tt]he (country|government)(?:([’'])s)?\b(?! of\b)")
# The state's agents, unnamed: "state security officials subjected …", "Authorities harassed
# …", "police beat …". Read in another country's brief they would be taken for that country's.
_STATE_ACTOR = re.compile(
    r"\b(?:(?:[Ss]tate |[Ss]ecurity |[Gg]overnment |[Rr]egime |[Ll]ocal |[Pp]rison )+)?"
    r"(?:[Aa]uthorities|[Oo]fficials|[Pp]olice|[Ss]ecurity forces|[Ss]ecurity services)\b"
    r"(?! (?:of|in|from|for)\b)"
)
_PLACE_NAME = re.compile(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}")


def subject_inserts(doc: Document, start: int, end: int) -> list[tuple[int, str]]:
    """In a report on one country (its title's subject a proper name: "…: Ukraine"), the
    country's name in brackets after the first "the country" or "the government" of a
    sentence that does not name it, else after its first unnamed agents of the state
    ("state security officials [of North Korea]")."""
    subject = report_subject(doc.title) if doc.doc_type == "report" else None
    text = doc.text[start:end]
    if not subject or not _PLACE_NAME.fullmatch(subject) or subject in text:
        return []
    m = COUNTRY_REFERENCE.search(text)
    if m is None:
        actor = next((a for a in _STATE_ACTOR.finditer(text) if not _named_before(text, a)), None)
        return [(start + _compound_end(text, actor.end()), f" [of {subject}]")] if actor else []
    if m[2]:  # "the country’s [Ukraine’s] press"
        return [(start + m.end(), f" [{subject}{m[2]}s]")]
    return [(start + m.end(), f" [{subject}]" if m[1] == "country" else f" [of {subject}]")]


# A definite noun phrase of an answer ("So the protests today …") whose noun the question it
# answers gave with a place ("… the protests happening in Guatemala right now …"): the asker
# introduced the referent (a discourse-old entity, Prince 1981), and the reader of a bullet
# made of the answer was not shown the question. The place goes in brackets after the noun.
_DEFINITE = re.compile(r"\b[Tt]he ([a-z]{3,})\b")
_PLACE_WORD = r"(?!I\b)(?!(?:President|Minister|Secretary|Prime|Foreign)\b)[A-Z][\w’'-]*"
_WITH_PLACE = (
    rf"(?: [a-z]+(?:ing|ed))? (in|on|at|over|against) ((?:the )?{_PLACE_WORD}(?: {_PLACE_WORD})*)"
)
_WHEN = frozenset((*lexicon.MONTHS, *lexicon.WEEKDAYS))
# the answer's noun has a place or a pointer of its own: "the protests in Honduras", "there"
_OWN_PLACE = re.compile(r" (?:(?:in|on|at|over|against) [A-Z]|there\b|here\b)")


def question_inserts(doc: Document, start: int, end: int) -> list[tuple[int, str]]:
    """In an answer, after the first "the N" whose N the question right before it gave with a
    place, that place in brackets ("the protests [in Guatemala]"), unless the sentence names
    it."""
    question = _question_before(doc, start)
    text = doc.text[start:end]
    definites = list(_DEFINITE.finditer(text)) if question is not None else []
    if question is None or not definites:
        return []  # no tagging for the many sentences that are no answer or have no "the"
    nouns, asked_nouns = _head_nouns(text), _head_nouns(question)
    for m in definites:
        if m.start(1) not in nouns or _OWN_PLACE.match(text, m.end()):
            continue  # "the protest leaders", "the protests in Honduras", "the protests there"
        # a noun in the question too, not a participle ("… are striking in Lowland Province")
        asked = next(
            (
                a
                for a in re.finditer(rf"\b{m[1]}{_WITH_PLACE}", question)
                if a.start() in asked_nouns
            ),
            None,
        )
        if asked is None or asked[2].split()[0] in _WHEN:
            continue  # "the election in May" is a time, not a place
        place = asked[2].removeprefix("the ")
        return [] if place in text else [(start + m.end(), f" [{asked[1]} {asked[2]}]")]
    return []


def _head_nouns(text: str) -> set[int]:
    """Where the common nouns of ``text`` start that no other noun follows ("today" is none)."""
    tagged = postag.tag(text)
    return {
        start
        for (_, tag, start, _), (word, after, _, _) in zip(
            tagged, [*tagged[1:], ("", "", 0, 0)], strict=True
        )
        if tag in ("NN", "NNS") and not (after.startswith("NN") and word.lower() not in _DAYS)
    }


_DAYS = frozenset(day.lower() for day in lexicon.RELATIVE_DAYS)


def _question_before(doc: Document, at: int) -> str | None:
    """The text of the question turn right before the answer turn that holds ``at``."""
    turns = doc.turns
    i = bisect.bisect_right(turns, at, key=lambda t: t.start) - 1
    if i < 1 or turns[i].role != "answer" or turns[i - 1].role != "question":
        return None
    return doc.text[turns[i - 1].start : turns[i - 1].end]


def without_subject_inserts(text: str, subject: str) -> str:
    """``text`` without the brackets ``subject_inserts`` gives a report's country: for a
    reader whose heading already names it."""
    for insert in (f" [of {subject}]", f" [{subject}]", f" [{subject}’s]", f" [{subject}'s]"):
        text = text.replace(insert, "")
    return text


def _compound_end(text: str, at: int) -> int:
    """Where the noun phrase that ends at ``at`` ends when the next word is a noun it modifies
    ("police precincts", "police officers"): the insertion goes after the whole of it."""
    after = next((t for t in postag.tag(text) if t[2] > at), None)
    if after is not None and after[1] in ("NN", "NNS") and not text[at : after[2]].strip():
        return after[3]
    return at


def _word_before(text: str, m: re.Match[str]) -> str:
    return text[: m.start()].rstrip().rsplit(" ", 1)[-1].lstrip("“\"‘'([")


def _in_longer_name(text: str, m: re.Match[str]) -> bool:
    """Whether the capitalised word ``m`` is part of a longer name here: a capitalised word
    before it, not set off by a comma, and no function word capitalised to open the sentence
    ("While Sharenda-Panasiuk was due …", "After Song …")."""
    before = _word_before(text, m)
    if before.lower() in lexicon.SUBORDINATORS:
        return False
    return before[:1].isupper() and not before.endswith(",")


def _named_before(text: str, m: re.Match[str]) -> bool:
    """Whether a capitalised word past the sentence's first says whose agents they are:
    "Beijing police", "Belarusian KGB officials"."""
    words = text[: m.start()].split()
    return len(words) > 1 and words[-1][:1].isupper()


def unknown_person(doc: Document, start: int, end: int) -> bool:
    """Whether ``doc.text[start:end]`` names someone by one part of the names of two or more
    people the source names in full ("Li founded Gusa Press …" where it names Li Yanhe and Li
    Qiaochu; "lawyers for Yu Wensheng and Xu" where it names Xu Yan and Xu Qin) and names
    none of them in full: a reader cannot tell who is meant."""
    text = doc.text[start:end]
    names = _name_parts(doc.text)
    for m in _LONE_NAME.finditer(text):
        full = names.get(m[1], ())
        if len(full) < 2 or _in_longer_name(text, m):
            continue  # one name it may be part of; "Xu Yan"
        people = [n for n in full if _personal(m[1], n, doc.text)]
        if len(people) >= 2 and not any(n in text for n in people):
            return True
    return False


def acronym_inserts(doc: Document, start: int, end: int) -> list[tuple[int, str]]:
    """After the first use of each acronym the source spells out elsewhere ("Commission of
    Inquiry (COI)") and the sentence does not, its name in brackets: "the COI [Commission of
    Inquiry] report". Acronyms a policy reader knows ("NATO", "PRC") are left as they are."""
    text = doc.text[start:end]
    names = _acronyms(doc.text)
    inserts, done = [], set()
    for m in _ACRONYM.finditer(text):
        short = m[0]
        name = names.get(short)
        if name is None or short in done or short in lexicon.KNOWN_ACRONYMS or name in text:
            continue
        done.add(short)
        inserts.append((start + m.end(), f" [{name}]"))
    return inserts


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b(?![’'-])")


# A body named by its kind alone, after its full name came before: "The Council voted …" after
# "the UN Human Rights Council concluded …" (a short definite description, whose antecedent is
# the latest full name with its head, as the recency rule of anaphora resolution takes it).
_SHORT_BODY = re.compile(rf"\b[Tt]he ({lexicon.alternation(lexicon.BODIES)})\b(?! of\b| [A-Z(])")
ANTECEDENT_CHARS = 1500  # how far back the full name may be: a paragraph or two


def body_inserts(doc: Document, start: int, end: int) -> list[tuple[int, str]]:
    """Where ``doc.text[start:end]`` names a body by its kind alone ("The Council"), the rest
    of the full name the source gave it last before the sentence, in brackets: "The [UN Human
    Rights] Council voted …". Once per kind in a sentence; none when the sentence names it in
    full or the source has named no such body before."""
    text = doc.text[start:end]
    inserts, done = [], set()
    for m in _SHORT_BODY.finditer(text):
        kind = m[1]
        if kind in done:
            continue
        done.add(kind)
        at = start + m.start()  # the latest name before it, in the bullet's text or before
        before = doc.text[max(0, at - ANTECEDENT_CHARS) : at]
        found = re.findall(rf"(?<![\w’'-])((?:{_NAME_WORD} ){{1,6}}){kind}\b", before)
        full = next((n for n in map(_body_name, reversed(found)) if n), "")
        if full and f"{full} {kind}" not in text:
            inserts.append((start + m.start(1), f"[{full}] "))
    return inserts


def _body_name(words: str) -> str:
    """The words of a body's name before its kind, after the last small word: "UN Human
    Rights" of "In the UN Human Rights " and of "Members of UN Human Rights "; "" of "The "."""
    name = words.split()
    small = [i for i, w in enumerate(name) if w.lower() in _SMALL]
    name = name[small[-1] + 1 :] if small else name  # "Members of UN Human Rights"
    return " ".join(name) if name and name[0][:1].isupper() else ""


# "Commission of Inquiry (COI)": a name in capitals and small words, its acronym in brackets.
_NAME_WORD = r"(?:[A-Z][\w’'-]*|[a-z]{1,3}-[A-Z][\w’'-]*|of|for|and|the|on|in|to)"  # "al-Sham"


_SPELLED_OUT = re.compile(rf"({_NAME_WORD}(?: {_NAME_WORD}){{1,9}}) \(([A-Z]{{2,6}})\)")


_SMALL = frozenset("of for and the on in to".split())


@functools.lru_cache(maxsize=64)
def _acronyms(text: str) -> dict[str, str]:
    """The acronyms a document spells out, and their names: the last words before the
    bracket whose capitals give the acronym's letters ("UN Commission of Inquiry (COI)" →
    "Commission of Inquiry"), with a head that "for" or "of" joins to them ("Committee for
    Human Rights in North Korea (HRNK)")."""
    found: dict[str, str] = {}
    for m in _SPELLED_OUT.finditer(text, 0, MAX_ANALYZED_CHARS):
        words, letters = m[1].split(), m[2]
        j, i = len(letters) - 1, len(words) - 1
        while i >= 0 and j >= 0:
            initials = _initials(words[i])
            if "".join(initials).upper() == letters[j - len(initials) + 1 : j + 1]:
                j -= len(initials)  # "of" may give the "O" of "COI"
            elif words[i] not in _SMALL:
                break
            i -= 1
        if j < 0:
            start = i + 1
            if words[start] in _SMALL and start and words[start - 1][:1] == letters[0]:
                start -= 1  # the "O" of "OHCHR" is "Office", not its "of"
            # the name's head before the letters: "Committee for Human Rights in North Korea
            # (HRNK)" (not "UN" of "UN Commission of Inquiry (COI)": no "of" or "for" joins it)
            while (
                start >= 2
                and words[start - 1] in ("for", "of", "on")
                and words[start - 2] in lexicon.ORGANISATION_HEADS
            ):
                start -= 2
            found.setdefault(letters, " ".join(words[start:]))
    return found


def _initials(word: str) -> list[str]:
    """The letters a word gives an acronym: "al-Sham" its S, "Fact-Finding" its F and F."""
    if word[0].islower():
        return [word.split("-")[-1][0]]
    return [part[0] for part in word.split("-") if part[:1].isupper()] or [word[0]]


def _personal(word: str, name: str, text: str) -> bool:
    """Whether ``name`` names a person: none of its words is a common word of the document
    ("Homyel Regional Court"), and ``word`` never stands where places and bodies do: after
    "the" or a preposition of place ("in Canada", beside "Statistics Canada")."""
    if any(common_word(w, text) or _counted(w, text) for w in name.split()):
        return False
    return word not in _place_words(text)


def _counted(word: str, text: str) -> bool:
    """Whether a capitalised word is a noun of a kind the document counts, with its plural
    or singular beside it ("Muslim" and "Muslims", "Uyghur" and "Uyghurs"): a people or a
    faith, not a person's name."""
    other = word[:-1] if word.endswith("s") else word + "s"
    return other in _capitalised(text)


@functools.lru_cache(maxsize=64)
def _capitalised(text: str) -> frozenset[str]:
    """The capitalised words of a document, found once for all its sentences."""
    return frozenset(re.findall(r"\b[A-Z][\w-]*", text[:MAX_ANALYZED_CHARS]))


_PLACE = re.compile(r"\b(?:the|in|at|across|throughout|within|into|inside) ([A-Z][\w’'-]*)")


@functools.lru_cache(maxsize=64)
def _place_words(text: str) -> frozenset[str]:
    """The capitalised words a document puts after "the" or a preposition of place."""
    return frozenset(_PLACE.findall(text, 0, MAX_ANALYZED_CHARS))


@functools.lru_cache(maxsize=64)
def _name_parts(text: str) -> dict[str, tuple[str, ...]]:
    """Each first or last word (or second-to-last) of a document's names of several words,
    and those names; titles in front are not part of a name ("Secretary Blinken"), nor is a
    place's direction ("North Korea"), and a possessive ends one ("Joyce Murray’s WeChat")."""
    parts: dict[str, set[str]] = {}
    for m in _FULL_NAME.finditer(text, 0, MAX_ANALYZED_CHARS):
        words = m[0].split()
        owner = next((i for i, w in enumerate(words) if re.search(r"[’']s$", w)), None)
        if owner is not None:
            words = words[:owner] + [words[owner][:-2]]
        if any(w in lexicon.PLACE_MODIFIERS for w in words):
            continue  # "South China Sea", "North Korea": a place
        while words and words[0] in _NOT_IN_NAMES:
            words.pop(0)
        if len(words) < 2 or any(w in _NOT_IN_NAMES or w.lower() in STOPWORDS for w in words):
            continue
        # a name of three words or more may go by its second-to-last ("García" of "Gabriel
        # García Márquez", as Spanish and Portuguese names do)
        for word in {words[0], words[-1], *(words[-2:-1] if len(words) > 2 else ())}:
            parts.setdefault(word, set()).add(" ".join(words))
    return {w: tuple(sorted(names)) for w, names in parts.items()}


def anchor_days(
    doc: Document,
    start: int,
    end: int,
    inserts: Sequence[tuple[int, str]] = (),
    lead: int = 0,
) -> tuple[tuple[tuple[int, int], ...], str]:
    """``doc.text[start:end]`` with each relative day followed by its date in brackets, a
    period counted back from it by the date it ends on, each month named without a year
    followed by its year, the other ``inserts`` (offset,
    insertion) made, and the source pieces around the insertions.

    A source without a date gives none to anchor to, and its bullet shows no date: there the
    text is left as it is rather than dropped. ``lead`` characters before ``start``
    begin its first word (a capital the bullet shows in brackets: "[T]oday …")."""
    text = doc.text
    sentence = text[start:end]
    inserts = list(inserts)
    if doc.date is None:
        if doc.doc_type == "report" and coverage_year(doc) is not None:  # a report on a year
            inserts += _year_inserts(doc, start, end) + _month_inserts(doc, start, end)
        return _inserted(text, start, end, inserts)
    for m in RELATIVE_DAY.finditer(text, start - lead, end):
        if _DATE_FOLLOWS.match(text[m.end() : m.end() + 40]):
            continue  # "on Monday, 14 November" already says when
        if _another_week(doc, m, start, end):
            continue
        day = _resolve(m.group().lower(), doc.date, sentence)
        cut = m.end() + (2 if text[m.end() : m.end() + 2] in ("’s", "'s") else 0)
        inserts.append((cut, f" [{day.day} {day:%B %Y}]"))
    inserts += [
        (m.end(), f" [to {doc.date.day} {doc.date:%B %Y}]")
        for m in PAST_PERIOD.finditer(text, start, end)
    ]
    inserts += _year_inserts(doc, start, end)
    inserts += [
        (m.end(), f" [{doc.date.year - _count(m['count'])}]")
        for m in YEARS_AGO.finditer(text, start, end)
    ]
    inserts += _month_inserts(doc, start, end)
    for m in RELATIVE_MONTH.finditer(text, start, end):
        year = _relative_month_year(m, doc.date)
        if year is not None:
            inserts.append((m.end(), f" [{year}]"))
    return _inserted(text, start, end, inserts)


# "last August", "next March", "this June": a month counted from the day the source was
# written, which a later reader cannot count ("Since the Taliban takeover last August" in a
# release of July 2022 is August 2021).
RELATIVE_MONTH = re.compile(
    rf"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his) (?P<month>{lexicon.alternation(lexicon.MONTHS)})\b"
    r"(?!,? \d{4}| \[| \d)"
)


def _relative_month_year(m: re.Match[str], on: date) -> int | None:
    """The year of "last", "next" or "this" month ``m`` in a source dated ``on``: the last
    such month before the source's own, the next after it, or the source's year. None for
    the source's own month and the one next to it: "last March" written in April may be
    either March, and a reader should not be told which."""
    month = MONTH_NAMES.index(m["month"].lower()) + 1
    rel = m["rel"].lower()
    if rel == "this":
        return on.year
    away = (on.month - month) % 12 if rel == "last" else (month - on.month) % 12
    if away <= 1:
        return None
    if rel == "last":
        return on.year if month < on.month else on.year - 1
    return on.year if month > on.month else on.year + 1


def _another_week(doc: Document, m: re.Match[str], start: int, end: int) -> bool:
    """Whether the weekday ``m`` of the sentence ``doc.text[start:end]`` is no day of the week
    the source was written in: a day of a name ("Palm Sunday", "Black Friday"), any such day
    ("every Sunday", "a Sunday"), a day of a month named before it ("In March, … on Sunday";
    not "on Monday, … imposed in March"), or a day of the earlier year a report covers (its
    title names that year)."""
    if not any(day in m.group().lower() for day in WEEKDAYS):
        return False
    before = doc.text[start : m.start()].split()
    if before and before[-1].lower() in _ANY_DAY:
        return True
    if before and m.group()[:1].isupper() and before[-1] in lexicon.DAY_NAME_WORDS:
        return True  # "Easter Sunday" (a bare weekday: no "on" or "last" before it)
    if _IN_A_MONTH.search(doc.text, start, m.start()):
        return True
    covered = coverage_year(doc) if doc.doc_type == "report" else None
    return covered is not None and doc.date is not None and covered < doc.date.year


_ANY_DAY = frozenset(("a", "an", "every", "each", "one", "some", "any"))
# a month as a time ("In March", "since early June"), not a name ("Theresa May said")
_IN_A_MONTH = re.compile(
    rf"\b(?i:in|during|since|by|until|from|of|early|mid|late)[ -]"
    rf"(?:{lexicon.alternation(lexicon.MONTHS)})\b"
)


# "over the past four days", "in the last two weeks": a period counted back from the day the
# source was written, which a later reader cannot count; it ends on the source's date.
PAST_PERIOD = re.compile(
    r"\b(?:[Oo]ver|[Ii]n|[Dd]uring|[Ff]or) the (?:past|last) (?:[\w-]+ )?(?:days?|weeks?|months?)"
    r"\b(?! \[)"
)


# "eight years ago", "12 years ago": counted back from the source's date, to the year they
# reach ("… invaded Ukraine eight years ago [2014]" in a release of 2022). "A year ago" is left.
_COUNT_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
YEARS_AGO = re.compile(rf"\b(?P<count>\d{{1,3}}|(?i:{'|'.join(_COUNT_WORDS)})) years ago\b(?! \[)")


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNT_WORDS.index(word.lower()) + 2


# "this year", "last year"; in a report, "during the year" (the one it covers).
YEAR_PHRASE = re.compile(
    r"\b(?:(?P<rel>[Tt]his|[Ll]ast)|(?:[Dd]uring|[Ii]n|[Oo]ver|[Tt]hroughout|[Ff]or) the) year"
    # not "In the year 2019", "For the year ending March 2024", "In the year since …"
    r"\b(?!s|[’'\[-]| \[| \d| (?:since|ending|ended|before|after|to)\b)"
)


def _year_inserts(doc: Document, start: int, end: int) -> list[tuple[int, str]]:
    """Each "this year", "last year" and, in a report on one year, "during the year", followed
    by its year in brackets: a report's years count from the year it covers."""
    covered = coverage_year(doc)
    inserts = []
    for m in YEAR_PHRASE.finditer(doc.text, start, end):
        if m["rel"]:
            base = covered or (doc.date.year if doc.date else None)
            if base is None:
                continue
            year = base - (m["rel"].lower() == "last")
        elif covered:
            year = covered
        else:
            continue  # "the year" of a source that covers no one year
        inserts.append((m.end(), f" [{year}]"))
    return inserts


def _inserted(
    text: str, start: int, end: int, inserts: list[tuple[int, str]]
) -> tuple[tuple[tuple[int, int], ...], str]:
    """``text[start:end]`` with the insertions made, and the source pieces between them."""
    pieces: list[tuple[int, int]] = []
    out: list[str] = []
    pos = start
    for cut, insert in sorted(inserts):
        pieces.append((pos, cut))
        out.append(text[pos:cut] + insert)
        pos = cut
    pieces.append((pos, end))
    out.append(text[pos:end])
    return tuple(p for p in pieces if p[1] > p[0]), "".join(out)


MONTH_NAMES = tuple(m.lower() for m in lexicon.MONTHS)


# A month, maybe with its day, that no year follows: "In March the commissioner …", "On
# August 30, prison officials …" (not "March 24, 2022", "May 2023" or "the 30 August 2023").
MONTH_WITHOUT_YEAR = re.compile(
    r"(?<!\d )(?<!\b[Ll]ast )(?<!\b[Nn]ext )(?<!\b[Tt]his )"
    rf"\b(?P<month>{lexicon.alternation(lexicon.MONTHS)})"
    r"(?!(?: \d{1,2}(?:st|nd|rd|th)?)?,? \d{4})"
    r"(?: (?P<day>\d{1,2})(?:st|nd|rd|th)?)?\b"
    r"(?!,? \d{4}|-| \[| of \d{4}| (?:of )?(?:last|this|next) year)"
)


def _names_event(text: str, m: re.Match[str]) -> bool:
    """Whether a month and day modify the noun after them, naming an event of whatever year
    ("the July 11 protesters", "imprisoned July 11 protesters", "a March 29 meeting"), not
    a day ("He was arrested July 11 by police"): a determiner before them and a word that is
    no function word after, or a participle before them and a noun after (not "released July
    11 following a pardon", "detained May 5 amid protests": the day it was done)."""
    if not m["day"]:
        return False
    after = re.match(r" ([a-z]+)\b", text[m.end() : m.end() + 30])
    before = text[max(0, m.start() - 30) : m.start()].split()
    if not (after and after[1] not in STOPWORDS and before):
        return False
    if before[-1].lower() in _MODIFIER_BEFORE:
        return True
    return before[-1].endswith("ed") and _noun_after(text, m)


_MODIFIER_BEFORE = frozenset((*lexicon.DETERMINERS, "this", "that"))
AFTER_WINDOW = 60  # characters around a month and day that its next word is tagged in


def _noun_after(text: str, m: re.Match[str]) -> bool:
    """Whether the word after the month and day ``m`` is tagged a noun, in the words around
    them (not the whole document: the tagger caches what it tags)."""
    start = max(0, m.start() - AFTER_WINDOW)
    window = text[start : m.end() + AFTER_WINDOW]
    return any(
        at == m.end() + 1 - start and tag.startswith("NN") for _, tag, at, _ in postag.tag(window)
    )


# "In June 12 soldiers died": after "in" or "during", a bare number that a word follows counts
# what comes next; the month is the month, not a day of it ("in May 5th," is a day).
_WITHIN_MONTH = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout) $")
_COUNTS_NEXT = re.compile(r" [a-z]")


def _month_end(text: str, m: re.Match[str]) -> int:
    """Where a month named without a year ends: after its day, unless the number counts."""
    if (
        m["day"]
        and m.end() == m.end("day")
        and _COUNTS_NEXT.match(text, m.end())
        and _WITHIN_MONTH.search(text, max(0, m.start() - 12), m.start())
    ):
        return m.end("month")
    return m.end()


# A title that names the one year it covers: "2023 Country Reports on Human Rights Practices".
_TITLE_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# A full date in a title names the day the source was given ("Department Press Briefing –
# February 2, 2022"), not a year it covers.
_TITLE_DATE = re.compile(
    rf"\b(?:(?:{lexicon.month_pattern()})\.? \d{{1,2}}(?:st|nd|rd|th)?,?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?: of)? (?:{lexicon.month_pattern()})\.?,?) (?:19|20)\d\d\b",
    re.I,
)
# A date that ends a period ("January 1 – December 31, 2023") gives the year covered: a day,
# a month or a year, then a dash or "to", right before it.
_PERIOD_BEFORE = re.compile(
    rf"(?:\d|\b(?:{lexicon.month_pattern()})\.?),?\s*(?:[–—-]|to|through|until)\s*$", re.I
)


def _without_days(title: str) -> str:
    """``title`` without the full dates that name the day it was given, not a period."""
    return _TITLE_DATE.sub(
        lambda m: m[0] if _PERIOD_BEFORE.search(title[: m.start()]) else " ", title
    )


def _month_inserts(doc: Document, start: int, end: int) -> list[tuple[int, str]]:
    """Each month named without a year, followed by its year in brackets."""
    text = doc.text
    months = [
        (
            _month_end(text, m),
            MONTH_NAMES.index(m["month"].lower()) + 1,
            bool(_FROM_DAY.search(text, max(0, m.start() - 12), m.start())),
        )
        for m in MONTH_WITHOUT_YEAR.finditer(text, start, end)
        if (m.start() > start or m["day"])  # "May …" opening a sentence may be the verb
        and not _names_event(text, m)
    ]
    return [(cut, f" [{year}]") for cut, year in _month_years(doc, months, text[start:end])]


def _month_years(
    doc: Document, months: list[tuple[int, int, bool]], sentence: str
) -> list[tuple[int, int]]:
    """The year of each month (its end, its number, whether a day it starts from is meant) a
    sentence names without one. Months named in calendar order ("between January and July")
    are one stretch of time: they take the year of the last of them."""
    covered = coverage_year(doc)
    if covered:
        return [(cut, covered) for cut, _, _ in months]
    assert doc.date is not None
    years = [_month_year(month, doc.date, sentence, starts) for _, month, starts in months]
    numbers = [month for _, month, _ in months]
    if len(months) > 1 and numbers == sorted(numbers):
        years = [years[-1]] * len(years)
    return [(cut, year) for (cut, _, _), year in zip(months, years, strict=True)]


# A year in a report's address: ".../reports/2023-country-reports-on-…/venezuela/".
_URL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d|/\d)")


def coverage_year(doc: Document) -> int | None:
    """The year a document reports on, when its title names one (an annual report is
    published the year after the year it covers), else, for a report, when its address names
    one year before the year it was published in (a year that is a path's date is none)."""
    year = title_year(doc.title)
    if year is not None:
        return year
    if doc.doc_type == "report" and doc.url and doc.date:
        path = set(_URL_YEAR.findall(doc.url.split("://")[-1]))
        if len(path) == 1 and int(min(path)) < doc.date.year:
            return int(path.pop())
    return None


def title_year(title: str) -> int | None:
    """The one year a title names ("2023 Country Reports on Human Rights Practices: Iran"),
    not as part of the day the source was given ("… Briefing – February 2, 2022")."""
    years = set(_TITLE_YEAR.findall(_without_days(title)))
    return int(years.pop()) if len(years) == 1 else None


def _month_year(month: int, on: date, sentence: str, starts: bool = False) -> int:
    """The year of a month named without one in a source dated ``on``: a month after the
    source's own is last year's, unless the sentence looks ahead; a day something starts
    from in a month before the source's own is next year's, when the sentence looks ahead
    ("The rules take effect on January 1" in November)."""
    ahead = bool(_FUTURE.search(sentence) or _SCHEDULED.search(sentence))
    if month > on.month and not ahead:
        return on.year - 1
    if month < on.month and starts and ahead:
        return on.year + 1
    return on.year


# What is set for a day to come, in the present tense: "take effect", "enters into force".
_SCHEDULED = re.compile(
    r"\b(?:takes?|come|comes|enters?) (?:into )?(?:effect|force)\b|\b(?:expires?|begins?|starts?)\b"
)


# A day something starts from or is due by: "on January 1", "from March", "by June".
_FROM_DAY = re.compile(r"\b(?:on|from|by|until|starting|beginning|effective) $")


def _resolve(phrase: str, on: date, sentence: str) -> date:
    if "yesterday" in phrase:
        return on - timedelta(days=1)
    if "tomorrow" in phrase:
        return on + timedelta(days=1)
    weekday = next((i for i, d in enumerate(WEEKDAYS) if d in phrase), None)
    if weekday is None:
        return on  # today, tonight, this morning
    back = (on.weekday() - weekday) % 7
    ahead = (weekday - on.weekday()) % 7
    future = phrase.startswith("next") or (
        not phrase.startswith("last") and bool(_FUTURE.search(sentence))
    )
    return on + timedelta(days=ahead or 7) if future and ahead else on - timedelta(days=back)
