"""The controls of a live demo: a numeric :class:`Slider` and a drop-down :class:`Choice`."""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any

from ..errors import AtelierError, describe
from ..validation import check_text

__all__ = ["Choice", "Slider"]



@dataclass
class Slider:
    """A numeric slider: integers if ``min``, ``max`` and ``step`` are integers, else decimals."""

    min: float
    max: float
    step: float = 1
    value: float | None = None
    label: str = ""

    def __post_init__(self):
        for name in ("min", "max", "step"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, numbers.Real):
                raise AtelierError(f"Slider : « {name} » doit être un nombre ; vous avez donné {describe(v)}.")
        if not self.min < self.max:
            raise AtelierError(
                f"Slider : le minimum ({self.min}) doit être plus petit que le maximum ({self.max}). "
                "Inversez-les ou corrigez l'un des deux."
            )
        if self.step <= 0 or self.step > self.max - self.min:
            raise AtelierError(
                f"Slider : le pas ({self.step}) doit être positif et plus petit que l'écart entre "
                f"minimum et maximum ({self.max - self.min})."
            )
        if self.value is None:
            self.value = self.min
        if isinstance(self.value, bool) or not isinstance(self.value, numbers.Real):
            raise AtelierError(f"Slider : la valeur initiale doit être un nombre ; vous avez donné {describe(self.value)}.")
        if not self.min <= self.value <= self.max:
            raise AtelierError(
                f"Slider : la valeur initiale {self.value} sort de l'intervalle [{self.min}, {self.max}]. "
                "Choisissez une valeur entre le minimum et le maximum."
            )
        if not isinstance(self.label, str):
            raise AtelierError("Slider : « label » doit être un texte.")

    @property
    def is_int(self) -> bool:
        return all(isinstance(v, numbers.Integral) for v in (self.min, self.max, self.step, self.value))

    def widget(self, name: str):
        import ipywidgets as w

        name = check_text(name, "le nom du réglage (name)")
        cls = w.IntSlider if self.is_int else w.FloatSlider
        return cls(
            min=self.min, max=self.max, step=self.step, value=self.value,
            description=self.label or name, continuous_update=False,
            style={"description_width": "initial"}, layout=w.Layout(width="min(30em, 100%)"),
        )


@dataclass
class Choice:
    """A drop-down list of options (texts or numbers)."""

    options: list
    value: Any = None
    label: str = ""

    def __post_init__(self):
        if not isinstance(self.options, (list, tuple)) or len(self.options) < 2:
            raise AtelierError(
                f"Choice : « options » doit être une liste d'au moins deux choix ; vous avez donné {describe(self.options)}."
            )
        self.options = list(self.options)
        if self.value is None:
            self.value = self.options[0]
        if self.value not in self.options:
            raise AtelierError(
                f"Choice : la valeur initiale {self.value!r} n'est pas dans la liste des choix {self.options!r}."
            )
        if not isinstance(self.label, str):
            raise AtelierError("Choice : « label » doit être un texte.")

    def widget(self, name: str):
        import ipywidgets as w

        name = check_text(name, "le nom du réglage (name)")
        return w.Dropdown(options=self.options, value=self.value, description=self.label or name,
                          style={"description_width": "initial"})
