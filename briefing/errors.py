"""Exceptions raised by briefing.

BriefingError            every error the CLI reports as one "Error: …" line
├── ConfigError          the YAML config is missing, unreadable or invalid (lists every problem)
├── SourceError          a source file cannot be read or decoded (the build skips it)
├── RenderError          a brief cannot be written in one of its formats
└── DeliveryError        a brief cannot be sent (no brief built, no distribution, SMTP login)

MailError                one message was not sent (the ledger records it; the run goes on)
├── TransientError       worth trying again: 4xx replies, dropped connections, time-outs
│   └── ConnectError     the server cannot be reached at all
├── PermanentError       this recipient cannot be reached: 5xx replies
└── UnknownOutcome       the message was sent but no reply came: it may have been delivered
"""


class BriefingError(Exception):
    """Base class: a problem the user can fix, reported without a traceback."""


class ConfigError(BriefingError):
    """The config is invalid; ``problems`` holds one ``FILE:LINE: key: message`` per error."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class SourceError(BriefingError):
    """A source file could not be read."""


class RenderError(BriefingError):
    """A brief could not be written."""


class DeliveryError(BriefingError):
    """A brief could not be sent at all."""


class MailError(Exception):
    """One message was not (known to be) sent."""


class TransientError(MailError):
    """Worth trying again later: 4xx replies, refused or dropped connections, time-outs."""


class ConnectError(TransientError):
    """The server cannot be reached at all: stop this run, keep everyone queued."""


class PermanentError(MailError):
    """This recipient cannot be reached: 5xx replies."""


class UnknownOutcome(MailError):
    """The whole message went to the server but its reply never came: it may be delivered."""
