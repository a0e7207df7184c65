"""Choosing a section's key quotes."""

from pathlib import Path

from briefing.analyze import analyze
from briefing.config import Topic
from briefing.ingest.page import read_page
from briefing.keyquotes import key_quotes


def analysis(name: str, body: str):
    return analyze(read_page(Path(f"{name}.txt"), f"A Story About Sanctions\n\n{body}"))


def test_key_quotes_are_one_per_speaker_on_topic_first_and_not_redundant():
    first = analysis(
        "a",
        "“The sanctions on Russia will stay in place until the war in Ukraine ends,” said "
        "Maria Delgado.\n\n“The sanctions on Russia will stay in place until this war ends for "
        "good,” said Tom Hale.\n\n“We discussed the weather and the harvest this year,” "
        "said Ana Ruiz.",
    )
    second = analysis(
        "b",
        "“Russia has found new buyers for its oil despite the price cap on exports,” said "
        "Maria Delgado.\n\n“Tankers of the shadow fleet keep carrying oil from Russia to Asia,” "
        "said Lee Park.",
    )
    topic = Topic(name="Russia", keywords=["Russia", "sanctions", "oil"])
    chosen = key_quotes(topic, [first, second])
    speakers = [q.speaker for q in chosen]
    assert len(speakers) == len(set(speakers))  # one per speaker
    assert "Tom Hale" not in speakers  # says what Maria Delgado said
    assert speakers[:2] == ["Maria Delgado", "Lee Park"]  # on the topic's words first


def test_key_quotes_choose_from_what_analyze_found_without_analysing_again(monkeypatch):
    import briefing.analyze
    import briefing.quotes
    import briefing.summarize

    statement = analysis(
        "c",
        "Press Statement\n\nThe sanctions on Russia will stay until the war in Ukraine ends.\n"
        "“Russia has found new buyers for its oil despite the cap,” said Maria Delgado.\n",
    )

    def again(*args, **kwargs):
        raise AssertionError("a document analysed twice")

    for module, name in (
        (briefing.summarize, "rank_sentences"),
        (briefing.analyze, "rank_sentences"),
        (briefing.analyze, "spoken_quotes"),
        (briefing.quotes, "find_quotes"),
        (briefing.analyze, "find_quotes"),
    ):
        monkeypatch.setattr(module, name, again)
    import briefing.keyquotes

    for name in ("rank_sentences", "spoken_quotes", "find_quotes"):  # any copy it imported
        monkeypatch.setattr(briefing.keyquotes, name, again, raising=False)
    chosen = key_quotes(Topic(name="Russia", keywords=["Russia"]), [statement])
    assert [q.speaker for q in chosen] == ["Maria Delgado"]


def write_releases(
    folder, releases: dict[str, tuple[str, str]], header: str = "Press Statement"
) -> None:
    """A press statement a file, dated a day apart: ``releases`` maps a name to its title
    and its body."""
    folder.mkdir()
    for i, (name, (title, body)) in enumerate(releases.items()):
        (folder / f"2026-11-2{i}_{name}.txt").write_text(f"{title}\n\n{header}\n\n{body}\n")


# Two releases for the second topic of a two-topic brief (its executive summary needs two)
RUSSIA_RELEASES = {
    "russia-banks": (
        "Designations of Nine Banks",
        "The United States designated nine Russian banks that finance the war. Russia "
        "moved 3 billion dollars through the banks in 2026.",
    ),
    "russia-fleet": (
        "Sanctions on Russia's Shadow Fleet",
        "The United States designated eight Russian shipping companies and 14 vessels "
        "that carried Russian oil above the price cap.",
    ),
}
IRAN_AND_RUSSIA = "  - name: Iran\n    keywords: [Iran]\n  - name: Russia\n    keywords: [Russia]\n"


def build_two_topics(cli, tmp_path, sources, topics: str, formats: str) -> dict:
    """brief.json of a build over ``sources`` with ``topics`` (YAML list items), as of
    30 November 2026."""
    import json

    config = tmp_path / "brief.yaml"
    config.write_text(
        f"name: two\ntitle: Two Topics\nsources: [{sources}]\nwindow_days: 30\n"
        f"output: {tmp_path / 'out'}\nformats: [{formats}]\ntopics:\n{topics}"
    )
    result = cli("build", config, "--as-of", "2026-11-30")
    assert result.exit_code == 0, result.output
    return json.loads(next((tmp_path / "out").rglob("brief.json")).read_text())


def test_a_question_naming_a_country_is_answered_from_what_is_said_of_it(cli, tmp_path):
    """`briefing brief … --query "…Russia?"` over releases on several countries: every bullet
    and every key quote is about Russia (the question's name is the brief's focus, through
    the command a user types: assemble's synthesis and its key quotes both take it)."""
    import json

    sources = tmp_path / "sources"
    releases = {
        "russia-fleet": (
            "Sanctions on Russia's Shadow Fleet",
            "The United States today designated eight Russian shipping companies and 14 "
            "vessels that carried Russian oil above the price cap. “Every tanker we designate "
            "makes it harder for Russia to pay for its war,” said Under Secretary Jane Moss.",
        ),
        "russia-prisons": (
            "Designations of Russian Prison Officials",
            "The United States designated six Russian prison officials for the mistreatment "
            "of political prisoners. Russia received 40 shipments of drone parts last year.",
        ),
        "iran-drones": (
            "Sanctions on Iranian Drone Suppliers",
            "The United States designated five Iranian firms that supplied drone engines. "
            "“Iran’s drone trade threatens shipping across the whole region,” said Under "
            "Secretary Paul Grant.",
        ),
        "syria-prisons": (
            "Sanctions on Syrian Prisons",
            "The United States designated eight Syrian prisons and five regime officials. "
            "“The regime’s prisons are places of torture and death,” said Ambassador Ruth Hale.",
        ),
    }
    write_releases(sources, releases)
    out = tmp_path / "out"
    result = cli(
        "brief", sources, "--topic", "Russia", "--query",
        "What sanctions has the United States imposed on Russia?", "--as-of", "2026-11-30",
        "--format", "json", "--out", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    topic = json.loads(next(out.rglob("brief.json")).read_text())["topics"][0]
    bullets = [p["text"] for p in topic["summary"]]
    assert any("eight Russian shipping companies" in b for b in bullets), bullets
    assert all("Russia" in b for b in bullets), bullets
    quotes = [q["text"] for q in topic["quotes"]]
    assert any("harder for Russia to pay" in q for q in quotes), quotes
    assert all("Russia" in q for q in quotes), quotes  # not Iran's drones, not Syria's prisons
    # and the sources it lists as read for the question are those on Russia
    brief = json.loads(next(out.rglob("brief.json")).read_text())
    titles = {s["id"]: s["title"] for s in brief["sources"]}
    assert sorted(titles[sid] for sid in topic["sources"]) == [
        "Designations of Russian Prison Officials",
        "Sanctions on Russia's Shadow Fleet",
    ]


def test_a_source_the_executive_summary_cites_stays_in_the_sources(cli, tmp_path):
    """A section asked about a name lists the sources it cites and those naming it; a bullet
    the executive summary takes out of it still cites its source, which the brief must list
    (it was dropped from the sources, and the HTML brief failed on the missing one)."""

    sources = tmp_path / "sources"
    releases = {
        "russia-fleet": (
            "Sanctions on Russia's Shadow Fleet",
            "The United States today designated eight Russian shipping companies and 14 "
            "vessels that carried Russian oil above the price cap. Russia has used the fleet "
            "to evade the cap since 2022.",
        ),
        "evasion": (
            "Treasury Targets Global Evasion Networks",
            "The United States Treasury today designated 31 companies in six countries for "
            "sanctions evasion. Twelve Turkish firms shipped machine tools and drone parts to "
            "Russia for its war industry.",
        ),
        "iran-drones": (
            "Sanctions on Iranian Drone Suppliers",
            "The United States designated five Iranian firms that supplied drone engines. Iran "
            "sold hundreds of drones to armed groups across the region.",
        ),
        "iran-oil": (
            "Iran Oil Network Designated",
            "The Treasury designated a network that sold Iranian oil to buyers in Asia. Iran "
            "earned billions from the sales last year.",
        ),
        "russia-banks": (
            "Designations of Nine Banks",
            "The Treasury acted on Friday after a year of review. The United States designated "
            "nine Russian banks that finance the war. The designations take effect at once.",
        ),
    }
    write_releases(sources, releases)
    topics = (
        "  - name: Russia\n"
        "    query: What sanctions has the United States imposed on Russia?\n"
        "  - name: Iran\n"
        "    keywords: [Iran]\n"
    )
    brief = build_two_topics(cli, tmp_path, sources, topics, "json, html")
    listed = {s["id"] for s in brief["sources"]}
    cited = [p["source"] for p in brief["executive_summary"]]
    cited += [p["source"] for t in brief["topics"] for p in t["summary"] + t["quotes"]]
    assert brief["executive_summary"] and set(cited) <= listed


def test_a_release_the_executive_summary_tells_is_not_told_again_in_its_section(cli, tmp_path):
    """A press release tells one story: once the executive summary has it, the section does
    not retell it from another of the release's sentences ("… is designating five Iranian
    individuals and entities" above, "Procurement agent … and four companies in his network
    …" below: one designation, told twice)."""

    sources = tmp_path / "sources"
    write_releases(
        sources,
        {
            "iran-missiles": (
                "Designations of Iranian Missile Suppliers",
                "The United States is designating five Iranian individuals and entities for "
                "their role in Iran's ballistic missile program. Procurement agent Reza Karimi "
                "and four companies in his network bought propellant equipment for Iran's "
                "missile program from suppliers in three countries. Iran has launched 40 "
                "missiles since January.",
            ),
            "iran-oil": (
                "Iran Oil Network Designated",
                "The Treasury designated a network that sold Iranian oil to buyers in Asia. Iran "
                "earned 2 billion dollars from the sales last year.",
            ),
            "iran-drones": (
                "Sanctions on Iranian Drone Suppliers",
                "The United States designated three Iranian firms that supplied drone engines. "
                "Iran sold 400 drones to armed groups across the region.",
            ),
            **RUSSIA_RELEASES,
            # the Russia section has enough besides the banks' release (the rule's condition)
            "russia-grain": (
                "Russia Blocks Grain Ships",
                "Russia blocked 20 grain ships in the Black Sea in October. Ukraine's grain "
                "exports fell by a third in the month.",
            ),
        },
    )
    brief = build_two_topics(cli, tmp_path, sources, IRAN_AND_RUSSIA, "json")
    told = {p["source"] for p in brief["executive_summary"]}
    assert told
    again = [p["text"] for t in brief["topics"] for p in t["summary"] if p["source"] in told]
    assert again == []


def test_a_section_left_with_a_meetings_frame_tells_the_summarys_story_instead(cli, tmp_path):
    """When the executive summary took a release's news and what the section's other sources
    say is only that envoys met to discuss the topic and a stance, the section tells the
    release's own facts too ("More than 400 detainees have died …"), not only the frame."""
    sources = tmp_path / "sources"
    write_releases(
        sources,
        {
            "iran-prisons": (
                "Sanctions on Iranian Prisons",
                "The United States is sanctioning four prisons in Iran and five prison "
                "officials for the torture of detainees.\n\nMore than 400 detainees have "
                "reportedly died after torture in Iran's prisons since 2019, while 2,000 "
                "Iranians are still missing.",
            ),
            "iran-envoys": (
                "Joint Statement on the Iran Envoys Meeting",
                "Representatives of France, Germany, Italy, and the United States met in Paris "
                "on November 20 to discuss Iran.",
            ),
            "iran-stance": (
                "On Iran's Prisoners",
                "The United States stands with the people of Iran and their families.",
            ),
            "iran-ministers": (
                "Joint Statement on the Iran Ministers Meeting",
                "Ministers of Canada, Japan, and the United Kingdom met in Tokyo on November 21 "
                "to discuss Iran's nuclear program.",
            ),
            **RUSSIA_RELEASES,
        },
    )
    brief = build_two_topics(cli, tmp_path, sources, IRAN_AND_RUSSIA, "json")
    assert any("four prisons in Iran" in p["text"] for p in brief["executive_summary"]), brief
    iran = [p["text"] for p in brief["topics"][0]["summary"]]
    assert any(p.startswith("More than 400 detainees") for p in iran), iran


def test_a_section_whose_lead_the_summary_took_is_not_padded_with_its_agenda(cli, tmp_path):
    """The executive summary's point is news of its topic too: with it and the section's two
    other developments the topic has news enough, so the section is not filled up with a
    meeting's agenda ("… we will discuss …") or work said to remain."""
    sources = tmp_path / "sources"
    write_releases(
        sources,
        {
            "iran-firms": (
                "Designations of Iranian Missile Suppliers",
                "The United States is designating five Iranian firms that supplied parts for "
                "Iran's ballistic missile program.",
            ),
            "iran-prisoners": (
                "Release of Prisoners in Iran",
                "Iran released 40 political prisoners from Evin prison on November 23.",
            ),
            "iran-missiles": (
                "Iran's Missile Tests",
                "Iran tested two medium-range ballistic missiles near Semnan on November 24.",
            ),
            "iran-talks": (
                "Talks on Iran in Vienna",
                "During our meeting in Vienna, ministers will discuss ways to hold Iran to its "
                "commitments. There is still much work to do on Iran's nuclear program, where "
                "inspectors lack access.",
            ),
            **RUSSIA_RELEASES,
        },
        # a government's own releases: a reporter's background is mostly the story's context
        header="Office of the Spokesperson",
    )
    brief = build_two_topics(cli, tmp_path, sources, IRAN_AND_RUSSIA, "json")
    news = ("five Iranian firms", "40 political prisoners", "two medium-range")
    summary = [p["text"] for p in brief["executive_summary"]]
    iran = [p["text"] for p in brief["topics"][0]["summary"]]
    assert sum(n in text for n in news for text in summary) == 1, summary
    assert sum(n in text for n in news for text in iran) == 2, iran
    assert not any("discuss" in text or "work to do" in text for text in iran), iran
