"""Send one brief to 1,000 recipients through a local SMTP server (aiosmtpd on 127.0.0.1).

Prints messages per second for `briefing`'s ledgered delivery and, as a same-run baseline,
for a bare smtplib loop sending the same message over one connection; then checks that the
ledger holds exactly 1,000 'sent' rows. Bounded: 1,000 messages each way, loopback only.

Run: python benchmarks/send.py
"""

from __future__ import annotations

import logging
import shutil
import smtplib
import socket
import sys
import tempfile
import time
from datetime import date
from email import policy
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


def main() -> int:
    logging.disable(logging.WARNING)
    from briefing.build import build
    from briefing.config import load_config
    from briefing.deliver import audience, compose, find_edition, send_brief
    from briefing.store import Store

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

            before = sink.count
            start = time.perf_counter()
            report = send_brief(config)
            ours = time.perf_counter() - start
            with Store(config.state_path) as store:
                sent_rows = sum(1 for r in store.rows() if r.status == "sent")
            received = sink.count - before
    finally:
        controller.stop()
    print(
        f"briefing send, {N} recipients (compose + ledger + SMTP): {ours:.2f} s, "
        f"{N / ours:.0f} messages/s"
    )
    print(
        f"baseline, bare smtplib loop of one prebuilt message: {baseline:.2f} s, "
        f"{N / baseline:.0f} messages/s"
    )
    print(f"ratio briefing / baseline time: {ours / baseline:.2f}x")
    print(
        f"ledger 'sent' rows: {sent_rows} (expected {N}); server received {received}; "
        f"report sent {len(report.sent)}"
    )
    return 0 if sent_rows == N == received else 1


if __name__ == "__main__":
    sys.exit(main())
