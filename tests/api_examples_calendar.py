"""Valid examples for the API walk (tests/test_api_bad_input.py) of datedfacts (the course's calendar)."""

EXAMPLES = {
    "atelier_ia.datedfacts.load": lambda: {},
    "atelier_ia.datedfacts.facts": lambda: dict(domain="ai-act"),
    "atelier_ia.datedfacts.aiact_facts": lambda: {},
    "atelier_ia.datedfacts.fact": lambda: dict(fact_id="aiact-art50-2"),
    "atelier_ia.datedfacts.followed_in": lambda: dict(text="L'appel de GEMA c. OpenAI n'est pas jugé."),
    "atelier_ia.datedfacts.wording": lambda: dict(key="art4"),
    "atelier_ia.datedfacts.french_date": lambda: dict(value="2026-12-02"),
    "atelier_ia.datedfacts.status_text": lambda: dict(value="aiact-annexe-iii", today="2026-12-06"),
    "atelier_ia.datedfacts.overdue": lambda: dict(today="2027-04-01"),
    "atelier_ia.datedfacts.changes": lambda: dict(today="2026-12-06"),
    "atelier_ia.datedfacts.calendar_table": lambda: dict(ids=["aiact-art50-2", "aiact-annexe-iii"], today="2026-12-06"),
}
