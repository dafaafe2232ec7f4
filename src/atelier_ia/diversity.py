"""Cultural diversity, measured: the cost of a language, homogenisation, model collapse, associations.

Four small instruments for module 05:

- :func:`language_cost` counts how many tokens the same text takes in several languages, with a
  tokenizer trained on French and with a multilingual one (Petrov et al. 2023);
- :func:`diversity_profile` and :func:`temperature_sweep` measure how varied many generated
  texts are, next to the human corpus they imitate (distinct n-grams, entropy, rare words);
- :func:`collapse_text` and :func:`collapse_melody` retrain a model on its own outputs,
  generation after generation, and count the rare words or intervals that disappear
  (Shumailov et al. 2024);
- :func:`association_scores` probes the multilingual sentence encoder for associations
  (which words sit closer to « femme » or to « homme »), averaged over several sentence
  templates so that the spread between templates shows how fragile such a probe is.

Every random choice takes a seed; no function changes its arguments.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import AtelierError, describe
from .paths import data_file
from .text import BPETokenizer, NGramModel, word_tokens
from .validation import check_int, check_real, check_seed, check_text

__all__ = [
    "PARALLEL_TEXTS",
    "CollapseRun",
    "association_scores",
    "collapse_melody",
    "collapse_text",
    "distinct_ngrams",
    "diversity_profile",
    "interval_counts",
    "language_cost",
    "load_parallel_texts",
    "rare_survival",
    "temperature_sweep",
    "word_entropy",
]

PARALLEL_TEXTS = "diversite/dudh-article-1.csv"
_PARALLEL_COLUMNS = ("code", "langue", "groupe", "texte", "source")

# --------------------------------------------------------------------------- helpers


def _text_list(texts, what: str = "les textes") -> list[str]:
    """A non-empty list of strings (a single string counts as a list of one)."""
    if isinstance(texts, str):
        texts = [texts]
    if isinstance(texts, pd.Series):
        texts = texts.tolist()
    if not isinstance(texts, (list, tuple)) or not texts:
        raise AtelierError(
            f"Donnez {what} sous forme d'une liste non vide de textes, par exemple [\"Il était une fois…\", "
            f"\"Le rideau se lève…\"] ; vous avez donné {describe(texts)}."
        )
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise AtelierError(f"L'élément n° {i + 1} de {what} doit être un texte ; c'est {describe(t)}.")
    return list(texts)


def _words(texts: list[str]) -> list[list[str]]:
    """Words of each text, lower-cased, without punctuation or line breaks."""
    return [[w.lower() for w in word_tokens(t) if any(ch.isalnum() for ch in w)] for t in texts]


def _entropy(counts: Counter) -> float:
    total = sum(counts.values())
    if not total:
        return 0.0
    p = np.array(list(counts.values()), dtype=float) / total
    return float(-(p * np.log2(p)).sum())


# --------------------------------------------------------------------------- 1. cost of a language


def load_parallel_texts() -> pd.DataFrame:
    """The same text in several languages (article 1 of the Universal Declaration of Human Rights).

    Columns: ``code`` (ISO 639), ``langue``, ``groupe`` (« langue régionale de France »,
    « créole », « autre langue »…), ``texte`` and ``source``. A new table each call.
    """
    table = pd.read_csv(data_file(PARALLEL_TEXTS), dtype=str, keep_default_na=False)
    missing = [c for c in _PARALLEL_COLUMNS if c not in table.columns]
    if missing:
        raise AtelierError(f"data/{PARALLEL_TEXTS} : colonnes manquantes {missing}.")
    return table


def _parallel(texts) -> dict[str, str]:
    """``{language: text}`` from a dict or a table with columns « langue » and « texte »."""
    if isinstance(texts, pd.DataFrame):
        if not {"langue", "texte"} <= set(texts.columns):
            raise AtelierError(
                "Le tableau des textes doit avoir une colonne « langue » et une colonne « texte », comme "
                f"celui de load_parallel_texts() ; ses colonnes sont {list(texts.columns)}."
            )
        pairs = list(zip(texts["langue"], texts["texte"]))
    elif isinstance(texts, dict):
        pairs = list(texts.items())
    else:
        raise AtelierError(
            "Donnez les textes sous forme d'un dictionnaire {langue : texte}, par exemple "
            "{\"français\": \"Bonjour\", \"anglais\": \"Hello\"}, ou du tableau de load_parallel_texts() ; "
            f"vous avez donné {describe(texts)}."
        )
    if not pairs:
        raise AtelierError("Donnez au moins un texte : le dictionnaire (ou le tableau) est vide.")
    out = {}
    for lang, text in pairs:
        if not isinstance(lang, str) or not lang.strip():
            raise AtelierError(f"Chaque langue doit être nommée par un texte non vide ; vous avez donné {describe(lang)}.")
        out[lang] = check_text(text, f"le texte en {lang}")
    return out


def language_cost(texts, bpe: BPETokenizer | None = None, reference: str = "français",
                  multilingual: bool = True) -> pd.DataFrame:
    """How many tokens the same text takes in each language, and how many times the reference's.

    ``texts`` is ``{language: text}`` or the table of :func:`load_parallel_texts`. ``bpe`` is a
    tokenizer trained by the course (for example on French); ``multilingual`` adds the count of
    the multilingual sentence encoder's vocabulary (128 000 pieces). The ratio columns divide
    each count by the reference language's count: 1,5 means « 50 % de jetons en plus ».
    """
    pairs = _parallel(texts)
    if bpe is not None and not isinstance(bpe, BPETokenizer):
        raise AtelierError(
            f"« bpe » doit être un tokenizer du cours, par exemple BPETokenizer.train(texte) ; vous avez donné {describe(bpe)}."
        )
    if not isinstance(multilingual, bool):
        raise AtelierError(f"« multilingual » vaut True ou False ; vous avez donné {describe(multilingual)}.")
    if not isinstance(reference, str) or reference not in pairs:
        raise AtelierError(
            f"La langue de référence {describe(reference)} n'est pas dans les textes : choisissez parmi "
            f"{', '.join(pairs)}."
        )
    if bpe is None and not multilingual:
        raise AtelierError("Choisissez au moins un tokenizer : donnez « bpe » ou laissez multilingual=True.")
    rows = []
    for lang, text in pairs.items():
        row = {"langue": lang, "caractères": len(text), "mots": len(_words([text])[0])}
        if bpe is not None:
            row["jetons (BPE du cours)"] = len(bpe.encode(text))
        if multilingual:
            from .embeddings import count_tokens  # loads the encoder only when asked

            row["jetons (multilingue)"] = count_tokens(text)
        rows.append(row)
    table = pd.DataFrame(rows)
    ref = table.set_index("langue").loc[reference]
    for col, name in (("jetons (BPE du cours)", "× référence (BPE)"), ("jetons (multilingue)", "× référence (multilingue)")):
        if col in table:
            table[name] = (table[col] / max(int(ref[col]), 1)).round(2)
    return table


# --------------------------------------------------------------------------- 2. homogenisation


def distinct_ngrams(texts, n: int = 2) -> float:
    """Share of distinct word n-grams among all the n-grams of ``texts`` (« distinct-n »).

    1 means no n-gram is repeated anywhere; close to 0, the same few n-grams come back.
    N-grams never cross from one text to the next. Compare only collections of similar size:
    the longer the collection, the more repeats it has.
    """
    texts = _text_list(texts)
    n = check_int(n, "n", 1, 5)
    grams = [tuple(ws[i:i + n]) for ws in _words(texts) for i in range(len(ws) - n + 1)]
    return len(set(grams)) / len(grams) if grams else 0.0


def word_entropy(texts) -> float:
    """Shannon entropy of the word frequencies, in bits: higher = words more evenly varied."""
    return _entropy(Counter(w for ws in _words(_text_list(texts)) for w in ws))


def rare_survival(sample, reference, max_count: int = 1) -> float:
    """Share of the reference's rare items that still appear in ``sample``.

    An item (word, interval…) is rare when it occurs at most ``max_count`` times in
    ``reference``. Both are iterables of hashable items (lists of words, of intervals) or
    :class:`collections.Counter`. Returns a number between 0 and 1 (0 if nothing is rare).
    """
    max_count = check_int(max_count, "max_count", 1, 1000)
    ref = _counter(reference, "reference")
    got = _counter(sample, "sample")
    rare = [item for item, c in ref.items() if c <= max_count]
    return sum(1 for item in rare if got.get(item, 0) > 0) / len(rare) if rare else 0.0


def _counter(items, name: str) -> Counter:
    if isinstance(items, Counter):
        return Counter(items)
    if isinstance(items, (str, bytes)) or not isinstance(items, (list, tuple)):
        raise AtelierError(
            f"« {name} » doit être une liste d'éléments (des mots, des intervalles…), par exemple "
            f"[\"la\", \"mer\", \"la\"] ; vous avez donné {describe(items)}."
        )
    try:
        return Counter(items)
    except TypeError:
        raise AtelierError(f"« {name} » contient des éléments qu'on ne peut pas compter (des listes ?) : donnez des mots ou des nombres.") from None


def diversity_profile(texts, reference=None, rare_max: int = 1) -> dict:
    """The diversity measures of a collection of texts, as a dict with French keys.

    ``mots`` (count), ``vocabulaire`` (distinct words), ``distinct-1``, ``distinct-2``,
    ``entropie (bits)``; with a ``reference`` text (the human corpus), also
    ``mots rares conservés``: the share of the reference's rare words (at most ``rare_max``
    occurrences) found in the collection.
    """
    texts = _text_list(texts)
    rare_max = check_int(rare_max, "rare_max", 1, 1000)
    words = [w for ws in _words(texts) for w in ws]
    profile = {
        "mots": len(words),
        "vocabulaire": len(set(words)),
        "distinct-1": round(distinct_ngrams(texts, 1), 3),
        "distinct-2": round(distinct_ngrams(texts, 2), 3),
        "entropie (bits)": round(_entropy(Counter(words)), 2),
    }
    if reference is not None:
        ref_words = [w for ws in _words(_text_list(reference, "la référence")) for w in ws]
        profile["mots rares conservés"] = round(rare_survival(words, ref_words, rare_max), 3)
    return profile


def _human_chunks(text: str, n_texts: int, length: int) -> list[str]:
    """``n_texts`` extracts of ``length`` words from the human corpus, evenly spread."""
    words = [w for w in word_tokens(text) if w != "\n"]
    if len(words) < length:
        raise AtelierError(
            f"Le corpus humain compte {len(words)} mots, moins que la longueur demandée ({length}) : "
            "donnez un corpus plus long ou des textes plus courts."
        )
    starts = np.linspace(0, len(words) - length, n_texts).astype(int)
    return [" ".join(words[s:s + length]) for s in starts]


def temperature_sweep(corpus: str, temperatures=(0.5, 1.0, 1.5), n_texts: int = 20, length: int = 40,
                      order: int = 2, seed: int = 0) -> pd.DataFrame:
    """Diversity of ``n_texts`` generated texts per temperature, next to the human corpus.

    A word model of order ``order`` learns ``corpus``; for each temperature it writes
    ``n_texts`` texts of ``length`` words (seeds ``seed``, ``seed + 1``…). The first row,
    « corpus humain », measures as many extracts of the same length taken from the corpus,
    so that every row compares collections of the same size.
    """
    corpus = check_text(corpus, "le corpus humain", min_chars=200)
    temps = _temperatures(temperatures)
    n_texts = check_int(n_texts, "n_texts", 2, 200)
    length = check_int(length, "length", 5, 500)
    seed = check_seed(seed, "seed")
    model = NGramModel(order=order, level="word").fit(corpus)
    rows = [{"source": "corpus humain", "température": None,
             **diversity_profile(_human_chunks(corpus, n_texts, length), corpus)}]
    for t in temps:
        texts = [model.generate(length=length, seed=seed + i, temperature=t) for i in range(n_texts)]
        rows.append({"source": "modèle", "température": t, **diversity_profile(texts, corpus)})
    return pd.DataFrame(rows)


def _temperatures(temperatures) -> list[float]:
    if isinstance(temperatures, (int, float)) and not isinstance(temperatures, bool):
        temperatures = [temperatures]
    if not isinstance(temperatures, (list, tuple)) or not temperatures or len(temperatures) > 10:
        raise AtelierError(
            "Donnez une liste de 1 à 10 températures, par exemple [0.5, 1.0, 1.5] ; "
            f"vous avez donné {describe(temperatures)}."
        )
    return [check_real(t, "température", 0.05, 5, " (par exemple 0.5, 1 ou 1.5)") for t in temperatures]


# --------------------------------------------------------------------------- 3. model collapse


@dataclass
class CollapseRun:
    """Generations of a model trained on its predecessor's outputs.

    ``table`` has one row per generation (0 = the human corpus); ``corpora`` holds what each
    generation was trained on (texts, or lists of melodies); ``lost`` the rare items of the
    human corpus that are gone by the last generation.
    """

    table: pd.DataFrame
    corpora: list = field(repr=False)
    lost: list = field(default_factory=list)


def collapse_text(corpus: str, generations: int = 5, order: int = 2, temperature: float = 1.0,
                  length: int | None = None, seed: int = 0, rare_max: int = 1) -> CollapseRun:
    """Train a word model on ``corpus``, let it write a new corpus, train the next model on that…

    Each generation writes as many words as the human corpus has (or ``length`` words),
    with seed ``seed + generation``. The table counts, per generation, the distinct words,
    the entropy and the share of the human corpus's rare words (at most ``rare_max``
    occurrences) that are still there. What a generation never writes, no later generation
    can learn: rare words can only disappear.
    """
    corpus = check_text(corpus, "le corpus humain", min_chars=200)
    generations = check_int(generations, "generations", 1, 20)
    order = check_int(order, "order", 1, 4)
    seed = check_seed(seed, "seed")
    rare_max = check_int(rare_max, "rare_max", 1, 1000)
    from .markov import check_temperature

    check_temperature(temperature)
    human = [w for w in _words([corpus])[0]]
    n_words = len([w for w in word_tokens(corpus) if w != "\n"])
    length = n_words if length is None else check_int(length, "length", 20, 20_000)
    corpora, current = [corpus], corpus
    for g in range(1, generations + 1):
        model = NGramModel(order=order, level="word").fit(current)
        current = model.generate(length=length, seed=seed + g, temperature=temperature)
        corpora.append(current)
    rows = []
    for g, text in enumerate(corpora):
        words = _words([text])[0]
        rows.append({"génération": g, "mots": len(words), "vocabulaire": len(set(words)),
                     "entropie (bits)": round(_entropy(Counter(words)), 2),
                     "mots rares conservés": round(rare_survival(words, human, rare_max), 3)})
    last = set(_words([corpora[-1]])[0])
    ref = Counter(human)
    lost = sorted(w for w, c in ref.items() if c <= rare_max and w not in last)
    return CollapseRun(pd.DataFrame(rows), corpora, lost)


def interval_counts(melodies) -> Counter:
    """How often each melodic interval (in semitones, between consecutive notes) occurs."""
    from .music.notes import check_melodies

    melodies = check_melodies(melodies)
    counts = Counter()
    for melody in melodies:
        pitches = [p for p, _ in melody if p is not None]
        counts.update(b - a for a, b in zip(pitches, pitches[1:]))
    return counts


def collapse_melody(melodies, generations: int = 5, order: int = 2, temperature: float = 1.0,
                    seed: int = 0, rare_max: int = 2) -> CollapseRun:
    """The same experiment with melodies: a Markov chain over intervals, retrained on its own tunes.

    Each generation writes as many melodies as the corpus has, each as long as its model
    in the corpus. The table counts distinct intervals, their entropy and the share of the
    corpus's rare intervals (at most ``rare_max`` occurrences) still heard.
    """
    from .markov import check_temperature
    from .music import MarkovMelody
    from .music.notes import check_melodies

    source = check_melodies(melodies)
    generations = check_int(generations, "generations", 1, 20)
    order = check_int(order, "order", 1, 3)
    seed = check_seed(seed, "seed")
    rare_max = check_int(rare_max, "rare_max", 1, 1000)
    check_temperature(temperature)
    corpora, current = [source], source
    for g in range(1, generations + 1):
        model = MarkovMelody(order=order, mode="interval").fit(current)
        current = [model.generate(n_notes=max(len(m), 2), seed=seed + 1000 * g + i, temperature=temperature)
                   for i, m in enumerate(source)]
        corpora.append(current)
    human = interval_counts(source)
    rows = []
    for g, tunes in enumerate(corpora):
        counts = interval_counts(tunes)
        rows.append({"génération": g, "intervalles distincts": len(counts),
                     "entropie (bits)": round(_entropy(counts), 2),
                     "intervalles rares conservés": round(rare_survival(counts, human, rare_max), 3)})
    last = interval_counts(corpora[-1])
    lost = sorted(i for i, c in human.items() if c <= rare_max and last.get(i, 0) == 0)
    return CollapseRun(pd.DataFrame(rows), corpora, lost)


# --------------------------------------------------------------------------- 4. associations


def association_scores(targets, group_a, group_b, templates=("{}",), names=("A", "B")) -> pd.DataFrame:
    """Which words the sentence encoder places closer to group A than to group B.

    Each target word is put in every template (``"{}"`` is replaced by the word, e.g.
    ``"Cette personne est {}."``); its score is the mean cosine similarity to the phrases of
    ``group_a`` minus the mean similarity to those of ``group_b``. Columns: ``cible``,
    ``écart moyen`` (over templates), ``écart min`` and ``écart max`` (the spread shows how much
    the answer depends on the wording). Positive: closer to A. A probe, not a proof.
    """
    targets = _text_list(targets, "les mots à sonder (targets)")
    group_a = _text_list(group_a, "le groupe A")
    group_b = _text_list(group_b, "le groupe B")
    if isinstance(templates, str):
        templates = (templates,)
    templates = _text_list(list(templates) if isinstance(templates, tuple) else templates, "les gabarits de phrase")
    for t in templates:
        if t.count("{}") != 1:
            raise AtelierError(
                f"Chaque gabarit doit contenir « {{}} » exactement une fois, à la place du mot sondé, par exemple "
                f"\"Cette personne est {{}}.\" ; vous avez donné {describe(t)}."
            )
    if (not isinstance(names, (list, tuple)) or len(names) != 2
            or not all(isinstance(n, str) and n.strip() for n in names)):
        raise AtelierError(f"« names » doit donner deux noms de groupes, par exemple (\"femme\", \"homme\") ; vous avez donné {describe(names)}.")
    if len(targets) * len(templates) + len(group_a) + len(group_b) > 2000:
        raise AtelierError("Trop de phrases à comparer d'un coup (plus de 2 000) : réduisez les listes ou les gabarits.")
    from .embeddings import embed

    phrases = [tpl.replace("{}", w) for tpl in templates for w in targets]
    vectors = embed(phrases + group_a + group_b)
    vt = vectors[: len(phrases)]
    va = vectors[len(phrases): len(phrases) + len(group_a)]
    vb = vectors[len(phrases) + len(group_a):]
    gaps = (vt @ va.T).mean(axis=1) - (vt @ vb.T).mean(axis=1)
    gaps = gaps.reshape(len(templates), len(targets))
    return pd.DataFrame({
        "cible": targets,
        "écart moyen": gaps.mean(axis=0).round(3),
        "écart min": gaps.min(axis=0).round(3),
        "écart max": gaps.max(axis=0).round(3),
        "plus proche de": [names[0] if g > 0 else names[1] for g in gaps.mean(axis=0)],
    })
