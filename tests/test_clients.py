"""Open the output with real clients: pdftotext, qpdf, pdffonts and LibreOffice."""

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from briefing.build import build
from briefing.config import load_config


def tool(name: str):
    return pytest.mark.skipif(shutil.which(name) is None, reason=f"{name} is not installed")


@pytest.fixture(scope="module")
def brief(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("clients")
    shutil.copytree(Path(__file__).parent / "projects" / "mixed", root / "mixed")
    result = build(
        load_config(root / "mixed" / "config.yaml"),
        as_of=date(2026, 11, 23),
        formats=["pdf", "docx"],
    )
    return result.out_dir


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=180).stdout


@tool("pdftotext")
def test_pdftotext_reads_headings(brief):
    text = run("pdftotext", "-layout", str(brief / "brief.pdf"), "-")
    assert "China and Taiwan" in text and "Page 2 of" in text


@tool("qpdf")
def test_qpdf_check_passes(brief):
    assert "No syntax or stream encoding errors" in run("qpdf", "--check", str(brief / "brief.pdf"))


@tool("pdffonts")
def test_every_font_is_embedded(brief):
    rows = run("pdffonts", str(brief / "brief.pdf")).splitlines()[2:]
    assert rows
    for row in rows:
        # columns: name type encoding emb sub uni object ID
        assert row.split()[-5] == "yes", row


@tool("libreoffice")
def test_libreoffice_opens_the_docx(brief, tmp_path):
    subprocess.run(
        [
            "libreoffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(brief / "brief.docx"),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    converted = tmp_path / "brief.pdf"
    assert converted.is_file()
    if shutil.which("pdftotext"):
        text = run("pdftotext", str(converted), "-")
        assert "Mixed Test Brief" in text and "China and Taiwan" in text
