"""Mailers: SMTP for real, an outbox folder of .eml files for dry runs."""

from __future__ import annotations

import logging
import os
import re
import smtplib
import ssl
from email import policy
from email.message import EmailMessage
from pathlib import Path

from briefing.config import Smtp
from briefing.errors import (
    ConnectError,
    DeliveryError,
    PermanentError,
    TransientError,
    UnknownOutcome,
)

log = logging.getLogger(__name__)


class SmtpMailer:
    """One SMTP connection, opened on first use and again after it drops."""

    def __init__(self, settings: Smtp):
        self.settings = settings
        self.password = os.environ.get(settings.password_env) if settings.password_env else None
        if settings.password_env and self.password is None:
            raise DeliveryError(
                f"environment variable {settings.password_env} is not set "
                "(distribution.smtp.password_env)"
            )
        self.smtp: smtplib.SMTP | None = None

    def _context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if not self.settings.verify_tls:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        try:
            if s.security == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.effective_port, timeout=s.timeout, context=self._context()
                )
            else:
                smtp = smtplib.SMTP(s.host, s.effective_port, timeout=s.timeout)
                if s.security == "starttls":
                    smtp.starttls(context=self._context())
            if s.username:
                smtp.login(s.username, self.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(f"SMTP login refused for {s.username}: {exc.smtp_code}") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise ConnectError(f"cannot connect to {s.host}:{s.effective_port}: {exc}") from None
        return smtp

    def send(self, message: EmailMessage) -> str:
        """Send one message to its one To: address; return the server's final reply."""
        if self.smtp is None:
            self.smtp = self._connect()
        sender = message["From"].addresses[0].addr_spec
        recipient = message["To"].addresses[0].addr_spec
        try:
            self.smtp.ehlo_or_helo_if_needed()
            self._check(*self.smtp.mail(sender))
            self._check(*self.smtp.rcpt(recipient))
            code, reply = self.smtp.docmd("DATA")
            self._check(code, reply)
            if code != 354:
                raise TransientError(f"unexpected reply to DATA: {code}")
            code, reply = self._data(message.as_bytes(policy=policy.SMTP))
            self._check(code, reply)
            return f"{code} {reply.decode(errors='replace')}"
        except UnknownOutcome:
            self._drop()  # the session is in an unknown state
            raise
        except smtplib.SMTPResponseException as exc:
            self._reset()
            raise _classify(exc.smtp_code, exc.smtp_error) from None
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self._drop()  # reconnect next time
            raise TransientError(f"connection lost: {exc}") from None
        except (TransientError, PermanentError):
            self._reset()
            raise

    def _data(self, content: bytes) -> tuple[int, bytes]:
        """Send the message after the 354; from here on a lost reply means the server may
        have taken the message, so it is an UnknownOutcome, not a failure to retry."""
        assert self.smtp
        body = re.sub(rb"(?m)^\.", b"..", content)
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
        self.smtp.send(body + b".\r\n")
        try:
            return self.smtp.getreply()
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            timeout = self.settings.timeout
            raise UnknownOutcome(
                f"no reply within {timeout} s after the message was sent: {exc}"
            ) from None

    @staticmethod
    def _check(code: int, reply: bytes) -> None:
        if code >= 400:
            raise _classify(code, reply)

    def _reset(self) -> None:
        try:
            if self.smtp:
                self.smtp.rset()
        except (OSError, smtplib.SMTPException):
            self._drop()

    def _drop(self) -> None:
        if self.smtp:
            self.smtp.close()
        self.smtp = None

    def close(self) -> None:
        """Say goodbye to the server."""
        if self.smtp:
            try:
                self.smtp.quit()
            except (OSError, smtplib.SMTPException):
                pass
            self.smtp = None


def _classify(code: int, reply: bytes | str) -> Exception:
    text = reply.decode(errors="replace") if isinstance(reply, bytes) else reply
    message = f"{code} {text}"
    return PermanentError(message) if 500 <= code < 600 else TransientError(message)


class OutboxMailer:
    """Writes each message as an .eml file instead of sending it (dry runs)."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def send(self, message: EmailMessage) -> str:
        """Write the message to the outbox; the file name is its recipient."""
        recipient = message["To"].addresses[0].addr_spec
        safe = re.sub(r"[^\w@+.-]", "_", recipient.lower()).lstrip(".")  # no path in a name
        path = self.folder / f"{safe}.eml"
        tmp = path.with_suffix(".eml.tmp")
        tmp.write_bytes(message.as_bytes(policy=policy.SMTP))
        tmp.replace(path)
        return f"written to {path}"

    def close(self) -> None:
        """Nothing to close."""
