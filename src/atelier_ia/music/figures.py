"""The piano roll: a melody drawn as bars, time across, pitch up."""

from __future__ import annotations

import numpy as np

from .. import palette
from ..figures import FONT, PALETTE, new_figure, style_axes
from ..validation import check_int, check_text
from .notes import check_melody, check_sounding, note_name

__all__ = [
    "COLOURS",
    "pianoroll_figure",
]


# Okabe & Ito's palette (atelier_ia.figures), distinguishable with every common colour-vision deficiency.
COLOURS = {"generated": PALETTE["bleu"], "prompt": PALETTE["orange"], "edge": palette.COLOURS["encre"]}


def pianoroll_figure(melody, title: str = "", prompt_length: int = 0):
    """A piano roll: one bar per note, time across, pitch up. Returns a matplotlib ``Figure``.

    With ``prompt_length`` = k, the first k notes (the imposed beginning) are drawn in orange
    with hatching, the rest in blue, and a legend says which is which.
    """
    from matplotlib.patches import Patch
    from matplotlib.ticker import MultipleLocator

    melody = check_melody(melody)
    pitches = check_sounding(melody)
    check_text(title, "le titre (title)", allow_empty=True)
    prompt_length = check_int(prompt_length, "prompt_length", 0, len(melody))
    fig, ax = new_figure(width=8, height=3.4)
    onsets = np.concatenate([[0.0], np.cumsum([d for _, d in melody])])
    onset = onsets[-1]
    for part, colour, hatch in ((slice(0, prompt_length), "prompt", "//"), (slice(prompt_length, None), "generated", None)):
        notes = [(p, d, t) for (p, d), t in zip(melody[part], onsets[part]) if p is not None]
        if notes:
            pitch, dur, start = map(np.array, zip(*notes))
            ax.barh(pitch, dur * 0.96, left=start, height=0.8, color=COLOURS[colour], edgecolor=COLOURS["edge"],
                    linewidth=0.6, hatch=hatch)
    lo, hi = min(pitches), max(pitches)
    ax.set_xlim(0, max(onset, 1))
    ax.set_ylim(lo - 1.5, hi + 1.5)
    cs = [p for p in range(lo - 1, hi + 2) if p % 12 == 0]
    ticks = sorted(set(cs + [lo, hi]))
    ax.set_yticks(ticks, [f"{p} ({note_name(p)})" for p in ticks])
    ax.yaxis.set_minor_locator(MultipleLocator(1))
    ax.grid(axis="y", which="minor", color=palette.COLOURS["grille-fine"], linewidth=0.5)
    style_axes(ax, "temps (noires)", "hauteur (MIDI)", title, grid="x")
    if 0 < prompt_length < len(melody):
        fig.legend(handles=[Patch(facecolor=COLOURS["prompt"], edgecolor=COLOURS["edge"], hatch="//", label="début imposé"),
                            Patch(facecolor=COLOURS["generated"], edgecolor=COLOURS["edge"], label="suite générée")],
                   fontsize=FONT["tick"], loc="outside right upper", frameon=False)
    return fig
