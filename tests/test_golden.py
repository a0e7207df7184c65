"""Golden files for rendered output: normalised DOCX paragraphs, PDF text, text and HTML.

Regenerate after an intended change with `make golden` (UPDATE_GOLDEN=1 pytest -k golden),
then read the diff before committing it.
"""

from __future__ import annotations

import os
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from briefing.build import build
from briefing.config import load_config

GOLDEN = Path(__file__).parent / "golden"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_outline(path: Path) -> str:
    """One line per paragraph: its style and text (links shown as [text](target))."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    lines = []
    for p in root.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        parts = []
        for node in p.iter(f"{W}t", f"{W}hyperlink", f"{W}instrText"):
            if node.tag == f"{W}t" and node.getparent().getparent().tag != f"{W}hyperlink":
                parts.append(node.text or "")
            elif node.tag == f"{W}hyperlink":
                text = "".join(t.text or "" for t in node.iter(f"{W}t"))
                parts.append(f"[{text}]({node.get(f'{W}anchor') or 'external'})")
            elif node.tag == f"{W}instrText":
                parts.append(f"{{field:{(node.text or '').strip()}}}")
        name = style.get(f"{W}val") if style is not None else "Normal"
        lines.append(f"{name}: {''.join(parts)}".rstrip())
    return "\n".join(lines) + "\n"


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return (
        "\n".join(f"--- page {i}\n{page.extract_text()}" for i, page in enumerate(reader.pages, 1))
        + "\n"
    )


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    import shutil

    root = tmp_path_factory.mktemp("golden")
    shutil.copytree(Path(__file__).parent / "projects" / "mixed", root / "mixed")
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1795000000"
    try:
        result = build(load_config(root / "mixed" / "config.yaml"), as_of=date(2026, 11, 23))
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
    folder = result.out_dir

    def clean(text: str) -> str:
        # the chart's bytes depend on the machine's fonts: keep only that it is inlined
        text = re.sub(r"(data:image/\w+;base64,)[A-Za-z0-9+/=]+", r"\1…", text)
        return text.replace(str(root), "<tmp>")

    return {
        "mixed.docx.txt": clean(docx_outline(folder / "brief.docx")),
        "mixed.pdf.txt": clean(pdf_text(folder / "brief.pdf")),
        "mixed.txt": clean((folder / "brief.txt").read_text()),
        "mixed.html": clean((folder / "brief.html").read_text()),
    }


@pytest.mark.parametrize("name", ["mixed.docx.txt", "mixed.pdf.txt", "mixed.txt", "mixed.html"])
def test_golden(outputs, name):
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(outputs[name])
    assert path.is_file(), f"no golden file {path}; run `make golden`"
    assert outputs[name] == path.read_text(), f"{name} differs; if intended, run `make golden`"
