"""Email addresses: parse and validate "Name <addr>" strings and recipient list files."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from email.utils import formataddr, getaddresses
from pathlib import Path

_ADDRESS = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)

# Characters str.splitlines() would break a line at, and other controls: in a list file they
# must not add (or hide) a recipient.
_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


@dataclass(frozen=True)
class Recipient:
    """One mailbox: the address (compared case-insensitively) and an optional display name."""

    address: str
    name: str = ""

    @property
    def key(self) -> str:
        """The address as compared: someone on two lists is one recipient."""
        return self.address.lower()

    def header(self) -> str:
        """The address as a To: header value."""
        return formataddr((self.name, self.address)) if self.name else self.address


def parse_recipient(text: str) -> Recipient:
    """Parse "a@example.org" or "A Person <a@example.org>"; ValueError says what is wrong."""
    if "\r" in text or "\n" in text:
        raise ValueError("line breaks are not allowed in an address")
    if _BREAKS.search(text):
        raise ValueError(f"control or line-separator characters in an address: {text!r}")
    found = [pair for pair in getaddresses([text.strip()]) if any(pair)]
    if len(found) > 1:
        raise ValueError(f"one address per line, found {len(found)}: {text.strip()!r}")
    name, address = found[0] if found else ("", "")
    if not address or not _ADDRESS.match(address) or address.startswith("."):
        raise ValueError(f"not an email address: {text.strip()!r}")
    return Recipient(address, " ".join(name.split()))


def read_recipients(path: Path) -> tuple[list[Recipient], list[str]]:
    """Recipients from a .txt (one per line, # comments) or .csv (email[,name] columns) file.

    Returns the recipients and one "FILE:LINE: problem" string per bad line.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: cannot read recipients file: {exc}"]
    rows = _csv_rows(text) if path.suffix.lower() == ".csv" else _txt_rows(text)
    found, problems = [], []
    for line, value in rows:
        try:
            found.append(parse_recipient(value))
        except ValueError as exc:
            problems.append(f"{path}:{line}: {exc}")
    return found, problems


def _txt_rows(text: str) -> list[tuple[int, str]]:
    return [
        (i, line.strip())
        for i, line in enumerate(_lines(text), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _csv_rows(text: str) -> list[tuple[int, str]]:
    rows = list(csv.reader(_lines(text)))
    header = [c.strip().lower() for c in rows[0]] if rows else []
    has_header = "email" in header
    email_col = header.index("email") if has_header else 0
    name_col = (
        header.index("name") if has_header and "name" in header else (None if has_header else 1)
    )
    out = []
    for i, row in enumerate(rows[1:] if has_header else rows, 2 if has_header else 1):
        if not row or not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        address = row[email_col].strip() if email_col < len(row) else ""
        name = row[name_col].strip() if name_col is not None and name_col < len(row) else ""
        out.append((i, formataddr((name, address)) if name else address))
    return out


def _lines(text: str) -> list[str]:
    """Lines split at line feeds only (not at U+2028, \\x0b, \\x85 as splitlines does)."""
    return [line.removesuffix("\r") for line in text.split("\n")]
