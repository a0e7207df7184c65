"""Forms of quotation that news outside the U.S. uses (British, Irish, Indian, Australian,
African, wire copy), one constructed passage each, and who each quote goes to."""

import pytest
from test_quotes import quotes_of

FORMS = {
    # colon-introduced quotes
    "said_colon": (
        "Mr Okonkwo said: “The budget will not pass in its current shape.”",
        ["Okonkwo"],
    ),
    "told_outlet_colon": (
        "Priya Raman told the BBC: “There is no plan to close the hospital wards.”",
        ["Priya Raman"],
    ),
    "pronoun_told_colon": (
        "Meera Iyer, 34, queued for six hours at the passport office.\n\n"
        "She told reporters: “I have never seen a line like this in my life.”",
        ["Meera Iyer"],
    ),
    "cue_paragraph_colon": (
        "The growers met the minister on Thursday to discuss the closing of the plant.\n\n"
        "Mr Kinsella told the inquiry:\n\n"
        "“I raised the matter three times with my line manager.”",
        ["Kinsella"],
    ),
    # titles without full stops, and the short form later
    "dr_then_surname": (
        "Dr Kwame Mensah, a senior lecturer, opened the session.\n\n"
        "“Nobody expected the vote to be this close,” Dr Mensah said.",
        ["Kwame Mensah"],
    ),
    "mrs_then_surname": (
        "Mrs Joan Whitfield runs the shop on the corner.\n\n"
        "Mrs Whitfield said: “Trade has fallen by half since the roadworks began.”",
        ["Joan Whitfield"],
    ),
    "lord_colon": (
        "Lord Hartley said: “The chamber will scrutinise every line of this bill.”",
        ["Hartley"],
    ),
    # the paragraph before names the speaker of a quote with no cue
    "he_added_colon": (
        "Chief executive Rahul Mehta said profits had risen. “We are pleased with the quarter "
        "and expect more growth,” he said.\n\nHe added: “Our staff deserve the credit.”",
        ["Rahul Mehta", "Rahul Mehta"],
    ),
    "quote_alone_after_cue": (
        "Simon Achebe, the council leader, said the scheme would go ahead. “We will start "
        "work in spring,” he said.\n\n“Residents will be consulted at every stage of it.”",
        ["Simon Achebe", "Simon Achebe"],
    ),
    "quote_alone_after_summary": (
        "Health officials said the plan was sound.\n\n"
        "The opposition spokesman, Colm Daly, said the figures did not add up.\n\n"
        "“Nobody believes these waiting times will fall by spring.”",
        ["Colm Daly"],
    ),
    # inverted cues
    "said_name_role": (
        "“The party will not be bullied into this decision,” said Ms Okafor, the party's "
        "spokeswoman.",
        ["Okafor"],
    ),
    "said_name_age": (
        "“I have lived here all my life and never seen flooding like it,” said Joan Reilly, 72.",
        ["Joan Reilly"],
    ),
    "role_name_said": (
        "“Markets will stay volatile until the budget is out,” said Sanjiv Mehra, Director, "
        "Alpha Securities.",
        ["Sanjiv Mehra"],
    ),
    # a description that a position given before resolves
    "the_minister": (
        "Health Minister Simon Harris visited the hospital.\n\n"
        "“Waiting lists are far too long,” the minister said.",
        ["Simon Harris"],
    ),
    # "according to"
    "according_to_after": (
        "The plan is “a recipe for higher bills across the country”, according to Ben Ashworth.",
        ["Ben Ashworth"],
    ),
    "according_to_before": (
        "According to Ms Rao, “the ministry will publish the report next month”.",
        ["Rao"],
    ),
    # single marks, curly and straight, and punctuation outside the marks
    "single_curly": (
        "‘We will not accept this offer,’ said Mr Dlamini. Talks resumed later. ‘There is "
        "still a long way to go,’ he added.",
        ["Dlamini", "Dlamini"],
    ),
    "single_comma_outside": (
        "‘We will not go back to the table’, said Mr Hughes.",
        ["Hughes"],
    ),
    "single_colon_stop_outside": (
        "Mr Hughes said: ‘We will not go back to the table’.",
        ["Hughes"],
    ),
    "nested_single_in_double": (
        "“He told me ‘you will never work here again’ and walked out of the room,” said "
        "Fatima Khan.",
        ["Fatima Khan"],
    ),
    # a quotation broken by its cue
    "broken_by_cue": (
        "‘The budget’, Ms Kelly said, ‘has been cut for the fourth year running.’",
        ["Kelly"],
    ),
    # possessive and role forms
    "possessive_role_before": (
        "The party's leader, Jane Doe, said: “We will fight this election on the economy.”",
        ["Jane Doe"],
    ),
    "possessive_role_after": (
        "“We will fight this election on the economy,” the party's leader, Jane Doe, said.",
        ["Jane Doe"],
    ),
    "organisation_role_after": (
        "“We will fight this in every court in the land,” said the union's general "
        "secretary, Sharon Graham.",
        ["Sharon Graham"],
    ),
    "role_name_said_colon": (
        "Sinéad Kelly, the council's chief executive, said: “The budget has been cut again.”",
        ["Sinéad Kelly"],
    ),
    # names outside English spelling
    "accented_name": (
        "“The party has made its position clear on this,” Mícheál Martin said.",
        ["Mícheál Martin"],
    ),
    "name_with_bin": (
        "“The kingdom is open for business with all nations,” Mohammed bin Salman said.",
        ["Mohammed bin Salman"],
    ),
    "hyphenated_name": (
        "“Trade is the surest route out of poverty for millions,” said Ngozi Okonjo-Iweala.",
        ["Ngozi Okonjo-Iweala"],
    ),
}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_a_form_of_quotation_goes_to_its_speaker(form):
    body, speakers = FORMS[form]
    assert [speaker for _, speaker in quotes_of(body)] == speakers


VERBS = ("told reporters", "added", "insisted", "warned", "claimed", "stressed", "explained")
TEMPLATES = (
    "“The hospital will stay open for the whole winter,” {verb} Ms Adeyemi.",
    "“The hospital will stay open for the whole winter,” Ms Adeyemi {verb}.",
    "Ms Adeyemi {verb}: “The hospital will stay open for the whole winter.”",
)


@pytest.mark.parametrize(
    "body",
    [
        template.format(verb=verb)
        for verb in VERBS
        for template in TEMPLATES
        if not (verb.startswith("told") and template.index("{verb}") < template.index("Ms"))
    ],
)
def test_cue_verbs_beyond_said(body):
    assert [speaker for _, speaker in quotes_of(body)] == ["Adeyemi"]
