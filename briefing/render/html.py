"""The brief as HTML (Jinja), and that HTML parsed strictly into a block tree for the writers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import jinja2

from briefing.errors import RenderError
from briefing.model import Brief

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
BLOCK_TAGS = {"h1", "h2", "h3", "p", "ul", "ol", "li", "blockquote", "cite"}
INLINE_TAGS = {"a", "strong", "em", "sup"}


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
    """A block of the brief: heading, paragraph, list item, quote or citation."""

    kind: str  # h1 h2 h3 p li blockquote cite
    id: str | None = None
    cls: str | None = None
    runs: list[Run] = field(default_factory=list)
    ordered: bool = False  # for li: inside an <ol>
    children: list[Block] = field(default_factory=list)  # for blockquote

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
    loaders.append(
        jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES))})
    )
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=lambda name: name is None or ".html" in name,  # .txt templates: raw text
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def period(brief: Brief) -> str:
    """The period the brief covers, as text."""
    start = brief.period_start.isoformat() if brief.period_start else "all dates"
    return f"{start} to {brief.as_of.isoformat()}"


def brief_html(brief: Brief, user_templates: Path | None = None) -> str:
    """Render the brief's body as whitelisted HTML."""
    sources = {s.id: s for s in brief.sources}
    try:
        template = environment(user_templates).get_template("brief.html.j2")
        return template.render(
            brief=brief,
            sources=sources,
            brief_numbers={sid: s.number for sid, s in sources.items()},
            period=period(brief),
        )
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error: {exc}") from None


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.stack: list[str] = []
        self.inline: list[tuple[str, dict[str, str | None]]] = []
        self.current: Block | None = None
        self.quote: Block | None = None
        self.ordered = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag in INLINE_TAGS:
            self.inline.append((tag, attr))
            return
        if tag not in BLOCK_TAGS | {"ul", "ol"}:
            raise RenderError(
                f"template uses <{tag}>; allowed: {', '.join(sorted(BLOCK_TAGS | INLINE_TAGS))}"
            )
        self.stack.append(tag)
        if tag in ("ul", "ol"):
            self.ordered = tag == "ol"
        elif tag == "blockquote":
            self.quote = Block("blockquote", id=attr.get("id"), cls=attr.get("class"))
            self.blocks.append(self.quote)
        else:
            block = Block(tag, id=attr.get("id"), cls=attr.get("class"), ordered=self.ordered)
            (self.quote.children if self.quote else self.blocks).append(block)
            self.current = block

    def handle_endtag(self, tag: str) -> None:
        if tag in INLINE_TAGS:
            if self.inline and self.inline[-1][0] == tag:
                self.inline.pop()
            return
        if not self.stack or self.stack[-1] != tag:
            raise RenderError(f"template HTML is not well nested at </{tag}>")
        self.stack.pop()
        if tag == "blockquote":
            self.quote = None
        if tag not in ("ul", "ol"):
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
    for block in builder.blocks:
        if block.runs:
            block.runs[-1] = Run(block.runs[-1].text.rstrip(), *_style(block.runs[-1]))
    return builder.blocks


def _style(run: Run) -> tuple[bool, bool, bool, str | None]:
    return run.bold, run.italic, run.sup, run.href


def runs_to_html(runs: list[Run]) -> str:
    """Inline runs back to HTML (escaped), for writers that take markup."""
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
            text = f'<a href="{escape(r.href)}">{text}</a>'
        out.append(text)
    return "".join(out)
