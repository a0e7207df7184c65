"""Exceptions raised by briefing.

BriefingError            every error the CLI reports as one "Error: …" line
├── ConfigError          the YAML config is missing, unreadable or invalid (lists every problem)
├── SourceError          a source file cannot be read or decoded (the build skips it)
├── RenderError          a brief cannot be written in one of its formats
└── DeliveryError        a brief cannot be sent (no brief built, no distribution, SMTP login)
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
