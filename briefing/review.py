"""Review before sending: a reviewer's edits to an edition, its approval, and the approved
rendering that `send` mails when the config says ``distribution.review: required``.

The edits are data, kept beside the editions in ``<brief>/reviews/<date>.json``: which bullets
and quotes to drop or pin (each named by a key made from its text, so the same content built
again keeps its edits), an analyst's note and a bottom-line paragraph. An approval is a row in
the ledger (state.sqlite) keyed by the edition's digest, so a rebuild with the same content
stays approved and a rebuild with new content waits for review again. The approved edition is
rendered again with its edits into ``<edition>/reviewed/``.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefing.config import Config
from briefing.deliver import Edition, find_edition
from briefing.errors import BriefingError, DeliveryError
from briefing.render.html import INTERPRETER_NOTE
from briefing.store import Approval, Store

REVIEWS = "reviews"  # folder of edit files, beside the dated editions
REVIEWED = "reviewed"  # folder inside an edition: the approved rendering
STAMP = ".approved"  # in REVIEWED: the digest and edits it was rendered from
MAX_TEXT = 4000  # characters of a note or bottom line
SUMMARY = "Executive summary"  # the heading its bullets are listed under for review


@dataclass(frozen=True)
class Edits:
    """What a reviewer changed: keys of items dropped and pinned, and two paragraphs."""

    drop: tuple[str, ...] = ()
    pin: tuple[str, ...] = ()
    note: str = ""
    bottom_line: str = ""

    def to_json(self) -> str:
        """The edits as canonical JSON (equal edits, equal text)."""
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Edits:
        """Edits back from their JSON; anything unreadable is no edit at all."""
        try:
            data = json.loads(text)
        except ValueError:
            return cls()
        if not isinstance(data, dict):
            return cls()
        return cls(
            drop=tuple(str(k) for k in data.get("drop", [])),
            pin=tuple(str(k) for k in data.get("pin", [])),
            note=str(data.get("note", ""))[:MAX_TEXT],
            bottom_line=str(data.get("bottom_line", ""))[:MAX_TEXT],
        )


@dataclass(frozen=True)
class Item:
    """A bullet or key quote of an edition, as a reviewer sees it."""

    key: str
    kind: str  # point | quote
    topic: str
    text: str
    by: str


def item_key(kind: str, text: str) -> str:
    """A bullet's or quote's name: its kind and its words, so a rebuild finds it again."""
    words = " ".join(text.split())
    return kind[0] + "-" + hashlib.sha256(words.encode()).hexdigest()[:12]


def items(data: dict[str, Any]) -> list[Item]:
    """Every bullet and key quote of a brief.json: the executive summary's, then topic by
    topic."""

    def item(kind: str, section: str, entry: dict[str, Any], who: str) -> Item:
        text, by = entry["text"], entry.get(who) or ""
        if by and entry.get("interpreted"):
            by += INTERPRETER_NOTE
        return Item(item_key(kind, text), kind, section, text, by)

    out = [item("point", SUMMARY, p, "said_by") for p in data.get("executive_summary", [])]
    for topic in data.get("topics", []):
        out += [item("point", topic["name"], p, "said_by") for p in topic.get("summary", [])]
        out += [item("quote", topic["name"], q, "speaker") for q in topic.get("quotes", [])]
    return out


def apply(data: dict[str, Any], edits: Edits) -> dict[str, Any]:
    """A copy of a brief.json with the edits made: dropped items gone (from the executive
    summary too), pinned ones first in their topic, the paragraphs at the top."""
    out = copy.deepcopy(data)
    dropped, pinned = set(edits.drop), list(edits.pin)

    def kept(kind: str, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        entries = [e for e in entries if item_key(kind, e["text"]) not in dropped]
        first = [e for e in entries if item_key(kind, e["text"]) in pinned]
        first.sort(key=lambda e: pinned.index(item_key(kind, e["text"])))
        return first + [e for e in entries if e not in first]

    for topic in out.get("topics", []):
        topic["summary"] = kept("point", topic.get("summary", []))
        topic["quotes"] = kept("quote", topic.get("quotes", []))
    out["executive_summary"] = kept("point", out.get("executive_summary", []))
    if edits.bottom_line.strip():
        out["bottom_line"] = edits.bottom_line.strip()
    if edits.note.strip():
        out["analyst_note"] = edits.note.strip()
    return out


def edits_path(config: Config, as_of: str) -> Path:
    """Where an edition's edits are kept: beside the editions, so a rebuild keeps them."""
    return config.output_dir / REVIEWS / f"{as_of}.json"


def load_edits(config: Config, as_of: str) -> Edits:
    """The edits saved for an edition (none yet: no edits)."""
    try:
        return Edits.from_json(edits_path(config, as_of).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Edits()


def save_edits(config: Config, as_of: str, edits: Edits) -> None:
    """Keep an edition's edits (written whole, then swapped in)."""
    path = edits_path(config, as_of)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(edits.to_json() + "\n", encoding="utf-8")
    os.replace(tmp, path)


def approve(config: Config, as_of: str, *, by: str, now: datetime | None = None) -> Approval:
    """Approve an edition with its saved edits: render it again with them and note who
    approved it and when in the ledger."""
    by = " ".join(by.split())[:200]
    if not by:
        raise BriefingError("say who approves (a name)")
    edition = find_edition(config.output_dir, as_of)
    edits = load_edits(config, as_of)
    render_reviewed(config, edition, edits)
    approval = Approval(
        digest=edition.digest,
        name=config.brief_name,
        as_of=as_of,
        approved_by=by,
        approved_at=(now or datetime.now(UTC)).replace(microsecond=0).isoformat(),
        edits=edits.to_json(),
    )
    with Store(config.state_path) as store:
        store.approve(approval)
    return approval


def approval_of(config: Config, edition: Edition) -> Approval | None:
    """The ledger's approval of this edition's content, if any (creates no state file)."""
    if not config.state_path.is_file():
        return None
    with Store(config.state_path) as store:
        return store.approval(edition.digest)


def approved_unsent(config: Config) -> bool:
    """Whether the newest edition of a brief under review has been approved and not yet
    mailed to anyone (`briefing run` then sends it: approval comes after the build)."""
    dist = config.distribution
    if dist is None or dist.review != "required" or not config.state_path.is_file():
        return False
    try:
        edition = find_edition(config.output_dir)
    except DeliveryError:
        return False
    with Store(config.state_path) as store:
        return store.approval(edition.digest) is not None and not store.rows(edition.digest)


def render_reviewed(config: Config, edition: Edition, edits: Edits) -> Path:
    """Render the edition with the edits into ``<edition>/reviewed/``."""
    from briefing.build import write_atomically
    from briefing.render import RenderOptions, render
    from briefing.render.web import brief_from_dict

    folder = edition.folder / REVIEWED
    brief = brief_from_dict(apply(edition.data, edits))
    formats: list[str] = list(dict.fromkeys([*config.formats, "json", "html"]))
    looks = RenderOptions(templates=config.templates_dir, theme=config.theme_model)

    def write(tmp: Path) -> list[Path]:
        written = render(brief, tmp, formats, looks)
        (tmp / STAMP).write_text(_stamp(edition, edits), encoding="utf-8")
        return written

    write_atomically(folder, write)
    return folder


def reviewed_edition(config: Config, edition: Edition) -> Edition | None:
    """What to mail of an edition under review: its approved rendering (drawn again if a
    rebuild of the same content replaced it), under the edition's own digest so the ledger
    still sends it once per recipient; None while it waits for approval."""
    approval = approval_of(config, edition)
    if approval is None:
        return None
    edits = Edits.from_json(approval.edits)
    folder = edition.folder / REVIEWED
    try:
        current = (folder / STAMP).read_text(encoding="utf-8") == _stamp(edition, edits)
    except OSError:
        current = False
    if not current:
        render_reviewed(config, edition, edits)
    data = json.loads((folder / "brief.json").read_text(encoding="utf-8"))
    return Edition(folder, data, edition.digest)


def _stamp(edition: Edition, edits: Edits) -> str:
    return f"{edition.digest}\n{edits.to_json()}\n"
