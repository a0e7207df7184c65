"""The YAML config: a typed schema that reports every error at once, with file, line and key."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import regex
import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from briefing.cache import default_cache_path
from briefing.errors import ConfigError
from briefing.ingest.clean import INVISIBLE, clean_title
from briefing.model import Theme
from briefing.query import Node as QueryNode
from briefing.query import parse as parse_query
from briefing.query import positive_terms
from briefing.recipients import Recipient, parse_recipient, read_recipients
from briefing.slots import Every, parse_every, time_zone

FORMATS = ("pdf", "docx", "html", "txt", "json")
Format = Literal["pdf", "docx", "html", "txt", "json"]
DEFAULT_FORMATS: tuple[Format, ...] = ("pdf", "docx", "html", "json")
DEFAULT_ATTACH: tuple[Format, ...] = ("pdf",)


class Topic(BaseModel):
    """One section of the brief."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, description="Section heading in the brief.")
    keywords: list[str] = Field(
        default_factory=list, description="Words or phrases; a source matches if it contains any."
    )
    query: str | None = Field(
        default=None,
        description='A query: words, "phrases", AND/OR/NOT, (), type:, publisher:, speaker:, '
        "title:, author:. With keywords too, a source matches either.",
    )
    min_score: float = Field(
        default=0.0, ge=0, description="Leave out sources less relevant than this (BM25 score)."
    )
    exclude: list[str] = Field(
        default_factory=list, description="Words or phrases that rule a source out."
    )
    max_sources: int = Field(default=8, ge=1, le=200, description="Most sources per topic.")
    summary_words: int | None = Field(
        default=None, ge=10, le=2000, description="Words in this topic's summary (about)."
    )

    @field_validator("name")
    @classmethod
    def _one_line(cls, value: str) -> str:
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            raise ValueError("a topic name is one line, without control characters")
        return INVISIBLE.sub("", value)

    @field_validator("query")
    @classmethod
    def _valid_query(cls, value: str | None) -> str | None:
        if value is not None:
            parse_query(value)  # raises ValueError saying what is wrong
        return value

    @model_validator(mode="after")
    def _something_to_match(self) -> Topic:
        if not self.keywords and not self.query:
            raise ValueError("give keywords or a query")
        return self

    @property
    def parsed_query(self) -> QueryNode | None:
        """The query, parsed."""
        return parse_query(self.query) if self.query else None

    @property
    def terms(self) -> list[str]:
        """The words and phrases that make a source relevant."""
        query = self.parsed_query
        extra = positive_terms(query) if query is not None else []
        return list(dict.fromkeys([*self.keywords, *extra]))

    @field_validator("keywords", "exclude")
    @classmethod
    def _no_blank_terms(cls, terms: list[str]) -> list[str]:
        if any(not t.strip() for t in terms):
            raise ValueError("terms must not be blank")
        return [t.strip() for t in terms]


class Smtp(BaseModel):
    """How to reach the mail server."""

    model_config = ConfigDict(extra="forbid")

    host: str = Field(min_length=1, description="SMTP server host name.")
    port: int | None = Field(
        default=None, ge=1, le=65535, description="Port; default 587 (starttls), 465 (ssl), 25."
    )
    security: Literal["starttls", "ssl", "none"] = Field(
        default="starttls", description="starttls, ssl (implicit TLS) or none."
    )
    username: str | None = Field(default=None, description="Login name, if the server needs one.")
    password_env: str | None = Field(
        default=None, description="Environment variable that holds the password."
    )
    timeout: float = Field(default=30, gt=0, le=600, description="Seconds per SMTP operation.")
    verify_tls: bool = Field(
        default=True, description="Verify the server's TLS certificate (leave on)."
    )

    @property
    def effective_port(self) -> int:
        """The configured port or the usual one for the security mode."""
        return self.port or {"starttls": 587, "ssl": 465, "none": 25}[self.security]


class MailingList(BaseModel):
    """A distribution list: who gets the brief and which files are attached."""

    model_config = ConfigDict(extra="forbid")

    recipients: list[str] = Field(
        default_factory=list, description='Addresses: "a@example.org" or "Name <a@example.org>".'
    )
    recipients_file: str | None = Field(
        default=None, description="A .txt (one address per line) or .csv (email,name) file."
    )
    attach: list[Format] = Field(
        default_factory=lambda: list(DEFAULT_ATTACH), description="Brief formats to attach."
    )

    @field_validator("recipients")
    @classmethod
    def _valid_addresses(cls, values: list[str]) -> list[str]:
        for value in values:
            parse_recipient(value)  # raises ValueError with the bad address
        return values


class Distribution(BaseModel):
    """Email distribution of the brief."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    smtp: Smtp = Field(description="The mail server.")
    sender: str = Field(alias="from", description='The From: address, "Name <addr>".')
    subject: str = Field(
        default="{{ title }} — {{ as_of }}", description="Subject line, a Jinja template."
    )
    min_sources: int = Field(
        default=1, ge=0, description="Hold the brief instead of sending it below this many sources."
    )
    list_id: str | None = Field(default=None, description="List-Id header value (optional).")
    unsubscribe: str | None = Field(
        default=None, description="List-Unsubscribe URL or mailto: (optional)."
    )
    max_attempts: int = Field(
        default=5,
        ge=1,
        le=50,
        description="Tries per recipient before a transient failure is final.",
    )
    lists: dict[str, MailingList] = Field(min_length=1, description="Distribution lists by name.")
    review: Literal["none", "required"] = Field(
        default="none",
        description="required: a built edition waits until a reviewer approves it in "
        "`briefing serve`; `send` and `run` mail only approved editions, with the reviewer's "
        "edits.",
    )

    @field_validator("sender")
    @classmethod
    def _valid_sender(cls, value: str) -> str:
        parse_recipient(value)
        return value


# Plain runs of text a pattern that backtracks (a repeat inside a repeat) spends seconds on
BACKTRACK_PROBES = tuple(
    unit * (3000 // len(unit)) + "!" for unit in ("a", "a ", "aa1 ", " ", "1", "a.", "a-")
)
PROBE_SECONDS = 0.2


class BoilerplateRule(BaseModel):
    """Paragraphs to drop from sources: a site's furniture the generic rules miss."""

    model_config = ConfigDict(extra="forbid")

    pattern: str = Field(description="A regular expression; matching paragraphs are dropped.")
    where: str | None = Field(
        default=None,
        description="Only for sources whose publisher, web address or path contains this.",
    )

    @field_validator("pattern")
    @classmethod
    def _valid_pattern(cls, value: str) -> str:
        try:
            re.compile(value)
            compiled = regex.compile(value, regex.I)
            for probe in BACKTRACK_PROBES:
                compiled.search(probe, timeout=PROBE_SECONDS)
        except (re.error, regex.error) as exc:
            raise ValueError(f"invalid regular expression: {exc}") from None
        except TimeoutError:
            raise ValueError(
                "this pattern backtracks: it takes seconds on a plain run of words; "
                "write it without a repeat inside a repeat such as (a+)+"
            ) from None
        return value


class ThemeSpec(BaseModel):
    """The brief's look: layout, colours, fonts and logo."""

    model_config = ConfigDict(extra="forbid")

    layout: Literal["policy-brief", "memo"] = Field(
        default="policy-brief", description="policy-brief (full document) or memo (1-2 pages)."
    )
    primary_color: str = Field(default="#1a2b4c", description="Headings and rules, #rrggbb.")
    accent_color: str = Field(default="#b8860b", description="Quote bars and boxes, #rrggbb.")
    font: str | None = Field(default=None, description="A Unicode .ttf for the PDF text.")
    font_bold: str | None = Field(default=None, description="Its bold face (optional).")
    logo: str | None = Field(default=None, description="A PNG or JPEG logo for the cover.")
    page_size: Literal["a4", "letter"] = Field(
        default="a4", description="Paper size of the PDF and Word files: a4 or letter."
    )

    @field_validator("primary_color", "accent_color")
    @classmethod
    def _hex_colour(cls, value: str) -> str:
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
            raise ValueError(f"write a colour as #rrggbb, not {value!r}")
        return value.lower()


class ScheduleSpec(BaseModel):
    """When the brief is built without anyone asking."""

    model_config = ConfigDict(extra="forbid")

    every: str = Field(
        description='"monday at 07:00", "weekday at 08:00", "day at 06:30" or "6 hours".'
    )
    timezone: str = Field(default="UTC", description="IANA time zone of the times, DST-correct.")
    catch_up: bool = Field(
        default=True, description="After downtime, build a missed slot once at start-up."
    )

    @field_validator("every")
    @classmethod
    def _valid_every(cls, value: str) -> str:
        parse_every(value)
        return value

    @field_validator("timezone")
    @classmethod
    def _valid_zone(cls, value: str) -> str:
        time_zone(value)
        return value

    @property
    def spec(self) -> Every:
        """The parsed schedule."""
        return parse_every(self.every)

    @property
    def zone(self) -> ZoneInfo:
        """The time zone."""
        return time_zone(self.timezone)


class Watch(BaseModel):
    """Rebuilding when the sources change."""

    model_config = ConfigDict(extra="forbid")

    poll_seconds: int = Field(default=60, ge=1, le=86400, description="Seconds between checks.")
    enabled: bool = Field(
        default=True, description="Rebuild when sources, config or templates change."
    )


class Config(BaseModel):
    """A brief: where its sources are, what topics it covers, what it writes."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(
        default=None, description="Output folder name; defaults to the config file's stem."
    )
    title: str = Field(min_length=1, description="Title printed on the brief.")
    organization: str | None = Field(default=None, description="Organization shown on the brief.")
    sources: list[str] = Field(
        min_length=1,
        description="Folders (read recursively), files (relative to this file) and feed URLs.",
    )
    window_days: int | None = Field(
        default=None, ge=1, description="Only sources dated within N days up to the as-of date."
    )
    formats: list[Format] = Field(
        default_factory=lambda: list(DEFAULT_FORMATS),
        min_length=1,
        description="Formats to write: pdf, docx, html, txt, json.",
    )
    output: str = Field(default="output", description="Folder for briefs, relative to this file.")
    label: str | None = Field(
        default=None, description="Audience or classification label on the cover (optional)."
    )
    theme: ThemeSpec = Field(default_factory=lambda: ThemeSpec(), description="Look and layout.")
    templates: str | None = Field(
        default=None, description="Folder of templates overriding the packaged ones (optional)."
    )
    topics: list[Topic] = Field(min_length=1, description="The brief's sections.")
    summary_words: int = Field(
        default=120, ge=10, le=2000, description="Words in each topic's summary (about)."
    )
    exclusive_topics: bool = Field(
        default=False,
        description="List each source under one topic only: the one it matches best.",
    )
    boilerplate: list[BoilerplateRule] = Field(
        default_factory=list, description="Per-publisher rules for paragraphs to drop."
    )
    schedule: ScheduleSpec | None = Field(
        default=None, description="Build on a schedule under 'briefing run' (optional)."
    )
    watch: Watch = Field(
        default_factory=Watch, description="Change detection under 'briefing run'."
    )
    keep: int = Field(default=10, ge=1, le=10000, description="Dated brief folders to keep.")
    distribution: Distribution | None = Field(
        default=None, description="Email lists to send the brief to (optional)."
    )
    executor: Literal["local", "dask"] = Field(
        default="local",
        description="Where sources are parsed: this machine's cores, or a Dask cluster.",
    )
    dask_scheduler: str | None = Field(
        default=None, description="The Dask scheduler, tcp://host:8786, for executor: dask."
    )

    _base: Path = PrivateAttr(default=Path("."))
    _path: Path | None = PrivateAttr(default=None)

    @field_validator("title", "organization", "label")
    @classmethod
    def _visible(cls, value: str | None) -> str | None:
        return None if value is None else clean_title(value)

    @field_validator("name")
    @classmethod
    def _plain_name(cls, value: str | None) -> str | None:
        if value is not None:
            check_folder_name(value)
        return value

    @model_validator(mode="after")
    def _dask_has_a_scheduler(self) -> Config:
        if self.executor == "dask" and not self.dask_scheduler:
            raise ValueError("executor: dask needs dask_scheduler: tcp://host:8786")
        return self

    @property
    def brief_name(self) -> str:
        """The output folder name."""
        return self.name or (self._path.stem if self._path else "brief")

    @property
    def source_paths(self) -> list[Path]:
        """Source folders and files, resolved against the config's folder."""
        return [self._resolve(s) for s in self.sources if not is_url(s)]

    @property
    def source_urls(self) -> list[str]:
        """Feeds to fetch (http:// or https:// sources)."""
        return [s for s in self.sources if is_url(s)]

    @property
    def output_dir(self) -> Path:
        """Where this brief's dated folders go."""
        return self._resolve(self.output) / self.brief_name

    @property
    def rules(self) -> list[tuple[regex.Pattern, str | None]]:
        """The boilerplate rules, compiled (with `regex`, whose searches take a time-out)."""
        return [(regex.compile(r.pattern, regex.I), r.where) for r in self.boilerplate]

    @property
    def theme_model(self) -> Theme:
        """The theme with its file paths resolved."""
        t = self.theme
        return Theme(
            layout=t.layout,
            primary=t.primary_color,
            accent=t.accent_color,
            font=self._resolve(t.font) if t.font else None,
            font_bold=self._resolve(t.font_bold) if t.font_bold else None,
            logo=self._resolve(t.logo) if t.logo else None,
            page_size=t.page_size,
        )

    @property
    def config_path(self) -> Path | None:
        """The config file this was loaded from."""
        return self._path

    @property
    def state_path(self) -> Path:
        """The SQLite state beside the brief's dated folders: builds, schedule, deliveries."""
        return self.output_dir / "state.sqlite"

    @property
    def cache_path(self) -> Path:
        """The user's document cache and index, shared by every config and on-demand brief."""
        return default_cache_path()

    @property
    def templates_dir(self) -> Path | None:
        """The user's template folder, resolved."""
        return self._resolve(self.templates) if self.templates else None

    def recipients(self, list_name: str) -> list[Recipient]:
        """The recipients of one distribution list, inline and from its file."""
        assert self.distribution
        mailing = self.distribution.lists[list_name]
        found = [parse_recipient(r) for r in mailing.recipients]
        if mailing.recipients_file:
            found += read_recipients(self._resolve(mailing.recipients_file))[0]
        return found

    def list_problems(self, list_name: str) -> list[str]:
        """Bad lines of a list's recipients file, as FILE:LINE: problem."""
        assert self.distribution
        mailing = self.distribution.lists[list_name]
        if not mailing.recipients_file:
            return (
                []
                if mailing.recipients
                else [f"{self._path}: distribution.lists.{list_name}: no recipients"]
            )
        return read_recipients(self._resolve(mailing.recipients_file))[1]

    def since(self, as_of: date) -> date | None:
        """The first day of the date window, if there is one."""
        return as_of - timedelta(days=self.window_days - 1) if self.window_days else None

    def _resolve(self, value: str) -> Path:
        path = Path(value).expanduser()
        return Path(os.path.normpath(path if path.is_absolute() else self._base / path))


def check_folder_name(name: str) -> None:
    """A brief's name becomes one folder inside ``output``: a path in it could write (and
    prune) elsewhere, so separators, '.', '..' and control characters are refused."""
    if (
        not name
        or name in (".", "..")
        or any(sep in name for sep in ("/", "\\"))
        or any(ord(ch) < 32 or ord(ch) == 127 for ch in name)
    ):
        raise ValueError(f"a brief name is a plain folder name, without / or '..': {name!r}")


def is_url(source: str) -> bool:
    """Whether a source is a web address (a feed to fetch) rather than a path."""
    return source.startswith(("http://", "https://"))


def load_config(path: Path) -> Config:
    """Read and validate a config file; raise ConfigError listing every problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}: cannot read config: {exc}"]) from None
    data, lines = _parse_yaml(text, path)
    config = config_from_dict(data, path, lines)
    theme = config.theme_model
    problems = [
        f"{path}:{lines.get(('theme', key), 1)}: theme.{key}: file not found: {file}"
        for key, file in (
            ("font", theme.font),
            ("font_bold", theme.font_bold),
            ("logo", theme.logo),
        )
        if file and not file.is_file()
    ]
    for name in config.distribution.lists if config.distribution else []:
        problems += config.list_problems(name)
    if problems:
        raise ConfigError(problems)
    return config


def config_from_dict(
    data: Any, path: Path, lines: dict[tuple[Any, ...], int] | None = None
) -> Config:
    """Validate already-parsed config data; paths resolve against ``path``'s folder."""
    lines = lines or {}
    if not isinstance(data, dict):
        raise ConfigError([f"{path}:1: the config must be a mapping of keys to values"])
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError([_describe(err, path, lines) for err in exc.errors()]) from None
    config._base = path.parent
    config._path = path
    if config.name is None:
        try:
            check_folder_name(config.brief_name)
        except ValueError as exc:
            raise ConfigError([f"{path}:1: name: {exc}"]) from None
    return config


def _describe(err: Any, path: Path, lines: dict[tuple[Any, ...], int]) -> str:
    loc = tuple(err["loc"])
    line = next((lines[loc[:n]] for n in range(len(loc), -1, -1) if loc[:n] in lines), 1)
    return f"{path}:{line}: {_key_path(loc) or '(top)'}: {err['msg']}"


def _key_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _parse_yaml(text: str, path: Path) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Parse YAML and remember the line of every key and list item."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError([f"{path}:{line}: invalid YAML: {problem}"]) from None
    lines: dict[tuple[Any, ...], int] = {}
    if node is None:
        return None, lines
    try:
        return _construct(node, (), lines), lines
    except _YamlProblem as exc:
        raise ConfigError([f"{path}:{exc.line}: invalid YAML: {exc.message}"]) from None


MAX_YAML_NODES = 100_000  # far beyond any real config; an alias bomb expands past it


class _YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        self.line, self.message = line, message
        super().__init__(message)


def _construct(
    node: yaml.Node,
    loc: tuple[Any, ...],
    lines: dict[tuple[Any, ...], int],
    budget: list[int] | None = None,
) -> Any:
    """Build the value of ``node``, noting the line of every key; a key given twice and an
    expansion past MAX_YAML_NODES (aliases of aliases) are errors."""
    budget = budget if budget is not None else [MAX_YAML_NODES]
    budget[0] -= 1
    if budget[0] < 0:
        raise _YamlProblem(node.start_mark.line + 1, "too many values (aliases nested too deep)")
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in out:
                raise _YamlProblem(key_node.start_mark.line + 1, f"duplicate key '{key}'")
            out[key] = _construct(value_node, (*loc, key), lines, budget)
            lines[(*loc, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*loc, i), lines, budget) for i, item in enumerate(node.value)]
    return yaml.SafeLoader(" ").construct_object(node)  # scalars: ints, bools, dates…
