"""Direct quotes and who said them: quotation marks, cue verbs, pronouns, Q&A turns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefing.ingest.meta import full_name
from briefing.ingest.turns import PROCEDURAL_SPEAKERS, same_person
from briefing.lexicon import cue_pattern
from briefing.model import Document, Quote
from briefing.summarize import LINE
from briefing.text import MAX_ANALYZED_CHARS, split_sentences

_PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“"}
_CUE = cue_pattern()
_CUE_WORD = re.compile(_CUE)
# One word of a name: "Price", "O'Neill", "DuVernay", "McCaskill".
_W = r"[A-Z](?:['’][A-Z])?[a-zà-ÿ’'-]+(?:[A-Z][a-zà-ÿ’'-]+)?"
_ABBREVIATED_TITLE = r"(?:Mr|Ms|Mrs|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Rev|Amb|Del)"
_NAME = (
    # "Secretary of State …", "U.S. Ambassador to the United Nations …"
    r"(?:(?:(?:[A-Z][\w.]*\s+)?(?:Secretary|Minister|Director|Head|Ambassador|Envoy|Representative)"
    r" (?:of|for|to) (?:the )?(?:[A-Z][\w.]*\s+){1,2})?"
    rf"(?:[A-Z][\w.]*[’']s\s+)?(?:(?:{_W}\s+)?(?:{_ABBREVIATED_TITLE}\.\s+)+)?"
    rf"(?:{_W}|(?:[A-Z]\.){{2,3}}\s*{_W})"
    rf"(?:\s+(?:{_W}|[A-Z]\.|de|van|von|al|bin|II|III|Jr\.)){{0,4}})"
)
_PRONOUN = r"(?:he|she|they|He|She|They)"
# An appositive between commas: "…," said the foreign secretary, Ramon Cruz / the premier,
# Chen Wei-lin, told reporters.
_ROLE = r"(?:the\s+|a\s+|an\s+)?(?P<{}>[\w’' -]{{2,60}}?),\s+"
_PARENTHESIS = r"(?:\s*\([^()]{1,30}\))?"  # "Rep. Gwen Moore (D-Wis.) said"
_AFTER = re.compile(
    rf"^[\s,]*(?:(?P<p1>{_PRONOUN})\s+{_CUE}\b|(?P<n1>{_NAME}){_PARENTHESIS}\s+{_CUE}\b"
    rf"|{_CUE}\s+{_ROLE.format('r3')}(?P<n3>{_NAME})(?=[,.]|$)"
    rf"|{_ROLE.format('r4')}(?P<n4>{_NAME}),\s+{_CUE}\b"
    # "said MSNBC host Chris Matthews", "said 9/11 widow Terry Strada"
    rf"|{_CUE}\s+(?P<r14>(?:[\w/.’'-]+\s+){{0,4}}?(?!(?:of|the|for|and|in|at|from)\s)"
    rf"[a-z][\w’'-]*\s+)(?P<n14>{_NAME})(?=\s*[,.(]|\s*$)"
    rf"|{_CUE}\s+(?P<n2>{_NAME}|{_PRONOUN})\b"
    # "… ― Pamela Padilla": a dash and a name, as under an epigraph
    rf"|[―—–]\s*(?P<n5>{_NAME})"
    # "White House press secretary Josh Earnest said": a role, then the name
    rf"|(?P<r6>(?:[^\s“”\"]+\s+){{1,6}}?)(?P<n6>[A-Z][a-zà-ÿ’'-]+(?:\s+[A-Z][a-zà-ÿ’'-]+){{0,3}})"
    rf"{_PARENTHESIS}\s+{_CUE}\b"
    # "Vann R. Newkirk II, a writer for The Atlantic, said"
    rf"|(?P<n8>{_NAME}){_PARENTHESIS},\s+(?P<r8>[^,“”\"]{{2,120}})(?:,[^,“”\"]{{2,80}})?,"
    rf"\s+{_CUE}\b"
    # "a narrator in the Clinton ad asks", "Obama's former strategist said": no name given
    rf"|(?P<n7>(?:a|an|the|[A-Z]\w+[’']s)\s+[\w’' -]{{2,50}}?)\s+{_CUE}\b"
    # "…," as a Homeland Security memo put it
    rf"|as\s+(?P<n13>{_NAME}|(?:a|an|the)\s+[\w’' -]{{2,50}}?)\s+{_CUE}\b"
    # "…," per the party's bylaws
    rf"|per\s+(?P<n15>{_NAME}|(?:a|an|the|[A-Z]\w+[’']s)\s+[\w’' -]{{2,50}}?)"
    rf"(?=\s*[,.]|\s*$)"
    # "said one Democratic source on the panel"
    rf"|{_CUE}\s+(?P<n10>(?:one|a|an|the|two|three|several|some)\s+[\w’' -]{{2,60}}?)"
    rf"(?=\s*[,.]|$))"
)
# The subject of the clause that leads into a quote: a name, a pronoun or a noun phrase
# ("The Indiana governor said Democrats are to blame for focusing on “…").
_SUBJECT = (
    # "…, the 34-year-old mother of three replied, “…"
    rf"(?:(?P<p1>{_PRONOUN})|(?P<n1>{_NAME}(?<![’']s)|(?:The|(?<=, )the)\s+[\w’' -]{{2,40}}?)"
    rf"{_PARENTHESIS}"
    rf"(?:,[^,“\"]{{1,80}},)?)"
)
_ADVERBS = (
    r"(?:\s+(?:[a-z]+ly|also|then|later|again|once again|often|still|never|even|already|soon|"
    r"had|has|have|(?:on|last|this)\s+"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))*"
)
_BEFORE = re.compile(rf"{_SUBJECT}{_PARENTHESIS}{_ADVERBS}\s+{_CUE}\b[^.!?“”\"]{{0,120}}$")
# A name right before the quote: "footage of Hillary Clinton asking, “…", "According to
# Limbaugh, “…"
_NAMED_BEFORE = re.compile(
    rf"(?:(?P<n12>{_NAME})\s+(?:saying|asking|adding|declaring)\b[^.!?“”\"]{{0,60}}"
    rf"|[Aa]ccording to (?P<n11>{_NAME}),?\s*)$"
)
# A quote with no cue verb next to it: the subject of the sentence it sits in ("In January,
# Gov. Earl Ray Tomblin of West Virginia lauded him for “…”"), or "Said Ellis: “…”".
# "In January, ", "Though she called it “outrageous,” ": a clause before the subject.
_INTRO = (
    r"(?:(?:In|On|At|During|After|Following|While|As|Before|Earlier|Later|Last|Since|When|"
    r"Speaking|Asked|Still|But|And|Yet|Meanwhile|Though|Although|Despite|Because|Unlike|Amid|"
    r"Under|With)\b(?:[^,“”\"]|“[^”]{1,40}”|\"[^\"]{1,40}\"){0,160}?(?:,|(?<=,[”\"]))\s+)?"
)
_VERB = (
    r"(?!also\b|always\b|this\b|thus\b|perhaps\b|as\b)(?:[a-z]+(?:ed|[^s'u]s)|is|was|said|"
    r"told|wrote|spoke|sang|made|took|gave|put|left|sent|drew|won|held|kept|met|brought|"
    r"thought|felt|went|came|saw|did|got|began|ran|read|let)\b"
)
_SENTENCE_SUBJECT = re.compile(
    rf"(?:Said|Says|Added|Asked)\s+(?P<n9>{_NAME}):"
    rf"|{_INTRO}(?:(?P<p1>{_PRONOUN})|(?P<n1>{_NAME})(?<![’']s)"
    rf"|(?P<n7>(?:[Tt]he|An?|One|His|Her|Their|Our|My|[A-Z]\w+[’']s)\s+[\w’' -]{{2,40}}?))"
    rf"(?:\s+of\s+(?:the\s+)?{_W}(?:\s+{_W})*)?"
    # "Trump and his aides have …": the first of two subjects
    rf"(?:\s+and\s+(?:his|her|their|the)\s+[a-z]+)?"
    # after an appositive the next word is the verb, whatever it looks like
    rf"{_PARENTHESIS}(?:(?:,\s+(?P<a1>{_NAME})|,[^,“”\"]{{1,80}}),\s+(?P<v1>[a-z]+)\b"
    rf"|{_PARENTHESIS}(?P<aux>{_ADVERBS})\s+(?P<v2>{_VERB}))"
)
# "…, Schiff said. “The other factor …”": the sentence before names who goes on speaking.
_SAID_LAST = re.compile(
    rf"(?:(?P<p1>{_PRONOUN})|(?P<n1>{_NAME})){_PARENTHESIS}\s+{_CUE}\b[^.!?“”\"]{{0,60}}[.:]$"
)
# Words in front of a name that are not part of it.
_TITLES = re.compile(
    r"^(?:(?:U\.S\.|Russian|Chinese|Former|Retired|Democratic|Republican|Rival|Deputy|Acting|"
    r"Foreign|Prime|Vice|Assistant|Under|Secretary|State|President|Minister|Senator|Sen\.|Rep\.|"
    r"Gov\.|Ambassador|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|General|Gen\.|Lt\.|Col\.|Sgt\.|Capt\.|Adm\.|"
    r"Rev\.|Amb\.|Del\.|Spokesperson|Spokesman|Director|Head|of|for|the|The|"
    # "U.S. Ambassador to the United Nations Linda Thomas-Greenfield"
    r"to|United|Nations|U\.N\.|UN|Special|Envoy|Representative|"
    r"[A-Z]\w*[’']s)\s+)+"
)
_APPOSITIVE = re.compile(r"^,\s+(?:a|an|the)\s+([^,.;“”\"]{3,80})")
MIN_WORDS = 4
_LOOKAROUND = 200


def find_quotes(doc: Document) -> list[Quote]:
    """Quotes in quotation marks with their speakers; quotes inside questions are left out.

    A quotation split by its attribution ("…,” she said. “…") is one quote of two parts.
    """
    text = doc.text
    people = [doc.turns[0].speaker] if doc.turns and doc.turns[0].speaker else []
    people += [t.speaker for t in doc.turns if t.speaker and t.role == "answer"][:1]
    cast = _Cast(people, list(people), _honorific_genders(text), dict(doc.positions), {})
    quotes: list[Quote] = []
    last_closing = -1
    for parts, opening, closing in _quote_spans(text):
        if _in_question(doc, opening):
            continue
        speaker = _attribute(text, opening, closing, cast)
        previous = quotes[-1] if quotes else None
        if previous and _continues(text, last_closing, opening, closing):
            *head, (first_start, first_end) = previous.parts
            if text[parts[0][0] : parts[0][0] + 1].islower():  # “…,” she said, “and …”
                first_end = _comma_end(text, first_end)
            parts = [*head, (first_start, first_end), *parts]
            speaker = previous.speaker or speaker
            quotes.pop()
        elif speaker is None and previous and previous.speaker:
            # a second quote in the same paragraph continues the previous speaker
            if "\n" not in text[previous.end : opening] and opening - previous.end < 250:
                speaker = previous.speaker
        if speaker and speaker not in PROCEDURAL_SPEAKERS:
            cast.recent = [p for p in cast.recent if p != speaker] + [speaker]
        position = cast.positions.get(speaker) if speaker else None
        quotes.append(_quote(text, parts, speaker, position))
        last_closing = closing
    return [q for q in quotes if len(q.text.split()) >= MIN_WORDS]


def _quote(
    text: str, parts: list[tuple[int, int]], speaker: str | None, position: str | None
) -> Quote:
    *body, (start, end) = parts
    while end > start and text[end - 1] in " ,;:":
        end -= 1  # "…on both sides," says X: the comma belongs to the sentence
    spans = (*body, (start, end))
    return Quote(
        join_parts(text, spans),
        speaker,
        spans[0][0],
        end,
        position=position,
        spans=spans if body else (),
    )


def join_parts(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The parts of one quotation as a reader sees them: a space where the first part ends
    its sentence or clause, an ellipsis where the source's punctuation was left out."""
    out = text[spans[0][0] : spans[0][1]]
    for start, end in spans[1:]:
        out += (" " if out[-1] in ".!?,;:…" else " … ") + text[start:end]
    return out


def _comma_end(text: str, end: int) -> int:
    """A part followed by more of the same quotation keeps its comma."""
    while end < len(text) and text[end] in ",;":
        end += 1
    return end


# What may stand between the parts of one quotation besides its attribution: when, where, how.
_BETWEEN = re.compile(r"[^.!?“”\"\n]{0,100}?[.,;:]?\s*(?:(?:but|and)\s+)?")
_ENDS_SENTENCE = re.compile(r"[^.!?“”\"\n]{0,200}\.\s*")
_NEW_CLAUSE = re.compile(r"\b(?:who|which|that|adding|before|after|when|while|then|as)\b")


# Fragments of one clause: “a big problem” but “nobody talks about it”, “I would,” “I would.”
_LINKED = re.compile(r"\s*,?\s*(?:(?:and|but|or|an?)\s+)?")


def _continues(text: str, closing: int, opening: int, next_closing: int) -> bool:
    """Is the text between a closing mark and the next opening mark only the attribution of
    one quotation, or a link between fragments of one clause?"""
    between = text[closing + 1 : opening]
    if "\n" in between or len(between) > 240:
        return False
    if _LINKED.fullmatch(between):
        return True
    if text[closing - 1] == "." and between.lstrip()[:1].isupper():
        return False  # “… escapades.” The agency said …: a new sentence, a new quotation
    m = _AFTER.match(between)
    if not m or m["n5"]:  # "… ― Esther Tapia": a signature ends the quotation
        return False
    after_next = text[next_closing + 1 : next_closing + _LOOKAROUND].split("\n", 1)[0]
    new_sentence = text[next_closing - 1] == "." and after_next.lstrip()[:1].isupper()
    if _AFTER.match(after_next) and not new_sentence:
        return False  # “…,” Warren said. “…,” she said: two attributions, two quotations
    rest = re.sub(r"\([^()]{1,30}\)", "", between[m.end() :])  # "(D-S.C.)"
    if _ENDS_SENTENCE.fullmatch(rest):  # said X, a physicist who … . “…”
        return True
    return bool(_BETWEEN.fullmatch(rest)) and not _NEW_CLAUSE.search(rest)


def _quote_spans(text: str) -> Iterator[tuple[list[tuple[int, int]], int, int]]:
    """(parts, first opening mark, last closing mark) of each quotation, paragraph by paragraph.

    A quotation that runs to the end of its paragraph and is reopened at the start of the next
    one has a part in each; one that is never closed is left out: never guess where it ends.
    """
    pending: list[tuple[int, int]] = []  # parts of a quotation that runs on over paragraphs
    pending_opening = -1
    for para in LINE.finditer(text, 0, min(len(text), MAX_ANALYZED_CHARS)):
        lead = para.end() - len(para.group().lstrip())
        if pending and text[lead] != text[pending_opening]:
            pending = []
        pos = para.start()
        while pos < para.end():
            opening = _next_opening(text, pos, para.end(), lead)
            if opening is None:
                break
            closing = text.find(_PAIRS.get(text[opening], "”"), opening + 1, para.end())
            if closing < 0:
                if opening == lead:
                    pending_opening = opening if not pending else pending_opening
                    pending.append((opening + 1, para.start() + len(para.group().rstrip())))
                else:
                    pending = []
                break
            first = pending_opening if pending else opening
            parts = [*pending, (opening + 1, closing)]
            pending = []
            inner = " ".join(text[s:e] for s, e in parts).strip()
            if inner and not _is_title(inner):
                yield parts, first, closing
            pos = closing + 1


_MARK = re.compile('[“"«„”]')


def _next_opening(text: str, pos: int, end: int, lead: int) -> int | None:
    """The first mark in ``text[pos:end]`` that opens a quotation."""
    while m := _MARK.search(text, pos, end):
        if _opens(text, m.start(), lead):
            return m.start()
        pos = m.end()
    return None


def _opens(text: str, i: int, lead: int) -> bool:
    """Can the mark at ``i`` open a quotation? A straight mark followed by a space closes one
    whose opening mark the source lost ('a review of [his] systems" including …'); a closing
    curly mark that opens a paragraph was typed for an opening one ('”Fear. I am …”')."""
    if text[i] == "”":
        return i == lead and not text[i + 1 : i + 2].isspace()
    return text[i] != '"' or not text[i + 1 : i + 2].isspace()


_MINOR_WORDS = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with"}


def _is_title(inner: str) -> bool:
    """A name in Title Case: a show, a report, a law (“Advancing the Human Rights of LGBTQI+
    Persons Around the World.”), not something said. The sentence's comma or period may sit
    inside the closing mark."""
    if inner.endswith(("!", "?")):
        return False
    words = inner.rstrip(",.").split()
    major = [w for w in words if w not in _MINOR_WORDS]
    return bool(words) and words[0][:1].isupper() and all(w[:1].isupper() for w in major)


def _attribute(
    text: str,
    opening: int,
    closing: int,
    cast: _Cast,
) -> str | None:
    """The speaker named by a cue verb right after the closing mark or before the opening one.

    A title or appositive that comes with the name ("Deputy Secretary", "the Philippine
    foreign secretary") is remembered in ``cast.positions``.
    """
    after = text[closing + 1 : closing + 1 + _LOOKAROUND].split("\n", 1)[0]
    before = text[max(0, opening - _LOOKAROUND) : opening].rsplit("\n", 1)[-1]
    if text[closing - 1 : closing] == "." and after.lstrip()[:1].isupper():
        after = ""  # “… an outlaw nation.” Russia insisted …: a new sentence, not an attribution
    m = (
        _AFTER.match(after)
        or _NAMED_BEFORE.search(before)
        or _BEFORE.search(before)
        or _subject(text, opening)
        or (not after.strip(" .,") and _previous_paragraph_subject(text, opening))
    )
    if not m:
        return None
    groups = m.groupdict()
    pronoun = groups.get("p1") or (groups.get("n2") or "")
    if pronoun.lower() in {"he", "she", "they"}:
        # "McCaskill scolded him: “…,” she said": the pronoun is the sentence's named subject
        own = None if m.re in (_SENTENCE_SUBJECT, _SAID_LAST) else _subject(text, opening)
        if not (own and (own.groupdict().get("n1") or own.groupdict().get("n9"))):
            return cast.pronoun(pronoun.lower())
        m = own
    groups = m.groupdict()
    key = next(
        k
        for k in ("n1", "n3", "n4", "n5", "n6", "n8", "n9", "n11", "n12", "n13", "n14", "n15")
        + ("a1", "n7")
        + ("n10", "n2")
        if groups.get(k)
    )
    raw = groups[key]
    lead = m.string[max(0, m.start(key) - 8) : m.start(key)]
    if re.search(r"\b(?:in|of|for|on|at|to)\s+$", lead) and _leads_with_a_place(raw, text):
        raw = " ".join(raw.split()[-2:])  # "… in Afghanistan Richard Bennett said"
    name = _clean_name(raw)
    if not name:
        return None
    described = name[:1].isupper() and name.split()[0] in {"The", "A", "An"}
    role = (
        None
        if described
        else (
            groups.get("r3")
            or groups.get("r4")
            or groups.get("r6")
            or groups.get("r8")
            or groups.get("r14")
            or _title_of(raw, name)
        )
    )
    if not role and m.re is _AFTER:  # "…," said Oliver Grant, a security analyst at …
        trailing = _APPOSITIVE.match(after[m.end() :])
        role = trailing[1] if trailing else None
    if " " not in name:  # a surname alone: find the full name in the text (once per name)
        if name not in cast.full_names:
            cast.full_names[name] = full_name(name, text[:MAX_ANALYZED_CHARS])
        name = cast.full_names[name] or name
    for person in reversed(cast.people):
        if same_person(person, name) and len(person) >= len(name):
            name = person
            break
    else:
        cast.people.append(name)
    if role and name not in cast.positions:
        cast.positions[name] = " ".join(role.split())
    return name


_HONORIFIC = re.compile(r"\b(Mr|Ms|Mrs|Miss)\.?\s+(?:[A-Z][\w’'-]+\s+){0,2}([A-Z][\w’'-]+)\b")


def _honorific_genders(text: str) -> dict[str, str]:
    """Surnames the text writes with "Mr." or "Ms."/"Mrs." (as newspapers do): a "she said"
    does not go back to a Mr. Alexander."""
    genders: dict[str, str] = {}
    for m in _HONORIFIC.finditer(text, 0, MAX_ANALYZED_CHARS):
        genders.setdefault(m[2], "he" if m[1] == "Mr" else "she")
    return genders


_ROLE_NOUNS = r"spokes|chair|congress|business|council|assembly"
_FEMININE = re.compile(
    rf"\b((?:{_ROLE_NOUNS})woman|mother|wife|daughter|sister|actress|queen|first lady)\b", re.I
)
_MASCULINE = re.compile(rf"\b((?:{_ROLE_NOUNS})man|father|husband|son|brother|actor|king)\b", re.I)


@dataclass
class _Cast:
    """The people of one document as its quotes are read: everyone named so far, the
    speakers latest last, what the text says of their sex, their positions, full names."""

    people: list[str]
    recent: list[str]
    genders: dict[str, str]
    positions: dict[str, str]
    full_names: dict[str, str | None]

    def pronoun(self, pronoun: str) -> str | None:
        """The latest speaker a pronoun can stand for: "she" skips a Mr. or a spokesman, "he"
        a Ms. or a congresswoman."""
        for person in reversed(self.recent):
            role = self.positions.get(person, "")
            known = self.genders.get(person.split()[-1]) or (
                "she" if _FEMININE.search(role) else "he" if _MASCULINE.search(role) else None
            )
            if pronoun == "they" or known in (None, pronoun):
                return person
        return None


def _subject(text: str, opening: int) -> re.Match[str] | None:
    """Who the sentence around a quote is about: its subject, or the speaker of "X said." or
    "X reports:" just before a quote that opens its own sentence or paragraph."""
    para_start = text.rfind("\n", 0, opening) + 1
    if not text[para_start:opening].strip():  # the quote opens its paragraph
        previous = text[max(0, para_start - _LOOKAROUND) : para_start].rstrip()
        if not previous.endswith(":"):
            return None
        return _SAID_LAST.search(previous, previous.rfind("\n") + 1)
    low = max(para_start, opening - 2 * _LOOKAROUND)
    chunk = text[low:opening]
    spans = split_sentences(chunk)
    if not spans:
        return None
    start, end = spans[-1]
    if chunk[end:].strip() or not chunk[start:end].endswith((".", "!", "?")):
        # the quote sits inside this sentence
        if start == 0 and low > para_start:
            return None  # the sentence began before the window: its subject is unknown
        m = _SENTENCE_SUBJECT.match(chunk, start)
        return m if m and _names_someone(m, text) else None
    said = _SAID_LAST.search(chunk, start, end)
    if said or (start == 0 and low > para_start):
        return said
    # "His partner, Lawrence B. Cummings, called him a master at deals. “He showed …”": a
    # quote that follows a sentence about a named person, with no cue of its own, is theirs
    return _named_subject(chunk, start, text)


def _named_subject(sentence: str, start: int, text: str) -> re.Match[str] | None:
    """The subject of the sentence at ``sentence[start:]``, when it names someone."""
    m = _SENTENCE_SUBJECT.match(sentence, start)
    if m and (m["n1"] or m["a1"]) and _names_someone(m, text):
        return m
    return None


def _previous_paragraph_subject(text: str, opening: int) -> re.Match[str] | None:
    """A paragraph that is a quotation and nothing else goes on from the paragraph before:
    "… Clinton restricted comments to hypothetical scenarios. ¶ “If any bank can't be managed,
    it should be broken up.”" is Clinton's when that sentence's subject names her."""
    para_start = text.rfind("\n", 0, opening) + 1
    if text[para_start:opening].strip() or para_start < 2:
        return None
    previous = text[max(0, para_start - 2 * _LOOKAROUND) : para_start].rstrip()
    spans = split_sentences(previous, previous.rfind("\n") + 1)
    if not spans or previous[spans[-1][0] : spans[-1][1]][-1:] not in {".", "!"}:
        return None
    return _named_subject(previous, spans[-1][0], text)


# Capitalised words that open a sentence but are not a name.
_NOT_NAMES = set(
    """But And So Yet Or If When This That These Those There Here What Why How Who Some Many
    Most All Only Even Still Now Then Also Instead However Meanwhile It No Not Each Every Such
    Several Both In On At During After Following While As Before Earlier Later Last Since
    Speaking Asked January February March April May June July August September October
    November December""".split()
)


def _names_someone(m: re.Match[str], text: str) -> bool:
    """Is the subject of a sentence someone who speaks? A name of two words or more, a word
    that is someone's surname elsewhere in the text, or either of them or a description ("The
    Republican nominee") with a cue verb. Reports quote terms after any subject: "The political
    crimes law defined a “political crime” as …" is not speech."""
    g = m.groupdict()
    if g.get("n9") or g.get("a1") or g.get("p1"):
        return True
    verb = g.get("v1") or g.get("v2") or ""
    cue = bool(_CUE_WORD.fullmatch(verb))
    # "The ad uses", "The two entities", "Legal amendments": a word in -s may be a plural noun
    verb_like = cue or verb in {"is", "was", "has"} or not verb.endswith("s") or bool(g.get("aux"))
    raw = g.get("n1")
    if not raw:  # a description
        return verb_like
    name = _TITLES.sub("", raw.strip())
    if raw.split()[0] in _NOT_NAMES or not name or not verb_like:
        return False
    # one capitalised word opening a sentence is a name if it is capitalised mid-sentence too
    mid_sentence = re.compile(rf"[a-z,]\s+{re.escape(name)}\b")
    return cue or " " in name or bool(mid_sentence.search(text, 0, MAX_ANALYZED_CHARS))


def _leads_with_a_place(raw: str, text: str) -> bool:
    """Is the first of three or more capitalised words a place or body of its own, as in
    "… in Afghanistan Richard Bennett said"? A first name is followed by a surname wherever
    it appears ("Mahsa Zhina Amini"); "Afghanistan" also stands alone."""
    words = raw.split()
    if len(words) < 3:
        return False
    return bool(re.search(rf"\b{re.escape(words[0])}\b(?!\s+[A-Z])", text[:MAX_ANALYZED_CHARS]))


def _title_of(raw: str, name: str) -> str | None:
    """The title words in front of a name ("Deputy Secretary" of "Deputy Secretary X Y")."""
    prefix = raw.strip()[: raw.strip().find(name)].strip(" ,")
    while prefix.split(" ", 1)[0] in _NOT_NAMES:  # "As Secretary"
        prefix = prefix.split(" ", 1)[1] if " " in prefix else ""
    return (
        prefix
        if len(prefix) > 2 and prefix.lower() not in {"the", "mr.", "ms.", "mr", "ms"}
        else None
    )


# Capitalised words that open a sentence and say who spoke without naming anyone.
_UNNAMED = {
    "it",
    "this",
    "that",
    "there",
    "officials",
    "analysts",
    "experts",
    "diplomats",
    "sources",
    "residents",
    "critics",
    "police",
    "witnesses",
    "authorities",
    "lawmakers",
    "observers",
    "reports",
    "some",
    "many",
    "others",
    "both",
    "people",
    "aides",
    "supporters",
    "voters",
    "investigators",
    "prosecutors",
    "researchers",
    "scientists",
    "economists",
    "officers",
    "democrats",
    "republicans",
    "leaders",
    "ministers",
    "spokesman",
    "spokeswoman",
}


def _clean_name(raw: str) -> str | None:
    if re.match(
        r"^(?:The|the|a|an|A|An|One|one|[A-Z]\w+[’']s)\s+(?:[A-Z][\w’'-]*\s+)*[a-z0-9]", raw.strip()
    ):
        # "The commission", "A narrator …", "The Republican nominee"
        return raw.strip()[0].upper() + raw.strip()[1:]
    words = raw.split()
    while words and words[0] in _NOT_NAMES:  # "As Secretary Blinken said"
        words.pop(0)
    name = _TITLES.sub("", " ".join(words)).strip(" ,.")
    if not name or name.lower() in _UNNAMED or name in {"The", "A", "An"}:
        return None
    return name


def _in_question(doc: Document, pos: int) -> bool:
    return any(
        t.start <= pos < t.end and (t.role == "question" or t.speaker in PROCEDURAL_SPEAKERS)
        for t in doc.turns
    )
