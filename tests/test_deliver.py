"""Distribution against a real SMTP server (aiosmtpd on 127.0.0.1): one copy per recipient,
reruns send nothing, rejections and dropped connections leave the right ledger."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from email import message_from_bytes, policy
from html import unescape
from pathlib import Path

import pytest
import yaml
from aiosmtpd.controller import Controller

from briefing.build import build
from briefing.config import load_config
from briefing.deliver import deliver, send_brief
from briefing.errors import ConfigError, DeliveryError
from briefing.mailers import SmtpMailer
from briefing.recipients import read_recipients
from briefing.store import Store


class Recorder:
    """An SMTP handler that keeps what it receives and can refuse or drop on demand."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []
        self.envelopes: list[list[str]] = []
        self.reject: set[str] = set()
        self.drop_at: int | None = None  # drop the connection when this message arrives
        self.delay = 0.0  # seconds between taking a message and replying

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.reject:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.drop_at is not None and len(self.messages) == self.drop_at:
            self.drop_at = None
            server.transport.close()
            return "421 closing"
        self.messages.append(envelope.content)
        self.envelopes.append(list(envelope.rcpt_tos))
        await asyncio.sleep(self.delay)
        return "250 2.0.0 queued"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp():
    handler = Recorder()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    handler.port = controller.port
    yield handler
    controller.stop()


@pytest.fixture
def mailing(project, smtp):
    """The mixed fixture project with overlapping lists, built, pointing at the test server."""
    folder = project("mixed")
    (folder / "analysts.csv").write_text("email,name\nb@example.org,B Person\nc@example.org,C\n")
    data = yaml.safe_load((folder / "config.yaml").read_text())
    data["distribution"] = {
        "smtp": {"host": "127.0.0.1", "port": smtp.port, "security": "none", "timeout": 5},
        "from": "Policy Briefs <briefs@example.org>",
        "subject": "{{ title }} — {{ as_of }}",
        "list_id": "weekly.briefs.example.org",
        "unsubscribe": "mailto:leave@example.org",
        "lists": {
            "leadership": {
                "recipients": ["a@example.org", "B Person <B@example.org>"],
                "attach": ["pdf"],
            },
            "analysts": {"recipients_file": "analysts.csv", "attach": ["pdf", "docx"]},
        },
    }
    (folder / "config.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    config = load_config(folder / "config.yaml")
    build(config, as_of=date(2026, 11, 23))
    return config


def parsed(raw: bytes):
    return message_from_bytes(raw, policy=policy.default)


def run(config, **kwargs):
    store = Store(config.state_path)
    mailer = SmtpMailer(config.distribution.smtp)
    try:
        return deliver(config, mailer=mailer, store=store, sleep=lambda s: None, **kwargs)
    finally:
        mailer.close()
        store.close()


def ledger(config):
    with Store(config.state_path) as store:
        return store.rows()


def statuses(config) -> dict[str, str]:
    return {r.recipient: r.status for r in ledger(config)}


def test_one_message_per_recipient_with_attachments(mailing, smtp):
    report = run(mailing)
    assert sorted(report.sent) == ["a@example.org", "b@example.org", "c@example.org"]
    assert sorted(e[0] for e in smtp.envelopes) == sorted(report.sent)
    assert all(len(e) == 1 for e in smtp.envelopes)  # nobody sees anybody else
    by_to = {parsed(m)["To"].addresses[0].addr_spec.lower(): parsed(m) for m in smtp.messages}
    b = by_to["b@example.org"]
    assert b["Subject"] == "Mixed Test Brief — 2026-11-23"
    assert b["List-Id"] == "<weekly.briefs.example.org>"
    assert b["List-Unsubscribe"] == "<mailto:leave@example.org>"
    types = sorted(p.get_content_type() for p in b.iter_attachments())
    assert types == [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]
    pdf = next(b.iter_attachments()).get_content()
    assert pdf.startswith(b"%PDF")
    assert "Mixed Test Brief" in b.get_body(("plain",)).get_content().splitlines()[:3]
    assert "China and Taiwan" in b.get_body(("html",)).get_content()
    a = by_to["a@example.org"]
    assert [p.get_content_type() for p in a.iter_attachments()] == ["application/pdf"]
    ids = {m["Message-ID"] for m in by_to.values()}
    assert len(ids) == 3


def test_body_is_the_brief_with_its_chart_inline(mailing, smtp):
    run(mailing)
    message = parsed(smtp.messages[0])
    html = message.get_body(("html",)).get_content()
    data = json.loads((mailing.output_dir / "2026-11-23" / "brief.json").read_text())
    quote = next(q for t in data["topics"] for q in t["quotes"])
    assert " ".join(quote["text"].split()) in " ".join(unescape(html).split())
    assert "<blockquote" in html and "<cite" in html and "chart.png" not in html
    (cid,) = re.findall(r'src="cid:([^"]+)"', html)
    chart = next(p for p in message.walk() if p["Content-ID"] == f"<{cid}>")
    assert chart.get_content() == (mailing.output_dir / "2026-11-23" / "chart.png").read_bytes()
    assert quote["speaker"] in message.get_body(("plain",)).get_content()


def test_each_attachment_is_encoded_once_per_edition(mailing, smtp, monkeypatch):
    """Base64 of the PDF, DOCX and chart happens once for all recipients, and every
    recipient still gets the brief's own bytes."""
    from email.contentmanager import raw_data_manager

    encoded: list[int] = []
    set_bytes = raw_data_manager.set_handlers[bytes]

    def counting(msg, data, *args, **kwargs):
        encoded.append(len(data))
        return set_bytes(msg, data, *args, **kwargs)

    monkeypatch.setitem(raw_data_manager.set_handlers, bytes, counting)
    report = run(mailing)
    assert len(report.sent) == 3
    assert len(encoded) == 3  # pdf, docx, chart: not once per message
    folder = mailing.output_dir / "2026-11-23"
    for raw in smtp.messages:
        files = {p.get_content_type(): p.get_content() for p in parsed(raw).iter_attachments()}
        assert files["application/pdf"] == (folder / "brief.pdf").read_bytes()


def test_rerun_sends_nothing_and_message_ids_are_stable(mailing, smtp):
    run(mailing)
    first = {parsed(m)["To"].addresses[0].addr_spec: parsed(m)["Message-ID"] for m in smtp.messages}
    report = run(mailing)
    assert report.sent == [] and report.already == 3
    assert len(smtp.messages) == 3
    # a rebuild with the same content is the same edition: still nothing new
    build(mailing, as_of=date(2026, 11, 23))
    assert run(mailing).sent == []
    assert len(first) == 3


def test_rejected_address_fails_alone(mailing, smtp):
    smtp.reject.add("c@example.org")
    report = run(mailing)
    assert sorted(report.sent) == ["a@example.org", "b@example.org"]
    assert report.failed == ["c@example.org"]
    rows = {r.recipient: r for r in ledger(mailing)}
    assert rows["c@example.org"].status == "failed"
    assert rows["c@example.org"].last_reply.startswith("550")
    assert run(mailing).failed == [] and len(smtp.messages) == 2


def test_dropped_connection_is_retried(mailing, smtp):
    smtp.drop_at = 1
    report = run(mailing)
    assert len(report.sent) == 3 and len(smtp.messages) == 3
    rows = ledger(mailing)
    assert sorted(r.attempts for r in rows) == [1, 1, 2]


class Crash(Exception):
    """Stands in for the process dying mid-batch."""


class CrashingMailer(SmtpMailer):
    def __init__(self, settings, after: int):
        super().__init__(settings)
        self.left = after

    def send(self, message):
        if self.left == 0:
            raise Crash
        self.left -= 1
        return super().send(message)


def test_crash_mid_batch_resumes_with_the_rest(mailing, smtp):
    store = Store(mailing.state_path)
    crashing = CrashingMailer(mailing.distribution.smtp, after=1)
    with pytest.raises(Crash):
        deliver(mailing, mailer=crashing, store=store)
    crashing.close()  # the dying process's socket
    store.close()
    assert sorted(statuses(mailing).values()) == ["queued", "sending", "sent"]
    report = run(mailing)
    assert len(report.sent) == 2 and report.already == 1
    assert sorted(e[0] for e in smtp.envelopes) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]


def test_unreachable_server_keeps_everyone_queued(mailing, smtp):
    mailing.distribution.smtp.port = free_port()  # nothing listens there
    report = run(mailing)
    assert report.sent == [] and len(report.pending) == 3
    assert set(statuses(mailing).values()) == {"queued"}


def test_dry_run_writes_outbox_and_keeps_ledger_empty(mailing, smtp, cli):
    result = cli("send", mailing._path, "--dry-run")
    assert result.exit_code == 0, result.output
    outbox = mailing.output_dir / "2026-11-23" / "outbox"
    assert sorted(p.name for p in outbox.iterdir()) == [
        "a@example.org.eml",
        "b@example.org.eml",
        "c@example.org.eml",
    ]
    assert smtp.messages == []
    assert "no deliveries yet" in cli("deliveries", mailing._path).output
    sent = cli("send", mailing._path)
    assert sent.exit_code == 0 and "3 sent" in sent.output
    ledger = cli("deliveries", mailing._path)
    assert ledger.output.count(" sent ") == 3


def test_header_injection_is_neutralised(mailing, smtp):
    mailing.distribution.subject = "{{ title }}\r\nBcc: evil@example.org"
    run(mailing)
    for raw in smtp.messages:
        message = parsed(raw)
        assert message["Bcc"] is None
        assert "\n" not in message["Subject"] and "evil" in message["Subject"]


def test_thin_brief_is_held(mailing, smtp):
    mailing.distribution.min_sources = 50
    report = run(mailing)
    assert report.held and "fewer than min_sources 50" in report.held
    assert smtp.messages == []


def test_address_errors_name_the_line(tmp_path: Path):
    (tmp_path / "people.txt").write_text("ok@example.org\n# a comment\nnot-an-address\n")
    config = tmp_path / "c.yaml"
    config.write_text(
        "title: T\nsources: [s]\ntopics: [{name: A, keywords: [a]}]\n"
        "distribution:\n  smtp: {host: localhost}\n  from: briefs@example.org\n  lists:\n"
        "    one: {recipients: [good@example.org, 'bad@@example']}\n"
        "    two: {recipients_file: people.txt}\n"
    )
    with pytest.raises(ConfigError) as err:
        load_config(config)
    assert err.value.problems[0].startswith(f"{config}:8: distribution.lists.one.recipients: ")
    config.write_text(config.read_text().replace(", 'bad@@example'", ""))
    with pytest.raises(ConfigError) as err:
        load_config(config)
    assert err.value.problems == [
        f"{tmp_path / 'people.txt'}:3: not an email address: 'not-an-address'"
    ]


def test_missing_password_variable_is_one_clear_error(mailing, monkeypatch):
    monkeypatch.delenv("BRIEFING_TEST_PASSWORD", raising=False)
    mailing.distribution.smtp.username = "briefs"
    mailing.distribution.smtp.password_env = "BRIEFING_TEST_PASSWORD"
    with pytest.raises(DeliveryError, match="BRIEFING_TEST_PASSWORD is not set"):
        send_brief(mailing)


def send_in_background(config) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "send", str(config._path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_two_sends_at_once_mail_each_recipient_once(mailing, smtp):
    people = "".join(f"p{i}@example.org\n" for i in range(40))
    (mailing._path.parent / "analysts.csv").write_text("email\n" + people)
    smtp.delay = 0.02  # the runs overlap
    runs = [send_in_background(mailing) for _ in range(2)]
    outputs = [r.communicate(timeout=120)[0] for r in runs]
    copies = Counter(e[0] for e in smtp.envelopes)
    assert len(copies) == 42 and set(copies.values()) == {1}, outputs
    assert [r.returncode for r in runs] == [0, 0], outputs
    assert sorted(o.split("sent")[0].split(": ")[-1] for o in outputs) == ["0 ", "42 "]
    assert set(statuses(mailing).values()) == {"sent"}


def test_a_reply_after_the_time_out_is_unknown_and_resent_at_most_once(mailing, smtp):
    mailing.distribution.smtp.timeout = 0.3
    smtp.delay = 1.0  # takes each message, answers after the client has given up
    waits: list[float] = []
    store = Store(mailing.state_path)
    mailer = SmtpMailer(mailing.distribution.smtp)
    try:
        report = deliver(mailing, mailer=mailer, store=store, sleep=waits.append)
    finally:
        mailer.close()
        store.close()
    time.sleep(smtp.delay)  # let the server finish its last message
    assert report.sent == [] and report.failed == [] and len(report.unknown) == 3
    assert waits and min(waits) > mailing.distribution.smtp.timeout
    copies = Counter(parsed(m)["Message-ID"] for m in smtp.messages)
    assert len(copies) == 3 and set(copies.values()) == {2}  # one resend, same Message-ID
    rows = ledger(mailing)
    assert {r.status for r in rows} == {"unknown"} and {r.attempts for r in rows} == {2}
    assert all("after the message was sent" in r.last_reply for r in rows)
    again = run(mailing)  # a rerun does not mail an 'unknown' recipient again
    assert again.sent == [] and again.unknown == [] and again.already == 3
    time.sleep(smtp.delay)
    assert len(smtp.messages) == 6


def test_a_server_outage_uses_no_attempts_and_exits_non_zero(mailing, smtp, cli):
    port = free_port()  # nothing listens there
    path = mailing._path
    data = yaml.safe_load(path.read_text())
    data["distribution"]["smtp"]["port"] = port
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    for _ in range(6):  # more runs than max_attempts
        result = cli("send", path)
        assert result.exit_code == 1 and "3 still queued" in result.output
    rows = ledger(mailing)
    assert {r.status for r in rows} == {"queued"} and {r.attempts for r in rows} == {0}


@pytest.mark.parametrize(
    "line",
    [
        "a@example.org, b@example.org",  # two on one line: not one kept and one dropped
        "a@example.org\u2028b@example.org",  # line separators other than \n add no one
        "a@example.org\x85b@example.org",
        "a@example.org\x0bb@example.org",
        "../../evil@example.org",
    ],
)
def test_a_list_line_is_one_address_or_an_error_naming_it(tmp_path: Path, line):
    (tmp_path / "people.txt").write_text(f"ok@example.org\n{line}\nlast@example.org\n")
    found, problems = read_recipients(tmp_path / "people.txt")
    assert [r.address for r in found] == ["ok@example.org", "last@example.org"]
    assert len(problems) == 1 and problems[0].startswith(f"{tmp_path / 'people.txt'}:2: ")


def test_a_dry_run_writes_only_inside_the_outbox(mailing, smtp, cli):
    path = mailing._path
    data = yaml.safe_load(path.read_text())
    data["distribution"]["lists"]["leadership"]["recipients"] = ["x/../../../escape@example.org"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    assert cli("send", path, "--dry-run").exit_code == 0
    outbox = mailing.output_dir / "2026-11-23" / "outbox"
    written = list(path.parent.rglob("*.eml"))
    assert len(written) == 3 and {p.parent for p in written} == {outbox}
