"""Live demos with a static face.

A :class:`LiveDemo` wraps a function and a few controls. With a live kernel (JupyterLab,
Binder) it shows ipywidgets controls and re-runs the function when a control moves. In the
static book it shows the result for the initial values, with a caption saying how to make it
live, so the page never shows an empty box and loads no widget JavaScript.

The function returns a ``str`` (shown as preformatted text), a matplotlib ``Figure`` or a
pandas ``DataFrame``.
"""

from __future__ import annotations

import base64
import html
import inspect
import io
import numbers
from dataclasses import dataclass, field
from typing import Any, Callable

from .errors import AtelierError, describe


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

        return w.Dropdown(options=self.options, value=self.value, description=self.label or name,
                          style={"description_width": "initial"})


def _figure_types():
    from matplotlib.figure import Figure

    return Figure


def static_html(result, alt: str = "") -> str:
    """HTML for a demo result (text, figure or table)."""
    Figure = _figure_types()
    if isinstance(result, str):
        return f'<pre class="atelier-text" style="white-space:pre-wrap">{html.escape(result)}</pre>'
    if isinstance(result, Figure):
        buf = io.BytesIO()
        result.savefig(buf, format="png", dpi=100, bbox_inches="tight")
        data = base64.b64encode(buf.getvalue()).decode("ascii")
        return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" style="max-width:100%">'
    try:
        import pandas as pd

        if isinstance(result, pd.DataFrame):
            return result.to_html(border=0, classes="atelier-table")
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    raise AtelierError(
        f"La fonction de démonstration doit renvoyer un texte, une figure matplotlib ou un tableau pandas ; "
        f"elle a renvoyé {describe(result)}."
    )


def _fr(value) -> str:
    """A value as a French reader writes it (decimal comma)."""
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


@dataclass
class LiveDemo:
    """A function plus controls: live with a kernel, a static rendering in the book.

    ``LiveDemo(generate, seed=Slider(0, 20, value=0, label="Graine"), alt="...")`` calls
    ``generate(seed=0)`` once for the static face. ``alt`` describes a figure for readers
    who cannot see it; it is required when the function returns a figure.
    """

    func: Callable
    alt: str = ""
    controls: dict = field(default_factory=dict)

    def __init__(self, func: Callable, alt: str = "", **controls):
        if not callable(func):
            raise AtelierError(f"LiveDemo attend une fonction en premier argument ; vous avez donné {describe(func)}.")
        if not controls:
            raise AtelierError(
                "LiveDemo attend au moins un contrôle, par exemple seed=Slider(0, 10, label=\"Graine\")."
            )
        try:
            params = inspect.signature(func).parameters
        except (TypeError, ValueError):
            params = {}
        accepts_any = any(p.kind == p.VAR_KEYWORD for p in params.values())
        for name, control in controls.items():
            if not isinstance(control, (Slider, Choice)):
                raise AtelierError(
                    f"LiveDemo : le contrôle « {name} » doit être un Slider(...) ou un Choice(...), pas {describe(control)}."
                )
            if params and not accepts_any and name not in params:
                raise AtelierError(
                    f"LiveDemo : la fonction {getattr(func, '__name__', '?')} n'a pas de paramètre « {name} ». "
                    f"Ses paramètres sont : {', '.join(params) or 'aucun'}."
                )
        if not isinstance(alt, str):
            raise AtelierError("LiveDemo : « alt » doit être un texte qui décrit la figure.")
        self.func, self.alt, self.controls = func, alt, dict(controls)
        self._initial = self._call({k: c.value for k, c in self.controls.items()})
        Figure = _figure_types()
        if isinstance(self._initial, Figure) and not alt.strip():
            raise AtelierError(
                "LiveDemo : la fonction renvoie une figure ; décrivez-la en une phrase avec alt=\"...\" "
                "pour les personnes qui ne la voient pas."
            )
        self._static = static_html(self._initial, alt)

    def _call(self, values: dict):
        try:
            return self.func(**values)
        except AtelierError:
            raise
        except Exception as exc:  # the learner's own function failed: say so in French
            raise AtelierError(
                f"La fonction de démonstration a échoué avec les valeurs {values} : "
                f"{type(exc).__name__} : {exc}. Vérifiez votre fonction avec ces valeurs."
            ) from exc

    def initial(self):
        """The result for the initial values of the controls."""
        return self._initial

    def caption(self) -> str:
        values = ", ".join(f"{(c.label or k)} = {_fr(c.value)}" for k, c in self.controls.items())
        return (
            f"Démonstration interactive, état initial ({values}). Ouvrez ce notebook dans Binder "
            "ou JupyterLab pour faire varier les réglages."
        )

    def static_html(self) -> str:
        return (
            f'<figure class="atelier-live">{self._static}'
            f'<figcaption style="font-size:.9em;font-style:italic">{html.escape(self.caption())}</figcaption></figure>'
        )

    def widget(self):
        """Build the ipywidgets view (controls + output), showing the initial result."""
        import ipywidgets as w
        from IPython.display import HTML, display

        widgets = {k: c.widget(k) for k, c in self.controls.items()}
        out = w.Output()
        Figure = _figure_types()

        def show(result):
            if isinstance(result, Figure):
                display(result)
            else:
                display(HTML(static_html(result, self.alt)))

        def update(_change=None):
            values = {k: wd.value for k, wd in widgets.items()}
            with out:
                out.clear_output(wait=True)
                try:
                    show(self._call(values))
                except AtelierError as exc:
                    display(HTML(f'<p style="color:#b35806"><strong>Erreur\u00a0:</strong> {html.escape(str(exc))}</p>'))

        for wd in widgets.values():
            wd.observe(update, names="value")
        with out:
            show(self._initial)
        return w.VBox([w.HBox(list(widgets.values()), layout=w.Layout(flex_flow="row wrap")), out])

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = dict(self.widget()._repr_mimebundle_() or {})
        bundle["text/html"] = self.static_html()
        bundle["text/plain"] = self.caption()
        return bundle
