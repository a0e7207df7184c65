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
from briefing.query import Any, Term, matches, parse, plain_words


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


@pytest.mark.parametrize(
    ("query", "words"),
    [
        (
            "What measures have been taken against drug smuggling in the Caribbean?",
            ("measures", "drug", "smuggling", "Caribbean"),  # "taken" is a light verb
        ),
        (
            "What restrictions do governments place on the press?",
            ("restrictions", "governments", "press"),
        ),
        (
            "Discuss the causes of the strike. Who was involved?",
            ("causes", "strike", "involved"),  # "Discuss" frames the request,
        ),
        ("Iran, Iraq", ("Iran", "Iraq")),  # a list in prose: any of them
        (
            "What did Ed Lowe (chair of the Ports Board) think about the levy?",
            ("Ed", "Lowe", "chair", "Ports", "Board", "think", "levy"),
        ),
        (
            'How has "soft power" changed Chinese diplomacy?',
            ("soft power", "changed", "Chinese", "diplomacy"),
        ),
        ("floods dams rivers levees storms rainfall warnings", None),  # seven bare words
    ],
)
def test_a_question_in_plain_words_is_any_of_its_words(query, words):
    node = parse(query)
    if words is None:
        assert plain_words(query) is not None
        return
    assert plain_words(query) == words
    assert node == Any(tuple(Term(w) for w in words))


@pytest.mark.parametrize(
    "query",
    ["Russia sanctions", '"Hong Kong" OR Xinjiang', "title:Iran", "NOT football, please", "(a b)"],
)
def test_the_query_language_and_short_word_lists_are_not_plain_words(query):
    assert plain_words(query) is None


def test_a_plain_question_finds_a_source_that_names_one_of_its_words():
    # as a boolean AND of every word, this question matched no source at all
    question = "Why did Beijing tighten its grip, and what has the United States done about it?"
    assert matches(parse(question), DOC, count)
    assert not matches(parse("Why did Tokyo act, and what has Seoul done since?"), DOC, count)


def test_a_questions_instructions_are_not_its_subject():
    words = plain_words(
        "Describe the activities of Greenpeace. Include its campaigns (e.g., protests)."
    )
    assert words == ("activities", "Greenpeace", "campaigns", "protests")
