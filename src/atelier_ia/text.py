"""Text and language: tokens, a byte-pair-encoding tokenizer, n-gram models, sampling.

Everything here is small enough to read: the point is to see how a language model works.
All random choices take a seed, so the book, the tests and the learner see the same text.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import AtelierError, describe
from .markov import BackoffCounts, apply_temperature, check_temperature, sample_index
from .validation import check_choice, check_int, check_real, check_seed, check_text

__all__ = [
    "LEVELS",
    "BPETokenizer",
    "NGramModel",
    "apply_temperature",
    "char_tokens",
    "join_words",
    "sample_index",
    "word_tokens",
]

# --------------------------------------------------------------------------- tokens

_WORD = re.compile(r"[^\W\d_]+['’]|[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:[.,]\d+)*|\n|\S", re.UNICODE)


def char_tokens(text: str) -> list[str]:
    """The characters of ``text``: the simplest tokens."""
    return list(check_text(text, allow_empty=True))


def word_tokens(text: str) -> list[str]:
    """Words and punctuation; an elided article keeps its apostrophe (« l' », « d' »)."""
    return _WORD.findall(check_text(text, allow_empty=True))


_NO_SPACE_BEFORE = set(",.)]…")
_NBSP_BEFORE = set(";:!?»")


def join_words(tokens: list[str]) -> str:
    """Turn word tokens back into text, with French spacing."""
    if not isinstance(tokens, (list, tuple)) or not all(isinstance(t, str) for t in tokens):
        raise AtelierError(
            f"« tokens » doit être une liste de mots (des textes), par exemple word_tokens(texte) ; vous avez donné {describe(tokens)}."
        )
    out = ""
    for tok in tokens:
        if not out or out.endswith(("\n", "'", "’", "(", "[", "«\u00a0")) or tok == "\n":
            out += tok
        elif tok in _NO_SPACE_BEFORE:
            out += tok
        elif tok in _NBSP_BEFORE:
            out += "\u00a0" + tok
        elif tok == "«":
            out += " «\u00a0"
            continue
        else:
            out += " " + tok
    return out.replace("«\u00a0 ", "«\u00a0")


# --------------------------------------------------------------------------- BPE

# Pre-tokenisation: a chunk is a run of letters, of digits or of punctuation, with the
# space before it. Merges never cross a chunk boundary.
_CHUNK = re.compile(r" ?[^\W\d_]+| ?\d+| ?(?:[^\s\w]|_)+|\s+(?!\S)|\s+", re.UNICODE)


@dataclass
class BPETokenizer:
    """A byte-level byte-pair-encoding tokenizer, trained from scratch.

    Start from the 256 possible bytes; repeatedly find the most frequent pair of adjacent
    tokens in the corpus and make it a new token. The list of merges, in learning order,
    is the tokenizer. Any text can be encoded (it is only bytes) and decoded back exactly.
    """

    merges: list[tuple[str, str]] = field(default_factory=list)
    vocab: list[bytes] = field(default_factory=lambda: [bytes([b]) for b in range(256)])
    notice: str = ""

    def __post_init__(self):
        if not hasattr(self, "_pair_of"):  # built directly, not by train(): only the 256 bytes
            if not isinstance(self.merges, list) or self.merges or not isinstance(self.vocab, list) \
                    or self.vocab != [bytes([b]) for b in range(256)] or not isinstance(self.notice, str):
                raise AtelierError(
                    "Un tokenizer BPE s'apprend sur un texte : écrivez BPETokenizer.train(texte, vocab_size=500). "
                    "BPETokenizer() sans argument donne le tokenizer de départ (les 256 octets, sans fusion)."
                )
            self._pair_of = []
        self._ranks = {}
        self._ids = {tok: i for i, tok in enumerate(self.vocab)}
        for rank, (a, b) in enumerate(self._merge_ids):
            self._ranks[(a, b)] = rank
        self._cache: dict[str, list[int]] = {}

    @property
    def _merge_ids(self):
        # merge n created token 256 + n from two earlier tokens
        out = []
        for n in range(len(self.vocab) - 256):
            out.append(self._pair_of[n])
        return out

    @classmethod
    def train(cls, text: str, vocab_size: int = 500) -> "BPETokenizer":
        """Learn ``vocab_size - 256`` merges from ``text``."""
        check_text(text, "le texte d'entraînement")
        vocab_size = check_int(vocab_size, "vocab_size", 257, 50_000)
        words = Counter(_CHUNK.findall(text))
        # each distinct chunk as a list of token ids, with how often it occurs
        seqs = [list(w.encode("utf-8")) for w in words]
        freqs = list(words.values())
        pairs: dict[tuple[int, int], int] = defaultdict(int)
        where: dict[tuple[int, int], set[int]] = defaultdict(set)
        for i, seq in enumerate(seqs):
            for a, b in zip(seq, seq[1:]):
                pairs[(a, b)] += freqs[i]
                where[(a, b)].add(i)
        vocab = [bytes([b]) for b in range(256)]
        # a heap of (-count, merged bytes, pair); stale entries are skipped when popped
        heap = [(-c, vocab[a] + vocab[b], (a, b)) for (a, b), c in pairs.items()]
        heapq.heapify(heap)
        pair_of: list[tuple[int, int]] = []
        while len(vocab) < vocab_size and heap:
            neg, _, best = heapq.heappop(heap)
            if pairs.get(best, 0) != -neg:
                continue  # stale: this pair's count changed since it was pushed
            if -neg < 2:
                break  # a pair seen once is not a pattern
            new = len(vocab)
            vocab.append(vocab[best[0]] + vocab[best[1]])
            pair_of.append(best)
            changed = set()
            for i in where.pop(best, ()):
                seq, f = seqs[i], freqs[i]
                for a, b in zip(seq, seq[1:]):  # forget this chunk's old pairs
                    pairs[(a, b)] -= f
                    changed.add((a, b))
                merged, j = [], 0
                while j < len(seq):
                    if j + 1 < len(seq) and (seq[j], seq[j + 1]) == best:
                        merged.append(new)
                        j += 2
                    else:
                        merged.append(seq[j])
                        j += 1
                seqs[i] = merged
                for a, b in zip(merged, merged[1:]):  # count its new pairs
                    pairs[(a, b)] += f
                    where[(a, b)].add(i)
                    changed.add((a, b))
            pairs.pop(best, None)
            for pair in changed:
                c = pairs.get(pair, 0)
                if c > 0:
                    heapq.heappush(heap, (-c, vocab[pair[0]] + vocab[pair[1]], pair))
                else:
                    pairs.pop(pair, None)
        tok = cls.__new__(cls)
        tok.vocab = vocab
        tok._pair_of = pair_of
        tok.merges = [(_show(vocab[a]), _show(vocab[b])) for a, b in pair_of]
        tok.notice = (
            "" if len(vocab) == vocab_size else
            f"Le texte ne permet que {len(vocab) - 256} fusions : le vocabulaire compte {len(vocab)} jetons au lieu de {vocab_size}."
        )
        tok.__post_init__()
        return tok

    def __len__(self) -> int:
        return len(self.vocab)

    @property
    def new_tokens(self) -> list[str]:
        """The tokens created by the merges, in learning order (readable form)."""
        return [_show(tok) for tok in self.vocab[256:]]

    def _encode_chunk(self, chunk: str) -> list[int]:
        ids = self._cache.get(chunk)
        if ids is not None:
            return ids
        seq = list(chunk.encode("utf-8"))
        while len(seq) > 1:
            ranked = [(self._ranks.get(p, math.inf), k) for k, p in enumerate(zip(seq, seq[1:]))]
            rank, k = min(ranked)
            if rank == math.inf:
                break
            seq[k : k + 2] = [256 + rank]
        if len(self._cache) < 100_000:
            self._cache[chunk] = seq
        return seq

    def encode(self, text: str) -> list[int]:
        """Token ids of ``text``."""
        check_text(text, allow_empty=True)
        out: list[int] = []
        for chunk in _CHUNK.findall(text):
            out.extend(self._encode_chunk(chunk))
        return out

    def decode(self, ids) -> str:
        """The text of a list of token ids (exactly the encoded text)."""
        try:
            parts = [self.vocab[i] for i in ids]
        except (TypeError, IndexError):
            raise AtelierError(f"decode attend une liste de numéros de jetons entre 0 et {len(self.vocab) - 1}.") from None
        return b"".join(parts).decode("utf-8", errors="replace")

    def tokens(self, text: str) -> list[str]:
        """The tokens of ``text`` as readable strings (a cut inside a letter shows as �)."""
        return [_show(self.vocab[i]) for i in self.encode(text)]


def _show(token: bytes) -> str:
    """A token as text; a token holding only part of a letter shows its bytes as ⟨c3⟩."""
    try:
        return token.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(chr(b) if b < 128 else f"⟨{b:02x}⟩" for b in token)


# --------------------------------------------------------------------------- n-grams

LEVELS = ("char", "word")


class NGramModel:
    """An n-gram language model over characters or words.

    Training counts, for every context of ``order`` tokens (and every shorter one), which
    token comes next. To predict, the model looks for the longest context it has seen (it
    "backs off" to shorter ones). Probabilities used for the perplexity are smoothed with
    add-k so that nothing has probability zero.
    """

    def __init__(self, order: int = 3, level: str = "char", k: float = 0.01):
        self.order = check_int(order, "order", 1, 6)
        level = check_choice(level, "level", LEVELS)
        k = check_real(k, "k", 0, 10, " (le lissage, strictement positif : par exemple 0.01)")
        if k == 0:
            raise AtelierError("Le lissage « k » doit être strictement positif (par exemple 0.01) ; vous avez donné 0.")
        self.level, self.k = level, k
        self._counts: BackoffCounts | None = None
        self.vocab: list = []
        self._dist_cache: dict = {}

    def tokenize(self, text: str):
        """The model's tokens for ``text``: the text itself (letters) or a tuple of words."""
        return check_text(text, allow_empty=True) if self.level == "char" else tuple(word_tokens(text))

    def fit(self, text: str) -> "NGramModel":
        """Count the n-grams of ``text``; returns the model itself."""
        check_text(text, "le texte d'entraînement")
        seq = self.tokenize(text)
        if len(seq) <= self.order:
            raise AtelierError(
                f"Le texte d'entraînement est trop court : {len(seq)} jetons pour un modèle d'ordre {self.order}. "
                "Donnez un texte plus long ou baissez l'ordre."
            )
        self._counts = BackoffCounts([seq], self.order)
        self.vocab = sorted(self._table(0)[seq[:0]])
        self._table(self.order)
        self._dist_cache = {}
        return self

    def _table(self, j: int) -> dict:
        """Context of length ``j`` → {next token: count}; built on first use."""
        return self._counts.table(j)

    @property
    def n_parameters(self) -> int:
        """How many numbers the model keeps: one count per (context, next token) seen at its order."""
        self.require_fitted()
        return sum(len(nxt) for nxt in self._table(self.order).values())

    @property
    def fitted(self) -> bool:
        """Whether :meth:`fit` has been called."""
        return self._counts is not None

    def require_fitted(self) -> None:
        """Raise the library's French error if :meth:`fit` has not been called yet."""
        if self._counts is None:
            raise AtelierError("Le modèle n'est pas encore entraîné : appelez d'abord .fit(texte).")

    def candidates(self, context):
        """The tokens that may follow ``context`` and their probabilities, as :meth:`generate`
        draws them. ``context`` is already cut into tokens: a string of characters for a
        character model, a tuple of words for a word model (its last ``order`` tokens count)."""
        self.require_fitted()
        if not isinstance(context, str if self.level == "char" else tuple):
            kind = "une chaîne de caractères" if self.level == "char" else "un tuple de mots (model.tokenize(texte))"
            raise AtelierError(f"« context » doit être {kind} ; vous avez donné {describe(context)}.")
        return self._dist(context)

    def _dist(self, history):
        ctx = self._counts.context(history)
        hit = self._dist_cache.get(ctx)
        if hit is None:
            hit = self._counts.candidates(ctx)
            if len(self._dist_cache) < 200_000:
                self._dist_cache[ctx] = hit
        return hit

    def next_distribution(self, context: str = "") -> pd.Series:
        """What the model expects after ``context``: next token → probability, most likely first."""
        self.require_fitted()
        tokens, probs = self._dist(self.tokenize(context))
        return pd.Series(probs, index=pd.Index(tokens, name="jeton suivant"), name="probabilité")

    def generate(self, length: int = 200, seed: int = 0, temperature: float = 1.0, top_k: int | None = None, prompt: str = "") -> str:
        """Generate ``length`` tokens after ``prompt``; the same seed gives the same text."""
        self.require_fitted()
        length = check_int(length, "length", 1, 20_000)
        seed = check_seed(seed, "seed")
        check_temperature(temperature)
        check_text(prompt, "le début (prompt)", allow_empty=True)
        rng = np.random.default_rng(seed)
        history = list(self.tokenize(prompt))
        if not history:  # start like a line of the training text
            starts = self._table(1).get(self.tokenize("\n"))
            if starts:
                tokens, probs = self._dist(self.tokenize("\n"))
                history = [tokens[sample_index(probs, rng)]]
                length -= 1
        out = list(history)
        for _ in range(length):
            key = "".join(out[-self.order:]) if self.level == "char" else tuple(out[-self.order:])
            tokens, probs = self._dist(key)
            out.append(tokens[sample_index(probs, rng, temperature, top_k)])
        return "".join(out) if self.level == "char" else join_words(out)

    def probability(self, token, context=""):
        """Smoothed probability of ``token`` after ``context`` (add-k, back-off)."""
        self.require_fitted()
        if not isinstance(token, str):
            raise AtelierError(f"« token » doit être un jeton (un texte : une lettre ou un mot) ; vous avez donné {describe(token)}.")
        if isinstance(context, (list, tuple)) and all(isinstance(t, str) for t in context):
            history = "".join(context) if self.level == "char" else tuple(context)
        else:
            history = self.tokenize(context)
        counter = self._counts.counts(history)
        total = sum(counter.values())
        return (counter.get(token, 0) + self.k) / (total + self.k * (len(self.vocab) + 1))

    def perplexity(self, text: str) -> float:
        """How surprised the model is by ``text`` (lower = more expected). Unknown tokens count too."""
        self.require_fitted()
        seq = self.tokenize(check_text(text, "le texte à évaluer", allow_empty=True))
        if len(seq) < 2:
            raise AtelierError("Le texte à évaluer doit compter au moins deux jetons.")
        log_sum = 0.0
        for i in range(1, len(seq)):
            history = seq[max(0, i - self.order) : i]
            log_sum += math.log(self.probability(seq[i], history))
        return math.exp(-log_sum / (len(seq) - 1))

    def __repr__(self) -> str:
        state = f"{len(self.vocab)} jetons" if self._counts is not None else "non entraîné"
        return f"NGramModel(order={self.order}, level={self.level!r}, {state})"
