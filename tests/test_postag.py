"""The part-of-speech tagger (briefing.postag): tokens, the shipped weights, and what the tags
say about a sentence's tense."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from briefing.postag import dump_model, load_model, model, predict, reports_event, tag, tokens


def words(text: str) -> list[str]:
    return [text[s:e] for s, e in tokens(text)]


def test_tokens_split_punctuation_and_clitics_as_the_treebanks_do():
    assert words("Russia's envoy can't say—“we’re done.”") == [
        "Russia", "'s", "envoy", "ca", "n't", "say", "—", "“", "we", "’re", "done", ".", "”",
    ]
    assert words("It cannot wait...") == ["It", "can", "not", "wait", "..."]
    # a title keeps its period before any space, a sentence's last word does not
    assert words("Dr.\nLind met No. 10.") == ["Dr.", "Lind", "met", "No.", "10", "."]
    assert words("Elizabeth B. Prelogar et al. argued it.") == [
        "Elizabeth", "B.", "Prelogar", "et", "al.", "argued", "it", ".",
    ]


def test_tokens_keep_hyphenated_words_numbers_and_abbreviations_whole():
    assert words("The U.S. rules-based order cost $1,000.50 (Mr. O'Brien).") == [
        "The", "U.S.", "rules-based", "order", "cost", "$", "1,000.50", "(", "Mr.", "O'Brien",
        ")", ".",
    ]


@pytest.mark.parametrize("text", [
    "  Kyiv’s “peace formula” – 10 points; see https://example.org/a.html, or mail a@b.org!\n",
    "didn't  they'll\tO’Neill's 1990s -- ok…",
])
def test_token_spans_cover_every_character_but_whitespace_in_order(text):
    spans = tokens(text)
    covered = [i for s, e in spans for i in range(s, e)]
    assert covered == [i for i, ch in enumerate(text) if not ch.isspace()]
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)


@pytest.mark.parametrize("text, expected", [
    ("The ministry disbarred five lawyers.", "DT NN VBD CD NNS ."),
    ("Three ships were designated on Monday.", "CD NNS VBD VBN IN NNP ."),
    ("She said the sanctions would remain in place.", "PRP VBD DT NNS MD VB IN NN ."),
    ("We support a rules-based order.", "PRP VBP DT JJ NN ."),
    ("Beijing has chipped away at the city’s autonomy.", "NNP VBZ VBN RB IN DT NN POS NN ."),
    ("The talks failed because the envoys didn't agree.", "DT NNS VBD IN DT NNS VBD RB VB ."),
])
def test_the_shipped_weights_tag_every_word_of_plain_sentences_right(text, expected):
    assert [t for _, t, _, _ in tag(text)] == expected.split()


def test_tag_gives_each_word_with_its_span():
    text = "Ships were seized."
    assert tag(text) == [("Ships", "NNS", 0, 5), ("were", "VBD", 6, 10),
                         ("seized", "VBN", 11, 17), (".", ".", 17, 18)]


@pytest.mark.parametrize("text", [
    "The ministry disbarred five lawyers.",  # a past tense
    "Beijing has chipped away at the city's autonomy.",  # present perfect
    "Three ships were designated on Monday.",  # past passive
    "The envoys have not yet agreed.",  # present perfect past an adverb
    "It’s been designated a terrorist group.",  # "'s been": has been
    "The minister has been pursuing talks with the unions.",  # a perfect progressive
    # irregular participles after "been"
    "The ruling has been upheld by the court.",
    "Aid has been withheld since March.",
    "Three soldiers have been hurt in the blast.",
])
def test_a_sentence_with_a_past_event_reports_one(text):
    assert reports_event(text)


@pytest.mark.parametrize("text", [
    "Russia cannot, and will not, veto accountability.",  # modal
    "Our cooperation will help move us closer to a future in which trade is respected.",
    "The 2+2 will not only be confined to bilateral matters.",  # modal passive
    # ongoing: the progressive says how things stand, not that something was done
    "Moscow is using an aging fleet of uninsured tankers.",
    "Diplomacy remains our preferred path.",  # a present stance; "preferred" an adjective
    "The meeting was productive.",  # a past state, not an event
    "It's designated a terrorist group.",  # "'s" is "is": a present passive
    # a perfect of the copula: a state that lasts, not an event
    "The government has been sincere in its offer of talks.",
    "She has been a member of the council since 2019.",
    "It has not been easy for the families.",
])
def test_a_modal_future_or_present_sentence_reports_no_event(text):
    assert not reports_event(text)


def fitter():
    """benchmarks/fit_postag.py as a module (benchmarks/ is no package)."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "fit_postag.py"
    spec = importlib.util.spec_from_file_location("fit_postag", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CONLLU = """# text = It's a rules-based order.
1-2\tIt's\t_\t_\t_\t_\t_\t_\t_\t_
1\tIt\tit\tPRON\tPRP\t_\t7\tnsubj\t_\t_
2\t's\tbe\tAUX\tVBZ\t_\t7\tcop\t_\t_
3\ta\ta\tDET\tDT\t_\t7\tdet\t_\t_
4\trules\trule\tNOUN\tNNS\t_\t6\tobl\t_\tSpaceAfter=No
4.1\tis\tbe\tAUX\tVBZ\t_\t_\t_\t_\t_
5\t-\t-\tPUNCT\tHYPH\t_\t6\tpunct\t_\tSpaceAfter=No
6\tbased\tbase\tVERB\tVBN\t_\t7\tamod\t_\t_
7\torder\torder\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_
"""


def test_the_fitter_reads_words_not_multiword_tokens_or_empty_nodes_and_joins_hyphens():
    # "rules - based", written without spaces, is the one adjective the tokenizer makes of it
    assert list(fitter().sentences(CONLLU)) == [[
        ("It", "PRP"), ("'s", "VBZ"), ("a", "DT"), ("rules-based", "JJ"), ("order", "NN"),
        (".", "."),
    ]]


def test_the_fitter_says_so_and_succeeds_without_the_treebanks(tmp_path, capsys):
    assert fitter().main(["--ewt", str(tmp_path / "none"), "--gum", str(tmp_path)]) == 0
    assert "skipped" in capsys.readouterr().out


def test_the_weights_file_gives_back_the_weights_written():
    """benchmarks/fit_postag.py writes what briefing reads: the same weights, a feature's
    parsed when first used, and the same bytes from the same weights."""
    weights = {"w=ships": [1, 5, 0, -2], "suffix=ed": [2, 7]}
    data = dump_model(["DT", "NNS", "VBD"], {"the": "DT"}, weights)
    assert data == dump_model(["DT", "NNS", "VBD"], {"the": "DT"}, weights)
    loaded = load_model(data)
    assert loaded.tags == ("DT", "NNS", "VBD") and loaded.tagdict == {"the": "DT"}
    assert loaded.weights == {"w=ships": "1,5,0,-2", "suffix=ed": "2,7"}
    shipped = model()
    words = ["Ships", "were", "seized", "."]
    assert predict(shipped, words) == ["NNS", "VBD", "VBN", "."]
    # a feature used is read into one score a tag, the weights written in their places
    used = shipped.dense
    assert "b" in used  # the bias, a feature of every word
    for feat, vector in used.items():
        stored = [int(x) for x in str(shipped.weights[feat]).split(",")]
        written = dict(zip(stored[0::2], stored[1::2], strict=True))
        assert [written.get(t, 0) for t in range(len(shipped.tags))] == vector.tolist()


def test_a_features_weights_for_one_tag_add_up_as_fitted():
    """A list as the fitter leaves it may give one tag twice: its weights add up."""
    from briefing.postag import Model

    fitted = Model(("A", "B", "C"), {}, {"b": [1, 5, 1, 3, 0, 1], "w=x": "2,4"})
    assert fitted.vector("b").tolist() == [1, 8, 0]
    assert fitted.vector("w=x").tolist() == [0, 0, 4]
    assert fitted.vector("w=unseen") is None and "w=unseen" not in fitted.dense


def test_the_weights_are_read_once_when_threads_ask_for_them_at_once():
    """`briefing serve`'s first requests may tag at once: one read of the weights for all."""
    import threading

    from briefing import postag

    postag.model.cache_clear()
    postag._loaded.cache_clear()
    got: list[int] = []
    threads = [threading.Thread(target=lambda: got.append(id(postag.model()))) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(got)) == 1 and postag._loaded.cache_info().misses == 1
