"""Key quotes worth quoting: substance, people with their roles, no documents as speakers."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from pathlib import Path

import pytest

from briefing.analyze import analyze
from briefing.build import build
from briefing.config import Topic, load_config
from briefing.ingest import read_file
from briefing.keyquotes import key_quotes
from conftest import needs_shared

ROOT = Path(__file__).resolve().parents[1]
TOPIC = Topic(name="Moldova", keywords=["Moldova"])


def analysis(folder: Path, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return analyze(read_file(path))


BRIEFING = """Department Press Briefing – July 12, 2021

Washington, D.C.

MR PRICE: Good afternoon, everyone, and thank you for joining us today on Moldova.

MR PRICE: Our colleague is going to be talking about how we are focused on Moldova and its elections this week.

MR PRICE: The United States has donated 500,000 doses of vaccine to Moldova, and we will send 20 more ventilators to Chisinau this month.

QUESTION: What about Moldova and the gas contracts signed with Gazprom last year?

FOREIGN MINISTER POPESCU: (Via interpreter) It is a powerful indication of our close friendship with the United States that Moldova hosts this meeting today.
"""  # noqa: E501

SPOKESPERSON = """Department Press Briefing – July 13, 2021

Ned Price, Department Spokesperson

MR PRICE: We condemn the cyberattack on Moldova’s election commission, which blocked 30 servers.
"""


def test_transcript_quotes_have_substance_and_a_full_name_with_title(tmp_path):
    first = analysis(tmp_path, "a.txt", BRIEFING)
    header = analysis(tmp_path, "b.txt", SPOKESPERSON)
    chosen = key_quotes(TOPIC, [first], [first, header])
    texts = [q.text for q in chosen]
    assert texts and texts[0].startswith("The United States has donated 500,000 doses")
    assert not any("thank you" in t or "going to be talking" in t for t in texts)
    assert not any("(Via interpreter)" in t or t.endswith("?") for t in texts)
    assert {(q.speaker, q.position) for q in chosen} == {("Ned Price", "Department Spokesperson")}


def test_a_document_is_not_a_speaker(tmp_path):
    report = analysis(
        tmp_path,
        "report.txt",
        "Moldova Report\n\n“Moldova detained 40 journalists without charge in the capital,” "
        "the report said.\n\n“Moldova must release the 40 journalists it detained this "
        "spring,” said Ana Ruiz, a lawyer in Chisinau.\n",
    )
    speakers = [q.speaker for q in key_quotes(TOPIC, [report])]
    assert speakers == ["Ana Ruiz"]


@needs_shared
def test_every_state_department_topic_has_a_quote(tmp_path):
    config = load_config(ROOT / "config" / "state-dept.yaml")
    config.output = str(tmp_path)
    config.formats = ["json"]
    result = build(config, as_of=date(2022, 12, 31))
    data = json.loads((result.out_dir / "brief.json").read_text())
    for topic in data["topics"]:
        assert topic["sources"], topic["name"]
        assert topic["quotes"], topic["name"]  # every source here holds a signed statement
        for q in topic["quotes"]:
            first = q["speaker"].split()[0]
            assert first not in {"The", "Mr", "Ms", "MR"}, q["speaker"]
            assert "(Via interpreter)" not in q["text"]


def test_a_key_quote_gets_the_year_of_its_days_in_brackets_and_spans_stay_verbatim(tmp_path):
    release = (
        "Sanctions on Moldova’s Shadow Fleet\n\nMarch 5, 2022\n\n"
        "“On February 25, the United States sanctioned 12 tankers that carried oil to "
        "Moldova, and yesterday we added six more,” said Secretary Jane Doe.\n"
    )
    found = analysis(tmp_path, "c.txt", release)
    (quote,) = key_quotes(TOPIC, [found])
    assert "On February 25 [2022], the United States" in quote.text
    assert "yesterday [4 March 2022]" in quote.text
    source = found.doc.text
    assert "".join(source[s:e] for s, e in quote.spans) == re.sub(r" \[[^]]*\]", "", quote.text)


def test_a_stance_or_rhetoric_ranks_below_a_quote_that_says_something(tmp_path):
    release = (
        "Moldova Sanctions\n\nMarch 5, 2022\n\n"
        "“The United States and the European Union remain steadfast in their commitment to "
        "Moldova and will continue to stand with President Sandu and the people of Moldova,” "
        "said Secretary Jane Doe.\n\n"
        "“We froze the assets of 12 Moldovan officials who diverted aid money,” said Deputy "
        "Secretary John Roe.\n"
    )
    found = analysis(tmp_path, "d.txt", release)
    chosen = key_quotes(TOPIC, [found])
    assert chosen[0].text.startswith("We froze the assets")
    # only modal verbs: what someone holds should be, ranked below what was done
    slogan = (
        "Moldova Vote\n\nMarch 6, 2022\n\n"
        "“Moscow cannot veto Moldova’s future, and it will not veto the will of Moldova’s "
        "voters,” said Secretary Jane Doe.\n\n"
        "“Observers from Moldova counted the ballots in every district of Chisinau,” said "
        "Deputy Secretary John Roe.\n"
    )
    chosen = key_quotes(TOPIC, [analysis(tmp_path, "s.txt", slogan)])
    assert chosen[0].text.startswith("Observers from Moldova counted")
    # one position is worth a slot; a second pledge is not
    pledges = slogan + (
        "\n“Moldova can count on its neighbours, and its neighbours will never abandon "
        "Chisinau,” said Ambassador Ion Rusu.\n\n"
        "“Romania will keep its border with Moldova open to every refugee,” said Ambassador Ana "
        "Popa.\n"
    )
    chosen = key_quotes(TOPIC, [analysis(tmp_path, "t.txt", pledges)])
    assert len(chosen) == 2 and chosen[0].text.startswith("Observers from Moldova counted")


def test_a_quote_another_topic_shows_is_not_shown_again(tmp_path):
    found = analysis(tmp_path, "e.txt", SPOKESPERSON)
    first = key_quotes(TOPIC, [found])
    assert first and not key_quotes(TOPIC, [found], shown={q.text for q in first})


TRIBUTE = """Department Press Briefing – June 2, 2021

Ned Price, Department Spokesperson

MR PRICE: I’d like to start by noting the tragic passing of our colleague Ana Silva, who covered Moldova for India Today. Ana covered the Moldova desk for 11 years, attending 400 briefings on Moldova in person.

MR PRICE: The United States has donated 500,000 doses of vaccine to Moldova, and we will send 20 more ventilators to Chisinau this month.
"""  # noqa: E501


def test_a_tribute_paragraph_gives_no_quote_and_no_bullet(tmp_path):
    from briefing.synthesize import candidates

    found = analysis(tmp_path, "a.txt", TRIBUTE)
    quotes = [q.text for q in key_quotes(TOPIC, [found])]
    assert quotes and quotes[0].startswith("The United States has donated")
    assert not any("11 years" in t for t in quotes)  # the tribute's second sentence
    assert not any("11 years" in c.edited.text for c in candidates([found]))


def test_a_speaker_named_by_surname_gets_the_position_an_appositive_gave_them(tmp_path):
    from briefing.keyquotes import appositive_role

    text = (
        "Moldova Says Gas Deal Is Safe\n\n"
        "Moldova’s energy ministry spokesperson, Ana Popa, said the contract was signed.\n\n"
        "“Moldova will not pay a single leu more for gas than the contract says,” Popa said "
        "at a news conference in Chisinau on Monday.\n"
    )
    (quote,) = key_quotes(TOPIC, [analysis(tmp_path, "a.txt", text)])
    assert (quote.speaker, quote.position) == ("Ana Popa", "Moldova’s energy ministry spokesperson")
    after = "The talks stalled, said Ana Popa, a senior fellow at the Example Institute."
    assert appositive_role(after, "Ana Popa") == "senior fellow at the Example Institute"
    # a list of names, a clause, an organisation: no position
    for text in (
        "Officials met Ion Rusu, Ana Popa, and others.",
        "In Chisinau, Ana Popa, who leads the team, said no.",
        "Ana Popa, the company, said no.",
    ):
        assert appositive_role(text, "Ana Popa") is None, text


def test_a_titled_surname_with_no_full_name_is_named_by_title_and_surname(tmp_path):
    text = (
        "Moldova Vote\n\nMarch 6, 2022\n\n"
        "“Moldova has shown the world that 2 million voters can choose freely,” said President "
        "Sandu on Monday.\n"
    )
    (quote,) = key_quotes(TOPIC, [analysis(tmp_path, "p.txt", text)])
    assert (quote.speaker, quote.position) == ("President Sandu", None)


RELAYED = """Department Press Briefing – July 14, 2021

Ned Price, Department Spokesperson

MR PRICE: As Secretary Jane Doe said in Chisinau, quote, “Moldova will decide its own future, and 30 nations have pledged to help it hold free elections.”
"""  # noqa: E501


def test_a_quote_relayed_by_another_speaker_says_who_relayed_it(tmp_path):
    # the briefing's speaker quotes someone else: the words are the Secretary's, the
    # occasion is the spokesperson's
    (quote,) = key_quotes(TOPIC, [analysis(tmp_path, "r.txt", RELAYED)])
    assert quote.text.startswith("Moldova will decide its own future")
    assert (quote.speaker, quote.quoted_by) == ("Jane Doe", "Ned Price")


def test_a_signed_statement_is_quoted_for_its_voice_not_its_narration(tmp_path):
    statement = (
        "Sanctions on Moldova’s Shadow Fleet\n\nPress Statement\n\n"
        "Jane Doe, Secretary of State\n\nMarch 5, 2022\n\n"
        "On February 25, Russian forces seized 12 grain ships bound for Moldova in the Black "
        "Sea.\n\n"
        "We have frozen the assets of the 12 ship owners and we will block every port call "
        "they make.\n"
    )
    chosen = key_quotes(TOPIC, [analysis(tmp_path, "v.txt", statement)])
    # the first sentence is a fact, a bullet's business; the second is the Secretary's word
    assert [q.text[:22] for q in chosen] == ["We have frozen the ass"]


def test_a_statements_narration_of_what_the_government_did_is_a_bullet_not_a_quote(tmp_path):
    statement = (
        "Safe Haven for Moldovans\n\nPress Statement\n\n"
        "Jane Doe, Secretary of State\n\nMarch 5, 2022\n\n"
        "Today, President Roe directed Deferred Enforced Departure for Moldovan residents in the "
        "United States for 18 months, joining our partners in offering safe haven to Moldovans."
        "\n\n"
        "We will stand with the 40,000 people of Moldova who fear returning to Chisinau.\n"
    )
    chosen = key_quotes(TOPIC, [analysis(tmp_path, "s.txt", statement)])
    assert [q.text[:12] for q in chosen] == ["We will stan"]


def test_a_quote_about_an_event_long_before_its_source_is_background(tmp_path):
    release = (
        "Moldova Sanctions\n\nMarch 5, 2022\n\n"
        "“In June 2019, Moldova’s parliament passed a law that put 14 courts under the "
        "ministry,” said Secretary Jane Doe.\n\n"
        "“We froze the assets of 12 Moldovan officials who diverted aid money,” said Deputy "
        "Secretary John Roe.\n"
    )
    chosen = key_quotes(TOPIC, [analysis(tmp_path, "b.txt", release)])
    assert [q.text[:9] for q in chosen] == ["We froze "]


def test_a_travel_schedule_is_not_a_key_quote(tmp_path):
    briefing = (
        "Department Press Briefing – June 2, 2021\n\nNed Price, Department Spokesperson\n\n"
        "MR PRICE: The Vice President will be headed to Moldova next week to meet the "
        "President and the Prime Minister in Chisinau.\n\n"
        "MR PRICE: Moldova received 500,000 doses of vaccine from the United States on Monday.\n"
    )
    chosen = key_quotes(TOPIC, [analysis(tmp_path, "s.txt", briefing)])
    assert [q.text[:20] for q in chosen] == ["Moldova received 500"]


def test_one_answer_gives_one_quote_not_two_halves(tmp_path):
    briefing = (
        "Department Press Briefing – June 3, 2021\n\nNed Price, Department Spokesperson\n\n"
        "QUESTION: What is the U.S. view of the vote in Moldova?\n\n"
        "MR PRICE: Observers counted 1.4 million ballots in Moldova without a single report of "
        "fraud. Moldova’s parliament confirmed 12 new judges for the anti-corruption "
        "court.\n\n"
        "QUESTION: And the gas contracts?\n\n"
        "AMBASSADOR ROE: Moldova signed 3 new gas contracts with Romania in May.\n"
    )
    chosen = key_quotes(TOPIC, [analysis(tmp_path, "o.txt", briefing)])
    assert sorted(q.text[:14] for q in chosen) == ["Moldova signed", "Observers coun"]


def test_a_news_outlet_relayed_by_a_report_is_not_a_voice_to_quote(tmp_path):
    report = (
        "2023 Country Reports on Human Rights Practices: Moldova\n\n"
        "“Moldova has launched a campaign against 40 illegal clinics,” Example Global "
        "reported.\n\n"
        "“We will close 40 illegal clinics in Moldova by March,” said Health Minister Ana "
        "Popa.\n"
    )
    chosen = key_quotes(TOPIC, [analysis(tmp_path, "m.txt", report)])
    assert [q.speaker for q in chosen] == ["Ana Popa"]


def test_a_bare_title_is_the_fuller_role_another_source_gives_the_person(tmp_path):
    statement = (
        "Moldova Vaccines\n\nPress Statement\n\nJane Doe, Secretary of State\n\n"
        "July 15, 2021\n\nWe sent Moldova 20 more ventilators this month.\n"
    )
    relayed = analysis(tmp_path, "a.txt", RELAYED)
    other = analysis(tmp_path, "b.txt", statement)
    (alone,) = key_quotes(TOPIC, [relayed])
    assert (alone.speaker, alone.position) == ("Jane Doe", "Secretary")
    (quote,) = key_quotes(TOPIC, [relayed], [relayed, other])
    assert (quote.speaker, quote.position) == ("Jane Doe", "Secretary of State")


SEVERAL_SUBJECTS = """Briefing on the Meeting on Syria and the G20 Ministerial

Washington, D.C.

MR HOOD: The United States has given 450 million dollars of aid to Syrians in the north this year.

QUESTION: Will the aid crossing at Bab al-Hawa in Syria stay open after the vote in July?

MR HOOD: We have told the Security Council that 3.4 million people in the northwest depend on that one crossing.

MR WORMAN: The coalition has trained 12,000 local police officers in Syria since 2019.

QUESTION: Will the Secretary meet the Chinese foreign minister at the G20 in Rome?

MS COOPER: I can say there is no meeting planned between the Secretary and the Chinese foreign minister at the G20 in Rome.
"""  # noqa: E501


def test_a_transcript_answer_on_another_subject_is_quoted_only_for_want_of_others(tmp_path):
    syria = Topic(name="Syria", keywords=["Syria"])
    briefing = analysis(tmp_path, "a.txt", SEVERAL_SUBJECTS)
    texts = [q.text for q in key_quotes(syria, [briefing], [briefing])]
    assert any(t.startswith("We have told the Security Council") for t in texts)  # asked on Syria
    assert not any("G20" in t for t in texts)
    # with fewer quotes on the topic than a topic shows, the others fill in after them
    few = SEVERAL_SUBJECTS.replace("MR WORMAN: The coalition has trained", "QUESTION: And")
    few += (
        "\nQUESTION: And the finance ministers in Rome?\n\nMS COOPER: Ministers of Italy, "
        "France and Japan will sign a 15 percent minimum tax on 8,000 large firms in Rome on "
        "Saturday, June 30.\n"
    )
    briefing = analysis(tmp_path, "b.txt", few)
    texts = [q.text for q in key_quotes(syria, [briefing], [briefing])]
    assert any("Rome" in t for t in texts)
    assert any(t.startswith("We have told the Security Council") for t in texts), texts


def test_a_role_written_as_a_title_before_the_name_is_the_speakers_role():
    from briefing.keyquotes import title_before

    text = (
        "And now I welcome to the stage World Food Prize Foundation President Barbara Stinson. "
        "Melting sea ice is a test of resolve, says Example Institute fellow Dr. Helena Varga. "
        "Yesterday President Joe Biden spoke, and in Kyiv Foreign Minister Dmytro Kuleba said so."
    )
    assert title_before(text, "Barbara Stinson") == "World Food Prize Foundation President"
    assert title_before(text, "Helena Varga") == "Example Institute fellow"
    assert title_before(text, "Joe Biden") is None  # a title alone, no body
    assert title_before(text, "Dmytro Kuleba") is None


def test_an_act_announced_but_not_said_is_no_key_quote():
    from briefing.keyquotes import AGENDA, hollow
    from briefing.model import Quote

    def quote(text: str) -> Quote:
        return Quote(text=text, speaker="Antony J. Blinken", start=0, end=len(text))

    assert hollow(
        quote("In the face of Beijing’s decisions over the past year, we are taking action.")
    )
    assert hollow(quote("We will take further measures."))
    assert not hollow(quote("The ministry took steps to close the border crossing at Rafah."))
    assert hollow(quote("Today, I look forward to discussing how Japan and the US lead."))
    # what the meeting being opened is for
    assert hollow(quote("Today we are convening for the first time our dialogue to discuss trade."))
    assert not hollow(quote("We met the minister last week to discuss the 40 detained sailors."))
    assert not AGENDA.search("We are not meeting our obligations to review asylum claims.")
    # an exhortation to the room (a hortative) is no claim; in a meeting it proposes the
    # meeting's business, which a bullet may report
    assert hollow(quote("Let us send out to the world Japan and America’s unified message."))
    assert hollow(quote("Let’s work hand in hand toward a free and open Indo-Pacific."))


def test_a_quote_that_names_nothing_is_no_key_quote():
    # who, where, how many: a sentence of a transcript or a statement without any of them
    # says nothing a reader can use
    from briefing.keyquotes import hollow
    from briefing.model import Quote

    def quote(text: str, kind: str = "spoken") -> Quote:
        return Quote(text=text, speaker="Gina M. Raimondo", start=0, end=len(text), kind=kind)

    for empty in (
        "I would take a minute to highlight that we’ve made significant achievements so far.",
        "We are working with our partners to consider how they might support these agencies.",
        "I think there would be some good utility.",
    ):
        assert hollow(quote(empty)), empty
    for named in (
        "Last November, Minister Hagiuda and I launched the partnership to promote innovation.",
        "Beijing has broken its promises to the people who live there.",
        "We have relocated nearly a thousand citizens and their families so far this year.",
        "We have relocated 940 citizens and their families so far this year.",
    ):
        assert not hollow(quote(named)), named
    # a reporter's direct quote was picked as worth quoting by the reporter, who tells the
    # rest around it: "Our assumption is that the veto will be overridden," McConnell said
    assert not hollow(quote("Our assumption is that the veto will be overridden.", "direct"))


CUT_OFF = """Opening Remarks at the Economic Dialogue

Washington, D.C.

FOREIGN MINISTER HAYASHI: Japan is aiming for an economic society that balances growth and investment in people and promotion of –

FOREIGN MINISTER HAYASHI: Japan will invest 2 trillion yen in chips made in Japan and in the United States over the next five years.
"""  # noqa: E501


def test_a_quote_cut_off_mid_sentence_is_not_quoted(tmp_path):
    dialogue = analysis(tmp_path, "a.txt", CUT_OFF)
    texts = [q.text for q in key_quotes(Topic(name="Japan", keywords=["Japan"]), [dialogue])]
    assert any(t.startswith("Japan will invest 2 trillion yen") for t in texts)
    assert not any(t.rstrip("”").endswith("–") for t in texts)


STALE = """Opening Remarks at the Economic Dialogue

July 29, 2022

SECRETARY RAIMONDO: Last November, Minister Hagiuda and I launched a partnership to promote competitiveness in Japan.

SECRETARY RAIMONDO: Today Japan and the United States agreed on 14 joint projects on chips and batteries in Japan.
"""  # noqa: E501


def test_a_quote_of_what_happened_long_before_its_source_is_not_key(tmp_path):
    dialogue = analysis(tmp_path, "a.txt", STALE)
    texts = [q.text for q in key_quotes(Topic(name="Japan", keywords=["Japan"]), [dialogue])]
    assert any("14 joint projects" in t for t in texts)
    assert not any(t.startswith("Last November") for t in texts)  # [2021], eight months before


def test_a_visit_a_renewed_promise_or_an_expressed_support_is_no_key_quote():
    from briefing.keyquotes import hollow
    from briefing.model import Quote

    def quote(text: str) -> Quote:
        return Quote(text=text, speaker="Jalina Porter", start=0, end=len(text))

    # who went where: the principal's day, not what was said or done there
    assert hollow(
        quote(
            "This morning, Secretary Blinken visited a pair of joint initiatives that show how "
            "the two countries can build a better future."
        )
    )
    assert hollow(quote("Yesterday, the Secretary met with the foreign ministers of the region."))
    assert not hollow(
        quote("The Secretary met with the minister and signed a $50 million grain agreement.")
    )
    # a promise to go on doing what one does (a commissive)
    assert hollow(
        quote("The members of our coalition will continue to draw on all elements of power.")
    )
    assert not hollow(quote("Prices will continue to rise through the winter, the bank said."))
    # a count in who promises is no amount of what is promised
    assert hollow(
        quote("The 83 members of our coalition will continue to draw on all elements of power.")
    )
    assert not hollow(quote("We will continue to send 40 tonnes of grain a week to the region."))
    # an expressive reported of oneself
    assert hollow(
        quote(
            "Yesterday, we joined the majority of the Board in expressing support for the "
            "agency's essential mission."
        )
    )


def test_a_quote_that_points_at_what_another_speaker_said_is_not_key(tmp_path):
    briefing = (
        "Department Press Briefing – June 4, 2021\n\nNed Price, Department Spokesperson\n\n"
        "MR PRICE: Look, we see the aid to Moldova as integral to all five of the pillars that "
        "the under secretary outlined for the region this year.\n\n"
        "MR PRICE: As the Secretary noted, Moldova will hold 12 new rounds of border talks with "
        "Ukraine this year.\n\n"
        "MR PRICE: Moldova received 500,000 doses of vaccine from the United States on Monday.\n"
    )
    chosen = key_quotes(TOPIC, [analysis(tmp_path, "p.txt", briefing)])
    assert [q.text[:20] for q in chosen] == ["Moldova received 500"]


def test_a_quote_opening_on_a_demonstrative_the_reader_cannot_resolve_is_not_key(tmp_path):
    # the title names the memorandum, but a quote's attribution cites so long a title as
    # "Briefing": the reader is not shown which memorandum
    briefing = (
        "Briefing with Special Envoy Jane Roe and Deputy Envoy John Poe on the Presidential "
        "Memorandum on Border Posts\n\nNed Price, Department Spokesperson\n\n"
        "MR PRICE: This memorandum makes clear that Moldova will receive 12 new border posts "
        "from the European Union.\n\n"
        "MR PRICE: This week, Moldova received 500,000 doses of vaccine from the United States.\n"
    )
    chosen = key_quotes(TOPIC, [analysis(tmp_path, "d.txt", briefing)])
    assert [q.text[:20] for q in chosen] == ["This week, Moldova r"]


def test_a_speakers_these_or_aside_to_the_room_is_not_key(tmp_path):
    # in the room "these peace efforts" were the ones the answer spoke of; quoted alone they
    # are none the reader knows. "This" may be the room's own ("this meeting"), and "those"
    # that a relative clause picks out points ahead, not back.
    briefing = (
        "Department Press Briefing – July 12, 2021\n\nNed Price, Department Spokesperson\n\n"
        "MR PRICE: The militia offensive in eastern Moldova has been the main obstacle to "
        "these peace efforts, and 40 civilians died in the fighting in May.\n\n"
        "MR PRICE: Moldova will give those villages that lost power 12 new generators this "
        "month.\n\n"
        # an aside to the room, anywhere in the quote, is said to the reporters there
        "MR PRICE: The grain program, as you know, was set up in March so that farmers in "
        "Moldova could sell 40 tonnes abroad.\n"
    )
    chosen = key_quotes(TOPIC, [analysis(tmp_path, "d.txt", briefing)])
    assert [q.text[:20] for q in chosen] == ["Moldova will give th"]
    # a speaker's "this" may be the room's, "those responsible" is a pronoun, "these days" a
    # time: each such quote stands
    head = (
        "Department Press Briefing – July 12, 2021\n\nNed Price, Department Spokesperson\n\n"
        "MR PRICE: Good afternoon, everyone.\n\nMR PRICE:"
    )
    for text in (
        "Moldova passed this bill and opened 40 new border posts in 12 towns.",
        "Moldova will hold those responsible for the 12 attacks on polling stations to account.",
        "Power cuts are common in Moldova these days, with 40 towns dark each week.",
    ):
        said = f"{head} {text}\n"
        chosen = key_quotes(TOPIC, [analysis(tmp_path, "e.txt", said)])
        assert [q.text for q in chosen] == [text]
    aside = "The grain program, as you may have seen, let farmers in Moldova sell 40 tonnes."
    said = f"{head} {aside}\n"
    assert not key_quotes(TOPIC, [analysis(tmp_path, "f.txt", said)])


@pytest.mark.parametrize(
    "qualifier",
    [
        "But the crossing from Romania remains critical, and no other route can replace it.",
        # what the sentence said, taken up again and set against
        "Such aid has been ready since March, but it can only reach them if the border opens.",
    ],
)
def test_a_quote_its_speaker_qualifies_in_the_next_sentence_is_not_key(tmp_path, qualifier):
    """Quoted without the "But …" that follows it, the speaker's position reads reversed."""
    briefing = (
        "Department Press Briefing – June 6, 2021\n\nNed Price, Department Spokesperson\n\n"
        "MR PRICE: The United States supports all forms of assistance for the people of "
        f"Moldova, including 40 new aid convoys from Chisinau. {qualifier}\n\n"
        "MR PRICE: Moldova received 500,000 doses of vaccine from the United States on Monday.\n"
    )
    chosen = key_quotes(TOPIC, [analysis(tmp_path, "q.txt", briefing)])
    assert [q.text[:20] for q in chosen] == ["Moldova received 500"]


def test_a_quote_from_a_source_that_only_touches_on_the_topic_comes_after_those_about_it(
    tmp_path,
):
    about = analysis(
        tmp_path,
        "moldova.txt",
        "Aid to Moldova\n\nEmbassy Chisinau\n\n"
        "“We will keep Moldova’s hospitals supplied through the winter,” "
        "said Ambassador Kent Logsdon.\n",
    )
    passing = analysis(
        tmp_path,
        "prize.txt",
        "The Harvest Prize Ceremony\n\nPrize Foundation\n\n"
        "The foundation named this year’s three laureates at a ceremony in Rome on Tuesday.\n\n"
        "“Seven million farmers from Kenya to Moldova face 40 percent higher fertilizer costs "
        "this year, and 12 countries have banned grain exports,” said Prize Foundation "
        "President Ana Lopes.\n",
    )
    chosen = key_quotes(TOPIC, [passing, about])
    assert [q.speaker for q in chosen] == ["Kent Logsdon", "Ana Lopes"]


def test_two_quotes_of_one_source_are_shown_in_the_order_it_has_them(tmp_path):
    release = analysis(
        tmp_path,
        "aid.txt",
        "New Assistance to Moldova\n\nAntony J. Blinken, Secretary of State\n\n"
        "We are providing $20 million in new humanitarian aid to Moldova this year.\n\n"
        "This assistance from our people will help 40,000 refugees in Moldova through the "
        "winter, and 12 hospitals in Chisinau and Balti will get 300 new beds by March 2023.\n",
    )
    chosen = key_quotes(TOPIC, [release])
    assert [q.text[:20] for q in chosen] == ["We are providing $20", "This assistance from"]


def test_asked_which_countries_a_quote_must_be_on_more_than_a_country(tmp_path):
    # "Country Reports on …" in the title and "the country's borders" in the quote share only
    # the question's answer type with it: no key quote on the question, so none at all
    report = (
        "Country Reports on Human Rights Practices: Ruritania\n\nMarch 5, 2024\n\n"
        "The UN commissioner, Ana Ruiz, said: “Since the closure of the country’s borders, "
        "border guards were ordered to use lethal force against 40 people who approached.”\n"
    )
    found = analysis(tmp_path, "r.txt", report)
    topic = Topic(name="Executions", query="Which countries executed protesters?")
    assert key_quotes(topic, [found]) == []
    asked_of_borders = Topic(name="Borders", query="Which countries closed their borders?")
    assert [q.speaker for q in key_quotes(asked_of_borders, [found])] == ["Ana Ruiz"]


REACTION = (
    "Moldova 2023 Human Rights Report\n\n"
    "In October, the journalist Elena Rusu was awarded the Press Freedom Prize. The "
    "spokesperson for the Ministry of Foreign Affairs Andrei Munteanu reacted by saying, "
    "“The Press Freedom Committee has honoured someone convicted of spreading false news "
    "three times. We condemn the decision as a hostile act.”\n"
)


def test_a_reaction_whose_stance_follows_a_claim_is_quoted_with_the_speakers_role(tmp_path):
    """A government's reaction quoted in a report says something before it condemns: a stance
    makes a quote hollow only when every sentence of it is one. The speaker described by a role
    before the name is named as a reader names them: name, then role."""
    report = analysis(tmp_path, "moldova.txt", REACTION)
    (quote,) = key_quotes(TOPIC, [report])
    assert quote.text.startswith("The Press Freedom Committee has honoured")
    assert (quote.speaker, quote.position) == (
        "Andrei Munteanu",
        "spokesperson for the Ministry of Foreign Affairs",
    )


def test_a_quote_that_is_only_a_stance_stays_hollow(tmp_path):
    text = REACTION.replace(
        "The Press Freedom Committee has honoured someone convicted of spreading false news "
        "three times. ",
        "",
    )
    assert key_quotes(TOPIC, [analysis(tmp_path, "moldova.txt", text)]) == []


def test_review_a_role_before_a_name_is_theirs_only_when_it_describes_them(tmp_path):
    from briefing.keyquotes import hollow, resolve_speaker
    from briefing.model import Quote

    report = read_file(_write(tmp_path, "Arland report. Many rights groups spoke on rights.\n"))
    for described in (
        "A spokesperson for Prime Minister Ilo Vesk",  # the spokesperson's words, not Vesk's
        "The ambassador to the United Nations",
        "The director of Human Rights Watch",  # "rights": a word of the document
    ):
        assert resolve_speaker(described, report, {}) == (described, None)
    assert resolve_speaker("The orchestra's music director Mara Tuun", report, {}) == (
        "Mara Tuun",
        "orchestra's music director",
    )
    # "Thank you." says nothing, before a stance or after it
    text = "Thank you. We remain steadfast in our commitment to the people of Arland."
    assert hollow(Quote(text, "Ilo Vesk", 0, len(text), kind="spoken"))


def _write(folder: Path, text: str) -> Path:
    path = folder / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_quote_a_report_relays_says_the_report_relayed_it():
    """A report quoting an official: the words are the official's, the report is where the
    reader finds them and is dated by its publication, not by when they were said."""
    from briefing.model import Document

    text = (
        "In October the activist Ana Popa was awarded a prize for her work on Moldova.\n\n"
        "The spokesperson for the Ministry of Foreign Affairs Ion Rusu reacted by saying, "
        "“The committee has given its prize to someone found guilty of 12 crimes in Moldova, "
        "and we condemn the award as politically motivated.”\n"
    )
    report = Document(
        Path("/tmp/moldova.txt"),
        "2023 Country Reports on Human Rights Practices: Moldova",
        text,
        date=date(2024, 4, 22),
        publisher="U.S. Department of State",
        doc_type="report",
    )
    (quote,) = key_quotes(TOPIC, [analyze(report)])
    assert quote.speaker == "Ion Rusu"
    assert quote.quoted_by == "State Department report on Moldova"
    # a report's author quoting themself relays nothing
    own = dataclasses.replace(report, publisher=None, authors=("Ion Rusu",))
    (quote,) = key_quotes(TOPIC, [analyze(own)])
    assert (quote.speaker, quote.quoted_by) == ("Ion Rusu", None)


def test_a_quote_that_tells_what_someone_else_always_said_is_not_the_speakers_own(tmp_path):
    """ "Former Prime Minister Abe always said Japan-U.S. alliance is the cornerstone …": the
    words worth quoting are another's, habitually said; the speaker's own claim is quotable."""
    from briefing.editorial import RELAYED_SAYING

    for text in (
        "Former Prime Minister Abe always said the alliance is the cornerstone of our diplomacy.",
        "My father used to say that Moldova would one day be free of its debts.",
        "President Lincoln once said that a house divided cannot stand.",
    ):
        assert RELAYED_SAYING.match(text), text
    for text in (
        "We said from the start that Moldova will decide its own future.",
        "I always said the sanctions would work, and 30 nations have joined them.",
        "The report said 40 clinics were closed in Moldova last year.",
        "Officials said on Monday that the talks would resume.",
    ):
        assert not RELAYED_SAYING.match(text), text


INTERPRETED_REMARKS = """Remarks With Foreign Minister Popescu – July 12, 2021

Washington, D.C.

SECRETARY BLINKEN: The United States has donated 500,000 doses of vaccine to Moldova, and we will send 20 more ventilators to Chisinau this month.

FOREIGN MINISTER POPESCU: Thank you, Tony.

(Via interpreter) Moldova signed a new gas contract with Romania in June that ends its dependence on Gazprom for the winter.

Moldova will hold parliamentary elections on July 11 with 2,000 observers from the OSCE in every district.
"""  # noqa: E501


def test_words_spoken_through_an_interpreter_say_so_in_every_format(cli, tmp_path):
    """A minister's English after "(Via interpreter)" is the interpreter's: each bullet and
    key quote from there says so beside the speaker's name, in brief.json, the HTML the PDF
    and Word files are made from, and `briefing summarize`; the direction itself is cut."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "2021-07-12_remarks.txt").write_text(INTERPRETED_REMARKS, encoding="utf-8")
    result = cli(
        "brief", sources, "--topic", "Moldova", "--keywords", "Moldova", "--words", "200",
        "--format", "json", "--format", "html", "--as-of", "2021-07-20", "--out", tmp_path / "out",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(next((tmp_path / "out").glob("**/brief.json")).read_text())
    (topic,) = data["topics"]
    said = [*topic["summary"], *topic["quotes"]]  # each sentence is a bullet or a quote
    gas = next(p for p in said if "gas contract" in p["text"])
    assert gas["text"].startswith("Moldova signed") and gas["interpreted"]
    assert any("elections" in p["text"] for p in said)
    assert any("500,000 doses" in p["text"] for p in said)
    # Popescu's lines after the direction, not Blinken's before it in English
    assert all(p["interpreted"] == p["text"].startswith("Moldova") for p in said)
    html = next((tmp_path / "out").glob("**/brief.html")).read_text()
    assert "Popescu (through an interpreter)" in html
    assert "Blinken (through an interpreter)" not in html and "(Via interpreter)" not in html

    out = cli("summarize", sources, "--keywords", "Moldova", "--words", "200")
    gas_line = next(line for line in out.output.splitlines() if "gas contract" in line)
    assert "Popescu (through an interpreter)" in gas_line


def test_an_answer_opening_on_the_direction_is_quotable_from_its_first_word(tmp_path):
    """The first sentence of an interpreted turn is quotable: the direction is cut from it,
    and its text still points at the source's characters."""
    from briefing.keyquotes import _pool

    found = analysis(tmp_path, "remarks.txt", INTERPRETED_REMARKS)
    texts = {q.text: q for q in _pool(found)}
    opening = next(q for t, q in texts.items() if t.startswith("Moldova signed"))
    assert found.doc.text[opening.start : opening.end] == opening.text
    assert not any("(Via interpreter)" in t for t in texts)


def test_a_direction_inside_what_a_speaker_reads_out_marks_nothing(tmp_path):
    """Only a direction that opens the turn or one of its paragraphs says the speaker's words
    came through an interpreter; one inside a message the speaker reads out does not."""
    from briefing.attribution import interpreted

    found = analysis(
        tmp_path,
        "briefing.txt",
        "Department Press Briefing – July 12, 2021\n\nMR PRICE: Lavrov posted a message that "
        "reads, in part (as interpreted): “Moldova will pay.”\n\nThe United States has donated "
        "500,000 doses of vaccine to Moldova this month.\n",
    )
    doc = found.doc
    assert not interpreted(doc, doc.text.index("The United States has donated"))
    later = INTERPRETED_REMARKS
    doc = analysis(tmp_path, "remarks.txt", later).doc
    assert interpreted(doc, doc.text.index("Moldova will hold"))
    assert not interpreted(doc, doc.text.index("Thank you, Tony"))
    # a direction opening a sentence inside the paragraph counts, and its quote says so
    run_on = later.replace("Thank you, Tony.\n\n(Via", "Thank you, Tony. (Via")
    assert run_on != later
    found = analysis(tmp_path, "run-on.txt", run_on)
    assert interpreted(found.doc, found.doc.text.index("Moldova signed"))
    from briefing.keyquotes import _pool

    gas = next(q for q in _pool(found) if "gas contract" in q.text)
    assert gas.text.startswith("Moldova signed")


def test_a_speaker_who_goes_on_in_english_speaks_for_themselves_from_there(tmp_path):
    """"(In English)" later in an interpreted turn ends the interpreter's part: the words
    after it are the speaker's own, and the direction is cut from the bullet as the
    interpreter's is."""
    from briefing.attribution import after_direction, interpreted
    from briefing.keyquotes import _pool

    text = INTERPRETED_REMARKS.replace(
        "\n\nMoldova will hold", "\n\n(In English) Moldova will hold"
    )
    found = analysis(tmp_path, "remarks.txt", text)
    doc = found.doc
    assert interpreted(doc, doc.text.index("Moldova signed"))
    assert not interpreted(doc, doc.text.index("Moldova will hold"))
    direction = doc.text.index("(In English)")
    assert after_direction(doc, direction, len(doc.text)) == doc.text.index("Moldova will hold")
    elections = next(q for q in _pool(found) if "elections" in q.text)
    assert elections.text.startswith("Moldova will hold")
