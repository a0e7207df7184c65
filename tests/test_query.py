"""The topic query language, alone and through a build."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from briefing.build import build
from briefing.config import load_config
from briefing.errors import ConfigError
from briefing.model import Document, Turn
from briefing.query import matches, parse


def count(doc: Document, term: str) -> tuple[int, int]:
    from briefing.match import _count

    return _count(doc, term)


DOC = Document(
    path=Path("a.txt"),
    title="Hong Kong Freedoms Shrink",
    doc_type="press release",
    text="MR PRICE: Beijing tightened its grip on Hong Kong.",
    publisher="state.gov",
    url="https://www.state.gov/x",
    authors=("Office of the Spokesperson",),
    turns=(Turn("Ned Price", "answer", 10, 50),),
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"Hong Kong"', True),
        ("Beijing AND Taiwan", False),
        ("Beijing Taiwan", False),  # juxtaposition is AND
        ("Beijing OR Taiwan", True),
        ("Beijing AND NOT Taiwan", True),
        ("NOT (Beijing OR Taiwan)", False),
        ('type:"press release" Beijing', True),
        ("type:interview Beijing", False),
        ("publisher:state.gov", True),
        ("speaker:Price", True),
        ("speaker:Blinken", False),
        ('title:"Hong Kong"', True),
        ("title:Beijing", False),
        ("(Taiwan OR grip) AND Beijing", True),
    ],
)
def test_queries(query, expected):
    assert matches(parse(query), DOC, count) is expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("(China OR Taiwan", r"'\(' is not closed"),
        ('"Hong Kong', "unclosed quotation mark"),
        ("colour:red", "unknown field 'colour:'"),
        ("China AND", "ends too early"),
        ("", "empty"),
    ],
)
def test_bad_queries_are_config_errors(tmp_path, query, message):
    config = tmp_path / "c.yaml"
    config.write_text(f"title: T\nsources: [s]\ntopics:\n  - name: A\n    query: '{query}'\n")
    with pytest.raises(ConfigError, match=message):
        load_config(config)


def test_query_topic_in_a_build(project):
    folder = project("mixed")
    config = folder / "config.yaml"
    config.write_text(
        config.read_text()
        + (
            "  - name: Official statements on Russia\n"
            "    query: 'Russia AND (type:\"press release\" OR type:transcript) AND NOT Arctic'\n"
            "  - name: Weak matches dropped\n"
            "    keywords: [Russia]\n"
            "    min_score: 100\n"
        )
    )
    result = build(load_config(config), as_of=date(2026, 11, 23), formats=["json"])
    data = json.loads((result.out_dir / "brief.json").read_text())
    official = data["topics"][3]
    types = {s["id"]: s["doc_type"] for s in data["sources"]}
    assert official["sources"]
    assert {types[s] for s in official["sources"]} <= {"press release", "transcript"}
    assert data["topics"][4]["sources"] == []
