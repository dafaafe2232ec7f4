"""What a live demo shows: text, a figure as a small PNG, a table, or a :class:`Melody`.

:func:`static_html` turns a demo function's result into the HTML of the static book.
"""

from __future__ import annotations

import base64
import html
import io
import json
import sys
from dataclasses import dataclass

from ..errors import AtelierError, describe

__all__ = ["Melody", "static_html"]


def figure_types():
    """matplotlib's ``Figure`` class, imported on first use (importing this module stays cheap)."""
    from matplotlib.figure import Figure

    return Figure


@dataclass
class Melody:
    """A melody as a demo result: its notes travel to the page, which plays them itself.

    ``notes`` is a list of ``(MIDI pitch or None for a rest, duration in quarter notes)``, as
    in :mod:`atelier_ia.music`. In the book a button plays them with the Web Audio API (a few
    hundred bytes per state, no sound file); with a live kernel they become an audio clip.
    The French description (:func:`atelier_ia.music.describe_melody`) is always shown.
    """

    notes: list
    tempo: float = 100
    description: str = ""

    def __post_init__(self):
        from ..music import describe_melody
        from ..music.notes import check_melody, check_tempo

        self.notes = [(None if p is None else int(p), float(d)) for p, d in check_melody(self.notes, "la mélodie")]
        self.tempo = check_tempo(self.tempo)
        if not isinstance(self.description, str):
            raise AtelierError(f"Melody : la description doit être un texte ; vous avez donné {describe(self.description)}.")
        if not self.description.strip():
            self.description = describe_melody(self.notes, self.tempo)

    def html(self) -> str:
        notes = json.dumps([[p, d] for p, d in self.notes], separators=(",", ":"))
        return (
            f'<div class="atelier-melody" data-notes="{html.escape(notes)}" data-tempo="{self.tempo:g}" '
            f'data-play-label="{_TXT["play"]}" data-stop-label="{_TXT["stop"]}" data-nosound="{_TXT["nosound"]}">'
            f'<button type="button" class="atelier-play">{_TXT["play"]}</button>'
            f'<p class="atelier-melody-desc">{html.escape(self.description)}</p>'
            '<p class="atelier-melody-status" role="status"></p></div>'
        )

    def audio(self):
        """The clip a live kernel shows (an embedded WAV, see :func:`atelier_ia.music.audio`)."""
        from ..music import audio

        return audio(self.notes, tempo=self.tempo, max_seconds=20)


_TXT = {
    "play": "▶ Écouter la mélodie",
    "stop": "■ Arrêter",
    "nosound": "Votre navigateur ne sait pas jouer de son sur cette page.",
}


def _png(fig, dpi: int) -> bytes:
    """A figure as a small PNG: what ``savefig(dpi=dpi, bbox_inches="tight")`` gives, drawn in
    one pass instead of two (see :func:`atelier_ia.figures.draw_pixels`), reduced to 64 colours."""
    import matplotlib as mpl
    import numpy as np
    from matplotlib.colors import to_rgba
    from PIL import Image

    from ..figures import draw_pixels

    pixels, box = draw_pixels(fig, dpi, tight=True)
    height, width = pixels.shape[:2]
    # the box in pixels, rows counted from the top; beyond the figure, the figure's background
    left, top = int(np.floor(box.x0 * dpi)), int(np.floor(height - box.y1 * dpi))
    w, h = max(1, int(box.width * dpi)), max(1, int(box.height * dpi))
    out = np.empty((h, w, 4), dtype=np.uint8)
    face = mpl.rcParams["savefig.facecolor"]
    out[:] = np.round(np.array(fig.get_facecolor() if isinstance(face, str) and face == "auto" else to_rgba(face)) * 255)
    x0, y0, x1, y1 = max(left, 0), max(top, 0), min(left + w, width), min(top + h, height)
    if x0 < x1 and y0 < y1:
        out[y0 - top:y1 - top, x0 - left:x1 - left] = pixels[y0:y1, x0:x1]
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:  # a figure made with pyplot stays in pyplot's list until closed
        pyplot.close(fig)
    img = Image.fromarray(out, "RGBA").convert("RGB").quantize(colors=64, dither=Image.Dither.NONE)
    small = io.BytesIO()
    img.save(small, format="PNG", optimize=True)
    return small.getvalue()


def static_html(result, alt: str = "", dpi: int = 100) -> str:
    """HTML for a demo result: text, figure, table, :class:`Melody`, or a tuple of these."""
    Figure = figure_types()
    if isinstance(result, tuple) and result:
        return "".join(static_html(part, alt, dpi) for part in result)
    if isinstance(result, str):
        return f'<pre class="atelier-text" style="white-space:pre-wrap">{html.escape(result)}</pre>'
    if isinstance(result, Melody):
        return result.html()
    if isinstance(result, Figure):
        data = base64.b64encode(_png(result, dpi)).decode("ascii")
        return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" style="max-width:100%">'
    try:
        import pandas as pd

        if isinstance(result, pd.DataFrame):
            from ..tables import table_html

            return table_html(result)  # whole texts, wrapped, French labels (the course's one way)
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    raise AtelierError(
        f"La fonction de démonstration doit renvoyer un texte, une figure matplotlib, un tableau pandas, "
        f"une mélodie (Melody) ou un tuple de ces objets ; elle a renvoyé {describe(result)}."
    )


def has_figure(result) -> bool:
    """True when a demo result (or a part of a tuple) is a matplotlib figure."""
    if isinstance(result, tuple):
        return any(has_figure(part) for part in result)
    return isinstance(result, figure_types())
