"""Music: melodies, a Markov-chain melody generator, a piano roll and a tiny synthesizer.

A melody is a plain Python list of notes; a note is a pair ``(pitch, duration)``:

* ``pitch`` is a MIDI number (60 = middle C, 69 = the A at 440 Hz), or ``None`` for a rest;
* ``duration`` is counted in quarter notes (1.0 = a quarter note, 0.5 = an eighth note).

Three small corpora are offered by :func:`load_corpus`, all read on this machine with no
network: soprano lines of Bach chorales and top voices of Josquin's chansons (both from the
corpus bundled with music21), and French traditional tunes encoded for the course
(``data/musique/airs-traditionnels.abc``). :class:`MarkovMelody` learns which note follows
which, the way :class:`atelier_ia.text.NGramModel` learns which letter follows which.
:func:`audio` turns a melody into a short WAV embedded in the page (no CDN, no plug-in) and
always shows a text description of what is heard (:func:`describe_melody`).

Every random choice takes a seed: the book, the tests and the learner hear the same tune.

Submodules: :mod:`~atelier_ia.music.notes` (names, checks, description),
:mod:`~atelier_ia.music.corpora`, :mod:`~atelier_ia.music.markov`,
:mod:`~atelier_ia.music.memorisation`, :mod:`~atelier_ia.music.figures` (piano roll),
:mod:`~atelier_ia.music.sound`. Everything public is importable from ``atelier_ia.music``.
"""

from .corpora import BACH_DEFAULT, BACH_MAX, CORPORA, JOSQUIN, TRAD_FILE, MelodyCorpus, load_corpus
from .figures import COLOURS, pianoroll_figure
from .markov import MODES, START, MarkovMelody
from .memorisation import longest_shared_passage
from .notes import MAX_NOTE_QUARTERS, MAX_SYNTH_SECONDS, Note, describe_melody, duration_name, note_name
from .sound import HARMONICS, audio, synthesize, wav_bytes

__all__ = [
    "BACH_DEFAULT",
    "BACH_MAX",
    "COLOURS",
    "CORPORA",
    "HARMONICS",
    "JOSQUIN",
    "MAX_NOTE_QUARTERS",
    "MAX_SYNTH_SECONDS",
    "MODES",
    "MarkovMelody",
    "MelodyCorpus",
    "Note",
    "START",
    "TRAD_FILE",
    "audio",
    "describe_melody",
    "duration_name",
    "load_corpus",
    "longest_shared_passage",
    "note_name",
    "pianoroll_figure",
    "synthesize",
    "wav_bytes",
]
