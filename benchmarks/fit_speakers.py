"""Fit the speaker ranker (briefing.speakers.rank) on PolNeAR's train split.

For every quote that no rule attributes, the pipeline lists its candidates (the people named
around it, the previous quote's speaker, and nobody) with their features. A candidate is right
when it shares a name with the gold speaker, as the metric judges; nobody is right when no
candidate is. A conditional logit model (softmax over one quote's candidates, L2-penalised,
plain-Python gradient descent) is fitted to that, and its weights written to
briefing/data/speaker_weights.json. The cast a quote sees depends on earlier choices, so the
fit runs again over the quotes found with the first weights. The dev split is only scored.

Run: python benchmarks/fit_speakers.py   (needs ../shared beside the repository)
"""

from __future__ import annotations

import json
import logging
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import EVAL, scoring  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

OUT = ROOT / "briefing" / "data" / "speaker_weights.json"
L2_GRID = (0.001, 0.01, 0.03, 0.1, 0.3)  # penalties tried; 5-fold CV on train picks one
ROUNDS, STEPS, RATE = 2, 600, 1.0


def groups(score, folder: str) -> list[list[tuple[dict[str, float], bool]]]:
    """One group per ranked quote that matches a gold direct quote with a non-pronoun speaker:
    each candidate's features and whether it is right."""
    from briefing.ingest import read_file
    from briefing.quotes import explain_quotes

    out = []
    for row in score.load_quote_gold(EVAL / folder).values():
        gold = [
            (score._quoted_parts(a["content"]["text"]), a["source"]["text"])
            for a in row["attributions"]
            if a["is_direct"] and a["content"] and a["source"]
        ]
        for quote, why in explain_quotes(read_file(EVAL / folder / row["file"])):
            if not why.candidates:
                continue
            overlap, source = max(
                ((score._overlap(quote.text, g), s) for g, s in gold), default=(0.0, "")
            )
            if overlap < 0.6 or source.lower() in score.PRONOUNS:
                continue
            names = score._names(source)
            right = [bool(c.person and score._names(c.person) & names) for c in why.candidates]
            if not any(right):
                right = [c.person is None for c in why.candidates]
            out.append([(c.features, r) for c, r in zip(why.candidates, right, strict=True)])
    return out


def fit(
    data: list[list[tuple[dict[str, float], bool]]], features: tuple[str, ...], l2: float
) -> dict:
    """Conditional logit: maximise the log probability of the right candidates of each quote,
    less ``l2`` times the squared weights (keeps rare features' weights small)."""
    w = dict.fromkeys(features, 0.0)
    for _ in range(STEPS):
        grad = {k: l2 * v for k, v in w.items()}
        for group in data:
            scores = [sum(w.get(k, 0.0) * v for k, v in f.items()) for f, _ in group]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            total, right = sum(exp), sum(e for e, (_, r) in zip(exp, group, strict=True) if r)
            for e, (f, r) in zip(exp, group, strict=True):
                g = e / total - (e / right if r else 0.0)
                for k, v in f.items():
                    grad[k] += g * v / len(data)
        for k in w:
            w[k] -= RATE * grad[k]
    return {k: round(v, 4) for k, v in w.items()}


def accuracy(data, weights: dict[str, float]) -> float:
    """How often the best-scored candidate is a right one (ties to the first)."""
    ok = 0
    for group in data:
        scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f, _ in group]
        ok += group[scores.index(max(scores))][1]
    return ok / len(data) if data else 0.0


def cross_validated(data, features: tuple[str, ...], l2: float, folds: int = 5) -> float:
    """Accuracy on each fifth of train (consecutive documents) of weights fitted on the rest:
    what the ranker does on quotes it was not fitted to."""
    right = 0.0
    for k in range(folds):
        lo, hi = k * len(data) // folds, (k + 1) * len(data) // folds
        weights = fit(data[:lo] + data[hi:], features, l2)
        right += accuracy(data[lo:hi], weights) * (hi - lo)
    return right / len(data)


def main() -> int:
    if not (EVAL / "quotes-polnear-train").is_dir():
        print(f"skipped: {EVAL / 'quotes-polnear-train'} not found")
        return 0
    logging.disable(logging.WARNING)
    from briefing.speakers import FEATURES, fitted_weights

    score = scoring()
    l2 = 0.01
    for round_ in range(ROUNDS):
        data = groups(score, "quotes-polnear-train")
        if round_ == 0:  # the penalty that holds best on train quotes it was not fitted to
            folds = {c: cross_validated(data, FEATURES, c) for c in L2_GRID}
            l2 = max(L2_GRID, key=lambda c: (round(folds[c], 3), c))
            tried = ", ".join(f"{c}: {a:.3f}" for c, a in folds.items())
            print(f"L2 by 5-fold CV on train: {tried}")
        weights = fit(data, FEATURES, l2)
        OUT.write_text(
            json.dumps(
                {
                    "fitted_by": "benchmarks/fit_speakers.py on PolNeAR train",
                    "quotes": len(data),
                    "l2": l2,
                    "weights": weights,
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        fitted_weights.cache_clear()
        print(
            f"round {round_ + 1}: {len(data)} ranked train quotes, best is right: "
            f"{accuracy(data, weights):.3f}"
        )
    print(f"train, 5-fold cross-validated: {cross_validated(data, FEATURES, l2):.3f} (L2 {l2})")
    dev = groups(score, "quotes-polnear")
    print(f"dev: {len(dev)} ranked quotes, best is right: {accuracy(dev, fitted_weights()):.3f}")
    print(f"weights written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
