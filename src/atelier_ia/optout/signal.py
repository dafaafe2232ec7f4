"""What one reservation file says: the :class:`Signal` every reader of :mod:`atelier_ia.optout` returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import AtelierError, describe
from ..fmt import french_typography
from ..validation import check_bool, check_text, check_texts

__all__ = ["Signal"]

MAX_CHARS = 500_000  # a robots.txt or licence page longer than this is not a learner's file


@dataclass
class Signal:
    """What one file or header says about TDM and AI training.

    ``reserves`` is ``True`` when the signal reserves rights (refuses mining or training, at
    least for some robots or paths), ``False`` when it explicitly allows, ``None`` when it
    says nothing on the matter or could not be read.
    """

    kind: str
    found: bool
    machine_readable: bool
    reserves: bool | None
    says: str
    problems: list[str] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def __post_init__(self):
        check_text(self.kind, "le nom du signal (kind)")
        check_bool(self.found, "found")
        check_bool(self.machine_readable, "machine_readable")
        if self.reserves is not None:
            check_bool(self.reserves, "reserves", hint=" (ou None quand le signal ne dit rien)")
        check_text(self.says, "ce que dit le signal (says)")
        self.problems = list(check_texts(self.problems, "problems"))
        if not isinstance(self.details, dict):
            raise AtelierError(f"« details » doit être un dictionnaire ; vous avez donné {describe(self.details)}.")

    def __str__(self) -> str:
        lines = [f"{self.kind} — {self.says}"]
        lines.append("Lisible par machine : " + ("oui" if self.machine_readable else "non"))
        lines += [f"  ⚠ {p}" for p in self.problems]
        return french_typography("\n".join(lines))


def text_arg(value, name: str) -> str:
    """The text of a learner's file (checked by the readers), at most :data:`MAX_CHARS` characters."""
    text = check_text(value, name)
    if len(text) > MAX_CHARS:
        raise AtelierError(
            f"{name[0].upper() + name[1:]} est trop long ({len(text)} caractères) : donnez le fichier lui-même, "
            f"pas plus de {MAX_CHARS} caractères."
        )
    return text
