"""Part-of-speech tags (Penn Treebank tag set) from a small averaged perceptron (Collins 2002),
greedy left to right, fitted by benchmarks/fit_postag.py on openly licensed Universal
Dependencies treebanks (see NOTICE) and shipped as briefing/data/postag.tsv.gz.

The editorial rules need to tell a past event ("the ministry disbarred them") from talk of the
future or a stance ("will help move us closer", "our preferred path"): a word ending in "-ed"
is as often an adjective or a participle as a past tense, and only its context says which.

- ``tokens``: character spans of Penn Treebank tokens (punctuation split off, "n't", "'s",
  "'re" ... as their own tokens, hyphenated words kept whole).
- ``tag``: (word, tag, start, end) for each token.
- ``reports_event``: what the tags say about a sentence's tense.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from typing import cast

import numpy as np

from briefing import lexicon

# One token each: a web address, an e-mail address, initials and abbreviations with periods
# ("U.S.", "e.g.", "et al.", the "B." of "Elizabeth B. Prelogar"), a number with separators
# ("1,000.5", "2+2"), a word with inner hyphens and apostrophes ("rules-based", "O'Brien",
# "don't": clitics are split off after), an ellipsis or a double hyphen, else any one other
# character.
_TOKEN = re.compile(
    r"https?://[^\s<>\"“”]*[^\s<>\"“”.,;:!?)\]'’]"
    r"|[\w.+-]+@\w[\w-]*(?:\.\w[\w-]*)+"
    r"|(?:[A-Za-z]\.){2,}"
    r"|(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Capt|Mt|vs|No|al)\.(?=\s)"
    r"|[A-Z]\.(?=\s+[A-Z])"
    r"|\d+(?:[.,:/+]\d+)+"
    r"|\w+(?:[-'’]\w+)*"
    r"|\.\.\.|--+|\S"
)
# Clitics the treebanks split off a word: "do|n't", "ca|n't", "Russia|'s", "they|'re".
_CLITIC = re.compile(r"(?i)(?<=\w)(?:n['’]t|['’](?:s|re|ve|ll|d|m))$")
# Words the treebanks write as two: "can|not", "gon|na", "wan|na", "got|ta".
_JOINED = re.compile(r"(?i)^(can)(not)$|^(gon|wan|got)(na|ta)$")


def tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of each token of ``text``; together they cover every character but
    whitespace."""
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        spans.extend(_split(m.group(), m.start()))
    return spans


def _split(word: str, start: int) -> list[tuple[int, int]]:
    """A word's clitic or second half as a token of its own."""
    end = start + len(word)
    joined = _JOINED.match(word)
    if joined:
        cut = start + len(joined.group(1) or joined.group(3))
        return [(start, cut), (cut, end)]
    clitic = _CLITIC.search(word)
    if clitic and clitic.start() > 0:
        return [(start, start + clitic.start()), (start + clitic.start(), end)]
    return [(start, end)]


def straight(word: str) -> str:
    """A word with curly apostrophes straight: the treebanks write both."""
    return word.replace("’", "'").replace("‘", "'")


def normal(word: str) -> str:
    """A word as the features see it: lowercased, apostrophes straight."""
    return straight(word).lower()


def shape(word: str) -> str:
    """Capitalised, has a digit, has a hyphen: a flag each."""
    return (
        ("C" if word[:1].isupper() else "c")
        + ("D" if any(ch.isdigit() for ch in word) else "d")
        + ("H" if "-" in word[1:] else "h")
    )


def features(words: Sequence[str], i: int, history: Sequence[str]) -> list[str]:
    """The features of word ``i`` given the tags chosen for the words before it (Collins
    2002's kinds: the word, its affixes and shape, the tags before, the words around)."""
    w = normal(words[i])
    prev = history[-1] if history else "<s>"
    prev2 = history[-2] if len(history) > 1 else "<s>"
    before = normal(words[i - 1]) if i > 0 else "<s>"
    before2 = normal(words[i - 2]) if i > 1 else "<s>"
    after = normal(words[i + 1]) if i + 1 < len(words) else "</s>"
    after2 = normal(words[i + 2]) if i + 2 < len(words) else "</s>"
    verb = _last_verb(words, history)
    return [
        "b",
        "w=" + w,
        "s1=" + w[-1:],
        "s2=" + w[-2:],
        "s3=" + w[-3:],
        "s4=" + w[-4:],
        "p1=" + w[:1],
        # a capital means less at the start of a sentence, where every word has one
        "sh=" + shape(words[i]) + ("0" if i == 0 else ""),
        "pat=" + pattern(words[i]),
        "t1=" + prev,
        "t2=" + prev2 + " " + prev,
        "t1w=" + prev + " " + w,
        "t1s=" + prev + " " + w[-3:],
        "t1a=" + prev + " " + after,
        "w-1=" + before,
        "w-2=" + before2,
        "w+1=" + after,
        "w+2=" + after2,
        "a3=" + after[-3:],
        "s3+1=" + w[-3:] + " " + after,
        # the auxiliary or modal a verb form hangs on may stand words back:
        # "will not, and cannot, veto", "has long been"
        "v=" + verb + " " + w[-2:],
        "vw=" + verb + " " + w,
    ]


_VERBAL = frozenset({"MD", "VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "TO"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})  # the tags of a verb with a subject of its own
_SKIPPED = frozenset({"RB", "RBR", "RBS", ",", "CC"})  # "will not, and cannot, veto"


def _last_verb(words: Sequence[str], history: Sequence[str]) -> str:
    """The verb, modal or "to" the word follows, past adverbs, commas and "and"; the word
    itself if an auxiliary. "-" when a noun or anything else comes first: "the talks
    failed" hangs on no auxiliary."""
    j = len(history) - 1
    while j >= 0 and history[j] in _SKIPPED:
        j -= 1
    if j < 0 or history[j] not in _VERBAL:
        return "-"
    w = normal(words[j])
    return history[j] + ("/" + w if w in _AUXILIARY else "")


_AUXILIARY = frozenset({
    "be", "is", "are", "am", "was", "were", "been", "being", "'s", "'re", "'m",
    "have", "has", "had", "having", "'ve", "'d", "do", "does", "did", "get", "got", "gets",
})  # fmt: skip


def pattern(word: str) -> str:
    """The word's letters as X (capital), x (small), d (digit), runs as one: "Xx", "d,d"."""
    out: list[str] = []
    for ch in word[:8]:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@dataclass(frozen=True)
class Model:
    tags: tuple[str, ...]
    tagdict: dict[str, str]  # frequent words (apostrophes straight) that always had one tag
    # feature -> tag index, weight, tag index, weight, …: flat as stored, since building
    # 121,000 tuples of pairs doubled the time a first brief waits for the weights. A
    # feature's line as stored ("3,-9,7,12"), or a list of them as fitted.
    weights: Mapping[str, list[int] | str]
    # a feature's weights as one score a tag, made when first used (``predict``): summing
    # a word's twenty-odd vectors takes half the time of adding its pairs one by one, and
    # parsing all of them up front took most of the time a first brief waited for the tagger
    dense: dict[str, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    def vector(self, feat: str) -> np.ndarray | None:
        """The feature's score for each tag; None for a feature never seen in training (not
        kept: the words a long-running server tags are without end)."""
        found = self.dense.get(feat)
        if found is None:
            pairs = self.weights.get(feat)
            if pairs is None:
                return None
            flat = [int(x) for x in pairs.split(",")] if isinstance(pairs, str) else pairs
            found = np.zeros(len(self.tags), dtype=np.int32)
            tags = flat[0::2]
            if len(set(tags)) == len(tags):
                found[tags] = flat[1::2]  # a third of the time of np.add.at, on first use
            else:
                np.add.at(found, tags, flat[1::2])  # a tag twice in a list adds up, as before
            self.dense[feat] = found
        return found


WEIGHTS = "data/postag.tsv.gz"


def dump_model(
    tags: Sequence[str], tagdict: dict[str, str], weights: Mapping[str, Sequence[int] | str]
) -> bytes:
    """The weights file: a JSON line of the tags and the tag dictionary, then a line a
    feature, "feature<TAB>3,-9,7,12", in feature order; gzip with no time stamp, so the same
    weights give the same bytes."""
    head = json.dumps(
        {"tags": list(tags), "tagdict": tagdict},
        separators=(",", ":"),
        sort_keys=True,
        ensure_ascii=False,
    )
    lines = [head]
    for feat in sorted(weights):
        if "\t" in feat or "\n" in feat:
            raise ValueError(f"a feature with a tab or a line break: {feat!r}")
        pairs = weights[feat]  # a loaded model's line as stored, or its parsed list
        lines.append(feat + "\t" + (pairs if isinstance(pairs, str) else ",".join(map(str, pairs))))
    return gzip.compress("\n".join(lines).encode("utf-8"), mtime=0)


def load_model(data: bytes) -> Model:
    """``dump_model``'s bytes as a Model, each feature's weights left as stored."""
    head, _, body = gzip.decompress(data).decode("utf-8").partition("\n")
    raw = json.loads(head)
    stored = dict(line.split("\t", 1) for line in body.split("\n") if line)
    # each a line as stored, parsed when first used (``Model.vector``)
    weights = cast(dict[str, list[int] | str], stored)
    return Model(tuple(raw["tags"]), raw["tagdict"], weights)


_LOADING = threading.Lock()


@cache
def model() -> Model:
    """The shipped weights, read once when first needed: under a lock, as the web server's
    first requests may ask for them at once (each would read its own copy)."""
    with _LOADING:
        return _loaded()


@cache
def _loaded() -> Model:
    return load_model(files("briefing").joinpath(WEIGHTS).read_bytes())


def predict(m: Model, words: Sequence[str]) -> list[str]:
    """Each word's tag, left to right, each choice seeing the tags chosen before it."""
    out: list[str] = []
    for i, word in enumerate(words):
        tag = m.tagdict.get(straight(word))
        if tag is None:
            seen = []
            for feat in features(words, i, out):
                vector = m.dense.get(feat)  # read before without a call: the hot path
                if vector is None:
                    vector = m.vector(feat)
                if vector is not None:
                    seen.append(vector)
            # the first of equal scores ("b", the bias, is always seen)
            tag = m.tags[int(np.add.reduce(seen).argmax())]
        out.append(tag)
    return out


def tag(text: str) -> list[tuple[str, str, int, int]]:
    """(word, Penn Treebank tag, start, end) for each token of ``text``, best one sentence
    at a time."""
    return list(_tag(text))


@lru_cache(maxsize=4096)
def _tag(text: str) -> tuple[tuple[str, str, int, int], ...]:
    # cached: the editorial rules ask about the same sentence more than once
    spans = tokens(text)
    words = [text[s:e] for s, e in spans]
    tags = predict(model(), words)
    return tuple((w, t, s, e) for w, t, (s, e) in zip(words, tags, spans, strict=True))


_BE_PAST = frozenset({"was", "were"})
_HAVE = frozenset({"has", "have", "'ve"})
_BETWEEN = frozenset({"RB", "RBR", "RBS"})  # "has not yet", "were also", "had already"


def reports_event(text: str) -> bool:
    """Whether ``text`` reports something that happened: a past tense other than "was" or
    "were" ("the ministry disbarred"), a present perfect ("has chipped away", "'s been
    seized") or a past passive ("were designated"). A modal with its verb ("will help",
    "cannot veto") is talk of what may be; a present tense, the progressive too ("is using"),
    says how things stand, not that something was done; "was" or "were" with no participle
    ("was productive") describes a past state, not an event."""
    return event_in([(word, pos) for word, pos, _, _ in tag(text)])


def event_in(tagged: Sequence[tuple[str, str]]) -> bool:
    """``reports_event`` on (word, tag) pairs: benchmarks/fit_postag.py asks it of the
    treebanks' own tags too, to see how often the tagger's errors change its answer."""
    for i, (word, pos) in enumerate(tagged):
        w = normal(word)
        if pos == "VBD" and w not in _BE_PAST:
            return True
        perfect = pos in ("VBZ", "VBP") and w in _HAVE
        # "'s" is "has" only before "been": "it's designated" is "it is designated"
        perfect_s = pos == "VBZ" and w == "'s"
        passive = pos == "VBD" and w in _BE_PAST
        if perfect or perfect_s or passive:
            participle = _participle_after(tagged, i + 1)
            if participle and (not perfect_s or normal(participle) == "been"):
                if (perfect or perfect_s) and normal(participle) == "been" and _copula(tagged, i):
                    continue  # "has been sincere", "has been a member": a state that lasts
                return True
    return False


def _copula(tagged: Sequence[tuple[str, str]], i: int) -> bool:
    """Whether the "been" after the "have" at ``i`` is a copula: no participle or gerund
    follows it ("has been sincere", not "has been seized", "has been pursuing"). A word the
    tagger calls a participle must have a participle's form: "sincere" is none."""
    j = i + 1
    while j < len(tagged) and normal(tagged[j][0]) != "been":
        j += 1
    k = j + 1
    while k < len(tagged) and tagged[k][1] in _BETWEEN:
        k += 1
    if k >= len(tagged):
        return False
    word, pos = normal(tagged[k][0]), tagged[k][1]
    if pos == "VBG":
        return False
    participle = (
        word.endswith(_PARTICIPLE_ENDINGS)
        or word in lexicon.PAST_TENSE_FORMS
        or word in _IRREGULAR_PARTICIPLES
    )
    return not (pos in ("VBN", "VBD") and participle)


_PARTICIPLE_ENDINGS = ("ed", "en", "wn", "ne", "ld", "ught")  # "seized", "shown", "upheld"
# Participles of no regular form that PAST_TENSE_FORMS lacks (its "-ed", "-en" forms aside).
_IRREGULAR_PARTICIPLES = frozenset(
    "shut spread hurt laid lent bound split cast slain sworn struck hung stuck spun burst".split()
)


def _participle_after(tagged: Sequence[tuple[str, str]], i: int) -> str | None:
    """The past participle at ``i``, past adverbs ("not", "already"), else None."""
    while i < len(tagged) and tagged[i][1] in _BETWEEN:
        i += 1
    if i < len(tagged) and tagged[i][1] == "VBN":
        return tagged[i][0]
    return None
