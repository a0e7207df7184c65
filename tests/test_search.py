"""`briefing search`: what an archive holds on a subject, best first, with why and a snippet."""

from __future__ import annotations

import json
import os
import time

from briefing.search import search


def results(cli, *args):
    result = cli("search", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["results"]


def names(found):
    return [r["path"].rsplit("/", 1)[-1] for r in found]


def test_plain_words_rank_the_document_about_them_first(project, cli):
    folder = project("archive")
    found = results(cli, folder / "config.yaml", "--text", "tankers sanctions")
    assert names(found)[0] == "2026-03-05_new-sanctions-on-shipping.txt"
    assert set(found[0]) >= {"path", "score", "title", "date", "snippet"}
    assert found[0]["date"] == "2026-03-05" and "Shadow Fleet" in found[0]["title"]
    assert "tankers" in found[0]["snippet"]
    assert [r["score"] for r in found] == sorted((r["score"] for r in found), reverse=True)


def test_a_word_finds_its_forms(project, cli):
    folder = project("archive")
    found = results(cli, folder / "sources", "--text", "sanction")
    assert sorted(names(found)) == [
        "2025-12-01_interview-on-trade.txt",
        "2026-03-05_new-sanctions-on-shipping.txt",
    ]


def test_a_topic_query_with_fields_finds_only_what_it_says(project, cli):
    folder = project("archive")
    found = results(
        cli, folder / "config.yaml", "--query", "title:grain OR (Arctic AND NOT tariffs)"
    )
    assert sorted(names(found)) == [
        "2025-11-20_arctic-council-statement.txt",
        "2026-03-02_grain-corridor-talks.md",
    ]
    statements = results(cli, folder / "sources", "--query", 'type:"press release"')
    assert names(statements) == ["2025-11-20_arctic-council-statement.txt"]


def test_sources_given_are_the_scope_and_a_removed_file_leaves_the_results(project, cli):
    folder = project("archive")
    assert len(results(cli, folder / "sources", "--text", "shipping")) == 2
    assert names(results(cli, folder / "sources" / "2025", "--text", "shipping")) == [
        "2025-11-20_arctic-council-statement.txt"
    ]
    (folder / "sources" / "2025" / "2025-11-20_arctic-council-statement.txt").unlink()
    assert names(results(cli, folder / "sources", "--text", "shipping")) == [
        "2026-03-02_grain-corridor-talks.md"
    ]


def test_the_listing_says_why_each_matched(project, cli):
    folder = project("archive")
    result = cli("search", folder / "config.yaml", "--text", "grain corridor", "--limit", "1")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "2026-03-02" in lines[0] and "Grain Corridor Talks" in lines[0]
    assert "why: grain (" in lines[2] and "corridor (" in lines[2]
    assert len([line for line in lines if line.strip().startswith("why:")]) == 1


def test_search_needs_one_of_query_or_text(project, cli):
    folder = project("archive")
    for args in ([], ["--query", "a", "--text", "b"]):
        result = cli("search", folder / "sources", *args)
        assert result.exit_code == 1 and "Error: give --query or --text" in result.output
    bad = cli("search", folder / "sources", "--query", '"unclosed')
    assert bad.exit_code == 1 and bad.output.startswith("Error: --query:")


def test_search_as_a_library_call(project):
    folder = project("archive")
    found = search([folder / "sources"], text="Istanbul", limit=5)
    assert [r.doc.title for r in found] == ["Grain Corridor Talks Resume in Istanbul"]
    assert found[0].why[0][0] == "Istanbul" and found[0].why[0][1].text >= 1


def _settled(*folders):
    """Date folders a minute back, so that the index takes them as listed and unchanged."""
    for folder in folders:
        os.utime(folder, ns=(time.time_ns() - 60 * 10**9,) * 2)


def test_search_sees_files_added_or_replaced_and_results_edited_in_place(project, cli):
    folder = project("archive")
    year = folder / "sources" / "2025"
    _settled(year, folder / "sources")
    assert names(results(cli, folder / "sources", "--text", "icebreaker")) == []
    (year / "2025-12-24_icebreakers.txt").write_text(
        "Icebreakers Ordered\n\nThe ministry ordered two icebreaker ships for the Arctic.\n"
    )
    assert names(results(cli, folder / "sources", "--text", "icebreaker")) == [
        "2025-12-24_icebreakers.txt"
    ]
    _settled(year)
    (before,) = results(cli, folder / "sources", "--text", "icebreaker")  # listed as it is
    found = year / "2025-12-24_icebreakers.txt"
    listed = os.stat(year).st_mtime_ns
    with found.open("a") as handle:  # in place: only the file's mtime moves
        handle.write("\nThe first icebreaker sails in spring with a nuclear reactor.\n")
    os.utime(year, ns=(listed, listed))
    (after,) = results(cli, folder / "sources", "--text", "icebreaker")
    assert before["why"]["icebreaker"]["text"] == 1 and after["why"]["icebreaker"]["text"] == 2
    replaced = year / "2025-11-20_arctic-council-statement.txt"
    spare = year / ".spare"
    spare.write_text("Arctic Statement\n\nThe council discussed icebreaker escorts.\n")
    spare.rename(replaced)  # an editor's save: the folder's mtime moves
    assert sorted(names(results(cli, folder / "sources", "--text", "icebreaker"))) == [
        "2025-11-20_arctic-council-statement.txt",
        "2025-12-24_icebreakers.txt",
    ]
