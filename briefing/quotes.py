"""Direct quotes and who said them: quotation marks, cue verbs, pronouns, Q&A turns."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.ingest.meta import full_name
from briefing.ingest.turns import PROCEDURAL_SPEAKERS, same_person
from briefing.model import Document, Quote
from briefing.summarize import LINE
from briefing.text import MAX_ANALYZED_CHARS

_PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“"}
_CUE = (
    r"(?:said|says|say|told|tells|added|adds|warned|warns|stated|states|noted|notes|explained"
    r"|explains|argued|argues|insisted|insists|wrote|writes|declared|declares|asked|asks"
    r"|replied|replies|continued|continues|recalled|recalls|acknowledged|acknowledges"
    r"|according to|remarked|remarks|stressed|stresses|emphasized|emphasizes|announced"
    r"|announces|demanded|demands|tweeted|tweets|posted|claimed|claims|suggested|suggests"
    r"|asserted|asserts|countered|quipped|joked|conceded|admitted|admits|boasted|vowed"
    r"|promised|predicted|urged|urges|pleaded|cautioned|testified|complained|reiterated"
    r"|observed|responded|responds|concluded|sings|sang|calls|called|described|describes"
    r"|shouted|chanted|read|reads)"
)
# One word of a name: "Price", "O'Neill", "DuVernay", "McCaskill".
_W = r"[A-Z](?:['’][A-Z])?[a-zà-ÿ’'-]+(?:[A-Z][a-zà-ÿ’'-]+)?"
_NAME = (
    r"(?:(?:(?:Secretary|Minister|Director|Head) (?:of|for) (?:the )?[A-Z]\w+\s+)?"
    rf"(?:[A-Z][\w.]*[’']s\s+)?(?:(?:Mr|Ms|Mrs|Dr|Sen|Rep|Gov|Gen)\.\s+)?{_W}"
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
    rf"|{_CUE}\s+(?P<n2>{_NAME}|{_PRONOUN})\b"
    # "… ― Pamela Padilla": a dash and a name, as under an epigraph
    rf"|[―—–]\s*(?P<n5>{_NAME})"
    # "White House press secretary Josh Earnest said": a role, then the name
    rf"|(?P<r6>(?:[\w.’'-]+\s+){{1,6}}?)(?P<n6>[A-Z][a-zà-ÿ’'-]+(?:\s+[A-Z][a-zà-ÿ’'-]+){{1,3}})"
    rf"{_PARENTHESIS}\s+{_CUE}\b"
    # "Vann R. Newkirk II, a writer for The Atlantic, said"
    rf"|(?P<n8>{_NAME}),\s+(?P<r8>[^,“”\"]{{2,80}}),\s+{_CUE}\b"
    # "a narrator in the Clinton ad asks", "Obama's former strategist said": no name given
    rf"|(?P<n7>(?:a|an|the|[A-Z]\w+[’']s)\s+[\w’' -]{{2,50}}?)\s+{_CUE}\b)"
)
# The subject of the clause that leads into a quote: a name, a pronoun or a noun phrase
# ("The Indiana governor said Democrats are to blame for focusing on “…").
_SUBJECT = rf"(?:(?P<p1>{_PRONOUN})|(?P<n1>{_NAME}|The\s+[\w’' -]{{2,40}}?)(?:,[^,“\"]{{1,80}},)?)"
_BEFORE = re.compile(rf"{_SUBJECT}{_PARENTHESIS}\s+{_CUE}\b[^.!?“”\"]{{0,120}}$")
_TITLES = re.compile(
    r"^(?:(?:U\.S\.|Russian|Chinese|Former|Deputy|Acting|Foreign|Prime|Vice|Assistant|Under|"
    r"Secretary|State|President|Minister|Senator|Sen\.|Rep\.|Gov\.|Ambassador|Mr\.?|Ms\.?|Mrs\.?|"
    r"Dr\.?|General|Gen\.|Spokesperson|Spokesman|Director|Head|Minister|of|for|the|The|"
    r"[A-Z]\w*[’']s)\s+)+"
)
_APPOSITIVE = re.compile(r"^,\s+(?:a|an|the)\s+([^,.;“”\"]{3,80})")
MIN_WORDS = 4
_LOOKAROUND = 200


def find_quotes(doc: Document) -> list[Quote]:
    """Quotes in quotation marks with their speakers; quotes inside questions are left out."""
    people = [doc.turns[0].speaker] if doc.turns and doc.turns[0].speaker else []
    people += [t.speaker for t in doc.turns if t.speaker and t.role == "answer"][:1]
    quotes: list[Quote] = []
    last: str | None = people[-1] if people else None
    positions = dict(doc.positions)
    full_names: dict[str, str | None] = {}
    for start, end, closing in _quote_spans(doc.text):
        if _in_question(doc, start):
            continue
        speaker = _attribute(doc.text, start - 1, closing, last, people, positions, full_names)
        if speaker is None and quotes and quotes[-1].speaker:
            # a second quote in the same paragraph continues the previous speaker
            if "\n" not in doc.text[quotes[-1].end : start]:
                speaker = quotes[-1].speaker
        if speaker and speaker not in PROCEDURAL_SPEAKERS:
            last = speaker
        position = positions.get(speaker) if speaker else None
        quotes.append(Quote(doc.text[start:end], speaker, start, end, position=position))
    return quotes


def _quote_spans(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, closing mark) of the words inside quotation marks, paragraph by paragraph."""
    for para in LINE.finditer(text, 0, min(len(text), MAX_ANALYZED_CHARS)):
        pos = para.start()
        while pos < para.end():
            opening = next((i for i in range(pos, para.end()) if text[i] in _PAIRS), None)
            if opening is None:
                break
            closing = text.find(_PAIRS[text[opening]], opening + 1, para.end())
            if closing < 0:
                break  # unbalanced: never guess where a quote ends
            start, end = opening + 1, closing
            while end > start and text[end - 1] in " ,;:":
                end -= 1  # "…on both sides," says X: the comma belongs to the sentence
            inner = text[start:end].strip()
            if len(inner.split()) >= MIN_WORDS and not _is_title(inner):
                yield start, end, closing
            pos = closing + 1


def _is_title(inner: str) -> bool:
    words = inner.split()
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals == len(words) and not inner.endswith((".", ",", "!", "?"))


def _attribute(
    text: str,
    opening: int,
    closing: int,
    last: str | None,
    people: list[str],
    positions: dict[str, str],
    full_names: dict[str, str | None],
) -> str | None:
    """The speaker named by a cue verb right after the closing mark or before the opening one.

    A title or appositive that comes with the name ("Deputy Secretary", "the Philippine
    foreign secretary") is remembered in ``positions``.
    """
    after = text[closing + 1 : closing + 1 + _LOOKAROUND].split("\n", 1)[0]
    before = text[max(0, opening - _LOOKAROUND) : opening].rsplit("\n", 1)[-1]
    m = _AFTER.match(after) or _BEFORE.search(before)
    if not m:
        return None
    if m["p1"] or (m.groupdict().get("n2") or "").lower() in {"he", "she", "they"}:
        return last
    groups = m.groupdict()
    raw = next(groups[k] for k in ("n1", "n3", "n4", "n5", "n6", "n8", "n7", "n2") if groups.get(k))
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
            or _title_of(raw, name)
        )
    )
    if not role and m.re is _AFTER:  # "…," said Oliver Grant, a security analyst at …
        trailing = _APPOSITIVE.match(after[m.end() :])
        role = trailing[1] if trailing else None
    if " " not in name:  # a surname alone: find the full name in the text (once per name)
        if name not in full_names:
            full_names[name] = full_name(name, text[:MAX_ANALYZED_CHARS])
        name = full_names[name] or name
    for person in reversed(people):
        if same_person(person, name) and len(person) >= len(name):
            name = person
            break
    else:
        people.append(name)
    if role and name not in positions:
        positions[name] = " ".join(role.split())
    return name


def _title_of(raw: str, name: str) -> str | None:
    """The title words in front of a name ("Deputy Secretary" of "Deputy Secretary X Y")."""
    prefix = raw.strip()[: raw.strip().find(name)].strip(" ,")
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
    if re.match(r"^(The|the|a|an|A|An)\s+[a-z]", raw.strip()):
        return raw.strip()[0].upper() + raw.strip()[1:]  # "The commission", "A narrator …"
    name = _TITLES.sub("", raw.strip()).strip(" ,.")
    if not name or name.lower() in _UNNAMED:
        return None
    return name


def _in_question(doc: Document, pos: int) -> bool:
    return any(
        t.start <= pos < t.end and (t.role == "question" or t.speaker in PROCEDURAL_SPEAKERS)
        for t in doc.turns
    )
