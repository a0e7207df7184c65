"""Send a built brief to its distribution lists, exactly once per recipient, with a ledger.

Each (edition digest, recipient) has one ledger row: queued → sending → sent | failed | unknown.
One run sends a brief at a time (a lock beside it), and each row is claimed before its message
goes. A rerun sends only rows that are queued; a row left 'sending' by a crash is sent again with
the same Message-ID, so a mail client can tell the rare duplicate for what it is. 'unknown' means
the message went but the server's reply never came: it is resent once, after a wait, and then
left alone, since it may have been delivered.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.message import EmailMessage, MIMEPart
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import Any, Protocol

import jinja2.sandbox
from markupsafe import Markup

from briefing.config import Config, Distribution
from briefing.errors import (
    ConnectError,
    DeliveryError,
    MailError,
    PermanentError,
    TransientError,
    UnknownOutcome,
)
from briefing.locks import hold
from briefing.recipients import Recipient
from briefing.render.html import RenderOptions, environment
from briefing.render.web import BODY_STYLE, InlineImage, brief_from_dict, mail_body
from briefing.store import Store

log = logging.getLogger(__name__)
RETRIES_PER_RUN = 3
DONE = ("sent", "failed", "unknown")  # statuses a rerun leaves alone
MIME_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "txt": "text/plain",
    "json": "application/json",
}


class Mailer(Protocol):
    """Sends one message; returns the server's reply; raises a MailError."""

    def send(self, message: EmailMessage) -> str: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Edition:
    """A built brief: its folder, its JSON model and a digest of its content."""

    folder: Path
    data: dict[str, Any]
    digest: str


@dataclass
class Report:
    """What one send run did."""

    digest: str
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    already: int = 0
    held: str | None = None


def find_edition(out_dir: Path, as_of: str | None = None) -> Edition:
    """The brief built for ``as_of``, or the newest one built."""
    if as_of:
        folder = out_dir / as_of
    else:
        built = sorted(p for p in out_dir.glob("????-??-??") if (p / "brief.json").is_file())
        if not built:
            raise DeliveryError(f"no built brief in {out_dir}; run 'briefing build' first")
        folder = built[-1]
    try:
        data = json.loads((folder / "brief.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DeliveryError(f"cannot read {folder / 'brief.json'}: {exc}") from None
    content = {k: v for k, v in data.items() if k != "generated_at"}  # same content, same edition
    digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
    return Edition(folder, data, digest)


def audience(config: Config) -> dict[str, tuple[Recipient, list[str]]]:
    """Every recipient once (by address), with the union of their lists' attachments."""
    assert config.distribution
    merged: dict[str, tuple[Recipient, list[str]]] = {}
    for name, mailing in config.distribution.lists.items():
        for r in config.recipients(name):
            _, formats = merged.setdefault(r.key, (r, []))
            formats += [f for f in mailing.attach if f not in formats]
    return merged


def deliver(
    config: Config,
    *,
    mailer: Mailer,
    store: Store,
    as_of: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Report:
    """Send the brief to every recipient that has not had it yet."""
    dist = config.distribution
    if dist is None:
        raise DeliveryError("the config has no 'distribution' section")
    edition = find_edition(config.output_dir, as_of)
    report = Report(edition.digest)
    if dist.review == "required":  # only an approved edition goes, as the reviewer left it
        from briefing.review import reviewed_edition

        approved = reviewed_edition(config, edition)
        if approved is None:
            report.held = (
                f"held: the edition of {edition.folder.name} waits for review "
                "(approve it in `briefing serve`)"
            )
            return report
        edition = approved
    if len(edition.data.get("sources", [])) < dist.min_sources:
        report.held = (
            f"held: the brief has {len(edition.data.get('sources', []))} sources, "
            f"fewer than min_sources {dist.min_sources}"
        )
        return report
    people = audience(config)
    _check_attachments(edition, people)
    formats = {f for _, fs in people.values() for f in fs}
    looks = RenderOptions(templates=config.templates_dir, theme=config.theme_model)
    parts = shared_parts(edition, dist, formats, looks)
    store.queue(edition.digest, list(people))
    with hold(config.output_dir / ".send.lock", busy="another process is sending"):
        _send_all(edition, people, parts, dist, mailer, store, report, sleep, now)
    return report


def _send_all(
    edition: Edition,
    people: dict[str, tuple[Recipient, list[str]]],
    parts: Parts,
    dist: Distribution,
    mailer: Mailer,
    store: Store,
    report: Report,
    sleep: Callable[[float], None],
    now: Callable[[], datetime],
) -> None:
    unreachable = False
    for row in store.rows(edition.digest):  # read under the lock: no other run is sending
        if row.status in DONE:
            report.already += 1
            continue
        recipient, attach = people.get(row.recipient, (None, []))
        if recipient is None:
            continue  # removed from every list since it was queued
        if unreachable:
            report.pending.append(recipient.address)
            continue
        message = compose(edition, recipient, attach, dist, date=now(), parts=parts)
        try:
            outcome = _send_with_retries(store, mailer, edition.digest, row, message, dist, sleep)
        except ConnectError as exc:
            log.error("stopping this run: %s", exc)
            unreachable, outcome = True, "pending"
        if outcome == "already":
            report.already += 1
        else:
            getattr(report, outcome).append(recipient.address)


def _send_with_retries(
    store: Store,
    mailer: Mailer,
    digest: str,
    row: Any,
    message: EmailMessage,
    dist: Distribution,
    sleep: Callable[[float], None],
) -> str:
    """Try a few times now; a transient failure stays queued for the next run until
    ``max_attempts`` tries in all, then it is final. A server that cannot be reached does
    not use up an attempt."""
    attempts = row.attempts
    for attempt_now in range(RETRIES_PER_RUN):
        if attempts >= dist.max_attempts:
            store.mark(digest, row.recipient, "failed")
            return "failed"
        if not store.claim(digest, row.recipient, attempts, message["Message-ID"]):
            return "already"
        attempts += 1
        try:
            reply = mailer.send(message)
        except PermanentError as exc:
            store.mark(digest, row.recipient, "failed", reply=str(exc))
            log.warning("failed for good: %s: %s", row.recipient, exc)
            return "failed"
        except UnknownOutcome as exc:
            return _after_silence(store, mailer, digest, row.recipient, message, dist, sleep, exc)
        except ConnectError as exc:
            store.unclaim(digest, row.recipient, str(exc))
            raise
        except TransientError as exc:
            final = attempts >= dist.max_attempts
            store.mark(digest, row.recipient, "failed" if final else "queued", reply=str(exc))
            log.warning(
                "%s %s (attempt %d): %s",
                "gave up on" if final else "will retry",
                row.recipient,
                attempts,
                exc,
            )
            if final:
                return "failed"
            if attempt_now + 1 < RETRIES_PER_RUN:
                sleep(min(30.0, 2.0**attempt_now))
            continue
        store.mark(digest, row.recipient, "sent", reply=reply)
        return "sent"
    return "pending"


def _after_silence(
    store: Store,
    mailer: Mailer,
    digest: str,
    recipient: str,
    message: EmailMessage,
    dist: Distribution,
    sleep: Callable[[float], None],
    silence: UnknownOutcome,
) -> str:
    """The server got the message but did not answer in time: it may have delivered it.
    Wait twice the time-out it already overran, resend once with the same Message-ID (so a
    duplicate can be recognised); if that is not answered either, the row stays 'unknown'."""
    store.mark(digest, recipient, "unknown", reply=str(silence))
    log.warning("no reply for %s, it may have been delivered: %s", recipient, silence)
    sleep(2 * dist.smtp.timeout)
    store.mark(digest, recipient, "unknown", attempt=True)
    try:
        reply = mailer.send(message)
    except MailError as exc:
        store.mark(digest, recipient, "unknown", reply=f"{silence}; resent once: {exc}")
        return "unknown"
    store.mark(digest, recipient, "sent", reply=f"{reply} (resent once after no reply)")
    return "sent"


def _check_attachments(edition: Edition, people: dict[str, tuple[Recipient, list[str]]]) -> None:
    wanted = {f for _, formats in people.values() for f in formats}
    missing = sorted(f for f in wanted if not (edition.folder / f"brief.{f}").is_file())
    if missing:
        raise DeliveryError(
            f"{edition.folder} has no brief.{missing[0]}; add '{missing[0]}' "
            "to the config's formats and build again"
        )


def one_line(text: str) -> str:
    """Header-safe text: line breaks and runs of space become one space."""
    return " ".join(str(text).split())


@dataclass(frozen=True)
class Parts:
    """What every message of an edition shares: subject, bodies, and its inline images and
    attachments as MIME parts, base64-encoded once for all recipients (encoding them for
    each message was 40-45% of a send). Messages hold these parts and never change them."""

    subject: str
    text: str
    html: str
    attachments: dict[str, EmailMessage]
    images: tuple[EmailMessage, ...] = ()


def shared_parts(
    edition: Edition, dist: Distribution, formats: set[str], options: RenderOptions | None = None
) -> Parts:
    """Render the bodies and read the attachments once for all recipients.

    The body is the brief: the edition's brief.json rendered again through the brief's own
    templates and theme (``options``: the config's), with the chart the build drew.
    """
    options = options or RenderOptions()
    chart = edition.folder / "chart.png"
    if chart.is_file():
        options = replace(options, chart=chart)
    try:
        brief = brief_from_dict(edition.data)
    except (KeyError, TypeError, ValueError) as exc:
        raise DeliveryError(f"{edition.folder / 'brief.json'} is not a brief: {exc!r}") from None
    body = mail_body(brief, options)
    env = environment(options.templates)
    context = {"brief": edition.data, "unsubscribe": dist.unsubscribe, "body_style": BODY_STYLE}
    try:
        text = env.get_template("email.txt.j2").render(**context, body=body.text)
        html = env.get_template("email.html.j2").render(**context, body=Markup(body.html))
    except jinja2.TemplateError as exc:
        raise DeliveryError(f"e-mail template error: {exc}") from None
    return Parts(
        subject=_subject(dist.subject, edition.data),
        text=text,
        html=html,
        attachments={f: _attachment(edition, f) for f in sorted(formats)},
        images=tuple(_inline(image) for image in body.images),
    )


def _attachment(edition: Edition, fmt: str) -> EmailMessage:
    """brief.<fmt> as an attachment part named after the brief and its date."""
    data = edition.data
    filename = f"{data.get('name', 'brief')}-{data.get('as_of', '')}.{fmt}"
    maintype, subtype = MIME_TYPES[fmt].split("/")
    part = EmailMessage()
    part.set_content(
        (edition.folder / f"brief.{fmt}").read_bytes(),
        maintype=maintype,
        subtype=subtype,
        filename=re.sub(r"[^\w.-]", "_", filename),
    )
    return part


def _inline(image: InlineImage) -> EmailMessage:
    """An image the HTML body shows by its Content-ID."""
    maintype, subtype = image.mime.split("/")
    part = EmailMessage()
    part.set_content(image.data, maintype, subtype, cid=f"<{image.cid}>", disposition="inline")
    return part


def _add_part(container: MIMEPart, subtype: str, part: EmailMessage) -> None:
    """Attach a prepared part as add_attachment/add_related do: the container becomes
    multipart/<subtype> first if it is not one already."""
    if container.get_content_type() != f"multipart/{subtype}":
        getattr(container, f"make_{subtype}")()
    container.attach(part)


def compose(
    edition: Edition,
    recipient: Recipient,
    attach: list[str],
    dist: Distribution,
    *,
    date: datetime,
    parts: Parts | None = None,
) -> EmailMessage:
    """One message to one recipient: text and HTML bodies, the chosen attachments."""
    parts = parts or shared_parts(edition, dist, set(attach))
    message = EmailMessage()
    message["From"] = one_line(dist.sender)
    message["To"] = recipient.header()
    message["Subject"] = parts.subject
    message["Date"] = format_datetime(date)
    domain = parseaddr(dist.sender)[1].rpartition("@")[2] or "briefing.invalid"
    token = hashlib.sha256(f"{edition.digest}\0{recipient.key}".encode()).hexdigest()[:32]
    message["Message-ID"] = f"<{token}@{domain}>"
    if dist.list_id:
        message["List-Id"] = f"<{one_line(dist.list_id).strip('<>')}>"
    if dist.unsubscribe:
        message["List-Unsubscribe"] = f"<{one_line(dist.unsubscribe).strip('<>')}>"
    message.set_content(parts.text)
    message.add_alternative(parts.html, subtype="html")
    html_part = message.get_body(("html",))
    assert html_part is not None  # added just above
    for image in parts.images:  # the HTML part becomes multipart/related with its images
        _add_part(html_part, "related", image)
    for fmt in attach:
        _add_part(message, "mixed", parts.attachments[fmt])
    return message


def _subject(template: str, data: dict[str, Any]) -> str:
    env = jinja2.sandbox.SandboxedEnvironment(autoescape=False)
    try:
        text = env.from_string(template).render(
            title=data.get("title", ""), as_of=data.get("as_of", ""), name=data.get("name", "")
        )
    except jinja2.TemplateError as exc:
        raise DeliveryError(f"distribution.subject: {exc}") from None
    return one_line(text)


def send_brief(config: Config, *, dry_run: bool = False, as_of: str | None = None) -> Report:
    """Send the newest (or ``as_of``) edition; a dry run writes .eml files to its outbox/."""
    from briefing.build import claim_output
    from briefing.mailers import OutboxMailer, SmtpMailer

    if config.distribution is None:
        raise DeliveryError("the config has no 'distribution' section")
    claim_output(config, create=False)  # never mail another config's brief
    if dry_run:
        edition = find_edition(config.output_dir, as_of)
        mailer: Mailer = OutboxMailer(edition.folder / "outbox")
        store = Store(Path(":memory:"))  # a dry run leaves the real ledger alone
    else:
        mailer = SmtpMailer(config.distribution.smtp)
        store = Store(config.state_path)
    try:
        return deliver(config, mailer=mailer, store=store, as_of=as_of)
    finally:
        mailer.close()
        store.close()
