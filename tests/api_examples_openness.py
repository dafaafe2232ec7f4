"""Valid calls of atelier_ia.openness for the API walk (tests/test_api_bad_input.py)."""

EXAMPLES = {
    "atelier_ia.openness.component_level": lambda: dict(component="poids", description="publiés (Hugging Face)"),
    "atelier_ia.openness.load_models": lambda: {},
    "atelier_ia.openness.osi_conditions": lambda: dict(
        levels={"poids": 2, "donnees_entrainement": 1, "code_entrainement": 2, "licence": 2, "documentation": 1}),
    "atelier_ia.openness.openness_table": lambda: dict(models=None),
    "atelier_ia.openness.openness_figure": lambda: dict(table=None),
}
