"""Valid examples for the API walk (tests/test_api_bad_input.py) of aiact, footprint, charter."""

EXAMPLES = {
    "atelier_ia.aiact.assess": lambda: dict(use="affiche-generee", label=""),
    "atelier_ia.aiact.facts.case_facts": lambda: dict(case="tri-cv"),
    "atelier_ia.aiact.answer.AIActAnswer": lambda: dict(label="Affiche", tier="minimal", facts={}),
    "atelier_ia.footprint.usage_footprint": lambda: dict(kind="image", count=100),
    "atelier_ia.footprint.festival_images": lambda: dict(images_per_year=2000, model="moyen"),
    "atelier_ia.footprint.footprint_figure": lambda: dict(images=1000, texts=10000),
    "atelier_ia.footprint.Range": lambda: dict(low=1.0, central=2.0, high=3.0, unit="Wh", source="s", caveat="c"),
    "atelier_ia.charter.charter_markdown": lambda: dict(institution="Musée", answers={"donnees": "aucune donnée personnelle"}, adopted_on=""),
    "atelier_ia.charter.decision_outline": lambda: dict(body="conseil municipal"),
    "atelier_ia.charter.review_offer": lambda: dict(name="Offre A", answers={"energie": "oui"}),
}


def _range():
    from atelier_ia.footprint import ENERGY_WH

    return ENERGY_WH["image"]


def _answer():
    from atelier_ia.aiact import assess

    return assess("tri-cv")


EXAMPLES.update({
    "atelier_ia.footprint.Range.scaled": lambda: dict(self=_range(), factor=2.0, unit=None),
    "atelier_ia.footprint.Range.text": lambda: dict(self=_range(), decimals=1),
    "atelier_ia.aiact.answer.AIActAnswer.text": lambda: dict(self=_answer()),
})
