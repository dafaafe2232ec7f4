"""Atelier IA & culture: the library behind the course notebooks.

Identifiers and docstrings are in English; every message a learner can read is in French.
"""

from .errors import AtelierError

__all__ = ["AtelierError", "__version__"]
__version__ = "0.1.0"
