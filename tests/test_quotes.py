"""Direct quotes: what counts as one, where it starts and ends, and who said it."""

from pathlib import Path

import pytest

from briefing.ingest.page import read_page
from briefing.quotes import find_quotes
from conftest import assert_verbatim


def quotes_of(body: str):
    doc = read_page(Path("story.txt"), "A Story About Talks\n\n" + body)
    found = find_quotes(doc)
    for q in found:
        assert_verbatim(q, doc.text)
    return [(q.text, q.speaker) for q in found]


def speaker_of(body: str) -> str | None:
    """The speaker of the one quote in ``body``."""
    [(_, speaker)] = quotes_of(body)
    return speaker


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a cue verb after the quote, straight and curly marks
        (
            '"We will not back down from this," Maria Delgado said.',
            [("We will not back down from this", "Maria Delgado")],
        ),
        (
            "“We will not back down from this,” said Maria Delgado, the deputy secretary.",
            [("We will not back down from this", "Maria Delgado")],
        ),
        # the cue before the quote
        (
            "Maria Delgado told reporters: “The talks will go on next week.”",
            [("The talks will go on next week.", "Maria Delgado")],
        ),
        # a name with a title and a party tag, then a two-comma appositive
        (
            "“It is an invasion of our domain,” Scott Pruitt, the attorney general of Oklahoma, "
            "one of the states suing, said on Monday.",
            [("It is an invasion of our domain", "Scott Pruitt")],
        ),
        # an anonymous source is still a speaker
        (
            "“They are in a frenzy with no plan at all,” said one Democratic source on the panel.",
            [("They are in a frenzy with no plan at all", "One Democratic source on the panel")],
        ),
        # "Said X:" leads the quote
        (
            "Said Ellis: “I don't get the sense she is interested in reform.”",
            [("I don't get the sense she is interested in reform.", "Ellis")],
        ),
    ],
)
def test_speaker_from_the_cue(body, expected):
    assert quotes_of(body) == expected


def test_a_quote_split_by_its_attribution_is_one_quote():
    body = (
        "“What we owe the people mining coal is to be honest with them,” Mr. Obama said, "
        "“and to say that the economy is shifting.”"
    )
    assert quotes_of(body) == [
        (
            "What we owe the people mining coal is to be honest with them, "
            "and to say that the economy is shifting.",
            "Obama",
        )
    ]


def test_a_second_sentence_after_the_attribution_joins_the_quote():
    body = (
        '"It\'s heartbreaking and hard to watch," Ryan said in an interview. '
        '"And this country has to find new ways of learning how to heal."'
    )
    assert quotes_of(body) == [
        (
            "It's heartbreaking and hard to watch … "
            "And this country has to find new ways of learning how to heal.",
            "Ryan",
        )
    ]


def test_two_attributions_make_two_quotes():
    body = (
        "“This just is not right at all,” Warren said. “You squeezed employees to the "
        "breaking point,” she said."
    )
    assert [t for t, _ in quotes_of(body)] == [
        "This just is not right at all",
        "You squeezed employees to the breaking point",
    ]


def test_a_speaker_described_at_length_still_joins_the_two_parts():
    body = (
        "“If it does not have the capability yet, it will at some point,” said James Acton, a "
        "physicist who studies weapons at the endowment. “People disagree about the threat.”"
    )
    [(text, speaker)] = quotes_of(body)
    assert text.endswith("at some point … People disagree about the threat.")
    assert speaker == "James Acton"


def test_a_lead_in_paragraph_names_the_speaker():
    body = (
        "“There were two polls this week with the same numbers,” said Pat Caddell.\n\n"
        "Caddell continued:\n\n"
        "“The health issue is very much a partisan issue, but not here.”"
    )
    assert [s for _, s in quotes_of(body)] == ["Pat Caddell", "Pat Caddell"]


def test_a_quote_paragraph_after_an_attributed_quote_goes_on_with_its_speaker():
    # a surname alone, as sports pages write it: the ranker would hold back
    body = (
        "The bowler withdrew an hour before the final.\n\n"
        "“I felt the muscle go on the second ball,” said Okafor.\n\n"
        "“There is nothing to do but rest it for a month and come back stronger.”\n\n"
        "“Next season starts without me,” the coach said.\n\n"
        "The club confirmed the injury on Friday.\n\n"
        "“A quote with narration between it and the last one is not continued.”"
    )
    speakers = [s for _, s in quotes_of(body)]
    assert speakers[:2] == ["Okafor", "Okafor"]
    assert speakers[3] is None


def test_a_stray_straight_mark_opens_no_quote():
    body = (
        'Oz took him through a review of [his] systems" including his heart and lungs. '
        'The only "medical records" shown were a letter.'
    )
    assert quotes_of(body) == []


def test_a_quote_over_two_paragraphs_is_one_quote():
    body = (
        "“The first part of what I want to say runs to the end of this paragraph.\n\n"
        "“And the second part closes it here,” said Ana Ruiz, the envoy."
    )
    assert quotes_of(body) == [
        (
            "The first part of what I want to say runs to the end of this paragraph. "
            "And the second part closes it here",
            "Ana Ruiz",
        )
    ]


@pytest.mark.parametrize("marks", [("“", "”"), ('"', '"')])
def test_a_quote_left_open_at_a_line_end_closes_on_the_next_line(marks):
    # a file of one sentence a line: the quotation's marks balance over the line break, so its
    # first sentence ends one line and its closing mark comes in the next
    opening, closing = marks
    body = (
        "The hosts won with a day to spare.\n\n"
        f"{opening}The defence was outstanding.\n\n"
        f"I have not seen a back four play like that all season,{closing} Hughes told the radio."
        "\n\nThe series is level."
    )
    assert quotes_of(body) == [
        (
            "The defence was outstanding. "
            "I have not seen a back four play like that all season",
            "Hughes",
        )
    ]


def test_an_opening_mark_left_at_the_end_of_the_line_before_opens_the_next():
    # a file of one sentence a line whose splitter left each quotation's opening mark at the
    # end of the sentence before it ("… the quarry. '" / "I was told …"), also where a
    # quotation of several paragraphs is reopened
    doc = read_page(
        Path("story.txt"),
        "Tom Reilly moved to the village last spring, despite a warning about the quarry. '\n"
        "I was told that the blasting had stopped years ago\n"
        "but I never thought to check it myself,' Mr Reilly said.\n"
        "Then the blasting began again. '\n"
        "On the first morning the windows shook and the dog hid under the bed. '\n"
        "Dust settles on everything in the garden now,' he added.\n",
    )
    assert [(q.text, q.speaker) for q in find_quotes(doc)] == [
        (
            "I was told that the blasting had stopped years ago but I never thought to check "
            "it myself",
            "Tom Reilly",
        ),
        (
            "On the first morning the windows shook and the dog hid under the bed. "
            "Dust settles on everything in the garden now",
            "Tom Reilly",
        ),
    ]
    assert "about the quarry.\n" in doc.text and "quarry. '" not in doc.text


def test_a_straight_mark_before_a_full_stop_opens_nothing():
    # the sentence's punctuation after a straight mark: it closes a quotation (here one whose
    # opening mark the source lost), and the next line's quotation is whole
    body = (
        'Dealers expect the market to recover by spring".\n\n'
        '"Looking\n\nat the order books, we expect a busy year for every yard," the '
        "chairman added."
    )
    assert [text for text, _ in quotes_of(body)] == [
        "Looking at the order books, we expect a busy year for every yard"
    ]


@pytest.mark.parametrize(
    "after",
    [
        "The council disagreed with her view of the day.",
        '"We disagree with every word of that," the club said in a statement.',  # its own
    ],
)
@pytest.mark.parametrize("said", ['She said: "', 'She said:"'])
def test_a_closing_mark_typed_after_a_space_still_closes_its_line(said, after):
    doc = read_page(
        Path("story.txt"), f"{said}It was a fine day for all of us here. \"\n{after}\n"
    )
    assert [q.text for q in find_quotes(doc)][:1] == ["It was a fine day for all of us here."]
    assert doc.text.startswith(f"{said}It was a fine day for all of us here. \"\n")


def test_a_mark_moved_onto_a_line_with_the_next_paragraphs_first_word():
    # a file of one sentence a line that put the mark at a paragraph's edge on a line of its
    # own with the next paragraph's first word: it closes the quotation the lines before left
    # open, and opens a sentence that closes one or speaks in the first person. Such a file
    # moved the closing mark of every paragraph, also where no word went with it
    doc = read_page(
        Path("story.txt"),
        'Harbour master Ines Duarte said: "The new wall will hold back a winter storm.\n'
        "It cost less than the repairs of the last three years together.\n"
        '"The\n'
        "council voted for the wall in March after two floods.\n"
        '"We\n'
        "looked at every other way of keeping the water out,\" Ms Duarte said.\n"
        '"It is the cheapest wall the town could build.\n'
        '"Building starts next month, she added.\n'
        '"After\n'
        "that, our boats can stay in the harbour all year.\n"
        '"The\n'
        "first boats are due back in May.\n",
    )
    assert [q.text for q in find_quotes(doc)] == [
        "The new wall will hold back a winter storm. "
        "It cost less than the repairs of the last three years together.",
        "We looked at every other way of keeping the water out",
        "It is the cheapest wall the town could build.",
        "After that, our boats can stay in the harbour all year.",
    ]
    assert "\n\nThe council voted" in doc.text and "\n\nThe first boats" in doc.text
    assert 'could build."\n\nBuilding starts' in doc.text


def test_a_moved_mark_handed_back_closes_the_quotation_once():
    # a line of a mark alone goes back to close the quotation; the lines after are outside it
    doc = read_page(
        Path("story.txt"),
        'Harbour master Ines Duarte said: "The new wall will hold back a winter storm.\n'
        '"\n'
        "The council met on Monday to approve the plan.\n"
        '"Work on the wall starts in May.\n'
        '"The\n'
        "mayor agreed with her.\n",
    )
    assert 'a winter storm."\n\nThe council met on Monday to approve the plan.\n\n"Work' in (
        doc.text
    )


def test_a_mark_alone_on_its_line_opens_the_next_when_no_quotation_is_open():
    doc = read_page(
        Path("story.txt"),
        "The mayor spoke after the vote on the harbour wall.\n"
        '"\n'
        'The town has waited twenty years for this wall," she said.\n'
        '"We start in May.\n'
        '"The\n'
        "council agreed.\n",
    )
    assert [q.text for q in find_quotes(doc)][0] == "The town has waited twenty years for this wall"


def test_a_file_that_moved_closing_marks_without_one_word_lines():
    # no line ends on a closing mark after a sentence's punctuation, and lines open with one:
    # the closing marks went to the next line's start
    doc = read_page(
        Path("story.txt"),
        'The coach said: "We were slow in the first half.\n'
        "It is a long season.\n"
        '"The club has won two of its last ten games.\n'
        '"I think we\'re getting there," he added.\n',
    )
    assert [q.text for q in find_quotes(doc)] == [
        "We were slow in the first half. It is a long season.",
        "I think we're getting there",
    ]


def test_a_quotation_runs_on_over_a_line_with_an_apostrophe():
    doc = read_page(
        Path("story.txt"),
        "'It was a fine win for all of us,' the coach said.\n"
        "'We knew it would be hard.\n"
        "I'm proud of every one of them.\n"
        "We will celebrate tonight,' he added.\n",
    )
    assert [q.text for q in find_quotes(doc)][1:] == [
        "We knew it would be hard. I'm proud of every one of them. We will celebrate tonight"
    ]


def test_blocks_a_copy_ran_together_are_parted():
    # a caption or a link's words glued to the next sentence: a lower-case word before a
    # name the file writes on its own, or any word before one that opens a clause; names
    # written with a capital inside, and addresses, stay whole
    doc = read_page(
        Path("story.txt"),
        "The pier reopened on Saturday after two years of repairs.\n"
        "Watch the video of the opening on this pageNora Quinn said: \"We kept every plank "
        'we could save."\n'
        "Photograph by Ian MossThe pier first opened in 1891.\n"
        "Fans of EastEnders and McDonald's came to see the lights.\n"
        "Flights with easyJet were cancelled, and the LinkedIn page moved to "
        "https://example.org/pierNews/today for the day.\n"
        "Nora has run the pier trust since 2015.\n",
    )
    assert [(q.text, q.speaker) for q in find_quotes(doc)] == [
        ("We kept every plank we could save.", "Nora Quinn")
    ]
    assert "on this page\n\nNora Quinn said" in doc.text
    assert "Ian Moss\n\nThe pier first opened" in doc.text
    assert "Fans of EastEnders and McDonald's" in doc.text
    assert "Flights with easyJet were cancelled, and the LinkedIn page moved to " in doc.text
    assert "https://example.org/pierNews/today" in doc.text


def test_a_link_glued_to_a_full_name_whose_surname_the_file_writes_alone_is_parted():
    doc = read_page(
        Path("story.txt"),
        "Share this page on this linkMarta Ellison, 31, won the harbour swim on Sunday.\n"
        "She trained for a year in the cold water of the bay.\n"
        "Ellison, who grew up in the town, beat the record by a minute.\n"
        '"I could not feel my hands at the end," she said.\n'
        "Flights on LinkedIn Travel were full.\n",
    )
    assert "linkMarta" not in doc.text
    assert "Marta Ellison, 31, won the harbour swim" in doc.text
    assert "Flights on LinkedIn Travel" in doc.text
    assert [q.speaker for q in find_quotes(doc)] == ["Marta Ellison"]


def test_a_closing_mark_set_off_by_a_space_at_a_paragraphs_end_closes_the_quotation():
    # copies of one sentence a line that part every mark from its word: "… the pier. '"
    doc = read_page(
        Path("story.txt"),
        "The harbour master said the storm had broken two moorings.\n"
        "'We lost a boat in the night and nobody was hurt,' she said.\n"
        "'The crews worked until dawn to save the rest of the pier. '\n"
        "The harbour reopens on Monday.\n",
    )
    assert [q.text for q in find_quotes(doc)] == [
        "We lost a boat in the night and nobody was hurt",
        "The crews worked until dawn to save the rest of the pier.",
    ]


def test_a_mark_glued_to_a_word_before_a_quotation_it_closes_stays():
    doc = read_page(
        Path("story.txt"),
        "The vote was close.\nHe called it\"Plan B for the town\" and walked out.\n",
    )
    assert 'He called it"Plan B for the town" and walked out.' in doc.text


def test_a_quotation_of_several_sentences_one_a_line_runs_over_unmarked_lines():
    # a file of one sentence a line: only the first line opens and only the last closes
    doc = read_page(
        Path("story.txt"),
        "The club confirmed the move on Friday.\n"
        "'He was a fine servant to this club,' the manager said.\n"
        "'He came to us as a boy of sixteen.\n"
        "He leaves as our record scorer.\n"
        "Nobody here will forget the cup run,' he said.\n"
        "The fee was not disclosed.\n",
    )
    assert [q.text for q in find_quotes(doc)][1:] == [
        "He came to us as a boy of sixteen. He leaves as our record scorer. Nobody here will "
        "forget the cup run"
    ]


@pytest.mark.parametrize("between", ["The review is due in May.", "The review is due. It is late."])
def test_a_quotation_left_open_in_a_paragraph_of_prose_does_not_run_on(between):
    # paragraphs, not one sentence a line: an unclosed quotation is never run into the next
    body = (
        "“We will not wait for the review. It is too late for that,” said Ana Ruiz. “The "
        f"money has to come this year.\n\n{between}\n\n"
        "“Nothing changes until then,” she said."
    )
    assert [text for text, _ in quotes_of(body)] == [
        "We will not wait for the review. It is too late for that",
        "Nothing changes until then",
    ]


def test_a_straight_mark_closing_a_curly_one_at_a_paragraphs_end():
    body = (
        "“Nobody expected the vote to be so close,” said Ana Ruiz. “We will ask for a "
        'recount before the end of the week."\n\n'
        "The council has not said when it will meet."
    )
    assert [text for text, _ in quotes_of(body)][-1].endswith(
        "We will ask for a recount before the end of the week."
    )


def test_a_mark_glued_between_two_sentences_and_words_broken_off_a_line():
    doc = read_page(
        Path("story.txt"),
        "The trust plans to open two more centres next year, Ann Bolt told the BBC."
        '"We have the staff\n'
        "and the money to do it, and the need is there,\" she said.\n"
        '"What matters\n'
        "is that you can get help close to home.\n"
        '"The\n'
        "trust was founded in 1998.\n",
    )
    assert [q.text for q in find_quotes(doc)] == [
        "We have the staff and the money to do it, and the need is there",
        "What matters is that you can get help close to home.",
    ]
    assert 'told the BBC. "We have the staff and the money' in doc.text
    assert '"What matters is that you can' in doc.text


def test_a_quote_broken_mid_sentence_over_two_lines_reads_as_one_sentence():
    body = (
        "The club gave its reasons.\n\n"
        '"The\n\n'
        'fund will pay for repairs to the stand before the new season," a club statement said.'
    )
    assert quotes_of(body) == [
        ("The fund will pay for repairs to the stand before the new season", "A club statement")
    ]


@pytest.mark.parametrize(
    "between",
    [
        "The hosts won with a day to spare.\n\n",  # a line with no mark
        "",  # the next line's first mark opens a quotation
    ],
)
@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ('"', '"')])
def test_a_quote_left_open_is_not_closed_past_the_next_line(between, opening, closing):
    body = (
        f"{opening}The defence was outstanding.\n\n{between}"
        f"Coach Ann Lee said: {opening}It was as good a week of cricket as you could wish for."
        f"{closing}"
    )
    assert [text for text, _ in quotes_of(body)] == (
        ["It was as good a week of cricket as you could wish for."]
    )


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # British titles without a full stop, then the short form a later paragraph uses
        (
            "Prof Helen Carter led the survey of the estuary.\n\n"
            "“Every sample we took came back worse than the last,” Prof Carter said.",
            "Helen Carter",
        ),
        # a knight or dame is "Sir" or "Dame" and the given name on second mention
        (
            "Sir Malcolm Price chaired the review of the service.\n\n"
            "“Nobody checked the rotas for the whole of that winter,” said Sir Malcolm.",
            "Malcolm Price",
        ),
        (
            "Dame Ruth Ellery spoke to the governors.\n\n"
            "“The trustees alone can settle where the money goes,” Dame Ruth said.",
            "Ruth Ellery",
        ),
    ],
)
def test_a_title_without_a_full_stop_resolves_to_the_full_name(body, speaker):
    assert [s for _, s in quotes_of(body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # an age after the cue stands for the person the paragraph before is about
        (
            "Grace Mwangi has run the clinic on the hill for a decade.\n\n"
            "“We have never had to send a patient home before,” said the 45-year-old.",
            "Grace Mwangi",
        ),
        # a parent described by family, and only someone of that sex
        (
            "Lena Park was a nurse for years. Mr Jon Ode, her neighbour, is a cook.\n\n"
            "“We were never told the school would close,” said the mother of three.",
            "Lena Park",
        ),
        # a description by what someone does or has won stands for the person narrated
        (
            "Dana Obi won the 400m in Oslo on Sunday, her third win of the season.\n\n"
            "The world champion said: “I felt strong from the gun and never looked back.”",
            "Dana Obi",
        ),
        # but not someone the text gave another title of office
        (
            "Senator Ann de Vries spoke at the rally in April.\n\n"
            "The actress said: “We will reopen the theatre on the first day of spring.”",
            "The actress",
        ),
        # an age still stands for someone the text calls "Ms" (a courtesy, no office)
        (
            "Ms Grace Mwangi has run the clinic on the hill for a decade.\n\n"
            "“We have never had to send a patient home before,” said the 45-year-old.",
            "Grace Mwangi",
        ),
        # a part towards others is mostly someone else: the victim is not the attacker
        (
            "John Reed, 34, stabbed a man outside a bar in Leeds on Friday night.\n\n"
            "The victim said: “I thought I was going to die on the pavement.”",
            "The victim",
        ),
        # a sentence that ends on a quotation is narration, not a lead-in to skip back over
        # (to the coach); holding a quotation, it names no one for sure, so the epithet stays
        (
            "Coach Sam Lee watched from the stands in Oslo on Sunday.\n\n"
            "Dana Obi crossed the line in 49.1 seconds and called the time “unreal.”\n\n"
            "“I felt strong from the gun,” said the world champion.",
            "The world champion",
        ),
        # nor a possession narrated last
        (
            "Lee’s money makes up a tiny share of the spending.\n\n"
            "The billionaire actor said: “Nobody cares when you spend your own money.”",
            "The billionaire actor",
        ),
        # with no one named just before, the description stays: no guess at the last speaker
        (
            "“We will appeal the ruling,” Omar Haddad said.\n\nThe case went back in May.\n\n"
            "“I owe it to my children to keep going,” said the 38-year-old.",
            "The 38-year-old",
        ),
    ],
)
def test_an_epithet_stands_for_the_person_named_before(body, speaker):
    assert [s for _, s in quotes_of(body)][-1] == speaker


def test_a_present_tense_sentence_names_who_a_pronoun_is():
    # feature copy narrates in the present: "chairs" takes an object, so it is a verb and Ruth
    # Adeyemi the subject the pronoun continues, not the last speaker
    body = (
        "Ken Dube spoke first. “We will appeal the ruling on Monday,” he said.\n\n"
        "Ruth Adeyemi chairs the trust. “The wards will stay open all winter,” she insisted."
    )
    assert [s for _, s in quotes_of(body)] == ["Ken Dube", "Ruth Adeyemi"]


def test_a_pronoun_the_text_used_for_someone_says_their_sex():
    # no honorifics (wire and Indian copy): "she" once used for Ruth Adeyemi makes the later
    # "she" hers, not that of the man of unknown sex who spoke in between
    body = (
        "Ruth Adeyemi chairs the trust. “The wards will stay open all winter,” she said.\n\n"
        "“We will appeal the ruling on Monday,” said Ken Dube.\n\n"
        "“We have hired forty nurses since June,” she added."
    )
    assert [s for _, s in quotes_of(body)] == ["Ruth Adeyemi", "Ken Dube", "Ruth Adeyemi"]


@pytest.mark.parametrize("verb", ["maintained", "revealed", "confirmed", "retorted"])
def test_reporting_verbs_of_british_and_wire_copy_lead_to_the_speaker(verb):
    body = f"“The wards will stay open for the whole winter,” {verb} Ms Adeyemi."
    assert speaker_of(body) == "Adeyemi"


def test_a_quote_opened_after_its_cue_runs_on_over_paragraphs():
    # British and wire copy: the cue, then a quotation left open at the paragraph's end and
    # reopened at the start of the next
    body = (
        "The growers' union met the minister on Friday.\n\n"
        "Its chair, Tom Gallagher, said: “We were promised the grant two winters ago.\n\n"
        "“Since then three families on my road have sold up and moved away.”\n\n"
        "The department did not reply."
    )
    assert quotes_of(body) == [
        (
            "We were promised the grant two winters ago. "
            "Since then three families on my road have sold up and moved away.",
            "Tom Gallagher",
        )
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the subject of the sentence the quote sits in
        (
            "In January, Gov. Earl Ray Tomblin of West Virginia lauded him for helping develop "
            "“new and innovative ideas for the state.”",
            "Earl Ray Tomblin",
        ),
        ("Cruz called Trump a “narcissist at a level this country has never seen.”", "Cruz"),
        (
            "Howard Dean, a former party chairman, poked at the debate, tweeting, "
            "“Notice the candidate sniffing all the time.”",
            "Howard Dean",
        ),
        (
            "The Republican nominee also vowed to punish “those who violate classification rules.”",
            "The Republican nominee",
        ),
        # a pronoun names the subject of its own sentence first
        (
            "Sen. Claire McCaskill scolded him: “The scientific community is against you,” "
            "she said.",
            "Claire McCaskill",
        ),
        # a quote that opens a sentence after "X said."
        (
            "The administration may be reluctant to act, Schiff said. “The other factor is the "
            "appearance of tipping the scales.”",
            "Schiff",
        ),
    ],
)
def test_speaker_from_the_sentence(body, speaker):
    assert speaker_of(body) == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "“I thought he did all the things right,” said MSNBC host Chris Matthews.",
            "Chris Matthews",
        ),
        (
            "“The impact of the debate is still small,” wrote Cameron Easley for Morning Consult.",
            "Cameron Easley",
        ),
        (
            "“This is a disgusting day for us,” said Rep. G.K. Butterfield (D-N.C.), head of the "
            "caucus.",
            "G.K. Butterfield",
        ),
        (
            "The ad uses footage of Hillary Clinton asking, “Why aren't I fifty points ahead?”",
            "Hillary Clinton",
        ),
        ("According to Limbaugh, “If it was left up to her, she would say nothing.”", "Limbaugh"),
        # the body cited, not the relative clause after it
        (
            "Two guards were injured, according to the Interior Ministry, which said a “truck "
            "loaded with fuel caught fire at the main gate.”",
            "Interior Ministry",
        ),
        (
            "Two guards were injured, according to the Interior Ministry which said a “truck "
            "loaded with fuel caught fire at the main gate.”",
            "Interior Ministry",
        ),
        (
            "Two guards were injured, according to the Interior Ministry, which said on Monday "
            "that a “truck loaded with fuel caught fire at the main gate.”",
            "Interior Ministry",
        ),
        # … but not past a name the relative clause gives the quote to
        (
            "No one was hurt, according to Example Wire, which reported that Foreign Minister "
            "Ali Khan said: “We will not sign the accord this year.”",
            "Ali Khan",
        ),
        # a cue and its subject inverted, between commas, before the quote
        (
            "Maria Lopez cares for her son.\n\nWhen the new centre opened its doors, says "
            "Maria, “Everything about our weekends became easier for the whole family.”",
            "Maria",
        ),
        (
            "The primary requirement is a “lawful source of investment income,” as a Homeland "
            "Security memo put it.",
            "A Homeland Security memo",
        ),
        (
            "Small donors are scarce this year, a new analysis of the filings shows.\n\n"
            "Few of her donors give small sums, and The New York Times reports:\n\n"
            "“Just 24 percent of the contributors gave less.”",
            "New York Times",
        ),
        (
            "His former partner at Lenox, Lawrence B. Cummings, called him a master at deals. "
            "“He showed again and again an ability to close.”",
            "Lawrence B. Cummings",
        ),
        (
            "Donald Trump and his aides have had words for moderators, telling O'Reilly that "
            "“I'm not okay with the moderator at all.”",
            "Donald Trump",
        ),
        (
            "Proxies may not vote “to fill a vacancy on the National ticket,” per the "
            "party’s bylaws.",
            "The party’s bylaws",
        ),
        # a name and a verb after a quote that ends its sentence begin the next sentence
        (
            "Officials in Japan were angry. Japan branded it an “outlaw nation in the "
            "neighborhood.” Russia insisted on calm.",
            "Japan",
        ),
    ],
)
def test_more_ways_of_naming_the_speaker(body, speaker):
    assert speaker_of(body) == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "As Secretary Antony Blinken said, “Might makes right is no way to run a world.”",
            "Antony Blinken",
        ),
        (
            "“Russia cannot veto the UN Charter at all,” said U.S. Ambassador to the United "
            "Nations Linda Thomas-Greenfield.",
            "Linda Thomas-Greenfield",
        ),
    ],
)
def test_titles_and_openers_are_not_part_of_a_name(body, speaker):
    assert speaker_of(body) == speaker


def test_a_pronoun_goes_to_the_last_named_speaker():
    body = (
        "“We expect a deal within the month,” said Ana Ruiz.\n\n"
        "The meeting ran late.\n\n“Nobody wants another delay,” she added."
    )
    assert [s for _, s in quotes_of(body)] == ["Ana Ruiz", "Ana Ruiz"]


@pytest.mark.parametrize(
    "body",
    [
        "He called it “fake news” and left.",  # scare quotes: too short
        "She read “The Grapes Of Wrath Again” on the plane.",  # a title
        "Only the “quote that never closes and runs on to the end",  # unbalanced
        "They released “Advancing the Human Rights of LGBTQI+ Persons Around the World.”",
    ],
)
def test_not_quotes(body):
    assert quotes_of(body) == []


def test_a_nested_quote_stays_inside_its_quote():
    body = "“They told us, ‘Our approach has not worked,’ and we listened,” Mitchell said."
    assert quotes_of(body) == [
        ("They told us, ‘Our approach has not worked,’ and we listened", "Mitchell")
    ]


def test_the_title_before_a_name_is_the_speakers_position():
    doc = read_page(
        Path("s.txt"), "A Story\n\nAs Secretary Blinken said, “Might makes right is no way.”"
    )
    assert [(q.speaker, q.position) for q in find_quotes(doc)] == [("Blinken", "Secretary")]


def test_a_pronoun_goes_to_the_last_compatible_speaker():
    body = (
        "“We expect a deal within the month,” said Ms. Ana Ruiz, the envoy.\n\n"
        "“They are wrong about the timing,” said Mr. Tom Hale.\n\n"
        "“It is not over yet, whatever they say,” she said.\n\n"
        "“Nor is it settled in our view,” he said."
    )
    assert [s for _, s in quotes_of(body)] == ["Ana Ruiz", "Tom Hale", "Ana Ruiz", "Tom Hale"]


def test_a_role_says_who_a_pronoun_can_be():
    body = (
        "“We expect a deal within the month,” said Ana Ruiz, a spokeswoman for the mission.\n\n"
        "“They are wrong about the timing,” said Tom Hale, the committee chairman.\n\n"
        "“It is not over yet, whatever they say,” she said."
    )
    assert [s for _, s in quotes_of(body)] == ["Ana Ruiz", "Tom Hale", "Ana Ruiz"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "When pressed on the plan, the 34-year-old mother of three replied, “It is meant to "
            "benefit the mother who gave birth.”",
            "The 34-year-old mother of three",
        ),
        # a possessive is not a name: "Scott's relatives", not "Scott"
        (
            "Scott's relatives, including his wife, watched the videos and said they came away "
            "with “more questions than answers about it.”",
            "Scott's relatives",
        ),
        # a person's document speaks for its author
        (
            "Bornstein's earlier letter was ridiculed for its claim that he would be “the "
            "healthiest individual ever elected to the presidency.”",
            "Bornstein",
        ),
    ],
)
def test_described_speakers(body, speaker):
    assert speaker_of(body) == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # report prose quotes terms after subjects that are not speakers
        (
            "Legal amendments adopted on July 11 enabled authorities to revoke citizenship for "
            "“participation in extremist activities abroad.”",
            None,
        ),
        (
            "A report published in September described how the two states acted as “active "
            "facilitators of the regime’s repression.”",
            None,
        ),
        # a place after a preposition is not part of the name that follows it
        (
            "The Special Rapporteur on human rights in Afghanistan Richard Bennett said the "
            "decree issued in Afghanistan was “a grave violation of the rights of women.”",
            "Richard Bennett",
        ),
    ],
)
def test_report_prose(body, speaker):
    assert speaker_of(body) == speaker


def test_a_paragraph_opened_with_a_closing_mark_is_still_a_quote():
    body = (
        "Readers sent us their views on the debate this week, and many were worried.\n\n"
        "”Fear. I am truly afraid of what comes next for the country.” ― Edwin G. Monroy"
    )
    assert quotes_of(body) == [
        ("Fear. I am truly afraid of what comes next for the country.", "Edwin G. Monroy")
    ]


def test_an_opening_mark_typed_for_a_closing_one_closes_the_quote():
    body = "“It's unusual,“ said Larry Noble, an attorney. “It's a hard thing to pull off.”"
    assert quotes_of(body) == [
        ("It's unusual … It's a hard thing to pull off.", "Larry Noble"),
    ]


def test_a_title_in_the_appositive_does_not_end_the_attribution():
    body = (
        '"We should not be shocked by any of this," said Alex Conant, an aide to Sen. Marco '
        'Rubio. "Every part of the campaign is lacking right now."'
    )
    [(_, speaker)] = quotes_of(body)
    assert speaker == "Alex Conant"


def test_single_marks_quote_in_a_document_without_double_ones():
    body = (
        "‘We won’t back down from this fight,’ Mr Hughes said on Tuesday.\n\n"
        "‘It is a matter for the courts now,’ said Sarah Patel, a lawyer. ‘We will appeal.’"
    )
    assert quotes_of(body) == [
        ("We won’t back down from this fight", "Hughes"),
        ("It is a matter for the courts now … We will appeal.", "Sarah Patel"),
    ]
    # single marks stay the quotation marks when a double pair quotes a title or a term
    british = (
        "The report, “Safer Streets”, was published on Monday.\n\n"
        "‘We won’t back down from this fight,’ Mr Hughes said.\n\n"
        "‘It is a matter for the courts now,’ said Sarah Patel, a lawyer."
    )
    assert [speaker for _, speaker in quotes_of(british)] == ["Hughes", "Sarah Patel"]
    # beside double marks, single ones are a quotation within a quotation
    nested = "“They called it ‘a matter for the courts now’ and left,” said Sarah Patel."
    assert quotes_of(nested) == [
        ("They called it ‘a matter for the courts now’ and left", "Sarah Patel")
    ]


def test_straight_single_marks_quote_when_the_page_has_no_double_ones():
    body = (
        "'Nobody on this council was ever asked about it,' said Mark Dlamini. He left at six.\n\n"
        "'We don't accept the '90s figures either,' he added."
    )
    assert quotes_of(body) == [
        ("Nobody on this council was ever asked about it", "Mark Dlamini"),
        ("We don't accept the '90s figures either", "Mark Dlamini"),
    ]
    # two single marks typed for a double one keep a single pair inside them nested
    typed = "''She told me 'go home and stay there' and I did,'' said Mark Dlamini."
    assert quotes_of(typed) == []


def test_an_elision_is_no_single_mark():
    # "'em" and "'cause" open nothing: the page's double marks stay its quotation marks
    body = (
        '"We will keep the depot open through the winter," said Dan Roe. Drivers love '
        "'em, and 'cause of the hours they stay."
    )
    assert quotes_of(body) == [("We will keep the depot open through the winter", "Dan Roe")]


def test_a_double_pair_inside_single_marks_is_nested():
    body = "‘He told me “you will never work here again” and walked out,’ said Fatima Khan."
    assert quotes_of(body) == [
        ("He told me “you will never work here again” and walked out", "Fatima Khan")
    ]


def test_thousands_of_linked_fragments_stay_bounded():
    import time

    from briefing.quotes import MAX_PARTS

    def timed(n: int) -> tuple[float, list]:
        body = 'He said "yes it is so" and "no it is not" then ' * n
        start = time.process_time()
        found = find_quotes(read_page(Path("story.txt"), "A Story\n\n" + body))
        return time.process_time() - start, found

    small, _ = timed(300)
    large, found = timed(3000)
    # ten times the text takes about ten times as long (quadratic work would take a hundred),
    # whatever the machine's speed
    assert large < 30 * small
    assert found and all(len(q.parts) <= MAX_PARTS for q in found)


def test_a_quotation_opened_and_closed_by_different_kinds_of_mark():
    # pages that mix two editors' marks: straight then curly, curly then straight
    body = (
        '"Nissan has a vibrant portfolio of new sedans,” said David Kershaw, a vice president.'
        "\n\n“We expect the new Sentra to sell well in every market,"
        '" said Ana Ruiz.'
    )
    assert quotes_of(body) == [
        ("Nissan has a vibrant portfolio of new sedans", "David Kershaw"),
        ("We expect the new Sentra to sell well in every market", "Ana Ruiz"),
    ]


def test_the_full_stop_after_a_quotation_is_no_position_of_the_next_speaker():
    """ "… offered a "hard right agenda".<newline>Dr Fox told BBC Radio: "…"": the full
    stop left after the closing mark is no role ("Liam Fox, ." in a brief)."""
    text = (
        "A Story\n\nTory co-chairman Liam Fox spoke after Mr Blair said the Tories offered a "
        '"hard right agenda".\nDr Fox told BBC Radio: "If you are willing to lie about the '
        'reasons for going to war, you will lie about anything at all."\n'
    )
    quotes = find_quotes(read_page(Path("s.txt"), text))
    lie = next(q for q in quotes if q.text.startswith("If you are willing"))
    assert lie.speaker == "Liam Fox" and lie.position != "."
    assert lie.position is None or any(c.isalpha() for c in lie.position)


def test_a_firm_in_the_possessive_before_a_name_is_the_speakers_position_without_its_s():
    text = (
        "A Story\n\n"
        '"The reform could really ignite interest in the industry," added Ernst and Young\'s '
        "Sanjay Mehta.\n"
    )
    [quote] = find_quotes(read_page(Path("s.txt"), text))
    assert (quote.speaker, quote.position) == ("Sanjay Mehta", "Ernst and Young")
