"""Live demos with a static face that still moves.

A :class:`LiveDemo` wraps a function and a few controls. With a live kernel (JupyterLab,
Binder) it shows ipywidgets controls and re-runs the function when a control moves.

In the static book it shows a *precomputed* face: the module declares a small grid of
values per control (``grid={"temperature": [0.2, 0.5, 1, 1.5, 2], "graine": [0, 1, 2]}``),
the build calls the SAME function for every combination, and the page switches between
those states with native HTML controls (``<input type=range>``, ``<select>``, each with its
``<label>``; an ``aria-live`` output region) and a few lines of inline script: no widget
manager, no CDN, no kernel, no request to any host. A control left out of the grid stays at
its initial value in the book, shown disabled with a note that sends the reader to the
notebook. Without a grid, every control is fixed and the page shows the initial state.

The function returns a ``str`` (shown as preformatted text), a matplotlib ``Figure`` (a
small palette PNG), a pandas ``DataFrame``, a :class:`Melody` (notes played in the page by
the Web Audio API, a few hundred bytes per state) or a tuple of these, shown one below the
other.

One module per concept: :mod:`.controls` (:class:`Slider`, :class:`Choice`), :mod:`.media`
(what a state shows: text, figure, table, :class:`Melody`, and :func:`static_html`), and
this one, the demo itself (:class:`LiveDemo`).
"""

from __future__ import annotations

import base64
import html
import inspect
import itertools
import json
import numbers
import os
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Callable

from ..errors import AtelierError, describe
from ..fmt import french_number
from ..palette import COLOURS, stylesheet
from .controls import Choice, Slider
from .media import Melody, figure_types, has_figure, static_html

__all__ = [
    "MAX_STATES",
    "MAX_STATIC_BYTES",
    "Choice",
    "LiveDemo",
    "Melody",
    "Slider",
    "static_html",
]

#: Most states a demo may precompute, and most bytes its static face may weigh (the page
#: budget is 2 MB with its images, quizzes and other figures included).
MAX_STATES = 400
MAX_STATIC_BYTES = 900_000

_TXT = {
    "controls": "Réglages de la démonstration",
    "fixed": "Fixé à {value} dans le livre : ce réglage ne se calcule pas d'avance. "
             "Ouvrez le notebook (Binder ou JupyterLab) pour le changer.",
}


def _fr(value) -> str:
    """A value as a French reader writes it (decimal comma)."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return french_number(value)
    return str(value)


def _static(name: str) -> str:
    """A stylesheet or script of the package (``atelier_ia/static``), inlined in each page."""
    return resources.files("atelier_ia").joinpath("static", name).read_text(encoding="utf-8")


_CSS = "\n" + stylesheet(_static("live.css"))

# One small script, the same for every demo; it sets up each demo once. It swaps the output
# for the precomputed state of the chosen settings and plays melodies with the Web Audio API.
_JS = "\n" + _static("live.js")

_counter = itertools.count(1)


def _served_by_jupyter() -> bool:
    """True in a kernel that a Jupyter server started for a notebook (it sets JPY_SESSION_NAME)."""
    return bool(os.environ.get("JPY_SESSION_NAME"))


def _figure_image(fig):
    """A matplotlib figure as an IPython image, the PNG that the course's figures show themselves as."""
    import io

    from IPython.display import Image
    from matplotlib.image import imsave

    from ..figures import DPI, draw_pixels

    buffer = io.BytesIO()
    imsave(buffer, draw_pixels(fig, DPI)[0], format="png", dpi=DPI)
    return Image(data=buffer.getvalue(), format="png")


@dataclass
class LiveDemo:
    """A function plus controls: live with a kernel, precomputed states in the book.

    ``LiveDemo(generate, seed=Slider(0, 20, label="Graine"), grid={"seed": [0, 1, 2]})``
    calls ``generate(seed=0)``, ``generate(seed=1)`` and ``generate(seed=2)`` when the page is
    built, and the book's slider moves between those three results. Controls missing from
    ``grid`` keep their initial value in the book. ``alt`` describes a figure for readers who
    cannot see it (required when the function returns one); it may be a function taking the
    same arguments as ``func``, to describe each state. ``dpi`` sets the figures' resolution.
    """

    func: Callable
    alt: Any = ""
    controls: dict = field(default_factory=dict)
    grid: dict = field(default_factory=dict)

    def __init__(self, func: Callable, alt: str | Callable = "", grid: dict | None = None, dpi: int = 100, **controls):
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
        if not (isinstance(alt, str) or callable(alt)):
            raise AtelierError("LiveDemo : « alt » doit être un texte qui décrit la figure, ou une fonction qui renvoie ce texte.")
        if isinstance(dpi, bool) or not isinstance(dpi, numbers.Integral) or not 30 <= dpi <= 200:
            raise AtelierError(f"LiveDemo : « dpi » doit être un nombre entier entre 30 et 200 ; vous avez donné {describe(dpi)}.")
        self.func, self.alt, self.controls, self.dpi = func, alt, dict(controls), int(dpi)
        self.grid = self._check_grid(grid)
        self._initial = self._call(self.initial_values())
        self._states: dict[str, int] | None = None
        self._htmls: list[str] = []
        self._static = self._render(self._initial, self.initial_values())

    # ------------------------------------------------------------------ grid

    def _check_grid(self, grid) -> dict:
        if grid is None:
            return {}
        if not isinstance(grid, dict):
            raise AtelierError(
                "LiveDemo : « grid » doit être un dictionnaire {nom du contrôle : liste de valeurs}, par exemple "
                f"grid={{\"graine\": [0, 1, 2]}} ; vous avez donné {describe(grid)}."
            )
        checked = {}
        for name, values in grid.items():
            if name not in self.controls:
                raise AtelierError(
                    f"LiveDemo : la grille nomme « {name} », qui n'est pas un contrôle de la démonstration. "
                    f"Contrôles : {', '.join(self.controls)}."
                )
            control = self.controls[name]
            if not isinstance(values, (list, tuple)) or len(values) < 2:
                raise AtelierError(
                    f"LiveDemo : la grille de « {name} » doit être une liste d'au moins deux valeurs ; "
                    f"vous avez donné {describe(values)}. Pour fixer ce réglage dans le livre, retirez-le de la grille."
                )
            clean = []
            for v in values:
                if isinstance(control, Slider):
                    if isinstance(v, bool) or not isinstance(v, numbers.Real) or not control.min <= v <= control.max:
                        raise AtelierError(
                            f"LiveDemo : la grille de « {name} » contient {describe(v)} ; chaque valeur doit être un "
                            f"nombre entre {_fr(control.min)} et {_fr(control.max)}, comme le curseur."
                        )
                    if control.is_int and not isinstance(v, numbers.Integral):
                        raise AtelierError(
                            f"LiveDemo : le curseur « {name} » ne prend que des nombres entiers ; la grille contient {describe(v)}."
                        )
                    v = int(v) if control.is_int else float(v)
                elif v not in control.options:
                    raise AtelierError(
                        f"LiveDemo : la grille de « {name} » contient {v!r}, qui n'est pas l'un des choix {control.options!r}."
                    )
                if v in clean:
                    raise AtelierError(f"LiveDemo : la grille de « {name} » contient deux fois la valeur {_fr(v)}.")
                clean.append(v)
            if control.value not in clean:
                raise AtelierError(
                    f"LiveDemo : la grille de « {name} » doit contenir la valeur initiale du contrôle, {_fr(control.value)}, "
                    f"que le livre affiche d'abord ; vous avez donné {[_fr(v) for v in clean]}."
                )
            checked[name] = clean
        n = 1
        for values in checked.values():
            n *= len(values)
        if n > MAX_STATES:
            sizes = " × ".join(f"{len(v)} ({k})" for k, v in checked.items())
            raise AtelierError(
                f"LiveDemo : la grille demande {sizes} = {n} états, plus que les {MAX_STATES} qu'une page peut porter. "
                "Gardez moins de valeurs par contrôle."
            )
        return {k: checked[k] for k in self.controls if k in checked}  # in the order of the controls

    def initial_values(self) -> dict:
        return {k: c.value for k, c in self.controls.items()}

    def grid_values(self):
        """Every setting of the grid, as ``(key, values)``: the key names the state in the page."""
        names = list(self.grid)
        for combo in itertools.product(*(range(len(self.grid[k])) for k in names)):
            values = self.initial_values()
            values.update({k: self.grid[k][i] for k, i in zip(names, combo)})
            yield "-".join(map(str, combo)), values

    def key(self, **values) -> str:
        """The page's name for the state of these settings (controls left out keep their initial value)."""
        out = []
        for name, grid in self.grid.items():
            v = values.get(name, self.controls[name].value)
            if v not in grid:
                raise AtelierError(f"LiveDemo : {_fr(v)} n'est pas dans la grille de « {name} » : {[_fr(x) for x in grid]}.")
            out.append(str(grid.index(v)))
        return "-".join(out)

    def _alt_for(self, values: dict) -> str:
        if callable(self.alt):
            text = self.alt(**values)
            if not isinstance(text, str):
                raise AtelierError(f"LiveDemo : la fonction « alt » doit renvoyer un texte ; elle a renvoyé {describe(text)}.")
            return text
        return self.alt

    def _render(self, result, values: dict) -> str:
        alt = self._alt_for(values)
        if has_figure(result) and not alt.strip():
            raise AtelierError(
                "LiveDemo : la fonction renvoie une figure ; décrivez-la en une phrase avec alt=\"...\" "
                "pour les personnes qui ne la voient pas."
            )
        return static_html(result, alt, self.dpi)

    def render_state(self, **values) -> str:
        """The HTML of one state, computed by the demo's own function (what the page shows)."""
        full = self.initial_values()
        full.update(values)
        return self._render(self._call(full), full)

    def states(self) -> dict[str, str]:
        """Every state of the grid, computed once: ``{key: HTML}``."""
        self._compute()
        return {key: self._htmls[i] for key, i in self._states.items()}

    def _compute(self):
        if self._states is not None:
            return
        initial_key = self.key()
        index = {self._static: 0}
        self._htmls, self._states = [self._static], {}
        for key, values in self.grid_values():
            page = self._static if key == initial_key else self.render_state(**values)
            self._states[key] = index.setdefault(page, len(index))
            if self._states[key] == len(self._htmls):
                self._htmls.append(page)

    # ------------------------------------------------------------------ faces

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

    def n_states(self) -> int:
        """How many settings the book's grid offers (1 without a grid)."""
        n = 1
        for values in self.grid.values():
            n *= len(values)
        return n

    def caption(self) -> str:
        if self.grid:
            n = self.n_states()
            return (
                f"Démonstration calculée d'avance pour le livre\u00a0: {n} réglages possibles. Ouvrez ce notebook "
                "dans Binder ou JupyterLab pour essayer toutes les valeurs."
            )
        values = ", ".join(f"{(c.label or k)} = {_fr(c.value)}" for k, c in self.controls.items())
        return (
            f"Démonstration interactive, état initial ({values}). Ouvrez ce notebook dans Binder "
            "ou JupyterLab pour faire varier les réglages."
        )

    def _control_html(self, uid: str, name: str, control, fixed: bool = False) -> str:
        cid = f"{uid}-{name}"
        label = html.escape(control.label or name)
        grid = None if fixed else self.grid.get(name)
        if grid is None:  # fixed in the book: shown, disabled, with the way to change it
            note = html.escape(_TXT["fixed"].format(value=_fr(control.value)))
            if isinstance(control, Slider):
                widget = (f'<input type="range" id="{cid}" min="0" max="1" value="0" disabled '
                          f'aria-describedby="{cid}-note" aria-valuetext="{html.escape(_fr(control.value))}">')
            else:
                widget = (f'<select id="{cid}" disabled aria-describedby="{cid}-note">'
                          f'<option selected>{html.escape(_fr(control.value))}</option></select>')
            return (f'<div class="atelier-live-control" data-fixed="{html.escape(name)}"><label for="{cid}">{label}\u00a0: '
                    f'<output for="{cid}">{html.escape(_fr(control.value))}</output></label>{widget}'
                    f'<span class="atelier-live-note" id="{cid}-note">{note}</span></div>')
        labels = [_fr(v) for v in grid]
        data = html.escape(json.dumps(labels, ensure_ascii=False))
        start = grid.index(control.value)
        if isinstance(control, Slider):
            widget = (f'<input type="range" id="{cid}" name="{html.escape(name)}" min="0" max="{len(grid) - 1}" step="1" '
                      f'value="{start}" aria-valuetext="{html.escape(labels[start])}" data-labels="{data}">')
        else:
            options = "".join(f'<option value="{i}"{" selected" if i == start else ""}>{html.escape(t)}</option>'
                              for i, t in enumerate(labels))
            widget = f'<select id="{cid}" name="{html.escape(name)}" data-labels="{data}">{options}</select>'
        return (f'<div class="atelier-live-control" data-control="{html.escape(name)}"><label for="{cid}">{label}\u00a0: '
                f'<output for="{cid}">{html.escape(labels[start])}</output></label>{widget}</div>')

    def static_html(self, precompute: bool = True) -> str:
        """The book's face: accessible controls, the initial state, the other states as templates.

        With ``precompute=False`` (or no grid), only the initial state, every control fixed.
        """
        caption = f'<figcaption style="font-size:.9em;font-style:italic">{html.escape(self.caption())}</figcaption>'
        if not self.grid or not precompute:
            uid = f"atelier-live-{next(_counter)}"
            controls = "".join(self._control_html(uid, k, c, fixed=True) for k, c in self.controls.items())
            return (f'<figure class="atelier-live" id="{uid}" lang="fr"><style>{_CSS}</style>'
                    f'<fieldset class="atelier-live-controls"><legend>{_TXT["controls"]}</legend>{controls}</fieldset>'
                    f'<div class="atelier-live-output">{self._static}</div>{caption}</figure>')
        self._compute()
        uid = f"atelier-live-{next(_counter)}"
        controls = "".join(self._control_html(uid, k, c) for k, c in self.controls.items())
        key = self.key()
        states = html.escape(json.dumps(self._states, separators=(",", ":")))
        templates = "".join(f'<template data-state="{i}">{page}</template>'
                            for i, page in enumerate(self._htmls) if i != self._states[key])
        return (
            f'<figure class="atelier-live" id="{uid}" lang="fr" data-states="{states}"><style>{_CSS}</style>'
            f'<fieldset class="atelier-live-controls"><legend>{_TXT["controls"]}</legend>{controls}</fieldset>'
            f'<div class="atelier-live-output" aria-live="polite" data-key="{key}">{self._static}</div>'
            f"{caption}{templates}<script>{_JS}</script></figure>"
        )

    def static_bytes(self) -> int:
        """Weight of the book's face in bytes (UTF-8), images included."""
        return len(self.static_html().encode("utf-8"))

    def widget(self):
        """Build the ipywidgets view (controls + output), showing the initial result."""
        import ipywidgets as w
        from IPython import get_ipython
        from IPython.display import HTML, display

        widgets = {k: c.widget(k) for k, c in self.controls.items()}
        out = w.Output()
        Figure = figure_types()

        def show(result, emit=display):
            if isinstance(result, tuple):
                for part in result:
                    show(part, emit)
            elif isinstance(result, Figure):
                # a plain matplotlib Figure shows as « <Figure size …> » text in a kernel where
                # pyplot never ran; the course's own figures (new_figure) show themselves
                emit(result if hasattr(result, "_repr_mimebundle_") else _figure_image(result))
            elif isinstance(result, Melody):
                emit(result.audio())
            else:
                emit(HTML(static_html(result, self._alt_for(self.initial_values()))))

        def update(_change=None):
            values = {k: wd.value for k, wd in widgets.items()}
            with out:
                out.clear_output(wait=True)
                try:
                    show(self._call(values))
                except AtelierError as exc:
                    display(HTML(f'<p style="color:{COLOURS["a-revoir"]}"><strong>Erreur\u00a0:</strong> {html.escape(str(exc))}</p>'))

        for wd in widgets.values():
            wd.observe(update, names="value")
        shell = get_ipython()
        if shell is None:  # no IPython: nothing would be shown anyway
            with out:
                show(self._initial)
        else:
            # The first state is written into the output's state, not captured with « with out: »:
            # a notebook run without a browser (nbclient, the book build) answers each captured
            # output with a message on the kernel's request channel, sent while it waits there for
            # the cell's reply; that reply is then sometimes seen only at the cell's time-out.
            def append(obj):
                data, metadata = shell.display_formatter.format(obj)
                # as in a display message: images travel as base64 text (raw bytes would become
                # a binary buffer of the widget's state, which an output does not read)
                data = {k: base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v for k, v in data.items()}
                out.outputs += ({"output_type": "display_data", "data": data, "metadata": metadata},)

            show(self._initial, append)
        return w.VBox([w.HBox(list(widgets.values()), layout=w.Layout(flex_flow="row wrap")), out])

    def _repr_mimebundle_(self, include=None, exclude=None):
        # In a kernel started by a Jupyter server (JupyterLab, Binder) the widget is what shows:
        # the book's states would cost their computing time for nothing. The book build
        # (nbclient, no server) computes them.
        page = self.static_html(precompute=not _served_by_jupyter())
        size = len(page.encode("utf-8"))
        if size > MAX_STATIC_BYTES:
            raise AtelierError(
                f"LiveDemo : la version du livre pèse {french_number(size / 1e6, 2)} Mo, plus que les "
                f"{french_number(MAX_STATIC_BYTES / 1e6, 2)} Mo permis (la page entière doit rester sous 2 Mo). "
                "Réduisez la grille, la taille des figures ou leur résolution (dpi)."
            )
        bundle = dict(self.widget()._repr_mimebundle_() or {})
        bundle["text/html"] = page
        bundle["text/plain"] = self.caption()
        return bundle
