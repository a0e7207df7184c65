"""Hostile input and faults: a brief never writes or deletes outside its own folder, bad
characters in sources never crash a writer or the cache, broken state is one error line."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import yaml

from briefing.build import brief_lock, build
from briefing.config import load_config
from briefing.errors import ConfigError, SourceError
from briefing.ingest import PARALLEL_FROM, read_file


def edit_config(folder: Path, **changes) -> Path:
    path = folder / "config.yaml"
    data = yaml.safe_load(path.read_text())
    data.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


@pytest.mark.parametrize("name", ["../victim", "/tmp/victim", "a/b", "..", "x\x00y"])
def test_a_brief_name_with_a_path_in_it_is_a_config_error(project, cli, name):
    folder = project("mixed")
    path = edit_config(folder, name=name)
    with pytest.raises(ConfigError, match="plain folder name"):
        load_config(path)
    result = cli("check", path)
    assert result.exit_code == 1 and "plain folder name" in result.output


def test_prune_leaves_dated_folders_it_did_not_write(project):
    folder = project("mixed")
    config = load_config(edit_config(folder, keep=1, formats=["json"]))
    mine = config.output_dir / "2020-01-01"
    mine.mkdir(parents=True)
    (mine / "photo.jpg").write_bytes(b"keep me")
    build(config, as_of=date(2026, 11, 22))
    build(config, as_of=date(2026, 11, 23))
    assert (mine / "photo.jpg").read_bytes() == b"keep me"
    assert not (config.output_dir / "2026-11-22").exists()  # its own old edition is pruned
    assert (config.output_dir / "2026-11-23" / "brief.json").is_file()


SLOW_BUILD = """
import os, sys, time
from pathlib import Path
import briefing.ingest
from briefing.build import brief_lock, build
from briefing.config import load_config

def slow(path, data):
    (Path(sys.argv[2]) / str(os.getpid())).touch()
    time.sleep(60)

briefing.ingest.parse = slow
build(load_config(Path(sys.argv[1])))
"""


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_a_build_killed_during_the_parallel_parse_leaves_no_worker_or_lock(
    project, tmp_path, signum
):
    folder = project("mixed")
    for i in range(PARALLEL_FROM + 6):
        (folder / "sources" / f"extra-{i}.txt").write_text(f"Note {i} on Russia.\n")
    config = load_config(edit_config(folder, formats=["json"]))
    seen = tmp_path / "workers"
    seen.mkdir()
    script = tmp_path / "slow_build.py"
    script.write_text(SLOW_BUILD)
    parent = subprocess.Popen([sys.executable, str(script), str(config._path), str(seen)])
    deadline = time.monotonic() + 30
    while not any(seen.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any(seen.iterdir()), "the workers never started"
    parent.send_signal(signum)
    parent.wait(timeout=10)
    workers = [int(p.name) for p in seen.iterdir()]
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)
    with brief_lock(config.output_dir, wait=False):  # the next build is not blocked
        pass


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


HOSTILE_MD = (
    "---\n"
    'title: "Russia \\ud83d talks \\x1b[31m\\u202eevil"\n'
    "date: 2026-11-21\n"
    "url: javascript:alert(1)\n"
    "---\n\n"
    "Moscow said on Friday that Russia\x0b would\x0c answer \x1b[0m the Kremlin's critics.\n\n"
    + "The talks in Moscow went on. " * 200  # a NUL in the first 4 KB is a binary file
    + "\x00 Russia said no.\n"
)
HOSTILE_HTML = (
    '<html><head><script type="application/ld+json">'
    '{"@type": "NewsArticle", "headline": "Kremlin \\ud800 \\u0000 note", '
    '"datePublished": "2026-11-21"}'
    "</script></head><body><p>Russia and the Kremlin\x0b spoke\x1b again.</p></body></html>"
)


def test_control_characters_and_lone_surrogates_reach_no_writer(project, cli):
    folder = project("mixed")
    (folder / "sources" / "hostile.md").write_text(HOSTILE_MD)
    (folder / "sources" / "hostile.html").write_text(HOSTILE_HTML)
    path = edit_config(folder, formats=["pdf", "docx", "html", "txt", "json"])
    for _ in range(2):  # the second build reads the documents from the cache
        result = cli("build", path, "--as-of", "2026-11-23")
        assert result.exit_code == 0, result.output
    out = load_config(path).output_dir / "2026-11-23"
    html = (out / "brief.html").read_text()
    assert "javascript:" not in html
    for name in ("brief.html", "brief.txt", "brief.json"):
        text = (out / name).read_text()
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\u202e]", text), name
    data = json.loads((out / "brief.json").read_text())
    titles = [s["title"] for s in data["sources"]]
    assert "Russia \ufffd talks [31mevil" in titles and "Kremlin \ufffd note" in titles


def test_a_file_name_that_is_not_utf8_is_skipped_with_a_reason(project, cli):
    folder = project("mixed")
    name = os.fsdecode(b"2026-11-22_caf\xe9-Russia.txt")
    (folder / "sources" / name).write_text("Russia and the Kremlin met in Moscow.\n")
    # no window: `run --once` builds as of today, and an empty build would be an error
    path = edit_config(folder, formats=["json", "html", "txt"], window_days=None)
    result = cli("build", path, "--as-of", "2026-11-23")
    assert result.exit_code == 0, result.output
    listing = cli("sources", path)
    assert listing.exit_code == 0 and "not valid UTF-8" in listing.output
    assert cli("run", path, "--once").exit_code == 0


def test_a_corrupt_document_cache_is_rebuilt(project, cli):
    folder = project("mixed")
    path = edit_config(folder, formats=["json"])
    config = load_config(path)
    assert cli("build", path, "--as-of", "2026-11-23").exit_code == 0
    config.cache_path.write_bytes(b"not a database at all" * 100)
    for _ in range(2):
        result = cli("build", path, "--as-of", "2026-11-23")
        assert result.exit_code == 0, result.output


def test_a_corrupt_state_file_is_one_error_line_naming_it(project, cli):
    folder = project("mixed")
    path = edit_config(folder, formats=["json"])
    config = load_config(path)
    config.state_path.parent.mkdir(parents=True)
    config.state_path.write_bytes(b"garbage" * 200)
    result = cli("run", path, "--once")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert errors and str(config.state_path) in errors[0] and "Traceback" not in result.output


def test_a_full_disk_is_one_error_line_and_keeps_the_last_brief(project, cli, monkeypatch):
    folder = project("mixed")
    path = edit_config(folder, formats=["json"])
    assert cli("build", path, "--as-of", "2026-11-23").exit_code == 0
    brief = load_config(path).output_dir / "2026-11-23" / "brief.json"
    before = brief.read_bytes()

    def full(brief, folder, formats, options):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder / "brief.json"))

    monkeypatch.setattr("briefing.build.render", full)
    result = cli("build", path, "--as-of", "2026-11-23")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith("Error: ") and "No space left on device" in result.output
    assert "brief.json" in result.output and brief.read_bytes() == before


def test_a_fifo_or_a_link_to_dev_zero_in_the_sources_is_skipped(project, cli):
    folder = project("mixed")
    os.mkfifo(folder / "sources" / "pipe.txt")
    (folder / "sources" / "zero.txt").symlink_to("/dev/zero")
    path = edit_config(folder, formats=["json"])
    for command in (["build", path, "--as-of", "2026-11-23"], ["sources", path]):
        done = subprocess.run(  # in a child process, so that a hang fails instead of blocking
            [sys.executable, "-m", "briefing", *map(str, command)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
    assert done.stdout.count("not a regular file") == 2


def alias_bomb(levels: int = 9) -> str:
    """YAML whose last key 'x9' expands to 9**levels strings through aliases of aliases."""
    lines = ["x0: &x0 lol"]
    for n in range(1, levels + 1):
        lines.append(f"x{n}: &x{n} [{', '.join([f'*x{n - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_in_the_config_is_an_error(project):
    folder = project("mixed")
    path = folder / "config.yaml"
    path.write_text(path.read_text() + alias_bomb() + "label: *x9\n")
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "aliases nested too deep" in done.stderr


def test_a_duplicate_key_in_the_config_is_an_error_naming_its_line(project):
    folder = project("mixed")
    path = folder / "config.yaml"
    path.write_text("title: First\n" + path.read_text())
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert err.value.problems == [f"{path}:2: invalid YAML: duplicate key 'title'"]


def test_a_yaml_alias_bomb_in_front_matter_is_not_expanded(project):
    folder = project("mixed")
    note = folder / "sources" / "bomb.md"
    front = f"title: Russia bomb note\n{alias_bomb()}author: *x9\n"
    note.write_text(f"---\n{front}---\n\nRussia spoke.\n")
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, str(note)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Russia bomb note ()"


LIMITED = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from briefing.ingest import read_file
doc = read_file(Path(sys.argv[1]))
print(doc.title, doc.authors)
"""


def test_a_source_over_the_size_cap_is_skipped(project, monkeypatch):
    folder = project("mixed")
    (folder / "sources" / "huge.txt").write_text("Russia " * 400)
    monkeypatch.setattr("briefing.ingest.MAX_SOURCE_BYTES", 1000)
    config = load_config(edit_config(folder, formats=["json"]))
    result = build(config, as_of=date(2026, 11, 23))
    reasons = {s.path.name: s.reason for s in result.skipped}
    assert reasons["huge.txt"].startswith("larger than")


def test_a_busy_lock_names_its_holder(tmp_path):
    with brief_lock(tmp_path, wait=True):
        child = subprocess.run(
            [sys.executable, "-c", BUSY, str(tmp_path)], capture_output=True, text=True, timeout=30
        )
    assert f"another process is building {tmp_path.name} (pid {os.getpid()})" in child.stdout


BUSY = """
import sys
from pathlib import Path
from briefing.build import brief_lock
from briefing.errors import BriefingError
try:
    with brief_lock(Path(sys.argv[1]), wait=False):
        print("got it")
except BriefingError as exc:
    print(exc)
"""


def encrypted_pdf(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    plain = io.BytesIO()
    page = canvas.Canvas(plain)
    page.drawString(72, 720, "Russia and the Kremlin answered the sanctions on Monday.")
    page.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain.getvalue())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_with_an_empty_user_password_is_read(tmp_path):
    opened = tmp_path / "open.pdf"
    opened.write_bytes(encrypted_pdf(""))
    assert "Kremlin answered" in read_file(opened).text
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted_pdf("secret"))
    with pytest.raises(SourceError, match="needs a password"):
        read_file(locked)


def test_a_topic_name_with_a_line_break_is_a_config_error(project):
    folder = project("mixed")
    path = folder / "config.yaml"
    path.write_text(path.read_text().replace("- name: Antarctica", '- name: "Ant\\narctica"'))
    with pytest.raises(ConfigError, match="topic name is one line"):
        load_config(path)


@pytest.mark.parametrize("odd", ["\x00", "\x0c", "\x1b", "\x7f", "\ud800", "\udfff", "\ufffe"])
def test_clean_text_quick_check_sees_every_replaced_character(odd):
    from briefing.ingest.clean import CONTROL, UNENCODABLE, clean_text

    text = f"Kremlin’s{odd}note\n\tend\r"
    assert clean_text(text) == UNENCODABLE.sub("\ufffd", CONTROL.sub(" ", text)) != text
    assert clean_text("Kremlin’s note\n\tend\r") == "Kremlin’s note\n\tend\r"
