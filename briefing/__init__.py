"""briefing: policy briefs from a folder of sources and a YAML config."""

__version__ = "0.1.0"
