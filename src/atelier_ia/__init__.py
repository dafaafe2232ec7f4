"""Atelier IA & culture: the library behind the course notebooks.

Identifiers and docstrings are in English; every message a learner can read is in French.
"""

from .errors import AtelierError
from .tables import install as _install_tables

_install_tables()  # in a notebook, every pandas table shows whole, wrapped and in French

__all__ = ["AtelierError", "__version__"]
__version__ = "0.1.0"
