"""Send one brief to 1,000 recipients through a local SMTP server (aiosmtpd on 127.0.0.1).

Prints messages per second for `briefing`'s ledgered delivery, which encodes each attachment
and inline image once per edition, against the same delivery encoding them again for every
message (as it did before), alternated, with the ratio per pair; and, as a floor, a bare
smtplib loop sending one prebuilt message over one connection. Each delivery must leave
exactly 1,000 'sent' rows in its own ledger. Bounded: loopback only, 1,000 messages a run.

Run: python benchmarks/send.py [--pairs 3]
"""

from __future__ import annotations

import argparse
import logging
import shutil
import smtplib
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from email import policy
from email.message import EmailMessage
from pathlib import Path

import yaml
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[1]
N = 1000


class Sink:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.count += 1
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EncodedEachTime(dict):
    """Attachments kept as bytes and encoded again whenever a message takes one: the
    behaviour before parts were shared."""

    def __getitem__(self, fmt: str) -> EmailMessage:
        part = super().__getitem__(fmt)
        fresh = EmailMessage()
        fresh.set_content(
            part.get_content(),
            maintype=part.get_content_maintype(),
            subtype=part.get_content_subtype(),
            filename=part.get_filename(),
        )
        return fresh


class ImagesEncodedEachTime(tuple):
    def __iter__(self) -> Iterator[EmailMessage]:
        for part in super().__iter__():
            fresh = EmailMessage()
            fresh.set_content(
                part.get_content(),
                part.get_content_maintype(),
                part.get_content_subtype(),
                cid=part["Content-ID"],
                disposition="inline",
            )
            yield fresh


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=3)
    pairs = parser.parse_args().pairs
    logging.disable(logging.WARNING)
    from dataclasses import replace

    import briefing.deliver
    from briefing.build import build
    from briefing.config import load_config
    from briefing.deliver import audience, compose, deliver, find_edition, shared_parts
    from briefing.mailers import SmtpMailer
    from briefing.store import Store

    def each_time(*args, **kwargs):  # type: ignore[no-untyped-def]
        parts = shared_parts(*args, **kwargs)
        return replace(
            parts,
            attachments=EncodedEachTime(parts.attachments),
            images=ImagesEncodedEachTime(parts.images),
        )

    def send(config, ledger: Path, old: bool) -> tuple[float, int]:  # type: ignore[no-untyped-def]
        briefing.deliver.shared_parts = each_time if old else shared_parts  # type: ignore[assignment]
        mailer, store = SmtpMailer(config.distribution.smtp), Store(ledger)
        try:
            start = time.perf_counter()
            report = deliver(config, mailer=mailer, store=store)
            elapsed = time.perf_counter() - start
            sent = sum(1 for r in store.rows() if r.status == "sent")
        finally:
            mailer.close()
            store.close()
            briefing.deliver.shared_parts = shared_parts  # type: ignore[assignment]
        return elapsed, min(sent, len(report.sent))

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            shutil.copytree(ROOT / "examples" / "sources", folder / "sources")
            (folder / "people.txt").write_text(
                "".join(f"reader{i}@example.org\n" for i in range(N))
            )
            (folder / "config.yaml").write_text(
                yaml.safe_dump(
                    {
                        "title": "Benchmark brief",
                        "sources": ["sources"],
                        "output": "out",
                        "formats": ["pdf", "json"],
                        "topics": [{"name": "Russia", "keywords": ["Russia"]}],
                        "distribution": {
                            "smtp": {
                                "host": "127.0.0.1",
                                "port": controller.port,
                                "security": "none",
                            },
                            "from": "briefs@example.org",
                            "lists": {"all": {"recipients_file": "people.txt", "attach": ["pdf"]}},
                        },
                    }
                )
            )
            config = load_config(folder / "config.yaml")
            build(config, as_of=date(2026, 11, 23))

            edition = find_edition(config.output_dir)
            recipient, attach = next(iter(audience(config).values()))
            assert config.distribution
            message = compose(
                edition,
                recipient,
                attach,
                config.distribution,
                date=__import__("datetime").datetime.now(),
            )
            raw = message.as_bytes(policy=policy.SMTP)
            start = time.perf_counter()
            with smtplib.SMTP("127.0.0.1", controller.port) as smtp:
                for i in range(N):
                    smtp.sendmail("briefs@example.org", [f"reader{i}@example.org"], raw)
            baseline = time.perf_counter() - start

            people = list(audience(config).values())
            dist = config.distribution

            def compose_all(parts) -> float:  # type: ignore[no-untyped-def]
                """CPU seconds to compose and serialise every recipient's message."""
                start = time.process_time()
                for recipient, formats in people:
                    compose(edition, recipient, formats, dist, date=stamp, parts=parts).as_bytes(
                        policy=policy.SMTP
                    )
                return time.process_time() - start

            stamp = __import__("datetime").datetime.now()
            formats = {f for _, fs in people for f in fs}
            composed = [
                (
                    compose_all(shared_parts(edition, dist, formats)),
                    compose_all(each_time(edition, dist, formats)),
                )
                for _ in range(pairs)
            ]

            before = sink.count
            runs: list[tuple[float, float]] = []
            complete = True
            for i in range(pairs):
                new, new_sent = send(config, folder / f"ledger-new-{i}.sqlite", old=False)
                old, old_sent = send(config, folder / f"ledger-old-{i}.sqlite", old=True)
                runs.append((new, old))
                complete = complete and new_sent == old_sent == N
            received = sink.count - before
    finally:
        controller.stop()
    ratios = [old / new for new, old in composed]
    print(
        f"compose + serialise {N} messages, CPU, {pairs} alternated pairs: encoded once median "
        f"{statistics.median(new for new, _ in composed):.2f} s, encoded per message median "
        f"{statistics.median(old for _, old in composed):.2f} s; before / now per pair median "
        f"{statistics.median(ratios):.2f}x (range {min(ratios):.2f}–{max(ratios):.2f})"
    )
    new_median = statistics.median(new for new, _ in runs)
    old_median = statistics.median(old for _, old in runs)
    ratios = [old / new for new, old in runs]
    print(
        f"briefing send, {N} recipients (compose + ledger + SMTP), attachments encoded once: "
        f"median {new_median:.2f} s, {N / new_median:.0f} messages/s"
    )
    print(
        f"the same, attachments encoded again for every message (before): "
        f"median {old_median:.2f} s, {N / old_median:.0f} messages/s"
    )
    print(
        f"ratio before / now per pair, {pairs} alternated pairs: median "
        f"{statistics.median(ratios):.2f}x (range {min(ratios):.2f}–{max(ratios):.2f})"
    )
    print(
        f"floor, bare smtplib loop of one prebuilt message: {baseline:.2f} s, "
        f"{N / baseline:.0f} messages/s; ratio briefing / floor {new_median / baseline:.2f}x"
    )
    print(
        f"every delivery left {N} 'sent' rows: {'yes' if complete else 'NO'}; "
        f"server received {received} (expected {2 * pairs * N})"
    )
    return 0 if complete and received == 2 * pairs * N else 1


if __name__ == "__main__":
    sys.exit(main())
