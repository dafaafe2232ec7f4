"""Valid examples for the API walk (tests/test_api_bad_input.py) of module 04's addition."""

EXAMPLES = {
    "atelier_ia.memorisation.copied_ngram_share": lambda: dict(generated="le chat dort", sources=["le chat noir"], n=3),
}
