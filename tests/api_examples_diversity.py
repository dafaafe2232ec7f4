"""Valid examples for the API walk (tests/test_api_bad_input.py) of atelier_ia.diversity."""

_CORPUS = "\n".join(f"Le {a} du {b} chante sous la lune." for a in ("chœur", "public", "poète") for b in ("théâtre", "musée", "festival"))
_TUNES = [[(60, 1.0), (62, 1.0), (64, 1.0), (60, 1.0), (67, 2.0)] * 2]

EXAMPLES = {
    "atelier_ia.diversity.load_parallel_texts": lambda: {},
    "atelier_ia.diversity.language_cost": lambda: dict(texts={"français": "Bonjour à tous.", "anglais": "Hello all."},
                                                       bpe=None, reference="français", multilingual=True),
    "atelier_ia.diversity.distinct_ngrams": lambda: dict(texts=["la mer la mer"], n=2),
    "atelier_ia.diversity.word_entropy": lambda: dict(texts=["la mer la mer"]),
    "atelier_ia.diversity.rare_survival": lambda: dict(sample=["la", "mer"], reference=["la", "la", "mer"], max_count=1),
    "atelier_ia.diversity.diversity_profile": lambda: dict(texts=["Le chœur chante."], reference=_CORPUS, rare_max=1),
    "atelier_ia.diversity.temperature_sweep": lambda: dict(corpus=_CORPUS, temperatures=[0.5, 1.0], n_texts=3, length=8, order=2, seed=0),
    "atelier_ia.diversity.collapse_text": lambda: dict(corpus=_CORPUS, generations=2, order=2, temperature=1.0, length=None, seed=0, rare_max=1),
    "atelier_ia.diversity.interval_counts": lambda: dict(melodies=_TUNES),
    "atelier_ia.diversity.collapse_melody": lambda: dict(melodies=_TUNES, generations=2, order=2, temperature=1.0, seed=0, rare_max=2),
    "atelier_ia.diversity.association_scores": lambda: dict(targets=["artiste"], group_a=["une femme"], group_b=["un homme"],
                                                            templates=("{}",), names=("femme", "homme")),
    "atelier_ia.diversity.CollapseRun": lambda: dict(table=None, corpora=[], lost=[]),
}
