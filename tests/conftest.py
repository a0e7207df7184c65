"""Shared fixtures: fixture projects copied to tmp_path, ../shared when it is there."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = Path(__file__).resolve().parent / "projects"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "state-dept-2021-2022"
SEED = SHARED / "seed" / "000_a27886f3ef3468ef.txt"

needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared is not beside the repo")


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory):
    """Fixtures built once per module read a cache of the test run's own too: the function
    fixture below is set up after them, and the user's cache may hold another version's
    documents."""
    patch = pytest.MonkeyPatch()
    patch.setenv("BRIEFING_CACHE", str(tmp_path_factory.mktemp("session-cache")))
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory, monkeypatch):
    """Each test has its own document cache (never the user's real one in ~/.cache)."""
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def project(tmp_path: Path):
    """Copy a fixture project into tmp_path and return its folder."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(PROJECTS / name, target)
        return target

    return copy


@pytest.fixture
def cli():
    """Run the CLI in-process; returns click's Result."""

    def run(*args: str):
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)

    return run


def assert_verbatim(q, text):
    """Every part is the source's text; the quote is its parts in order, with only a space or
    an ellipsis between them."""
    pattern = r"(?: | … )".join(re.escape(text[s:e]) for s, e in q.parts)
    assert re.fullmatch(pattern, q.text), (q.text, q.parts)
    assert q.parts[0][0] == q.start and q.parts[-1][1] == q.end
