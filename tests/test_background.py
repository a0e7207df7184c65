"""The background word table and topic signatures (briefing.background)."""

from __future__ import annotations

from collections import Counter
from importlib.resources import files
from pathlib import Path

from briefing.analyze import analyze
from briefing.background import SIGNATURE_LLR, Background, llr, load, signature
from briefing.model import Document
from briefing.synthesize import SIGNATURE_SOURCES, candidates, topic_signature
from briefing.text import content_words

# A background of 1,000 documents and 100,000 words: "government" is everywhere, "people"
# common, "hurricane" rare, "mitch" unseen.
BACKGROUND = Background(
    docs=1000,
    tokens=100_000,
    df={"government": 900, "people": 600, "official": 500, "hurricane": 3},
    tf={"government": 2000, "people": 1000, "official": 700, "hurricane": 4},
)


def test_a_word_frequent_in_the_cluster_and_rare_in_the_background_is_a_signature_term():
    # a cluster of 1,000 words on a storm: the storm's words stand out, the words every
    # news story uses at their usual rate do not
    cluster = Counter(hurricane=30, mitch=20, government=20, people=10, official=7, rain=1)
    cluster["other"] = 1000 - sum(cluster.values())
    found = signature(cluster, BACKGROUND)
    assert {"hurricane", "mitch"} <= set(found)
    assert all(found[w] >= SIGNATURE_LLR for w in found)
    # as frequent as in the background (people: 1% in both), or more but not significantly
    # (official 0.7% in both), or used once: no signature term
    assert not {"people", "official", "rain"} & set(found)


def test_a_word_rarer_in_the_cluster_than_in_the_background_is_no_signature_term():
    cluster = Counter(government=1, hurricane=50, other=949)  # 0.1% against 2%
    assert llr(1, 1000, 2000, 100_000) > SIGNATURE_LLR  # significantly different…
    assert "government" not in signature(cluster, BACKGROUND)  # …but less used


def test_the_likelihood_ratio_is_zero_at_the_same_rate_and_grows_with_the_difference():
    assert llr(10, 1000, 100, 10_000) == 0.0
    assert 0 < llr(20, 1000, 100, 10_000) < llr(40, 1000, 100, 10_000)
    assert signature(Counter(), BACKGROUND) == {}


def test_idf_weighs_a_rare_word_more_and_an_unseen_one_most():
    assert BACKGROUND.idf("government") < BACKGROUND.idf("hurricane") < BACKGROUND.idf("mitch")


def test_the_shipped_table_is_small_and_knows_common_and_rare_words():
    path = files("briefing").joinpath("data/background.tsv.gz")
    assert path.is_file() and len(path.read_bytes()) < 300_000
    table = load()
    assert table.docs > 1000 and table.tokens > 100_000
    # counted as synthesis counts words (stemmed content words)
    (government,) = content_words("government")
    (storms,) = content_words("storms")
    assert table.idf(government) < table.idf(storms) < table.idf("zzyzx")
    # a cluster about a storm against the shipped background
    cluster = Counter(content_words("Hurricane storms flooded the coast. " * 20))
    cluster.update(content_words("The government said people would be told."))
    cluster["zzyzx"] = 1000  # the rest of the cluster's words, each once
    found = signature(cluster)
    assert storms in found and government not in found


def test_a_topic_signature_word_is_one_several_sources_share():
    storm = (
        "Hurricane Mitch flooded the Honduran coast on Monday, and the hurricane killed "
        "hundreds of people there.\n\nRelief workers said the hurricane destroyed roads and "
        "bridges across the country."
    )
    found = [
        analyze(Document(Path(f"/tmp/storm-{i}.txt"), f"Report {i}", storm, publisher="Reuters"))
        for i in range(SIGNATURE_SOURCES)
    ]
    assert {"hurricane", "relief"} <= topic_signature(candidates(found))
    assert not topic_signature(candidates(found[: SIGNATURE_SOURCES - 1]))
