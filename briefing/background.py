"""How common a word is in general: a background corpus's counts (briefing/data/background.tsv.gz,
fitted by benchmarks/fit_background.py on news and government text that is not measured on).

- ``idf``: a word's inverse document frequency in the background. Inside one cluster of sources
  the words the cluster is about are in most sentences, so an IDF over the cluster weighs them
  least; over the background they are as rare as they are.
- ``signature``: Lin & Hovy (2000)'s topic signature of a cluster: the words used in it far more
  often than in the background, by Dunning (1993)'s log-likelihood ratio, above the 0.001
  significance level of chi-squared with one degree of freedom (SIGNATURE_LLR = 10.83), as
  Conroy et al.'s CLASSY used them at DUC 2005-2006.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

SIGNATURE_LLR = 10.83  # chi-squared, 1 degree of freedom, p = 0.001 (Lin & Hovy 2000)


@dataclass(frozen=True)
class Background:
    docs: int  # documents in the background
    tokens: int  # content words in it
    df: Mapping[str, int]  # documents using each word
    tf: Mapping[str, int]  # times each word is used

    def idf(self, word: str) -> float:
        """log(N / df), a word the table lacks counting as in one document (the fit keeps out
        words of fewer documents)."""
        return math.log(self.docs / max(1, self.df.get(word, 0)))


@cache
def load() -> Background:
    """The fitted table, read once when first asked for; an empty background without it."""
    path = files("briefing").joinpath("data/background.tsv.gz")
    if not path.is_file():
        return Background(1, 1, {}, {})
    docs = tokens = 0
    df: dict[str, int] = {}
    tf: dict[str, int] = {}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        word, d, t = line.split("\t")
        if word == "#docs":
            docs, tokens = int(d), int(t)
        else:
            df[word], tf[word] = int(d), int(t)
    return Background(max(1, docs), max(1, tokens), df, tf)


def _loglik(k: float, n: float, p: float) -> float:
    """log of the binomial likelihood of k in n at rate p, without the constant."""
    out = 0.0
    if k > 0:
        out += k * math.log(p)
    if n - k > 0:
        out += (n - k) * math.log(1 - p)
    return out


def llr(k1: int, n1: int, k2: int, n2: int) -> float:
    """Dunning's -2 log λ for a word seen k1 times in n1 words and k2 times in n2 words: how
    unlikely it is that one rate explains both."""
    p1, p2, p = k1 / n1, k2 / n2, (k1 + k2) / (n1 + n2)
    if p <= 0 or p >= 1:
        return 0.0
    return 2 * (_loglik(k1, n1, p1) + _loglik(k2, n2, p2) - _loglik(k1, n1, p) - _loglik(k2, n2, p))


def signature(counts: Mapping[str, int], background: Background | None = None) -> dict[str, float]:
    """The topic signature of a cluster whose content words are counted in ``counts``: each
    word used more often in it than in the background, with a log-likelihood ratio of at
    least SIGNATURE_LLR, and that ratio."""
    bg = background or load()
    n1 = sum(counts.values())
    if not n1:
        return {}
    out = {}
    for word, k1 in counts.items():
        k2 = bg.tf.get(word, 0)
        if k1 / n1 <= k2 / bg.tokens:
            continue
        score = llr(k1, n1, k2, bg.tokens)
        if score >= SIGNATURE_LLR:
            out[word] = score
    return out
