"""Assemble the one Brief model from the matched and analyzed sources of every topic."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefing.config import Topic
from briefing.keyquotes import key_quotes, resolve_speaker, roster_of
from briefing.match import MIN_MENTIONS, term_pattern, topic_terms
from briefing.model import (
    Analysis,
    Brief,
    BriefInfo,
    Document,
    KeyQuote,
    Match,
    Point,
    Section,
    SourceRef,
)
from briefing.synthesize import (
    CLUSTER_SIM,
    OFFICIAL,
    Candidate,
    about,
    answer_class,
    asked_actions,
    asked_of,
    background,
    candidates,
    decision_words,
    focus_terms,
    headline_likeness,
    keyword_actions,
    own_subject,
    plain_question,
    quantity,
    reading_order,
    said_something,
    same_decision,
    select,
    series_title,
    source_id,
    titled,
    to_point,
    without_subject,
)
from briefing.text import content_words, cosine

EXECUTIVE_POINTS = 6
EXECUTIVE_WORDS = 55  # a longer bullet (a run of sentences) leads the summary only if no other can
MIN_SECTION_POINTS = 2  # a section that would keep fewer gives no point to the summary
ONE_STORY = ("press release", "news")  # sources that tell one story (not a briefing or report)


def assemble(
    *,
    info: BriefInfo,
    topics: Sequence[tuple[Topic, list[Match]]],
    analyses: Mapping[Path, Analysis],
    previous: Mapping[str, Any] | None = None,
) -> Brief:
    """Build the Brief: a section per topic, and a numbered list of the sources cited.

    ``previous`` is the last edition's brief.json: what is not in it is marked new.
    """
    found = [[analyses[m.doc.path] for m in matches] for _, matches in topics]
    # the names each topic's question asks about, for its quotes and its summary alike
    asked = [asked_of(topic, f) for (topic, _), f in zip(topics, found, strict=True)]
    quotes: list[list[KeyQuote]] = []
    for (topic, _), f, names in zip(topics, found, asked, strict=True):
        # a quote an earlier topic shows is not shown again
        shown = {q.text for qs in quotes for q in qs}
        quotes.append(key_quotes(topic, f, analyses.values(), shown=shown, asked=names))
    executive, points = _summaries(info, [t for t, _ in topics], found, quotes, asked)
    named = _namer([a.doc for a in analyses.values()])
    executive = [named(p) for p in executive]
    points = [[named(p) for p in ps] for ps in points]
    executive, points = _roles_once(executive, points)
    sections = [
        Section(
            name=topic.name,
            points=tuple(p),
            quotes=tuple(q),
            sources=tuple(
                source_id(a.doc) for a in _read_for(f, names, [*p, *q], focus_terms(topic))
            ),
            question=topic.query if plain_question(topic) else None,
        )
        for (topic, _), f, q, p, names in zip(topics, found, quotes, points, asked, strict=True)
    ]
    if previous:
        sections = [_mark_new(s, previous) for s in sections]
    # every source a bullet or a quote cites is listed (an executive summary's bullet was
    # taken out of its section, which may not list its source as read for its question)
    listed = {sid for s in sections for sid in s.sources} | {p.source for p in executive}
    docs: dict[str, Document] = {}
    for _, matches in topics:
        for m in matches:
            if source_id(m.doc) in listed:
                docs.setdefault(source_id(m.doc), m.doc)
    sources = tuple(
        _source_ref(sid, doc, i, info.base) for i, (sid, doc) in enumerate(docs.items(), 1)
    )
    dates = [d.date for d in docs.values() if d.date]
    return Brief(
        name=info.name,
        title=info.title,
        organization=info.organization,
        as_of=info.as_of,
        period_start=info.since or (min(dates) if dates else None),
        generated_at=info.generated_at,
        sections=tuple(sections),
        sources=sources,
        executive_summary=tuple(executive),
        label=info.label,
        previous_as_of=str(previous["as_of"]) if previous and previous.get("as_of") else None,
        period_end=max(dates) if dates else None,
    )


def _read_for(
    found: Sequence[Analysis],
    asked: Sequence[str],
    shown: Sequence[Point | KeyQuote],
    focus: Sequence[str] = (),
) -> list[Analysis]:
    """The sources a section lists as read for it. Asked a question about names, those it
    cites and those that name them in their title or lead or in MIN_MENTIONS sentences: a
    report that never names the country asked about, or names it once in passing, was not
    read for the question (it is still searched, and cited if it holds an answer). With the
    topic's ``focus`` words (its keywords), all but the reports of a series on another
    subject that it does not cite: the reports on Belarus and Syria that a Russia brief
    searched for their sentences on Russia, and that gave none, were not read for it."""
    cited = {item.source for item in shown}
    if not asked:
        words = {w for term in focus for w in content_words(term)}
        if not words:
            return list(found)
        return [a for a in found if source_id(a.doc) in cited or not _on_other(a, words)]
    words = {w for name in asked for w in content_words(name)}

    def names_it(a: Analysis) -> bool:
        return about(a.doc, a.sentences[:1], words) or MIN_MENTIONS <= sum(
            bool(words & set(content_words(s.text))) for s in a.sentences
        )

    return [a for a in found if source_id(a.doc) in cited or names_it(a)]


def _on_other(a: Analysis, words: set[str]) -> bool:
    """Whether ``a`` is a report of a series on another subject than the one of ``words``."""
    return own_subject(a.doc) and not titled(a.doc, words)


def _summaries(
    info: BriefInfo,
    topics: Sequence[Topic],
    found: Sequence[list[Analysis]],
    quotes: Sequence[list[KeyQuote]],
    asked: Sequence[list[str]],
) -> tuple[list[Point], list[list[Point]]]:
    """The executive summary and each topic's bullets, no sentence used twice in the brief.

    Each topic's summary is a synthesis over its sources; the executive summary takes the
    first development of each topic (of the EXECUTIVE_POINTS with most sources; none in a
    brief of one topic), and that topic's summary is chosen again without it, so the brief
    never repeats itself.
    """
    quoted = [(q.source, s, e) for qs in quotes for q in qs for s, e in q.spans]
    pools = [
        said_something(
            candidates(f, terms=t.terms, avoid=quoted, focus=focus_terms(t), asked=names)
        )
        for t, f, names in zip(topics, found, asked, strict=True)
    ]

    def choose(i: int, pool: list[Candidate]) -> list[Candidate]:
        return _synthesis(topics[i], info, pool)

    picks = [choose(i, pool) for i, pool in enumerate(pools)]

    def _claim(i: int, c: Candidate) -> tuple[int, float]:
        """How strongly topic ``i`` claims point ``c``: how often it names the topic, then
        how high (as a share of its list) the topic ranks the point's source."""
        rank = next((k for k, a in enumerate(found[i]) if a.doc is c.doc), len(found[i]))
        return _naming(topics[i], c.edited.text), -rank / max(1, len(found[i]))

    # A point two topics chose stays with the one it names most ("… in Iran, China and the UAE
    # for supplying Iranian drones" is Iran's); on a tie, with the one that ranks its source
    # higher among its own ("Russia has opened … military sites in the Arctic", from an
    # interview on the Arctic, is the Arctic's), then the first. The others choose again
    # without it; then, in topic order, no point is told twice.
    owner: dict[str, int] = {}
    for i, chosen in enumerate(picks):
        for c in chosen:
            text = _norm(c.edited.text)
            j = owner.setdefault(text, i)
            if j != i and _claim(i, c) > _claim(j, c):
                owner[text] = i
    told: list[Span] = []  # the source text the topics before have used
    for i, pool in enumerate(pools):
        # a run of sentences and a sentence of it are one point told twice as much as two
        # copies of one sentence are
        pools[i] = [
            c for c in pool if owner.get(_norm(c.edited.text), i) == i and not _clashes(c, told)
        ]
        kept = {id(c) for c in pools[i]}
        if any(id(c) not in kept for c in picks[i]):
            picks[i] = choose(i, pools[i])
        told += [_span(c) for c in picks[i]]
    # A brief of one topic has no executive summary: it would be that topic's first bullet,
    # moved out of the summary it opens.
    leading = sorted(
        (i for i, chosen in enumerate(picks) if len(chosen) > 1 and len(topics) > 1),
        key=lambda i: -len(found[i]),
    )[:EXECUTIVE_POINTS]
    executive: list[Candidate] = []
    for i in sorted(leading):
        lead = executive_point(picks[i], pools[i])
        if all(cosine(_bag(lead), _bag(e)) < 0.5 for e in executive):
            executive.append(lead)
    taken = {c.key for c in executive}
    summary = [_span(c) for c in executive]
    points = []
    for i, (topic, pool) in enumerate(zip(topics, pools, strict=True)):
        chosen = picks[i]
        if any(c.key in taken for c in chosen):
            # chosen again without the executive point, and without what any other topic took
            others = [_span(c) for j, p in enumerate(picks) if j != i for c in p]
            rest = [
                c
                for c in pool
                if not _clashes(c, summary)
                and not _clashes(c, others)
                # nor a part of the decision the summary reports ("… designating one entity"
                # after "… designating 15 individuals and entities")
                and not any(e.doc is c.doc and same_decision(e, c) for e in executive)
            ]
            # nor, where the section has enough besides, another sentence of a release or a
            # news story the summary told: such a source tells one story, and the story has
            # its place in the summary
            stories = {id(c.doc) for c in chosen if c.key in taken and c.doc.doc_type in ONE_STORY}
            other_stories = [c for c in rest if id(c.doc) not in stories]
            # the news the summary took is the topic's too: with it, what is left may be
            # only padding ("During our meeting in Rome, we will discuss …")
            news_told = sum(not background(c) for c in chosen if c.key in taken)
            again = _synthesis(topic, info, other_stories, news_told)
            # what the other sources say may be only a meeting's frame and a stance ("…
            # met in Paris on April 28 to discuss Syria"): the story's own facts say more
            news = sum(not background(c) for c in again)
            if news < MIN_SECTION_POINTS and len(other_stories) < len(rest):
                again = _synthesis(topic, info, rest, news_told)
            if len(again) >= MIN_SECTION_POINTS or len(again) >= len(chosen):
                chosen = again
            else:
                # what the section has left leans on the point the summary took ("The report
                # said …" after "… the agency said in a report"): the point stays here
                executive = [e for e in executive if e.key not in {c.key for c in chosen}]
            picks[i] = chosen
        # under a heading naming a report's country, its bullets need not bracket it in
        heading = set(content_words(topic.name))
        points.append([without_subject(to_point(c), c.doc, heading) for c in reading_order(chosen)])
    return [to_point(c) for c in executive], points


def _synthesis(
    topic: Topic, info: BriefInfo, pool: list[Candidate], told: int = 0
) -> list[Candidate]:
    """A topic's synthesis over ``pool`` (its candidates, or what is left of them; ``told``:
    how many of its news points the executive summary took)."""
    return select(
        pool,
        words=_words(topic, info),
        query=" ".join(topic.terms),
        feedback=plain_question(topic),
        actions=asked_actions(topic.query) | keyword_actions(topic.keywords, topic.name),
        kind=answer_class(topic.query),
        told=told,
        keywords=topic.terms,
    )


def executive_point(chosen: Sequence[Candidate], pool: Sequence[Candidate]) -> Candidate:
    """The point of a topic's ``chosen`` bullets (in the synthesis's order) that leads the
    executive summary: a point rather than a paragraph that reports a decision or an amount (a
    stance or description only where the topic has nothing else), and of those the one most
    sources of the topic's ``pool`` tell, then, among press releases, the one its release is
    titled by, then the synthesis's most important."""
    support = _support(chosen, pool)

    def weight(c: Candidate) -> tuple[bool, bool, bool, bool, int]:
        return (
            background(c),
            c.words > EXECUTIVE_WORDS,  # a point, not a paragraph
            not _acts(c),
            # a government's release leads with what it decided, not the figures behind it
            c.doc.doc_type in OFFICIAL and not decision_words(c.edited.text),
            -support[id(c)],
        )

    weights = {id(c): weight(c) for c in chosen}
    best = min(weights.values())
    tied = [c for c in chosen if weights[id(c)] == best]
    # Of releases as many sources tell, the news its release is titled by (a government
    # titles a release by what it did: "War Crimes by Russia's Forces in Ukraine"), not a
    # formula its tenth paragraph shares with the topic's other releases ("… is designating
    # eight … companies") that made it central. Not a news headline, written to draw a reader
    # ("The Arctic Is Russia's Next Pressure Point"), nor a briefing's ("Department Press
    # Briefing – June 2, 2021"): where any is tied, the synthesis's order stands.
    titled = all(c.doc.doc_type == "press release" for c in tied)
    return min(
        tied,
        key=lambda c: (
            -headline_likeness(c.sentence.text, c.doc.title) if titled else 0.0,
            c.development,  # the most important development (synthesize.developments)
            chosen.index(c),
        ),
    )


def _support(chosen: Sequence[Candidate], pool: Sequence[Candidate]) -> dict[int, int]:
    """For each of ``chosen``, how many other sources of ``pool`` have a sentence that tells
    the same development (CLUSTER_SIM alike): what many sources report is what matters most
    (the cross-document support of multi-document summarization, Radev et al. 2004)."""
    bags = [(c.key[0], _bag(c)) for c in pool]

    def sources_telling(c: Candidate) -> int:
        mine = _bag(c)
        return len({s for s, bag in bags if s != c.key[0] and cosine(mine, bag) >= CLUSTER_SIM})

    return {id(c): sources_telling(c) for c in chosen}


def _acts(c: Candidate) -> bool:
    """Whether a bullet reports a decision or an amount: what was done, not only said."""
    return quantity(c.edited.text) or bool(decision_words(c.edited.text))


def _namer(docs: Sequence[Document]) -> Callable[[Point], Point]:
    """A bullet's speaker named as its key quotes name them: a transcript's "Mr Price" is
    the Ned Price the brief's sources name in full."""
    roster = roster_of(docs)
    by_id = {source_id(d): d for d in docs}

    def named(point: Point) -> Point:
        doc = by_id.get(point.source)
        if doc is None or not point.said_by:
            return point
        who = resolve_speaker(point.said_by, doc, roster)
        if who is None:
            return point
        if not doc.turns:  # the author as the source signs: only their role is looked up
            return replace(point, role=who[1] if who[0] == point.said_by else None)
        return replace(point, said_by=who[0], role=who[1])

    return named


def _roles_once(
    executive: list[Point], points: list[list[Point]]
) -> tuple[list[Point], list[list[Point]]]:
    """Each person's role where the brief first names them (in reading order), not again."""
    seen: set[str] = set()

    def once(point: Point) -> Point:
        first = point.said_by not in seen
        seen.add(point.said_by or "")
        return point if first and point.role != point.said_by else replace(point, role=None)

    return [once(p) for p in executive], [[once(p) for p in ps] for ps in points]


def _words(topic: Topic, info: BriefInfo) -> int:
    return topic.summary_words or info.summary_words


Span = tuple[str, int, int]  # a source's id and the offsets of the text a bullet is made of


def _span(c: Candidate) -> Span:
    return (c.key[0], c.sentence.start, c.sentence.end)


def _clashes(c: Candidate, spans: Sequence[Span]) -> bool:
    """Whether ``c`` tells any of the source text of ``spans`` again."""
    sid, start, end = _span(c)
    return any(s == sid and a < end and start < b for s, a, b in spans)


def _naming(topic: Topic, text: str) -> int:
    """How often ``text`` names the topic: its terms' occurrences ("Iran", "Iranian")."""
    return sum(len(term_pattern(t.text).findall(text)) for t in topic_terms(topic))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _bag(c: Candidate) -> Counter[str]:
    return Counter(content_words(c.edited.text))


def _mark_new(section: Section, previous: Mapping[str, Any]) -> Section:
    """Note the sources and points of ``section`` that the previous edition did not have."""
    old_sources = {s.get("id") for s in previous.get("sources", [])}
    old_points = {p.get("text") for t in previous.get("topics", []) for p in t.get("summary", [])}
    return replace(
        section,
        new_sources=tuple(sid for sid in section.sources if sid not in old_sources),
        new_points=tuple(p.text for p in section.points if p.text not in old_points),
    )


def _source_ref(sid: str, doc: Document, number: int, base: Path | None) -> SourceRef:
    path = doc.path
    if base is not None and path.resolve().is_relative_to(base.resolve()):
        path = path.resolve().relative_to(base.resolve())  # as the config names it
    return SourceRef(
        id=sid,
        number=number,
        path=str(path),
        title=series_title(doc),
        date=doc.date.isoformat() if doc.date else None,
        publisher=doc.publisher,
        url=doc.url,
        doc_type=doc.doc_type,
    )
