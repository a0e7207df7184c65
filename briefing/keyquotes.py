"""Key quotes of a topic: the quotes worth quoting, and who said them, as a reader names them.

Quotes come from quotation marks, transcript and interview answers, and statements issued in
a named person's name. A quote is worth quoting for its substance (a number, a name, a
position or an action), not for running an event (greetings, thanks, introducing the next
speaker, logistics) or for its stage directions. Speakers are resolved to a full name and a
role across all the brief's sources ("Mr Price" → Ned Price, Department Spokesperson); a
document named as the speaker ("The report") is not a speaker.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from briefing import lexicon
from briefing.attribution import after_direction, cite_title, interpreted, said_by
from briefing.brackets import anchor_days
from briefing.config import Topic
from briefing.editorial import (
    CEREMONY,
    ECHO,
    ECHOED,
    RELAYED_SAYING,
    dangling_person,
    discourse_marker,
    first_person,
    in_tribute,
    leans_back,
    points_back_inside,
    qualified_after,
    restarted,
)
from briefing.ingest.meta import fold
from briefing.lexicon import DOCUMENT_NOUNS, PROCEDURAL_SPEAKERS
from briefing.match import answer_type_term, mentions, why
from briefing.model import Analysis, Document, KeyQuote, Quote, Sentence
from briefing.postag import tag
from briefing.synthesize import (
    RENEWED,
    SCHEDULE,
    STANCE,
    UNSAID_ACT,
    about,
    answer_class,
    asked_of,
    focus_terms,
    in_source,
    irrealis,
    long_before,
    narrates_act,
    phrases,
    quantity,
    readout,
    rhetoric,
    source_id,
)
from briefing.text import (
    MAX_ANALYZED_CHARS,
    SECOND_PERSON,
    STOPWORDS,
    common_word,
    content_words,
    cosine,
    split_sentences,
)

MAX_QUOTES = 3
PER_SPEAKER = 2
POSITIONS = 1  # quotes that only say what must or will be ("… will never abandon …")
QUOTE_WORDS = (8, 70)
HOST_OPENING = 80  # characters of a turn that say whether it hands over the floor

# Handing over the floor, as the host of a call does.
HANDOVER = re.compile(
    r"\b(?:go(?:ing)? to the line|next question|turn (?:it )?over|(?:and )?with that|go ahead"
    r"|take (?:\w+ ){0,3}questions?|(?:pleased|delighted) to introduce|we have with us)\b",
    re.I,
)
# A stage direction of a transcript: "(Via interpreter)", "(Laughter.)", "(Off-mike.)".
STAGE_DIRECTION = re.compile(r"\((?:[A-Z][\w-]*)(?:\s[\w-]+){0,3}\.?\)")
# An aside to the people in the room: "…, as you know, …", "as many of you will recall".
ASIDE_TO_THE_ROOM = re.compile(
    r"\bas (?:(?:many|some|most|all) of )?you(?:[’']ve|[’']re)?(?: \w+){0,2}?"
    r" (?:know|recall|remember|heard|saw|seen|aware)\b",
    re.I,
)
# Words that carry a position or an action: what a government decided, demands or rejects.
POSITION_WORDS = re.compile(
    r"\b(?:will|must|cannot|can ?not|won[’']t|should|never|condemn\w*|call\w* on|urg\w*"
    r"|demand\w*|reject\w*|support\w*|oppos\w*|impos\w*|sanction\w*|designat\w*|announc\w*"
    r"|commit\w*|pledg\w*|launch\w*|violat\w*|accountab\w*|responsib\w*|ban\w*|block\w*)\b",
    re.I,
)
NUMBER = re.compile(r"\d|\b(?:percent|million|billion|thousand|hundred|dozens?)\b", re.I)
# A capitalised word inside a sentence: a name, a place, an organisation.
NAME_INSIDE = re.compile(r"(?<=[a-z,;] )[A-Z][\w’'-]+")
TITLE_WORDS = lexicon.TITLE_WORDS


Chosen = Sequence[tuple[KeyQuote, tuple[Quote, Document]]]
Scored = tuple[float, Quote, Document, bool]  # score, quote, its source, aside from the topic


def key_quotes(
    topic: Topic,
    found: list[Analysis],
    everyone: Iterable[Analysis] = (),
    shown: Collection[str] = (),
    asked: Sequence[str] | None = None,
) -> list[KeyQuote]:
    """The topic's key quotes from its sources ``found`` (best first): substance first, one
    per speaker before a second, none that repeats one already chosen. ``everyone`` is every
    analysis of the brief, whose headers name the people that transcripts label by surname;
    ``shown`` the texts of quotes the brief already shows elsewhere, which are not chosen;
    ``asked`` the names the topic's question asks about (``asked_of``), if already known."""
    roster = roster_of([a.doc for a in [*found, *everyone]])
    kind = answer_class(topic.query)  # "countries" in "Which countries …?": in every report
    names = asked_of(topic, found) if asked is None else asked
    keys = [*focus_terms(topic), *names]
    focus = set().union(*phrases(keys))
    scored: list[Scored] = []
    narrations: list[Scored] = []  # a release's account of what the government did
    for rank, analysis in enumerate(found):
        doc = analysis.doc
        whole = _about(topic, doc, kind)
        # writing that only touches on the topic, as the synthesis reads it
        passing = bool(focus) and not about(
            doc, analysis.sentences, focus, in_source(keys, doc.text)
        )
        hosts = _hosts(doc)
        for raw in _pool(analysis):
            q = None if raw.speaker in hosts else _resolve(raw, doc, roster)
            if q is None or not _quotable(q, doc, _before(analysis, q.start)):
                continue
            if _qualified(analysis, q):
                continue
            if q.speaker and q.speaker.split()[-1] in lexicon.MEDIA_HEADS:
                continue  # an outlet's reporting, relayed: a bullet's business
            # a release's "Today, President Biden directed Deferred Enforced Departure …" is
            # its news, a bullet's business: quoted, it is kept from the bullets (its "We have
            # frozen … and we will block …" is its signer's voice)
            narration = q.kind == "statement" and narrates_act(q.text, doc.text)
            dated = _dated(q, doc)[0]  # "Last November [2021]": the year says how long ago
            if hollow(q) or not _voiced(q) or long_before(dated, doc.date):
                continue
            if shown and dated in shown:
                continue
            relevance = mentions(topic, q.text, skip=kind)
            if not (relevance or whole):
                continue  # a source about other things: only its quotes on this topic
            if names and passing and not focus & set(content_words(f"{q.text} {q.speaker}")):
                continue  # nor, asked of a name, a quote that neither names it nor is theirs
            if doc.doc_type == "transcript":
                aside = not (relevance or _asked(topic, doc, q.start))
            else:
                aside = passing
            entry = (_score(q, relevance, rank), q, doc, aside)
            (narrations if narration else scored).append(entry)
    # A transcript takes up many subjects, whatever its title names: an answer to a question
    # on another subject ("… no meeting planned … at the G20" in a briefing on Syria and the
    # G20) is quoted only when the topic has too few quotes on it; so is a quote from a source
    # that only touches on the topic ("… with the war in Ukraine, escalating food prices …" at
    # a food prize's ceremony), as its sentences weigh less as bullets.
    chosen = _ranked([x[:3] for x in scored if not x[3]])
    if len(chosen) < MAX_QUOTES:
        chosen = _ranked([x[:3] for x in scored if x[3]], chosen)
    if not chosen:  # a topic whose sources hold no other quote still has one
        chosen = _ranked([x[:3] for x in narrations if not x[3]] or [x[:3] for x in narrations])
    return [replace(k, quoted_by=_relayer(q, doc, roster)) for k, (q, doc) in _in_order(chosen)]


def _in_order(chosen: Chosen) -> Chosen:
    """``chosen`` best first, but a quote that leans on what came before it in its source
    ("This assistance …") right after a chosen quote from earlier in that source ("… is
    providing more than $266 million in new humanitarian assistance"), which says it."""
    out = list(chosen)
    for item in chosen:
        q, doc = item[1]
        if not leans_back(q.text, (), spoken=q.kind == "spoken"):
            continue
        earlier = [
            i for i, (_, (p, d)) in enumerate(out) if d is doc and p.start < q.start and p is not q
        ]
        if earlier and out.index(item) < max(earlier):
            out.remove(item)  # the quotes after it move up one: insert after the last earlier
            out.insert(max(earlier), item)
    return out


def _ranked(scored: list[tuple[float, Quote, Document]], taken: Chosen = ()) -> Chosen:
    """``taken`` and the best of ``scored`` after them, positions after what is more
    concrete."""
    # only modal verbs: a position, quoted after what is more concrete, and once per topic
    order = sorted(scored, key=lambda x: (irrealis(x[1].text), -x[0], str(x[2].path), x[1].start))
    positions = [i for i, (_, q, _) in enumerate(order) if irrealis(q.text)]
    positions = positions[max(0, POSITIONS - sum(irrealis(k.text) for k, _ in taken)) :]
    return _choose([x for i, x in enumerate(order) if i not in positions], taken)


def _pool(analysis: Analysis) -> list[Quote]:
    spoken = [_without_direction(q, analysis.doc) for q in analysis.spoken]
    return [*analysis.quotes, *spoken, *analysis.statements]


def _without_direction(q: Quote, doc: Document) -> Quote:
    """A transcript answer that opens on "(Via interpreter)" from its first word: the
    attribution says it came through an interpreter (``interpreted``), as a bullet's does."""
    start = after_direction(doc, q.start, q.end)
    if start == q.start or not q.text.startswith(doc.text[q.start : start]):
        return q
    spans = ((start, q.spans[0][1]), *q.spans[1:]) if q.spans else ()
    return replace(q, text=q.text[start - q.start :], start=start, spans=spans)


def _hosts(doc: Document) -> set[str]:
    """Who runs a call rather than speaks on it: a speaker with several turns, most of them
    opening by handing over the floor ("Let's go to the line of …", "Go ahead")."""
    turns: dict[str, list[bool]] = {}
    for t in doc.turns:
        if t.speaker and t.role == "answer":
            opening = doc.text[t.start : min(t.end, t.start + HOST_OPENING)]
            turns.setdefault(t.speaker, []).append(bool(HANDOVER.search(opening)))
    return {
        s for s, hosting in turns.items() if len(hosting) >= 3 and 2 * sum(hosting) >= len(hosting)
    }


def _about(topic: Topic, doc: Document, kind: Collection[str] = ()) -> bool:
    """Is the whole source on the topic: one of its terms in the title (not one of the
    answer type's words: "Country Reports on …" asked "Which countries …?")?"""
    return any(hits.title for term, hits in why(topic, doc) if not answer_type_term(term, kind))


def _asked(topic: Topic, doc: Document, at: int) -> bool:
    """Whether the question answered by the turn holding offset ``at`` names the topic: "The
    United States supports all forms of assistance …" answers a question on Syria."""
    i = next((i for i, t in enumerate(doc.turns) if t.start <= at < t.end), None)
    if not i or doc.turns[i - 1].role != "question":
        return False
    question = doc.turns[i - 1]
    return bool(mentions(topic, doc.text[question.start : question.end]))


def _before(analysis: Analysis, at: int) -> list[Sentence]:
    """The two sentences of the source before ``at``: what a quote may lean on."""
    ends = [s.end for s in analysis.sentences]  # in text order
    n = bisect.bisect_right(ends, at)
    return list(analysis.sentences[max(0, n - 2) : n])


def _qualified(analysis: Analysis, q: Quote) -> bool:
    """Whether the sentence right after ``q`` in its paragraph (one speaker's turn) opens by
    setting something against it (QUALIFIER)."""
    sentences = analysis.sentences  # in text order
    return qualified_after(
        analysis.doc.text, sentences, bisect.bisect_left([s.start for s in sentences], q.end)
    )


def _quotable(q: Quote, doc: Document, before: Sequence[Sentence] = ()) -> bool:
    n = len(q.text.split())
    text = q.text.strip()
    return (
        QUOTE_WORDS[0] <= n <= QUOTE_WORDS[1]
        and not text.endswith("?")
        and not text.rstrip("”\"’'").endswith(("–", "—", "-"))  # cut off: "… promotion of –"
        and not text[:1].islower()  # the end of someone's sentence: "…, “does not seek …”"
        and not CEREMONY.search(text)
        and not in_tribute(doc.text, q.start)
        # "As many of you will recall, …": said to the room, not to the brief's reader
        and not SECOND_PERSON.search(text.split(",", 1)[0])
        and not ASIDE_TO_THE_ROOM.search(text)  # "…, as you know, …"
        and not STAGE_DIRECTION.search(text)
        and not (q.kind == "spoken" and restarted(text))  # "we are – do not intend to …"
        and not (q.kind == "spoken" and discourse_marker(text))  # "Look, I think …"
        # a quote is read alone too: not one that points at what the reader was not shown
        # (beside it the reader sees the source as its attribution cites it)
        and not leans_back(text, before, shown=cite_title(doc), spoken=q.kind == "spoken")
        # a speaker's "these peace efforts" are ones the room heard of and the reader did not
        # (in a bullet among the topic's others they mostly are the topic's: not there)
        and not points_back_inside(text.lower(), cite_title(doc), plural_only=True)
        # nor at what someone else said there: "As the Secretary noted, …", "… the pillars
        # that the under secretary outlined"
        and not ECHO.match(text.lower())
        and not ECHOED.search(text)
        and not RELAYED_SAYING.match(text)  # "Abe always said …": another's words
        and not dangling_person(text, doc.text)
    )


def _score(q: Quote, relevance: int, rank: int) -> float:
    """Substance: a number, names, a position or an action; then the topic and the source."""
    n = len(q.text.split())
    names = len(NAME_INSIDE.findall(q.text))
    substance = (
        1.0 * bool(NUMBER.search(q.text))
        + 0.3 * min(3, names)
        + 0.6 * min(2, len(POSITION_WORDS.findall(q.text)))
    )
    said = 0.5 if q.kind == "direct" else 0.0  # quoted by the source as worth quoting
    return substance + min(2, relevance) + said + min(n, 30) / 30 - 0.2 * rank


# What a speaker looks forward to discussing, or what the meeting they open is for ("we are
# convening … to discuss"): the agenda, not what was said about it.
AGENDA = re.compile(
    r"\blook(?:s|ing)? forward to (?:\w+ing|the|our)\b"
    r"|\bwe(?: are|['’]re) (?:(?:here|now|today|all) )?(?:convening|gathered|gathering|meeting)"
    r"\b[^.;,]{0,60}?\bto discuss\b",
    re.I,
)


# An exhortation to the room: "Let us send out to the world … message"
HORTATIVE = re.compile(r"\W*Let(?:['’]s| us)\b")
# A name past a quote's first word: what ties it to the world, with a number (NUMBER). As
# synthesize._ANCHORED, except that a speaker's "I" names no one.
_NAMED_INSIDE = re.compile(r"(?<=[\s(“\"‘'\[-])(?!I(?:[’'](?:m|ve|ll|d))?\b)[A-Z]")


def names_something(text: str) -> bool:
    """Whether a quote names someone, somewhere or an amount: "I would take a minute to
    highlight that we’ve made significant achievements so far" names none of them, and says
    nothing a reader can check or use. Of 572 quotable sentences of the State Department
    sample, 164 name nothing; a sample of 40 of them held no quote worth quoting. Its first
    word counts when it is a proper noun ("Beijing has broken …"; the tagger reads a plural
    people's name, "Ukrainians", as a common noun)."""
    if _NAMED_INSIDE.search(text) or NUMBER.search(text):
        return True
    tagged = tag(text.lstrip("“\"‘' "))
    return bool(tagged) and tagged[0][1] in ("NNP", "NNPS")


def hollow(q: Quote) -> bool:
    """A stance, a renewed commitment, rhetoric, a travel schedule or a readout of a visit with
    no amount in it ("We remain steadfast in our commitment to …", "The Vice President will be
    headed to the region next week …", "This morning, Secretary Blinken visited …"): a quote a
    reader skips, never chosen; and so is an exhortation (HORTATIVE) and a sentence of a
    transcript or a statement that names nothing (``names_something``). A reporter's direct
    quote was chosen as worth quoting by the reporter, whose story names who and where around
    it ("Our assumption is that the veto will be overridden," McConnell said); 26 of
    PolNeAR's 134 name nothing, most of them a claim a news brief would quote. A quote of
    several sentences is hollow only when each of them is: a reaction that says what it reacts
    to before it condemns ("The committee has honoured someone convicted … We condemn …")."""
    if q.kind != "direct" and not names_something(q.text):
        return True
    if HORTATIVE.match(q.text):
        return True
    sentences = [q.text[s:e] for s, e in split_sentences(q.text)]
    # "Thank you." or "Yes." before a stance says nothing either
    said = [t for t in sentences if names_something(t)] or sentences
    return all(_hollow_sentence(t) for t in said)


def _hollow_sentence(text: str) -> bool:
    """A sentence that is a stance, rhetoric, a renewed promise, a schedule or an agenda with no
    amount in what it says or promises."""
    if (rhetoric(text) or readout(text)) and not quantity(text):
        return True
    # the amount must be in what is said or promised: "The 83 members of our coalition will
    # continue to …" counts who promises, not what
    forms = (STANCE, UNSAID_ACT, SCHEDULE, AGENDA, RENEWED)
    for m in (form.search(text) for form in forms):
        if m is None:
            continue
        clause = max(text.rfind(p, 0, m.start()) for p in ",;:") + 1  # the form's clause
        if not quantity(text[:clause] + " " + text[m.start() :]):
            return True
    return False


def _voiced(q: Quote) -> bool:
    """A sentence of a statement issued in someone's name is quoted for that person's voice
    ("We have frozen …"); one that narrates in the third person ("On February 25, Russian forces
    seized …") is a fact, and facts are the bullets' business."""
    return q.kind != "statement" or first_person(q.text)


def _relayer(q: Quote, doc: Document, roster: Roster) -> str | None:
    """Who relays a quote in quotation marks, when that is not its speaker: the speaker of the
    transcript turn it stands in ("As the Secretary said, quote, …"), the person a statement
    is issued in the name of, or the report that quotes it. A reporter's article is not
    counted: reporting quotes is its business, and the byline says who wrote it."""
    if q.kind != "direct" or not q.speaker:
        return None
    turn = next((t for t in doc.turns if t.start <= q.start < t.end), None)
    signer = doc.signer()
    voice = turn.speaker if turn is not None else signer[0] if signer else None
    if voice is None and doc.doc_type == "report":
        # a report relays what it quotes: "State Department report on Iran", as its bullets
        # name it, so the report's date is not read as the day the words were said; not its
        # author quoting themself
        relayer = said_by(doc, Sentence("", q.start, q.start, None, "statement"))
        same = relayer and fold(relayer.split()[-1]) == fold(q.speaker.split()[-1])
        return None if same else relayer
    named = resolve_speaker(voice or "", doc, roster)
    if named is None or fold(named[0].split()[-1]) == fold(q.speaker.split()[-1]):
        return None
    return named[0]


def _choose(scored: list[tuple[float, Quote, Document]], taken: Chosen = ()) -> Chosen:
    """``taken`` and the best quotes after them, one per speaker first, then a second from
    a speaker, at most ``PER_SPEAKER``; none that says much what a chosen one says, and none
    from a paragraph that gave one (one answer is one quote, not two halves of it)."""
    chosen: list[tuple[Quote, Document]] = [pair for _, pair in taken]
    bags: list[Counter[str]] = [Counter(content_words(q.text)) for q, _ in chosen]
    for allowed in range(1, PER_SPEAKER + 1):
        for _, q, doc in scored:
            if len(chosen) == MAX_QUOTES:
                break
            said = sum(1 for c, _ in chosen if c.speaker == q.speaker)
            bag = Counter(content_words(q.text))
            if said >= allowed or any(cosine(bag, b) > 0.6 for b in bags):
                continue
            where = _paragraph(doc, q.start)
            if any(d is doc and _paragraph(d, c.start) == where for c, d in chosen):
                continue
            bags.append(bag)
            chosen.append((q, doc))
    return [(_key_quote(q, doc), (q, doc)) for q, doc in chosen]


def _paragraph(doc: Document, at: int) -> int:
    """Where the paragraph holding offset ``at`` starts."""
    return doc.text.rfind("\n", 0, at) + 1


def _key_quote(q: Quote, doc: Document) -> KeyQuote:
    text, spans = _dated(q, doc)
    return KeyQuote(
        text,
        q.speaker or "",
        source_id(doc),
        q.position,
        spans,
        doc.page_at(q.start),
        interpreted=interpreted(doc, q.start),
    )


def _dated(q: Quote, doc: Document) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The quote with the dates its days and months mean in brackets, as a bullet has them
    ("On February 25 [2022]", "yesterday [4 March 2022]"), and the source pieces around
    the insertions. A quote whose text is not its parts joined is left as it is."""
    pieces = [doc.text[s:e] for s, e in q.parts]
    if " ".join(pieces) != q.text:
        return q.text, q.parts
    texts: list[str] = []
    spans: list[tuple[int, int]] = []
    for s, e in q.parts:
        part_spans, part = anchor_days(doc, s, e)
        texts.append(part)
        spans.extend(part_spans)
    return " ".join(texts), tuple(spans)


Roster = dict[str, list[tuple[str, str | None]]]


def roster_of(docs: Iterable[Document]) -> Roster:
    """The people the sources name with a full name, by folded surname: (name, position)."""
    roster: Roster = {}
    for doc in docs:
        people = list(doc.positions) + [_signed(a) for a in doc.authors]
        people += [(t.speaker, None) for t in doc.turns if t.speaker]
        for name, position in people:
            words = name.split()
            if len(words) < 2 or fold(words[0]) in TITLE_WORDS:
                continue
            entries = roster.setdefault(fold(words[-1]), [])
            known = next((i for i, (n, _) in enumerate(entries) if n == name), None)
            if known is None:
                entries.append((name, position))
            elif position and not entries[known][1]:
                entries[known] = (name, position)
    return roster


def _resolve(q: Quote, doc: Document, roster: Roster) -> Quote | None:
    """The quote with its speaker as a reader names them, or None when it has no speaker
    (none, a procedural one, a document)."""
    named = resolve_speaker(q.speaker or "", doc, roster, q.position)
    return None if named is None else replace(q, speaker=named[0], position=named[1])


def resolve_speaker(
    speaker: str, doc: Document, roster: Roster, position: str | None = None
) -> tuple[str, str | None] | None:
    """(name, role) of a speaker as a reader names them ("Mr Price" → Ned Price, Department
    Spokesperson), or None for no speaker: none, a procedural one, a document."""
    speaker = speaker.strip()
    if not speaker or speaker in PROCEDURAL_SPEAKERS:
        return None
    described = _DESCRIBED_NAME.match(speaker)
    if described and _described_person(described, doc.text):
        # "The spokesperson for the Ministry of Foreign Affairs Nasser Kanaani": a role written
        # before a name, as a report writes a first mention
        return resolve_speaker(described["name"], doc, roster, position or described["role"])
    words = speaker.split()
    if fold(words[0]) in {"the", "a", "an", "one", "another"}:
        # "The report", "The 2022 addendum": a document does not speak; nor can a reader tell
        # who "the government" or "the official" is: a described speaker needs a name
        named = any(w[:1].isupper() for w in words[1:])
        return None if fold(words[-1]) in DOCUMENT_NOUNS or not named else (speaker, position)
    titles = []
    while len(words) > 1 and fold(words[0].rstrip(".")) in TITLE_WORDS:
        titles.append(words.pop(0))
    title = " ".join(titles) if titles and fold(titles[0].rstrip(".")) not in _COURTESY else None
    name = " ".join(words)
    position = position or doc.position_of(speaker) or doc.position_of(name)
    people = roster.get(fold(words[-1]), [])
    if len({n for n, _ in people}) == 1 and (len(words) == 1 or name.endswith(people[0][0])):
        # a surname, or a name behind a role ("… Affairs Joey Hood"): the name the brief's
        # sources give that person
        name = people[0][0]
    name = _header_name(words[-1], doc) or name
    position = title_role(name, doc.title) or position
    position = position or next((p for n, p in people if n == name), None)
    # "Iran’s foreign ministry spokesperson, Reza Karimi, said …" in the source's own text
    role = position or appositive_role(doc.text, name) or title_before(doc.text, name) or title
    if not role or not all(fold(w) in TITLE_WORDS for w in role.split()):
        return name, role
    if " " not in name:
        return f"{role} {name}", None  # a surname alone: "President Biden", not "Biden, President"
    # a bare title ("Secretary") is the brief's fuller role for the person where another source
    # gives one that says it ("Secretary of State"): one person, one role, in the whole brief
    fuller = next((p for n, p in people if n == name and p), None)
    return name, fuller if fuller and fold(role) in fold(fuller) else role


# A role before a full name, under an article: "The spokesperson for the Ministry of Foreign
# Affairs Nasser Kanaani", "The orchestra's music director Richard Egarr". The name is the last
# two capitalised words: a third would as often be the body's ("… Foreign Affairs").
_DESCRIBED_NAME = re.compile(
    r"(?:[Tt]he|[Aa]n?)\s+(?P<role>[^,;:“”\"]+?)\s+(?P<name>[A-Z][\w’'-]+\s+[A-Z][\w’'-]+)$"
)


def _described_person(m: re.Match[str], text: str) -> bool:
    """Whether a role written before two capitalised words describes the person they name:
    the role's head a role noun, its last word no title, article or preposition ("A
    spokesperson for Prime Minister Rishi Sunak" is not Sunak; "The ambassador to the United
    Nations" names no one), and the two words no title, no body's and none the document
    writes in lower case ("The director of Human Rights Watch")."""
    last = m["role"].split()[-1]
    if not _role(m["role"]) or last.lower() in STOPWORDS:
        return False
    if fold(last) in TITLE_WORDS and _OF_PLACE.search(f" {m['role']} "):
        return False  # a title after the role's preposition is the named person's own
    return not any(
        fold(w) in TITLE_WORDS or w in lexicon.ORGANISATION_HEADS or common_word(w, text)
        for w in m["name"].split()
    )


# A described position set beside a full name, before or after it: "Iran’s foreign ministry
# spokesperson, Reza Karimi, said …", "… Reza Karimi, a spokesperson for the ministry, said".
# Each is matched in a window around a place the name stands, found by a plain search: a
# pattern run over a long report at every offset is slow.
_ROLE_BEFORE = re.compile(r"((?:[\w’'-]+\s+){0,6}(?P<head>[a-z]+)),\s+$")
_ROLE_AFTER = re.compile(
    r"^,\s+((?:a|an|the)\s+[^,.;:“”\"]{3,80}|[A-Z][\w-]*[’']s\s+[^,.;:“”\"]{3,60})"
)
ROLE_WINDOW = 120  # characters before or after the name where its appositive stands
# Where the noun phrase of a position starts: its last article (kept before a possessive,
# "the country’s top diplomat"), else its possessive ("Iran’s foreign ministry spokesperson").
_NP_START = re.compile(
    r"(?:.*\b(?:the|a|an|The|A|An)\s+(?![\w-]+[’']s\s))|.*?(?=\b(?:the\s+)?[\w-]+[’']s\s)"
)
_OF_PLACE = re.compile(r"\s(?:at|of|for|in|on|with|to|from)\s")


@functools.lru_cache(maxsize=1024)  # asked for each quote and bullet of the person
def appositive_role(text: str, name: str) -> str | None:
    """The position a text gives a full name in an appositive, the first time it does: a
    phrase whose head, before any "of …" or "at …", is a role noun (lexicon.ROLE_NOUNS)."""
    if " " not in name:
        return None
    at = text.find(name, 0, MAX_ANALYZED_CHARS)
    while at >= 0:
        end = at + len(name)
        if text[end : end + 1] == ",":  # an appositive is set off on both sides
            before = _ROLE_BEFORE.search(text, max(0, at - ROLE_WINDOW), at)
            after = _ROLE_AFTER.match(text[end : end + ROLE_WINDOW])
            role = (before and _role(before[1], trim=True)) or (after and _role(after[1]))
            if role:
                return role
        at = text.find(name, end, MAX_ANALYZED_CHARS)
    return None


# A position written before a full name as its title: "World Food Prize Foundation President
# Barbara Stinson", "Example Institute fellow Dr. Helena Varga": capitalised words of a body,
# and the role noun last.
_TITLE_BEFORE = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w’'.-]*\s+(?:(?:of|for|on|the)\s+)?){0,5}([A-Z][\w’'-]*)"
    r"\s+([A-Za-z]+))\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$"
)


_WHEN_WORDS = frozenset((*lexicon.WEEKDAYS, *lexicon.MONTHS, *lexicon.RELATIVE_DAYS))


@functools.lru_cache(maxsize=256)
def title_before(text: str, name: str) -> str | None:
    """The position a text writes as a title before a full name ("World Food Prize Foundation
    President Barbara Stinson" → "World Food Prize Foundation President"), the first time it
    does: the name of a body before a role noun. A title alone ("President") is none: it
    says no more than the name's own title would."""
    if " " not in name:
        return None
    at = text.find(name, 0, MAX_ANALYZED_CHARS)
    while at >= 0:
        m = _TITLE_BEFORE.search(text, max(0, at - ROLE_WINDOW), at)
        if m and m[2] in lexicon.ORGANISATION_HEADS and m[3].lower() in lexicon.ROLE_NOUNS:
            words = m[1].split()
            while words and (words[0].lower() in STOPWORDS or words[0] in _WHEN_WORDS):
                words.pop(0)  # "The", "In", "On Monday": the sentence's, not the body's name
            if len(words) > 2:
                return " ".join(words)
        at = text.find(name, at + len(name), MAX_ANALYZED_CHARS)
    return None


def _role(phrase: str, trim: bool = False) -> str | None:
    """The position in an appositive phrase, if its head is a role noun; ``trim`` cuts what
    stands before the phrase's noun phrase ("On Monday the country’s top diplomat")."""
    start = _NP_START.match(phrase) if trim else None
    role = " ".join(phrase[start.end() if start else 0 :].split())  # not "On Monday …"
    role = re.sub(r"^(?:a|an)\s+", "", role)  # "a senior fellow …" → "senior fellow …"
    head = _OF_PLACE.split(role, 1)[0].split()[-1:]  # "senior fellow" of "… at …"
    return role if head and head[0] in lexicon.ROLE_NOUNS else None


# Where the title's list of people breaks: "Briefing With …", ", …", " and …", ": …".
_TITLE_BREAK = re.compile(r"(?:,|:|\s[–—-]|\b[Ww]ith|\b[Aa]nd|\b[Bb]y)\s+")


def title_role(name: str, title: str) -> str | None:
    """The role a title gives the person it names ("Briefing With Acting Assistant Secretary
    for Near East Asian Affairs Joey Hood, …" → "Acting Assistant Secretary for Near East
    Asian Affairs"): the document's own word for them on that day, before any other."""
    at = title.find(name)
    if at <= 0:
        return None
    before = title[:at]
    # the nearest break before the name that leaves a role; past it only over a role's own
    # list ("Minister of Economy, Trade, and Industry", where "Industry" and "Trade, and
    # Industry" come after breaks), never over someone else's name
    starts = [m.end() for m in _TITLE_BREAK.finditer(before)][::-1] + [0]
    for n, start in enumerate(starts):
        role = before[start:].strip(" ,")
        if not role:
            return None  # the name follows a break: no role
        words = role.split()
        if n and _names_someone(words):
            return None
        if words[0][:1].isupper() and any(fold(w.rstrip(".,")) in TITLE_WORDS for w in words):
            return role
    return None


def _names_someone(words: Sequence[str]) -> bool:
    """Two capitalised words together, neither a title word: a name ("Ana Popa")."""
    plain = [w[:1].isupper() and w[-1:] not in ",:" and fold(w) not in TITLE_WORDS for w in words]
    return any(a and b for a, b in zip(plain, plain[1:], strict=False))


_COURTESY = {title.lower() for title in lexicon.COURTESY_TITLES}
# Where a page lost a line break between two lines: "…PersonsBureau of Democracy".
_RUN_TOGETHER = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def _signed(author: str) -> tuple[str, str | None]:
    """(name, position) of an author line "Jessica Stern, U.S. Special Envoy …"."""
    name, _, position = author.partition(", ")
    return name, _RUN_TOGETHER.split(position, maxsplit=1)[0].strip() or None


def _header_name(surname: str, doc: Document) -> str | None:
    """A name the title writes surname first, as for Japanese, Chinese and Korean names:
    "Foreign Minister Hayashi Yoshimasa" for a label FOREIGN MINISTER HAYASHI."""
    m = re.search(rf"\b{re.escape(surname)}\s+([A-Z][a-z]+)\b", doc.title)
    if not m or fold(m[1]) in TITLE_WORDS:
        return None
    # a given name is never written in lower case; "With" of a Title Case headline is
    common = re.search(rf"\b{m[1].lower()}\b", doc.text[:MAX_ANALYZED_CHARS])
    return None if common else f"{surname} {m[1]}"
