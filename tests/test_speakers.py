"""Speaker attribution: every named rule finds the speaker of its own examples, and says so."""

import json
from pathlib import Path

import pytest

from briefing.ingest.page import read_page
from briefing.quotes import explain_quotes
from briefing.speakers import RULES


def attributed(body: str):
    doc = read_page(Path("story.txt"), "A Story About Talks\n\n" + body)
    return explain_quotes(doc)


EXAMPLES = [
    pytest.param(rule.name, passage, speaker, id=f"{rule.name}-{i}")
    for rule in RULES
    for i, (passage, speaker) in enumerate(rule.examples)
]


def test_every_rule_has_an_example():
    assert all(rule.examples for rule in RULES)
    assert len({rule.name for rule in RULES}) == len(RULES)


@pytest.mark.parametrize(("rule", "passage", "speaker"), EXAMPLES)
def test_a_rule_names_the_speaker_of_its_examples(rule, passage, speaker):
    *_, (quote, why) = attributed(passage)  # the passage's last quote
    assert (quote.speaker, quote.rule) == (speaker, rule)
    assert why.rule == rule


# Quotes no rule attributes: the fitted ranker weighs the people around them, or nobody.
@pytest.mark.parametrize(
    ("passage", "speaker"),
    [
        # a colon lead-in: "Name: “…”"
        (
            "The timing does not surprise Republican pollster Daron Shaw: “Lesser-known "
            "candidates have seen the biggest boost.”",
            "Daron Shaw",
        ),
        # the subject of the sentence, with a cue far from the quote, and a verb the rules
        # do not take for one ("cut" is a noun as often)
        (
            "Ellen Marsh cut a gloomy figure at a forum on Monday night, calling the race "
            "“very hard for us to win this year.”",
            "Ellen Marsh",
        ),
        # a quote chain: a paragraph that is only a quote goes on from the speaker before
        (
            "“We have the votes,” said Tom Okafor, the whip.\n\n“Nobody should doubt it for "
            "a moment, not one of them.”",
            "Tom Okafor",
        ),
    ],
)
def test_the_ranker_finds_the_speaker_no_rule_names(passage, speaker):
    *_, (quote, why) = attributed(passage)
    assert quote.speaker == speaker
    assert why.candidates and why.candidates[0].person == speaker


def test_the_ranker_names_nobody_when_no_one_is_around():
    [(quote, why)] = attributed(
        "Traffic slowed near the exit marked “trust in the force, but buckle up now.”"
    )
    assert quote.speaker is None and quote.rule is None
    assert why.candidates[0].person is None  # nobody won


def test_a_preposition_opening_the_sentence_is_no_speaker():
    quotes = attributed(
        "Reproductive Rights: NGOs reported officials subjected women to forced abortion. "
        "According to the 2022 IBA/HRNK report, “The evidence demonstrates a policy of officials "
        "forcibly ending pregnancies,” and such abuse was “driven by official ideology” and "
        "protecting it from what was considered an “impure” baby. There were also reports of "
        "infanticide.\n"
    )
    assert quotes and all(q.speaker != "According" for q, _ in quotes)


def test_a_day_after_the_speakers_name_is_no_speaker():
    for body, speaker in (
        ("“Voters in every district chose freely,” said Maia Sandu on Monday.", "Maia Sandu"),
        ("“Voters in every district chose freely,” said President Sandu on Monday.", "Sandu"),
        (
            "“Voters in every district chose freely,” said MSNBC host Chris Matthews.",
            "Chris Matthews",
        ),
    ):
        [(quote, _)] = attributed(body)
        assert quote.speaker == speaker, body


def test_a_pronoun_goes_to_the_latest_speaker_of_its_gender():
    passage = (
        "“The bill is dead,” Mr. Alan Brooks said. “We will try again,” Ms. Dana Reyes said.\n\n"
        "Later the debate went on for hours.\n\n“It will pass next year,” he said."
    )
    *_, (quote, why) = attributed(passage)
    assert (quote.speaker, why.rule) == ("Alan Brooks", "pronoun_cue_after")


def test_the_weights_are_fitted_data_for_every_feature():
    import json
    from importlib.resources import files

    from briefing.speakers import FEATURES

    data = json.loads(files("briefing").joinpath("data/speaker_weights.json").read_text())
    assert set(data["weights"]) == set(FEATURES)
    assert "fit_speakers.py" in data["fitted_by"] and data["quotes"] > 100


def test_inspect_says_which_rule_named_each_speaker(cli, tmp_path):
    source = tmp_path / "story.txt"
    source.write_text(
        "A Story About Talks\n\n“We will not back down from this,” Maria Delgado said.\n\n"
        "The timing does not surprise Republican pollster Daron Shaw: “Lesser-known "
        "candidates have seen the biggest boost.”\n",
        encoding="utf-8",
    )
    record = json.loads(cli("inspect", "--json", source).output)
    rules = [(q["speaker"], q["rule"]) for q in record["quotes"]]
    assert rules == [("Maria Delgado", "name_cue_after"), ("Daron Shaw", "ranked_candidate")]
    explained = cli("inspect", "--explain", source).output
    assert "rule name_cue_after found “Maria Delgado”" in explained
    assert "ranker chose “Republican pollster Daron Shaw”" in explained or (
        "ranker chose “Daron Shaw”" in explained
    )
    assert "nobody" in explained  # the candidates it beat, with their scores


def test_many_names_in_a_long_document_stay_linear():
    import time

    names = [f"{a}{b}ston" for a in "BCDFGHJKLMNPRSTVWZ" for b in "aeiou" * 3][:240]
    paragraphs = [
        f"Ann {n} met Bo {m} in Lyon. “We will not go there again today,” they wrote. {n} argued."
        for n, m in zip(names * 9, reversed(names * 9), strict=True)
    ]
    passage = "\n\n".join(paragraphs * 3)
    assert len(passage) > 200_000
    start = time.process_time()
    found = attributed(passage)
    assert len(found) > 1000 and time.process_time() - start < 5


def test_a_description_of_a_position_goes_to_the_person_given_it():
    passage = (
        "“We are not leaving,” said Dana Okoye, the agency's chief spokeswoman.\n\n"
        "The talks went on.\n\n“Nothing has changed since the morning,” the spokeswoman said."
    )
    *_, (quote, why) = attributed(passage)
    assert quote.speaker == "Dana Okoye" and "role_coreference" in why.also


# Forms of British, Irish, Indian and Caribbean news (the check set in
# benchmarks/data/quotes_other_countries.jsonl has real ones).
@pytest.mark.parametrize(
    ("passage", "speaker"),
    [
        # a question that a cue and colon led into ends its sentence: the next one, run on
        # without a space, reports someone else's words, not this quote's speaker
        (
            "Angie Booth, who owns a shop in East Cowes, said: “Will you compensate local "
            "businesses as well as drivers?”Councillor Ian Ward said compensation was up for "
            "discussion.",
            "Angie Booth",
        ),
        # a pronoun continues the subject of the sentence before (centering), across a
        # paragraph break: "He said:" after a sentence about the governor
        (
            "Governor John Rankin made the announcement in a statement this afternoon.\n\n"
            "He said: “This morning the premier was detained in Miami on charges.”",
            "John Rankin",
        ),
        # ... and that subject beats an earlier speaker the cast remembers
        (
            "“We will go to the courts,” said Ann Lee. Benjamin Netanyahu visited the "
            "settlement bloc on Tuesday. “Here we are on a historic day,” he told settler "
            "leaders.",
            "Benjamin Netanyahu",
        ),
        # ... also when that sentence's subject is a title before the name and a cue verb
        (
            "“We will go to the courts,” said Ann Lee. Palestinian chief negotiator Saeb "
            "Erekat said they would oppose the measure. “We are going to the General "
            "Assembly,” he added.",
            "Saeb Erekat",
        ),
        # "the governor" is the one person the text names as "Governor …"
        (
            "Governor John Rankin made the announcement on Monday.\n\n“As this is a live "
            "investigation I have no further information,” the governor added.",
            "John Rankin",
        ),
        # a role before a name does not run over a sentence end: "He" is no name
        (
            "Governor John Rankin spoke on Monday. “We are going to the assembly,” the governor "
            "said. He told the press: “This will not stand, not now and not ever.”",
            "John Rankin",
        ),
        # a description with the name in apposition: the name
        (
            "The council leader, Jane Smith, said: ‘We will not back down on this at all.’",
            "Jane Smith",
        ),
        # "said Name, Position, Organisation": the name comes first
        (
            "“Markets usually run ahead of the economy,” said Sanjiv Bhasin, Director, "
            "IIFL Securities.",
            "Sanjiv Bhasin",
        ),
        # "the PM" is the prime minister the story named
        (
            "Prime Minister Narendra Modi spoke in Delhi on Monday.\n\n“India will be a "
            "developed nation by 2047,” the PM said.",
            "Narendra Modi",
        ),
        # a long title before a name with a particle
        (
            "New York City Mayor Bill de Blasio said on Friday that the park would be used "
            "for “temporary burials until the crisis had passed.”",
            "Bill de Blasio",
        ),
        # a name, an age, a town and its district between commas, then the cue
        (
            "The boy practises in the park every day.\n\nHis mother Lucy Morgan, 32, of "
            "Upminster, east London, said: ‘He loves football more than anything else.’",
            "Lucy Morgan",
        ),
        # a day opening the sentence is no subject, nor the clause after it an appositive
        (
            "Britt McHenry was suspended for a week after the video emerged. On Thursday, she "
            "turned to social media to apologise, saying it was an ‘intense and stressful "
            "moment’ for her.",
            "Britt McHenry",
        ),
        # a knight called by the given name the story gave in full without the honour
        (
            "Labour leader Keir Starmer visited the hospital on Monday.\n\nSir Keir said: "
            "‘The health service is on its knees and there is no plan to fix it.’",
            "Keir Starmer",
        ),
        # what the person does, capitalised before the name, is no part of it
        (
            "Residents said they had been ignored for years.\n\nPensioner Joan Walsh, 81, "
            "said: ‘Nobody from the council has ever knocked on my door.’",
            "Joan Walsh",
        ),
        # an office and its domain before the name: the name
        (
            "Border controls were tightened.\n\nDuring the session, UN High Commissioner for "
            "Human Rights Volker Turk reported that, “Border guards were ordered to use lethal "
            "force.”",
            "Volker Turk",
        ),
        # a body's name with a person in apposition: the person
        (
            "The report was published on Monday.\n\nActing head of Russia Athletics "
            "Federation, Vadim Zelichenok, said: “There is an element of a political hit job.”",
            "Vadim Zelichenok",
        ),
        # "One" inside a name ("Formula One") is no determiner of a description
        (
            "The teenager began karting seven years ago.\n\nThree-time Formula One champion "
            "Niki Lauda said: ‘Of course, the public will be watching him closely.’",
            "Niki Lauda",
        ),
        # a name in quotation marks (an alias) is the name, without its marks
        (
            "The man claimed to be 28.\n\nDuring the online chats, ‘Amy’ said: ‘Sorry, you "
            "are far too old for me.’",
            "Amy",
        ),
        # a surname a description introduced is a person for a later pronoun
        (
            "Burgess lasted a year, but Chorley-born Charnley hopes to settle quickly.\n\n"
            "Since his move was announced, Charnley has been to the stadium often.\n\n"
            "“I have wanted to try the other code for a while,” he added.",
            "Charnley",
        ),
        # a compound describing the person is no given name
        (
            "Perth-born Evans scored twice on Friday. “It was mind-blowing, completely "
            "mind-blowing,” Evans said.",
            "Evans",
        ),
        (
            "In early October, the governor’s state campaign director, Anna Brook, reached "
            "out to the firm, writing in an email: “We want to use this data as soon as we can.”",
            "Anna Brook",
        ),
        # forms a review of the rules found
        ("Troops were moved overnight.\n\nA spokesman for the Ministry of Defence said the move "
         "was “a routine rotation of forces in the region”.",
         "A spokesman for the Ministry of Defence"),
        ("Police have appealed for witnesses.\n\nChief Constable Sara Thornton said: “We "
         "will find those who did this, however long it takes.”", "Sara Thornton"),
        # a surname with a particle in lower case is a name
        ("Mr de Blasio said: “We will reopen the schools next week, every one of them.”",
         "de Blasio"),
        ("Mrs von der Leyen said: “Europe will stand with Ukraine for as long as it takes.”",
         "von der Leyen"),
        # a body after a preposition, set apart by commas, is no subject: the person before is
        ("Professor Michael Porter of Harvard Business School, who headed the research, said: "
         "“Growth alone does not measure how a society is doing.”", "Michael Porter"),
        ("After talks with Prime Minister Boris Johnson, the union, which represents 40,000 "
         "staff, said: “We will ballot our members next week.”", "The union"),
        # a day before a name is no part of it, end to end
        ("Reporters waited outside.\n\nOn Thursday Smith told reporters: “I have nothing more "
         "to say about this case at all.”", "Smith"),
        ("Explaining the move in a blog post on Thursday Okafor wrote: “The network now "
         "reaches every county in the region.”", "Okafor"),
        ("Explaining the move in a blog post last Thursday Okafor wrote: “The network now "
         "reaches every county in the region.”", "Okafor"),
        # a conjunction opening the clause is no part of the name after it
        ("Anthony Weiner spoke to reporters on Monday.\n\nAlthough Weiner admitted sending "
         "the messages, he insisted they had “been friends for some time and nothing more”.",
         "Anthony Weiner"),
        ("Anthony Weiner spoke to reporters on Monday.\n\nWhilst Weiner admitted sending the "
         "messages, he insisted they had “been friends for some time and nothing more”.",
         "Anthony Weiner"),
        # a word of that class that is a given name too
        ("Per Sandberg, the fisheries minister, spoke on Monday.\n\n“The quotas will stay "
         "as they are for another year,” Sandberg said.", "Per Sandberg"),
        # a relation named after a possessive is the name ("His mother Grace broke …")
        ("Sam Ellery, 19, won the regional final on Sunday.\n\nHis mother Grace broke the "
         "news on the club's website, saying: “We are so proud of everything he has achieved "
         "this season.”", "Grace"),
        # a relation is a person a later "she" may stand for
        ("“He is a kind father to our children,” said Judge Peter Smith.\n\nHis girlfriend "
         "said: “He is a good man who made one mistake.”\n\n“We will appeal this decision as "
         "soon as we can,” she added.", "His girlfriend"),
        # a person of a body speaks, not the body; an office of a country is the person's
        ("“The figures are worse than we feared,” Ann Bolt of Harbour/Lane sound "
         "recording said.", "Ann Bolt"),
        ("“The figures are worse than we feared,” Nora Quinn at Leeds University told the "
         "BBC.", "Nora Quinn"),
        ("“The figures are worse than we feared,” Secretary of State Ann Bolt said.",
         "Ann Bolt"),
        # a name after the closing mark of a quotation opened on the line before is no
        # word of it: it is the speaker a lone quotation on the next line goes on with
        ("The rowers finished third on Saturday.\n\n\"Our start was the best of the week."
         "\n\nWe held the pace until the last bend,\" Okafor told the radio.\n\n\"The "
         "crew will be stronger for the final.\"\n\nThe final is on Sunday.", "Okafor"),
        # a story about one person calls them "he" for sentences before the first quote:
        # with no one before who spoke, the "he" is the person the story narrates
        ("Dr Tomas Brenner opened his first clinic in 1990.\n\nBefore that he taught "
         "chemistry in Leeds. Later he moved north to train as a surgeon. In Glasgow he ran "
         "the night ward for six years. The work wore him out.\n\n\"I slept in the car "
         "park more often than at home,\" he said.", "Tomas Brenner"),
        # two people of one family are two people (the text writes "bill" too), and a role
        # before a surname is no given name: "Donor Okafor" is the Grace Okafor named before
        ("\"We will win in Iowa this winter,\" said Hillary Clinton.\n\nBill Clinton spoke "
         "in Ohio about the farm bill. \"She thinks the tests are just too much for every "
         "child,\" Bill Clinton said.", "Bill Clinton"),
        ("\"It is too early to back anyone,\" said the party donor Grace Okafor.\n\nThe "
         "hopefuls met in Leeds on Monday.\n\n\"Three of them could win in May, "
         "perhaps four,\" Donor Okafor said.", "Grace Okafor"),
        # a "he" is no body, and one no person around can be is nobody's: the ranker is not
        # asked to choose among the places and bodies named
        ("Somerset County Council closed the old paper mill on Friday.\n\n\"We did "
         "everything we could to keep it open,\" he said.", None),
        # a region after its town is no subject a "he" continues; a person after a role is
        ("The plant outside Dover, New Hampshire, closed on Friday after the bank withdrew "
         "its loan.\n\n\"We did everything we could to keep it open,\" he said.", None),
        ("The council leader, Jane Smith, spoke on Friday.\n\n\"We did everything we could "
         "to keep it open,\" she said.", "Jane Smith"),
        ("Harrow Law School hosted a debate on Tuesday.\n\n\"Our job is to change the "
         "whole country,\" he said.", None),
        ("The rally ran late on Tuesday.\n\n\"Our job is to change the whole country,\" he "
         "told students, Harrow University officials said.", None),
        # a country after "member" is not introduced as a person
        ("The alliance meets next month, where fellow member Turkey has long opposed the "
         "plan.\n\nTurkey blocked the deal on Monday.\n\n“We will not accept this under any "
         "circumstances,” he said.", None),
    ],
)
def test_speakers_in_other_countries_news(passage, speaker):
    *_, (quote, _) = attributed(passage)
    assert quote.speaker == speaker


def test_who_is_told_a_quote_did_not_say_it():
    """The object of a verb of telling ("He told Racemail: ‘…’") heard the quote."""
    passage = (
        "‘We will be back next year,’ said trainer Nicky Henderson. Family commitments will "
        "keep him away on Sunday.\n\nHe told Racemail: ‘I have a kind invitation from the "
        "chairman to attend any home game.’"
    )
    *_, (quote, _) = attributed(passage)
    assert quote.speaker == "Nicky Henderson"


def test_a_he_or_she_is_a_person_not_a_document_that_spoke_before():
    """"She stated …" after a report was quoted: the woman who spoke before it, not the report
    (a description of a thing is no "she"; one of a person is)."""
    from briefing.speakers import Cast

    cast = Cast.of("", [], {})
    for speaker in ("Teresa Ratcliffe", "The report"):
        cast.person(speaker)
        cast.spoke(speaker)
    assert cast.pronoun("she") == "Teresa Ratcliffe"
    cast.spoke("The 39-year-old midwife")
    assert cast.pronoun("she") == "The 39-year-old midwife"
    cast.spoke("Her economic plan")  # a possessive description of a thing
    assert cast.pronoun("she") == "The 39-year-old midwife"
    cast.spoke("World Anti-Doping Agency")  # a body
    assert cast.pronoun("she") == "The 39-year-old midwife"
    cast.spoke("The official reason for the resignation")  # its head noun is a reason
    assert cast.pronoun("she") == "The 39-year-old midwife"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_pronoun_opening_a_sentence_is_no_name(apostrophe):
    passage = (
        f"She opened the show with a story about the studio.\n\nShe{apostrophe}s accused of "
        "sending the message in March under the subject line: ‘Great article on writing.’"
    )
    *_, (quote, _) = attributed(passage)
    assert quote.speaker is None  # no one the text names said it


def test_a_time_opening_the_sentence_is_passed_over_for_the_subject():
    from briefing.speakers import BEFORE_RULES, _search

    before = (
        "In early October, the governor’s state campaign director, Anna Brook, reached out "
        "to the firm, writing in an email: "
    )
    found = _search(BEFORE_RULES, before)
    assert found and found[1]["name"] == "Anna Brook"  # not "October"


def test_a_day_before_a_name_is_no_part_of_it():
    from briefing.speakers import _clean_name

    assert _clean_name("On Thursday Smith") == "Smith"
    assert _clean_name("Yesterday Mr Hussen") == "Hussen"
    assert _clean_name("Sunday Times") == "Sunday Times"  # a newspaper's name keeps its day
    assert _clean_name("On Thursday") is None


def test_a_name_after_a_preposition_is_no_subject():
    """"a reporter for Agence France-Presse said": the reporter, not the agency."""
    passage = (
        "Crowds fled the promenade.\n\nA reporter for Agence France-Presse said: “We saw "
        "people hit and bits of debris flying around everywhere.”"
    )
    *_, (quote, _) = attributed(passage)
    assert quote.speaker == "A reporter for Agence France-Presse"


def test_a_knight_named_with_the_honour_is_not_confused_with_a_namesake():
    passage = (
        "Pollster Sir John Curtice studied the results. Another analyst, John Smith, was "
        "unimpressed.\n\nSir John said: ‘The swing is the largest we have seen in decades.’"
    )
    *_, (quote, _) = attributed(passage)
    assert quote.speaker == "John Curtice"


def test_the_object_of_a_preposition_is_no_subject_and_a_number_no_appositive():
    passage = (
        "The union met ministers on Monday.\n\nAfter talks with Johnson, the union, which "
        "represents 40,000 staff, said: ‘We will ballot our members next week.’"
    )
    *_, (quote, _) = attributed(passage)
    assert quote.speaker == "The union"


def test_explain_covers_transcript_answers_and_pronouns(cli, tmp_path):
    source = tmp_path / "briefing.txt"
    source.write_text(
        "Press Briefing on the Talks\n\n"
        "QUESTION: What happens to the talks now that the deadline has passed?\n\n"
        "MR PRICE: The talks will go on next week in Geneva with both delegations present. "
        "We expect the ceasefire to hold through the winter and the aid convoys to move.\n\n"
        "Governor John Rankin made the announcement on Monday.\n\n"
        "He said: “The premier was detained in Miami on charges of conspiracy.”\n",
        encoding="utf-8",
    )
    explained = cli("inspect", "--explain", source).output
    assert "rule transcript_turn: a sentence of an answer turn labelled “" in explained
    assert "(a pronoun: the person the sentence before the quote is about)" in explained


def test_a_pronoun_goes_to_the_person_a_title_and_name_opened_the_story_on():
    """"Opposition leader Peter Dutton attacked the plan … “…,” he added.": the subject of the
    narrating sentence is a role before a name, as news writes a person's first mention."""
    for opening in (
        "Opposition leader Peter Dutton attacked the plan in Canberra.",
        "Health minister Peter Dutton attacked the plan in Canberra.",
    ):
        body = (
            f"{opening}\n\nHe said the tax would hurt families.\n\n"
            "“This is a tax on every household in the country,” he added.\n"
        )
        assert [q.speaker for q, _ in attributed(body)] == ["Peter Dutton"], opening
    # a role with no name after it is the person as the text describes them; a body is no "he"
    for subject, speaker in (
        ("The opposition leader", "The opposition leader"),
        ("The city council", None),
    ):
        body = (
            f"{subject} attacked the plan in Canberra.\n\n"
            "“This is a tax on every household in the country,” he added.\n"
        )
        assert [q.speaker for q, _ in attributed(body)] == [speaker], subject


@pytest.mark.parametrize(
    ("raw", "speaker"),
    [
        # a possessive clitic is no part of a name: the person is who spoke
        ("Gerald Brafman’s", "Gerald Brafman"),
        ("Okafor's", "Okafor"),
        ("Gwen Moss’", "Gwen Moss"),
        # a description ends where its noun phrase does, before the clause goes on
        ("The Ohio senator is", "The Ohio senator"),
        ("A reporter can be heard", "A reporter"),
        ("The lawyer who", "The lawyer"),
        ("The residents of Oakvale and", "The residents of Oakvale"),
        ("The crowd booed when he", "The crowd"),
        ("The two-term governor will", "The two-term governor"),
        ("The presumptive Republican nominee", "The presumptive Republican nominee"),
        (
            "A source involved in the campaign’s creation",
            "A source involved in the campaign’s creation",
        ),
        # "It’s …", "That’s …": a pronoun and a verb, not a possessor
        ("It’s denouncing what it", None),
        ("That’s why he", None),
    ],
)
def test_a_speaker_is_a_name_or_a_noun_phrase_not_the_words_after_it(raw, speaker):
    from briefing.speakers import _clean_name

    assert _clean_name(raw) == speaker





def test_the_he_inside_the_is_no_pronoun():
    from briefing.speakers import BEFORE_RULES, _search

    assert _search(BEFORE_RULES, "“It is early,” it said, while the reports were “") is None




@pytest.mark.parametrize(
    ("passage", "speaker"),
    [
        # a described speaker is named by the noun phrase alone, not the words after it
        ("The Ohio senator is predicting he will win “a lot of delegates in the spring "
         "primaries.”", "The Ohio senator"),
        ("A reporter can be heard asking, “Should there be a register of every gun owner in "
         "the state?”", "A reporter"),
        # a possessive the subject binds says their sex: the "he" is Okoro's, not Hart's
        ("“The plan is late,” Mr. Colm Hart said.\n\nIdris Okoro told the radio station the "
         "report was “wrong” about his son’s school.\n\n“The inspectors came with their minds "
         "made up,” he said.", "Idris Okoro"),
        # a described person is a pronoun's antecedent as a name is
        ("“The case is closed,” the minister Rhys Vane told parliament.\n\nA police spokesman "
         "told a news agency that the case was still under investigation.\n\n“The suspect was "
         "released because the injury is not serious,” he said.", "A police spokesman"),
        # a genitive s-apostrophe makes a description, not a speaker of the possessor
        ("Thomas’ mother described it as “a small mistake that cost us everything”.",
         "Thomas’ mother"),
        # "it said" is a body, never a document nor a person the text gives a sex
        ("The report was published on Monday. “Prices rose again this spring,” it said.", None),
        ("Ms Ana Ruiz runs the clinic. “Prices rose again this spring,” it said.", None),
        ("The city council met on Monday. “Prices rose again this spring,” it said.",
         "The city council"),
        ("Asked whether Verdo had cleared the forest, Verdo said its plans were public.\n\n"
         "“We publish every plan we make,” it said.", "Verdo"),
        # an object pronoun is someone else's (binding's principle B), as is a "his" after a
        # noun for another person
        ("Tom Reed, the mayor, spoke first. Mary Jones told him the plan had failed. The room "
         "fell silent. “We have run out of money,” she said.", "Mary Jones"),
        ("Jane Doe said the boy had lost his way home in the storm. The rescue took hours.\n\n"
         "“I have never been so frightened in my life,” she said.", "Jane Doe"),
        # an "its" after a noun for a body is the body's
        ("David Cole said the company had cut its workforce by half. Shares fell. “We had no "
         "choice,” he said.", "David Cole"),
        # a body named in one word, or described with what follows its head
        ("Amazon said it would appeal. “We disagree with the ruling,” it said.", "Amazon"),
        ("The foreign ministry in Moscow issued a statement on Friday. It said the strikes were "
         "“a response to repeated attacks on its territory”.", "The foreign ministry in Moscow"),
        # an "it" inside the clause is no "It said"
        ("Sarah Cole said the council had not done what it promised, describing the delay as "
         "“an insult to every family on the waiting list”.", "Sarah Cole"),
        # a described man is no "she"; a title and a name are the name
        ("Anna Berg, the mayor, spoke at the rally. A man in the crowd shouted at her. “She has "
         "abandoned this town and its people,” she said.", "Anna Berg"),
        ("The opposition leader Peter Dutton attacked the plan on Monday. “This budget is a "
         "betrayal of working families,” he said.", "Peter Dutton"),
        # a bare "the police" is the body its nearest earlier mention names, unless that
        # mention is a description too
        ("Shop windows were broken overnight, Leeds police said.\n\n“Two men were seen "
         "running from the scene,” the police added.", "Leeds police"),
        ("A local charity said Leeds police had been called. The trade union said staff were "
         "safe.\n\n“Nobody was hurt in the attack,” the union said.", "The union"),
        # a possessive inside a body's name is no firm before a person
        ("“We are treating 12 patients tonight,” St Mary's Hospital said.", "St Mary's Hospital"),
        # a word capitalised only as a sentence's first names no police force
        ("Armed police stormed the flat at dawn.\n\n“Two men were arrested at the scene,” the "
         "police said.", "The police"),
        # a person introduced in full with an age may be called by the given name alone
        ("Mara Quill, 71, runs the village shop with her son.\n\nMara said: “I have never "
         "once thought of closing it.”", "Mara Quill"),
        # a clause put before the pronoun names the person it stands for
        ("As Ron Brill, from Newport, prepares to mark the day, he says some memories make "
         "him smile.\n\nHe was captured in 1943.\n\n“We played football on Sundays,” he said.",
         "Ron Brill"),
        # a view narrated by a verb of thought, then given in the person's own words
        ("Tom Askew, 96, was a prisoner for two years.\n\nWhilst many of his friends died on "
         "the march, he believes the football saved him.\n\n“You could say the games we "
         "played saved our lives.”", "Tom Askew"),
        # the paraphrase names the speaker with where she works, the quote has no cue
        ("Prof Ann Lee from the University of Leeds said the test was not ready.\n\nBut she "
         "added that the markers were promising.\n\n“Our findings are exciting.”", "Ann Lee"),
        # a body's own name, "of" and all, is no person at a place
        ("The Bank of England said: “Rates will stay where they are for the rest of the "
         "year.”", "The Bank of England"),
        ("The Royal College of Nursing said: “Wards are short of staff every single "
         "night.”", "The Royal College of Nursing"),
        # a preposed phrase of place names no one; one of a person named before the he
        # or she does not take it from them
        ("Mark Drakeford spoke to reporters.\n\nIn Cardiff Bay on Tuesday, he said the plan "
         "would fail.\n\n“We will not stand by while it is pushed through,” he said.",
         "Mark Drakeford"),
        ("Ann Lee lives in Leeds.\n\nWhile Mark Smith was in prison, she raised their three "
         "children alone.\n\n“We will not stand by while it is pushed through,” she said.",
         "Ann Lee"),
        # a body's initials are its name, alone or first in it; a role's after a name are not
        ("NATO said: “The alliance will defend every inch of its territory.”", "NATO"),
        ("NHS Wales said: “Waiting lists have fallen for the third month in a row.”",
         "NHS Wales"),
        ("Amnesty International UK said she was \"a prisoner of conscience held only for her "
         "peaceful views\".", "Amnesty International UK"),
        # initials are no surname ("UN" is no Kim Jong Un)
        ("Kim Jong Un visited the border in May.\n\nIn 2022 the UN special rapporteur "
         "expressed concern for \"those attempting to cross international borders without "
         "permission.\"", "UN"),
        # a run of initials is no name, and none is cut out of a word ("CHA" of "OCHA")
        ("UN OCHA said: “Aid convoys have not reached the city for three weeks.”", None),
        # "continued to" is an aspect, not a speech verb
        ("In July, the COI reported that HTS continued to “carry out the war crime of cruel "
         "treatment and torture” against detainees.", "COI"),
        # an all-capitals label or headline is no body's initials
        ("EXPERT VERDICT: 'This is easily absorbed by the body and good for the bones.'", None),
        ("Owen Tate MP, who led the campaign, said the sale was “fantastic news for the "
         "town”.\n\n“The collection "
         "is a crucial part of the story of this town,” he said.", "Owen Tate"),
        # a pronoun no one who spoke can be is the person narrated before, past a quotation
        # no one was found to say
        ("Ada Lund, founder of a school charity, says she is building a school in the "
         "valley.\n\nShe said the school could be \" a home for every child in the valley\".\n"
         "She described the plan as modest, “We have to raise the money before the winter "
         "comes and the roads close.”", "Ada Lund"),
        # … but not past one that names someone, whose words they may be
        ("Ann Bolt opened the meeting on Monday.\n\nAccording to Sara Kim, who has "
         "campaigned for the park for a decade, the decision was \"long overdue\".\n\n“It has "
         "taken ten years of letters and petitions,” she said.", None),
        # an adverb opening a sentence is no name, capitalised as it is ("Curiously enough,
        # …"): the possessive after it names whose words the quote is
        ("Mila Rowe grew up in the city.\n\nCuriously enough, Dana's online profile says "
         "she was 'raised on a farm near the border', far from any city.", "Dana"),
    ],
)
def test_a_passage_gives_its_last_quote_the_speaker_a_reader_names(passage, speaker):
    *_, (quote, _) = attributed(passage)
    assert quote.speaker == speaker


def test_a_place_telling_another_is_no_he():
    """A capital that tells another capital something is no antecedent for "he": the person
    narrated before it is ("Moscow told Kyiv …" after "… Sergei Lavrov spoke …")."""
    text = (
        "Foreign Minister Sergei Lavrov spoke in Geneva on Monday.\n\nMoscow told Kyiv that "
        "the ceasefire was over.\n\n“We will not negotiate under fire,” he said."
    )
    *_, (quote, _) = attributed(text)
    assert quote.speaker != "Moscow"


def test_a_thought_of_no_one_named_gives_no_speaker():
    """The report before a quote must be of a he or she the text can name: "they believe"
    gives the quote to no one it does not name."""
    text = (
        "The club was founded in 1901.\n\nWhilst the ground was sold, they believe it will "
        "return.\n\n“We will be back one day.”"
    )
    *_, (quote, _) = attributed(text)
    assert quote.speaker is None


def test_a_word_opening_a_sentence_as_an_adverb_participle_or_preposition_is_no_name():
    """Capitalised only where a sentence opens, and read by the tagger as an adverb, a
    participle or a preposition, a lone word names no one; a surname the text uses alone at a
    sentence's start still does, and so does a word it capitalises elsewhere."""
    from briefing.speakers import Cast, _opening_word_no_name

    text = (
        "Reprising a line from her campaign, she urged voters to act. Based on the talks, the "
        "deal held. Interestingly, the talks went on. Kelly said the plan would pass. Asked "
        "about it, the minister left. Despite the rain, they marched. Shares in the firm "
        "Interestingly Ltd fell."
    )
    cast = Cast.of(text, [], {})

    def named(word: str) -> bool:
        return not _opening_word_no_name(text, text.index(word), word, cast)

    assert not any(map(named, ("Reprising", "Based", "Asked", "Despite")))
    assert named("Kelly")
    assert named("Interestingly")  # "the firm Interestingly Ltd" capitalises it mid-sentence


def test_a_body_with_a_hyphen_after_its_initials_is_named_whole():
    *_, (quote, _) = attributed(
        "As of December 19, independent rights group OVD-Info reported authorities opened 844 "
        "criminal cases, including charges of “discrediting the Russian armed forces.”"
    )
    assert quote.speaker == "OVD-Info"  # not "D-Info"


def test_a_body_given_with_its_initials_speaks_by_them_only_when_they_are_its_initials():
    from briefing.speakers import abbreviates

    assert abbreviates("OSCE", "Organization for Security and Cooperation in Europe")
    assert abbreviates("UNHCR", "Office of the UN High Commissioner for Refugees")
    assert not abbreviates("SNP", "Minister of Health Ann Bolt")
    *_, (quote, _) = attributed(
        "The Minister of Health Ann Bolt (SNP) said the plan “will double the number of nurses "
        "in two years.”"
    )
    assert quote.speaker != "SNP"


def test_a_headings_capitals_make_no_full_name():
    """A section heading's words are a title's ("Internet Freedom"), not a person's first and
    last names: a later "Freedom House" is no "Internet Freedom"; a byline is a person's."""
    from briefing.ingest.meta import full_names

    text = (
        "Internet Freedom\n\nThe government restricted internet freedom with new restrictions.\n\n"
        "Censorship or Content Restrictions for Members of the Press and Other Media, Including "
        "Online Media: The government restricted content online, including other media.\n"
    )
    assert not {"freedom", "restrictions", "media"} & set(full_names(text))
    assert full_names("By John Smith\n\nSmith wrote about the vote.\n")["smith"] == "John Smith"
    byline = "Congress passes sanctions bill\n\nBy Bill Keller\n\nThe bill passed on Monday."
    assert full_names(byline)["keller"] == "Bill Keller"


def test_initials_and_particles_do_not_take_a_persons_quote():
    *_, (quote, _) = attributed(
        "Head of the Central Election Commission Ella Pamfilova (CEC) said the vote “was fair "
        "and open to all observers.”"
    )
    assert quote.speaker == "Ella Pamfilova"
    *_, (quote, _) = attributed("Syrian President Bashar al-Assad said “the war is over now.”")
    assert quote.speaker and quote.speaker.endswith("Assad")


def test_an_epithet_is_the_surname_a_sentence_before_takes_up_with_she():
    """"Storey can win … when she rides …" names a person by a surname the story never gives
    in full nor mid-sentence: the subject of a modal verb ("can win") that a "she" takes up
    is someone, and "…," said the 37-year-old is her. "Moscow can …, it said" is no one."""
    text = (
        "The Briton finished two minutes ahead of the field in Nottwil.\n\n"
        "Storey can win a 17th title when she rides in the road race.\n\n"
        "“It’s a massive relief to win,” said the 37-year-old, who is targeting more medals."
    )
    *_, (quote, _) = attributed(text)
    assert quote.speaker == "Storey"
    without_pronoun = text.replace("when she rides", "in the ride")
    *_, (quote, _) = attributed(without_pronoun)
    assert quote.speaker != "Storey"
    # a "he" someone else between them stands for is no sign the subject is a person
    for other in (
        "Chelsea will sign the striker if he passes a medical in the morning.",
        "Ukraine can win the war if Zelensky gets what he wants from the summit.",
    ):
        *_, (quote, _) = attributed(
            f"The club finished second.\n\n{other}\n\n“We need more players this summer,” said "
            "the 52-year-old."
        )
        assert quote.speaker not in ("Chelsea", "Ukraine")


def test_a_witness_called_by_a_court_is_not_quoting_it():
    """"described by Islamic State as the ‘…’" is Islamic State's words; "called by the Court
    as a ‘key witness’" summons someone and names no speaker of the words."""
    *_, (quote, _) = attributed(
        "Jones, 41, was called by the Court as a “key witness in the fraud case” on Monday."
    )
    assert quote.speaker != "Court"
