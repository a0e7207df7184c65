"""The brief as HTML (Jinja), and that HTML parsed strictly into a block tree for the writers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jinja2

from briefing import lexicon
from briefing.attribution import cite_title
from briefing.brackets import title_year
from briefing.errors import RenderError
from briefing.model import Brief, SourceRef, Theme
from briefing.text import FIRST_PERSON

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
CONTAINER_TAGS = {"section", "aside", "blockquote"}
TEXT_TAGS = {"h1", "h2", "h3", "p", "li", "cite"}
LIST_TAGS = {"ul", "ol"}
INLINE_TAGS = {"a", "strong", "em", "sup"}
ALLOWED = CONTAINER_TAGS | TEXT_TAGS | LIST_TAGS | INLINE_TAGS | {"img"}


@dataclass(frozen=True)
class RenderOptions:
    """How to render: the user's template folder and the theme."""

    templates: Path | None = None
    theme: Theme = field(default_factory=Theme)
    chart: Path | None = None  # the chart image, drawn once for all formats
    html: str | None = None  # the brief's HTML, rendered once for all formats


@dataclass(frozen=True)
class Run:
    """A piece of inline text and its formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False
    href: str | None = None


@dataclass
class Block:
    """A block of the brief: a heading, paragraph, list item, image, or a container
    (section, aside, blockquote) of other blocks."""

    kind: str  # h1 h2 h3 p li cite img section aside blockquote
    id: str | None = None
    cls: str | None = None
    runs: list[Run] = field(default_factory=list)
    ordered: bool = False  # for li: inside an <ol>
    children: list[Block] = field(default_factory=list)  # for containers
    src: str | None = None  # for img
    alt: str = ""

    @property
    def text(self) -> str:
        """The block's plain text."""
        return "".join(r.text for r in self.runs)


def environment(user_templates: Path | None = None) -> jinja2.Environment:
    """Jinja with the user's templates folder in front of the packaged ones."""
    loaders: list[jinja2.BaseLoader] = []
    if user_templates and user_templates.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(user_templates)))
    loaders.append(jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES)))
    packaged = jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES))
    loaders.append(jinja2.PrefixLoader({"default": packaged}))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=lambda name: name is None or ".html" in name,  # .txt templates: raw text
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["longdate"] = long_date
    env.filters["daterange"] = date_range
    env.filters["attribution"] = attribution
    env.filters["shared_attribution"] = shared_attribution
    env.filters["bullet"] = bullet
    env.filters["cite_title"] = cite_title
    env.filters["dates_itself"] = dates_itself
    env.filters["quoted"] = quoted
    env.globals["interpreter_note"] = INTERPRETER_NOTE
    return env


# A straight pair used as quotation marks: opening after a space, a bracket or the start,
# closing before a space, punctuation or the end (not the inch marks of 12" and 6")
_STRAIGHT_PAIR = re.compile(r'(?<![\w"])"(?=\S)([^"]*?\S)"(?![\w"])')


def quoted(text: str) -> str:
    """A quotation in double quotation marks, the quotation marks inside it made single, as
    an editor sets a quote within a quote: “… working ‘by, with, and through’ the SDF …”. The
    words are the source's; only the marks around its inner quote change."""
    inner = _STRAIGHT_PAIR.sub(r"‘\1’", text).replace("“", "‘").replace("”", "’")
    return f"“{inner}”"


def dates_itself(src: Any) -> bool:
    """Whether the title the attribution shows already says its date ("Department Press
    Briefing – February 2, 2022"), so the date is not written twice."""
    day = _as_date(src.date)
    title = cite_title(src)
    return bool(day and str(day.year) in title and any(m in title for m in MONTHS))


# English month names, not strftime's %B: the brief must not change with the machine's locale.
MONTHS = lexicon.MONTHS


def _as_date(value: date | str | None) -> date | None:
    if isinstance(value, date) or value is None:
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def long_date(value: date | str | None) -> str:
    """A date as a reader writes it: "17 November 2026". Text that is not a date stays as is."""
    day = _as_date(value)
    if day is None:
        return "" if value is None else str(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_range(start: date | str | None, end: date | str | None) -> str:
    """Two dates as one span, saying each month and year once: "17–23 November 2026",
    "28 October – 3 November 2026", "30 December 2025 – 5 January 2026"."""
    first, last = _as_date(start), _as_date(end)
    if first is None or last is None or first == last:
        return long_date(last or first or end or start)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{long_date(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {long_date(last)}"
    return f"{long_date(first)} – {long_date(last)}"


def attribution(point: Any) -> str:
    """ " — Ned Price, 17 November 2026": who said a bullet and when (a Point, or a summary
    item of brief.json); empty when neither is known."""
    get = point.get if isinstance(point, dict) else lambda key: getattr(point, key, None)
    day = get("date")
    if isinstance(day, str):
        day = date.fromisoformat(day)
    text, said_by = str(get("text") or ""), get("said_by")
    who = [said_by, get("role")]
    if names_itself(text, said_by):
        who = []  # "…, says Example Institute fellow Dr. Helena Varga.": not named twice
    elif said_by and get("reported"):
        # "Officials in Kyiv said …" in a news story: its writer reports it, and is not the
        # officials; nor are a reporter's words a speaker's
        who = [f"reported by {said_by}", get("role")]
    named = ", ".join(p for p in who if p)
    if get("interpreted"):  # said even where the text names its speaker itself
        named = named + INTERPRETER_NOTE if named else INTERPRETER_NOTE.strip()
    shown = ", ".join(p for p in (named, long_date(day) if day else None) if p)
    return f" — {shown}" if shown else ""


# After the name of someone a bullet or a quote gives in an interpreter's English.
INTERPRETER_NOTE = " (through an interpreter)"


def bullet(point: Any, shared: str = "") -> str:
    """A point as its bullet reads: its text, then who said it when (unless ``shared``, said
    once above the section's points). A point in its speaker's own first person opens on the
    speaker and is set in quotation marks, "Ned Price: “I can confirm …” — 20 May 2022", so
    that its "I" or "we" reads as theirs from the first word, not the brief's; so does any
    point a speaker said in a transcript, whatever its person: they are their words."""
    get = point.get if isinstance(point, dict) else lambda key: getattr(point, key, None)
    text, said_by = str(get("text") or ""), get("said_by")
    spoken = (
        bool(said_by)
        and not get("reported")
        and not names_itself(text, said_by)  # "…, Ned Price said.": not named twice
        and (bool(get("spoken")) or _in_first_person(text))
    )
    if shared:  # who said it is above; a first-person point is still in their words
        return quoted(text) if spoken else text
    if not spoken:
        return text + attribution(point)
    who = ", ".join(p for p in (said_by, get("role")) if p)
    if get("interpreted"):
        who += INTERPRETER_NOTE
    day = _as_date(get("date"))
    return f"{who}: {quoted(text)}" + (f" — {long_date(day)}" if day else "")


def _in_first_person(text: str) -> bool:
    """Whether the text speaks in the first person outside its own quotations ("[W]e have
    offered …": a capital the bullet shows in brackets is the word's)."""
    plain = re.sub(r"\[(\w)\]", r"\1", text)
    plain = _NUMERAL_I.sub(" ", re.sub(r"“[^”]*”|\"[^\"]*\"", " ", plain))
    return bool(FIRST_PERSON.search(plain))


# A Roman numeral one after the name of a numbered thing, not the pronoun: "World War I",
# "Title I", "Phase I" (but "Today I …" is the pronoun).
_NUMERAL_I = re.compile(
    r"\b(?:War|Title|Phase|Stage|Part|Class|Chapter|Article|Section|Level|Category|Type|Grade"
    r"|Pillar|Annex|Volume|Round|Tier|Book|Schedule|Amendment|Protocol) I\b(?![’'])"
)


def shared_attribution(points: Sequence[Any]) -> str:
    """Who said all of a section's points and when ("State Department report on Iran, 17 April
    2024"), when that is one and the same for two or more: said once above them, not after
    each; else ""."""
    said = {attribution(p) for p in points}
    return said.pop()[len(" — ") :] if len(points) > 1 and len(said) == 1 else ""


def _person(name: str | None) -> bool:
    """A person's name ("Ivan Kowalski"), not an organisation's ("Office of the Spokesperson")."""
    words = (name or "").split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def names_itself(text: str, said_by: str | None) -> bool:
    """Whether a bullet's text names who said it: the whole name, or a person's surname
    ("… says [Helena] Varga.")."""
    if not said_by:
        return False
    last = said_by.split()[-1]
    return said_by in text or (
        _person(said_by) and re.search(rf"\b{re.escape(last)}\b", text) is not None
    )


def period(brief: Brief) -> str:
    """The period the brief covers: from its start to its newest source (else the edition
    date); with the year its sources report on when all are reports on one ("17 April 2024
    (reports on 2023)": an annual report tells of the year before it is published)."""
    end = brief.period_end or brief.as_of
    if brief.period_start is None:
        return f"up to {long_date(end)}"
    dates = date_range(brief.period_start, max(end, brief.period_start))
    years = {_reported_year(s) for s in brief.sources}
    if len(years) != 1 or None in years:
        return dates
    return f"{dates} (reports on {years.pop()})"


def _reported_year(source: SourceRef) -> int | None:
    """The year a report tells of, when its title names one before the year it is dated
    ("2023 Country Reports …" of 17 April 2024); a title's year of publication ("World
    Report 2024", of January 2024) says nothing of the year it covers."""
    year = title_year(source.title) if source.doc_type == "report" else None
    dated = int(source.date[:4]) if source.date and source.date[:4].isdigit() else None
    return year if year is not None and dated is not None and year < dated else None


def period_label(brief: Brief) -> str:
    """ "Period covered", unless every source is of one day (a report's release): then the
    brief says what it knows, the day its sources are dated, not a period they cover."""
    one_day = brief.period_start is not None and brief.period_start == brief.period_end
    return "Sources dated" if one_day else "Period covered"


STALE_DAYS = 30  # a brief whose newest source is older than this says how old it is


def staleness(brief: Brief) -> str:
    """A warning when the newest source is more than STALE_DAYS older than the brief: "Its
    newest source is 2 years and 7 months older than this brief." A reader would otherwise
    take the brief's date for its news's."""
    end = brief.period_end
    if end is None or (brief.as_of - end).days <= STALE_DAYS:
        return ""
    months = (brief.as_of.year - end.year) * 12 + brief.as_of.month - end.month
    months -= brief.as_of.day < end.day
    parts = [(months // 12, "year"), (months % 12, "month")]
    said = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in parts if n]
    age = " and ".join(said) or f"{(brief.as_of - end).days} days"
    return f"Its newest source is {age} older than this brief."


GAP_DAYS = 60  # sources silent for longer than this, and for a quarter of the period, say so
GAP_SHARE = 0.25


def coverage_gap(brief: Brief) -> str:
    """The longest stretch of the period covered with no source dated in it, when it is
    longer than GAP_DAYS and a GAP_SHARE of the period: "No source is dated between 20
    January 2026 and 10 June 2026." A reader takes "Period covered" for all of it."""
    days = sorted({d for d in (_as_date(s.date) for s in brief.sources) if d is not None})
    if len(days) < 2:
        return ""
    pairs = zip(days[:-1], days[1:], strict=True)
    before, after = max(pairs, key=lambda pair: (pair[1] - pair[0]).days)
    gap, span = (after - before).days, (days[-1] - days[0]).days
    if gap <= GAP_DAYS or gap < GAP_SHARE * span:
        return ""
    return (
        f"No source is dated between {long_date(before)} and {long_date(after)}: what"
        " happened then is not in this brief."
    )


def brief_html(brief: Brief, options: RenderOptions | None = None) -> str:
    """Render the brief's body as whitelisted HTML with the theme's layout."""
    options = options or RenderOptions()
    if options.html is not None:
        return options.html
    sources = {s.id: s for s in brief.sources}
    context: dict[str, Any] = {
        "brief": brief,
        "sources": sources,
        "num": {sid: s.number for sid, s in sources.items()},
        "period": period(brief),
        "period_label": period_label(brief),
        "staleness": staleness(brief),
        "coverage_gap": coverage_gap(brief),
        "theme": options.theme,
        "chart": options.chart.name if options.chart else None,
    }
    try:
        template = environment(options.templates).get_template(f"{options.theme.layout}.html.j2")
        return template.render(**context)
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error: {exc}") from None


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.stack: list[str] = []
        self.containers: list[Block] = []
        self.inline: list[tuple[str, dict[str, str | None]]] = []
        self.current: Block | None = None
        self.ordered = False

    def _add(self, block: Block) -> None:
        (self.containers[-1].children if self.containers else self.blocks).append(block)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag not in ALLOWED:
            raise RenderError(f"template uses <{tag}>; allowed: {', '.join(sorted(ALLOWED))}")
        if tag in INLINE_TAGS:
            self.inline.append((tag, attr))
        elif tag == "img":
            self._add(
                Block(
                    "img",
                    id=attr.get("id"),
                    cls=attr.get("class"),
                    src=attr.get("src"),
                    alt=attr.get("alt") or "",
                )
            )
        elif tag in LIST_TAGS:
            self.stack.append(tag)
            self.ordered = tag == "ol"
        elif tag in CONTAINER_TAGS:
            self.stack.append(tag)
            block = Block(tag, id=attr.get("id"), cls=attr.get("class"))
            self._add(block)
            self.containers.append(block)
        else:
            self.stack.append(tag)
            self.current = Block(
                tag, id=attr.get("id"), cls=attr.get("class"), ordered=self.ordered
            )
            self._add(self.current)

    def handle_endtag(self, tag: str) -> None:
        if tag in INLINE_TAGS:
            if self.inline and self.inline[-1][0] == tag:
                self.inline.pop()
            return
        if tag == "img":
            return
        if not self.stack or self.stack[-1] != tag:
            raise RenderError(f"template HTML is not well nested at </{tag}>")
        self.stack.pop()
        if tag in CONTAINER_TAGS:
            self.containers.pop()
        elif tag in TEXT_TAGS:
            if self.current and self.current.runs:
                last = self.current.runs[-1]
                self.current.runs[-1] = Run(
                    last.text.rstrip(), last.bold, last.italic, last.sup, last.href
                )
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is None:
            if data.strip():
                raise RenderError(f"template text outside a block: {data.strip()[:40]!r}")
            return
        text = re.sub(r"\s+", " ", data)
        if not self.current.runs:
            text = text.lstrip()
        if not text:
            return
        tags = {t for t, _ in self.inline}
        href = next((a.get("href") for t, a in reversed(self.inline) if t == "a"), None)
        self.current.runs.append(
            Run(text, "strong" in tags, "em" in tags, "sup" in tags, _safe_href(href))
        )


def _safe_href(href: str | None) -> str | None:
    """Only web, mail, file and in-document links survive."""
    if not href:
        return None
    lowered = href.strip().lower()
    if lowered.startswith(("http://", "https://", "mailto:", "#", "file:")):
        return href.strip()
    return None


def parse_blocks(html: str) -> list[Block]:
    """Parse the whitelisted HTML into blocks; anything else is a RenderError."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    if builder.stack:
        raise RenderError(f"template HTML leaves <{builder.stack[-1]}> open")
    return builder.blocks


def walk(blocks: list[Block]) -> list[Block]:
    """Every block, containers before their children, in document order."""
    out: list[Block] = []
    for block in blocks:
        out.append(block)
        out += walk(block.children)
    return out


def runs_to_html(runs: list[Run]) -> str:
    """Inline runs as reportlab paragraph markup (text escaped)."""
    out = []
    for r in runs:
        text = escape(r.text, quote=False)
        if r.bold:
            text = f"<b>{text}</b>"
        if r.italic:
            text = f"<i>{text}</i>"
        if r.sup:
            text = f"<super>{text}</super>"
        if r.href:
            target = r.href
            text = f'<a href="{escape(target)}">{text}</a>'
        out.append(text)
    return "".join(out)
