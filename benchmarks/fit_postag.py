"""Fit the part-of-speech tagger's weights (briefing/data/postag.tsv.gz, read by
briefing/postag.py): an averaged perceptron (Collins 2002), greedy left to right, on the Penn
Treebank tags (XPOS, column 5) of two Universal Dependencies treebanks:

- UD English EWT (CC BY-SA 4.0): its dev and test files are trained on (its train file is
  not in the mirror this was fitted from);
- UD English GUM: the documents of the genres its LICENSE.txt names an open license for
  (GENRES: CC BY, public domain); fiction and wikiHow "whow" (CC BY-NC-SA) and the genres it
  names no license for are left out; one document in ten held out.

Hyphenated words the treebanks split ("rules - based") are joined back into the one token
briefing.postag.tokens makes of them; a joined word ending in a participle ("state-funded",
"rules-based") is an adjective, as the Penn Treebank tags it.

Prints the token accuracy on the held-out split, overall and on verbs (VB*, MD), and how
VBD, VBN and JJ are confused, measured with the weights as written (pruned and rounded); then
how fast briefing.postag.tag tags the held-out sentences from their text, and how often
briefing.postag.tokens splits a held-out GUM sentence as the treebank does.

Run: python benchmarks/fit_postag.py [--ewt REPO] [--gum REPO] [--genres academic,bio,...]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from briefing.postag import (
    Model,
    dump_model,
    event_in,
    features,
    predict,
    straight,
    tag,
    tokens,
)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "briefing" / "data" / "postag.tsv.gz"
MIRROR = Path("/work/.mirror")
EWT = MIRROR / "UniversalDependencies+UD_English-EWT" / "repo"
GUM = MIRROR / "UniversalDependencies+UD_English-GUM" / "repo"
GUM_SOURCES = "not-to-release/sources"
# The genres whose texts GUM's LICENSE.txt names an open license for (CC BY, public domain):
# not fiction and wikiHow (non-commercial), nor academic, court, essay, letter and podcast (no
# license named there; --genres can add them for a local fit)
GENRES = ("bio", "conversation", "interview", "news", "speech", "textbook", "vlog", "voyage")
HELD_OUT_EVERY = 10  # one GUM document in ten is measured on, not trained on
EPOCHS = 10
SEED = 1
TAGDICT_MIN = 20  # a word seen this often ...
TAGDICT_SHARE = 0.995  # ... with one tag this often is given that tag without scoring
PRUNE = 0.5  # averaged weights smaller than this (in SCALE units) are dropped
SCALE = 10  # weights are written as integers, SCALE to one

Sentence = list[tuple[str, str]]  # (word, tag)


def git_show(repo: Path, path: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), "show", f"HEAD:{path}"],
        check=True, capture_output=True, text=True,
    ).stdout


def gum_files(repo: Path, genres: tuple[str, ...] = GENRES) -> list[str]:
    names = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "--name-only", "HEAD", GUM_SOURCES + "/"],
        check=True, capture_output=True, text=True,
    ).stdout.split()
    return sorted(n for n in names if n.split("/")[-1].split("_")[1] in genres)


def sentences(conllu: str) -> Iterator[Sentence]:
    """Each sentence's words and tags, hyphenated words joined."""
    rows: list[list[str]] = []
    for line in conllu.splitlines():
        if not line.strip():
            if rows:
                yield join_hyphens(rows)
            rows = []
            continue
        cols = line.split("\t")
        # "1-2" is a word the treebank splits in two, "1.1" an empty node: neither is tagged
        if line.startswith("#") or len(cols) != 10 or not cols[0].isdigit():
            continue
        rows.append(cols)
    if rows:
        yield join_hyphens(rows)


def join_hyphens(rows: list[list[str]]) -> Sentence:
    """(word, tag) for each row, "X - Y" written without spaces made one word "X-Y"."""
    out: Sentence = []
    glued = False  # the last word ended in a hyphen that takes the next word
    for i, cols in enumerate(rows):
        word, tag, deprel, misc = cols[1], cols[4], cols[7], cols[9]
        tight = "SpaceAfter=No" in misc
        before = rows[i - 1] if i else None
        if (
            tag == "HYPH" and tight and out and before is not None
            and "SpaceAfter=No" in before[9] and i + 1 < len(rows)
        ):
            out[-1] = (out[-1][0] + word, out[-1][1])
            glued = True
            continue
        if glued:
            out[-1] = (out[-1][0] + word, joined_tag(tag, deprel))
            glued = False
            continue
        out.append((word, tag))
    return out


def joined_tag(last: str, deprel: str) -> str:
    """A hyphenated word's tag: its last part's, but a participle is an adjective
    ("state-funded"), and so is a gerund before a noun ("life-changing")."""
    if last == "VBN" or (last == "VBG" and deprel == "amod"):
        return "JJ"
    return last


def load(ewt: Path, gum: Path, genres: tuple[str, ...]) -> tuple[list[Sentence], list[Sentence]]:
    """(train, held out): both EWT files and nine GUM documents in ten are trained on (the
    open genres are few, so every sentence counts); one GUM document in ten is held out."""
    train = list(sentences(git_show(ewt, "en_ewt-ud-dev.conllu")))
    train += sentences(git_show(ewt, "en_ewt-ud-test.conllu"))
    held: list[Sentence] = []
    for n, path in enumerate(gum_files(gum, genres)):
        (held if n % HELD_OUT_EVERY == 0 else train).extend(sentences(git_show(gum, path)))
    return train, held


def tag_dictionary(train: list[Sentence]) -> dict[str, str]:
    seen: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for sent in train:
        for word, pos in sent:
            seen[straight(word)][pos] += 1
    out = {}
    for word, tags in seen.items():
        pos, n = tags.most_common(1)[0]
        total = sum(tags.values())
        if total >= TAGDICT_MIN and n / total >= TAGDICT_SHARE:
            out[word] = pos
    return out


class Perceptron:
    """Weights with their running sums for the average (Collins 2002), the sums brought up to
    date only when a weight changes (Daumé 2006) so that an update costs what it changes."""

    def __init__(self, tags: list[str]) -> None:
        self.tags = tags
        self.w: defaultdict[str, dict[int, float]] = defaultdict(dict)
        self.total: defaultdict[tuple[str, int], float] = defaultdict(float)
        self.stamp: defaultdict[tuple[str, int], int] = defaultdict(int)
        self.clock = 0

    def best(self, feats: list[str]) -> int:
        scores = [0.0] * len(self.tags)
        for f in feats:
            for t, v in self.w.get(f, {}).items():
                scores[t] += v
        return max(range(len(scores)), key=scores.__getitem__)

    def update(self, feats: list[str], gold: int, guess: int) -> None:
        for f in feats:
            for t, delta in ((gold, 1.0), (guess, -1.0)):
                key = (f, t)
                v = self.w[f].get(t, 0.0)
                self.total[key] += (self.clock - self.stamp[key]) * v
                self.stamp[key] = self.clock
                self.w[f][t] = v + delta

    def averaged(self) -> dict[str, dict[int, float]]:
        out: dict[str, dict[int, float]] = {}
        for f, row in self.w.items():
            for t, v in row.items():
                key = (f, t)
                total = self.total[key] + (self.clock - self.stamp[key]) * v
                out.setdefault(f, {})[t] = total / max(1, self.clock)
        return out


def train_epoch(p: Perceptron, data: list[Sentence], tagdict: dict[str, str]) -> float:
    """One pass; the share of words tagged right while learning."""
    index = {t: i for i, t in enumerate(p.tags)}
    right = seen = 0
    for sent in data:
        words = [w for w, _ in sent]
        history: list[str] = []
        for i, (word, gold) in enumerate(sent):
            p.clock += 1
            guess_tag = tagdict.get(straight(word))
            if guess_tag is None:
                # history from the tags guessed, as at tagging time
                feats = features(words, i, history)
                guess = p.best(feats)
                if guess != index[gold]:
                    p.update(feats, index[gold], guess)
                guess_tag = p.tags[guess]
            right += guess_tag == gold
            seen += 1
            history.append(guess_tag)
    return right / max(1, seen)


def fit(train: list[Sentence], tagdict: dict[str, str]) -> tuple[list[str], dict]:
    tags = sorted({t for sent in train for _, t in sent})
    p = Perceptron(tags)
    order = list(train)
    rng = random.Random(SEED)
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        start = time.perf_counter()
        acc = train_epoch(p, order, tagdict)
        print(f"epoch {epoch + 1}: {acc:.4f} while learning ({time.perf_counter() - start:.0f} s)")
    return tags, p.averaged()


def compact(averaged: dict[str, dict[int, float]]) -> dict[str, list[int]]:
    """Each feature's weights as [tag, weight, tag, weight ...], rounded to integers, the
    small ones dropped."""
    out: dict[str, list[int]] = {}
    for f, row in averaged.items():
        pairs = [(t, round(v * SCALE)) for t, v in sorted(row.items())]
        kept = [x for t, v in pairs if abs(v) >= PRUNE * SCALE for x in (t, v)]
        if kept:
            out[f] = kept
    return out


def as_model(tags: list[str], tagdict: dict[str, str], weights: dict[str, list[int]]) -> Model:
    stored: dict[str, list[int] | str] = {**weights}
    return Model(tuple(tags), tagdict, stored)


def evaluate(model: Model, held: list[Sentence]) -> None:
    right = seen = verb_right = verbs = 0
    confusion: Counter[tuple[str, str]] = Counter()
    events: Counter[tuple[bool, bool]] = Counter()  # (from the gold tags, from the tagger's)
    watched = ("VBD", "VBN", "JJ")
    for sent in held:
        guesses = predict(model, [w for w, _ in sent])
        for (_, gold), guess in zip(sent, guesses, strict=True):
            seen += 1
            right += gold == guess
            if gold.startswith("VB") or gold == "MD":
                verbs += 1
                verb_right += gold == guess
            if gold in watched:
                confusion[gold, guess if guess in watched else "other"] += 1
        tagged = [(w, t) for (w, _), t in zip(sent, guesses, strict=True)]
        events[event_in(sent), event_in(tagged)] += 1
    print(f"held out: {right / seen:.4f} of {seen} tokens; verbs (VB*, MD) "
          f"{verb_right / verbs:.4f} of {verbs}")
    print("gold \\ tagged " + "".join(f"{t:>8}" for t in (*watched, "other")))
    for gold in watched:
        row = "".join(f"{confusion[gold, t]:>8}" for t in (*watched, "other"))
        print(f"{gold:<14}{row}")
    agree = events[True, True] + events[False, False]
    print(f"reports_event: the same answer from the tagger's tags as from the gold tags on "
          f"{agree / len(held):.4f} of {len(held)} sentences; an event by the gold tags "
          f"{events[True, True] + events[True, False]}, missed {events[True, False]}, "
          f"added {events[False, True]}")


def write(tags: list[str], tagdict: dict[str, str], weights: dict[str, list[int]]) -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(dump_model(tags, tagdict, weights))
    print(f"{len(weights)} features -> {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")


def speed(held: list[Sentence]) -> None:
    """Tokens tagged a second by briefing.postag.tag from text, the shipped weights loaded."""
    texts = [" ".join(w for w, _ in sent) for sent in held]
    tag("Warm up.")  # the weights are read once, on first use
    start = time.perf_counter()
    n = sum(len(tag(text)) for text in texts)
    took = time.perf_counter() - start
    print(f"speed: {n / took:,.0f} tokens/s ({n} tokens of {len(texts)} sentences, {took:.1f} s)")


def tokenization(gum: Path, genres: tuple[str, ...]) -> None:
    """How often briefing.postag.tokens splits a held-out GUM sentence's text (its "# text"
    line) into the words the treebank has, hyphenated words joined as here."""
    same = total = 0
    for n, path in enumerate(gum_files(gum, genres)):
        if n % HELD_OUT_EVERY:
            continue
        for block in git_show(gum, path).strip().split("\n\n"):
            lines = block.splitlines()
            text = next((x[len("# text = "):] for x in lines if x.startswith("# text = ")), None)
            if text is not None:
                gold = [w for sent in sentences(block) for w, _ in sent]
                total += 1
                same += gold == [text[s:e] for s, e in tokens(text)]
    print(f"tokens: {same / total:.4f} of {total} held-out GUM sentences split as the treebank")


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--ewt", type=Path, default=EWT, help="UD_English-EWT git repository")
    args.add_argument("--gum", type=Path, default=GUM, help="UD_English-GUM git repository")
    # more genres for a local fit (see NOTICE for what GUM's LICENSE.txt says of each)
    args.add_argument("--genres", default=",".join(GENRES), help="GUM genres, comma-separated")
    opts = args.parse_args(argv)
    genres = tuple(opts.genres.split(","))
    missing = [str(r) for r in (opts.ewt, opts.gum) if not (r / "HEAD").is_file()]
    if missing:
        print(f"skipped: {', '.join(missing)} not found")
        return 0
    train, held = load(opts.ewt, opts.gum, genres)
    print(f"train {sum(map(len, train))} tokens, held out {sum(map(len, held))}")
    tagdict = tag_dictionary(train)
    tags, averaged = fit(train, tagdict)
    weights = compact(averaged)
    evaluate(as_model(tags, tagdict, weights), held)
    write(tags, tagdict, weights)
    speed(held)
    tokenization(opts.gum, genres)
    return 0


if __name__ == "__main__":
    sys.exit(main())
