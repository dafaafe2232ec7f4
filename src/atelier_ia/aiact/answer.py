"""The guide's answer for one use (:class:`AIActAnswer`), as the learner reads it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..fmt import french_typography
from .facts import TIERS

__all__ = ["AIActAnswer"]


@dataclass
class AIActAnswer:
    """The guide's answer for one use: everything a learner reads is in French."""

    label: str
    tier: str
    facts: dict
    articles: list = field(default_factory=list)
    deployer_duties: list = field(default_factory=list)
    provider_duties: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    artistic_exception: str = ""
    questions: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def tier_label(self) -> str:
        return french_typography(TIERS[self.tier])

    @property
    def complete(self) -> bool:
        """True when the guide could conclude (no question left)."""
        return not self.questions

    def text(self) -> str:
        """The answer as plain French text."""
        lines = [self.label, "", french_typography(f"Niveau de risque : {self.tier_label}")]
        if self.questions:
            lines += ["", french_typography("Pour conclure, répondez d'abord à ces questions :")]
            lines += [f"  ? {q}" for q in self.questions]
        sections = [
            ("Articles", self.articles),
            ("Obligations de l'institution (déployeur)", self.deployer_duties),
            ("Obligations du fournisseur", self.provider_duties),
            ("Dates", self.dates),
            ("À noter", self.notes),
        ]
        for title, items in sections:
            if items:
                lines += ["", french_typography(f"{title} :")] + [f"  - {item}" for item in items]
        if self.artistic_exception:
            lines += ["", self.artistic_exception]
        lines += ["", french_typography("Information, pas un conseil juridique : le texte consolidé du règlement fait foi.")]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()
